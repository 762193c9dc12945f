#include "CertificateNames.h"

#include "OpenSsl.h"

#include "topology/Validation.h"

#include <QJsonArray>

#include <optional>

namespace fedgate::certs {

namespace {

void addUnique(QStringList &list, const QString &name)
{
    const QString normalised = name.trimmed().toLower();
    if (normalised.isEmpty())
        return;
    for (const QString &existing : list) {
        if (existing.compare(normalised, Qt::CaseInsensitive) == 0)
            return;
    }
    list << normalised;
}

QJsonArray toArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &item : list)
        array.append(item);
    return array;
}

QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list << item.toString();
    return list;
}

QStringList sipDomainsOf(const topology::Organisation &organisation)
{
    QStringList domains;
    addUnique(domains, organisation.defaultSipDomain);
    for (const QString &domain : organisation.additionalSipDomains)
        addUnique(domains, domain);
    return domains;
}

// Walks the sites directly rather than through Topology's lookups so that the
// rules here read as the certificate wizard states them.
QList<topology::EdgePool> allEdgePools(const topology::Topology &topology)
{
    QList<topology::EdgePool> pools;
    for (const topology::Site &site : topology.sites)
        pools += site.edgePools;
    return pools;
}

QList<topology::FrontEndPool> allFrontEndPools(const topology::Topology &topology)
{
    QList<topology::FrontEndPool> pools;
    for (const topology::Site &site : topology.sites)
        pools += site.frontEndPools;
    return pools;
}

// Every SAN must be a DNS name; a wildcard only as the whole left-most label
// (with a warning about what it does not cover).
std::optional<Error> checkDnsNames(CertificateNames &names)
{
    for (const QString &name : names.dnsNames) {
        const bool wildcard = name.startsWith(QLatin1String("*."));
        const QString reason = topology::checkDomainName(wildcard ? name.mid(2) : name);
        if (!reason.isEmpty())
            return userError(
                QStringLiteral("'%1' cannot go into a certificate: %2").arg(name, reason));
        if (name.contains(QLatin1Char('*')) && !wildcard)
            return userError(QStringLiteral("'%1' has a wildcard that is not the whole left-most "
                                            "label. Use a name such as *.%2 or list the names.")
                                 .arg(name, name.section(QLatin1Char('.'), 1)));
        if (wildcard)
            names.warnings << QStringLiteral(
                                  "'%1' is a wildcard: it covers one label only (not %2 itself), "
                                  "many public CAs charge more for it, and XMPP servers "
                                  "that follow RFC 6125 strictly may not accept it for the "
                                  "XMPP domain. Prefer listing each name.")
                                  .arg(name, name.mid(2));
    }
    return std::nullopt;
}

// Gateway: CN = the front-end pool FQDN; SANs = that FQDN, its members (the
// edge checks the link's client certificate against the pool's name) and
// each XMPP domain (clients on 5222 check the domain they log in to).
Result<CertificateNames> gatewayNames(const topology::Topology &topology,
                                      const CertificateRequest &request)
{
    Result<topology::FrontEndPool> pool = frontEndPoolFor(topology, request.frontEndPool);
    if (!pool)
        return pool.error();
    CertificateNames names;
    names.commonName = pool.value().fqdn.toLower();
    addUnique(names.dnsNames, pool.value().fqdn);
    for (const QString &member : pool.value().members)
        addUnique(names.dnsNames, member);
    for (const QString &domain : topology.organisation.xmppDomains)
        addUnique(names.dnsNames, domain);
    for (const QString &san : request.additionalSans)
        addUnique(names.dnsNames, san);
    if (request.includeXmppAddrs)
        for (const QString &domain : topology.organisation.xmppDomains)
            addUnique(names.xmppAddrs, domain);
    if (std::optional<Error> bad = checkDnsNames(names))
        return *bad;
    return names;
}

} // namespace

Result<topology::FrontEndPool> frontEndPoolFor(const topology::Topology &topology,
                                               const QString &requestedPool)
{
    const QList<topology::FrontEndPool> pools = allFrontEndPools(topology);
    QStringList known;
    for (const topology::FrontEndPool &pool : pools)
        known << pool.fqdn;
    if (pools.isEmpty())
        return userError(QStringLiteral("The topology has no front-end pool, so there is no "
                                        "gateway to name. Add a front-end pool to a site and "
                                        "publish the topology before requesting the gateway "
                                        "certificate."));
    const auto find = [&](const QString &fqdn) -> std::optional<topology::FrontEndPool> {
        for (const topology::FrontEndPool &pool : pools)
            if (pool.fqdn.compare(fqdn, Qt::CaseInsensitive) == 0)
                return pool;
        return std::nullopt;
    };
    if (!requestedPool.isEmpty()) {
        if (auto pool = find(requestedPool))
            return *pool;
        return userError(QStringLiteral("The topology has no front-end pool '%1'. Its "
                                        "front-end pools: %2.")
                             .arg(requestedPool, known.join(QStringLiteral(", "))));
    }
    // The pool the XMPP-federation edge pool hands the gateway's traffic to.
    if (Result<topology::EdgePool> edge = edgePoolFor(topology, QString());
        edge && !edge.value().nextHopPool.isEmpty())
        if (auto pool = find(edge.value().nextHopPool))
            return *pool;
    if (pools.size() == 1)
        return pools.first();
    return userError(QStringLiteral("The topology has several front-end pools and the XMPP "
                                    "federation edge pool names none as its next hop. Name the "
                                    "pool the gateway certificate is for (%1).")
                         .arg(known.join(QStringLiteral(", "))));
}

QJsonObject CertificateNames::toJson() const
{
    return QJsonObject{{QStringLiteral("commonName"), commonName},
                       {QStringLiteral("dnsNames"), toArray(dnsNames)},
                       {QStringLiteral("srvIds"), toArray(srvIds)},
                       {QStringLiteral("xmppAddrs"), toArray(xmppAddrs)},
                       {QStringLiteral("warnings"), toArray(warnings)}};
}

CertificateNames CertificateNames::fromJson(const QJsonObject &object)
{
    CertificateNames names;
    names.commonName = object.value(QStringLiteral("commonName")).toString();
    names.dnsNames = toStringList(object.value(QStringLiteral("dnsNames")));
    names.srvIds = toStringList(object.value(QStringLiteral("srvIds")));
    names.xmppAddrs = toStringList(object.value(QStringLiteral("xmppAddrs")));
    names.warnings = toStringList(object.value(QStringLiteral("warnings")));
    return names;
}

Result<topology::EdgePool> edgePoolFor(const topology::Topology &topology,
                                       const QString &requestedPool)
{
    const QList<topology::EdgePool> pools = allEdgePools(topology);
    QStringList known;
    for (const topology::EdgePool &pool : pools)
        known << pool.fqdn;
    if (pools.isEmpty())
        return userError(
            QStringLiteral("The topology has no edge pool. Add an edge pool to a site "
                           "and publish the topology before requesting certificates."));
    if (!requestedPool.isEmpty()) {
        for (const topology::EdgePool &pool : pools) {
            if (pool.fqdn.compare(requestedPool, Qt::CaseInsensitive) == 0)
                return pool;
        }
        return userError(QStringLiteral("The topology has no edge pool '%1'. Its edge pools: %2.")
                             .arg(requestedPool, known.join(QStringLiteral(", "))));
    }
    // The pool the sites route XMPP federation through, in route order.
    for (const topology::Site &site : topology.sites) {
        if (site.xmppFederationRoute.isEmpty())
            continue;
        for (const topology::EdgePool &pool : pools) {
            if (pool.fqdn.compare(site.xmppFederationRoute, Qt::CaseInsensitive) == 0)
                return pool;
        }
    }
    for (const topology::EdgePool &pool : pools) {
        if (pool.xmppFederation)
            return pool;
    }
    if (pools.size() == 1)
        return pools.first();
    return userError(QStringLiteral("The topology has several edge pools and none carries XMPP "
                                    "federation. Name the pool the certificate is for (%1).")
                         .arg(known.join(QStringLiteral(", "))));
}

Result<CertificateNames> computeNames(const topology::Topology &topology,
                                      const CertificateRequest &request)
{
    if (request.usage == CertificateUsage::Gateway)
        return gatewayNames(topology, request);
    Result<topology::EdgePool> poolResult = edgePoolFor(topology, request.edgePool);
    if (!poolResult)
        return poolResult.error();
    const topology::EdgePool &pool = poolResult.value();

    CertificateNames names;
    if (request.usage == CertificateUsage::InternalEdge) {
        if (pool.fqdn.isEmpty())
            return userError(QStringLiteral("The edge pool has no internal FQDN. Set it in the "
                                            "topology and publish again."));
        names.commonName = pool.fqdn.toLower();
        addUnique(names.dnsNames, pool.fqdn);
        for (const topology::EdgeServer &member : pool.members)
            addUnique(names.dnsNames, member.internalFqdn);
        for (const QString &san : request.additionalSans)
            addUnique(names.dnsNames, san);
    } else {
        if (pool.externalFqdn.isEmpty())
            return userError(
                QStringLiteral("The edge pool %1 has no external FQDN. Set the access "
                               "edge's external FQDN in the topology and publish again.")
                    .arg(pool.fqdn));
        names.commonName = pool.externalFqdn.toLower();
        addUnique(names.dnsNames, pool.externalFqdn);
        for (const topology::EdgeServer &member : pool.members)
            addUnique(names.dnsNames, member.externalFqdn);
        const QStringList sipDomains = sipDomainsOf(topology.organisation);
        for (const QString &ticked : request.sipDomains) {
            if (!sipDomains.contains(ticked.trimmed().toLower()))
                return userError(QStringLiteral("'%1' is not a SIP domain of the topology. Its SIP "
                                                "domains: %2.")
                                     .arg(ticked, sipDomains.join(QStringLiteral(", "))));
            addUnique(names.dnsNames, QStringLiteral("sip.") + ticked);
        }
        for (const QString &domain : topology.organisation.xmppDomains)
            addUnique(names.dnsNames, domain);
        for (const QString &san : request.additionalSans)
            addUnique(names.dnsNames, san);
        if (request.includeSrvIds) {
            for (const QString &domain : topology.organisation.xmppDomains)
                addUnique(names.srvIds, QStringLiteral("_xmpp-server.") + domain);
        }
        if (request.includeXmppAddrs) {
            for (const QString &domain : topology.organisation.xmppDomains)
                addUnique(names.xmppAddrs, domain);
        }
    }

    if (std::optional<Error> bad = checkDnsNames(names))
        return *bad;
    return names;
}

Result<QStringList> requiredNames(const topology::Topology &topology, CertificateUsage usage,
                                  const QString &edgePool)
{
    CertificateRequest bare;
    bare.usage = usage;
    if (usage == CertificateUsage::Gateway)
        bare.frontEndPool = edgePool;
    else
        bare.edgePool = edgePool;
    Result<CertificateNames> names = computeNames(topology, bare);
    if (!names)
        return names.error();
    return names.value().dnsNames;
}

} // namespace fedgate::certs
