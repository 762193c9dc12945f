#pragma once

#include "DnsCheckReport.h"
#include "DnsRecordPlan.h"
#include "DnsResolver.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

// The judgement half of the DNS check, with no network in it: which queries
// to send for a plan, and, from the answers, each planned record's status and
// the findings. DnsChecker feeds it what DnsResolver returns; tests can feed it
// answers directly.
namespace fedgate::topology {

struct DnsQuery
{
    QString name;
    DnsRecordType type = DnsRecordType::A;
    DnsZone zone = DnsZone::External;
    bool operator==(const DnsQuery &) const = default;
    QString key() const; // "SRV _xmpp-server._tcp.contoso.test"
};

// One lookup's answer as the analysis reads it: DnsResolver's outcome and
// records (tests may build them by hand).
struct DnsAnswer
{
    DnsOutcome outcome = DnsOutcome::Timeout;
    QString error; // for the failures: what happened ("connection refused", ...)
    QList<DnsSrvAnswer> srv;
    QStringList addresses;                  // normalised (QHostAddress::toString)
    QList<QPair<QString, QString>> aliases; // CNAME owner -> canonical name, normalised
    QList<DnsTlsaAnswer> tlsa;

    static DnsAnswer fromLookup(const DnsLookupResult &result);
    bool isFailure() const; // the server could not be asked or did not say
};

class DnsCheckAnalysis
{
public:
    DnsCheckAnalysis(DnsRecordPlan plan, bool includeInternal, QString serverLabel, int timeoutMs);

    const DnsRecordPlan &plan() const { return m_plan; }
    int timeoutMs() const { return m_timeoutMs; }
    // The first round: the planned SRV owners, `_xmpps-server` of each domain
    // without direct TLS (to catch records the edge does not serve), and A and
    // AAAA of each planned host.
    QList<DnsQuery> queries() const { return m_queries; }
    // Records the answer to one query (first round or follow-up); returns the
    // indices of the planned records it decided.
    QList<int> addAnswer(const DnsQuery &query, const DnsAnswer &answer);
    // Valid once the first round is answered: A and AAAA of SRV targets the
    // plan does not know, to say whether they even resolve.
    QList<DnsQuery> followUpQueries() const;

    QList<DnsCheckResult> results() const { return m_results; }
    // Findings in a stable order (plan order, not answer order).
    QList<DnsFinding> findings() const;

private:
    void addSrvAnswer(const DnsQuery &query, const DnsAnswer &answer, QList<int> *decided);
    void addLintSrvAnswer(const DnsQuery &query, const DnsAnswer &answer);
    void addAddressAnswer(const DnsQuery &query, const DnsAnswer &answer, QList<int> *decided);
    QStringList plannedAddressLines(const QString &host, DnsZone zone) const;

    DnsRecordPlan m_plan;
    bool m_includeInternal = false;
    QString m_server;
    int m_timeoutMs = 0;
    QList<DnsQuery> m_queries;
    QList<DnsCheckResult> m_results;
    QHash<QString, DnsAnswer> m_answers;                  // by DnsQuery::key()
    QHash<QString, QList<DnsFinding>> m_findings;         // by DnsQuery::key()
    QList<QPair<QString, DnsSrvAnswer>> m_unknownTargets; // SRV owner, answer
    QSet<QString> m_cnameHosts;
    // Lookups the server could not answer, grouped by cause and detail so a
    // dead server is one finding, not one per record.
    struct Failure
    {
        DnsOutcome outcome;
        QString detail;
        QStringList queries; // "SRV _xmpp-server._tcp.contoso.test."
    };
    QList<Failure> m_failures;
    void addTlsaAnswer(const DnsQuery &query, const DnsAnswer &answer, const QList<int> &rows,
                       QList<int> *decided);
    void addFailure(const DnsQuery &query, const DnsAnswer &answer, const QList<int> &rows,
                    QList<int> *decided);
    DnsFinding failureFinding(const Failure &failure) const;
};

// Addresses partners on the Internet cannot reach: loopback, RFC 1918,
// shared (RFC 6598), link-local, unspecified, IPv6 unique-local. Returns
// the kind ("loopback", "private", ...) or an empty string for a public one.
QString nonPublicAddressKind(const QHostAddress &address);

} // namespace fedgate::topology
