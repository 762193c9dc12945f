// End to end through fedgated (--role all: gateway and edge joined over the
// internal link) against a real Prosody on fabrikam.test, with slixmpp
// clients on both sides (issue 10's "Show" list, after tst_linkprosody's
// chat): the partner-type rules (Federated auto-approval both ways,
// PublicVerified without status text, PublicUnverified refused until our
// user invites), a policy without EnableXmppAccess refused both ways, offline
// messages that survive a restart and a kill -9, and a resumed XEP-0198
// stream. The administrator's changes go through the topology file given
// with --topology and SIGHUP, as in production.
// Prosody on 127.0.0.60; the edge's link and the clients on 127.0.0.61,
// federation on 127.0.0.62; Montreal's edge (down) on 127.0.0.63.
#include "LinkProcesses.h"
#include "support/FederationPartner.h"
#include "support/Fedgatectl.h"
#include "support/PeerProcess.h"
#include "support/ProsodyServer.h"
#include "support/TestCa.h"
#include "support/TestPaths.h"
#include "topology/TopologyDocument.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <functional>

using namespace fedgate;
using namespace fedgate::test;

namespace {
const QString kOurDomain = QStringLiteral("contoso.test");
const QString kPartnerDomain = QStringLiteral("fabrikam.test");
const QString kProsody = QStringLiteral("127.0.0.60");
const QString kInternal = QStringLiteral("127.0.0.61"); // link 23456, clients 5222
const QString kExternal = QStringLiteral("127.0.0.62"); // federation 5269
const QString kNobody = QStringLiteral("127.0.0.63");   // Montreal's edge: down
const QString kAlice = QStringLiteral("alice@contoso.test");
const QString kAlicePassword = QStringLiteral("alice-secret-1");
const QString kPartnerPassword = QStringLiteral("partner-secret");
const QString kParisPolicy = QStringLiteral("site:Paris");
} // namespace

class TestFederationPeople : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    FederationPartner m_partner;
    TestCa &m_ca = m_partner.ca;
    QHash<QString, TestCa::Leaf> &m_leaves = m_partner.leaves;
    ProsodyServer &m_prosody = m_partner.prosody;
    PeerProcess m_fedgated;
    QString m_dataDir;
    topology::Topology m_topology;

    QString topologyFile() const { return m_dataDir + QStringLiteral("/topology.json"); }
    QString logText() const { return readTextFile(m_dataDir + QStringLiteral("/fedgated.log")); }
    // The logs on stderr (QTest shortens long failure messages).
    QString diagnostics() const
    {
        fprintf(stderr, "--- fedgated (tail) ---\n%s\n%s\n--- prosody (tail) ---\n%s\n",
                qPrintable(logText().right(8000)), qPrintable(m_fedgated.output().right(2000)),
                qPrintable(m_prosody.debugLog().right(6000)));
        return QStringLiteral("(fedgated's and Prosody's logs above)");
    }

    // The published topology: Paris's edge on our addresses, one partner.
    bool prepareTopology()
    {
        m_topology = loopbackExampleTopology({kProsody, kInternal, kExternal, kNobody});
        return m_topology.policy(kParisPolicy) && m_topology.policy(kParisPolicy)->enableXmppAccess;
    }

    bool setAlicePassword()
    {
        const QString passwordFile = m_dataDir + QStringLiteral("/alice.password");
        QFile pw(passwordFile);
        if (!pw.open(QIODevice::WriteOnly) || pw.write(kAlicePassword.toUtf8() + '\n') < 0)
            return false;
        pw.close();
        const CliResult result =
            runFedgatectl({QStringLiteral("user"), QStringLiteral("password"), kAlice,
                           QStringLiteral("--password-file"), passwordFile},
                          m_dataDir);
        if (result.exitCode != 0)
            qWarning("fedgatectl user password: %s", qPrintable(result.text()));
        return result.exitCode == 0;
    }

    bool startFedgated()
    {
        qputenv("FEDGATE_DATA_DIR", m_dataDir.toUtf8());
        const QStringList args{QStringLiteral("--role"),
                               QStringLiteral("all"),
                               QStringLiteral("--topology"),
                               topologyFile(),
                               QStringLiteral("--listen"),
                               kExternal + QStringLiteral(":5269"),
                               QStringLiteral("--cert"),
                               m_leaves.value("contoso").certificatePath,
                               QStringLiteral("--key"),
                               m_leaves.value("contoso").keyPath,
                               QStringLiteral("--ca"),
                               m_ca.certificatePath(),
                               QStringLiteral("--host"),
                               kPartnerDomain + QLatin1Char('=') + kProsody,
                               QStringLiteral("--internal-cert"),
                               m_leaves.value("edge-paris").certificatePath,
                               QStringLiteral("--internal-key"),
                               m_leaves.value("edge-paris").keyPath,
                               QStringLiteral("--gateway-cert"),
                               m_leaves.value("fe-paris").certificatePath,
                               QStringLiteral("--gateway-key"),
                               m_leaves.value("fe-paris").keyPath,
                               QStringLiteral("--client-listen"),
                               kInternal + QStringLiteral(":5222"),
                               QStringLiteral("--link-ca"),
                               m_ca.certificatePath(),
                               QStringLiteral("--control"),
                               m_dataDir + QStringLiteral("/fedgated.sock"),
                               QStringLiteral("--log-file"),
                               m_dataDir + QStringLiteral("/fedgated.log")};
        return m_fedgated.start(executable(QStringLiteral("fedgated")), args) &&
               m_fedgated.waitForTcp(QHostAddress(kInternal), 5222, 30000);
    }

    // Writes the changed topology to the --topology file and sends SIGHUP, as
    // an administrator does; true once the gateway has applied it.
    bool applyTopology(const std::function<void(topology::Topology &)> &change)
    {
        change(m_topology);
        if (!topology::TopologyDocument::writeFile(m_topology, topologyFile()).ok())
            return false;
        const QString applied = QStringLiteral("gateway: topology applied");
        const qsizetype before = logText().count(applied);
        if (!m_fedgated.isRunning() || m_fedgated.pid() <= 0)
            return false;
        ::kill(pid_t(m_fedgated.pid()), SIGHUP);
        for (int i = 0; i < 600 && logText().count(applied) <= before; ++i)
            QTest::qWait(100);
        return logText().count(applied) > before;
    }
    bool setPartnerType(topology::PartnerType type)
    {
        return applyTopology([type](topology::Topology &t) { t.partners.first().type = type; });
    }

    QStringList driverArgs(const QString &scenario, const QString &partner,
                           const QString &arg = {}) const
    {
        QStringList args{sourceDir() + QStringLiteral("/tests/engine/link/federation_people.py"),
                         scenario,
                         m_ca.certificatePath(),
                         kAlice,
                         kAlicePassword,
                         kInternal,
                         QStringLiteral("5222"),
                         partner + QLatin1Char('@') + kPartnerDomain,
                         kPartnerPassword,
                         kProsody,
                         QStringLiteral("5222")};
        if (!arg.isEmpty())
            args << arg;
        return args;
    }

    // Runs federation_people.py; its JSON line.
    QJsonObject drive(const QStringList &args, bool *ok, QString *output)
    {
        *ok = runCommand(QStringLiteral("/usr/bin/python3"), args, output, {}, 150000) == 0;
        QJsonObject seen;
        for (const QString &line : output->split(QLatin1Char('\n')))
            if (line.startsWith(QLatin1Char('{')))
                seen = QJsonDocument::fromJson(line.toUtf8()).object();
        return seen;
    }

    // Runs one scenario; false with the driver's output and the logs in
    // `failure` when its expectation did not hold.
    bool drive(const QString &scenario, const QString &partner, const QString &arg,
               QJsonObject *seen, QString *failure)
    {
        bool ok = false;
        QString output;
        *seen = drive(driverArgs(scenario, partner, arg), &ok, &output);
        if (!ok)
            *failure = scenario + QStringLiteral(" failed: ") + diagnostics();
        if (!ok)
            fprintf(stderr, "--- %s ---\n%s\n", qPrintable(scenario), qPrintable(output));
        return ok;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        makeWorldReadableDir(m_dir.path());
        QString error;
        // One partner user per partner type, so each starts with empty rosters.
        QVERIFY2(m_partner.start(
                     m_dir.path(), {kProsody, kInternal, kExternal, kNobody},
                     QStringLiteral("Fedgate People CA"),
                     {QStringLiteral("bob"), QStringLiteral("erin"), QStringLiteral("frank")},
                     kPartnerPassword, &error),
                 qPrintable(error));

        m_dataDir = m_dir.filePath(QStringLiteral("fedgate"));
        QVERIFY(QDir().mkpath(m_dataDir));
        QVERIFY(prepareTopology());
        QVERIFY(installTopology(m_topology, m_dataDir));
        QVERIFY(setAlicePassword());
        QVERIFY2(startFedgated(), qPrintable(m_fedgated.output() + diagnostics()));
    }

    void cleanupTestCase()
    {
        m_fedgated.stop();
        m_prosody.stop();
    }

    // Federated: bob's subscription to alice is approved by the gateway while
    // alice's client approves nothing; bob gets her presence with its status
    // text; alice's subscription to bob completes too.
    void federatedSubscriptionIsAutoApprovedBothWays()
    {
        QVERIFY2(setPartnerType(topology::PartnerType::Federated), qPrintable(diagnostics()));
        QJsonObject seen;
        QString failure;
        QVERIFY2(drive(QStringLiteral("subscribe"), QStringLiteral("bob"), {}, &seen, &failure),
                 qPrintable(failure));
        QCOMPARE(seen.value(QStringLiteral("b_saw_status")).toString(),
                 QStringLiteral("in a meeting until noon"));
        QCOMPARE(seen.value(QStringLiteral("a_roster_b")).toString(), QStringLiteral("both"));
    }

    // PublicVerified: the same auto-approval, but erin never sees the text.
    void publicVerifiedPartnerGetsPresenceWithoutStatusText()
    {
        QVERIFY2(setPartnerType(topology::PartnerType::PublicVerified), qPrintable(diagnostics()));
        QJsonObject seen;
        QString failure;
        QVERIFY2(drive(QStringLiteral("subscribe"), QStringLiteral("erin"),
                       QStringLiteral("nostatus"), &seen, &failure),
                 qPrintable(failure));
        QVERIFY(seen.value(QStringLiteral("b_sees_a")).toBool());
        QCOMPARE(seen.value(QStringLiteral("b_saw_status")).toString(), QString());
    }

    // PublicUnverified: frank's subscription and message are refused and
    // reach nothing until alice subscribes to him; then both pass.
    void publicUnverifiedPartnerIsRefusedUntilOurUserInvites()
    {
        QVERIFY2(setPartnerType(topology::PartnerType::PublicUnverified),
                 qPrintable(diagnostics()));
        QJsonObject seen;
        QString failure;
        QVERIFY2(drive(QStringLiteral("unverified"), QStringLiteral("frank"), {}, &seen, &failure),
                 qPrintable(failure));
        QCOMPARE(seen.value(QStringLiteral("refused")).toString(),
                 QStringLiteral("service-unavailable"));
        QCOMPARE(seen.value(QStringLiteral("a_got")).toString(),
                 QStringLiteral("thanks for the invitation"));
    }

    // The administrator takes EnableXmppAccess away from Paris's policy:
    // alice's message gets not-allowed naming the policy, bob's gets
    // service-unavailable. Then it is given back.
    void userWithoutXmppAccessIsRefusedBothWays()
    {
        QVERIFY2(applyTopology([](topology::Topology &t) {
                     t.partners.first().type = topology::PartnerType::Federated;
                     t.policy(kParisPolicy)->enableXmppAccess = false;
                 }),
                 qPrintable(diagnostics()));
        QJsonObject seen;
        QString failure;
        const bool ok =
            drive(QStringLiteral("policy"), QStringLiteral("bob"), kParisPolicy, &seen, &failure);
        const bool restored = applyTopology(
            [](topology::Topology &t) { t.policy(kParisPolicy)->enableXmppAccess = true; });
        QVERIFY2(ok, qPrintable(failure));
        QVERIFY(restored);
        QCOMPARE(seen.value(QStringLiteral("a_condition")).toString(),
                 QStringLiteral("not-allowed"));
        QVERIFY(seen.value(QStringLiteral("a_text")).toString().contains(kParisPolicy));
        QCOMPARE(seen.value(QStringLiteral("b_condition")).toString(),
                 QStringLiteral("service-unavailable"));
    }

    // bob writes to alice while she is offline; fedgated stops (SIGTERM) and
    // starts again; alice gets the message at her next login. The same after
    // a kill -9.
    void offlineMessageSurvivesRestartAndKill()
    {
        QJsonObject seen;
        QString failure;
        const QString first = QStringLiteral("stored before a restart");
        QVERIFY2(drive(QStringLiteral("offline"), QStringLiteral("bob"), first, &seen, &failure),
                 qPrintable(failure));
        m_fedgated.stop();
        QVERIFY2(startFedgated(), qPrintable(m_fedgated.output() + diagnostics()));
        QVERIFY2(drive(QStringLiteral("receive"), QStringLiteral("bob"), first, &seen, &failure),
                 qPrintable(failure));
        QCOMPARE(seen.value(QStringLiteral("body")).toString(), first);

        const QString second = QStringLiteral("stored before a kill -9");
        QVERIFY2(drive(QStringLiteral("offline"), QStringLiteral("bob"), second, &seen, &failure),
                 qPrintable(failure));
        ::kill(pid_t(m_fedgated.pid()), SIGKILL);
        m_fedgated.stop();
        QVERIFY2(startFedgated(), qPrintable(m_fedgated.output() + diagnostics()));
        QVERIFY2(drive(QStringLiteral("receive"), QStringLiteral("bob"), second, &seen, &failure),
                 qPrintable(failure));
        QCOMPARE(seen.value(QStringLiteral("body")).toString(), second);
    }

    // alice's XEP-0198 stream is cut; bob's message to her full address
    // arrives meanwhile; the resumed stream delivers it.
    void resumedStreamGetsWhatThePartnerSentMeanwhile()
    {
        QJsonObject seen;
        QString failure;
        QVERIFY2(drive(QStringLiteral("resume"), QStringLiteral("bob"), {}, &seen, &failure),
                 qPrintable(failure));
        QCOMPARE(seen.value(QStringLiteral("a_got")).toString(),
                 QStringLiteral("sent while you were away"));
    }
};

QTEST_GUILESS_MAIN(TestFederationPeople)
#include "tst_federationpeople.moc"
