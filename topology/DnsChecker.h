#pragma once

#include "DnsCheckAnalysis.h"
#include "DnsCheckReport.h"
#include "DnsRecordPlan.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QObject>

#include <memory>
#include <vector>

class QDnsLookup;
class QTimer;

// Checks a DnsRecordPlan live, with Qt Network's QDnsLookup, against the
// system resolver or a name server the admin names. Every lookup is started
// at once, each with its own timeout, so a name server that never answers
// costs one timeout in total, not one per record. Rows are reported as their
// answers arrive (recordChecked), for a wizard page to fill live; check() is
// the blocking form for the command line.
//
// Qt 6.4 limits: QDnsLookup always asks port 53, and runs at most five
// resolver queries at a time in its own thread pool; the others wait there,
// their timeouts already running. A lookup that times out is abandoned, but
// its resolver call keeps a pool thread until the C library gives up (about
// 10 s by default), so a check started right after a silent server may wait
// for those threads.
namespace fedgate::topology {

class DnsChecker : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultTimeoutMs = 3000;

    struct Options
    {
        QHostAddress server; // null = the system resolver
        int timeoutMs = kDefaultTimeoutMs;
        bool includeInternal = false; // also check the internal zone's records
    };

    explicit DnsChecker(QObject *parent = nullptr);
    ~DnsChecker() override;

    // Starts the check; finished() follows (always asynchronously). A check
    // already running is cancelled first.
    void start(const DnsRecordPlan &plan, const Options &options);
    // Abandons the lookups in flight; finished() reports what is known, with
    // cancelled set.
    void cancel();
    bool isRunning() const { return m_running; }
    const DnsCheckReport &report() const { return m_report; }

    // Runs a whole check in a local event loop (needs a QCoreApplication).
    static DnsCheckReport check(const DnsRecordPlan &plan, const Options &options);
    // "127.0.0.77" or "the system resolver".
    static QString serverLabel(const QHostAddress &server);

signals:
    void recordChecked(int index, const fedgate::topology::DnsCheckResult &result);
    void finished(const fedgate::topology::DnsCheckReport &report);

private:
    struct Lookup;
    void launch(const DnsQuery &query);
    void onLookupFinished(Lookup *lookup);
    void record(const DnsQuery &query, const DnsAnswer &answer);
    void settleUndecided();
    void advance();
    void finish(bool cancelled);
    void releaseLookups();

    Options m_options;
    std::unique_ptr<DnsCheckAnalysis> m_analysis;
    std::vector<std::unique_ptr<Lookup>> m_lookups;
    std::vector<std::unique_ptr<Lookup>> m_retired; // cancelled, deleted on the next turn
    DnsCheckReport m_report;
    QElapsedTimer m_clock;
    int m_pending = 0;
    bool m_running = false;
    bool m_followUpsSent = false;
    bool m_serverAnswered = false; // a real answer (records, NXDOMAIN, NODATA) came back
    QList<DnsQuery> m_undecided;   // slow empty replies, settled at the end of the round
};

} // namespace fedgate::topology
