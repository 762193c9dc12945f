#pragma once

#include "DnsRecord.h"
#include "DnsServerAddress.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <map>
#include <memory>

struct ub_ctx;
struct ub_result;
class QSocketNotifier;

// The project's one DNS resolver, on libunbound: the DNS check and the
// engine's SRV/A/AAAA resolution both use it. Lookups are asynchronous
// through libunbound's file descriptor (ub_fd) watched by a QSocketNotifier:
// one background worker per resolver, no thread per lookup, no cap on
// lookups in flight, nothing left running once the resolver is deleted.
//
// Outcomes are exact. libunbound reports a server that refuses, fails, is
// not listening or stays silent all as SERVFAIL (measured with libunbound
// 1.17: REFUSED and SERVFAIL from the forwarder come back as SERVFAIL in
// ~10 ms; a closed port and a silent server as SERVFAIL after ~17 s). So,
// when a server is named (or the system has exactly one), the resolver asks
// that server directly (DnsStubQuery) to tell them apart: a SERVFAIL from
// libunbound is diagnosed by the same question sent straight to the server,
// and the first lookup of each burst sends one such probe alongside, so a
// closed port fails every pending lookup at once as "unreachable" and a
// silent server ends each lookup at its timeout as "timeout".
namespace fedgate::topology {

enum class DnsOutcome
{
    Answer,      // records of the asked type (or an alias chain to them)
    NoData,      // the name exists without records of this type
    NxDomain,    // the name does not exist
    ServFail,    // the server answered SERVFAIL (or validation failed: bogus)
    Refused,     // the server answered REFUSED
    Timeout,     // no answer within the lookup's timeout
    Unreachable, // nothing listens there (connection refused, network unreachable)
};
QString toString(DnsOutcome); // "answer", "nodata", "nxdomain", "servfail", "refused", ...

enum class DnssecStatus
{
    NotValidated, // no trust anchor configured
    Secure,
    Insecure,
    Bogus,
};
QString toString(DnssecStatus); // "not-validated", "secure", "insecure", "bogus"

struct DnsSrvAnswer
{
    QString target; // normalised; "" = "." (service not offered)
    quint16 priority = 0;
    quint16 weight = 0;
    quint16 port = 0;
};

struct DnsTlsaAnswer
{
    quint8 usage = 0;
    quint8 selector = 0;
    quint8 matchingType = 0;
    QByteArray data;
};

struct DnsLookupResult
{
    QString name;
    DnsRecordType type = DnsRecordType::A;
    DnsOutcome outcome = DnsOutcome::Timeout;
    QString detail; // for the failures: what happened, e.g. "connection refused"
    QList<QHostAddress> addresses;
    QList<DnsSrvAnswer> srv;
    QList<DnsTlsaAnswer> tlsa;
    QString canonicalName; // set when the name is an alias (CNAME) of this one
    DnssecStatus dnssec = DnssecStatus::NotValidated;
    QString whyBogus;
};

class DnsResolver : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultTimeoutMs = 3000;
    // Lookups in flight at most (a peer can make the engine resolve names):
    // beyond it a lookup fails at once.
    static constexpr int kMaxPending = 4096;

    struct Options
    {
        DnsServerAddress server; // null = the system's (/etc/resolv.conf)
        int timeoutMs = kDefaultTimeoutMs;
        // DNSSEC trust anchor file (DS or DNSKEY records, zone-file syntax);
        // empty = no validation.
        QString trustAnchorFile;
    };
    using Callback = std::function<void(const DnsLookupResult &)>;

    explicit DnsResolver(const Options &options, QObject *parent = nullptr);
    ~DnsResolver() override;

    // Empty when ready; otherwise why the resolver could not be set up
    // (lookups then fail at once with that detail).
    QString setupError() const { return m_setupError; }
    // "127.0.0.77", "127.0.0.77:5353" or "the system resolver".
    QString serverLabel() const;
    const Options &options() const { return m_options; }

    // The callback runs later on this object's thread, never inside lookup().
    // Returns an id for cancel().
    quint64 lookup(const QString &name, DnsRecordType type, Callback callback);
    void cancel(quint64 id);
    void cancelAll();
    int pending() const { return int(m_lookups.size()); }

    static quint16 rrType(DnsRecordType type);

private:
    struct Lookup;
    static void unboundCallback(void *token, int error, ub_result *result);
    void onUnboundResult(quint64 id, int error, ub_result *result);
    void processReady();
    void diagnose(Lookup *lookup);
    void startBurstProbe(const Lookup &first);
    void onBurstProbeFinished();
    void onTimeout(quint64 id);
    void complete(quint64 id, DnsLookupResult result);
    void deliver();
    QString outcomeDetail(DnsOutcome outcome) const;

    Options m_options;
    DnsServerAddress m_probeServer; // whom DnsStubQuery asks; null = no diagnosis
    ub_ctx *m_ctx = nullptr;
    QSocketNotifier *m_notifier = nullptr;
    QString m_setupError;
    quint64 m_nextId = 1;
    std::map<quint64, std::unique_ptr<Lookup>> m_lookups;
    QList<QPair<Callback, DnsLookupResult>> m_ready; // delivered outside libunbound's callback
    bool m_deliveryQueued = false;
    QPointer<QObject> m_burstProbe; // DnsStubQuery of the current burst
    QString m_unreachable;          // set when the burst probe met a closed port
};

} // namespace fedgate::topology
