#pragma once

#include "topology/NegotiationMatrix.h"
#include "topology/Topology.h"

#include <QString>
#include <QStringList>

#include <optional>

// What the published topology allows on the external interface: which
// domains are ours, which remote domains are partners, and for each partner
// which authentication methods may be offered and accepted (the negotiation
// matrix). A value: the engine swaps it whole on reload.
namespace fedgate::engine {

enum class TlsState
{
    Plain,
    Encrypted
};

class FederationPolicy
{
public:
    FederationPolicy() = default;
    explicit FederationPolicy(topology::Topology topology);

    const topology::Topology &topology() const { return m_topology; }
    const topology::GatewaySettings &gateway() const { return m_topology.gateway; }
    QByteArray dialbackSecret() const;

    bool isLocalDomain(const QString &domain) const;
    QStringList localDomains() const { return m_topology.organisation.xmppDomains; }
    const topology::XmppPartner *partner(const QString &domain) const;

    // Negotiation for a partner domain; nullopt for a domain that is not a
    // partner.
    std::optional<topology::NegotiationOutcome> negotiation(const QString &domain) const;

    bool offerTls(const QString &domain) const;   // TLS Required or Optional
    bool requireTls(const QString &domain) const; // TLS Required
    bool allowsSasl(const QString &domain) const;
    bool allowsDialback(const QString &domain, TlsState tls) const;
    // Is `method` acceptable for a stream to/from `domain` right now?
    bool allows(const QString &domain, topology::AuthMethod method) const;

private:
    topology::Topology m_topology;
};

} // namespace fedgate::engine
