#include "DnsChecker.h"

#include "DnsCheckAnalysis.h"

#include <QDnsLookup>
#include <QEventLoop>
#include <QTimer>

#include <utility>

namespace fedgate::topology {

namespace {

QDnsLookup::Type lookupType(DnsRecordType type)
{
    switch (type) {
    case DnsRecordType::A:
        return QDnsLookup::A;
    case DnsRecordType::AAAA:
        return QDnsLookup::AAAA;
    case DnsRecordType::SRV:
        return QDnsLookup::SRV;
    }
    return QDnsLookup::A;
}

// glibc's resolver waits at least one second per try before it gives up on a
// silent server; an empty reply that comes sooner is a real answer.
constexpr qint64 kResolverGiveUpFloorMs = 900;

// Qt 6.4 reports "the name exists but has no record of this type" (NODATA)
// as InvalidReplyError, and a resolver that gave up on a silent server the
// same way. A quick one is NODATA; a slow one (it may also have queued
// behind other lookups in Qt's pool) is decided at the end of the round:
// NODATA if the server answered anything else, no answer otherwise.
bool isAmbiguous(const QDnsLookup &lookup, bool timedOut, qint64 elapsedMs)
{
    return !timedOut && lookup.error() == QDnsLookup::InvalidReplyError &&
           elapsedMs >= kResolverGiveUpFloorMs;
}

DnsAnswer answerOf(const QDnsLookup &lookup, bool timedOut)
{
    DnsAnswer answer;
    if (timedOut) {
        answer.outcome = DnsAnswer::Outcome::NoAnswer;
        return answer;
    }
    switch (lookup.error()) {
    case QDnsLookup::NoError:
        answer.outcome = DnsAnswer::Outcome::Records;
        break;
    case QDnsLookup::NotFoundError:
        answer.outcome = DnsAnswer::Outcome::NotFound;
        return answer;
    case QDnsLookup::InvalidReplyError:
        answer.outcome = DnsAnswer::Outcome::NoData;
        return answer;
    case QDnsLookup::OperationCancelledError:
        answer.outcome = DnsAnswer::Outcome::NoAnswer;
        return answer;
    case QDnsLookup::ResolverError:
    case QDnsLookup::InvalidRequestError:
    case QDnsLookup::ServerFailureError:
    case QDnsLookup::ServerRefusedError:
        answer.outcome = DnsAnswer::Outcome::Error;
        answer.error = lookup.errorString();
        return answer;
    }
    for (const QDnsServiceRecord &r : lookup.serviceRecords())
        answer.srv << DnsSrvAnswer{normalisedDnsName(r.target()), r.priority(), r.weight(),
                                   r.port()};
    for (const QDnsHostAddressRecord &r : lookup.hostAddressRecords())
        answer.addresses << r.value().toString();
    for (const QDnsDomainNameRecord &r : lookup.canonicalNameRecords())
        answer.aliases << qMakePair(normalisedDnsName(r.name()), normalisedDnsName(r.value()));
    return answer;
}

} // namespace

struct DnsChecker::Lookup
{
    DnsQuery query;
    std::unique_ptr<QDnsLookup> dns;
    std::unique_ptr<QTimer> timer;
    QElapsedTimer clock;
    bool timedOut = false;
    bool done = false;
};

DnsChecker::DnsChecker(QObject *parent)
    : QObject(parent)
{}

DnsChecker::~DnsChecker() = default;

QString DnsChecker::serverLabel(const QHostAddress &server)
{
    // tr() is QObject's: context fedgate::topology::DnsChecker.
    return server.isNull() ? tr("the system resolver") : server.toString();
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
    m_followUpsSent = false;
    m_serverAnswered = false;
    m_undecided.clear();
    m_running = true;
    m_pending = 0;
    m_clock.start();
    const QList<DnsQuery> queries = m_analysis->queries();
    for (const DnsQuery &q : queries)
        launch(q);
    if (queries.isEmpty())
        QMetaObject::invokeMethod(this, &DnsChecker::advance, Qt::QueuedConnection);
}

void DnsChecker::launch(const DnsQuery &query)
{
    auto lookup = std::make_unique<Lookup>();
    Lookup *l = lookup.get();
    l->query = query;
    l->dns = std::make_unique<QDnsLookup>(lookupType(query.type), query.name);
    if (!m_options.server.isNull())
        l->dns->setNameserver(m_options.server);
    l->timer = std::make_unique<QTimer>();
    l->timer->setSingleShot(true);
    // A coarse timer may fire up to 5 % early: give every lookup its full
    // timeout.
    l->timer->setTimerType(Qt::PreciseTimer);
    connect(l->dns.get(), &QDnsLookup::finished, this, [this, l] { onLookupFinished(l); });
    connect(l->timer.get(), &QTimer::timeout, this, [l] {
        if (l->done)
            return;
        l->timedOut = true;
        l->dns->abort(); // emits finished() at once
    });
    m_lookups.push_back(std::move(lookup));
    ++m_pending;
    ++m_report.lookups;
    l->clock.start();
    l->timer->start(m_options.timeoutMs);
    l->dns->lookup();
}

void DnsChecker::onLookupFinished(Lookup *l)
{
    if (l->done)
        return;
    l->done = true;
    l->timer->stop();
    if (isAmbiguous(*l->dns, l->timedOut, l->clock.elapsed())) {
        m_undecided << l->query;
    } else {
        const DnsAnswer answer = answerOf(*l->dns, l->timedOut);
        if (answer.outcome != DnsAnswer::Outcome::NoAnswer &&
            answer.outcome != DnsAnswer::Outcome::Error)
            m_serverAnswered = true;
        record(l->query, answer);
    }
    if (--m_pending == 0)
        // Not from inside QDnsLookup::finished: advance() deletes the lookups.
        QMetaObject::invokeMethod(this, &DnsChecker::advance, Qt::QueuedConnection);
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

void DnsChecker::settleUndecided()
{
    DnsAnswer answer;
    answer.outcome = m_serverAnswered ? DnsAnswer::Outcome::NoData : DnsAnswer::Outcome::NoAnswer;
    const QList<DnsQuery> undecided = std::exchange(m_undecided, {});
    for (const DnsQuery &q : undecided)
        record(q, answer);
}

void DnsChecker::advance()
{
    if (!m_running || m_pending > 0)
        return;
    // Deleting the finished QDnsLookup objects matters beyond memory: Qt
    // 6.4 hands each resolver result to its QDnsLookup with a blocking
    // queued call, so a live object whose lookup was abandoned would keep a
    // pool thread waiting on the main thread, up to a deadlock at exit.
    releaseLookups();
    settleUndecided();
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
    for (auto &l : m_lookups)
        if (!l->done) {
            l->timedOut = true;
            l->dns->abort();
        }
    settleUndecided();
    finish(true);
}

void DnsChecker::finish(bool cancelled)
{
    m_running = false;
    m_report.results = m_analysis->results();
    m_report.findings = m_analysis->findings();
    m_report.cancelled = cancelled;
    m_report.elapsedMs = m_clock.elapsed();
    if (cancelled) {
        // cancel() may be called from a slot of recordChecked(), inside a
        // lookup's finished() signal: those objects go a turn of the event
        // loop later, apart from any lookups a new start() creates.
        for (auto &l : m_lookups)
            m_retired.push_back(std::move(l));
        m_lookups.clear();
        QMetaObject::invokeMethod(
            this, [this] { m_retired.clear(); }, Qt::QueuedConnection);
    } else {
        releaseLookups();
    }
    emit finished(m_report);
}

void DnsChecker::releaseLookups()
{
    m_lookups.clear();
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
