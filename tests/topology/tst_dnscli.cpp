// fedgatectl dns plan|check|export through the built binary: the exported
// zone passes named-checkzone and, served by a real dnsmasq, makes
// `fedgatectl dns check` all OK.
#include "support/DnsmasqServer.h"
#include "support/Fedgatectl.h"
#include "support/PeerProcess.h"
#include "support/TestPaths.h"

#include "topology/CentralStore.h"
#include "topology/LocalReplica.h"
#include "topology/TopologyDocument.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

using namespace fedgate::test;
using namespace fedgate::topology;
using fedgate::Result;

namespace {

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

bool writeText(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) >= 0;
}

} // namespace

class TestDnsCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void planFromFileStoreAndDefault();
    void exportedZonePassesNamedCheckzoneAndChecksOk();
    void csvExport();
    void usageErrors();
    void silentServer();
    void nothingListensIsOneFindingAndSurvivesARestart();

private:
    QTemporaryDir m_data;
    QString m_example;
};

void TestDnsCli::initTestCase()
{
    QVERIFY(m_data.isValid());
    qputenv("FEDGATE_DATA_DIR", m_data.path().toUtf8());
    m_example = exampleTopologyPath();
    QVERIFY2(QFile::exists(m_example), qPrintable(m_example));
    QVERIFY2(QFile::exists(executable(QStringLiteral("fedgatectl"))),
             "build the fedgatectl target first");
}

void TestDnsCli::planFromFileStoreAndDefault()
{
    CliResult r = runFedgatectl({"dns", "plan", "--file", m_example, "--json"}, m_data.path());
    QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
    QJsonObject plan = r.object();
    QCOMPARE(plan.value("external").toArray().size(), 5);
    QCOMPARE(plan.value("internal").toArray().size(), 4);
    QCOMPARE(plan.value("notes").toArray().size(), 0);
    const QJsonObject first = plan.value("external").toArray().first().toObject();
    QCOMPARE(first.value("type").toString(), QStringLiteral("SRV"));
    QCOMPARE(first.value("priority").toInt(), 10);
    QCOMPARE(first.value("port").toInt(), 5269);
    QCOMPARE(first.value("value").toString(), QStringLiteral("xmpp.contoso.test"));
    QVERIFY(!first.value("purpose").toString().isEmpty());

    // An empty store: nothing published yet.
    const QString emptyStore = m_data.filePath(QStringLiteral("empty.sqlite"));
    r = runFedgatectl({"dns", "plan", "--store", emptyStore}, m_data.path());
    QVERIFY2(r.exitCode == 1, qPrintable(r.text()));
    QVERIFY2(r.err.contains("no published topology"), qPrintable(r.text()));

    // The default: the latest version published in the default central store.
    Result<Topology> example = TopologyDocument::readFile(m_example);
    QVERIFY(example.ok());
    Topology topology = example.value();
    {
        Result<std::unique_ptr<CentralStore>> store = CentralStore::open(QString());
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().toString()));
        Result<int> v1 = store.value()->publish(topology, 0);
        QVERIFY2(v1.ok(), qPrintable(v1.ok() ? QString() : v1.error().toString()));
        // Version 2 routes Montreal first: the plan must follow the latest.
        std::reverse(topology.sites.begin(), topology.sites.end());
        Result<int> v2 = store.value()->publish(topology, v1.value());
        QVERIFY2(v2.ok(), qPrintable(v2.ok() ? QString() : v2.error().toString()));
    }
    r = runFedgatectl({"dns", "plan", "--json"}, m_data.path());
    QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
    plan = r.object();
    QVERIFY2(plan.value("source").toString().contains(QStringLiteral("version 2")),
             qPrintable(r.text()));
    QCOMPARE(plan.value("external").toArray().first().toObject().value("value").toString(),
             QStringLiteral("xmpp2.contoso.test"));

    // --replica: this machine's local replica, imported from an exported file.
    const QString exported = m_data.filePath(QStringLiteral("published.json"));
    QVERIFY(TopologyDocument::writeFile(topology, exported, 7).ok());
    const QString replicaPath = m_data.filePath(QStringLiteral("replica.sqlite"));
    {
        Result<std::unique_ptr<LocalReplica>> replica = LocalReplica::open(replicaPath);
        QVERIFY(replica.ok());
        const fedgate::Status imported = replica.value()->importFile(exported);
        QVERIFY2(imported.ok(),
                 qPrintable(imported.ok() ? QString() : imported.error().toString()));
    }
    r = runFedgatectl({"dns", "plan", "--replica", replicaPath, "--json"}, m_data.path());
    QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
    QVERIFY2(r.object().value("source").toString().contains(
                 QStringLiteral("version 7 in the local replica")),
             qPrintable(r.text()));
    QCOMPARE(r.object().value("external").toArray().size(), 5);

    // Human form: both zones and each record's purpose.
    r = runFedgatectl({"dns", "plan", "--file", m_example}, m_data.path());
    QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
    QVERIFY(r.out.contains("External DNS"));
    QVERIFY(r.out.contains("Internal DNS"));
    QVERIFY(r.out.contains("_xmpp-server._tcp.contoso.test. 3600 IN SRV 10 0 5269 "
                           "xmpp.contoso.test."));
}

void TestDnsCli::exportedZonePassesNamedCheckzoneAndChecksOk()
{
    const QString snippetPath = m_data.filePath(QStringLiteral("contoso-dns.zone"));
    CliResult r = runFedgatectl({"dns", "export", "--file", m_example, "--format", "zone",
                                 "--output", snippetPath, "--json"},
                                m_data.path());
    QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
    QCOMPARE(r.object().value("output").toString(), snippetPath);
    const QString snippet = readText(snippetPath);
    QCOMPARE(r.object().value("content").toString(), snippet);
    QVERIFY(snippet.contains(
        "_xmpp-server._tcp.contoso.test. 3600 IN SRV 20 0 5269 xmpp2.contoso.test.\n"));
    QVERIFY(!snippet.contains(QStringLiteral("10.10.1.10"))); // internal stays internal

    // Wrapped in a minimal zone with SOA and NS, BIND's checker accepts it.
    const QString zonePath = m_data.filePath(QStringLiteral("test.zone"));
    QVERIFY(writeText(zonePath,
                      QStringLiteral("$TTL 3600\n"
                                     "test. IN SOA ns1.test. hostmaster.test. 1 3600 600 86400 "
                                     "3600\n"
                                     "test. IN NS ns1.test.\n"
                                     "ns1.test. IN A 127.0.0.81\n") +
                          snippet));
    QString output;
    const int checked = runCommand(
        QStringLiteral("named-checkzone"),
        {QStringLiteral("-k"), QStringLiteral("fail"), QStringLiteral("-n"), QStringLiteral("fail"),
         QStringLiteral("-M"), QStringLiteral("fail"), QStringLiteral("-S"), QStringLiteral("fail"),
         QStringLiteral("test."), zonePath},
        &output);
    QVERIFY2(checked == 0, qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("OK")), qPrintable(output));

    // Served by dnsmasq, the same records make the live check all OK.
    DnsmasqServer dns(QHostAddress(QStringLiteral("127.0.0.81")));
    QString error;
    QVERIFY2(dns.addZone(snippet, &error), qPrintable(error));
    QVERIFY2(dns.start(&error), qPrintable(error));
    r = runFedgatectl({"dns", "check", "--file", m_example, "--server", "127.0.0.81", "--json"},
                      m_data.path());
    QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
    QJsonObject report = r.object();
    QCOMPARE(report.value("ok").toBool(), true);
    QCOMPARE(report.value("server").toString(), QStringLiteral("127.0.0.81"));
    QCOMPARE(report.value("findings").toArray().size(), 0);
    const QJsonArray records = report.value("records").toArray();
    QCOMPARE(records.size(), 5);
    for (const QJsonValue &v : records)
        QCOMPARE(v.toObject().value("status").toString(), QStringLiteral("ok"));

    // One record gone: exit 1 and a finding that names it.
    QStringList lines = dns.lines();
    QCOMPARE(lines.removeAll(QStringLiteral("host-record=xmpp2.contoso.test,198.51.100.10")), 1);
    dns.setLines(lines);
    QVERIFY2(dns.start(&error), qPrintable(error));
    r = runFedgatectl({"dns", "check", "--file", m_example, "--server", "127.0.0.81", "--json"},
                      m_data.path());
    QVERIFY2(r.exitCode == 1, qPrintable(r.text()));
    report = r.object();
    QCOMPARE(report.value("ok").toBool(), false);
    const QJsonArray findings = report.value("findings").toArray();
    QCOMPARE(findings.size(), 1);
    QVERIFY(findings.first().toObject().value("message").toString().contains(
        QStringLiteral("xmpp2.contoso.test. 3600 IN A 198.51.100.10")));

    // The human form says the same.
    r = runFedgatectl({"dns", "check", "--file", m_example, "--server", "127.0.0.81"},
                      m_data.path());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("1 finding(s)") && r.out.contains("xmpp2.contoso.test. 3600 IN A "
                                                              "198.51.100.10"),
             qPrintable(r.text()));
}

void TestDnsCli::csvExport()
{
    CliResult r =
        runFedgatectl({"dns", "export", "--file", m_example, "--format", "csv"}, m_data.path());
    QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
    const QList<QByteArray> lines = r.out.split('\n');
    QCOMPARE(lines.first().trimmed(), QByteArray("zone,name,type,priority,weight,port,target,"
                                                 "purpose"));
    QCOMPARE(r.out.count("\r\n"), 10); // header + 5 external + 4 internal
    QVERIFY(r.out.contains("external,_xmpp-server._tcp.contoso.test,SRV,10,0,5269,"
                           "xmpp.contoso.test,"));
    QVERIFY(r.out.contains("internal,edge-mtl.contoso.test,A,,,,10.20.1.10,"));

    const QString internalZone = m_data.filePath(QStringLiteral("internal.zone"));
    r = runFedgatectl(
        {"dns", "export", "--file", m_example, "--internal", "--output", internalZone},
        m_data.path());
    QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
    QVERIFY(readText(internalZone).contains("edge-paris.contoso.test. 3600 IN A 10.10.1.10\n"));
}

void TestDnsCli::usageErrors()
{
    CliResult r = runFedgatectl({"dns", "export", "--file", m_example, "--format", "xml", "--json"},
                                m_data.path());
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.object().value("error").toString().contains(QStringLiteral("zone or csv")));
    r = runFedgatectl({"dns", "check", "--file", m_example, "--server", "dns.example:99999"},
                      m_data.path());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("is not a port number"), qPrintable(r.text()));
    r = runFedgatectl({"dns", "check", "--file", m_example, "--timeout-ms", "soon"}, m_data.path());
    QCOMPARE(r.exitCode, 1);
    r = runFedgatectl({"dns", "plan", "--file", m_example, "--store", "x.sqlite"}, m_data.path());
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("only one of"));
    r = runFedgatectl({"dns", "plan", "--file", m_data.filePath("missing.json")}, m_data.path());
    QCOMPARE(r.exitCode, 1);
    r = runFedgatectl({"dns", "plan", "--store", "postgresql://nobody@127.0.0.1:1/none"},
                      m_data.path());
    QCOMPARE(r.exitCode, 2);
}

void TestDnsCli::silentServer()
{
    // A name server that never answers: the command reports "no answer" for
    // every lookup and returns after one timeout, not one per lookup (nor
    // after Qt's resolver threads give up).
    const QHostAddress silent(QStringLiteral("127.0.0.89"));
    QUdpSocket socket;
    QVERIFY2(socket.bind(silent, 53), qPrintable(socket.errorString()));
    QElapsedTimer clock;
    clock.start();
    const CliResult r = runFedgatectl({"dns", "check", "--file", m_example, "--server",
                                       "127.0.0.89", "--timeout-ms", "1000", "--json"},
                                      m_data.path());
    const qint64 elapsed = clock.elapsed();
    QVERIFY2(r.exitCode == 1, qPrintable(r.text()));
    // The check itself: one timeout plus one second at most.
    const qint64 checkMs = r.object().value("elapsedMs").toInteger(-1);
    QVERIFY2(checkMs >= 1000 - 50 && checkMs <= 1000 + 1000, qPrintable(r.text()));
    // The process: it does not then wait for Qt's abandoned resolver calls
    // (about 10 s each, five at a time); the slack covers process start-up.
    QVERIFY2(elapsed < 1000 + 1000 + 4000, qPrintable(QString::number(elapsed)));
    const QJsonArray findings = r.object().value("findings").toArray();
    QCOMPARE(r.object().value("lookups").toInt(), 6);
    QCOMPARE(findings.size(), 1); // the silent server once, not once per lookup
    QCOMPARE(findings.first().toObject().value("rule").toString(),
             QStringLiteral("server-timeout"));
    QVERIFY(findings.first().toObject().value("message").toString().startsWith(
        QStringLiteral("Could not ask 127.0.0.89: no answer within 1000 ms")));
}

void TestDnsCli::nothingListensIsOneFindingAndSurvivesARestart()
{
    // Issue 12: `dns check --server 127.0.0.154` where nothing listens used
    // to print five MISSING rows and exit 0.
    CliResult r = runFedgatectl({"dns", "check", "--file", m_example, "--server", "127.0.0.154"},
                                m_data.path());
    QVERIFY2(r.exitCode == 1, qPrintable(r.text()));
    QVERIFY2(!r.out.contains("MISSING"), qPrintable(r.out));
    QVERIFY2(r.out.contains("NOT CHECKED (UNREACHABLE)"), qPrintable(r.out));
    QVERIFY2(r.out.contains("1 finding(s)"), qPrintable(r.out));
    QVERIFY2(r.out.contains("[server-unreachable] Could not ask 127.0.0.154: "
                            "connection refused"),
             qPrintable(r.out));
    QCOMPARE(r.out.count("connection refused"), 1);

    // Another process (a restart) shows the same result from the saved copy.
    r = runFedgatectl({"dns", "check", "--last", "--json"}, m_data.path());
    QVERIFY2(r.exitCode == 1, qPrintable(r.text()));
    const QJsonObject last = r.object();
    QCOMPARE(last.value("server").toString(), QStringLiteral("127.0.0.154"));
    QVERIFY(last.value("source").toString().contains(QFileInfo(m_example).fileName()));
    const QJsonArray findings = last.value("findings").toArray();
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().toObject().value("rule").toString(),
             QStringLiteral("server-unreachable"));
    int unreachable = 0;
    for (const QJsonValue &v : last.value("records").toArray()) {
        QVERIFY(v.toObject().value("status").toString() != QLatin1String("missing"));
        QCOMPARE(v.toObject().value("checked").toBool(), false);
        unreachable += v.toObject().value("status").toString() == QLatin1String("unreachable");
    }
    QCOMPARE(unreachable, 5);
}

QTEST_GUILESS_MAIN(TestDnsCli)
#include "tst_dnscli.moc"
