// DnsResolver (libunbound) against real servers started here, each outcome
// produced by a real server or by the lack of one: dnsmasq for answers,
// NODATA, NXDOMAIN and a REFUSED outside its zone; a tiny UDP responder on
// another port for REFUSED and SERVFAIL; a silent UDP socket for the
// timeout; 127.0.0.154, where nothing listens, for "unreachable". And 200
// lookups at once against a slow server, in a process of their own that
// must finish with every lookup completed.
#include "support/DnsTestResponder.h"
#include "support/DnsmasqServer.h"
#include "support/TestPaths.h"

#include "topology/DnsResolver.h"
#include "topology/DnsServerAddress.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace fedgate::topology;
using fedgate::test::DnsmasqServer;
using fedgate::test::DnsTestResponder;

namespace {

const QHostAddress kDnsmasq(QStringLiteral("127.0.0.190"));
const QHostAddress kResponders(QStringLiteral("127.0.0.191"));
const QHostAddress kSilent(QStringLiteral("127.0.0.192"));
const QHostAddress kSlow(QStringLiteral("127.0.0.193"));
const QHostAddress kNothingListens(QStringLiteral("127.0.0.154"));

DnsLookupResult lookupOnce(const DnsServerAddress &server, const QString &name, DnsRecordType type,
                           int timeoutMs = 3000)
{
    DnsResolver::Options options;
    options.server = server;
    options.timeoutMs = timeoutMs;
    DnsResolver resolver(options);
    std::optional<DnsLookupResult> result;
    resolver.lookup(name, type, [&](const DnsLookupResult &r) { result = r; });
    // Bounded: every lookup ends by its timeout at the latest.
    for (int i = 0; i < timeoutMs / 10 + 200 && !result; ++i)
        QTest::qWait(10);
    return result.value_or(DnsLookupResult{});
}

} // namespace

class TestDnsResolver : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void parsesServerAddresses_data();
    void parsesServerAddresses();
    void answerNoDataNxDomain();
    void aliasIsReported();
    void refusedByDnsmasq();
    void refusedAndServfailFromResponder_data();
    void refusedAndServfailFromResponder();
    void silentServerIsATimeout();
    void closedPortIsUnreachable();
    void twoHundredLookupsAtOnce();
    void lookupsInFlightAreBounded();
    void cleanupTestCase();

private:
    std::unique_ptr<DnsmasqServer> m_dns;
};

void TestDnsResolver::initTestCase()
{
    m_dns = std::make_unique<DnsmasqServer>(kDnsmasq);
    m_dns->addSrv(QStringLiteral("_xmpp-server._tcp.a.test"), QStringLiteral("xmpp.a.test"), 5269,
                  10, 0);
    m_dns->addHost(QStringLiteral("xmpp.a.test"), QStringLiteral("192.0.2.10"));
    m_dns->addCname(QStringLiteral("alias.a.test"), QStringLiteral("xmpp.a.test"));
    QString error;
    QVERIFY2(m_dns->start(&error), qPrintable(error));
}

void TestDnsResolver::cleanupTestCase()
{
    m_dns.reset();
}

void TestDnsResolver::parsesServerAddresses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::newRow("v4") << "127.0.0.190"
                        << "127.0.0.190" << 53;
    QTest::newRow("v4 port") << "127.0.0.190:5353"
                             << "127.0.0.190" << 5353;
    QTest::newRow("v6") << "::1"
                        << "::1" << 53;
    QTest::newRow("v6 port") << "[::1]:5353"
                             << "::1" << 5353;
    QTest::newRow("name port") << "localhost:5301"
                               << "" << 5301;
    QTest::newRow("bad port") << "127.0.0.1:99999"
                              << "-" << 0;
    QTest::newRow("empty") << ""
                           << "-" << 0;
}

void TestDnsResolver::parsesServerAddresses()
{
    QFETCH(QString, text);
    QFETCH(QString, address);
    QFETCH(int, port);
    QString error;
    const std::optional<DnsServerAddress> s = DnsServerAddress::parse(text, &error);
    if (address == QLatin1String("-")) {
        QVERIFY(!s);
        QVERIFY2(error.contains(QStringLiteral("ADDRESS:PORT")), qPrintable(error));
        return;
    }
    QVERIFY2(s, qPrintable(error));
    if (address.isEmpty())
        QVERIFY(s->address.isLoopback());
    else
        QCOMPARE(s->address, QHostAddress(address));
    QCOMPARE(int(s->port), port);
}

void TestDnsResolver::answerNoDataNxDomain()
{
    const DnsLookupResult srv =
        lookupOnce(kDnsmasq, QStringLiteral("_xmpp-server._tcp.a.test"), DnsRecordType::SRV);
    QCOMPARE(toString(srv.outcome), QStringLiteral("answer"));
    QCOMPARE(srv.srv.size(), 1);
    QCOMPARE(srv.srv.first().target, QStringLiteral("xmpp.a.test"));
    QCOMPARE(srv.srv.first().port, quint16(5269));
    QCOMPARE(srv.srv.first().priority, quint16(10));

    const DnsLookupResult a = lookupOnce(kDnsmasq, QStringLiteral("xmpp.a.test"), DnsRecordType::A);
    QCOMPARE(toString(a.outcome), QStringLiteral("answer"));
    QCOMPARE(a.addresses, QList<QHostAddress>{QHostAddress(QStringLiteral("192.0.2.10"))});

    const DnsLookupResult aaaa =
        lookupOnce(kDnsmasq, QStringLiteral("xmpp.a.test"), DnsRecordType::AAAA);
    QCOMPARE(toString(aaaa.outcome), QStringLiteral("nodata"));
    QVERIFY(aaaa.addresses.isEmpty());

    const DnsLookupResult nx =
        lookupOnce(kDnsmasq, QStringLiteral("nothere.a.test"), DnsRecordType::A);
    QCOMPARE(toString(nx.outcome), QStringLiteral("nxdomain"));
}

void TestDnsResolver::aliasIsReported()
{
    const DnsLookupResult a =
        lookupOnce(kDnsmasq, QStringLiteral("alias.a.test"), DnsRecordType::A);
    QCOMPARE(toString(a.outcome), QStringLiteral("answer"));
    QCOMPARE(a.canonicalName, QStringLiteral("xmpp.a.test"));
    QCOMPARE(a.addresses, QList<QHostAddress>{QHostAddress(QStringLiteral("192.0.2.10"))});
}

void TestDnsResolver::refusedByDnsmasq()
{
    // dnsmasq serves .test only and forwards nothing: it refuses the rest.
    const DnsLookupResult r = lookupOnce(
        kDnsmasq, QStringLiteral("_xmpp-server._tcp.contoso.example"), DnsRecordType::SRV);
    QCOMPARE(toString(r.outcome), QStringLiteral("refused"));
    QVERIFY2(r.detail.contains(QStringLiteral("REFUSED")), qPrintable(r.detail));
}

void TestDnsResolver::refusedAndServfailFromResponder_data()
{
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("rcode");
    QTest::addColumn<QString>("outcome");
    QTest::newRow("REFUSED") << 5301 << 5 << "refused";
    QTest::newRow("SERVFAIL") << 5302 << 2 << "servfail";
}

void TestDnsResolver::refusedAndServfailFromResponder()
{
    QFETCH(int, port);
    QFETCH(int, rcode);
    QFETCH(QString, outcome);
    DnsTestResponder responder(kResponders, quint16(port), rcode);
    QVERIFY2(responder.isListening(), qPrintable(responder.errorString()));
    const DnsLookupResult r = lookupOnce(DnsServerAddress(kResponders, quint16(port)),
                                         QStringLiteral("xmpp.a.test"), DnsRecordType::A);
    QCOMPARE(toString(r.outcome), outcome);
    QVERIFY2(r.detail.contains(outcome.toUpper()), qPrintable(r.detail));
    QVERIFY(responder.queriesSeen() > 0);
}

void TestDnsResolver::silentServerIsATimeout()
{
    DnsTestResponder silent(kSilent, 53, DnsTestResponder::kSilent);
    QVERIFY2(silent.isListening(), qPrintable(silent.errorString()));
    const DnsLookupResult r =
        lookupOnce(kSilent, QStringLiteral("xmpp.a.test"), DnsRecordType::A, 800);
    QCOMPARE(toString(r.outcome), QStringLiteral("timeout"));
    QVERIFY2(r.detail.contains(QStringLiteral("800 ms")), qPrintable(r.detail));
    QVERIFY(silent.queriesSeen() > 0);
}

void TestDnsResolver::closedPortIsUnreachable()
{
    // A long timeout: the closed port must be told at once, not by waiting.
    DnsResolver::Options options;
    options.server = kNothingListens;
    options.timeoutMs = 60000;
    DnsResolver resolver(options);
    QList<DnsLookupResult> results;
    for (DnsRecordType type : {DnsRecordType::SRV, DnsRecordType::A, DnsRecordType::AAAA})
        resolver.lookup(QStringLiteral("xmpp.a.test"), type,
                        [&](const DnsLookupResult &r) { results << r; });
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 3, 20000); // bounded wait, far below 60 s
    for (const DnsLookupResult &r : std::as_const(results)) {
        QCOMPARE(toString(r.outcome), QStringLiteral("unreachable"));
        QCOMPARE(r.detail, QStringLiteral("connection refused"));
    }
    QCOMPARE(resolver.pending(), 0);
}

void TestDnsResolver::twoHundredLookupsAtOnce()
{
    // Answers come 10 s late; each lookup gives up after 1 s.
    DnsTestResponder slow(kSlow, 5353, 0, 10000);
    QVERIFY2(slow.isListening(), qPrintable(slow.errorString()));
    QProcess burst;
    burst.setProcessChannelMode(QProcess::MergedChannels);
    burst.start(
        QCoreApplication::applicationDirPath() + QStringLiteral("/dns_lookup_burst"),
        {QStringLiteral("127.0.0.193:5353"), QStringLiteral("200"), QStringLiteral("1000")});
    QVERIFY2(burst.waitForStarted(), qPrintable(burst.errorString()));
    // Bounded wait for the process (not a timing assertion: 200 lookups in
    // series would take 200 s, at five at a time 40 s).
    for (int i = 0; i < 3000 && burst.state() != QProcess::NotRunning; ++i)
        QTest::qWait(10);
    const QString out = QString::fromUtf8(burst.readAll());
    qInfo("%s", qPrintable(out.trimmed()));
    QCOMPARE(burst.state(), QProcess::NotRunning);
    QCOMPARE(burst.exitStatus(), QProcess::NormalExit);
    QCOMPARE(burst.exitCode(), 0);
    QVERIFY2(out.contains(QStringLiteral("in flight 200, completed 200 of 200, outcomes: "
                                         "timeout=200")),
             qPrintable(out));
    QVERIFY(slow.queriesSeen() > 0);
    qInfo("the slow server saw %d queries", slow.queriesSeen());
}

void TestDnsResolver::lookupsInFlightAreBounded()
{
    // Against a silent server, one lookup more than the bound fails at
    // once; the others wait for their timeout.
    DnsTestResponder silent(kSilent, 5354, DnsTestResponder::kSilent);
    QVERIFY2(silent.isListening(), qPrintable(silent.errorString()));
    DnsResolver::Options options;
    options.server = DnsServerAddress(kSilent, 5354);
    options.timeoutMs = 60000;
    DnsResolver resolver(options);
    int refusedAtOnce = 0;
    for (int i = 0; i < DnsResolver::kMaxPending + 1; ++i)
        resolver.lookup(QStringLiteral("n%1.bound.test").arg(i), DnsRecordType::A,
                        [&](const DnsLookupResult &r) {
                            refusedAtOnce += r.detail.startsWith(QStringLiteral("too many"));
                        });
    QTRY_COMPARE_WITH_TIMEOUT(refusedAtOnce, 1, 10000);
    QCOMPARE(resolver.pending(), DnsResolver::kMaxPending);
    resolver.cancelAll();
    QCOMPARE(resolver.pending(), 0);
}

QTEST_GUILESS_MAIN(TestDnsResolver)
#include "tst_dnsresolver.moc"
