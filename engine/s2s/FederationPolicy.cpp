#include "FederationPolicy.h"

namespace fedgate::engine {

using topology::AuthMethod;
using topology::Negotiation;

FederationPolicy::FederationPolicy(topology::Topology topology)
    : m_topology(std::move(topology))
{}

QByteArray FederationPolicy::dialbackSecret() const
{
    return m_topology.gateway.dialbackSecret.toUtf8();
}

bool FederationPolicy::isLocalDomain(const QString &domain) const
{
    for (const QString &d : m_topology.organisation.xmppDomains)
        if (d.compare(domain, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

const topology::XmppPartner *FederationPolicy::partner(const QString &domain) const
{
    if (domain.isEmpty() || isLocalDomain(domain))
        return nullptr;
    return m_topology.partnerForDomain(domain);
}

std::optional<topology::NegotiationOutcome>
FederationPolicy::negotiation(const QString &domain) const
{
    const topology::XmppPartner *p = partner(domain);
    if (!p)
        return std::nullopt;
    return topology::evaluateNegotiation(*p);
}

bool FederationPolicy::offerTls(const QString &domain) const
{
    const topology::XmppPartner *p = partner(domain);
    return p && p->tls != Negotiation::NotSupported;
}

bool FederationPolicy::requireTls(const QString &domain) const
{
    const topology::XmppPartner *p = partner(domain);
    return p && p->tls == Negotiation::Required;
}

bool FederationPolicy::allowsSasl(const QString &domain) const
{
    return allows(domain, AuthMethod::SaslExternalOverTls);
}

bool FederationPolicy::allowsDialback(const QString &domain, TlsState tls) const
{
    return allows(domain, tls == TlsState::Encrypted ? AuthMethod::DialbackOverTls
                                                     : AuthMethod::DialbackOverTcp);
}

bool FederationPolicy::allows(const QString &domain, AuthMethod method) const
{
    const auto outcome = negotiation(domain);
    return outcome && outcome->canSave() && outcome->allows(method);
}

} // namespace fedgate::engine
