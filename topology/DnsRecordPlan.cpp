#include "DnsRecordPlan.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace fedgate::topology {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DnsRecordPlan", text);
}

// The hosts partners connect to for one edge pool, each with the members
// behind it. Members that carry their own external name get their own SRV
// record; the others are reached through the pool's external name.
struct PoolTarget
{
    QString host;
    QList<const EdgeServer *> members;
};

QList<PoolTarget> targetsOf(const EdgePool &pool)
{
    QList<PoolTarget> targets;
    const QString poolHost = normalisedDnsName(pool.externalFqdn);
    for (const EdgeServer &member : pool.members) {
        const QString host =
            member.externalFqdn.isEmpty() ? poolHost : normalisedDnsName(member.externalFqdn);
        if (host.isEmpty())
            continue;
        auto it = std::find_if(targets.begin(), targets.end(),
                               [&](const PoolTarget &t) { return t.host == host; });
        if (it == targets.end())
            targets.append({host, {&member}});
        else
            it->members.append(&member);
    }
    if (targets.isEmpty() && !poolHost.isEmpty())
        targets.append({poolHost, {}});
    return targets;
}

QString memberName(const EdgeServer &member)
{
    return member.internalFqdn.isEmpty() ? member.externalFqdn : member.internalFqdn;
}

QStringList sitesRoutingTo(const Topology &topology, const EdgePool &pool)
{
    QStringList names;
    for (const Site &site : topology.sites)
        if (normalisedDnsName(site.xmppFederationRoute) == normalisedDnsName(pool.fqdn))
            names << site.name;
    return names;
}

} // namespace

QString xmppServerSrvName(const QString &domain)
{
    return QStringLiteral("_xmpp-server._tcp.") + normalisedDnsName(domain);
}

QString xmppsServerSrvName(const QString &domain)
{
    return QStringLiteral("_xmpps-server._tcp.") + normalisedDnsName(domain);
}

DnsRecordPlan DnsRecordPlan::fromTopology(const Topology &topology)
{
    DnsRecordPlan plan;
    for (const QString &domain : topology.organisation.xmppDomains)
        if (!normalisedDnsName(domain).isEmpty() &&
            !plan.m_xmppDomains.contains(normalisedDnsName(domain)))
            plan.m_xmppDomains << normalisedDnsName(domain);

    const QList<const EdgePool *> routed = topology.xmppRoutedEdgePools();
    if (plan.m_xmppDomains.isEmpty())
        plan.m_notes << tr(
            "The organisation has no XMPP domain, so no _xmpp-server._tcp SRV record is "
            "planned. Add the domain your users federate under to the organisation's XMPP "
            "domains and publish again.");
    if (routed.isEmpty())
        plan.m_notes << tr(
            "No site routes XMPP federation to an edge pool with XMPP federation enabled, so "
            "partners have nowhere to connect. Enable XMPP federation on an edge pool, assign "
            "a site's XMPP federation route to it and publish again.");

    // External zone: SRV records per domain, pools in route order.
    for (const QString &domain : std::as_const(plan.m_xmppDomains)) {
        for (qsizetype rank = 0; rank < routed.size(); ++rank) {
            const EdgePool &pool = *routed.at(rank);
            const auto priority = static_cast<quint16>(kPriorityStep * (rank + 1));
            const QList<PoolTarget> targets = targetsOf(pool);
            if (targets.isEmpty()) {
                if (domain == plan.m_xmppDomains.first())
                    plan.m_notes << tr("Edge pool %1 has no external FQDN, so no SRV record "
                                       "can point to it. Set the pool's external FQDN and "
                                       "publish again.")
                                        .arg(pool.fqdn);
                continue;
            }
            const QStringList routeSites = sitesRoutingTo(topology, pool);
            const QString order =
                rank == 0 ? tr("tried first") : tr("tried while the pools before it are down");
            const int share = targets.size() > 1 ? 100 / static_cast<int>(targets.size()) : 0;
            const int remainder = targets.size() > 1 ? 100 % static_cast<int>(targets.size()) : 0;
            for (qsizetype t = 0; t < targets.size(); ++t) {
                DnsRecord srv;
                srv.zone = DnsZone::External;
                srv.type = DnsRecordType::SRV;
                srv.name = xmppServerSrvName(domain);
                srv.value = targets.at(t).host;
                srv.priority = priority;
                srv.weight = static_cast<quint16>(share + (t < remainder ? 1 : 0));
                srv.port = pool.xmppPort;
                srv.edgePool = normalisedDnsName(pool.fqdn);
                srv.purpose =
                    tr("Partners' servers find edge pool %1 for %2 (priority %3, %4; "
                       "XMPP federation route of %5)")
                        .arg(pool.fqdn, domain)
                        .arg(priority)
                        .arg(order, routeSites.isEmpty() ? tr("no site")
                                                         : routeSites.join(QStringLiteral(", ")));
                if (targets.size() > 1)
                    srv.purpose += tr(", member %1 of %2 sharing the load by weight")
                                       .arg(t + 1)
                                       .arg(targets.size());
                plan.add(srv);
                if (pool.directTls) {
                    DnsRecord tls = srv;
                    tls.name = xmppsServerSrvName(domain);
                    tls.port = pool.directTlsPort;
                    tls.purpose = tr("Direct TLS (XEP-0368): partners reach edge pool "
                                     "%1 for %2 over TLS from the first byte "
                                     "(priority %3)")
                                      .arg(pool.fqdn, domain)
                                      .arg(priority);
                    plan.add(tls);
                }
            }
        }
    }

    // External zone: addresses of every external name of the routed pools.
    for (const EdgePool *pool : routed) {
        const QList<PoolTarget> targets = targetsOf(*pool);
        QList<PoolTarget> hosts = targets;
        // A pool whose members have their own names keeps its pool-wide name
        // (certificates carry it): it resolves to every member.
        const QString poolHost = normalisedDnsName(pool->externalFqdn);
        if (!poolHost.isEmpty() && std::none_of(targets.begin(), targets.end(), [&](const auto &t) {
                return t.host == poolHost;
            })) {
            PoolTarget all{poolHost, {}};
            for (const EdgeServer &member : pool->members)
                all.members << &member;
            hosts << all;
        }
        for (const PoolTarget &host : std::as_const(hosts)) {
            const bool isTarget = std::any_of(targets.begin(), targets.end(),
                                              [&](const auto &t) { return t.host == host.host; });
            if (host.members.isEmpty())
                plan.m_notes << tr("Edge pool %1 has no member, so %2 has no address "
                                   "to publish. Add the edge server to the pool and "
                                   "publish again.")
                                    .arg(pool->fqdn, host.host);
            for (const EdgeServer *member : host.members) {
                const QString role = isTarget ? tr("SRV target") : tr("pool-wide name");
                if (member->publicIPv4().isEmpty() && member->externalIPv6.isEmpty())
                    plan.m_notes << tr("Edge server %1 has no external IPv4 or IPv6 "
                                       "address, so %2 cannot be published. Set its "
                                       "external (or NAT) address and publish again.")
                                        .arg(memberName(*member), host.host);
                if (!member->publicIPv4().isEmpty()) {
                    DnsRecord a;
                    a.zone = DnsZone::External;
                    a.type = DnsRecordType::A;
                    a.name = host.host;
                    a.value = member->publicIPv4();
                    a.edgePool = normalisedDnsName(pool->fqdn);
                    a.purpose = tr("%1 address of edge server %2 (%3 of edge pool %4)")
                                    .arg(member->natIPv4.isEmpty() ? tr("External IPv4")
                                                                   : tr("Public (NAT) IPv4"),
                                         memberName(*member), role, pool->fqdn);
                    plan.add(a);
                }
                if (!member->externalIPv6.isEmpty()) {
                    DnsRecord aaaa;
                    aaaa.zone = DnsZone::External;
                    aaaa.type = DnsRecordType::AAAA;
                    aaaa.name = host.host;
                    aaaa.value = member->externalIPv6.toLower();
                    aaaa.edgePool = normalisedDnsName(pool->fqdn);
                    aaaa.purpose = tr("External IPv6 address of edge server %1 (%2 of "
                                      "edge pool %3)")
                                       .arg(memberName(*member), role, pool->fqdn);
                    plan.add(aaaa);
                }
            }
        }
    }

    // Internal zone: every edge pool, routed or not (the gateway and the
    // front-end pools reach each edge by these names).
    for (const EdgePool *pool : topology.edgePools()) {
        const QString poolName = normalisedDnsName(pool->fqdn);
        for (const EdgeServer &member : pool->members) {
            const QString memberHost = normalisedDnsName(member.internalFqdn);
            QStringList owners;
            if (!memberHost.isEmpty())
                owners << memberHost;
            if (!poolName.isEmpty() && !owners.contains(poolName))
                owners << poolName;
            for (const QString &owner : std::as_const(owners)) {
                const bool isPoolName = owner == poolName && owner != memberHost;
                const QString what = isPoolName
                                         ? tr("Edge pool %1's internal name, reaching member %2 "
                                              "(gateway link, port %3)")
                                               .arg(pool->fqdn, memberName(member))
                                               .arg(pool->internalPort)
                                         : tr("Internal address of edge server %1 (gateway link, "
                                              "port %2)")
                                               .arg(memberName(member))
                                               .arg(pool->internalPort);
                const QList<QPair<DnsRecordType, QString>> addresses{
                    {DnsRecordType::A, member.internalIPv4},
                    {DnsRecordType::AAAA, member.internalIPv6.toLower()}};
                for (const auto &[type, address] : addresses) {
                    if (address.isEmpty())
                        continue;
                    DnsRecord r;
                    r.zone = DnsZone::Internal;
                    r.type = type;
                    r.name = owner;
                    r.value = address;
                    r.edgePool = poolName;
                    r.purpose = what;
                    plan.add(r);
                }
            }
            if (member.internalIPv4.isEmpty() && member.internalIPv6.isEmpty())
                plan.m_notes << tr("Edge server %1 has no internal address, so the "
                                   "internal DNS cannot name it. Set its internal "
                                   "IPv4 or IPv6 address and publish again.")
                                    .arg(memberName(member));
        }
    }
    return plan;
}

void DnsRecordPlan::add(const DnsRecord &record)
{
    // Two domains or two pools may need the same address record; the zone
    // holds it once.
    for (const DnsRecord &r : std::as_const(m_records))
        if (r.zone == record.zone && r.type == record.type && r.name == record.name &&
            r.value == record.value && r.port == record.port)
            return;
    m_records << record;
}

QList<DnsRecord> DnsRecordPlan::records(DnsZone zone) const
{
    QList<DnsRecord> list;
    for (const DnsRecord &r : m_records)
        if (r.zone == zone)
            list << r;
    return list;
}

QList<int> DnsRecordPlan::indicesOf(const QString &name, DnsRecordType type) const
{
    const QString wanted = normalisedDnsName(name);
    QList<int> indices;
    for (qsizetype i = 0; i < m_records.size(); ++i)
        if (m_records.at(i).type == type && m_records.at(i).name == wanted)
            indices << static_cast<int>(i);
    return indices;
}

bool DnsRecordPlan::isSrvTarget(const QString &host) const
{
    const QString wanted = normalisedDnsName(host);
    return std::any_of(m_records.begin(), m_records.end(), [&](const DnsRecord &r) {
        return r.type == DnsRecordType::SRV && r.value == wanted;
    });
}

QStringList DnsRecordPlan::srvOwners() const
{
    QStringList owners;
    for (const DnsRecord &r : m_records)
        if (r.type == DnsRecordType::SRV && !owners.contains(r.name))
            owners << r.name;
    return owners;
}

QStringList DnsRecordPlan::hostNames(DnsZone zone) const
{
    QStringList hosts;
    for (const DnsRecord &r : m_records)
        if (r.zone == zone && (r.type == DnsRecordType::A || r.type == DnsRecordType::AAAA) &&
            !hosts.contains(r.name))
            hosts << r.name;
    return hosts;
}

void DnsRecordPlan::addDaneKeys(const QList<DaneKey> &keys)
{
    QList<QPair<QString, quint16>> endpoints; // SRV target and port
    QHash<QString, QString> pools;
    for (const DnsRecord &r : std::as_const(m_records))
        if (r.zone == DnsZone::External && r.type == DnsRecordType::SRV && !r.value.isEmpty() &&
            !endpoints.contains(qMakePair(r.value, r.port))) {
            endpoints << qMakePair(r.value, r.port);
            pools.insert(r.value, r.edgePool);
        }
    for (const auto &[target, port] : std::as_const(endpoints))
        for (const DaneKey &key : keys) {
            DnsRecord tlsa;
            tlsa.zone = DnsZone::External;
            tlsa.type = DnsRecordType::TLSA;
            tlsa.name = QStringLiteral("_%1._tcp.%2").arg(port).arg(target);
            tlsa.value = QStringLiteral("3 1 1 ") + QString::fromLatin1(key.spkiSha256.toHex());
            tlsa.edgePool = pools.value(target);
            tlsa.purpose = tr("DANE (RFC 7673): partners that validate DNSSEC check the edge's "
                              "certificate on %1 port %2 against this key (%3)")
                               .arg(target)
                               .arg(port)
                               .arg(key.origin);
            add(tlsa);
        }
}

QStringList DnsRecordPlan::tlsaOwners() const
{
    QStringList owners;
    for (const DnsRecord &r : m_records)
        if (r.type == DnsRecordType::TLSA && !owners.contains(r.name))
            owners << r.name;
    return owners;
}

} // namespace fedgate::topology
