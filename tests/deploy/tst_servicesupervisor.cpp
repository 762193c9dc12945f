// The built-in supervisor through fedgatectl, as an administrator uses it on
// a machine without systemd: service start (detached fedgated, pid file,
// readiness on the control socket), refusal to start twice, status, the
// netstat-style listener table read from /proc, log, stop; a stale pid file,
// a fedgated killed with SIGKILL, and a start-up failure quoted from the
// log. fedgated listens on 127.0.0.241 with a certificate from a test CA.
#include "support/Fedgatectl.h"
#include "support/TestCa.h"
#include "support/TestPaths.h"

#include "deploy/ProcessInfo.h"

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
}

class TstServiceSupervisor : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_data;
    fedgate::test::TestCa m_ca;
    fedgate::test::TestCa::Leaf m_leaf;

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
        return {QStringLiteral("--topology"), fedgate::test::exampleTopologyPath(),
                QStringLiteral("--listen"),   kAddress + QStringLiteral(":5269"),
                QStringLiteral("--cert"),     m_leaf.certificatePath,
                QStringLiteral("--key"),      m_leaf.keyPath,
                QStringLiteral("--ca"),       m_ca.certificatePath()};
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

        r = ctl({QStringLiteral("service"), QStringLiteral("listeners")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
        const QByteArray row = kAddress.toUtf8() + ":5269";
        QVERIFY2(r.out.contains(row) && r.out.contains("LISTEN") &&
                     r.out.contains(QByteArray::number(pid) + "/fedgated") &&
                     r.out.contains("federation (server-to-server)"),
                 qPrintable(r.text()));
        QVERIFY(r.out.contains("Every planned listener is open."));

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
