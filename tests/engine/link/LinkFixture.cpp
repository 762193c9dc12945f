#include "LinkFixture.h"

#include "engine/link/LinkTls.h"
#include "engine/tls/CertificateChainVerifier.h"
#include "support/TestPaths.h"
#include "topology/TopologyDocument.h"

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

namespace fedgate::test {

using engine::XmlElement;

const XmlElement *RecordingInbox::receivedWithId(const QString &id) const
{
    for (const XmlElement &stanza : received)
        if (stanza.attribute(QStringLiteral("id")) == id)
            return &stanza;
    return nullptr;
}

bool LinkFixture::create(const EdgeAddresses &paris, const EdgeAddresses &montreal, QString *error)
{
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(*m_log, true);
    auto logger = std::make_shared<spdlog::logger>("link-test", sink);
    logger->set_level(spdlog::level::info);
    spdlog::set_default_logger(logger);

    if (!m_dir.isValid() || !m_ca.create(m_dir.path(), QStringLiteral("Link Test CA"), error))
        return false;
    const QString foreignDir = m_dir.filePath(QStringLiteral("foreign"));
    QDir().mkpath(foreignDir);
    if (!m_foreignCa.create(foreignDir, QStringLiteral("Some Other CA"), error))
        return false;
    const QList<std::pair<QString, QString>> names{
        {QStringLiteral("edge-paris"), kParisEdge},
        {QStringLiteral("edge-mtl"), kMontrealEdge},
        {QStringLiteral("fe-paris"), kParisFrontEnd},
        {QStringLiteral("fe-mtl"), kMontrealFrontEnd},
        {QStringLiteral("rogue"), QStringLiteral("rogue.contoso.test")}};
    for (const auto &[base, name] : names) {
        auto leaf = m_ca.issue(base, name, {name}, {}, error);
        if (!leaf)
            return false;
        m_leaves.insert(base, *leaf);
    }
    auto foreign =
        m_foreignCa.issue(QStringLiteral("foreign"), kParisFrontEnd, {kParisFrontEnd}, {}, error);
    if (!foreign)
        return false;
    m_leaves.insert(QStringLiteral("foreign"), *foreign);

    auto document = topology::TopologyDocument::readFile(exampleTopologyPath());
    if (!document) {
        *error = document.error().toString();
        return false;
    }
    m_topology = document.value();
    m_addresses.insert(kParisEdge, paris);
    m_addresses.insert(kMontrealEdge, montreal);
    for (const QString &pool : {kParisEdge, kMontrealEdge}) {
        topology::EdgePool *edge = m_topology.edgePool(pool);
        edge->members.first().internalIPv4 = m_addresses.value(pool).internal.toString();
        edge->members.first().externalIPv4 = m_addresses.value(pool).external.toString();
        edge->members.first().externalIPv6.clear();
        edge->nextHopPool = kParisFrontEnd;
    }
    m_topology.gateway.streamEstablishmentTimeout = 2;
    m_topology.gateway.dialbackSecret = QStringLiteral("5ec7e75ec7e75ec7e7");
    return true;
}

Result<QSslConfiguration> LinkFixture::tlsFor(const QString &leaf,
                                              engine::CertificateChainVerifier *verifier) const
{
    engine::LinkTlsSource source;
    source.certificatePath = m_leaves.value(leaf).certificatePath;
    source.keyPath = m_leaves.value(leaf).keyPath;
    source.caPath = m_ca.certificatePath();
    return engine::linkTlsConfiguration(source, verifier);
}

std::unique_ptr<EdgeUnderTest> LinkFixture::startEdge(const QString &pool, QString *error) const
{
    const EdgeAddresses addresses = m_addresses.value(pool);
    engine::EngineConfig config;
    config.edgePool = pool;
    config.listenAddress = addresses.external;
    config.listenPort = 5269;
    config.caPath = m_ca.certificatePath();
    config.dataDirectory = m_dir.filePath(QStringLiteral("data-") + pool);
    auto edge = std::make_unique<EdgeUnderTest>();
    edge->engine = std::make_unique<engine::Engine>(config);
    if (Status s = edge->engine->start(m_topology); !s) {
        *error = s.error().message;
        return nullptr;
    }
    auto verifier = std::make_unique<engine::CertificateChainVerifier>();
    auto tls =
        tlsFor(pool == kParisEdge ? QStringLiteral("edge-paris") : QStringLiteral("edge-mtl"),
               verifier.get());
    if (!tls) {
        *error = tls.error().message;
        return nullptr;
    }
    edge->link = std::make_unique<engine::InternalLinkServer>(edge->engine.get(), tls.value(),
                                                              std::move(verifier));
    if (Status s = edge->link->start(m_topology, pool, addresses.internal, 23456); !s) {
        *error = s.error().message;
        return nullptr;
    }
    return edge;
}

std::unique_ptr<engine::InternalLinkClient>
LinkFixture::startGateway(engine::FederationInbox *inbox, const QString &leaf, QString *error) const
{
    auto verifier = std::make_unique<engine::CertificateChainVerifier>();
    auto tls = tlsFor(leaf, verifier.get());
    if (!tls) {
        *error = tls.error().message;
        return nullptr;
    }
    auto client =
        std::make_unique<engine::InternalLinkClient>(inbox, tls.value(), std::move(verifier));
    client->setRetryDelays(100, 400);
    if (Status s = client->start(m_topology, kParisFrontEnd); !s) {
        *error = s.error().message;
        return nullptr;
    }
    return client;
}

QString LinkFixture::log() const
{
    return QString::fromStdString(m_log->str());
}

XmlElement clientMessage(const QString &id, const QString &to, const QString &body)
{
    XmlElement message(QStringLiteral("message"), QStringLiteral("jabber:client"));
    message.setAttribute(QStringLiteral("from"), QStringLiteral("alice@contoso.test/laptop"));
    message.setAttribute(QStringLiteral("to"), to);
    message.setAttribute(QStringLiteral("id"), id);
    message.setAttribute(QStringLiteral("type"), QStringLiteral("chat"));
    XmlElement text(QStringLiteral("body"), QStringLiteral("jabber:client"));
    text.addText(body);
    message.addChild(std::move(text));
    return message;
}

} // namespace fedgate::test
