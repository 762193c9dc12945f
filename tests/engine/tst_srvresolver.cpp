// SRV resolution against a real dnsmasq: _xmpps-server (direct TLS) and
// _xmpp-server records merged by priority then weight, "." meaning the
// service is not offered, and the A/AAAA fallback on 5269. With a
// nameserver set, the SRV target's address comes from that server too, both
// in the resolver and in an engine connecting out (fedgated --dns-server).
#include "engine/Engine.h"
#include "engine/s2s/SrvResolver.h"
#include "support/DnsmasqServer.h"
#include "support/PeerProcess.h"
#include "support/TestPaths.h"
#include "topology/TopologyDocument.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace fedgate::engine;
using fedgate::test::DnsmasqServer;

namespace {
const QHostAddress kDnsAddress(QStringLiteral("127.0.0.95"));
// Where dns.test's SRV target points; only the dnsmasq above knows it.
const QHostAddress kTargetAddress(QStringLiteral("127.0.0.96"));
} // namespace

class TestSrvResolver : public QObject
{
    Q_OBJECT
private:
    DnsmasqServer m_dns{kDnsAddress};
    QTemporaryDir m_dataDir;
    QTcpServer m_target; // plays xmpp.dns.test

    QList<ConnectTarget> resolve(SrvResolver &resolver, const QString &domain, QString *detail)
    {
        bool done = false;
        QList<ConnectTarget> result;
        resolver.resolve(domain, [&](const QList<ConnectTarget> &targets, const QString &d) {
            result = targets;
            *detail = d;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 10000))
            *detail = QStringLiteral("no answer within 10 s");
        return result;
    }

private slots:
    void initTestCase()
    {
        m_dns.addSrv(QStringLiteral("_xmpp-server._tcp.a.test"), QStringLiteral("s2.a.test"), 5269,
                     20, 0);
        m_dns.addSrv(QStringLiteral("_xmpp-server._tcp.a.test"), QStringLiteral("s1.a.test"), 5269,
                     10, 0);
        m_dns.addSrv(QStringLiteral("_xmpps-server._tcp.a.test"), QStringLiteral("tls.a.test"),
                     5270, 5, 0);
        m_dns.addHost(QStringLiteral("s1.a.test"), QStringLiteral("127.0.0.21"));
        m_dns.addServiceDisabled(QStringLiteral("_xmpp-server._tcp.off.test"));
        qputenv("FEDGATE_DATA_DIR", m_dataDir.path().toUtf8());
        QVERIFY(m_target.listen(kTargetAddress, 0));
        m_dns.addSrv(QStringLiteral("_xmpp-server._tcp.dns.test"), QStringLiteral("xmpp.dns.test"),
                     m_target.serverPort(), 10, 0);
        m_dns.addHost(QStringLiteral("xmpp.dns.test"), kTargetAddress.toString());
        QString error;
        QVERIFY2(m_dns.start(&error), qPrintable(error));
    }

    void mergedByPriority()
    {
        SrvResolver resolver({{QStringLiteral("s2.a.test"),
                               HostOverride{QHostAddress(QStringLiteral("127.0.0.22")), 0}}});
        resolver.setNameserver(kDnsAddress);
        QString detail;
        const auto targets = resolve(resolver, QStringLiteral("a.test"), &detail);
        QCOMPARE(targets.size(), 3);
        QCOMPARE(targets[0].host, QStringLiteral("tls.a.test"));
        QVERIFY(targets[0].directTls);
        QCOMPARE(targets[0].port, quint16(5270));
        QCOMPARE(targets[1].host, QStringLiteral("s1.a.test"));
        QVERIFY(!targets[1].directTls);
        QCOMPARE(targets[2].host, QStringLiteral("s2.a.test"));
        // A host override applies to an SRV target too.
        QCOMPARE(targets[2].address, QHostAddress(QStringLiteral("127.0.0.22")));
    }

    void noSrvFallsBackToTheDomain()
    {
        SrvResolver resolver({});
        resolver.setNameserver(kDnsAddress);
        QString detail;
        const auto targets = resolve(resolver, QStringLiteral("plain.test"), &detail);
        QCOMPARE(targets.size(), 1);
        QCOMPARE(targets[0].host, QStringLiteral("plain.test"));
        QCOMPARE(targets[0].port, quint16(5269));
        QVERIFY2(detail.contains(QStringLiteral("no SRV record")), qPrintable(detail));
    }

    void dotTargetMeansNotOffered()
    {
        SrvResolver resolver({});
        resolver.setNameserver(kDnsAddress);
        QString detail;
        const auto targets = resolve(resolver, QStringLiteral("off.test"), &detail);
        QVERIFY2(targets.isEmpty(), qPrintable(detail));
        QVERIFY(detail.contains(QStringLiteral("service disabled")));
    }

    void targetAddressFromTheNameserver()
    {
        SrvResolver resolver({});
        resolver.setNameserver(kDnsAddress);
        bool done = false;
        QList<QHostAddress> addresses;
        QString detail;
        resolver.resolveAddresses(QStringLiteral("s1.a.test"),
                                  [&](const QList<QHostAddress> &a, const QString &d) {
                                      addresses = a;
                                      detail = d;
                                      done = true;
                                  });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 10000));
        QCOMPARE(addresses, QList<QHostAddress>{QHostAddress(QStringLiteral("127.0.0.21"))});
        QVERIFY2(detail.contains(kDnsAddress.toString()), qPrintable(detail));
    }

    // fedgated --dns-server: an engine connecting out to dns.test finds the
    // SRV target xmpp.dns.test and its address through our dnsmasq alone
    // (the system resolver knows neither), and opens its stream there.
    void engineConnectsToTheAddressFromTheNameserver()
    {
        auto topology =
            fedgate::topology::TopologyDocument::readFile(fedgate::test::exampleTopologyPath());
        QVERIFY(topology);
        fedgate::topology::XmppPartner partner;
        partner.domain = QStringLiteral("dns.test");
        partner.tls = fedgate::topology::Negotiation::NotSupported;
        partner.sasl = fedgate::topology::Negotiation::NotSupported;
        topology.value().partners = {partner};
        topology.value().gateway.dialbackSecret = QStringLiteral("dns-test-secret");
        EngineConfig config;
        config.listenAddress = kDnsAddress;
        config.listenPort = fedgate::test::freeTcpPort(kDnsAddress);
        config.dnsServer = kDnsAddress;
        config.retryAttempts = 0;
        Engine engine(config);
        const fedgate::Status started = engine.start(topology.value());
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
        QStringList steps;
        engine.ping(
            QStringLiteral("dns.test"),
            [&steps](const QString &step, const QString &detail) { steps << step + ": " + detail; },
            [](bool, const QString &, qint64) {}, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(m_target.hasPendingConnections(), 10000);
        QTcpSocket *socket = m_target.nextPendingConnection();
        QVERIFY(socket);
        QTRY_VERIFY_WITH_TIMEOUT(socket->bytesAvailable() > 0, 5000);
        const QByteArray opened = socket->readAll();
        QVERIFY2(opened.contains("to='dns.test'"), opened.constData());
        const QString log = steps.join(QLatin1Char('\n'));
        QVERIFY2(log.contains(QStringLiteral("127.0.0.96 from DNS server 127.0.0.95")),
                 qPrintable(log));
        delete socket;
    }

    void hostOverrideSkipsDns()
    {
        SrvResolver resolver({{QStringLiteral("a.test"),
                               HostOverride{QHostAddress(QStringLiteral("127.0.0.2")), 5999}}});
        QString detail;
        const auto targets = resolve(resolver, QStringLiteral("A.test"), &detail);
        QCOMPARE(targets.size(), 1);
        QCOMPARE(targets[0].port, quint16(5999));
        QCOMPARE(targets[0].address, QHostAddress(QStringLiteral("127.0.0.2")));
    }
};

QTEST_GUILESS_MAIN(TestSrvResolver)
#include "tst_srvresolver.moc"
