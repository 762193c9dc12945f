#include "SrvResolver.h"

#include <QDnsLookup>
#include <QPointer>

#include <algorithm>
#include <memory>

namespace fedgate::engine {

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

std::optional<HostOverride> SrvResolver::overrideFor(const QString &host) const
{
    const auto it = m_overrides.constFind(host.toLower());
    if (it == m_overrides.constEnd())
        return std::nullopt;
    return *it;
}

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
        QList<QDnsServiceRecord> records;
        QList<bool> direct;
        QStringList notes;
        bool disabled[2] = {false, false};
    };
    auto pending = std::make_shared<Pending>();
    QPointer<SrvResolver> self(this);
    auto finishOne = [pending, domain, callback, self]() {
        if (--pending->outstanding > 0 || !self)
            return;
        QList<std::pair<QDnsServiceRecord, bool>> all;
        for (qsizetype i = 0; i < pending->records.size(); ++i)
            all.append({pending->records[i], pending->direct[i]});
        std::stable_sort(all.begin(), all.end(), [](const auto &a, const auto &b) {
            if (a.first.priority() != b.first.priority())
                return a.first.priority() < b.first.priority();
            return a.first.weight() > b.first.weight();
        });
        QList<ConnectTarget> targets;
        for (const auto &[record, direct] : all) {
            ConnectTarget t{record.target(), record.port(), direct, {}};
            if (const auto o = self->overrideFor(t.host))
                t.address = o->address;
            targets << t;
        }
        QString detail = pending->notes.join(QStringLiteral("; "));
        if (targets.isEmpty() && !pending->disabled[0] && !pending->disabled[1]) {
            targets << ConnectTarget{domain, 5269, false, {}};
            detail += QStringLiteral("; no SRV record, using %1:5269 (A/AAAA)").arg(domain);
        }
        callback(targets, detail);
    };
    const QString names[2] = {QStringLiteral("_xmpps-server._tcp.") + domain,
                              QStringLiteral("_xmpp-server._tcp.") + domain};
    for (int i = 0; i < 2; ++i) {
        auto *lookup = new QDnsLookup(QDnsLookup::SRV, names[i], this);
        if (!m_nameserver.isNull())
            lookup->setNameserver(m_nameserver);
        connect(lookup, &QDnsLookup::finished, this, [lookup, pending, i, names, finishOne] {
            lookup->deleteLater();
            if (lookup->error() != QDnsLookup::NoError) {
                pending->notes << QStringLiteral("%1: %2").arg(names[i], lookup->errorString());
            } else {
                int count = 0;
                for (const QDnsServiceRecord &r : lookup->serviceRecords()) {
                    // RFC 2782: a lone "." target says the service is not offered.
                    if (r.target() == QLatin1String(".") || r.target().isEmpty()) {
                        pending->disabled[i] = true;
                        continue;
                    }
                    pending->records << r;
                    pending->direct << (i == 0);
                    ++count;
                }
                pending->notes << QStringLiteral("%1: %2 record(s)%3")
                                      .arg(names[i])
                                      .arg(count)
                                      .arg(pending->disabled[i]
                                               ? QStringLiteral(", service disabled")
                                               : QString());
            }
            finishOne();
        });
        lookup->lookup();
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
    const QString server = m_nameserver.toString();
    for (const QDnsLookup::Type type : {QDnsLookup::A, QDnsLookup::AAAA}) {
        auto *lookup = new QDnsLookup(type, host, m_nameserver, this);
        connect(lookup, &QDnsLookup::finished, this,
                [lookup, pending, type, host, server, callback, self] {
                    lookup->deleteLater();
                    const QString kind =
                        type == QDnsLookup::A ? QStringLiteral("A") : QStringLiteral("AAAA");
                    if (lookup->error() != QDnsLookup::NoError) {
                        pending->notes << QStringLiteral("%1 %2 at %3: %4")
                                              .arg(kind, host, server, lookup->errorString());
                    } else {
                        QList<QHostAddress> &list =
                            type == QDnsLookup::A ? pending->v4 : pending->v6;
                        for (const QDnsHostAddressRecord &r : lookup->hostAddressRecords())
                            list << r.value();
                        pending->notes << QStringLiteral("%1 %2 at %3: %4 record(s)")
                                              .arg(kind, host, server)
                                              .arg(list.size());
                    }
                    if (--pending->outstanding > 0 || !self)
                        return;
                    callback(pending->v4 + pending->v6, pending->notes.join(QStringLiteral("; ")));
                });
        lookup->lookup();
    }
}

} // namespace fedgate::engine
