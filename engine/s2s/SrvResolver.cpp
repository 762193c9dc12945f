#include "SrvResolver.h"

#include "topology/DnsResolver.h"

#include <QPointer>

#include <algorithm>
#include <memory>

namespace fedgate::engine {

using topology::DnsLookupResult;
using topology::DnsOutcome;
using topology::DnsRecordType;

QString ConnectTarget::describe() const
{
    QString text = host + QLatin1Char(':') + QString::number(port);
    if (!address.isNull())
        text += QStringLiteral(" (%1 from %2)").arg(address.toString(), addressOrigin);
    if (directTls)
        text += QStringLiteral(" direct TLS");
    return text;
}

SrvResolver::SrvResolver(QHash<QString, HostOverride> overrides, QObject *parent)
    : QObject(parent)
    , m_overrides(std::move(overrides))
{}

SrvResolver::~SrvResolver() = default;

void SrvResolver::setNameserver(const QHostAddress &address, quint16 port)
{
    m_nameserver = address;
    m_port = port;
    m_dns.reset();
}

topology::DnsResolver &SrvResolver::dns()
{
    if (!m_dns) {
        topology::DnsResolver::Options options;
        options.server = topology::DnsServerAddress(m_nameserver, m_port);
        options.timeoutMs = kLookupTimeoutMs;
        m_dns = std::make_unique<topology::DnsResolver>(options);
    }
    return *m_dns;
}

std::optional<HostOverride> SrvResolver::overrideFor(const QString &host) const
{
    const auto it = m_overrides.constFind(host.toLower());
    if (it == m_overrides.constEnd())
        return std::nullopt;
    return *it;
}

namespace {

// "_xmpp-server._tcp.a.test at 127.0.0.53: 2 record(s)" or "... at 127.0.0.53:
// timeout (no answer within 5000 ms)".
QString note(const DnsLookupResult &r, qsizetype count, const QString &server)
{
    switch (r.outcome) {
    case DnsOutcome::Answer:
    case DnsOutcome::NoData:
        return QStringLiteral("%1 at %2: %3 record(s)").arg(r.name, server).arg(count);
    case DnsOutcome::NxDomain:
        return QStringLiteral("%1 at %2: no such name (0 records)").arg(r.name, server);
    default:
        return QStringLiteral("%1 at %2: %3 (%4)")
            .arg(r.name, server, topology::toString(r.outcome), r.detail);
    }
}

} // namespace

void SrvResolver::resolve(const QString &domain, Callback callback)
{
    if (const auto o = overrideFor(domain)) {
        ConnectTarget t{domain, o->port ? o->port : quint16(5269), false, o->address};
        callback({t}, QStringLiteral("host override: %1").arg(t.describe()));
        return;
    }
    struct Pending
    {
        int outstanding = 2;
        QList<std::pair<topology::DnsSrvAnswer, bool>> records; // record, direct TLS
        QStringList notes;
        bool disabled[2] = {false, false};
    };
    auto pending = std::make_shared<Pending>();
    QPointer<SrvResolver> self(this);
    const QString server = dns().serverLabel();
    auto finishOne = [pending, domain, callback, self]() {
        if (--pending->outstanding > 0 || !self)
            return;
        auto all = pending->records;
        std::stable_sort(all.begin(), all.end(), [](const auto &a, const auto &b) {
            if (a.first.priority != b.first.priority)
                return a.first.priority < b.first.priority;
            return a.first.weight > b.first.weight;
        });
        QList<ConnectTarget> targets;
        for (const auto &[record, direct] : all) {
            ConnectTarget t{record.target, record.port, direct, {}};
            if (const auto o = self->overrideFor(t.host))
                t.address = o->address;
            targets << t;
        }
        QString detail = pending->notes.join(QStringLiteral("; "));
        // RFC 6120 3.2.1: the fallback to the domain's own address is for "no
        // SRV record", not for a DNS failure; but a partner whose DNS fails
        // for the SRV query may still be reachable, as before.
        if (targets.isEmpty() && !pending->disabled[0] && !pending->disabled[1]) {
            targets << ConnectTarget{domain, 5269, false, {}};
            detail += QStringLiteral("; no SRV record, using %1:5269 (A/AAAA)").arg(domain);
        }
        callback(targets, detail);
    };
    const QString names[2] = {QStringLiteral("_xmpps-server._tcp.") + domain,
                              QStringLiteral("_xmpp-server._tcp.") + domain};
    for (int i = 0; i < 2; ++i) {
        dns().lookup(names[i], DnsRecordType::SRV,
                     [pending, i, server, finishOne](const DnsLookupResult &r) {
                         int count = 0;
                         for (const topology::DnsSrvAnswer &a : r.srv) {
                             // RFC 2782: a lone "." target says the service is not offered.
                             if (a.target.isEmpty()) {
                                 pending->disabled[i] = true;
                                 continue;
                             }
                             pending->records.append({a, i == 0});
                             ++count;
                         }
                         QString text = note(r, count, server);
                         if (pending->disabled[i])
                             text += QStringLiteral(", service disabled");
                         pending->notes << text;
                         finishOne();
                     });
    }
}

void SrvResolver::resolveAddresses(const QString &host, AddressCallback callback)
{
    struct Pending
    {
        int outstanding = 2;
        QList<QHostAddress> v4;
        QList<QHostAddress> v6;
        QStringList notes;
    };
    auto pending = std::make_shared<Pending>();
    QPointer<SrvResolver> self(this);
    const QString server = dns().serverLabel();
    for (const DnsRecordType type : {DnsRecordType::A, DnsRecordType::AAAA}) {
        dns().lookup(host, type, [pending, type, server, callback, self](const DnsLookupResult &r) {
            QList<QHostAddress> &list = type == DnsRecordType::A ? pending->v4 : pending->v6;
            list << r.addresses;
            pending->notes << QStringLiteral("%1 %2").arg(topology::toString(type),
                                                          note(r, r.addresses.size(), server));
            if (--pending->outstanding > 0 || !self)
                return;
            callback(pending->v4 + pending->v6, pending->notes.join(QStringLiteral("; ")));
        });
    }
}

} // namespace fedgate::engine
