// Who runs fedgated (issue 11 item 2): the decision between systemd and the
// built-in supervisor as a pure function of its three inputs, the probe of
// a machine's tree, and the systemctl/journalctl command lines the systemd
// path runs. This build machine (a container) runs no systemd, so the test
// puts a recording `systemctl` and `journalctl` first on PATH: a test
// double for a system daemon that cannot run here. It records its argv and
// keeps the unit's "active" state in a file; fedgated's control socket is
// answered by a local server on a thread of the test.
#include "deploy/ServiceManager.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace fedgate::deploy;

Q_DECLARE_METATYPE(fedgate::deploy::ServiceBackend)

namespace {

// The recording systemctl: argv to $FAKE_SYSTEMCTL_LOG; start/restart make
// the unit active, stop inactive; status answers as systemctl does (exit 0
// with "Main PID:" while active, 3 when inactive); $FAKE_SYSTEMCTL_FAIL
// makes every verb fail as an unprivileged user's would.
const char *kFakeSystemctl =
    R"SH(#!/bin/sh
echo "systemctl $*" >> "$FAKE_SYSTEMCTL_LOG"
if [ -n "$FAKE_SYSTEMCTL_FAIL" ]; then
  echo "Failed to $1 fedgated.service: Access denied" >&2
  exit 1
fi
case "$1" in
  start|restart) touch "$FAKE_SYSTEMCTL_STATE"; exit 0 ;;
  stop) rm -f "$FAKE_SYSTEMCTL_STATE"; exit 0 ;;
  status)
    if [ -e "$FAKE_SYSTEMCTL_STATE" ]; then
      echo "* fedgated.service - Fedgate XMPP federation engine"
      echo "     Active: active (running)"
      echo "   Main PID: $FAKE_MAIN_PID (fedgated)"
      exit 0
    fi
    echo "     Active: inactive (dead)"
    exit 3 ;;
esac
exit 1
)SH";
const char *kFakeJournalctl = R"SH(#!/bin/sh
echo "journalctl $*" >> "$FAKE_SYSTEMCTL_LOG"
echo "fedgated[42]: fedgated ready"
)SH";

// fedgated's control socket: answers "status" with ok and this process's pid.
class ControlResponder : public QObject
{
public:
    explicit ControlResponder(const QString &path)
    {
        QLocalServer::removeServer(path);
        m_server.listen(path);
        connect(&m_server, &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QLocalSocket::readyRead, socket, [socket] {
                    if (!socket->canReadLine())
                        return;
                    socket->readAll();
                    const QJsonObject answer{
                        {QStringLiteral("done"), true},
                        {QStringLiteral("ok"), true},
                        {QStringLiteral("pid"), QCoreApplication::applicationPid()},
                        {QStringLiteral("version"), QStringLiteral("9.9")}};
                    socket->write(QJsonDocument(answer).toJson(QJsonDocument::Compact) + '\n');
                    socket->flush();
                });
                connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    bool isListening() const { return m_server.isListening(); }

private:
    QLocalServer m_server;
};

bool writeExecutable(const QString &path, const char *content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) < 0)
        return false;
    file.close();
    return file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                               QFileDevice::ExeOwner);
}

} // namespace

class TstServiceManager : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QThread m_controlThread;
    QObject m_controlContext; // lives on m_controlThread
    ControlResponder *m_control = nullptr;
    QByteArray m_path;

    QString recordPath() const { return m_dir.filePath(QStringLiteral("argv.log")); }
    QStringList recorded() const
    {
        QFile file(recordPath());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

    ServiceManager systemdManager() const
    {
        ServiceLayout layout;
        layout.dataDirectory = m_dir.filePath(QStringLiteral("data"));
        layout.control = m_dir.filePath(QStringLiteral("control.sock"));
        return ServiceManager(layout, ServiceBackend::Systemd);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString bin = m_dir.filePath(QStringLiteral("bin"));
        QVERIFY(QDir().mkpath(bin));
        QVERIFY(writeExecutable(bin + QStringLiteral("/systemctl"), kFakeSystemctl));
        QVERIFY(writeExecutable(bin + QStringLiteral("/journalctl"), kFakeJournalctl));
        m_path = qgetenv("PATH");
        qputenv("PATH", QFile::encodeName(bin) + ':' + m_path);
        qputenv("FAKE_SYSTEMCTL_LOG", QFile::encodeName(recordPath()));
        qputenv("FAKE_SYSTEMCTL_STATE",
                QFile::encodeName(m_dir.filePath(QStringLiteral("active"))));
        qputenv("FAKE_MAIN_PID", QByteArray::number(QCoreApplication::applicationPid()));
        m_controlContext.moveToThread(&m_controlThread);
        m_controlThread.start();
        const QString socket = m_dir.filePath(QStringLiteral("control.sock"));
        QMetaObject::invokeMethod(
            &m_controlContext, [this, socket] { m_control = new ControlResponder(socket); },
            Qt::BlockingQueuedConnection);
        QVERIFY(m_control->isListening());
    }

    void cleanupTestCase()
    {
        QMetaObject::invokeMethod(
            &m_controlContext, [this] { delete m_control; }, Qt::BlockingQueuedConnection);
        m_controlThread.quit();
        m_controlThread.wait();
        qputenv("PATH", m_path);
    }

    void init()
    {
        QFile::remove(recordPath());
        qunsetenv("FAKE_SYSTEMCTL_FAIL");
    }

    void decision_data()
    {
        QTest::addColumn<bool>("systemdRunning");
        QTest::addColumn<bool>("unitInstalled");
        QTest::addColumn<QString>("dataDirectory");
        QTest::addColumn<ServiceBackend>("expected");
        const QString system = QStringLiteral("/var/lib/fedgate");
        const QString user = QStringLiteral("/home/ann/.local/share/fedgate");
        QTest::newRow("all three") << true << true << system << ServiceBackend::Systemd;
        QTest::newRow("trailing slash")
            << true << true << QStringLiteral("/var/lib/fedgate/") << ServiceBackend::Systemd;
        QTest::newRow("no systemd (container)")
            << false << true << system << ServiceBackend::BuiltIn;
        QTest::newRow("unit not installed") << true << false << system << ServiceBackend::BuiltIn;
        QTest::newRow("user's data directory") << true << true << user << ServiceBackend::BuiltIn;
        QTest::newRow("similar name")
            << true << true << QStringLiteral("/var/lib/fedgate-test") << ServiceBackend::BuiltIn;
        QTest::newRow("nothing") << false << false << user << ServiceBackend::BuiltIn;
    }
    void decision()
    {
        QFETCH(bool, systemdRunning);
        QFETCH(bool, unitInstalled);
        QFETCH(QString, dataDirectory);
        QFETCH(ServiceBackend, expected);
        QCOMPARE(chooseServiceBackend({systemdRunning, unitInstalled, dataDirectory}), expected);
    }

    void describesTheBackend()
    {
        QCOMPARE(describe(ServiceBackend::Systemd), QStringLiteral("managed by systemd"));
        QCOMPARE(describe(ServiceBackend::BuiltIn), QStringLiteral("built-in supervisor"));
    }

    void probesAMachineTree()
    {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        ServiceEnvironment bare =
            probeServiceEnvironment(QStringLiteral("/var/lib/fedgate"), root.path());
        QVERIFY(!bare.systemdRunning);
        QVERIFY(!bare.unitInstalled);
        QCOMPARE(bare.dataDirectory, QStringLiteral("/var/lib/fedgate"));
        QVERIFY(QDir(root.path()).mkpath(QStringLiteral("run/systemd/system")));
        QVERIFY(QDir(root.path()).mkpath(QStringLiteral("lib/systemd/system")));
        QFile unit(root.filePath(QStringLiteral("lib/systemd/system/fedgated.service")));
        QVERIFY(unit.open(QIODevice::WriteOnly));
        unit.close();
        const ServiceEnvironment booted =
            probeServiceEnvironment(QStringLiteral("/var/lib/fedgate"), root.path());
        QVERIFY(booted.systemdRunning);
        QVERIFY(booted.unitInstalled);
        QCOMPARE(chooseServiceBackend(booted), ServiceBackend::Systemd);
        // This machine: whatever it is, a temporary data directory is never
        // the system one, so the built-in supervisor runs it.
        QCOMPARE(ServiceManager(ServiceLayout::forDataDirectory(m_dir.path())).backend(),
                 ServiceBackend::BuiltIn);
    }

    void systemctlRunsEachVerb()
    {
        ServiceManager service = systemdManager();
        ServiceState state = service.status();
        QVERIFY(!state.running);
        QStringList steps;
        auto started = service.start([&steps](const QString &s) { steps << s; }, 10000);
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
        QVERIFY(started.value().running && started.value().answering);
        QCOMPARE(started.value().pid, QCoreApplication::applicationPid());
        QVERIFY(started.value().uptimeSeconds >= 0);
        QCOMPARE(started.value().engine.value(QStringLiteral("version")).toString(),
                 QStringLiteral("9.9"));
        QVERIFY2(steps.contains(QStringLiteral("systemctl start fedgated")),
                 qPrintable(steps.join(QLatin1Char('\n'))));

        auto again = service.start({}, 10000);
        QVERIFY(!again);
        QVERIFY2(again.error().message.contains(QStringLiteral("already runs")) &&
                     again.error().message.contains(QStringLiteral("managed by systemd")),
                 qPrintable(again.error().message));

        QVERIFY(service.restart({}, 10000));
        QVERIFY(service.stop());
        QVERIFY(!service.status().running);
        auto log = service.logTail(5);
        QVERIFY(log);
        QCOMPARE(log.value(), QStringList{QStringLiteral("fedgated[42]: fedgated ready")});

        QCOMPARE(recorded(), (QStringList{QStringLiteral("systemctl status fedgated"),
                                          QStringLiteral("systemctl status fedgated"),
                                          QStringLiteral("systemctl start fedgated"),
                                          QStringLiteral("systemctl status fedgated"),
                                          QStringLiteral("systemctl status fedgated"),
                                          QStringLiteral("systemctl restart fedgated"),
                                          QStringLiteral("systemctl status fedgated"),
                                          QStringLiteral("systemctl stop fedgated"),
                                          QStringLiteral("systemctl status fedgated"),
                                          QStringLiteral("journalctl -u fedgated -n 5 "
                                                         "--no-pager")}));
    }

    void systemctlFailureIsQuoted()
    {
        qputenv("FAKE_SYSTEMCTL_FAIL", "1");
        ServiceManager service = systemdManager();
        auto started = service.start({}, 2000);
        QVERIFY(!started);
        QVERIFY2(
            started.error().message.contains(QStringLiteral("systemctl start fedgated failed")) &&
                started.error().message.contains(QStringLiteral("Access denied")),
            qPrintable(started.error().message));
        const auto stopped = service.stop();
        QVERIFY(!stopped);
        QVERIFY2(stopped.error().message.contains(QStringLiteral("Access denied")),
                 qPrintable(stopped.error().message));
    }
};

QTEST_GUILESS_MAIN(TstServiceManager)
#include "tst_servicemanager.moc"
