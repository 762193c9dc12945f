#pragma once

#include "DnsRecord.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What a live DNS check found: one result per planned record (rows the wizard
// fills as answers arrive) and the findings, each a sentence naming the exact
// record to create, change or delete.
namespace fedgate::topology {

enum class DnsCheckStatus
{
    NotChecked, // internal record, internal check not asked for
    Pending,    // lookup still in flight
    Ok,
    Missing,         // no such record
    OtherTarget,     // SRV to another host, or A/AAAA to another address
    OtherPort,       // SRV to the right host, wrong port
    OtherPriority,   // SRV records in another priority order than the routes
    ServiceDisabled, // SRV target "." (service explicitly not offered)
    CnameTarget,     // the SRV target is an alias (RFC 2782 forbids it)
    PrivateAddress,  // external name resolving to a private or loopback address
    // The four below: the record was NOT checked, the server could not be
    // asked. Never "missing": nobody said the record is absent.
    Timeout,       // no answer within the timeout (silent server)
    Unreachable,   // nothing listens there (connection refused, no route)
    Refused,       // the server answered REFUSED
    ServerFailure, // the server answered SERVFAIL (or DNSSEC validation failed)
};

struct DnsCheckResult
{
    int index = -1; // index in DnsRecordPlan::records()
    DnsRecord record;
    DnsCheckStatus status = DnsCheckStatus::Pending;
    QStringList found; // what the server answered for this record, zone-file syntax
    QString message;   // empty when Ok
};

struct DnsFinding
{
    // Stable identifier for scripts and tests: "missing", "other-target",
    // "other-port", "priority-order", "service-disabled", "srv-target-cname",
    // "srv-target-no-address", "private-address", "unplanned-address",
    // "unknown-srv-target", "unplanned-direct-tls"; a server that could not
    // be asked is one finding per cause: "server-timeout",
    // "server-unreachable", "server-refused", "server-failure"; DNSSEC and
    // DANE: "dnssec-bogus", "tlsa-missing", "tlsa-mismatch",
    // "tlsa-unsigned-zone".
    QString rule;
    QString name;       // the DNS name concerned
    QString message;    // what is wrong and the fix, with the records in zone-file syntax
    QStringList create; // records to create (or to change into), zone-file syntax
    QStringList remove; // records to delete, zone-file syntax
};

// The DNSSEC status of one zone, as a validating resolver given the trust
// anchor sees it.
struct DnsZoneSecurity
{
    QString zone;   // the XMPP domain (or SRV target) whose records were validated
    QString status; // "secure", "insecure", "bogus", or one of the failure
                    // states above ("timeout", ...) when it could not be asked
    QString reason; // bogus: libunbound's why_bogus; failures: the detail
};

struct DnsCheckReport
{
    QString server; // the name server asked, or "the system resolver"
    int timeoutMs = 0;
    int lookups = 0; // queries sent
    qint64 elapsedMs = 0;
    bool cancelled = false;
    QList<DnsCheckResult> results; // one per planned record, in plan order
    QList<DnsFinding> findings;
    QString trustAnchor;           // the file DNSSEC was validated with; empty = not validated
    QList<DnsZoneSecurity> dnssec; // per zone, when a trust anchor was given
    QString checkedAt;             // ISO 8601 UTC, when the check ended
    QString source;                // what topology was checked (for the saved result)

    // Every checked record OK and nothing found beyond the plan.
    bool allOk() const;
};

QString toString(DnsCheckStatus); // "ok", "missing", "other-target", ...
std::optional<DnsCheckStatus> dnsCheckStatusFromString(const QString &text);
// True for the states that mean the record could not be checked (the
// server was not asked or did not say): NotChecked, Pending and the four
// server failures.
bool isUnchecked(DnsCheckStatus);

// One record as JSON: zone, name, type, value, edgePool, purpose, zoneLine
// (and priority, weight, port for SRV).
QJsonObject dnsRecordJson(const DnsRecord &record);

// The report as JSON (what `fedgatectl dns check --json` prints and what
// is saved as the last result) and back.
QJsonObject toJson(const DnsCheckReport &report);
std::optional<DnsCheckReport> dnsCheckReportFromJson(const QJsonObject &json);

// The last check's result, kept in the data directory (beside the local
// replica) so the wizard and `fedgatectl dns check --last` show it again
// after a restart. Empty path = dataPath("dns-check.json").
bool saveLastDnsCheck(const DnsCheckReport &report, QString *error = nullptr,
                      const QString &path = {});
std::optional<DnsCheckReport> loadLastDnsCheck(const QString &path = {});

} // namespace fedgate::topology
