#include "engine/EngineConfig.h"
#include "support/TestPaths.h"
#include "topology/TopologyDocument.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace fedgate;
using fedgate::engine::EngineConfig;

class TestEngineConfig : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_data;

private slots:
    void initTestCase() { qputenv("FEDGATE_DATA_DIR", m_data.path().toUtf8()); }

    void parsesEveryOption()
    {
        auto config = EngineConfig::fromArguments({QStringLiteral("--topology"),
                                                   QStringLiteral("/x/t.json"),
                                                   QStringLiteral("--listen"),
                                                   QStringLiteral("127.0.0.10:5270"),
                                                   QStringLiteral("--cert"),
                                                   QStringLiteral("c.pem"),
                                                   QStringLiteral("--key"),
                                                   QStringLiteral("k.pem"),
                                                   QStringLiteral("--ca"),
                                                   QStringLiteral("ca.pem"),
                                                   QStringLiteral("--host"),
                                                   QStringLiteral("Partner.test=127.0.0.2"),
                                                   QStringLiteral("--host"),
                                                   QStringLiteral("other.test=[::1]:5999"),
                                                   QStringLiteral("--edge-pool"),
                                                   QStringLiteral("edge-mtl.contoso.test"),
                                                   QStringLiteral("--retry-attempts"),
                                                   QStringLiteral("5"),
                                                   QStringLiteral("--retry-delay"),
                                                   QStringLiteral("250"),
                                                   QStringLiteral("--dns-server"),
                                                   QStringLiteral("127.0.0.53"),
                                                   QStringLiteral("--verbose")});
        QVERIFY2(config, qPrintable(config ? QString() : config.error().message));
        const EngineConfig &c = config.value();
        QCOMPARE(c.topologyFile, QStringLiteral("/x/t.json"));
        QCOMPARE(c.listenAddress, QHostAddress(QStringLiteral("127.0.0.10")));
        QCOMPARE(c.listenPort, quint16(5270));
        QCOMPARE(c.hosts.value(QStringLiteral("partner.test")).address,
                 QHostAddress(QStringLiteral("127.0.0.2")));
        QCOMPARE(c.hosts.value(QStringLiteral("partner.test")).port, quint16(0));
        QCOMPARE(c.hosts.value(QStringLiteral("other.test")).address, QHostAddress::LocalHostIPv6);
        QCOMPARE(c.hosts.value(QStringLiteral("other.test")).port, quint16(5999));
        QCOMPARE(c.retryAttempts, 5);
        QCOMPARE(c.retryInitialDelayMs, 250);
        QCOMPARE(c.dnsServer, QHostAddress(QStringLiteral("127.0.0.53")));
        QVERIFY(c.verbose);
        // The control socket defaults to the data directory.
        QCOMPARE(c.controlSocketPath, m_data.filePath(QStringLiteral("fedgated.sock")));
    }

    // Issue 13: --trust-anchor FILE for DANE; a missing file is refused at start.
    void trustAnchorOption()
    {
        QVERIFY(EngineConfig::fromArguments({}).value().trustAnchorFile.isEmpty());
        const QString file = m_data.filePath(QStringLiteral("anchors.key"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            ". IN DS 20326 8 2 E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D\n");
        f.close();
        auto config = EngineConfig::fromArguments({QStringLiteral("--trust-anchor"), file});
        QVERIFY2(config, qPrintable(config ? QString() : config.error().message));
        QCOMPARE(config.value().trustAnchorFile, file);
        auto missing = EngineConfig::fromArguments(
            {QStringLiteral("--trust-anchor"), m_data.filePath(QStringLiteral("none.key"))});
        QVERIFY(!missing);
        QVERIFY2(missing.error().message.contains(QStringLiteral("no readable file")),
                 qPrintable(missing.error().message));
    }

    // Issue 9 (defects 5 and 7): the hostile-peer bounds have defaults and
    // options, checked for range.
    void hardeningBoundsOptions()
    {
        auto defaults = EngineConfig::fromArguments({});
        QVERIFY(defaults);
        QCOMPARE(defaults.value().maxOutputBuffer, qint64(1024 * 1024));
        QCOMPARE(defaults.value().maxPendingDialback, 10);
        QCOMPARE(defaults.value().maxUnauthenticatedPerAddress, 16);
        QCOMPARE(defaults.value().maxUnauthenticatedStanzaSize, qint64(16 * 1024));
        auto config = EngineConfig::fromArguments(
            {QStringLiteral("--max-output-buffer"), QStringLiteral("4194304"),
             QStringLiteral("--max-pending-dialback"), QStringLiteral("3"),
             QStringLiteral("--max-unauthenticated-per-address"), QStringLiteral("2500")});
        QVERIFY2(config, qPrintable(config ? QString() : config.error().message));
        QCOMPARE(config.value().maxOutputBuffer, qint64(4194304));
        QCOMPARE(config.value().maxPendingDialback, 3);
        QCOMPARE(config.value().maxUnauthenticatedPerAddress, 2500);
        for (const char *option :
             {"--max-output-buffer", "--max-pending-dialback", "--max-unauthenticated-per-address"})
            QVERIFY2(EngineConfig::usage().contains(QLatin1String(option)), option);
    }

    void refusesBadInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown") << QStringList{QStringLiteral("--frobnicate")}
                                 << QStringLiteral("Unknown option");
        QTest::newRow("missing value")
            << QStringList{QStringLiteral("--listen")} << QStringLiteral("needs a value");
        QTest::newRow("bad listen")
            << QStringList{QStringLiteral("--listen"), QStringLiteral("nowhere")}
            << QStringLiteral("ADDRESS[:PORT]");
        QTest::newRow("bad host") << QStringList{QStringLiteral("--host"), QStringLiteral("x.test")}
                                  << QStringLiteral("DOMAIN=IP");
        QTest::newRow("output buffer not above the stanza limit")
            << QStringList{QStringLiteral("--max-output-buffer"), QStringLiteral("524288")}
            << QStringLiteral("above the stanza size limit");
        QTest::newRow("output buffer not a number")
            << QStringList{QStringLiteral("--max-output-buffer"), QStringLiteral("1M")}
            << QStringLiteral("--max-output-buffer '1M'");
        QTest::newRow("zero pending dialback")
            << QStringList{QStringLiteral("--max-pending-dialback"), QStringLiteral("0")}
            << QStringLiteral("at least 1");
        QTest::newRow("negative per-address")
            << QStringList{QStringLiteral("--max-unauthenticated-per-address"),
                           QStringLiteral("-4")}
            << QStringLiteral("--max-unauthenticated-per-address needs a number");
        QTest::newRow("cert without key")
            << QStringList{QStringLiteral("--cert"), QStringLiteral("c.pem")}
            << QStringLiteral("--cert and --key go together");
    }

    void refusesBadInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        auto config = EngineConfig::fromArguments(args);
        QVERIFY(!config);
        QVERIFY2(config.error().message.contains(message), qPrintable(config.error().message));
    }

    void listenEndpointFromTopology()
    {
        auto topology = topology::TopologyDocument::readFile(test::exampleTopologyPath());
        QVERIFY(topology);
        EngineConfig config;
        // Default: the first XMPP-routed pool (Paris), its first member.
        auto endpoint = config.listenEndpoint(topology.value());
        QVERIFY2(endpoint, qPrintable(endpoint ? QString() : endpoint.error().message));
        QCOMPARE(endpoint.value().first, QHostAddress(QStringLiteral("192.0.2.10")));
        QCOMPARE(endpoint.value().second, quint16(5269));
        config.edgePool = QStringLiteral("edge-mtl.contoso.test");
        endpoint = config.listenEndpoint(topology.value());
        QVERIFY(endpoint);
        QCOMPARE(endpoint.value().first, QHostAddress(QStringLiteral("172.16.20.10")));
        config.listenAddress = QHostAddress(QStringLiteral("127.0.0.10"));
        endpoint = config.listenEndpoint(topology.value());
        QCOMPARE(endpoint.value().first, QHostAddress(QStringLiteral("127.0.0.10")));
        config.edgePool = QStringLiteral("no-such-pool.test");
        endpoint = config.listenEndpoint(topology.value());
        QVERIFY(!endpoint);
        QVERIFY(endpoint.error().message.contains(QStringLiteral("no-such-pool.test")));
    }

    void missingTopologyFileIsAnError()
    {
        EngineConfig config;
        config.topologyFile = m_data.filePath(QStringLiteral("missing.json"));
        auto topology = config.loadTopology();
        QVERIFY(!topology);
        QVERIFY(!topology.error().toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEngineConfig)
#include "tst_engineconfig.moc"
