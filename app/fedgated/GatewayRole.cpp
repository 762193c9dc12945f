#include "GatewayRole.h"

#include "engine/CertificateReload.h"
#include "engine/link/LinkTls.h"
#include "engine/runtime/EpollEventDispatcher.h"
#include "engine/xmpp/Jid.h"

#include <spdlog/spdlog.h>

namespace fedgate::app {

GatewayRole::GatewayRole(const engine::EngineConfig &config, const RoleOptions &options)
    : m_config(config)
    , m_options(options)
{
    m_thread.setObjectName(QStringLiteral("gateway"));
    // The gateway's loop scales with its descriptors as the engine's do
    // (issue 14); FEDGATE_EVENT_DISPATCHER=qt keeps Qt's, as for the main
    // thread.
    if (qEnvironmentVariable("FEDGATE_EVENT_DISPATCHER") != QLatin1String("qt"))
        m_thread.setEventDispatcher(new engine::EpollEventDispatcher);
}

GatewayRole::~GatewayRole()
{
    stop();
}

Status GatewayRole::start(const topology::Topology &topology, bool *skipped)
{
    moveToThread(&m_thread);
    m_thread.start();
    Status status = Status::success();
    bool skip = false;
    QMetaObject::invokeMethod(
        this, [&] { status = startHere(topology, &skip); }, Qt::BlockingQueuedConnection);
    if (skipped)
        *skipped = skip;
    if (skip)
        stop();
    return status;
}

Status GatewayRole::startHere(const topology::Topology &topology, bool *skipped)
{
    auto pool = m_options.selectFrontEndPool(m_config, topology);
    if (!pool)
        return pool.error();
    auto verifier = std::make_unique<engine::CertificateChainVerifier>();
    auto tls = engine::linkTlsConfiguration(m_options.linkTlsSource(false, m_config.dataDirectory),
                                            verifier.get());
    if (!tls) {
        if (m_options.roleGiven || m_options.linkOptionsGiven(false))
            return tls.error();
        spdlog::warn("the gateway role does not run ({}): this fedgated is the edge only. Give "
                     "--gateway-cert and --gateway-key, or assign the gateway certificate "
                     "('fedgatectl cert request --usage gateway --immediate', 'fedgatectl cert "
                     "assign ID --usage gateway').",
                     tls.error().message.toStdString());
        *skipped = true;
        return Status::success();
    }

    engine::GatewayConfig gatewayConfig;
    if (!m_options.clientAddress.isNull())
        gatewayConfig.clientAddress = m_options.clientAddress;
    gatewayConfig.clientPort = m_options.clientPort;
    gatewayConfig.tls = tls.value();
    gatewayConfig.tls.setPeerVerifyMode(QSslSocket::VerifyNone); // clients bring no certificate
    gatewayConfig.databaseLocation = m_options.gatewayDatabase;
    m_chain = tls.value().localCertificateChain();
    m_gateway = std::make_unique<engine::Gateway>();
    m_link = std::make_unique<engine::InternalLinkClient>(m_gateway.get(), tls.value(),
                                                          std::move(verifier));
    m_gateway->setFederationUplink(m_link.get());
    // The link leaves from the gateway's own address when it has one.
    if (!m_options.clientAddress.isNull() && m_options.clientAddress != QHostAddress::Any &&
        m_options.clientAddress != QHostAddress::AnyIPv6)
        m_link->setSourceAddress(m_options.clientAddress);
    // Both roles here: the link goes to this process's own edge half, at
    // the address it really listens on.
    if (m_options.runsEdge()) {
        auto edgePool = m_config.selectEdgePool(topology);
        if (!edgePool)
            return edgePool.error();
        auto endpoint = m_options.internalEndpoint(*edgePool.value(), m_config.edgeMember);
        if (!endpoint)
            return endpoint.error();
        m_link->setLocalEdge(edgePool.value()->fqdn, endpoint.value().first,
                             endpoint.value().second);
    }
    if (Status s = m_gateway->start(gatewayConfig, topology); !s)
        return s;
    if (Status s = m_link->start(topology, pool.value()); !s)
        return s;
    spdlog::info("gateway of front-end pool {} started: clients on port {}",
                 pool.value().toStdString(), m_gateway->clientPort());
    return Status::success();
}

void GatewayRole::reload(const topology::Topology &topology)
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(
        this,
        [this, topology] {
            if (m_gateway)
                m_gateway->reload(topology);
            if (m_link)
                m_link->reload(topology);
        },
        Qt::QueuedConnection);
}

void GatewayRole::reloadCertificates(QStringList *reloaded, QStringList *errors)
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(
        this,
        [&] {
            if (!m_gateway || !m_link)
                return;
            const Result<engine::TlsIdentity> identity =
                engine::loadLinkTlsIdentity(m_options.linkTlsSource(false, m_config.dataDirectory));
            if (!identity) {
                *errors << engine::reloadFailure(QStringLiteral("gateway"),
                                                 identity.error().message, m_chain);
                return;
            }
            m_gateway->setTlsIdentity(identity.value());
            m_link->setTlsIdentity(identity.value());
            m_chain = identity.value().chain;
            *reloaded << QStringLiteral("gateway ") + engine::describeCertificate(m_chain);
        },
        Qt::BlockingQueuedConnection);
}

void GatewayRole::stop()
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(this, &GatewayRole::stopHere, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void GatewayRole::stopHere()
{
    if (m_gateway)
        m_gateway->stop();
    if (m_link)
        m_link->stop();
    m_gateway.reset();
    m_link.reset();
}

QList<engine::SessionInfo> GatewayRole::sessions()
{
    QList<engine::SessionInfo> rows;
    if (m_thread.isRunning())
        QMetaObject::invokeMethod(
            this, [&] { rows = sessionsHere(); }, Qt::BlockingQueuedConnection);
    return rows;
}

QList<engine::SessionInfo> GatewayRole::sessionsHere() const
{
    QList<engine::SessionInfo> rows = m_link ? m_link->sessions() : QList<engine::SessionInfo>();
    if (!m_gateway)
        return rows;
    int n = 0;
    for (const engine::ClientSessionInfo &client : m_gateway->clientSessions()) {
        engine::SessionInfo row;
        const engine::Jid jid = engine::Jid::fromString(client.jid);
        row.id = QStringLiteral("c2s-%1").arg(++n);
        row.kind = QStringLiteral("c2s");
        row.direction = engine::SessionDirection::Inbound;
        row.localDomain = jid.domain();
        row.user = jid.isValid() ? jid.bare().toString() : QString();
        row.resource = jid.resource();
        row.remoteAddress = client.remoteAddress;
        row.tlsVersion = client.tlsVersion;
        row.state = client.jid.isEmpty() ? QStringLiteral("negotiating")
                    : client.available   ? QStringLiteral("available")
                                         : QStringLiteral("bound");
        rows << row;
    }
    return rows;
}

} // namespace fedgate::app
