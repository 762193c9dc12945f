// How long a live check of a 20-record plan takes against a local dnsmasq
// (QBENCHMARK; run with -iterations N for steadier figures). It also asserts
// the check is all OK, so a regression that makes it fast by skipping
// lookups fails here.
#include "support/DnsmasqServer.h"

#include "topology/DnsChecker.h"
#include "topology/DnsExport.h"
#include "topology/DnsRecordPlan.h"

#include <QTest>

using namespace fedgate::topology;

namespace {

// Four XMPP domains, two sites each routed to its own single-member edge
// pool with direct TLS and IPv4 + IPv6: 8 _xmpp-server + 8 _xmpps-server
// SRV records, 2 A and 2 AAAA = 20 external records.
Topology twentyRecords()
{
    Topology t;
    t.organisation.name = QStringLiteral("Bench");
    t.organisation.defaultSipDomain = QStringLiteral("bench.test");
    for (int d = 1; d <= 4; ++d)
        t.organisation.xmppDomains << QStringLiteral("d%1.bench.test").arg(d);
    for (int s = 1; s <= 2; ++s) {
        Site site;
        site.name = QStringLiteral("Site%1").arg(s);
        EdgePool pool;
        pool.fqdn = QStringLiteral("edge%1.bench.test").arg(s);
        pool.externalFqdn = QStringLiteral("xmpp%1.bench.test").arg(s);
        pool.xmppFederation = true;
        pool.directTls = true;
        EdgeServer m;
        m.internalFqdn = QStringLiteral("edge%1a.bench.test").arg(s);
        m.internalIPv4 = QStringLiteral("10.0.%1.10").arg(s);
        m.externalFqdn = pool.externalFqdn;
        m.externalIPv4 = QStringLiteral("192.0.2.%1").arg(s);
        m.externalIPv6 = QStringLiteral("2001:db8::%1").arg(s);
        pool.members = {m};
        site.edgePools = {pool};
        site.xmppFederationRoute = pool.fqdn;
        t.sites << site;
    }
    return t;
}

} // namespace

class TestDnsBench : public QObject
{
    Q_OBJECT

private slots:
    void checkTwentyRecords();
};

void TestDnsBench::checkTwentyRecords()
{
    const DnsRecordPlan plan = DnsRecordPlan::fromTopology(twentyRecords());
    QCOMPARE(plan.records(DnsZone::External).size(), 20);
    fedgate::test::DnsmasqServer dns(QHostAddress(QStringLiteral("127.0.0.85")));
    QString error;
    QVERIFY2(dns.addZone(DnsExport::zoneSnippet(plan), &error), qPrintable(error));
    QVERIFY2(dns.start(&error), qPrintable(error));

    DnsChecker::Options options;
    options.server = dns.address();
    DnsCheckReport report;
    QBENCHMARK
    {
        report = DnsChecker::check(plan, options);
    }
    QVERIFY(report.allOk());
    QCOMPARE(report.lookups, 4 * 2 + 2 * 2); // SRV owners + A/AAAA per host
    qInfo("one check: %d lookups, %lld ms", report.lookups, report.elapsedMs);
}

QTEST_GUILESS_MAIN(TestDnsBench)
#include "tst_dnsbench.moc"
