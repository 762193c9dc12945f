#pragma once

#include "CertificateRequest.h"

#include "topology/Result.h"
#include "topology/Topology.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

// The names a certificate for one edge interface must carry, computed from
// the published topology so the administrator never types an FQDN twice.
namespace fedgate::certs {

struct CertificateNames
{
    QString commonName;
    QStringList dnsNames;  // subjectAltName dNSName entries, in order, no duplicates
    QStringList srvIds;    // "_xmpp-server.<domain>" (otherName id-on-dnsSRV)
    QStringList xmppAddrs; // "<domain>" (otherName id-on-xmppAddr)
    QStringList warnings;  // sentences, e.g. a wildcard name was asked for

    bool operator==(const CertificateNames &) const = default;
    QJsonObject toJson() const;
    static CertificateNames fromJson(const QJsonObject &object);
};

// The edge pool the request is for: request.edgePool when set, otherwise the
// pool that carries XMPP federation (the first site route names), otherwise
// the only edge pool. Errors say which pools exist.
Result<topology::EdgePool> edgePoolFor(const topology::Topology &topology,
                                       const QString &requestedPool);

// The front-end pool the gateway certificate is for: `requestedPool` when
// set, otherwise the next hop of the XMPP-federation edge pool, otherwise the
// only front-end pool. Errors say which pools exist.
Result<topology::FrontEndPool> frontEndPoolFor(const topology::Topology &topology,
                                               const QString &requestedPool);

// Subject and SANs for `request`. External: CN = the pool's external FQDN;
// SANs = that FQDN, every member's external FQDN, sip.<domain> for each ticked
// SIP domain, each XMPP domain, the additional names. Internal: CN = the
// pool's FQDN; SANs = that FQDN and every member's internal FQDN. Gateway:
// CN = the front-end pool's FQDN; SANs = that FQDN, its members and each
// XMPP domain (clients on 5222 verify the domain).
Result<CertificateNames> computeNames(const topology::Topology &topology,
                                      const CertificateRequest &request);

// The names the topology needs on the certificate of `usage` (what partners
// or the gateway will check), without the optional ones the admin may add.
// `edgePool` names the front-end pool for the Gateway usage.
Result<QStringList> requiredNames(const topology::Topology &topology, CertificateUsage usage,
                                  const QString &edgePool = {});

} // namespace fedgate::certs
