// The live DNS check against a real dnsmasq started on a loopback address:
// a correct zone is all OK, each defect injected alone gives exactly its own
// finding, and a name server that cannot be asked (silent, refusing,
// failing, or nothing listening) is one finding with its rows "not checked",
// never "missing"; a silent one costs one timeout, not one per lookup.
#include "support/DnsTestResponder.h"
#include "support/DnsmasqServer.h"

#include "topology/DnsChecker.h"
#include "topology/DnsRecordPlan.h"

#include <QElapsedTimer>
#include <QNetworkDatagram>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QUdpSocket>

using namespace fedgate::topology;
using fedgate::test::DnsmasqServer;

Q_DECLARE_METATYPE(fedgate::topology::DnsCheckStatus)

namespace {

// Two sites, one edge pool each, both routed for XMPP in site order: Paris
// (xmpp.contoso.test, IPv4 and IPv6) first, Montreal (xmpp2.contoso.test,
// behind NAT) second.
Topology contoso()
{
    Topology t;
    t.organisation.name = QStringLiteral("Contoso");
    t.organisation.defaultSipDomain = QStringLiteral("contoso.test");
    t.organisation.xmppDomains = {QStringLiteral("contoso.test")};
    Site paris;
    paris.name = QStringLiteral("Paris");
    EdgePool p;
    p.fqdn = QStringLiteral("edge-paris.contoso.test");
    p.externalFqdn = QStringLiteral("xmpp.contoso.test");
    p.xmppFederation = true;
    EdgeServer p1;
    p1.internalFqdn = QStringLiteral("edge-paris1.contoso.test");
    p1.internalIPv4 = QStringLiteral("10.10.1.10");
    p1.externalFqdn = QStringLiteral("xmpp.contoso.test");
    p1.externalIPv4 = QStringLiteral("192.0.2.10");
    p1.externalIPv6 = QStringLiteral("2001:db8:10::10");
    p.members = {p1};
    paris.edgePools = {p};
    paris.xmppFederationRoute = p.fqdn;
    Site mtl;
    mtl.name = QStringLiteral("Montreal");
    EdgePool m;
    m.fqdn = QStringLiteral("edge-mtl.contoso.test");
    m.externalFqdn = QStringLiteral("xmpp2.contoso.test");
    m.xmppFederation = true;
    EdgeServer m1;
    m1.internalFqdn = QStringLiteral("edge-mtl1.contoso.test");
    m1.internalIPv4 = QStringLiteral("10.20.1.10");
    m1.externalFqdn = QStringLiteral("xmpp2.contoso.test");
    m1.externalIPv4 = QStringLiteral("172.16.20.10");
    m1.natIPv4 = QStringLiteral("198.51.100.10");
    m.members = {m1};
    mtl.edgePools = {m};
    mtl.xmppFederationRoute = m.fqdn;
    t.sites = {paris, mtl};
    return t;
}

const QString kSrvParis =
    QStringLiteral("srv-host=_xmpp-server._tcp.contoso.test,xmpp.contoso.test,5269,10,0");
const QString kSrvMtl =
    QStringLiteral("srv-host=_xmpp-server._tcp.contoso.test,xmpp2.contoso.test,5269,20,0");
const QString kHostParis =
    QStringLiteral("host-record=xmpp.contoso.test,192.0.2.10,2001:db8:10::10");
const QString kHostMtl = QStringLiteral("host-record=xmpp2.contoso.test,198.51.100.10");

QStringList correctZone()
{
    return {kSrvParis, kSrvMtl, kHostParis, kHostMtl};
}

QString describe(const DnsCheckReport &report)
{
    QString text = QStringLiteral("%1 finding(s):\n").arg(report.findings.size());
    for (const DnsFinding &f : report.findings)
        text += QStringLiteral("  [%1] %2\n").arg(f.rule, f.message);
    for (const DnsCheckResult &r : report.results)
        text += QStringLiteral("  %1 %2 (%3)\n")
                    .arg(toString(r.status), r.record.zoneLine(), r.found.join(QLatin1Char(' ')));
    return text;
}

int indexOf(const DnsRecordPlan &plan, DnsRecordType type, const QString &name,
            const QString &value)
{
    for (qsizetype i = 0; i < plan.records().size(); ++i) {
        const DnsRecord &r = plan.records().at(i);
        if (r.type == type && r.name == name && r.value == value)
            return static_cast<int>(i);
    }
    return -1;
}

DnsChecker::Options optionsFor(const DnsmasqServer &server, int timeoutMs = 3000)
{
    DnsChecker::Options o;
    o.server = server.address();
    o.timeoutMs = timeoutMs;
    return o;
}

// A UDP relay in front of dnsmasq that holds back the answers to AAAA
// queries: a slow name server whose empty (NODATA) replies arrive after
// glibc's one-second floor.
class SlowAaaaRelay : public QObject
{
public:
    SlowAaaaRelay(const QHostAddress &front, const QHostAddress &server, int delayMs)
        : m_server(server)
        , m_delayMs(delayMs)
    {
        m_ok = m_front.bind(front, 53) && m_back.bind(front, 0);
        connect(&m_front, &QUdpSocket::readyRead, this, [this] {
            while (m_front.hasPendingDatagrams()) {
                const QNetworkDatagram query = m_front.receiveDatagram();
                const QByteArray data = query.data();
                if (data.size() < 12)
                    continue;
                m_clients.insert(data.left(2),
                                 {query.senderAddress(), quint16(query.senderPort())});
                m_back.writeDatagram(data, m_server, 53);
            }
        });
        connect(&m_back, &QUdpSocket::readyRead, this, [this] {
            while (m_back.hasPendingDatagrams()) {
                const QByteArray reply = m_back.receiveDatagram().data();
                const auto client = m_clients.value(reply.left(2));
                auto send = [this, reply, client] {
                    m_front.writeDatagram(reply, client.first, client.second);
                };
                if (questionType(reply) == 28) // AAAA
                    QTimer::singleShot(m_delayMs, this, send);
                else
                    send();
            }
        });
    }
    bool isReady() const { return m_ok; }

private:
    static int questionType(const QByteArray &message)
    {
        qsizetype at = 12; // header, then the question's name as labels
        while (at < message.size() && message.at(at) != 0)
            at += 1 + quint8(message.at(at));
        if (at + 2 >= message.size())
            return -1;
        return (quint8(message.at(at + 1)) << 8) | quint8(message.at(at + 2));
    }

    QHostAddress m_server;
    int m_delayMs;
    bool m_ok = false;
    QUdpSocket m_front;
    QUdpSocket m_back;
    QHash<QByteArray, QPair<QHostAddress, quint16>> m_clients;
};

} // namespace

class TestDnsCheck : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void correctZoneIsAllOk();
    void internalRecordsOnRequest();
    void singleDefect_data();
    void singleDefect();
    void multiMemberPoolWithDirectTls();
    void slowEmptyReplyIsNotSilence();
    void refusedLookupIsNotMissing();
    void serverFailureOnAnotherPort();
    void closedPortIsOneFinding();
    void cancelEndsAtOnce();
    void silentServerCostsOneTimeout_data();
    void silentServerCostsOneTimeout();
};

void TestDnsCheck::initTestCase()
{
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("dnsmasq"),
                                             {QStringLiteral("/usr/sbin"),
                                              QStringLiteral("/usr/bin"), QStringLiteral("/sbin")})
                     .isEmpty() ||
                 !QStandardPaths::findExecutable(QStringLiteral("dnsmasq")).isEmpty(),
             "dnsmasq is not installed (package dnsmasq-base)");
}

void TestDnsCheck::correctZoneIsAllOk()
{
    DnsmasqServer dns(QHostAddress(QStringLiteral("127.0.0.77")));
    dns.setLines(correctZone());
    QString error;
    QVERIFY2(dns.start(&error), qPrintable(error));

    const DnsRecordPlan plan = DnsRecordPlan::fromTopology(contoso());
    QVERIFY2(plan.notes().isEmpty(), qPrintable(plan.notes().join(QLatin1Char('\n'))));

    // The asynchronous API the wizard uses: one signal per row as its
    // answer arrives, then finished.
    DnsChecker checker;
    QSignalSpy rows(&checker, &DnsChecker::recordChecked);
    QSignalSpy done(&checker, &DnsChecker::finished);
    checker.start(plan, optionsFor(dns));
    QVERIFY(checker.isRunning());
    QVERIFY(done.wait(10000));
    QCOMPARE(done.count(), 1);
    const DnsCheckReport report = checker.report();
    QVERIFY2(report.allOk(), qPrintable(describe(report)));
    QVERIFY(report.findings.isEmpty());
    QCOMPARE(report.server, QStringLiteral("127.0.0.77"));
    // SRV _xmpp-server, SRV _xmpps-server (lint), A + AAAA for two hosts.
    QCOMPARE(report.lookups, 6);

    int external = 0;
    QSet<int> signalled;
    for (const QList<QVariant> &args : rows)
        signalled.insert(args.at(0).toInt());
    for (const DnsCheckResult &r : report.results) {
        if (r.record.zone == DnsZone::Internal) {
            QCOMPARE(toString(r.status), toString(DnsCheckStatus::NotChecked));
            continue;
        }
        ++external;
        QCOMPARE(toString(r.status), toString(DnsCheckStatus::Ok));
        QVERIFY2(signalled.contains(r.index), qPrintable(r.record.zoneLine()));
        QCOMPARE(r.found, QStringList{r.record.typeAndData()});
    }
    QCOMPARE(external, 5); // 2 SRV, 2 A, 1 AAAA
    QCOMPARE(rows.count(), external);

    // The blocking form gives the same verdict.
    QVERIFY(DnsChecker::check(plan, optionsFor(dns)).allOk());
}

void TestDnsCheck::internalRecordsOnRequest()
{
    DnsmasqServer dns(QHostAddress(QStringLiteral("127.0.0.78")));
    dns.setLines(correctZone());
    dns.addHost(QStringLiteral("edge-paris1.contoso.test"), QStringLiteral("10.10.1.10"));
    dns.addHost(QStringLiteral("edge-paris.contoso.test"), QStringLiteral("10.10.1.10"));
    dns.addHost(QStringLiteral("edge-mtl1.contoso.test"), QStringLiteral("10.20.1.10"));
    QString error;
    QVERIFY2(dns.start(&error), qPrintable(error));

    const DnsRecordPlan plan = DnsRecordPlan::fromTopology(contoso());
    DnsChecker::Options options = optionsFor(dns);
    options.includeInternal = true;
    const DnsCheckReport report = DnsChecker::check(plan, options);
    // Internal addresses are private by design: no private-address finding;
    // the one internal record left out is reported missing.
    QCOMPARE(report.findings.size(), 1);
    QCOMPARE(report.findings.first().rule, QStringLiteral("missing"));
    QCOMPARE(report.findings.first().create,
             QStringList{QStringLiteral("edge-mtl.contoso.test. 3600 IN A 10.20.1.10")});
    for (const DnsCheckResult &r : report.results) {
        const bool missing = r.record.name == QLatin1String("edge-mtl.contoso.test");
        QCOMPARE(toString(r.status),
                 toString(missing ? DnsCheckStatus::Missing : DnsCheckStatus::Ok));
    }
}

void TestDnsCheck::singleDefect_data()
{
    QTest::addColumn<QStringList>("remove");
    QTest::addColumn<QStringList>("add");
    QTest::addColumn<QString>("rule");
    // The planned record whose row shows the defect ("" = none) and its status.
    QTest::addColumn<int>("rowType");
    QTest::addColumn<QString>("rowName");
    QTest::addColumn<QString>("rowValue");
    QTest::addColumn<DnsCheckStatus>("rowStatus");
    // Text the finding must carry: the exact record to create/change/delete.
    QTest::addColumn<QString>("fix");

    const QString srvOwner = QStringLiteral("_xmpp-server._tcp.contoso.test");
    const int srv = int(DnsRecordType::SRV);
    const int a = int(DnsRecordType::A);

    QTest::newRow("missing SRV") << QStringList{kSrvMtl} << QStringList{} << "missing" << srv
                                 << srvOwner << "xmpp2.contoso.test" << DnsCheckStatus::Missing
                                 << "_xmpp-server._tcp.contoso.test. 3600 IN SRV 20 0 5269 "
                                    "xmpp2.contoso.test.";
    QTest::newRow("wrong port")
        << QStringList{kSrvParis}
        << QStringList{"srv-host=_xmpp-server._tcp.contoso.test,xmpp.contoso.test,5222,10,0"}
        << "other-port" << srv << srvOwner << "xmpp.contoso.test" << DnsCheckStatus::OtherPort
        << "_xmpp-server._tcp.contoso.test. 3600 IN SRV 10 0 5269 xmpp.contoso.test.";
    QTest::newRow("wrong target")
        << QStringList{kSrvMtl}
        << QStringList{"srv-host=_xmpp-server._tcp.contoso.test,old-edge.contoso.test,5269,20,0",
                       "host-record=old-edge.contoso.test,198.51.100.99"}
        << "other-target" << srv << srvOwner << "xmpp2.contoso.test" << DnsCheckStatus::OtherTarget
        << "_xmpp-server._tcp.contoso.test. 3600 IN SRV 20 0 5269 xmpp2.contoso.test.";
    QTest::newRow("wrong priority order")
        << QStringList{kSrvParis}
        << QStringList{"srv-host=_xmpp-server._tcp.contoso.test,xmpp.contoso.test,5269,30,0"}
        << "priority-order" << srv << srvOwner << "xmpp.contoso.test"
        << DnsCheckStatus::OtherPriority
        << "_xmpp-server._tcp.contoso.test. 3600 IN SRV 10 0 5269 xmpp.contoso.test.";
    QTest::newRow("missing A (target keeps its AAAA)")
        << QStringList{kHostParis} << QStringList{"host-record=xmpp.contoso.test,2001:db8:10::10"}
        << "missing" << a << "xmpp.contoso.test"
        << "192.0.2.10" << DnsCheckStatus::Missing << "xmpp.contoso.test. 3600 IN A 192.0.2.10";
    QTest::newRow("missing A (SRV target left without address)")
        << QStringList{kHostMtl} << QStringList{} << "srv-target-no-address" << a
        << "xmpp2.contoso.test"
        << "198.51.100.10" << DnsCheckStatus::Missing
        << "xmpp2.contoso.test. 3600 IN A 198.51.100.10";
    QTest::newRow("A to a private address")
        << QStringList{kHostMtl} << QStringList{"host-record=xmpp2.contoso.test,172.16.20.10"}
        << "private-address" << a << "xmpp2.contoso.test"
        << "198.51.100.10" << DnsCheckStatus::PrivateAddress
        << "xmpp2.contoso.test. 3600 IN A 198.51.100.10";
    QTest::newRow("A to a loopback address")
        << QStringList{kHostMtl} << QStringList{"host-record=xmpp2.contoso.test,127.0.0.1"}
        << "private-address" << a << "xmpp2.contoso.test"
        << "198.51.100.10" << DnsCheckStatus::PrivateAddress
        << "xmpp2.contoso.test. 3600 IN A 127.0.0.1";
    QTest::newRow("A to another public address")
        << QStringList{kHostMtl} << QStringList{"host-record=xmpp2.contoso.test,203.0.113.7"}
        << "other-target" << a << "xmpp2.contoso.test"
        << "198.51.100.10" << DnsCheckStatus::OtherTarget
        << "xmpp2.contoso.test. 3600 IN A 198.51.100.10";
    QTest::newRow("SRV target is a CNAME")
        << QStringList{kHostMtl}
        << QStringList{"host-record=edge-mtl-public.contoso.test,198.51.100.10",
                       "cname=xmpp2.contoso.test,edge-mtl-public.contoso.test"}
        << "srv-target-cname" << a << "xmpp2.contoso.test"
        << "198.51.100.10" << DnsCheckStatus::CnameTarget
        << "xmpp2.contoso.test. 3600 IN CNAME edge-mtl-public.contoso.test.";
    QTest::newRow("target \".\"")
        << QStringList{kSrvParis, kSrvMtl} << QStringList{"srv-host=_xmpp-server._tcp.contoso.test"}
        << "service-disabled" << srv << srvOwner << "xmpp.contoso.test"
        << DnsCheckStatus::ServiceDisabled
        << "_xmpp-server._tcp.contoso.test. 3600 IN SRV 20 0 5269 xmpp2.contoso.test.";
    QTest::newRow("unknown SRV target")
        << QStringList{}
        << QStringList{"srv-host=_xmpp-server._tcp.contoso.test,stranger.contoso.test,5269,30,0"}
        << "unknown-srv-target" << -1 << ""
        << "" << DnsCheckStatus::Ok
        << "_xmpp-server._tcp.contoso.test. 3600 IN SRV 30 0 5269 stranger.contoso.test.";
    QTest::newRow("direct TLS SRV the edge does not serve")
        << QStringList{}
        << QStringList{"srv-host=_xmpps-server._tcp.contoso.test,xmpp.contoso.test,5223,10,0"}
        << "unplanned-direct-tls" << -1 << ""
        << "" << DnsCheckStatus::Ok
        << "_xmpps-server._tcp.contoso.test. 3600 IN SRV 10 0 5223 xmpp.contoso.test.";
    QTest::newRow("extra public AAAA")
        << QStringList{kHostMtl}
        << QStringList{"host-record=xmpp2.contoso.test,198.51.100.10,2001:db8:99::1"}
        << "unplanned-address" << -1 << ""
        << "" << DnsCheckStatus::Ok << "xmpp2.contoso.test. 3600 IN AAAA 2001:db8:99::1";
}

void TestDnsCheck::singleDefect()
{
    QFETCH(QStringList, remove);
    QFETCH(QStringList, add);
    QFETCH(QString, rule);
    QFETCH(int, rowType);
    QFETCH(QString, rowName);
    QFETCH(QString, rowValue);
    QFETCH(DnsCheckStatus, rowStatus);
    QFETCH(QString, fix);

    QStringList lines = correctZone();
    for (const QString &line : remove)
        QVERIFY2(lines.removeAll(line) == 1, qPrintable(line));
    lines += add;
    DnsmasqServer dns(QHostAddress(QStringLiteral("127.0.0.79")));
    dns.setLines(lines);
    QString error;
    QVERIFY2(dns.start(&error), qPrintable(error));

    const DnsRecordPlan plan = DnsRecordPlan::fromTopology(contoso());
    const DnsCheckReport report = DnsChecker::check(plan, optionsFor(dns));
    QVERIFY2(report.findings.size() == 1, qPrintable(describe(report)));
    const DnsFinding &finding = report.findings.first();
    QCOMPARE(finding.rule, rule);
    QVERIFY2(finding.message.contains(fix), qPrintable(finding.message));
    QVERIFY2(finding.create.contains(fix) || finding.remove.contains(fix),
             qPrintable(describe(report)));
    QVERIFY(!report.allOk());

    const int defectRow =
        rowType < 0 ? -1 : indexOf(plan, DnsRecordType(rowType), rowName, rowValue);
    if (rowType >= 0)
        QVERIFY(defectRow >= 0);
    for (const DnsCheckResult &r : report.results) {
        if (r.record.zone == DnsZone::Internal)
            continue;
        if (r.index == defectRow) {
            QCOMPARE(toString(r.status), toString(rowStatus));
            QVERIFY(!r.message.isEmpty());
            continue;
        }
        // A priority-order or disabled-service defect is about the owner's
        // whole record set: its other rows share the status.
        const bool sameSet =
            r.record.type == DnsRecordType::SRV && (rowStatus == DnsCheckStatus::OtherPriority ||
                                                    rowStatus == DnsCheckStatus::ServiceDisabled);
        // The CNAME covers the host's A and AAAA rows alike.
        const bool sameHost = rowStatus == DnsCheckStatus::CnameTarget && r.record.name == rowName;
        QCOMPARE(toString(r.status),
                 toString(sameSet || sameHost ? rowStatus : DnsCheckStatus::Ok));
    }
}

void TestDnsCheck::multiMemberPoolWithDirectTls()
{
    // One pool, two members with their own external names: one SRV per member
    // at the pool's priority, weights sharing 100; direct TLS adds the
    // _xmpps-server twins.
    Topology t = contoso();
    t.sites.removeLast();
    EdgePool &pool = t.sites.first().edgePools.first();
    pool.directTls = true;
    pool.members.first().externalFqdn = QStringLiteral("xmpp-a.contoso.test");
    EdgeServer second = pool.members.first();
    second.internalFqdn = QStringLiteral("edge-paris2.contoso.test");
    second.internalIPv4 = QStringLiteral("10.10.1.11");
    second.externalFqdn = QStringLiteral("xmpp-b.contoso.test");
    second.externalIPv4 = QStringLiteral("192.0.2.11");
    second.externalIPv6.clear();
    pool.members << second;
    const DnsRecordPlan plan = DnsRecordPlan::fromTopology(t);

    DnsmasqServer dns(QHostAddress(QStringLiteral("127.0.0.80")));
    QString error;
    QVERIFY2(dns.addZone(QStringLiteral("_xmpp-server._tcp.contoso.test. 3600 IN SRV 10 50 5269 "
                                        "xmpp-a.contoso.test.\n"
                                        "_xmpp-server._tcp.contoso.test. 3600 IN SRV 10 50 5269 "
                                        "xmpp-b.contoso.test.\n"
                                        "_xmpps-server._tcp.contoso.test. 3600 IN SRV 10 50 5270 "
                                        "xmpp-a.contoso.test.\n"
                                        "_xmpps-server._tcp.contoso.test. 3600 IN SRV 10 50 5270 "
                                        "xmpp-b.contoso.test.\n"
                                        "xmpp-a.contoso.test. IN A 192.0.2.10\n"
                                        "xmpp-a.contoso.test. IN AAAA 2001:db8:10::10\n"
                                        "xmpp-b.contoso.test. IN A 192.0.2.11\n"
                                        "xmpp.contoso.test. IN A 192.0.2.10\n"
                                        "xmpp.contoso.test. IN A 192.0.2.11\n"
                                        "xmpp.contoso.test. IN AAAA 2001:db8:10::10\n"),
                         &error),
             qPrintable(error));
    QVERIFY2(dns.start(&error), qPrintable(error));
    const DnsCheckReport report = DnsChecker::check(plan, optionsFor(dns));
    QVERIFY2(report.allOk(), qPrintable(describe(report)));

    // Members sharing a priority must keep sharing it: splitting them is an
    // order defect.
    dns.setLines(dns.lines().replaceInStrings(QStringLiteral("xmpp-b.contoso.test,5269,10,50"),
                                              QStringLiteral("xmpp-b.contoso.test,5269,20,50")));
    QVERIFY2(dns.start(&error), qPrintable(error));
    const DnsCheckReport split = DnsChecker::check(plan, optionsFor(dns));
    QVERIFY2(split.findings.size() == 1, qPrintable(describe(split)));
    QCOMPARE(split.findings.first().rule, QStringLiteral("priority-order"));
}

void TestDnsCheck::slowEmptyReplyIsNotSilence()
{
    // Qt 6.4 reports NODATA and a resolver giving up alike; a slow NODATA
    // from a server that answers everything else must not read as silence.
    DnsmasqServer dns(QHostAddress(QStringLiteral("127.0.0.83")));
    dns.setLines(correctZone());
    QString error;
    QVERIFY2(dns.start(&error), qPrintable(error));
    SlowAaaaRelay relay(QHostAddress(QStringLiteral("127.0.0.84")), dns.address(), 1200);
    QVERIFY(relay.isReady());

    DnsChecker::Options options;
    options.server = QHostAddress(QStringLiteral("127.0.0.84"));
    options.timeoutMs = 4000;
    const DnsCheckReport report =
        DnsChecker::check(DnsRecordPlan::fromTopology(contoso()), options);
    QVERIFY2(report.elapsedMs >= 1200, qPrintable(QString::number(report.elapsedMs)));
    QVERIFY2(report.allOk(), qPrintable(describe(report)));
}

void TestDnsCheck::refusedLookupIsNotMissing()
{
    // dnsmasq serves .test only; it refuses the SRV queries of a domain
    // outside it (no upstream server).
    DnsmasqServer dns(QHostAddress(QStringLiteral("127.0.0.82")));
    dns.setLines(correctZone());
    QString error;
    QVERIFY2(dns.start(&error), qPrintable(error));
    Topology t = contoso();
    t.organisation.xmppDomains = {QStringLiteral("contoso.example")};
    const DnsCheckReport report =
        DnsChecker::check(DnsRecordPlan::fromTopology(t), optionsFor(dns));
    // The two refused SRV lookups are one finding, not two.
    QVERIFY2(report.findings.size() == 1, qPrintable(describe(report)));
    const DnsFinding &f = report.findings.first();
    QCOMPARE(f.rule, QStringLiteral("server-refused"));
    QVERIFY2(f.message.startsWith(
                 QStringLiteral("Could not ask 127.0.0.82: the server answered REFUSED")),
             qPrintable(f.message));
    QVERIFY2(f.message.contains(QStringLiteral("2 lookups not checked")), qPrintable(f.message));
    for (const DnsCheckResult &r : report.results) {
        if (r.record.zone == DnsZone::Internal)
            continue;
        QCOMPARE(toString(r.status),
                 toString(r.record.type == DnsRecordType::SRV ? DnsCheckStatus::Refused
                                                              : DnsCheckStatus::Ok));
    }
    QVERIFY(!report.allOk());
}

void TestDnsCheck::serverFailureOnAnotherPort()
{
    // A server on port 5302 that answers SERVFAIL to everything.
    fedgate::test::DnsTestResponder failing(QHostAddress(QStringLiteral("127.0.0.194")), 5302, 2);
    QVERIFY2(failing.isListening(), qPrintable(failing.errorString()));
    DnsChecker::Options options;
    options.server = DnsServerAddress(QHostAddress(QStringLiteral("127.0.0.194")), 5302);
    const DnsCheckReport report =
        DnsChecker::check(DnsRecordPlan::fromTopology(contoso()), options);
    QCOMPARE(report.server, QStringLiteral("127.0.0.194:5302"));
    QVERIFY2(report.findings.size() == 1, qPrintable(describe(report)));
    QCOMPARE(report.findings.first().rule, QStringLiteral("server-failure"));
    QVERIFY2(report.findings.first().message.contains(QStringLiteral("SERVFAIL")),
             qPrintable(report.findings.first().message));
    for (const DnsCheckResult &r : report.results)
        QCOMPARE(toString(r.status),
                 toString(r.record.zone == DnsZone::Internal ? DnsCheckStatus::NotChecked
                                                             : DnsCheckStatus::ServerFailure));
}

void TestDnsCheck::closedPortIsOneFinding()
{
    // Nothing listens on 127.0.0.154: one finding, every row "not checked"
    // (unreachable), none "missing", and no waiting for the timeout.
    DnsChecker::Options options;
    options.server = QHostAddress(QStringLiteral("127.0.0.154"));
    options.timeoutMs = 60000;
    const DnsCheckReport report =
        DnsChecker::check(DnsRecordPlan::fromTopology(contoso()), options);
    QVERIFY2(report.findings.size() == 1, qPrintable(describe(report)));
    const DnsFinding &f = report.findings.first();
    QCOMPARE(f.rule, QStringLiteral("server-unreachable"));
    QVERIFY2(f.message.startsWith(QStringLiteral("Could not ask 127.0.0.154: connection refused")),
             qPrintable(f.message));
    QVERIFY(f.create.isEmpty());
    for (const DnsCheckResult &r : report.results) {
        QVERIFY(r.status != DnsCheckStatus::Missing);
        QCOMPARE(toString(r.status),
                 toString(r.record.zone == DnsZone::Internal ? DnsCheckStatus::NotChecked
                                                             : DnsCheckStatus::Unreachable));
        QVERIFY(isUnchecked(r.status));
    }
    QVERIFY(!report.allOk());
    QVERIFY2(report.elapsedMs < options.timeoutMs, qPrintable(QString::number(report.elapsedMs)));
}

void TestDnsCheck::cancelEndsAtOnce()
{
    const QHostAddress silent(QStringLiteral("127.0.0.87"));
    QUdpSocket socket;
    QVERIFY2(socket.bind(silent, 53), qPrintable(socket.errorString()));
    DnsChecker checker;
    QSignalSpy rows(&checker, &DnsChecker::recordChecked);
    QSignalSpy done(&checker, &DnsChecker::finished);
    DnsChecker::Options options;
    options.server = silent;
    options.timeoutMs = 20000;
    checker.start(DnsRecordPlan::fromTopology(contoso()), options);
    QTest::qWait(200);
    QVERIFY(checker.isRunning());
    QCOMPARE(done.count(), 0);

    QElapsedTimer clock;
    clock.start();
    checker.cancel();
    QVERIFY(clock.elapsed() < 500);
    QCOMPARE(done.count(), 1);
    QVERIFY(!checker.isRunning());
    const DnsCheckReport report = checker.report();
    QVERIFY(report.cancelled);
    QVERIFY(!report.allOk());
    QCOMPARE(rows.count(), 5); // every external row settled as "not checked"
    for (const DnsCheckResult &r : report.results)
        QCOMPARE(toString(r.status), toString(DnsCheckStatus::NotChecked));
    QTest::qWait(50); // the cancelled lookups are deleted on the next turn
    QCOMPARE(done.count(), 1);
}

void TestDnsCheck::silentServerCostsOneTimeout_data()
{
    QTest::addColumn<int>("domains");
    QTest::newRow("contoso") << 1;
    QTest::newRow("four XMPP domains") << 4;
}

void TestDnsCheck::silentServerCostsOneTimeout()
{
    QFETCH(int, domains);
    // A name server that never answers: a UDP socket bound on port 53 that
    // nobody reads.
    const QHostAddress silent(QStringLiteral("127.0.0.88"));
    QUdpSocket socket;
    QVERIFY2(socket.bind(silent, 53), qPrintable(socket.errorString()));

    Topology t = contoso();
    for (int d = 1; d < domains; ++d)
        t.organisation.xmppDomains << QStringLiteral("d%1.contoso.test").arg(d);
    const DnsRecordPlan plan = DnsRecordPlan::fromTopology(t);
    DnsChecker::Options options;
    options.server = silent;
    options.timeoutMs = 1500;

    QElapsedTimer clock;
    clock.start();
    const DnsCheckReport report = DnsChecker::check(plan, options);
    const qint64 elapsed = clock.elapsed();

    // One timeout plus one second at most; in series it would be
    // lookups x timeout (9 s and 18 s here).
    QVERIFY2(elapsed <= options.timeoutMs + 1000,
             qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
    QVERIFY2(elapsed >= options.timeoutMs - 50,
             qPrintable(QStringLiteral("%1 ms: %2")
                            .arg(elapsed)
                            .arg(report.findings.isEmpty() ? QString()
                                                           : report.findings.first().message)));
    QCOMPARE(report.lookups, 2 * domains + 4);
    // One finding for the silent server, however many lookups it ignored.
    QCOMPARE(report.findings.size(), 1);
    const DnsFinding &f = report.findings.first();
    QCOMPARE(f.rule, QStringLiteral("server-timeout"));
    QVERIFY2(f.message.startsWith(
                 QStringLiteral("Could not ask 127.0.0.88: no answer within 1500 ms. %1 lookups "
                                "not checked")
                     .arg(report.lookups)),
             qPrintable(f.message));
    for (const DnsCheckResult &r : report.results)
        QCOMPARE(toString(r.status),
                 toString(r.record.zone == DnsZone::Internal ? DnsCheckStatus::NotChecked
                                                             : DnsCheckStatus::Timeout));
    QVERIFY(!report.allOk());
}

QTEST_GUILESS_MAIN(TestDnsCheck)
#include "tst_dnscheck.moc"
