// The deployment's "unit" action (deploy/ServiceUnit through Deployer::plan
// and Deployer::apply) on fake machine trees: without systemd (or with a
// private data directory) the plan says the built-in supervisor runs
// fedgated; with systemd and the package's unit it is up to date; with
// systemd and no unit (a build from source) apply writes
// <root>/etc/systemd/system/fedgated.service from installer/fedgated.service
// with the real fedgated, runs `systemctl daemon-reload` and `systemctl
// enable fedgated`, and the next plan changes nothing; a unit installed but
// not enabled is only enabled; a non-root user is Blocked with the command
// to run as root, and so is a written unit whose fedgate account is missing.
// This build machine (a container) runs no systemd, so a recording
// `systemctl` test double is first on PATH: it logs its argv and, like the
// real one, `enable` makes the .wants link in the machine tree. No process
// listens: no addresses.
#include "support/TestPaths.h"

#include "deploy/Deployer.h"
#include "deploy/ServiceManager.h"
#include "deploy/ServiceUnit.h"
#include "topology/CentralStore.h"
#include "topology/TopologyDocument.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace fedgate::deploy;

namespace {

const char *kRecordingSystemctl = R"SH(#!/bin/sh
echo "systemctl $*" >> "$FAKE_SYSTEMCTL_LOG"
case "$1" in
  daemon-reload) exit 0 ;;
  enable)
    wants="$FAKE_MACHINE_ROOT/etc/systemd/system/multi-user.target.wants"
    mkdir -p "$wants" && ln -sf "/etc/systemd/system/$2.service" "$wants/$2.service"
    exit $? ;;
esac
exit 1
)SH";

QString unitPath(const QString &root, const QString &directory)
{
    return root + QLatin1Char('/') + directory + QStringLiteral("/fedgated.service");
}

} // namespace

class TstDeployerUnit : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QByteArray m_path;
    int m_machines = 0;

    QString recordPath() const { return m_dir.filePath(QStringLiteral("systemctl.log")); }

    QStringList recorded() const
    {
        QFile file(recordPath());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

    // A fresh machine tree; `systemd`: /run/systemd/system exists;
    // `account`: etc/passwd has the fedgate account.
    QString machine(bool systemd, bool account = true)
    {
        const QString root = m_dir.filePath(QStringLiteral("machine%1").arg(++m_machines));
        if (!QDir().mkpath(root + kSystemDataDirectory))
            return {};
        QByteArray passwd = "root:x:0:0:root:/root:/bin/bash\n";
        if (account)
            passwd += "fedgate:x:998:998:Fedgate federation engine:/var/lib/fedgate:"
                      "/usr/sbin/nologin\n";
        if (!writeFile(root + QStringLiteral("/etc/passwd"), passwd))
            return {};
        if (systemd && !QDir().mkpath(root + QStringLiteral("/run/systemd/system")))
            return {};
        qputenv("FAKE_MACHINE_ROOT", QFile::encodeName(root));
        QFile::remove(recordPath());
        return root;
    }

    static bool writeFile(const QString &path, const QByteArray &bytes)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
               file.write(bytes) == bytes.size();
    }

    DeploymentAnswers answers() const
    {
        const QJsonObject immediate{{QStringLiteral("immediate"), true}};
        auto parsed = DeploymentAnswers::fromJson(
            QJsonObject{{QStringLiteral("store"), QStringLiteral("store.sqlite")},
                        {QStringLiteral("machine"), QStringLiteral("edge-paris1.contoso.test")},
                        {QStringLiteral("roles"),
                         QJsonArray{QStringLiteral("edge"), QStringLiteral("gateway")}},
                        {QStringLiteral("certificates"),
                         QJsonObject{{QStringLiteral("external"), immediate},
                                     {QStringLiteral("internal"), immediate},
                                     {QStringLiteral("gateway"), immediate}}},
                        {QStringLiteral("startService"), false}},
            m_dir.path());
        if (!parsed)
            qWarning("%s", qPrintable(parsed.error().message));
        return parsed ? parsed.value() : DeploymentAnswers();
    }

    static QString fedgated() { return fedgate::test::executable(QStringLiteral("fedgated")); }

    static Deployer deployer(const QString &data, const QString &root, bool asRoot = true)
    {
        Deployer d(data);
        d.setFedgatedProgram(fedgated());
        d.setMachineRoot(root);
        d.setRunningAsRoot(asRoot);
        return d;
    }

    DeployAction unitAction(const Deployer &d) const
    {
        auto plan = d.plan(answers());
        if (!plan) {
            qWarning("%s", qPrintable(plan.error().message));
            return {};
        }
        const DeployAction *a = plan.value().action(QStringLiteral("unit"));
        return a ? *a : DeployAction();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString bin = m_dir.filePath(QStringLiteral("bin"));
        QVERIFY(writeFile(bin + QStringLiteral("/systemctl"), kRecordingSystemctl));
        QVERIFY(QFile::setPermissions(bin + QStringLiteral("/systemctl"),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        m_path = qgetenv("PATH");
        qputenv("PATH", QFile::encodeName(bin) + ':' + m_path);
        qputenv("FAKE_SYSTEMCTL_LOG", QFile::encodeName(recordPath()));
        // The bundled example published as version 1 (nothing is started,
        // so its own addresses do).
        auto example =
            fedgate::topology::TopologyDocument::readFile(fedgate::test::exampleTopologyPath());
        QVERIFY2(example, example ? "" : qPrintable(example.error().message));
        auto store =
            fedgate::topology::CentralStore::open(m_dir.filePath(QStringLiteral("store.sqlite")));
        QVERIFY2(store, store ? "" : qPrintable(store.error().message));
        auto published = store.value()->publish(example.value(), 0, QStringLiteral("test"));
        QVERIFY2(published, published ? "" : qPrintable(published.error().message));
    }

    void cleanupTestCase() { qputenv("PATH", m_path); }

    void builtInSupervisorWhereNoUnitIsNeeded_data()
    {
        QTest::addColumn<bool>("systemd");
        QTest::addColumn<bool>("systemDataDirectory");
        QTest::addColumn<QString>("why");
        QTest::newRow("no systemd (container)")
            << false << true << QStringLiteral("systemd does not run on this machine");
        QTest::newRow("private data directory")
            << true << false << QStringLiteral("the data directory is not /var/lib/fedgate");
    }
    void builtInSupervisorWhereNoUnitIsNeeded()
    {
        QFETCH(bool, systemd);
        QFETCH(bool, systemDataDirectory);
        QFETCH(QString, why);
        const QString root = machine(systemd);
        QVERIFY(!root.isEmpty());
        const QString data = systemDataDirectory ? root + kSystemDataDirectory
                                                 : root + QStringLiteral("/home/ann/fedgate");
        const DeployAction a = unitAction(deployer(data, root));
        QCOMPARE(a.step, QStringLiteral("components"));
        QCOMPARE(toString(a.state), QStringLiteral("UpToDate"));
        QVERIFY2(a.reason.startsWith(QStringLiteral("not needed: the built-in supervisor runs "
                                                    "fedgated here (pid file, %1/fedgated.log)")
                                         .arg(data)),
                 qPrintable(a.reason));
        QVERIFY2(a.reason.contains(why), qPrintable(a.reason));
        QVERIFY(!QFile::exists(unitPath(root, QStringLiteral("etc/systemd/system"))));
        QVERIFY(recorded().isEmpty());
    }

    void packageUnitEnabledIsUpToDate()
    {
        const QString root = machine(true);
        QVERIFY(!root.isEmpty());
        QVERIFY(writeFile(unitPath(root, QStringLiteral("lib/systemd/system")), "[Unit]\n"));
        QVERIFY(writeFile(unitPath(root, QStringLiteral("etc/systemd/system/"
                                                        "multi-user.target.wants")),
                          "[Unit]\n"));
        const DeployAction a = unitAction(deployer(root + kSystemDataDirectory, root));
        QCOMPARE(toString(a.state), QStringLiteral("UpToDate"));
        QVERIFY2(a.reason.startsWith(QStringLiteral("installed by the fedgate package")),
                 qPrintable(a.reason));
    }

    void sourceBuildGetsThePackagesUnitWrittenAndEnabled()
    {
        const QString root = machine(true);
        QVERIFY(!root.isEmpty());
        const QString data = root + kSystemDataDirectory;
        Deployer d = deployer(data, root);
        auto plan = d.plan(answers());
        QVERIFY2(plan, plan ? "" : qPrintable(plan.error().message));
        const DeployAction *a = plan.value().action(QStringLiteral("unit"));
        QVERIFY(a);
        QCOMPARE(toString(a->state), QStringLiteral("Pending"));
        QVERIFY2(a->reason.contains(QStringLiteral("ExecStart=") + fedgated()),
                 qPrintable(a->reason));
        QVERIFY(recorded().isEmpty()); // planning runs nothing

        auto report = d.apply(plan.value(), answers());
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        QVERIFY2(report.value().ok, qPrintable(report.value().error));
        QCOMPARE(recorded(), QStringList({QStringLiteral("systemctl daemon-reload"),
                                          QStringLiteral("systemctl enable fedgated")}));

        // The package's template with the real fedgated, nothing else.
        QFile source(fedgate::test::sourceDir() + QStringLiteral("/installer/fedgated.service"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QFile written(unitPath(root, QStringLiteral("etc/systemd/system")));
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray unit = written.readAll();
        QCOMPARE(unit, source.readAll().replace("@CMAKE_INSTALL_FULL_BINDIR@/fedgated",
                                                QFile::encodeName(fedgated())));
        QVERIFY(unit.contains("\nUser=fedgate\n"));
        QVERIFY(written.permissions().testFlag(QFile::ReadOther));
        QVERIFY(
            QDir(root + QStringLiteral("/etc/systemd/system")).entryList({"*.tmp-*"}).isEmpty());

        QFile::remove(recordPath());
        auto again = d.plan(answers());
        QVERIFY(again);
        QCOMPARE(toString(again.value().action(QStringLiteral("unit"))->state),
                 QStringLiteral("UpToDate"));
        QVERIFY2(again.value().changesNothing(),
                 QJsonDocument(again.value().toJson()).toJson().constData());
        auto second = d.apply(again.value(), answers());
        QVERIFY(second && second.value().ok);
        QVERIFY(recorded().isEmpty());
    }

    void unitInstalledButNotEnabledIsOnlyEnabled()
    {
        const QString root = machine(true);
        QVERIFY(!root.isEmpty());
        const QByteArray packaged = "[Unit]\nDescription=as the package installed it\n";
        const QString unit = unitPath(root, QStringLiteral("usr/lib/systemd/system"));
        QVERIFY(writeFile(unit, packaged));
        Deployer d = deployer(root + kSystemDataDirectory, root);
        const DeployAction a = unitAction(d);
        QCOMPARE(toString(a.state), QStringLiteral("Pending"));
        QVERIFY2(a.reason.contains(QStringLiteral("not enabled")), qPrintable(a.reason));

        auto plan = d.plan(answers());
        QVERIFY(plan);
        auto report = d.apply(plan.value(), answers());
        QVERIFY2(report && report.value().ok, report ? qPrintable(report.value().error) : "");
        QCOMPARE(recorded(), QStringList({QStringLiteral("systemctl enable fedgated")}));
        QVERIFY(!QFile::exists(unitPath(root, QStringLiteral("etc/systemd/system"))));
        QFile after(unit);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), packaged);
        QCOMPARE(toString(unitAction(d).state), QStringLiteral("UpToDate"));
    }

    void missingServiceAccountBlocksTheUnit()
    {
        const QString root = machine(true, false);
        QVERIFY(!root.isEmpty());
        Deployer d = deployer(root + kSystemDataDirectory, root);
        const DeployAction a = unitAction(d);
        QCOMPARE(toString(a.state), QStringLiteral("Blocked"));
        QVERIFY2(a.reason.contains(QStringLiteral("adduser --system --group --home "
                                                  "/var/lib/fedgate --no-create-home fedgate")),
                 qPrintable(a.reason));
        auto plan = d.plan(answers());
        QVERIFY(plan);
        QVERIFY(!d.apply(plan.value(), answers()));
        QVERIFY(recorded().isEmpty());
        QVERIFY(!QFile::exists(unitPath(root, QStringLiteral("etc/systemd/system"))));
        // The package's unit needs nothing of the kind (its postinst made
        // the account).
        QVERIFY(writeFile(unitPath(root, QStringLiteral("lib/systemd/system")), "[Unit]\n"));
        QCOMPARE(toString(unitAction(d).state), QStringLiteral("Pending"));
    }

    void nonRootIsBlockedWithTheCommandToRunAsRoot()
    {
        const QString root = machine(true);
        QVERIFY(!root.isEmpty());
        Deployer d = deployer(root + kSystemDataDirectory, root, false);
        DeploymentAnswers a = answers();
        a.sourceFile = QStringLiteral("/srv/answers.json");
        auto plan = d.plan(a);
        QVERIFY(plan);
        const DeployAction *unit = plan.value().action(QStringLiteral("unit"));
        QCOMPARE(toString(unit->state), QStringLiteral("Blocked"));
        QVERIFY2(unit->reason.contains(
                     QStringLiteral("sudo fedgatectl deploy --answers /srv/answers.json")),
                 qPrintable(unit->reason));
        QVERIFY(!d.apply(plan.value(), a));
        QVERIFY(recorded().isEmpty());
        QVERIFY(!QFile::exists(unitPath(root, QStringLiteral("etc/systemd/system"))));

        // Installed but not enabled: the one command to run as root.
        QVERIFY(writeFile(unitPath(root, QStringLiteral("lib/systemd/system")), "[Unit]\n"));
        const DeployAction enable = unitAction(d);
        QCOMPARE(toString(enable.state), QStringLiteral("Blocked"));
        QVERIFY2(enable.reason.contains(QStringLiteral("sudo systemctl enable fedgated")),
                 qPrintable(enable.reason));
    }
};

QTEST_GUILESS_MAIN(TstDeployerUnit)
#include "tst_deployer_unit.moc"
