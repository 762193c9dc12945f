// The built-in supervisor through fedgatectl, as an administrator uses it on
// a machine without systemd: service start (detached fedgated, pid file,
// readiness on the control socket), refusal to start twice, status, the
// netstat-style listener table read from /proc, log, stop; a stale pid file,
// a fedgated killed with SIGKILL, and a start-up failure quoted from the
// log. fedgated runs both roles (the default, all): federation on
// 127.0.0.241:5269, the internal link on 127.0.0.242:23456 with the gateway
// connected to it, clients on 127.0.0.243:5222; certificates from a test CA.
#include "support/Fedgatectl.h"
#include "support/TestCa.h"
#include "support/TestPaths.h"

#include "deploy/ProcessInfo.h"
#include "topology/TopologyDocument.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using fedgate::deploy::ProcessInfo;
using fedgate::test::CliResult;
using fedgate::test::runFedgatectl;

namespace {
const QString kAddress = QStringLiteral("127.0.0.241");
const QString kInternal = QStringLiteral("127.0.0.242");
const QString kClients = QStringLiteral("127.0.0.243");
const QString kNobody = QStringLiteral("127.0.0.244"); // the second routed pool, down
} // namespace

class TstServiceSupervisor : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_data;
    fedgate::test::TestCa m_ca;
    fedgate::test::TestCa::Leaf m_leaf;
    fedgate::test::TestCa::Leaf m_internal;
    fedgate::test::TestCa::Leaf m_gateway;
    QString m_topology;
    fedgate::topology::Topology m_topologyValue;

    CliResult ctl(const QStringList &args) { return runFedgatectl(args, m_data, 60000); }

    qint64 pidFromFile() const
    {
        QFile file(m_data + QStringLiteral("/fedgated.pid"));
        return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toLongLong() : -1;
    }

    void writeServiceConfig(const QStringList &arguments)
    {
        QFile file(m_data + QStringLiteral("/service.json"));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(QJsonObject{{QStringLiteral("arguments"),
                                              QJsonArray::fromStringList(arguments)}})
                       .toJson());
    }

    QStringList goodArguments() const
    {
        return {QStringLiteral("--topology"),
                m_topology,
                QStringLiteral("--listen"),
                kAddress + QStringLiteral(":5269"),
                QStringLiteral("--cert"),
                m_leaf.certificatePath,
                QStringLiteral("--key"),
                m_leaf.keyPath,
                QStringLiteral("--ca"),
                m_ca.certificatePath(),
                QStringLiteral("--internal-cert"),
                m_internal.certificatePath,
                QStringLiteral("--internal-key"),
                m_internal.keyPath,
                QStringLiteral("--gateway-cert"),
                m_gateway.certificatePath,
                QStringLiteral("--gateway-key"),
                m_gateway.keyPath,
                QStringLiteral("--link-ca"),
                m_ca.certificatePath(),
                QStringLiteral("--client-listen"),
                kClients + QStringLiteral(":5222")};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_data = m_dir.filePath(QStringLiteral("data"));
        QVERIFY(QDir().mkpath(m_data));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("ca"))));
        QString error;
        QVERIFY2(
            m_ca.create(m_dir.filePath(QStringLiteral("ca")), QStringLiteral("Test CA"), &error),
            qPrintable(error));
        const auto leaf = m_ca.issue(QStringLiteral("edge"), QStringLiteral("contoso.test"),
                                     {QStringLiteral("contoso.test")}, {}, &error);
        QVERIFY2(leaf, qPrintable(error));
        m_leaf = *leaf;
        const auto internal =
            m_ca.issue(QStringLiteral("edge-paris"), QStringLiteral("edge-paris.contoso.test"),
                       {QStringLiteral("edge-paris.contoso.test")}, {}, &error);
        QVERIFY2(internal, qPrintable(error));
        m_internal = *internal;
        const auto gateway =
            m_ca.issue(QStringLiteral("fe-paris"), QStringLiteral("fe-paris.contoso.test"),
                       {QStringLiteral("fe-paris.contoso.test")}, {}, &error);
        QVERIFY2(gateway, qPrintable(error));
        m_gateway = *gateway;

        // The example topology with this test's addresses for the Paris edge
        // server (external and internal) and a Montreal pool nobody answers.
        auto topology =
            fedgate::topology::TopologyDocument::readFile(fedgate::test::exampleTopologyPath());
        QVERIFY(topology);
        auto *paris = topology.value().edgePool(QStringLiteral("edge-paris.contoso.test"));
        auto *montreal = topology.value().edgePool(QStringLiteral("edge-mtl.contoso.test"));
        QVERIFY(paris && montreal);
        paris->members.first().externalIPv4 = kAddress;
        paris->members.first().externalIPv6.clear();
        paris->members.first().internalIPv4 = kInternal;
        montreal->members.first().internalIPv4 = kNobody;
        m_topology = m_dir.filePath(QStringLiteral("topology.json"));
        m_topologyValue = topology.value();
        QVERIFY(fedgate::topology::TopologyDocument::writeFile(topology.value(), m_topology, 7));
    }

    void cleanup()
    {
        // Never leave a detached fedgated behind, whatever failed.
        const qint64 pid = pidFromFile();
        if (pid > 0 && ProcessInfo::commandName(pid) == QLatin1String("fedgated"))
            ::kill(pid_t(pid), SIGKILL);
    }

    void startStatusListenersLogStop()
    {
        writeServiceConfig(goodArguments());
        CliResult r = ctl({QStringLiteral("service"), QStringLiteral("status")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("fedgated is not running"), qPrintable(r.text()));

        r = ctl({QStringLiteral("service"), QStringLiteral("start")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
        QVERIFY2(r.out.contains("fedgated is ready"), qPrintable(r.text()));
        const qint64 pid = pidFromFile();
        QVERIFY(pid > 0);
        QVERIFY(pid != QCoreApplication::applicationPid());
        QCOMPARE(ProcessInfo::commandName(pid), QStringLiteral("fedgated"));

        r = ctl({QStringLiteral("service"), QStringLiteral("start")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QByteArray("already runs (pid ") + QByteArray::number(pid)),
                 qPrintable(r.text()));

        r = ctl({QStringLiteral("service"), QStringLiteral("status"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.object().value(QStringLiteral("pid")).toInteger(), pid);
        QVERIFY(r.object().value(QStringLiteral("answering")).toBool());
        QCOMPARE(r.object()[QStringLiteral("engine")][QStringLiteral("listen")].toString(),
                 kAddress + QStringLiteral(":5269"));
        // The build's version, the halves running and the topology version
        // in use; a SIGHUP after a newer topology brings the new number.
        const QJsonObject engine = r.object().value(QStringLiteral("engine")).toObject();
        QCOMPARE(engine.value(QStringLiteral("version")).toString(),
                 QStringLiteral(FEDGATE_VERSION));
        QCOMPARE(engine.value(QStringLiteral("topologyVersion")).toInt(), 7);
        // The allocator the build chose for the daemon (cmake/FedgateAllocator.cmake).
        QVERIFY2(engine.value(QStringLiteral("allocator"))
                     .toString()
                     .startsWith(QStringLiteral(FEDGATE_EXPECTED_ALLOCATOR)),
                 qPrintable(engine.value(QStringLiteral("allocator")).toString()));
        QCOMPARE(engine.value(QStringLiteral("roles")).toArray(),
                 QJsonArray({QStringLiteral("edge"), QStringLiteral("gateway")}));
        r = ctl({QStringLiteral("service"), QStringLiteral("status")});
        QVERIFY2(r.out.contains("version: " FEDGATE_VERSION "\n") &&
                     r.out.contains("memory allocator: " FEDGATE_EXPECTED_ALLOCATOR) &&
                     r.out.contains("roles: edge, gateway\n") &&
                     r.out.contains("topology version in use: 7\n") &&
                     r.out.contains("built-in supervisor") && r.out.contains("up ") &&
                     r.out.contains(QByteArray::number(pid)),
                 qPrintable(r.text()));
        QVERIFY(fedgate::topology::TopologyDocument::writeFile(m_topologyValue, m_topology, 8));
        QCOMPARE(::kill(pid_t(pid), SIGHUP), 0);
        for (int i = 0; i < 50; ++i) {
            r = ctl({QStringLiteral("service"), QStringLiteral("status")});
            if (r.out.contains("topology version in use: 8\n"))
                break;
            QTest::qWait(100);
        }
        QVERIFY2(r.out.contains("topology version in use: 8\n"), qPrintable(r.text()));

        // The gateway half connects to the edge half over the link: wait
        // (bounded) until the listener table has nothing left to say.
        const QByteArray row = kAddress.toUtf8() + ":5269";
        for (int i = 0; i < 50; ++i) {
            r = ctl({QStringLiteral("service"), QStringLiteral("listeners")});
            if (r.exitCode == 0)
                break;
            QTest::qWait(200);
        }
        QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
        const QByteArray owner = QByteArray::number(pid) + "/fedgated";
        QVERIFY2(r.out.contains(row) && r.out.contains("LISTEN") && r.out.contains(owner) &&
                     r.out.contains("federation (server-to-server)"),
                 qPrintable(r.text()));
        QVERIFY2(r.out.contains(kInternal.toUtf8() + ":23456") &&
                     r.out.contains("internal link (gateway to edge)") &&
                     r.out.contains("ESTABLISHED"),
                 qPrintable(r.text()));
        QVERIFY2(r.out.contains(kClients.toUtf8() + ":5222") && r.out.contains("clients"),
                 qPrintable(r.text()));
        QVERIFY(r.out.contains("Every planned listener is open."));
        const QJsonArray sockets =
            ctl({QStringLiteral("service"), QStringLiteral("listeners"), QStringLiteral("--json")})
                .object()
                .value(QStringLiteral("sockets"))
                .toArray();
        int listening = 0;
        int linkEnds = 0;
        for (const QJsonValue &v : sockets) {
            const QJsonObject o = v.toObject();
            listening += o.value(QStringLiteral("state")).toString() == QLatin1String("LISTEN");
            linkEnds +=
                o.value(QStringLiteral("state")).toString() == QLatin1String("ESTABLISHED") &&
                (o.value(QStringLiteral("local")).toString().endsWith(QLatin1String(":23456")) ||
                 o.value(QStringLiteral("remote")).toString().endsWith(QLatin1String(":23456")));
        }
        QCOMPARE(listening, 3);
        QVERIFY2(linkEnds >= 2, qPrintable(QJsonDocument(sockets).toJson()));

        r = ctl({QStringLiteral("service"), QStringLiteral("log"), QStringLiteral("--lines"),
                 QStringLiteral("200")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("ready (pid " + QByteArray::number(pid)), qPrintable(r.text()));

        r = ctl({QStringLiteral("service"), QStringLiteral("stop")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
        QVERIFY(!ProcessInfo::isAlive(pid));
        QVERIFY(!QFile::exists(m_data + QStringLiteral("/fedgated.pid")));

        r = ctl({QStringLiteral("service"), QStringLiteral("listeners")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("fedgated is not running") &&
                     r.out.contains("Nothing listens on " + row),
                 qPrintable(r.text()));
        // Stopping a stopped service is not an error.
        QCOMPARE(ctl({QStringLiteral("service"), QStringLiteral("stop")}).exitCode, 0);
    }

    // fedgated --role all with --internal-listen elsewhere than the
    // topology's internal address: the gateway half still joins the edge
    // half where it really listens (nothing answers on 127.0.0.242 here).
    void bothRolesJoinAtTheOverriddenInternalAddress()
    {
        const QString moved = QStringLiteral("127.0.0.245");
        writeServiceConfig(goodArguments() << QStringLiteral("--internal-listen")
                                           << moved + QStringLiteral(":23456"));
        CliResult r = ctl({QStringLiteral("service"), QStringLiteral("start")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
        for (int i = 0; i < 50; ++i) {
            r = ctl({QStringLiteral("service"), QStringLiteral("listeners")});
            if (r.exitCode == 0)
                break;
            QTest::qWait(200);
        }
        QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
        QVERIFY2(r.out.contains(moved.toUtf8() + ":23456") && r.out.contains("ESTABLISHED"),
                 qPrintable(r.text()));
        QVERIFY(!r.out.contains(kInternal.toUtf8() + ":23456"));
        QCOMPARE(ctl({QStringLiteral("service"), QStringLiteral("stop")}).exitCode, 0);
    }

    void restartGivesANewProcess()
    {
        writeServiceConfig(goodArguments());
        QCOMPARE(ctl({QStringLiteral("service"), QStringLiteral("start")}).exitCode, 0);
        const qint64 first = pidFromFile();
        const CliResult r = ctl({QStringLiteral("service"), QStringLiteral("restart")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
        const qint64 second = pidFromFile();
        QVERIFY(second > 0 && second != first);
        QVERIFY(!ProcessInfo::isAlive(first));
        QCOMPARE(ctl({QStringLiteral("service"), QStringLiteral("stop")}).exitCode, 0);
    }

    void killedServiceIsReportedAndItsPidFileRemoved()
    {
        writeServiceConfig(goodArguments());
        QCOMPARE(ctl({QStringLiteral("service"), QStringLiteral("start")}).exitCode, 0);
        const qint64 pid = pidFromFile();
        QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
        for (int i = 0; i < 100 && ProcessInfo::isAlive(pid); ++i)
            QTest::qWait(50);
        const CliResult r = ctl({QStringLiteral("service"), QStringLiteral("status")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("stale pid file") && r.out.contains("not running"),
                 qPrintable(r.text()));
        QVERIFY(!QFile::exists(m_data + QStringLiteral("/fedgated.pid")));
        // And it starts again.
        QCOMPARE(ctl({QStringLiteral("service"), QStringLiteral("start")}).exitCode, 0);
        QCOMPARE(ctl({QStringLiteral("service"), QStringLiteral("stop")}).exitCode, 0);
    }

    void stalePidFileOfAnotherProgram()
    {
        // The pid of a running process that is not fedgated (this test).
        QFile pidFile(m_data + QStringLiteral("/fedgated.pid"));
        QVERIFY(pidFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
        pidFile.write(QByteArray::number(QCoreApplication::applicationPid()));
        pidFile.close();
        const CliResult r = ctl({QStringLiteral("service"), QStringLiteral("stop")});
        QCOMPARE(r.exitCode, 0); // and this test is still alive
        QVERIFY2(r.out.contains("stale pid file"), qPrintable(r.text()));
        QVERIFY(!QFile::exists(pidFile.fileName()));
    }

    void startUpFailureQuotesTheLog()
    {
        QStringList arguments = goodArguments();
        arguments[arguments.indexOf(QStringLiteral("--cert")) + 1] =
            m_dir.filePath(QStringLiteral("missing.pem"));
        writeServiceConfig(arguments);
        const CliResult r = ctl({QStringLiteral("service"), QStringLiteral("start")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("exited during start-up") && r.err.contains("missing.pem"),
                 qPrintable(r.text()));
        QVERIFY(!QFile::exists(m_data + QStringLiteral("/fedgated.pid")));
    }

    void startRefusedWhileACertificateIsMissing()
    {
        // The gateway's files left out and none assigned in the (empty) key
        // store: start is refused before fedgated runs, naming the
        // interface and the commands that give one.
        QStringList arguments = goodArguments();
        const qsizetype at = arguments.indexOf(QStringLiteral("--gateway-cert"));
        arguments.remove(at, 4); // --gateway-cert FILE --gateway-key FILE
        writeServiceConfig(arguments);
        const CliResult r = ctl({QStringLiteral("service"), QStringLiteral("start")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("fedgated is not started") && r.err.contains("Gateway") &&
                     !r.err.contains("External") && r.err.contains("'fedgatectl cert assign"),
                 qPrintable(r.text()));
        QVERIFY(!QFile::exists(m_data + QStringLiteral("/fedgated.pid")));
        // Restart too.
        QCOMPARE(ctl({QStringLiteral("service"), QStringLiteral("restart")}).exitCode, 1);
        QVERIFY(!QFile::exists(m_data + QStringLiteral("/fedgated.pid")));
        // With the edge alone, the files it has are enough.
        arguments << QStringLiteral("--role") << QStringLiteral("edge");
        arguments.remove(arguments.indexOf(QStringLiteral("--client-listen")), 2);
        writeServiceConfig(arguments);
        QCOMPARE(ctl({QStringLiteral("service"), QStringLiteral("start")}).exitCode, 0);
        QCOMPARE(ctl({QStringLiteral("service"), QStringLiteral("stop")}).exitCode, 0);
    }

    void brokenServiceConfigurationIsNamed()
    {
        QFile file(m_data + QStringLiteral("/service.json"));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{\"arguments\": 12}");
        file.close();
        const CliResult r = ctl({QStringLiteral("service"), QStringLiteral("start")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("service.json") && r.err.contains("arguments"),
                 qPrintable(r.text()));
    }
};

QTEST_GUILESS_MAIN(TstServiceSupervisor)
#include "tst_servicesupervisor.moc"
