#pragma once

#include "DnsCheckReport.h"
#include "DnsRecordPlan.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

// The judgement half of the DNS check, with no network in it: which queries
// to send for a plan, and, from the answers, each planned record's status and
// the findings. DnsChecker feeds it what QDnsLookup returns; tests can feed it
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

struct DnsSrvAnswer
{
    QString target; // normalised; "" = "." (service not offered)
    quint16 priority = 0;
    quint16 weight = 0;
    quint16 port = 0;
};

struct DnsAnswer
{
    enum class Outcome
    {
        Records,  // the server answered with records (maybe only an alias)
        NotFound, // NXDOMAIN: the name does not exist
        NoData,   // the name exists without records of this type
        NoAnswer, // nothing came back in time
        Error,    // the server refused or failed
    };
    Outcome outcome = Outcome::NoAnswer;
    QString error; // for Error: what the resolver said
    QList<DnsSrvAnswer> srv;
    QStringList addresses;                  // normalised (QHostAddress::toString)
    QList<QPair<QString, QString>> aliases; // CNAME owner -> canonical name, normalised
};

class DnsCheckAnalysis
{
public:
    DnsCheckAnalysis(DnsRecordPlan plan, bool includeInternal, QString serverLabel, int timeoutMs);

    const DnsRecordPlan &plan() const { return m_plan; }
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
};

// Addresses partners on the Internet cannot reach: loopback, RFC 1918,
// shared (RFC 6598), link-local, unspecified, IPv6 unique-local. Returns
// the kind ("loopback", "private", ...) or an empty string for a public one.
QString nonPublicAddressKind(const QHostAddress &address);

} // namespace fedgate::topology
