#include "DaneCheck.h"

#include "engine/tls/TlsaMatcher.h"
#include "topology/DnsResolver.h"

#include <QFileInfo>
#include <QPointer>

namespace fedgate::engine {

using topology::DnsLookupResult;
using topology::DnsOutcome;
using topology::DnssecStatus;

QString toString(DaneCheck::Verdict verdict)
{
    switch (verdict) {
    case DaneCheck::Verdict::Verified:
        return QStringLiteral("verified");
    case DaneCheck::Verdict::Refused:
        return QStringLiteral("refused");
    case DaneCheck::Verdict::Retry:
        return QStringLiteral("retry");
    case DaneCheck::Verdict::UsePkix:
        return QStringLiteral("pkix");
    }
    return QStringLiteral("pkix");
}

DaneCheck::DaneCheck(const topology::DnsServerAddress &server, const QString &trustAnchorFile,
                     QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_trustAnchorFile(trustAnchorFile)
{
    if (m_trustAnchorFile.isEmpty() && QFileInfo::exists(QString::fromLatin1(kSystemTrustAnchor)))
        m_trustAnchorFile = QString::fromLatin1(kSystemTrustAnchor);
}

DaneCheck::~DaneCheck() = default;

QString DaneCheck::tlsaName(const QString &host, quint16 port)
{
    QString target = host.toLower();
    if (target.endsWith(QLatin1Char('.')))
        target.chop(1);
    return QStringLiteral("_%1._tcp.%2").arg(port).arg(target);
}

DaneCheck::Result DaneCheck::evaluate(const DnsLookupResult &lookup, const QByteArray &leafDer)
{
    const QString &name = lookup.name;
    if (lookup.dnssec == DnssecStatus::Bogus)
        return {Verdict::Refused, QStringLiteral("the TLSA answer for %1 is bogus (DNSSEC "
                                                 "validation failed: %2)")
                                      .arg(name, lookup.whyBogus)};
    switch (lookup.outcome) {
    case DnsOutcome::Answer:
        break;
    case DnsOutcome::NoData:
    case DnsOutcome::NxDomain:
        return {Verdict::UsePkix, QStringLiteral("no TLSA record at %1 (%2): PKIX check")
                                      .arg(name, topology::toString(lookup.dnssec))};
    default:
        return {Verdict::Retry, QStringLiteral("the TLSA lookup for %1 failed: %2 (%3)")
                                    .arg(name, topology::toString(lookup.outcome), lookup.detail)};
    }
    if (lookup.dnssec != DnssecStatus::Secure)
        return {Verdict::UsePkix,
                QStringLiteral("the TLSA records at %1 are not DNSSEC-secure (%2): PKIX check")
                    .arg(name, topology::toString(lookup.dnssec))};
    QList<TlsaRecord> records;
    for (const topology::DnsTlsaAnswer &a : lookup.tlsa)
        records.append(TlsaRecord{a.usage, a.selector, a.matchingType, a.data});
    QString detail;
    switch (matchTlsa(records, leafDer, &detail)) {
    case TlsaMatch::Match:
        return {Verdict::Verified, QStringLiteral("%1 (%2, secure)").arg(detail, name)};
    case TlsaMatch::Mismatch:
        return {Verdict::Refused, QStringLiteral("%1 at %2 (secure)").arg(detail, name)};
    case TlsaMatch::NoUsableRecords:
        break;
    }
    return {Verdict::UsePkix, QStringLiteral("%1 at %2: PKIX check").arg(detail, name)};
}

topology::DnsResolver &DaneCheck::dns()
{
    if (!m_dns) {
        topology::DnsResolver::Options options;
        options.server = m_server;
        options.timeoutMs = kLookupTimeoutMs;
        options.trustAnchorFile = m_trustAnchorFile;
        m_dns = std::make_unique<topology::DnsResolver>(options);
    }
    return *m_dns;
}

void DaneCheck::check(const QString &domain, const ConnectTarget &target, const QByteArray &leafDer,
                      Callback callback)
{
    if (m_trustAnchorFile.isEmpty()) {
        const QString name = tlsaName(target.host, target.port);
        QMetaObject::invokeMethod(
            this,
            [name, callback = std::move(callback)] {
                callback({Verdict::UsePkix,
                          QStringLiteral("no DNSSEC trust anchor (neither --trust-anchor nor "
                                         "%1): %2 not validated, PKIX check")
                              .arg(QString::fromLatin1(kSystemTrustAnchor), name)});
            },
            Qt::QueuedConnection);
        return;
    }
    if (target.host.compare(domain, Qt::CaseInsensitive) == 0) { // no SRV: the domain itself
        checkTlsa(target.host, target.port, leafDer, std::move(callback));
        return;
    }
    const QString srvName = (target.directTls ? QStringLiteral("_xmpps-server._tcp.")
                                              : QStringLiteral("_xmpp-server._tcp.")) +
                            domain.toLower();
    QPointer<DaneCheck> self(this);
    dns().lookup(
        srvName, topology::DnsRecordType::SRV,
        [self, target, leafDer, callback = std::move(callback)](const DnsLookupResult &r) {
            if (!self)
                return;
            bool named = false;
            for (const topology::DnsSrvAnswer &a : r.srv)
                named |= a.target.compare(target.host, Qt::CaseInsensitive) == 0 &&
                         a.port == target.port;
            if (r.dnssec == DnssecStatus::Bogus)
                callback({Verdict::Refused, QStringLiteral("the SRV answer for %1 is bogus (DNSSEC "
                                                           "validation failed: %2)")
                                                .arg(r.name, r.whyBogus)});
            else if (r.outcome != DnsOutcome::Answer && r.outcome != DnsOutcome::NoData &&
                     r.outcome != DnsOutcome::NxDomain)
                callback(
                    {Verdict::Retry, QStringLiteral("the SRV lookup for %1 failed: %2 (%3)")
                                         .arg(r.name, topology::toString(r.outcome), r.detail)});
            else if (r.dnssec != DnssecStatus::Secure || !named)
                callback({Verdict::UsePkix,
                          QStringLiteral("the SRV records of %1 are not DNSSEC-secure "
                                         "(%2): the TLSA of their target %3 is not used "
                                         "(RFC 7673), PKIX check")
                              .arg(r.name,
                                   named ? topology::toString(r.dnssec)
                                         : QStringLiteral("target not among them"),
                                   target.host)});
            else
                self->checkTlsa(target.host, target.port, leafDer, callback);
        });
}

void DaneCheck::checkTlsa(const QString &host, quint16 port, const QByteArray &leafDer,
                          Callback callback)
{
    dns().lookup(tlsaName(host, port), topology::DnsRecordType::TLSA,
                 [leafDer, callback = std::move(callback)](const DnsLookupResult &result) {
                     callback(evaluate(result, leafDer));
                 });
}

} // namespace fedgate::engine
