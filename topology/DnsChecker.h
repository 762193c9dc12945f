#pragma once

#include "DnsCheckAnalysis.h"
#include "DnsCheckReport.h"
#include "DnsRecordPlan.h"
#include "DnsResolver.h"
#include "DnsServerAddress.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>
#include <optional>
#include <vector>

// Checks a DnsRecordPlan live, with DnsResolver (libunbound), against the
// system resolver or a name server the admin names (any address and port).
// Every lookup is started at once, each with its own timeout, so a name
// server that never answers costs one timeout in total, not one per record;
// a closed port ends the check at once. Rows are reported as their answers
// arrive (recordChecked), for a wizard page to fill live; check() is the
// blocking form for the command line.
//
// With a trust anchor (Options::trustAnchorFile, or the system's root key
// when asking the system resolver), a second, validating resolver gives each
// XMPP domain's DNSSEC status (DnsCheckReport::dnssec).
namespace fedgate::topology {

class DnsChecker : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultTimeoutMs = DnsResolver::kDefaultTimeoutMs;

    struct Options
    {
        DnsServerAddress server; // null = the system resolver
        int timeoutMs = kDefaultTimeoutMs;
        bool includeInternal = false; // also check the internal zone's records
        // DNSSEC trust anchor; empty = the system's root key when asking the
        // system resolver (none when asking a named server: its zones are
        // rarely reachable from the root).
        QString trustAnchorFile;
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
    // "127.0.0.77", "127.0.0.77:5353" or "the system resolver".
    static QString serverLabel(const DnsServerAddress &server);
    // The trust anchor a check with these options validates with ("" = none).
    static QString trustAnchorFor(const Options &options);

signals:
    void recordChecked(int index, const fedgate::topology::DnsCheckResult &result);
    void finished(const fedgate::topology::DnsCheckReport &report);

private:
    void launch(const DnsQuery &query);
    void launchDnssec(const QString &zone, const QString &name, DnsRecordType type);
    void record(const DnsQuery &query, const DnsAnswer &answer);
    void lookupDone();
    void advance();
    void finish(bool cancelled);

    Options m_options;
    std::unique_ptr<DnsCheckAnalysis> m_analysis;
    std::unique_ptr<DnsResolver> m_resolver;
    std::unique_ptr<DnsResolver> m_validator;
    std::vector<std::unique_ptr<DnsResolver>> m_retired;
    DnsCheckReport m_report;
    QElapsedTimer m_clock;
    int m_pending = 0;
    bool m_running = false;
    bool m_followUpsSent = false;
    // With the system's root key: "" when the root validated, else why not.
    std::optional<QString> m_rootValidated;
};

} // namespace fedgate::topology
