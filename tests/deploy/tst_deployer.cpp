// The deployment plan (deploy/Deployer): on an empty data directory every
// action is Pending and planning writes nothing; apply runs them (replica,
// internal CA, three certificates signed by it, a user's password, the
// service configuration, fedgated under the built-in supervisor) and a plan
// made again changes nothing; a new published version makes only the
// replica and the restart Pending; a certificate neither assigned nor
// answered blocks the plan with the commands to run; imported certificate
// files; answers files with mistakes are refused naming the key.
// fedgated: federation on 127.0.0.3:5269, the internal link on
// 127.0.0.4:23456, clients on 127.0.0.5:5222 (127.0.0.249: the Montreal
// pool, where nothing listens).
#include "support/FederationPartner.h"
#include "support/TestCa.h"
#include "support/TestPaths.h"

#include "deploy/Deployer.h"
#include "deploy/DeploymentLog.h"
#include "deploy/ProcessInfo.h"
#include "deploy/ServiceSupervisor.h"
#include "topology/CentralStore.h"
#include "topology/LocalReplica.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace fedgate::deploy;
using fedgate::topology::CentralStore;
using fedgate::topology::Topology;

namespace {
const QString kExternal = QStringLiteral("127.0.0.3");
const QString kInternal = QStringLiteral("127.0.0.4");
const QString kClients = QStringLiteral("127.0.0.5");
const QString kNobody = QStringLiteral("127.0.0.249");

QStringList ids(const DeploymentPlan &plan, DeployActionState state)
{
    QStringList list;
    for (const DeployAction &a : plan.actions)
        if (a.state == state)
            list << a.id;
    return list;
}

QString planText(const DeploymentPlan &plan)
{
    return QString::fromUtf8(QJsonDocument(plan.toJson()).toJson());
}
} // namespace

class TstDeployer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_data;
    QString m_store;
    Topology m_topology;
    QStringList m_dataDirsStarted;

    void writeFile(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
    }

    void publish(const Topology &topology)
    {
        auto store = CentralStore::open(m_store);
        QVERIFY2(store, store ? "" : qPrintable(store.error().message));
        auto latest = store.value()->latestVersion();
        QVERIFY(latest);
        auto published = store.value()->publish(topology, latest.value(), QStringLiteral("test"));
        QVERIFY2(published, published ? "" : qPrintable(published.error().message));
    }

    QJsonObject answersJson(bool withGateway = true) const
    {
        QJsonObject certificates{
            {QStringLiteral("external"), QJsonObject{{QStringLiteral("immediate"), true}}},
            {QStringLiteral("internal"), QJsonObject{{QStringLiteral("immediate"), true}}}};
        if (withGateway)
            certificates.insert(QStringLiteral("gateway"),
                                QJsonObject{{QStringLiteral("immediate"), true}});
        return QJsonObject{
            {QStringLiteral("store"), QStringLiteral("store.sqlite")},
            {QStringLiteral("machine"), QStringLiteral("edge-paris1")},
            {QStringLiteral("roles"),
             QJsonArray{QStringLiteral("edge"), QStringLiteral("gateway")}},
            {QStringLiteral("certificates"), certificates},
            {QStringLiteral("passwordsFile"), QStringLiteral("passwords.txt")},
            {QStringLiteral("serviceArguments"),
             QJsonArray{QStringLiteral("--client-listen"), kClients + QStringLiteral(":5222")}}};
    }

    DeploymentAnswers answers(const QJsonObject &json)
    {
        auto parsed = DeploymentAnswers::fromJson(json, m_dir.path());
        if (!parsed)
            qWarning("%s", qPrintable(parsed.error().message));
        return parsed ? parsed.value() : DeploymentAnswers();
    }

    Deployer deployer(const QString &data)
    {
        m_dataDirsStarted << data;
        Deployer d(data);
        d.setFedgatedProgram(fedgate::test::executable(QStringLiteral("fedgated")));
        return d;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_data = m_dir.filePath(QStringLiteral("data"));
        m_store = m_dir.filePath(QStringLiteral("store.sqlite"));
        m_topology =
            fedgate::test::loopbackExampleTopology({QString(), kInternal, kExternal, kNobody});
        QVERIFY(!m_topology.partners.isEmpty());
        publish(m_topology);
        writeFile(m_dir.filePath(QStringLiteral("passwords.txt")),
                  "# test users\nalice@contoso.test\tsecret one\n\nbob@contoso.test s3cret\n");
    }

    void cleanupTestCase()
    {
        // Never leave a detached fedgated behind, whatever failed.
        for (const QString &data : m_dataDirsStarted) {
            ServiceSupervisor service(ServiceLayout::forDataDirectory(data));
            const ServiceState state = service.status();
            if (state.running && ProcessInfo::commandName(state.pid) == QLatin1String("fedgated"))
                ::kill(pid_t(state.pid), SIGKILL);
        }
    }

    void planOnEmptyDataDirectoryListsEveryActionPending()
    {
        Deployer d = deployer(m_data);
        auto plan = d.plan(answers(answersJson()));
        QVERIFY2(plan, plan ? "" : qPrintable(plan.error().message));
        const DeploymentPlan &p = plan.value();
        QCOMPARE(ids(p, DeployActionState::Pending),
                 QStringList({QStringLiteral("replica"), QStringLiteral("ca"),
                              QStringLiteral("cert:external"), QStringLiteral("cert:internal"),
                              QStringLiteral("cert:gateway"),
                              QStringLiteral("password:alice@contoso.test"),
                              QStringLiteral("password:bob@contoso.test"),
                              QStringLiteral("service-config"), QStringLiteral("service")}));
        QVERIFY(!p.changesNothing());
        QCOMPARE(p.machine, QStringLiteral("edge-paris1.contoso.test"));
        QCOMPARE(p.roles, QStringList({QStringLiteral("edge"), QStringLiteral("gateway")}));
        QCOMPARE(p.topologyVersion, 1);
        QCOMPARE(p.action(QStringLiteral("replica"))->step, QStringLiteral("replica"));
        QCOMPARE(p.action(QStringLiteral("cert:gateway"))->step, QStringLiteral("certificates"));
        QCOMPARE(p.action(QStringLiteral("password:bob@contoso.test"))->step,
                 QStringLiteral("users"));
        QCOMPARE(p.action(QStringLiteral("service-config"))->step, QStringLiteral("components"));
        QCOMPARE(p.action(QStringLiteral("service"))->reason,
                 QStringLiteral("fedgated is not running"));
        // The listeners this machine will show: from the topology's
        // addresses, the client listener from the service arguments.
        QCOMPARE(p.listeners.size(), 3);
        QCOMPARE(p.listeners.at(0).address.toString(), kExternal);
        QCOMPARE(p.listeners.at(0).port, quint16(5269));
        QCOMPARE(p.listeners.at(1).address.toString(), kInternal);
        QCOMPARE(p.listeners.at(1).port, quint16(23456));
        QVERIFY(p.listeners.at(1).expectEstablished);
        QCOMPARE(p.listeners.at(2).address.toString(), kClients);
        QCOMPARE(p.listeners.at(2).purpose, ListenerPurpose::Clients);
        // The dry run wrote nothing.
        QVERIFY(!QDir(m_data).exists() ||
                QDir(m_data).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
    }

    void applyThenPlanAgainChangesNothing()
    {
        Deployer d = deployer(m_data);
        const DeploymentAnswers a = answers(answersJson());
        auto plan = d.plan(a);
        QVERIFY(plan);
        QList<int> done;
        QStringList lines;
        auto report = d.apply(plan.value(), a, [&](int n, int total, const QString &line) {
            QCOMPARE(total, 9);
            done << n;
            lines << line;
        });
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        QVERIFY2(report.value().ok, qPrintable(report.value().error));
        QCOMPARE(report.value().applied.size(), 9);
        // "unit" is up to date: no systemd runs here (tst_deployer_unit).
        QCOMPARE(report.value().skipped.size(), 1);
        QCOMPARE(report.value().skipped.first().id, QStringLiteral("unit"));
        QCOMPARE(done.last(), 9);
        QVERIFY(std::is_sorted(done.begin(), done.end()));
        QVERIFY(lines.join(QLatin1Char('\n')).contains(QStringLiteral("fedgated is ready")));

        const ServiceState state =
            ServiceSupervisor(ServiceLayout::forDataDirectory(m_data)).status();
        QVERIFY(state.running);
        QVERIFY(QFile::exists(m_data + QStringLiteral("/service.json")));
        // The log: one step's lines, or all.
        auto serviceLines = DeploymentLog::read(m_data, QStringLiteral("service"));
        QVERIFY(serviceLines);
        QVERIFY(!serviceLines.value().isEmpty());
        for (const QString &line : serviceLines.value())
            QVERIFY2(line.contains(QStringLiteral(" [service] ")), qPrintable(line));
        auto all = DeploymentLog::read(m_data);
        QVERIFY(all && all.value().size() > serviceLines.value().size());
        QCOMPARE(d.logFile(), m_data + QStringLiteral("/deploy.log"));

        // Planned again: nothing to do, and applying it touches nothing.
        auto again = d.plan(a);
        QVERIFY(again);
        QVERIFY2(again.value().changesNothing(), qPrintable(planText(again.value())));
        QVERIFY(again.value()
                    .action(QStringLiteral("service"))
                    ->reason.contains(QStringLiteral("pid %1").arg(state.pid)));
        auto second = d.apply(again.value(), a);
        QVERIFY(second && second.value().ok);
        QVERIFY(second.value().applied.isEmpty());
        QCOMPARE(second.value().skipped.size(), 10);
        QCOMPARE(ServiceSupervisor(ServiceLayout::forDataDirectory(m_data)).status().pid,
                 state.pid);

        // A changed password is the only Pending action.
        writeFile(m_dir.filePath(QStringLiteral("passwords.txt")),
                  "alice@contoso.test\tsecret two\nbob@contoso.test s3cret\n");
        auto changed = d.plan(a);
        QVERIFY(changed);
        QCOMPARE(ids(changed.value(), DeployActionState::Pending),
                 QStringList{QStringLiteral("password:alice@contoso.test")});
        auto applied = d.apply(changed.value(), a);
        QVERIFY(applied && applied.value().ok);
        QVERIFY(d.plan(a).value().changesNothing());
    }

    void newPublishedVersionMakesOnlyReplicaAndServicePending()
    {
        Topology next = m_topology;
        next.partners.first().description = QStringLiteral("Fabrikam, changed in version 2");
        publish(next);
        Deployer d = deployer(m_data);
        const DeploymentAnswers a = answers(answersJson());
        auto plan = d.plan(a);
        QVERIFY(plan);
        QCOMPARE(plan.value().topologyVersion, 2);
        QCOMPARE(ids(plan.value(), DeployActionState::Pending),
                 QStringList({QStringLiteral("replica"), QStringLiteral("service")}));
        QCOMPARE(plan.value().action(QStringLiteral("replica"))->reason,
                 QStringLiteral("replica has version 1, the store has 2"));
        QVERIFY(plan.value()
                    .action(QStringLiteral("service"))
                    ->reason.contains(QStringLiteral("the replica")));
        const qint64 before =
            ServiceSupervisor(ServiceLayout::forDataDirectory(m_data)).status().pid;
        auto report = d.apply(plan.value(), a);
        QVERIFY(report);
        QVERIFY2(report.value().ok, qPrintable(report.value().error));
        QCOMPARE(report.value().applied.size(), 2);
        const ServiceState after =
            ServiceSupervisor(ServiceLayout::forDataDirectory(m_data)).status();
        QVERIFY(after.running);
        QVERIFY(after.pid != before);
        QCOMPARE(after.engine.value(QStringLiteral("topologyVersion")).toInt(), 2);
        auto again = d.plan(a);
        QVERIFY(again);
        QVERIFY2(again.value().changesNothing(), qPrintable(planText(again.value())));
        QVERIFY(again.value().action(QStringLiteral("replica"))->reason ==
                QStringLiteral("already at version 2"));
        QVERIFY(ServiceSupervisor(ServiceLayout::forDataDirectory(m_data)).stop());
    }

    void missingCertificateNotAnsweredIsBlocked()
    {
        const QString data = m_dir.filePath(QStringLiteral("blocked"));
        Deployer d = deployer(data);
        const DeploymentAnswers a = answers(answersJson(false));
        auto plan = d.plan(a);
        QVERIFY(plan);
        QVERIFY(plan.value().blocked());
        QCOMPARE(ids(plan.value(), DeployActionState::Blocked),
                 QStringList{QStringLiteral("cert:gateway")});
        QCOMPARE(plan.value().action(QStringLiteral("cert:gateway"))->reason,
                 QStringLiteral("No certificate is assigned for the gateway; answer "
                                "certificates.gateway or run 'fedgatectl cert assign --usage "
                                "gateway ID'."));
        // Apply refuses the whole plan and writes nothing but its log line.
        auto report = d.apply(plan.value(), a);
        QVERIFY(!report);
        QVERIFY(report.error().message.contains(QStringLiteral("blocked")));
        QVERIFY(!QFile::exists(data + QStringLiteral("/replica.sqlite")));
        QVERIFY(!QFile::exists(data + QStringLiteral("/ca/ca.pem")));
        auto log = DeploymentLog::read(data);
        QVERIFY(log && log.value().size() == 1);
    }

    void importedCertificateFilesAreAssignedOnce()
    {
        const QString data = m_dir.filePath(QStringLiteral("files"));
        fedgate::test::TestCa ca;
        QString error;
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("testca"))));
        QVERIFY2(
            ca.create(m_dir.filePath(QStringLiteral("testca")), QStringLiteral("Test CA"), &error),
            qPrintable(error));
        const auto leaf =
            ca.issue(QStringLiteral("internal"), QStringLiteral("edge-paris.contoso.test"),
                     {QStringLiteral("edge-paris.contoso.test")}, {}, &error);
        QVERIFY2(leaf, qPrintable(error));
        QJsonObject json = answersJson();
        json.insert(QStringLiteral("roles"), QJsonArray{QStringLiteral("edge")});
        json.insert(
            QStringLiteral("certificates"),
            QJsonObject{
                {QStringLiteral("external"), QJsonObject{{QStringLiteral("immediate"), true}}},
                {QStringLiteral("internal"),
                 QJsonObject{{QStringLiteral("certificateFile"), leaf->certificatePath},
                             {QStringLiteral("keyFile"), leaf->keyPath},
                             {QStringLiteral("chainFile"), ca.certificatePath()}}}});
        json.remove(QStringLiteral("passwordsFile"));
        json.insert(QStringLiteral("startService"), false);
        Deployer d = deployer(data);
        const DeploymentAnswers a = answers(json);
        auto plan = d.plan(a);
        QVERIFY(plan);
        QCOMPARE(plan.value().roles, QStringList{QStringLiteral("edge")});
        QVERIFY(!plan.value().action(QStringLiteral("cert:gateway")));
        QVERIFY(plan.value().action(QStringLiteral("cert:internal"))->state ==
                DeployActionState::Pending);
        QVERIFY(plan.value().action(QStringLiteral("service"))->state ==
                DeployActionState::UpToDate);
        auto report = d.apply(plan.value(), a);
        QVERIFY(report);
        QVERIFY2(report.value().ok, qPrintable(report.value().error));
        auto again = d.plan(a);
        QVERIFY(again);
        QVERIFY2(again.value().changesNothing(), qPrintable(planText(again.value())));
        QVERIFY(again.value()
                    .action(QStringLiteral("cert:internal"))
                    ->reason.contains(QStringLiteral("from this file is assigned already")));
        QVERIFY(!ServiceSupervisor(ServiceLayout::forDataDirectory(data)).status().running);
    }

    void exportedTopologyFileIsImported()
    {
        // An edge server that cannot reach the central store gets an export.
        const QString exported = m_dir.filePath(QStringLiteral("export-v2.json"));
        QVERIFY(fedgate::topology::LocalReplica::exportVersion(m_store, 2, exported));
        const QString data = m_dir.filePath(QStringLiteral("from-file"));
        QJsonObject json = answersJson();
        json.remove(QStringLiteral("store"));
        json.insert(QStringLiteral("topologyFile"), QStringLiteral("export-v2.json"));
        json.insert(QStringLiteral("startService"), false);
        Deployer d = deployer(data);
        const DeploymentAnswers a = answers(json);
        QCOMPARE(a.topologyFile, exported);
        auto plan = d.plan(a);
        QVERIFY(plan);
        QCOMPARE(plan.value().topologyVersion, 2);
        QCOMPARE(plan.value().action(QStringLiteral("replica"))->description,
                 QStringLiteral("Import topology version 2 from %1 into the local replica")
                     .arg(exported));
        auto report = d.apply(plan.value(), a);
        QVERIFY(report && report.value().ok);
        auto replica =
            fedgate::topology::LocalReplica::open(data + QStringLiteral("/replica.sqlite"));
        QVERIFY(replica);
        auto state = replica.value()->current();
        QVERIFY(state && state.value());
        QCOMPARE(state.value()->version, 2);
        QCOMPARE(state.value()->source, exported);
        QVERIFY(d.plan(a).value().changesNothing());
    }

    void applyStopsAtTheFirstFailure()
    {
        // A certificate file whose private key is nowhere: the plan cannot
        // know, the import fails, and nothing after it runs.
        const QString data = m_dir.filePath(QStringLiteral("failing"));
        fedgate::test::TestCa ca;
        QString error;
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("otherca"))));
        QVERIFY2(ca.create(m_dir.filePath(QStringLiteral("otherca")), QStringLiteral("Other CA"),
                           &error),
                 qPrintable(error));
        const auto leaf =
            ca.issue(QStringLiteral("keyless"), QStringLiteral("edge-paris.contoso.test"),
                     {QStringLiteral("edge-paris.contoso.test")}, {}, &error);
        QVERIFY2(leaf, qPrintable(error));
        QJsonObject json = answersJson();
        QJsonObject certificates = json.value(QStringLiteral("certificates")).toObject();
        certificates.insert(
            QStringLiteral("internal"),
            QJsonObject{{QStringLiteral("certificateFile"), leaf->certificatePath}});
        json.insert(QStringLiteral("certificates"), certificates);
        Deployer d = deployer(data);
        const DeploymentAnswers a = answers(json);
        auto plan = d.plan(a);
        QVERIFY(plan);
        QVERIFY(!plan.value().blocked());
        auto report = d.apply(plan.value(), a);
        QVERIFY(report);
        QVERIFY(!report.value().ok);
        QVERIFY2(report.value().error.contains(QStringLiteral("internal edge interface")),
                 qPrintable(report.value().error));
        QStringList applied;
        for (const DeployAction &action : report.value().applied)
            applied << action.id;
        QCOMPARE(applied, QStringList({QStringLiteral("replica"), QStringLiteral("ca"),
                                       QStringLiteral("cert:external")}));
        QVERIFY(!QFile::exists(data + QStringLiteral("/service.json")));
        QVERIFY(!QFile::exists(data + QStringLiteral("/gateway.db")));
        QVERIFY(!ServiceSupervisor(ServiceLayout::forDataDirectory(data)).status().running);
        auto log = DeploymentLog::read(data, QStringLiteral("certificates"));
        QVERIFY(log && !log.value().isEmpty());
        QVERIFY2(log.value().last().contains(QStringLiteral("FAILED: ")),
                 qPrintable(log.value().last()));
        // Planned again: what was done is up to date, the rest still Pending.
        auto again = d.plan(a);
        QVERIFY(again);
        QCOMPARE(ids(again.value(), DeployActionState::UpToDate),
                 QStringList({QStringLiteral("replica"), QStringLiteral("ca"),
                              QStringLiteral("cert:external"), QStringLiteral("unit")}));
    }

    void badAnswersAreRefusedNamingTheKey_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("type") << QByteArray(
                                     R"({"certificates": {"gateway": {"immediate": "yes"}}})")
                              << QStringLiteral("\"certificates.gateway.immediate\" must be true "
                                                "or false");
        QTest::newRow("unknown key") << QByteArray(R"({"machin": "edge-paris1"})")
                                     << QStringLiteral("\"machin\" is not an "
                                                       "answer");
        QTest::newRow("usage") << QByteArray(R"({"certificates": {"edge": {"immediate": true}}})")
                               << QStringLiteral("\"certificates.edge\" is not an interface");
        QTest::newRow("neither") << QByteArray(R"({"certificates": {"internal": {}}})")
                                 << QStringLiteral("\"certificates.internal\" needs");
        QTest::newRow("both sources")
            << QByteArray(R"({"store": "a.sqlite", "topologyFile": "b.json"})")
            << QStringLiteral("\"topologyFile\" and \"store\" are both given");
        QTest::newRow("roles") << QByteArray(R"({"roles": ["edge", "front-end"]})")
                               << QStringLiteral("\"roles\" lists 'front-end'");
        QTest::newRow("version") << QByteArray(R"({"version": -2})")
                                 << QStringLiteral("\"version\" must be a published version");
        QTest::newRow("json") << QByteArray(R"({"machine": )")
                              << QStringLiteral("is not valid JSON");
    }

    void badAnswersAreRefusedNamingTheKey()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const QString path = m_dir.filePath(QStringLiteral("bad-answers.json"));
        writeFile(path, json);
        auto parsed = DeploymentAnswers::fromFile(path);
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().message.contains(expected), qPrintable(parsed.error().message));
        QVERIFY2(parsed.error().message.contains(path), qPrintable(parsed.error().message));
    }

    void answersThatDoNotFitTheTopologyAreRefused()
    {
        Deployer d = deployer(m_dir.filePath(QStringLiteral("unfit")));
        // A machine that is not in the topology: the candidates are listed.
        QJsonObject json = answersJson();
        json.insert(QStringLiteral("machine"), QStringLiteral("printer.contoso.test"));
        auto plan = d.plan(answers(json));
        QVERIFY(!plan);
        QVERIFY2(plan.error().message.startsWith(QStringLiteral("machine: ")),
                 qPrintable(plan.error().message));
        QVERIFY2(
            plan.error().message.contains(QStringLiteral("edge-paris1.contoso.test (edge server of "
                                                         "edge-paris.contoso.test)")),
            qPrintable(plan.error().message));
        QVERIFY(plan.error().message.contains(
            QStringLiteral("fe-paris2.contoso.test (front-end pool fe-paris.contoso.test)")));
        // A front-end pool member runs the gateway by itself.
        json.insert(QStringLiteral("machine"), QStringLiteral("fe-mtl.contoso.test"));
        json.remove(QStringLiteral("roles"));
        auto gateway = d.plan(answers(json));
        QVERIFY2(gateway, gateway ? "" : qPrintable(gateway.error().message));
        QCOMPARE(gateway.value().roles, QStringList{QStringLiteral("gateway")});
        // A user of the passwords file the topology does not know.
        writeFile(m_dir.filePath(QStringLiteral("strangers.txt")), "mallory@contoso.test x\n");
        json = answersJson();
        json.insert(QStringLiteral("passwordsFile"), QStringLiteral("strangers.txt"));
        auto stranger = d.plan(answers(json));
        QVERIFY(stranger);
        const DeployAction *mallory =
            stranger.value().action(QStringLiteral("password:mallory@contoso.test"));
        QVERIFY(mallory && mallory->state == DeployActionState::Blocked);
        QVERIFY2(mallory->reason.contains(QStringLiteral("'fedgatectl user add "
                                                         "mallory@contoso.test --site SITE'")),
                 qPrintable(mallory->reason));
        // A passwords line without a password names the file and line.
        writeFile(m_dir.filePath(QStringLiteral("broken.txt")), "# x\nalice@contoso.test\n");
        json.insert(QStringLiteral("passwordsFile"), QStringLiteral("broken.txt"));
        auto broken = d.plan(answers(json));
        QVERIFY(!broken);
        QVERIFY2(broken.error().message.contains(QStringLiteral("broken.txt:2: "
                                                                "'alice@contoso.test' has no "
                                                                "password")),
                 qPrintable(broken.error().message));
        // An unpublished topology document cannot be imported as it is.
        json = answersJson();
        json.remove(QStringLiteral("store"));
        json.insert(QStringLiteral("topologyFile"), fedgate::test::exampleTopologyPath());
        auto unpublished = d.plan(answers(json));
        QVERIFY(!unpublished);
        QVERIFY2(unpublished.error().message.contains(
                     QStringLiteral("'fedgatectl topology publish --file")),
                 qPrintable(unpublished.error().message));
    }
};

QTEST_GUILESS_MAIN(TstDeployer)
#include "tst_deployer.moc"
