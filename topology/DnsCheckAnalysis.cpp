#include "DnsCheckAnalysis.h"

#include <QCoreApplication>

#include <algorithm>

namespace fedgate::topology {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DnsCheckAnalysis", text);
}

QString normalisedAddress(const QString &text)
{
    const QHostAddress address(text);
    return address.isNull() ? text.toLower() : address.toString();
}

DnsRecord srvRecordOf(const QString &owner, const DnsSrvAnswer &answer)
{
    DnsRecord r;
    r.type = DnsRecordType::SRV;
    r.name = owner;
    r.value = answer.target;
    r.priority = answer.priority;
    r.weight = answer.weight;
    r.port = answer.port;
    return r;
}

DnsRecord addressRecordOf(const QString &host, DnsRecordType type, const QString &address)
{
    DnsRecord r;
    r.type = type;
    r.name = host;
    r.value = address;
    return r;
}

QString quoted(const QString &zoneLine)
{
    return QLatin1Char('`') + zoneLine + QLatin1Char('`');
}

QString quotedList(const QStringList &lines)
{
    QStringList q;
    for (const QString &l : lines)
        q << quoted(l);
    return q.join(tr(" and "));
}

DnsFinding finding(const QString &rule, const QString &name, const QString &message,
                   const QStringList &create = {}, const QStringList &remove = {})
{
    return DnsFinding{rule, name, message, create, remove};
}

} // namespace

QString DnsQuery::key() const
{
    // A name in both zones is asked twice: keep the answers apart.
    return toString(type) + QLatin1Char(' ') + name +
           (zone == DnsZone::Internal ? QStringLiteral(" (internal)") : QString());
}

QString nonPublicAddressKind(const QHostAddress &input)
{
    QHostAddress address = input;
    bool mapped = false;
    const quint32 v4 = input.toIPv4Address(&mapped);
    if (mapped)
        address = QHostAddress(v4);
    if (address.isNull() || address == QHostAddress(QHostAddress::AnyIPv4) ||
        address == QHostAddress(QHostAddress::AnyIPv6))
        return tr("unspecified");
    if (address.isLoopback())
        return tr("loopback");
    if (address.isLinkLocal())
        return tr("link-local");
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        static const QList<QPair<QHostAddress, int>> privateV4{
            {QHostAddress(QStringLiteral("10.0.0.0")), 8},
            {QHostAddress(QStringLiteral("172.16.0.0")), 12},
            {QHostAddress(QStringLiteral("192.168.0.0")), 16}};
        for (const auto &subnet : privateV4)
            if (address.isInSubnet(subnet))
                return tr("private");
        if (address.isInSubnet(QHostAddress(QStringLiteral("100.64.0.0")), 10))
            return tr("shared (carrier-grade NAT)");
        if (address.isInSubnet(QHostAddress(QStringLiteral("0.0.0.0")), 8))
            return tr("unspecified");
        return {};
    }
    if (address.isUniqueLocalUnicast())
        return tr("unique-local");
    if (address.isSiteLocal())
        return tr("site-local");
    return {};
}

DnsCheckAnalysis::DnsCheckAnalysis(DnsRecordPlan plan, bool includeInternal, QString serverLabel,
                                   int timeoutMs)
    : m_plan(std::move(plan))
    , m_includeInternal(includeInternal)
    , m_server(std::move(serverLabel))
    , m_timeoutMs(timeoutMs)
{
    const QList<DnsRecord> &records = m_plan.records();
    for (qsizetype i = 0; i < records.size(); ++i) {
        DnsCheckResult r;
        r.index = static_cast<int>(i);
        r.record = records.at(i);
        r.status = (r.record.zone == DnsZone::Internal && !m_includeInternal)
                       ? DnsCheckStatus::NotChecked
                       : DnsCheckStatus::Pending;
        m_results << r;
    }
    for (const QString &owner : m_plan.srvOwners())
        m_queries << DnsQuery{owner, DnsRecordType::SRV, DnsZone::External};
    for (const QString &domain : m_plan.xmppDomains()) {
        const QString tls = xmppsServerSrvName(domain);
        if (!m_plan.srvOwners().contains(tls) && !m_plan.srvOwners().isEmpty())
            m_queries << DnsQuery{tls, DnsRecordType::SRV, DnsZone::External};
    }
    for (const QString &owner : m_plan.tlsaOwners())
        m_queries << DnsQuery{owner, DnsRecordType::TLSA, DnsZone::External};
    QList<DnsZone> zones{DnsZone::External};
    if (m_includeInternal)
        zones << DnsZone::Internal;
    for (DnsZone zone : zones)
        for (const QString &host : m_plan.hostNames(zone))
            for (DnsRecordType type : {DnsRecordType::A, DnsRecordType::AAAA})
                m_queries << DnsQuery{host, type, zone};
}

QList<int> DnsCheckAnalysis::addAnswer(const DnsQuery &query, const DnsAnswer &answer)
{
    QList<int> decided;
    m_answers.insert(query.key(), answer);
    QList<int> rows;
    for (int i : m_plan.indicesOf(query.name, query.type))
        if (m_plan.records().at(i).zone == query.zone)
            rows << i;

    if (answer.isFailure()) {
        addFailure(query, answer, rows, &decided);
        return decided;
    }

    if (query.type == DnsRecordType::TLSA) {
        addTlsaAnswer(query, answer, rows, &decided);
    } else if (query.type == DnsRecordType::SRV) {
        if (rows.isEmpty())
            addLintSrvAnswer(query, answer);
        else
            addSrvAnswer(query, answer, &decided);
    } else {
        addAddressAnswer(query, answer, &decided);
    }
    return decided;
}

void DnsCheckAnalysis::addSrvAnswer(const DnsQuery &query, const DnsAnswer &answer,
                                    QList<int> *decided)
{
    const QString owner = query.name;
    QList<int> rows;
    for (int i : m_plan.indicesOf(owner, DnsRecordType::SRV))
        rows << i;
    std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
        return m_plan.records().at(a).priority < m_plan.records().at(b).priority;
    });
    QList<DnsFinding> &out = m_findings[query.key()];
    auto planned = [&](int i) -> const DnsRecord & { return m_plan.records().at(i); };
    auto setRow = [&](int i, DnsCheckStatus status, const QString &message,
                      const QStringList &found) {
        m_results[i].status = status;
        m_results[i].message = message;
        m_results[i].found = found;
        *decided << i;
    };

    QStringList allFound;
    for (const DnsSrvAnswer &a : answer.srv)
        allFound << srvRecordOf(owner, a).typeAndData();

    // Target "." alone says "not offered here"; whatever else the owner holds,
    // the fix is to replace it with the planned records.
    QList<DnsSrvAnswer> dots;
    std::copy_if(answer.srv.begin(), answer.srv.end(), std::back_inserter(dots),
                 [](const DnsSrvAnswer &a) { return a.target.isEmpty(); });
    if (!dots.isEmpty()) {
        QStringList remove;
        for (const DnsSrvAnswer &a : std::as_const(dots))
            remove << srvRecordOf(owner, a).zoneLine();
        QStringList create;
        for (int i : std::as_const(rows)) {
            const bool present =
                std::any_of(answer.srv.begin(), answer.srv.end(), [&](const DnsSrvAnswer &a) {
                    return a.target == planned(i).value && a.port == planned(i).port;
                });
            if (!present)
                create << planned(i).zoneLine();
        }
        const QString message =
            tr("SRV %1 has target \".\", which tells partners the service is not "
               "offered for this domain, so they will not federate. Delete %2 and "
               "create %3.")
                .arg(absoluteDnsName(owner), quotedList(remove), quotedList(create));
        out << finding(QStringLiteral("service-disabled"), owner, message, create, remove);
        for (int i : std::as_const(rows))
            setRow(i, DnsCheckStatus::ServiceDisabled, message, allFound);
        return;
    }

    // Pair planned records with answers: same target first, then the
    // remaining ones in priority order (a record pointing elsewhere).
    QList<DnsSrvAnswer> unmatched = answer.srv;
    std::stable_sort(
        unmatched.begin(), unmatched.end(),
        [](const DnsSrvAnswer &a, const DnsSrvAnswer &b) { return a.priority < b.priority; });
    QHash<int, DnsSrvAnswer> byTarget;
    QList<int> unmatchedRows;
    for (int i : std::as_const(rows)) {
        auto it = std::find_if(unmatched.begin(), unmatched.end(),
                               [&](const DnsSrvAnswer &a) { return a.target == planned(i).value; });
        if (it == unmatched.end()) {
            unmatchedRows << i;
            continue;
        }
        byTarget.insert(i, *it);
        unmatched.erase(it);
    }

    for (int i : std::as_const(unmatchedRows)) {
        if (!unmatched.isEmpty()) {
            const DnsSrvAnswer other = unmatched.takeFirst();
            const QString seen = srvRecordOf(owner, other).zoneLine();
            const QString message =
                tr("SRV %1 points to %2 where the topology expects %3 (edge pool "
                   "%4). Change %5 to %6.")
                    .arg(absoluteDnsName(owner), absoluteDnsName(other.target),
                         absoluteDnsName(planned(i).value), planned(i).edgePool, quoted(seen),
                         quoted(planned(i).zoneLine()));
            out << finding(QStringLiteral("other-target"), owner, message, {planned(i).zoneLine()},
                           {seen});
            setRow(i, DnsCheckStatus::OtherTarget, message,
                   {srvRecordOf(owner, other).typeAndData()});
            continue;
        }
        const QString message =
            tr("SRV %1 to %2 is missing: partners cannot find edge pool %3 (priority "
               "%4). Create %5.")
                .arg(absoluteDnsName(owner), absoluteDnsName(planned(i).value), planned(i).edgePool)
                .arg(planned(i).priority)
                .arg(quoted(planned(i).zoneLine()));
        out << finding(QStringLiteral("missing"), owner, message, {planned(i).zoneLine()});
        setRow(i, DnsCheckStatus::Missing, message, {});
    }
    for (const DnsSrvAnswer &extra : std::as_const(unmatched))
        m_unknownTargets << qMakePair(owner, extra);

    // Ports, then the order the routes give: a lower planned priority must
    // stay lower, pools' members must share one priority. The values
    // themselves may differ (0/10 instead of 10/20).
    bool orderBroken = false;
    const QList<int> matched = byTarget.keys();
    for (int a : matched)
        for (int b : matched) {
            const int plannedCmp = planned(a).priority - planned(b).priority;
            const int seenCmp = byTarget.value(a).priority - byTarget.value(b).priority;
            if ((plannedCmp < 0 && seenCmp >= 0) || (plannedCmp == 0 && seenCmp != 0))
                orderBroken = true;
        }
    for (int i : std::as_const(rows)) {
        if (!byTarget.contains(i))
            continue;
        const DnsSrvAnswer seen = byTarget.value(i);
        const QStringList found{srvRecordOf(owner, seen).typeAndData()};
        if (seen.port != planned(i).port) {
            const QString seenLine = srvRecordOf(owner, seen).zoneLine();
            DnsRecord fixed = planned(i);
            if (!orderBroken) // keep the admin's priority values when their order is right
                fixed.priority = seen.priority;
            const QString message =
                tr("SRV %1 points to %2 on port %3, but edge pool %4 listens on %5. "
                   "Change %6 to %7.")
                    .arg(absoluteDnsName(owner), absoluteDnsName(seen.target))
                    .arg(seen.port)
                    .arg(planned(i).edgePool)
                    .arg(planned(i).port)
                    .arg(quoted(seenLine), quoted(fixed.zoneLine()));
            out << finding(QStringLiteral("other-port"), owner, message, {fixed.zoneLine()},
                           {seenLine});
            setRow(i, DnsCheckStatus::OtherPort, message, found);
        } else {
            setRow(i, orderBroken ? DnsCheckStatus::OtherPriority : DnsCheckStatus::Ok, {}, found);
        }
    }
    if (orderBroken) {
        QStringList create, remove, pools;
        for (int i : std::as_const(rows)) {
            create << planned(i).zoneLine();
            if (byTarget.contains(i))
                remove << srvRecordOf(owner, byTarget.value(i)).zoneLine();
            if (!pools.contains(planned(i).edgePool))
                pools << planned(i).edgePool;
        }
        const QString message =
            tr("The SRV records %1 are in another priority order than the sites' "
               "XMPP federation routes, which prefer edge pool %2 (partners try the "
               "lowest value first). Replace %3 with %4.")
                .arg(absoluteDnsName(owner), pools.join(tr(", then ")), quotedList(remove),
                     quotedList(create));
        out << finding(QStringLiteral("priority-order"), owner, message, create, remove);
        for (int i : std::as_const(rows))
            if (m_results[i].status == DnsCheckStatus::OtherPriority)
                m_results[i].message = message;
    }
}

void DnsCheckAnalysis::addLintSrvAnswer(const DnsQuery &query, const DnsAnswer &answer)
{
    // `_xmpps-server` while no edge pool offers direct TLS: partners try it
    // first (XEP-0368) and meet a port nobody listens on.
    QStringList remove;
    for (const DnsSrvAnswer &a : answer.srv)
        if (!a.target.isEmpty())
            remove << srvRecordOf(query.name, a).zoneLine();
    if (remove.isEmpty())
        return;
    m_findings[query.key()] << finding(
        QStringLiteral("unplanned-direct-tls"), query.name,
        tr("SRV %1 announces direct TLS (XEP-0368), but no edge pool in the topology "
           "has direct TLS enabled: partners try it first and fail. Delete %2, or "
           "enable direct TLS on the edge pool and publish again.")
            .arg(absoluteDnsName(query.name), quotedList(remove)),
        {}, remove);
}

void DnsCheckAnalysis::addAddressAnswer(const DnsQuery &query, const DnsAnswer &answer,
                                        QList<int> *decided)
{
    const QString host = query.name;
    QList<int> rows;
    for (int i : m_plan.indicesOf(host, query.type))
        if (m_plan.records().at(i).zone == query.zone)
            rows << i;
    QList<DnsFinding> &out = m_findings[query.key()];
    auto planned = [&](int i) -> const DnsRecord & { return m_plan.records().at(i); };
    const bool external = query.zone == DnsZone::External;

    QString canonical;
    for (const auto &[alias, target] : answer.aliases)
        if (alias == host)
            canonical = target;
    if (external && !canonical.isEmpty() && m_plan.isSrvTarget(host)) {
        const QString cnameLine = QStringLiteral("%1 %2 IN CNAME %3")
                                      .arg(absoluteDnsName(host))
                                      .arg(DnsRecord::kDefaultTtl)
                                      .arg(absoluteDnsName(canonical));
        const QStringList create = plannedAddressLines(host, query.zone);
        const QString message =
            tr("%1 is an alias (CNAME to %2) but it is the target of an SRV "
               "record; RFC 2782 forbids that and some servers will not follow it. "
               "Delete %3 and create %4.")
                .arg(absoluteDnsName(host), absoluteDnsName(canonical), quoted(cnameLine),
                     quotedList(create));
        if (!m_cnameHosts.contains(host)) {
            m_cnameHosts.insert(host);
            out << finding(QStringLiteral("srv-target-cname"), host, message, create, {cnameLine});
        }
        for (int i : std::as_const(rows)) {
            m_results[i].status = DnsCheckStatus::CnameTarget;
            m_results[i].message = message;
            m_results[i].found = QStringList{QStringLiteral("CNAME ") + absoluteDnsName(canonical)};
            *decided << i;
        }
        return;
    }

    QStringList seen;
    for (const QString &a : answer.addresses)
        if (!seen.contains(normalisedAddress(a)))
            seen << normalisedAddress(a);
    QList<int> unmatchedRows;
    for (int i : std::as_const(rows)) {
        const QString want = normalisedAddress(planned(i).value);
        if (seen.contains(want)) {
            seen.removeAll(want);
            m_results[i].status = DnsCheckStatus::Ok;
            m_results[i].message.clear();
            m_results[i].found = {planned(i).typeAndData()};
            *decided << i;
        } else {
            unmatchedRows << i;
        }
    }
    auto lineOf = [&](const QString &address) {
        return addressRecordOf(host, query.type, address).zoneLine();
    };
    for (int i : std::as_const(unmatchedRows)) {
        if (seen.isEmpty()) {
            // Decided now; the finding waits for the other address type (a
            // host left with no address at all gets one finding).
            m_results[i].status = DnsCheckStatus::Missing;
            m_results[i].found.clear();
            m_results[i].message =
                tr("%1 has no %2 record with %3 (edge pool %4). Create %5.")
                    .arg(absoluteDnsName(host), toString(query.type), planned(i).value,
                         planned(i).edgePool, quoted(planned(i).zoneLine()));
            *decided << i;
            continue;
        }
        const QString other = seen.takeFirst();
        const QString kind = external ? nonPublicAddressKind(QHostAddress(other)) : QString();
        QString message;
        if (!kind.isEmpty()) {
            message = tr("%1 resolves to %2, a %3 address that partners on the "
                         "Internet cannot reach. Change %4 to %5.")
                          .arg(absoluteDnsName(host), other, kind, quoted(lineOf(other)),
                               quoted(planned(i).zoneLine()));
            out << finding(QStringLiteral("private-address"), host, message,
                           {planned(i).zoneLine()}, {lineOf(other)});
        } else {
            message =
                tr("%1 has %2 %3 where the topology gives %4 (edge pool %5). "
                   "Change %6 to %7.")
                    .arg(absoluteDnsName(host), toString(query.type), other, planned(i).value,
                         planned(i).edgePool, quoted(lineOf(other)), quoted(planned(i).zoneLine()));
            out << finding(QStringLiteral("other-target"), host, message, {planned(i).zoneLine()},
                           {lineOf(other)});
        }
        m_results[i].status =
            kind.isEmpty() ? DnsCheckStatus::OtherTarget : DnsCheckStatus::PrivateAddress;
        m_results[i].message = message;
        m_results[i].found = {addressRecordOf(host, query.type, other).typeAndData()};
        *decided << i;
    }
    // Addresses beyond the plan: partners pick among all of them.
    for (const QString &extra : std::as_const(seen)) {
        const QString kind = external ? nonPublicAddressKind(QHostAddress(extra)) : QString();
        if (!kind.isEmpty())
            out << finding(QStringLiteral("private-address"), host,
                           tr("%1 also resolves to %2, a %3 address that partners on "
                              "the Internet cannot reach. Delete %4.")
                               .arg(absoluteDnsName(host), extra, kind, quoted(lineOf(extra))),
                           {}, {lineOf(extra)});
        else
            out << finding(
                QStringLiteral("unplanned-address"), host,
                tr("%1 also has %2 %3, which no edge server in the "
                   "topology has; partners may connect there. Delete "
                   "%4, or give the edge server that address in the "
                   "topology and publish again.")
                    .arg(absoluteDnsName(host), toString(query.type), extra, quoted(lineOf(extra))),
                {}, {lineOf(extra)});
    }
}

QStringList DnsCheckAnalysis::plannedAddressLines(const QString &host, DnsZone zone) const
{
    QStringList lines;
    for (const DnsRecord &r : m_plan.records())
        if (r.zone == zone && r.name == host && r.type != DnsRecordType::SRV)
            lines << r.zoneLine();
    return lines;
}

DnsAnswer DnsAnswer::fromLookup(const DnsLookupResult &result)
{
    DnsAnswer answer;
    answer.outcome = result.outcome;
    answer.error = result.detail;
    answer.srv = result.srv;
    answer.tlsa = result.tlsa;
    for (const QHostAddress &a : result.addresses)
        answer.addresses << a.toString();
    if (!result.canonicalName.isEmpty())
        answer.aliases << qMakePair(result.name, result.canonicalName);
    return answer;
}

bool DnsAnswer::isFailure() const
{
    switch (outcome) {
    case DnsOutcome::Answer:
    case DnsOutcome::NoData:
    case DnsOutcome::NxDomain:
        return false;
    default:
        return true;
    }
}

void DnsCheckAnalysis::addFailure(const DnsQuery &query, const DnsAnswer &answer,
                                  const QList<int> &rows, QList<int> *decided)
{
    const QString asked = toString(query.type) + QLatin1Char(' ') + absoluteDnsName(query.name);
    auto it = std::find_if(m_failures.begin(), m_failures.end(), [&](const Failure &f) {
        return f.outcome == answer.outcome && f.detail == answer.error;
    });
    if (it == m_failures.end())
        it = m_failures.insert(m_failures.end(), Failure{answer.outcome, answer.error, {}});
    if (!it->queries.contains(asked))
        it->queries << asked;
    DnsCheckStatus status = DnsCheckStatus::Timeout;
    switch (answer.outcome) {
    case DnsOutcome::Unreachable:
        status = DnsCheckStatus::Unreachable;
        break;
    case DnsOutcome::Refused:
        status = DnsCheckStatus::Refused;
        break;
    case DnsOutcome::ServFail:
        status = DnsCheckStatus::ServerFailure;
        break;
    default:
        break;
    }
    const QString message =
        tr("Not checked: could not ask %1 for %2: %3.").arg(m_server, asked, answer.error);
    for (int i : rows) {
        m_results[i].status = status;
        m_results[i].message = message;
        m_results[i].found.clear();
        *decided << i;
    }
}

DnsFinding DnsCheckAnalysis::failureFinding(const Failure &f) const
{
    constexpr int kNamesShown = 4;
    QStringList shown = f.queries.mid(0, kNamesShown);
    QString which = shown.join(QStringLiteral(", "));
    if (f.queries.size() > kNamesShown)
        which += tr(" and %1 more").arg(f.queries.size() - kNamesShown);
    const QString count = f.queries.size() == 1
                              ? tr("1 lookup not checked")
                              : tr("%1 lookups not checked").arg(f.queries.size());
    QString rule;
    QString next;
    switch (f.outcome) {
    case DnsOutcome::Unreachable:
        rule = QStringLiteral("server-unreachable");
        next = tr("Check the name server's address and port (it must listen on UDP and TCP) "
                  "and that it is running, then check again.");
        break;
    case DnsOutcome::Timeout:
        rule = QStringLiteral("server-timeout");
        next = tr("Check that the name server is running and that firewalls let DNS through "
                  "(UDP and TCP), or give a longer timeout, then check again.");
        break;
    case DnsOutcome::Refused:
        rule = QStringLiteral("server-refused");
        next = tr("Ask a name server that serves these zones (or recurses for this "
                  "machine), then check again.");
        break;
    default:
        rule = QStringLiteral("server-failure");
        next = tr("Check the zone on the name server (its logs say why it failed), then "
                  "check again.");
        break;
    }
    const QString message =
        tr("Could not ask %1: %2. %3 (%4); these records are not known to be missing or "
           "wrong. %5")
            .arg(m_server, f.detail, count, which, next);
    return finding(rule, m_server, message);
}

void DnsCheckAnalysis::addTlsaAnswer(const DnsQuery &query, const DnsAnswer &answer,
                                     const QList<int> &rows, QList<int> *decided)
{
    QStringList seen;
    for (const DnsTlsaAnswer &t : answer.tlsa)
        seen << QStringLiteral("%1 %2 %3 %4")
                    .arg(t.usage)
                    .arg(t.selector)
                    .arg(t.matchingType)
                    .arg(QString::fromLatin1(t.data.toHex()));
    QStringList unplanned = seen;
    for (int i : rows)
        unplanned.removeAll(m_plan.records().at(i).value);
    auto lineOf = [&](const QString &data) {
        DnsRecord r;
        r.type = DnsRecordType::TLSA;
        r.name = query.name;
        r.value = data;
        return r.zoneLine();
    };
    QStringList remove;
    for (const QString &u : std::as_const(unplanned))
        remove << lineOf(u);
    QList<DnsFinding> &out = m_findings[query.key()];
    for (int i : rows) {
        const DnsRecord &planned = m_plan.records().at(i);
        DnsCheckResult &row = m_results[i];
        *decided << i;
        if (seen.contains(planned.value)) {
            row.status = DnsCheckStatus::Ok;
            row.message.clear();
            row.found = {planned.typeAndData()};
            continue;
        }
        if (!unplanned.isEmpty()) {
            row.status = DnsCheckStatus::OtherTarget;
            row.found.clear();
            for (const QString &u : std::as_const(unplanned))
                row.found << QStringLiteral("TLSA ") + u;
            row.message = tr("TLSA %1 does not match the edge's key (%2): partners that use DANE "
                             "will refuse the edge's certificate. Delete %3 and create %4.")
                              .arg(absoluteDnsName(query.name), planned.purpose, quotedList(remove),
                                   quoted(planned.zoneLine()));
            out << finding(QStringLiteral("tlsa-mismatch"), query.name, row.message,
                           {planned.zoneLine()}, remove);
            continue;
        }
        row.status = DnsCheckStatus::Missing;
        row.found.clear();
        row.message = tr("TLSA %1 for the edge's key is missing: partners that use DANE cannot "
                         "verify the edge's certificate. Create %2.")
                          .arg(absoluteDnsName(query.name), quoted(planned.zoneLine()));
        out << finding(QStringLiteral("tlsa-missing"), query.name, row.message,
                       {planned.zoneLine()});
    }
}

QList<DnsQuery> DnsCheckAnalysis::followUpQueries() const
{
    QList<DnsQuery> follow;
    for (const auto &[owner, answer] : m_unknownTargets) {
        for (DnsRecordType type : {DnsRecordType::A, DnsRecordType::AAAA}) {
            const DnsQuery q{answer.target, type, DnsZone::External};
            if (!m_queries.contains(q) && !follow.contains(q))
                follow << q;
        }
    }
    return follow;
}

QList<DnsFinding> DnsCheckAnalysis::findings() const
{
    QList<DnsFinding> all;
    for (const Failure &f : m_failures)
        all << failureFinding(f);
    for (const DnsQuery &q : m_queries)
        all += m_findings.value(q.key());

    // Missing addresses: one finding per record, except that an SRV target
    // left with no address at all gets one finding naming every record.
    QSet<QString> reported;
    for (const DnsCheckResult &r : m_results) {
        if (r.status != DnsCheckStatus::Missing || r.record.type == DnsRecordType::SRV ||
            r.record.type == DnsRecordType::TLSA)
            continue;
        const QString host = r.record.name;
        const auto answered = [&](DnsRecordType type) {
            const DnsAnswer a = m_answers.value(DnsQuery{host, type, r.record.zone}.key());
            return !a.addresses.isEmpty() || !a.aliases.isEmpty();
        };
        const bool noAddressAtAll = r.record.zone == DnsZone::External &&
                                    m_plan.isSrvTarget(host) && !answered(DnsRecordType::A) &&
                                    !answered(DnsRecordType::AAAA);
        if (noAddressAtAll) {
            if (reported.contains(host))
                continue;
            reported.insert(host);
            const QStringList create = plannedAddressLines(host, r.record.zone);
            all << finding(QStringLiteral("srv-target-no-address"), host,
                           tr("%1 is the target of an SRV record but has no A or "
                              "AAAA record: partners find the edge and cannot "
                              "connect. Create %2.")
                               .arg(absoluteDnsName(host), quotedList(create)),
                           create);
            continue;
        }
        all << finding(QStringLiteral("missing"), host, r.message, {r.record.zoneLine()});
    }

    for (const auto &[owner, answer] : m_unknownTargets) {
        const QString line = srvRecordOf(owner, answer).zoneLine();
        QString resolves;
        const DnsAnswer a =
            m_answers.value(DnsQuery{answer.target, DnsRecordType::A, DnsZone::External}.key());
        const DnsAnswer aaaa =
            m_answers.value(DnsQuery{answer.target, DnsRecordType::AAAA, DnsZone::External}.key());
        const auto empty = [](const DnsAnswer &x) {
            return (x.outcome == DnsOutcome::NxDomain || x.outcome == DnsOutcome::NoData ||
                    x.outcome == DnsOutcome::Answer) &&
                   x.addresses.isEmpty();
        };
        if (empty(a) && empty(aaaa))
            resolves = tr(" It has no A or AAAA record either.");
        const bool known = m_plan.hostNames(DnsZone::External).contains(answer.target);
        const QString what = known
                                 ? tr("a record the plan does not have (that host already has its "
                                      "record for this name)")
                                 : tr("a host the topology does not know");
        all << finding(QStringLiteral("unknown-srv-target"), owner,
                       tr("SRV %1 also points to %2 (priority %3, port %4), %5: "
                          "partners may send federation traffic there.%6 Delete "
                          "%7, or add that edge to the topology and publish again.")
                           .arg(absoluteDnsName(owner), absoluteDnsName(answer.target))
                           .arg(answer.priority)
                           .arg(answer.port)
                           .arg(what, resolves, quoted(line)),
                       {}, {line});
    }
    return all;
}

} // namespace fedgate::topology
