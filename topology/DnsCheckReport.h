#pragma once

#include "DnsRecord.h"

#include <QList>
#include <QString>
#include <QStringList>

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
    NoAnswer,        // the name server did not answer in time
    LookupError,     // the name server refused or failed
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
    // "unknown-srv-target", "unplanned-direct-tls", "no-answer",
    // "lookup-error".
    QString rule;
    QString name;       // the DNS name concerned
    QString message;    // what is wrong and the fix, with the records in zone-file syntax
    QStringList create; // records to create (or to change into), zone-file syntax
    QStringList remove; // records to delete, zone-file syntax
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

    // Every checked record OK and nothing found beyond the plan.
    bool allOk() const;
};

QString toString(DnsCheckStatus); // "ok", "missing", "other-target", ...

} // namespace fedgate::topology
