#include "EdgeRole.h"

#include "engine/CertificateReload.h"
#include "engine/link/LinkTls.h"

#include <spdlog/spdlog.h>

namespace fedgate::app {

EdgeRole::EdgeRole(const engine::EngineConfig &config, const RoleOptions &options)
    : m_config(config)
    , m_options(options)
    , m_engine(std::make_unique<engine::Engine>(config))
{}

EdgeRole::~EdgeRole()
{
    m_link.reset(); // unplugs itself from the engine first
}

Status EdgeRole::start(const topology::Topology &topology)
{
    if (Status s = m_engine->start(topology); !s)
        return s;
    auto pool = m_config.selectEdgePool(topology);
    if (!pool)
        return pool.error();
    auto endpoint = m_options.internalEndpoint(*pool.value(), m_config.edgeMember);
    if (!endpoint)
        return endpoint.error();
    auto verifier = std::make_unique<engine::CertificateChainVerifier>();
    auto tls = engine::linkTlsConfiguration(m_options.linkTlsSource(true, m_config.dataDirectory),
                                            verifier.get());
    if (!tls) {
        if (m_options.roleGiven || m_options.linkOptionsGiven(true))
            return tls.error();
        spdlog::warn("the internal link is not offered ({}); partner stanzas to our users are "
                     "answered service-unavailable. Give --internal-cert and --internal-key, or "
                     "assign the internal edge certificate.",
                     tls.error().message.toStdString());
        return Status::success();
    }
    m_linkChain = tls.value().localCertificateChain();
    m_link = std::make_unique<engine::InternalLinkServer>(m_engine.get(), tls.value(),
                                                          std::move(verifier));
    return m_link->start(topology, pool.value()->fqdn, endpoint.value().first,
                         endpoint.value().second);
}

Status EdgeRole::reload(const topology::Topology &topology)
{
    if (Status s = m_engine->reload(topology); !s)
        return s;
    if (m_link)
        m_link->reload(topology);
    return Status::success();
}

void EdgeRole::reloadCertificates(QStringList *reloaded, QStringList *errors)
{
    const Result<QString> external = m_engine->reloadCertificate();
    if (external)
        *reloaded << QStringLiteral("external ") + external.value();
    else
        *errors << engine::reloadFailure(QStringLiteral("external edge"), external.error().message,
                                         m_engine->tlsConfiguration().localCertificateChain());
    if (!m_link)
        return;
    const Result<engine::TlsIdentity> link =
        engine::loadLinkTlsIdentity(m_options.linkTlsSource(true, m_config.dataDirectory));
    if (!link) {
        *errors << engine::reloadFailure(QStringLiteral("internal link (edge side)"),
                                         link.error().message, m_linkChain);
        return;
    }
    m_link->setTlsIdentity(link.value());
    m_linkChain = link.value().chain;
    *reloaded << QStringLiteral("internal link ") + engine::describeCertificate(m_linkChain);
}

void EdgeRole::stop()
{
    if (m_link)
        m_link->stop();
    m_engine->stop();
}

QList<engine::SessionInfo> EdgeRole::linkSessions() const
{
    return m_link ? m_link->sessions() : QList<engine::SessionInfo>();
}

} // namespace fedgate::app
