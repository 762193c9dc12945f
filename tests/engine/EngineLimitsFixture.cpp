#include "EngineLimitsFixture.h"
#include "TestSessionLoops.h"

#include "support/PeerProcess.h"
#include "support/TestPaths.h"
#include "topology/TopologyDocument.h"

#include <spdlog/sinks/ostream_sink.h>

#include <algorithm>

namespace fedgate::test {

std::unique_ptr<engine::Engine> makeLimitsEngine(const QHostAddress &address,
                                                 const QHostAddress &partnerAddress,
                                                 quint16 partnerPort, engine::EngineConfig config,
                                                 topology::GatewaySettings gateway)
{
    auto topology = topology::TopologyDocument::readFile(exampleTopologyPath());
    if (!topology) {
        qWarning("%s", qPrintable(topology.error().toString()));
        return nullptr;
    }
    topology::XmppPartner partner;
    partner.domain = kLimitsPartner;
    partner.tls = topology::Negotiation::NotSupported;
    partner.sasl = topology::Negotiation::NotSupported;
    partner.dialback = true;
    topology.value().partners = {partner};
    gateway.dialbackSecret = QStringLiteral("engine-limits-secret");
    topology.value().gateway = gateway;
    config.listenAddress = address;
    config.listenPort = freeTcpPort(address);
    config.hosts.insert(kLimitsPartner, engine::HostOverride{partnerAddress, partnerPort});
    config.sessionLoops = std::max(config.sessionLoops, test::testSessionLoops());
    auto engine = std::make_unique<engine::Engine>(config);
    const Status started = engine->start(topology.value());
    if (!started) {
        qWarning("%s", qPrintable(started.error().message));
        return nullptr;
    }
    return engine;
}

bool openStream(RawPeer &peer, const QHostAddress &source, const engine::Engine &engine)
{
    if (!peer.socket.bind(source) || !peer.connect(engine.listenAddress(), engine.listenPort()))
        return false;
    peer.send(streamHeader(kLimitsOurDomain, kLimitsPartner));
    return peer.waitFor("</stream:features>");
}

bool authenticate(RawPeer &peer, const QHostAddress &source, const engine::Engine &engine)
{
    if (!openStream(peer, source, engine))
        return false;
    peer.send("<db:result from='partner.test' to='contoso.test'>0123abcd</db:result>");
    return peer.waitFor("type='valid'");
}

QString endpointOf(const RawPeer &peer)
{
    return peer.socket.localAddress().toString() + QLatin1Char(':') +
           QString::number(peer.socket.localPort());
}

bool hasSession(const engine::Engine &engine, const QString &remoteAddress)
{
    for (const engine::SessionInfo &s : engine.sessions())
        if (s.remoteAddress == remoteAddress)
            return true;
    return false;
}

bool gotStreamError(RawPeer &peer, const QByteArray &condition)
{
    return peer.waitFor("<" + condition + " xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>") &&
           peer.waitClosed();
}

LogCapture::LogCapture()
    : m_previous(spdlog::default_logger())
{
    spdlog::set_default_logger(std::make_shared<spdlog::logger>(
        "capture", std::make_shared<spdlog::sinks::ostream_sink_mt>(m_text)));
}

QString LogCapture::line(const QString &needle) const
{
    for (const QString &l : QString::fromStdString(text()).split(QLatin1Char('\n')))
        if (l.contains(needle))
            return l;
    return {};
}

LogCapture::~LogCapture()
{
    spdlog::set_default_logger(m_previous);
}

} // namespace fedgate::test
