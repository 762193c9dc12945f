// fedgatectl gateway show|set: the gateway-wide settings, run as a user would
// run them. Refusals must leave the draft unchanged, and the dialback secret
// must never be printed.
#include "support/Fedgatectl.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using fedgate::test::CliResult;

namespace {

// 32+ hex digits, recognisable in any output.
const QString kSecret = QStringLiteral("0123456789abcdef0123456789abcdefdeadbeefcafe");

} // namespace

class TstFedgatectlGateway : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    CliResult run(QStringList args, bool json = true)
    {
        if (json)
            args << QStringLiteral("--json");
        return fedgate::test::runFedgatectl(args, m_dir.path());
    }
    // The gateway object of the stored draft, read through 'topology show'
    // rather than through the verb under test.
    QJsonObject draftGateway()
    {
        const CliResult r = run({QStringLiteral("topology"), QStringLiteral("show")});
        return r.object()[QStringLiteral("topology")][QStringLiteral("gateway")].toObject();
    }
    QJsonObject shown()
    {
        const CliResult r = run({QStringLiteral("gateway"), QStringLiteral("show")});
        if (r.exitCode != 0)
            qWarning().noquote() << r.text();
        return r.object()[QStringLiteral("gateway")].toObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        CliResult r = run({QStringLiteral("topology"), QStringLiteral("new"),
                           QStringLiteral("--org"), QStringLiteral("Contoso"),
                           QStringLiteral("--sip-domain"), QStringLiteral("contoso.test")});
        QVERIFY2(r.exitCode == 0, r.text().toUtf8());

        // Give the draft a dialback secret, as a publish would, so the tests
        // can check that it never appears in the output.
        r = run({QStringLiteral("topology"), QStringLiteral("show")});
        QJsonObject topology = r.object()[QStringLiteral("topology")].toObject();
        QVERIFY(!topology.isEmpty());
        QJsonObject gateway = topology[QStringLiteral("gateway")].toObject();
        gateway.insert(QStringLiteral("dialbackSecret"), kSecret);
        topology.insert(QStringLiteral("gateway"), gateway);
        const QString file = m_dir.filePath(QStringLiteral("with-secret.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(topology).toJson());
        f.close();
        r = run({QStringLiteral("topology"), QStringLiteral("new"), QStringLiteral("--from-file"),
                 file, QStringLiteral("--force")});
        QVERIFY2(r.exitCode == 0, r.text().toUtf8());
        QVERIFY(QFile::remove(file));
    }

    void showsDefaults()
    {
        const QJsonObject g = shown();
        QCOMPARE(g[QStringLiteral("ConnectionLimit")].toInt(), 1000);
        QCOMPARE(g[QStringLiteral("PartnerConnectionLimit")].toInt(), 20);
        QCOMPARE(g[QStringLiteral("KeepAliveInterval")].toInt(), 300);
        QCOMPARE(g[QStringLiteral("StreamEstablishmentTimeout")].toInt(), 60);
        QCOMPARE(g[QStringLiteral("StreamInactivityTimeout")].toInt(), 600);
        QCOMPARE(g[QStringLiteral("SubscriptionRefreshInterval")].toInt(), 28800);
        QCOMPARE(g[QStringLiteral("EnableLoggingAllMessageBodies")].toBool(), false);
        QCOMPARE(g[QStringLiteral("DialbackSecretGenerated")].toBool(), true);

        const CliResult text = run({QStringLiteral("gateway"), QStringLiteral("show")}, false);
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("ConnectionLimit: 1000"));
        QVERIFY(text.out.contains("SubscriptionRefreshInterval: 28800"));
        QVERIFY(text.out.contains("Dialback secret: generated (not shown)"));
    }

    void setsEverySetting()
    {
        const CliResult r = run(
            {QStringLiteral("gateway"), QStringLiteral("set"), QStringLiteral("--connection-limit"),
             QStringLiteral("2500"), QStringLiteral("--partner-connection-limit"),
             QStringLiteral("40"), QStringLiteral("--keep-alive-interval"), QStringLiteral("120"),
             QStringLiteral("--stream-establishment-timeout"), QStringLiteral("30"),
             QStringLiteral("--stream-inactivity-timeout"), QStringLiteral("900"),
             QStringLiteral("--subscription-refresh-interval"), QStringLiteral("3600"),
             QStringLiteral("--log-message-bodies"), QStringLiteral("true")});
        QVERIFY2(r.exitCode == 0, r.text().toUtf8());
        QCOMPARE(r.object()[QStringLiteral("ok")].toBool(), true);

        // What the store now holds, in the document's own key names.
        const QJsonObject d = draftGateway();
        QCOMPARE(d[QStringLiteral("connectionLimit")].toInt(), 2500);
        QCOMPARE(d[QStringLiteral("partnerConnectionLimit")].toInt(), 40);
        QCOMPARE(d[QStringLiteral("keepAliveInterval")].toInt(), 120);
        QCOMPARE(d[QStringLiteral("streamEstablishmentTimeout")].toInt(), 30);
        QCOMPARE(d[QStringLiteral("streamInactivityTimeout")].toInt(), 900);
        QCOMPARE(d[QStringLiteral("subscriptionRefreshInterval")].toInt(), 3600);
        QCOMPARE(d[QStringLiteral("enableLoggingAllMessageBodies")].toBool(), true);

        // show agrees with the store.
        const QJsonObject g = shown();
        QCOMPARE(g[QStringLiteral("ConnectionLimit")].toInt(), 2500);
        QCOMPARE(g[QStringLiteral("EnableLoggingAllMessageBodies")].toBool(), true);

        // One setting at a time leaves the others alone.
        const CliResult one = run({QStringLiteral("gateway"), QStringLiteral("set"),
                                   QStringLiteral("--log-message-bodies"), QStringLiteral("off")});
        QVERIFY2(one.exitCode == 0, one.text().toUtf8());
        QCOMPARE(draftGateway()[QStringLiteral("enableLoggingAllMessageBodies")].toBool(), false);
        QCOMPARE(draftGateway()[QStringLiteral("connectionLimit")].toInt(), 2500);
    }

    void refusesBadValues_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("zero") << QStringList{QStringLiteral("--connection-limit"),
                                             QStringLiteral("0")}
                              << QStringLiteral("--connection-limit takes a whole number from 1");
        QTest::newRow("negative")
            << QStringList{QStringLiteral("--keep-alive-interval"), QStringLiteral("-5")}
            << QStringLiteral("--keep-alive-interval takes a whole number from 1 to 86400");
        QTest::newRow("not a number")
            << QStringList{QStringLiteral("--stream-inactivity-timeout"), QStringLiteral("ten")}
            << QStringLiteral("not \"ten\"");
        QTest::newRow("too large") << QStringList{QStringLiteral("--subscription-refresh-interval"),
                                                  QStringLiteral("9999999")}
                                   << QStringLiteral("from 1 to 604800");
        QTest::newRow("bad bool") << QStringList{QStringLiteral("--log-message-bodies"),
                                                 QStringLiteral("maybe")}
                                  << QStringLiteral("--log-message-bodies takes true or false");
        // A valid value next to a bad one is not applied either.
        QTest::newRow("mixed") << QStringList{QStringLiteral("--partner-connection-limit"),
                                              QStringLiteral("7"),
                                              QStringLiteral("--stream-establishment-timeout"),
                                              QStringLiteral("0")}
                               << QStringLiteral("--stream-establishment-timeout");
        QTest::newRow("nothing") << QStringList{} << QStringLiteral("Nothing to change");
    }
    void refusesBadValues()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const QJsonObject before = draftGateway();
        QVERIFY(!before.isEmpty());
        const CliResult r =
            run(QStringList{QStringLiteral("gateway"), QStringLiteral("set")} + args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.object()[QStringLiteral("error")].toString().contains(message),
                 r.text().toUtf8());
        QCOMPARE(draftGateway(), before);
    }

    void neverPrintsTheSecret()
    {
        const QList<QStringList> commands = {
            {QStringLiteral("gateway"), QStringLiteral("show")},
            {QStringLiteral("gateway"), QStringLiteral("set"), QStringLiteral("--connection-limit"),
             QStringLiteral("3000")},
        };
        for (const QStringList &c : commands) {
            for (bool json : {true, false}) {
                const CliResult r = run(c, json);
                QVERIFY2(r.exitCode == 0, r.text().toUtf8());
                QVERIFY2(!r.out.contains(kSecret.toLatin1()), r.out.constData());
                QVERIFY(!r.err.contains(kSecret.toLatin1()));
            }
        }
        // The secret itself survived the edits.
        QCOMPARE(shown()[QStringLiteral("DialbackSecretGenerated")].toBool(), true);
    }

    void helpListsTheOptions()
    {
        const CliResult r = run(
            {QStringLiteral("gateway"), QStringLiteral("set"), QStringLiteral("--help")}, false);
        QCOMPARE(r.exitCode, 0);
        for (const char *option :
             {"--connection-limit", "--partner-connection-limit", "--keep-alive-interval",
              "--stream-establishment-timeout", "--stream-inactivity-timeout",
              "--subscription-refresh-interval", "--log-message-bodies"})
            QVERIFY2(r.out.contains(option), option);
    }
};

QTEST_GUILESS_MAIN(TstFedgatectlGateway)
#include "tst_fedgatectl_gateway.moc"
