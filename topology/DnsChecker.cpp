#include "DnsChecker.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFileInfo>

namespace fedgate::topology {

namespace {

// Debian's dns-root-data: the root zone's key, for validating through the
// system resolver.
const char kSystemTrustAnchor[] = "/usr/share/dns/root.key";

} // namespace

DnsChecker::DnsChecker(QObject *parent)
    : QObject(parent)
{}

DnsChecker::~DnsChecker() = default;

QString DnsChecker::serverLabel(const DnsServerAddress &server)
{
    // tr() is QObject's: context fedgate::topology::DnsChecker.
    return server.isNull() ? tr("the system resolver") : server.toString();
}

QString DnsChecker::trustAnchorFor(const Options &options)
{
    if (!options.trustAnchorFile.isEmpty())
        return options.trustAnchorFile;
    if (options.server.isNull() && QFileInfo::exists(QString::fromLatin1(kSystemTrustAnchor)))
        return QString::fromLatin1(kSystemTrustAnchor);
    return {};
}

void DnsChecker::start(const DnsRecordPlan &plan, const Options &options)
{
    if (m_running)
        cancel();
    m_options = options;
    if (m_options.timeoutMs <= 0)
        m_options.timeoutMs = kDefaultTimeoutMs;
    m_analysis = std::make_unique<DnsCheckAnalysis>(
        plan, options.includeInternal, serverLabel(options.server), m_options.timeoutMs);
    m_report = DnsCheckReport();
    m_report.server = serverLabel(options.server);
    m_report.timeoutMs = m_options.timeoutMs;
    m_report.results = m_analysis->results();
    m_report.trustAnchor = trustAnchorFor(m_options);
    m_followUpsSent = false;
    m_running = true;
    m_pending = 0;
    m_clock.start();

    DnsResolver::Options resolverOptions;
    resolverOptions.server = m_options.server;
    resolverOptions.timeoutMs = m_options.timeoutMs;
    m_resolver = std::make_unique<DnsResolver>(resolverOptions);
    m_validator.reset();
    if (!m_report.trustAnchor.isEmpty()) {
        resolverOptions.trustAnchorFile = m_report.trustAnchor;
        m_validator = std::make_unique<DnsResolver>(resolverOptions);
    }

    const QList<DnsQuery> queries = m_analysis->queries();
    for (const DnsQuery &q : queries)
        launch(q);
    if (m_validator) {
        for (const QString &domain : plan.xmppDomains())
            launchDnssec(domain, xmppServerSrvName(domain), DnsRecordType::SRV);
        // TLSA protects nothing unless its zone is signed.
        for (const QString &owner : plan.tlsaOwners())
            launchDnssec(owner, owner, DnsRecordType::TLSA);
        // With the system's root key, the statuses mean something only if
        // the system resolver passes DNSSEC proofs: the root itself must
        // validate (a resolver that strips signatures would make every zone
        // look bogus).
        if (m_options.trustAnchorFile.isEmpty()) {
            ++m_pending;
            ++m_report.lookups;
            m_rootValidated.reset();
            m_validator->lookup(
                QStringLiteral("."), DnsRecordType::A, [this](const DnsLookupResult &result) {
                    m_rootValidated = result.dnssec == DnssecStatus::Secure
                                          ? QString()
                                          : toString(result.dnssec) + QStringLiteral(", ") +
                                                toString(result.outcome);
                    lookupDone();
                });
        }
    }
    if (m_pending == 0)
        QMetaObject::invokeMethod(this, &DnsChecker::advance, Qt::QueuedConnection);
}

void DnsChecker::launch(const DnsQuery &query)
{
    ++m_pending;
    ++m_report.lookups;
    m_resolver->lookup(query.name, query.type, [this, query](const DnsLookupResult &result) {
        record(query, DnsAnswer::fromLookup(result));
        lookupDone();
    });
}

void DnsChecker::launchDnssec(const QString &zone, const QString &name, DnsRecordType type)
{
    // The zone's own SRV owner: a validated answer (or a validated denial)
    // says whether the records partners read there are signed.
    ++m_pending;
    ++m_report.lookups;
    const int slot = int(m_report.dnssec.size());
    m_report.dnssec << DnsZoneSecurity{zone, QStringLiteral("pending"), {}};
    m_validator->lookup(name, type, [this, slot](const DnsLookupResult &result) {
        DnsZoneSecurity &z = m_report.dnssec[slot];
        const DnsAnswer answer = DnsAnswer::fromLookup(result);
        if (result.dnssec == DnssecStatus::Bogus) {
            z.status = toString(DnssecStatus::Bogus);
            z.reason = result.whyBogus;
        } else if (answer.isFailure()) {
            z.status = toString(result.outcome);
            z.reason = result.detail;
        } else {
            z.status = toString(result.dnssec);
        }
        lookupDone();
    });
}

void DnsChecker::record(const DnsQuery &query, const DnsAnswer &answer)
{
    const QList<int> decided = m_analysis->addAnswer(query, answer);
    const QList<DnsCheckResult> results = m_analysis->results();
    for (int index : decided) {
        m_report.results[index] = results.at(index);
        emit recordChecked(index, results.at(index));
    }
}

void DnsChecker::lookupDone()
{
    if (--m_pending == 0)
        advance();
}

void DnsChecker::advance()
{
    if (!m_running || m_pending > 0)
        return;
    if (!m_followUpsSent) {
        m_followUpsSent = true;
        const QList<DnsQuery> follow = m_analysis->followUpQueries();
        for (const DnsQuery &q : follow)
            launch(q);
        if (!follow.isEmpty())
            return;
    }
    finish(false);
}

void DnsChecker::cancel()
{
    if (!m_running)
        return;
    if (m_resolver)
        m_resolver->cancelAll();
    if (m_validator)
        m_validator->cancelAll();
    m_pending = 0;
    // Rows still pending were not checked.
    QList<DnsCheckResult> results = m_analysis->results();
    for (int i = 0; i < results.size(); ++i)
        if (results.at(i).status == DnsCheckStatus::Pending) {
            m_report.results[i].status = DnsCheckStatus::NotChecked;
            m_report.results[i].message = tr("Not checked: the check was cancelled.");
            emit recordChecked(i, m_report.results.at(i));
        }
    finish(true);
}

void DnsChecker::finish(bool cancelled)
{
    m_running = false;
    const QList<DnsCheckResult> results = m_analysis->results();
    for (int i = 0; i < results.size(); ++i)
        if (!cancelled || results.at(i).status != DnsCheckStatus::Pending)
            m_report.results[i] = results.at(i);
    m_report.findings = m_analysis->findings();
    if (m_rootValidated && !m_rootValidated->isEmpty())
        for (DnsZoneSecurity &z : m_report.dnssec) {
            z.status = toString(DnssecStatus::NotValidated);
            z.reason = tr("the resolver gave no DNSSEC proof for the root zone (%1): ask a "
                          "resolver that passes DNSSEC, or give a trust anchor")
                           .arg(*m_rootValidated);
        }
    for (const DnsZoneSecurity &z : std::as_const(m_report.dnssec))
        if (z.status == QLatin1String("bogus"))
            m_report.findings << DnsFinding{
                QStringLiteral("dnssec-bogus"),
                z.zone,
                tr("The DNSSEC signatures of %1 do not validate with the trust anchor %2 (%3): "
                   "validating partners will not find the edge at all. Re-sign the zone and "
                   "check that its DS record at the parent matches its key, then check again.")
                    .arg(z.zone, m_report.trustAnchor, z.reason),
                {},
                {}};
    for (const DnsZoneSecurity &z : std::as_const(m_report.dnssec))
        if (z.zone.startsWith(QLatin1Char('_')) && z.status == QLatin1String("insecure"))
            m_report.findings << DnsFinding{
                QStringLiteral("tlsa-unsigned-zone"),
                z.zone,
                tr("TLSA %1 is in a zone that is not signed with DNSSEC: DANE protects nothing "
                   "there and partners ignore it. Sign the zone (and publish its DS record at "
                   "the parent), then check again.")
                    .arg(z.zone),
                {},
                {}};
    m_report.cancelled = cancelled;
    m_report.elapsedMs = m_clock.elapsed();
    m_report.checkedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    // The resolvers go once this turn is over (this may run inside one of
    // their callbacks), or with the checker.
    m_retired.push_back(std::move(m_resolver));
    m_retired.push_back(std::move(m_validator));
    QMetaObject::invokeMethod(
        this, [this] { m_retired.clear(); }, Qt::QueuedConnection);
    emit finished(m_report);
}

DnsCheckReport DnsChecker::check(const DnsRecordPlan &plan, const Options &options)
{
    DnsChecker checker;
    QEventLoop loop;
    connect(&checker, &DnsChecker::finished, &loop, &QEventLoop::quit);
    checker.start(plan, options);
    if (checker.isRunning())
        loop.exec();
    return checker.report();
}

} // namespace fedgate::topology
