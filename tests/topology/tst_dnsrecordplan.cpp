// The DNS record plan from a topology, and its zone-file and CSV exports.
#include "support/TestPaths.h"

#include "topology/DnsCheckAnalysis.h"
#include "topology/DnsExport.h"
#include "topology/DnsRecordPlan.h"
#include "topology/TopologyDocument.h"

#include <QTest>

using namespace fedgate::topology;

namespace {

QStringList zoneLines(const DnsRecordPlan &plan, DnsZone zone)
{
    QStringList lines;
    for (const DnsRecord &r : plan.records(zone))
        lines << r.zoneLine();
    return lines;
}

Topology example()
{
    fedgate::Result<Topology> loaded =
        TopologyDocument::readFile(fedgate::test::exampleTopologyPath());
    if (!loaded)
        qFatal("cannot read the example topology: %s", qPrintable(loaded.error().toString()));
    return loaded.value();
}

// CSV fields of one line (RFC 4180 quoting).
QStringList csvFields(const QString &line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() &&
                line.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field;
    return fields;
}

} // namespace

class TestDnsRecordPlan : public QObject
{
    Q_OBJECT

private slots:
    void exampleTopology();
    void routeOrderGivesPriorities();
    void multiMemberPoolSplitsWeights();
    void directTlsAddsXmppsRecords();
    void notesWhenNothingCanBePlanned();
    void zoneSnippet();
    void csvChecklist();
    void nonPublicAddresses_data();
    void nonPublicAddresses();
};

void TestDnsRecordPlan::exampleTopology()
{
    const DnsRecordPlan plan = DnsRecordPlan::fromTopology(example());
    QVERIFY2(plan.notes().isEmpty(), qPrintable(plan.notes().join(QLatin1Char('\n'))));
    // Paris's pool first (its site's route comes first), Montreal's behind NAT:
    // the NAT address is published, not the edge's own external address.
    QCOMPARE(zoneLines(plan, DnsZone::External),
             (QStringList{
                 "_xmpp-server._tcp.contoso.test. 3600 IN SRV 10 0 5269 xmpp.contoso.test.",
                 "_xmpp-server._tcp.contoso.test. 3600 IN SRV 20 0 5269 xmpp2.contoso.test.",
                 "xmpp.contoso.test. 3600 IN A 192.0.2.10",
                 "xmpp.contoso.test. 3600 IN AAAA 2001:db8:10::10",
                 "xmpp2.contoso.test. 3600 IN A 198.51.100.10",
             }));
    QCOMPARE(zoneLines(plan, DnsZone::Internal),
             (QStringList{
                 "edge-paris1.contoso.test. 3600 IN A 10.10.1.10",
                 "edge-paris.contoso.test. 3600 IN A 10.10.1.10",
                 "edge-mtl1.contoso.test. 3600 IN A 10.20.1.10",
                 "edge-mtl.contoso.test. 3600 IN A 10.20.1.10",
             }));
    for (const DnsRecord &r : plan.records()) {
        QVERIFY2(!r.purpose.isEmpty() && !r.purpose.contains(QLatin1Char('\n')),
                 qPrintable(r.zoneLine()));
        QVERIFY(!r.edgePool.isEmpty());
    }
    QVERIFY(plan.records().at(0).purpose.contains(QStringLiteral("Paris")));
    QVERIFY(plan.records().at(4).purpose.contains(QStringLiteral("NAT")));
    QVERIFY(plan.isSrvTarget(QStringLiteral("XMPP2.contoso.test.")));
    QVERIFY(!plan.isSrvTarget(QStringLiteral("edge-mtl.contoso.test")));
}

void TestDnsRecordPlan::routeOrderGivesPriorities()
{
    // Montreal's route listed first: its pool becomes the preferred one.
    Topology t = example();
    std::reverse(t.sites.begin(), t.sites.end());
    const DnsRecordPlan plan = DnsRecordPlan::fromTopology(t);
    const QList<DnsRecord> srv = plan.records(DnsZone::External).mid(0, 2);
    QCOMPARE(srv.at(0).value, QStringLiteral("xmpp2.contoso.test"));
    QCOMPARE(srv.at(0).priority, quint16(10));
    QCOMPARE(srv.at(1).value, QStringLiteral("xmpp.contoso.test"));
    QCOMPARE(srv.at(1).priority, quint16(20));

    // Both sites routed to one pool: one SRV record, not two.
    t.sites[0].xmppFederationRoute = t.sites[1].xmppFederationRoute;
    const DnsRecordPlan single = DnsRecordPlan::fromTopology(t);
    QCOMPARE(
        single.records(DnsZone::External).first().zoneLine(),
        QStringLiteral("_xmpp-server._tcp.contoso.test. 3600 IN SRV 10 0 5269 xmpp.contoso.test."));
    QCOMPARE(single.srvOwners().size(), 1);
    QCOMPARE(single.indicesOf(QStringLiteral("_xmpp-server._tcp.contoso.test"), DnsRecordType::SRV)
                 .size(),
             1);
}

void TestDnsRecordPlan::multiMemberPoolSplitsWeights()
{
    Topology t = example();
    EdgePool &pool = t.sites[0].edgePools[0];
    EdgeServer m = pool.members.first();
    pool.members.clear();
    for (int i = 1; i <= 3; ++i) {
        m.internalFqdn = QStringLiteral("edge-paris%1.contoso.test").arg(i);
        m.internalIPv4 = QStringLiteral("10.10.1.%1").arg(10 + i);
        m.externalFqdn = QStringLiteral("xmpp-p%1.contoso.test").arg(i);
        m.externalIPv4 = QStringLiteral("192.0.2.%1").arg(10 + i);
        m.externalIPv6.clear();
        pool.members << m;
    }
    const DnsRecordPlan plan = DnsRecordPlan::fromTopology(t);
    const QStringList external = zoneLines(plan, DnsZone::External);
    QCOMPARE(external.mid(0, 4),
             (QStringList{
                 "_xmpp-server._tcp.contoso.test. 3600 IN SRV 10 34 5269 xmpp-p1.contoso.test.",
                 "_xmpp-server._tcp.contoso.test. 3600 IN SRV 10 33 5269 xmpp-p2.contoso.test.",
                 "_xmpp-server._tcp.contoso.test. 3600 IN SRV 10 33 5269 xmpp-p3.contoso.test.",
                 "_xmpp-server._tcp.contoso.test. 3600 IN SRV 20 0 5269 xmpp2.contoso.test.",
             }));
    for (int i = 1; i <= 3; ++i) {
        const QString a =
            QStringLiteral("xmpp-p%1.contoso.test. 3600 IN A 192.0.2.%2").arg(i).arg(10 + i);
        QVERIFY2(external.contains(a), qPrintable(a));
        // The pool-wide external name resolves to every member.
        QVERIFY(external.contains(
            QStringLiteral("xmpp.contoso.test. 3600 IN A 192.0.2.%1").arg(10 + i)));
        QVERIFY(
            zoneLines(plan, DnsZone::Internal)
                .contains(
                    QStringLiteral("edge-paris.contoso.test. 3600 IN A 10.10.1.%1").arg(10 + i)));
    }
    QVERIFY(plan.isSrvTarget(QStringLiteral("xmpp-p2.contoso.test")));
    QVERIFY(!plan.isSrvTarget(QStringLiteral("xmpp.contoso.test")));
}

void TestDnsRecordPlan::directTlsAddsXmppsRecords()
{
    Topology t = example();
    t.sites[1].edgePools[0].directTls = true;
    t.sites[1].edgePools[0].directTlsPort = 5223;
    t.organisation.xmppDomains << QStringLiteral("Corp.Contoso.test");
    const DnsRecordPlan plan = DnsRecordPlan::fromTopology(t);
    const QStringList external = zoneLines(plan, DnsZone::External);
    QVERIFY(external.contains(
        "_xmpps-server._tcp.contoso.test. 3600 IN SRV 20 0 5223 xmpp2.contoso.test."));
    QVERIFY(external.contains(
        "_xmpps-server._tcp.corp.contoso.test. 3600 IN SRV 20 0 5223 xmpp2.contoso.test."));
    QVERIFY(external.contains(
        "_xmpp-server._tcp.corp.contoso.test. 3600 IN SRV 10 0 5269 xmpp.contoso.test."));
    // Paris has no direct TLS: no _xmpps-server record for its pool.
    QCOMPARE(external.filter(QStringLiteral("_xmpps-server")).size(), 2);
    // Addresses are planned once whatever the number of domains.
    QCOMPARE(external.filter(QStringLiteral(" IN A ")).size(), 2);
    QCOMPARE(plan.xmppDomains(),
             (QStringList{QStringLiteral("contoso.test"), QStringLiteral("corp.contoso.test")}));

    // The check then asks for both SRV owners of each domain, and no
    // _xmpps-server lint query for a domain that plans one.
    DnsCheckAnalysis analysis(plan, false, QStringLiteral("test"), 1000);
    QStringList keys;
    for (const DnsQuery &q : analysis.queries())
        keys << q.key();
    QCOMPARE(
        keys,
        (QStringList{"SRV _xmpp-server._tcp.contoso.test", "SRV _xmpps-server._tcp.contoso.test",
                     "SRV _xmpp-server._tcp.corp.contoso.test",
                     "SRV _xmpps-server._tcp.corp.contoso.test", "A xmpp.contoso.test",
                     "AAAA xmpp.contoso.test", "A xmpp2.contoso.test", "AAAA xmpp2.contoso.test"}));
}

void TestDnsRecordPlan::notesWhenNothingCanBePlanned()
{
    Topology t = example();
    for (Site &s : t.sites)
        s.xmppFederationRoute.clear();
    DnsRecordPlan plan = DnsRecordPlan::fromTopology(t);
    QVERIFY(plan.records(DnsZone::External).isEmpty());
    QCOMPARE(plan.records(DnsZone::Internal).size(), 4); // internal DNS is still needed
    QCOMPARE(plan.notes().size(), 1);
    QVERIFY(plan.notes().first().contains(QStringLiteral("route")));

    t = example();
    t.organisation.xmppDomains.clear();
    t.sites[1].edgePools[0].members[0].natIPv4.clear();
    t.sites[1].edgePools[0].members[0].externalIPv4.clear();
    plan = DnsRecordPlan::fromTopology(t);
    QCOMPARE(plan.srvOwners(), QStringList());
    QCOMPARE(plan.notes().size(), 2);
    QVERIFY(plan.notes().at(0).contains(QStringLiteral("XMPP domain")));
    QVERIFY(plan.notes().at(1).contains(QStringLiteral("edge-mtl1.contoso.test")));
}

void TestDnsRecordPlan::zoneSnippet()
{
    const DnsRecordPlan plan = DnsRecordPlan::fromTopology(example());
    const QString zone = DnsExport::zoneSnippet(plan);
    QStringList records;
    for (const QString &line : zone.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (line.startsWith(QLatin1Char(';')))
            continue;
        records << line;
    }
    QCOMPARE(records, zoneLines(plan, DnsZone::External));
    // Each record sits under its purpose.
    for (const DnsRecord &r : plan.records(DnsZone::External))
        QVERIFY(zone.contains(QStringLiteral("; %1\n%2\n").arg(r.purpose, r.zoneLine())));
    const QString internal = DnsExport::zoneSnippet(plan, DnsZone::Internal, 300);
    QVERIFY(internal.contains(QStringLiteral("edge-mtl.contoso.test. 300 IN A 10.20.1.10\n")));
    QVERIFY(!internal.contains(QStringLiteral("_xmpp-server")));
}

void TestDnsRecordPlan::csvChecklist()
{
    Topology t = example();
    // A comma and a quote in a site name end up in a purpose: quoted fields.
    t.sites[0].name = QStringLiteral("Paris, \"HQ\"");
    const DnsRecordPlan plan = DnsRecordPlan::fromTopology(t);
    const QString csv = DnsExport::csv(plan);
    QVERIFY(csv.endsWith(QStringLiteral("\r\n")));
    const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.first(), QStringLiteral("zone,name,type,priority,weight,port,target,purpose"));
    QCOMPARE(lines.size(), plan.records().size() + 1);
    for (qsizetype i = 0; i < plan.records().size(); ++i) {
        const DnsRecord &r = plan.records().at(i);
        const QStringList f = csvFields(lines.at(i + 1));
        QCOMPARE(f.size(), 8);
        QCOMPARE(f.at(0), toString(r.zone));
        QCOMPARE(f.at(1), r.name);
        QCOMPARE(f.at(2), toString(r.type));
        QCOMPARE(f.at(6), r.value);
        QCOMPARE(f.at(7), r.purpose);
        if (r.type == DnsRecordType::SRV) {
            QCOMPARE(f.at(3).toInt(), int(r.priority));
            QCOMPARE(f.at(4).toInt(), int(r.weight));
            QCOMPARE(f.at(5).toInt(), int(r.port));
        } else {
            QVERIFY(f.at(3).isEmpty() && f.at(4).isEmpty() && f.at(5).isEmpty());
        }
    }
    QVERIFY(lines.at(1).contains(QStringLiteral("\"Paris, \"\"HQ\"\"\"")) ||
            csvFields(lines.at(1)).at(7).contains(QStringLiteral("Paris, \"HQ\"")));
    QCOMPARE(csvFields(lines.last()).at(0), QStringLiteral("internal"));
}

void TestDnsRecordPlan::nonPublicAddresses_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("reachable");
    QTest::newRow("loopback") << "127.0.0.1" << false;
    QTest::newRow("rfc1918 10") << "10.1.2.3" << false;
    QTest::newRow("rfc1918 172.16") << "172.31.255.1" << false;
    QTest::newRow("rfc1918 192.168") << "192.168.0.1" << false;
    QTest::newRow("cgnat") << "100.64.0.1" << false;
    QTest::newRow("link-local") << "169.254.1.1" << false;
    QTest::newRow("ipv6 loopback") << "::1" << false;
    QTest::newRow("ipv6 unique local") << "fd00::1" << false;
    QTest::newRow("ipv6 link-local") << "fe80::1" << false;
    QTest::newRow("mapped private") << "::ffff:10.0.0.1" << false;
    QTest::newRow("documentation v4") << "192.0.2.10" << true;
    QTest::newRow("public v4") << "198.51.100.10" << true;
    QTest::newRow("just outside 172.16/12") << "172.32.0.1" << true;
    QTest::newRow("documentation v6") << "2001:db8::1" << true;
}

void TestDnsRecordPlan::nonPublicAddresses()
{
    QFETCH(QString, address);
    QFETCH(bool, reachable);
    QCOMPARE(nonPublicAddressKind(QHostAddress(address)).isEmpty(), reachable);
}

QTEST_GUILESS_MAIN(TestDnsRecordPlan)
#include "tst_dnsrecordplan.moc"
