// End to end through Fedgate's gateway and edge against a real Prosody on
// fabrikam.test, with slixmpp clients on both sides (issue 10's "Show"
// list): alice@contoso.test on Fedgate's client listener and
// bob@fabrikam.test on Prosody chat both ways, first with fedgated --role
// all (the halves joined over the internal link; the link shows in
// `fedgatectl sessions` beside the s2s session), then with the edge and the
// gateway as two processes with their own data directories and replicas:
// killing the gateway makes bob's message come back as service-unavailable
// at once, and a restarted gateway restores delivery.
// Prosody on 127.0.0.237; the edge's link and the all-mode clients on
// 127.0.0.238, federation on 127.0.0.239; the split gateway's clients on
// 127.0.0.228.
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
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace fedgate;
using namespace fedgate::test;

namespace {
const QString kOurDomain = QStringLiteral("contoso.test");
const QString kPartnerDomain = QStringLiteral("fabrikam.test");
const QString kProsody = QStringLiteral("127.0.0.237");
const QString kInternal = QStringLiteral("127.0.0.238"); // link 23456, clients 5222
const QString kExternal = QStringLiteral("127.0.0.239"); // federation 5269
const QString kNobody = QStringLiteral("127.0.0.236");   // Montreal's edge: down
const QString kSplitClients = QStringLiteral("127.0.0.228");
const QString kPassword = QStringLiteral("alice-secret-1");

} // namespace

class TestLinkProsody : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    FederationPartner m_partner;
    TestCa &m_ca = m_partner.ca;
    QHash<QString, TestCa::Leaf> &m_leaves = m_partner.leaves;
    ProsodyServer &m_prosody = m_partner.prosody;
    PeerProcess m_fedgated;
    PeerProcess m_gateway;

    QString diagnostics(const QString &dataDir) const
    {
        return QStringLiteral("--- fedgated ---\n%1\n--- prosody (tail) ---\n%2")
            .arg(readTextFile(dataDir + QStringLiteral("/fedgated.log")),
                 m_prosody.debugLog().right(6000));
    }

    // A data directory with the published topology in its replica and, for
    // a gateway, alice's password in its account store.
    QString prepareDataDir(const QString &name, bool gateway)
    {
        const QString dataDir = m_dir.filePath(name);
        QDir().mkpath(dataDir);
        const topology::Topology topology =
            loopbackExampleTopology({kProsody, kInternal, kExternal, kNobody});
        if (!installTopology(topology, dataDir))
            return {};
        if (!gateway)
            return dataDir;
        const QString passwordFile = dataDir + QStringLiteral("/alice.password");
        QFile pw(passwordFile);
        if (!pw.open(QIODevice::WriteOnly) || pw.write(kPassword.toUtf8() + '\n') < 0)
            return {};
        pw.close();
        const CliResult result = runFedgatectl({QStringLiteral("user"), QStringLiteral("password"),
                                                QStringLiteral("alice@contoso.test"),
                                                QStringLiteral("--password-file"), passwordFile},
                                               dataDir);
        if (result.exitCode != 0)
            qWarning("fedgatectl user password: %s", qPrintable(result.text()));
        return result.exitCode == 0 ? dataDir : QString();
    }

    QStringList commonArgs(const QString &dataDir) const
    {
        return {QStringLiteral("--link-ca"),  m_ca.certificatePath(),
                QStringLiteral("--control"),  dataDir + QStringLiteral("/fedgated.sock"),
                QStringLiteral("--log-file"), dataDir + QStringLiteral("/fedgated.log")};
    }
    QStringList edgeArgs() const
    {
        return {QStringLiteral("--listen"),
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
                m_leaves.value("edge-paris").keyPath};
    }
    QStringList gatewayArgs(const QString &clientAddress) const
    {
        return {QStringLiteral("--gateway-cert"),  m_leaves.value("fe-paris").certificatePath,
                QStringLiteral("--gateway-key"),   m_leaves.value("fe-paris").keyPath,
                QStringLiteral("--client-listen"), clientAddress + QStringLiteral(":5222")};
    }
    bool start(PeerProcess *process, const QString &dataDir, const QStringList &args)
    {
        qputenv("FEDGATE_DATA_DIR", dataDir.toUtf8());
        return process->start(executable(QStringLiteral("fedgated")), args + commonArgs(dataDir));
    }

    // Runs link_e2e_chat.py; its JSON line.
    QJsonObject clients(const QStringList &args, int *rc, QString *output)
    {
        *rc = runCommand(
            QStringLiteral("/usr/bin/python3"),
            QStringList{sourceDir() + QStringLiteral("/tests/engine/link/link_e2e_chat.py")} + args,
            output, {}, 120000);
        QJsonObject seen;
        for (const QString &line : output->split(QLatin1Char('\n')))
            if (line.startsWith(QLatin1Char('{')))
                seen = QJsonDocument::fromJson(line.toUtf8()).object();
        return seen;
    }

    void chat(const QString &aliceServer, const QString &dataDir)
    {
        int rc = -1;
        QString output;
        const QJsonObject seen = clients(
            {QStringLiteral("chat"), m_ca.certificatePath(), QStringLiteral("alice@contoso.test"),
             kPassword, aliceServer, QStringLiteral("5222"), QStringLiteral("bob@fabrikam.test"),
             QStringLiteral("bob-secret"), kProsody, QStringLiteral("5222")},
            &rc, &output);
        QVERIFY2(rc == 0, qPrintable(output + diagnostics(dataDir)));
        QCOMPARE(seen.value(QStringLiteral("b_got")).toString(),
                 QStringLiteral("hello from contoso"));
        QCOMPARE(seen.value(QStringLiteral("a_got")).toString(),
                 QStringLiteral("hello from fabrikam"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        makeWorldReadableDir(m_dir.path());
        QString error;
        QVERIFY2(m_partner.start(m_dir.path(), {kProsody, kInternal, kExternal, kNobody},
                                 QStringLiteral("Fedgate E2E CA"), {QStringLiteral("bob")},
                                 QStringLiteral("bob-secret"), &error),
                 qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_gateway.stop();
        m_fedgated.stop();
        m_prosody.stop();
    }

    void chatBothWaysInAllMode()
    {
        const QString dataDir = prepareDataDir(QStringLiteral("all"), true);
        QVERIFY(!dataDir.isEmpty());
        QVERIFY(start(&m_fedgated, dataDir,
                      QStringList{QStringLiteral("--role"), QStringLiteral("all")} + edgeArgs() +
                          gatewayArgs(kInternal)));
        QVERIFY2(m_fedgated.waitForTcp(QHostAddress(kInternal), 5222, 15000),
                 qPrintable(m_fedgated.output()));
        chat(kInternal, dataDir);
        if (QTest::currentTestFailed())
            return;

        // The session table: the link (both ends) and s2s with Prosody.
        const CliResult sessions =
            runFedgatectl({QStringLiteral("sessions"), QStringLiteral("--json"),
                           QStringLiteral("--control"), dataDir + QStringLiteral("/fedgated.sock")},
                          dataDir);
        QSet<QString> kinds;
        for (const QJsonValue &v : sessions.json().toArray())
            kinds << v.toObject().value(QStringLiteral("kind")).toString();
        QVERIFY2(kinds.contains(QStringLiteral("link")) && kinds.contains(QStringLiteral("s2s")),
                 qPrintable(sessions.text()));
        m_fedgated.stop();
    }

    void splitRolesBounceWhileTheGatewayIsDown()
    {
        const QString edgeDir = prepareDataDir(QStringLiteral("edge"), false);
        const QString gatewayDir = prepareDataDir(QStringLiteral("gateway"), true);
        QVERIFY(!edgeDir.isEmpty() && !gatewayDir.isEmpty());
        QVERIFY(start(&m_fedgated, edgeDir,
                      QStringList{QStringLiteral("--role"), QStringLiteral("edge")} + edgeArgs()));
        QVERIFY2(m_fedgated.waitForTcp(QHostAddress(kInternal), 23456, 15000),
                 qPrintable(m_fedgated.output()));
        const QStringList gateway =
            QStringList{QStringLiteral("--role"), QStringLiteral("gateway")} +
            gatewayArgs(kSplitClients);
        QVERIFY(start(&m_gateway, gatewayDir, gateway));
        QVERIFY2(m_gateway.waitForTcp(QHostAddress(kSplitClients), 5222, 15000),
                 qPrintable(m_gateway.output()));
        chat(kSplitClients, edgeDir);
        if (QTest::currentTestFailed())
            return;

        // The gateway dies: bob's message comes back at once.
        ::kill(pid_t(m_gateway.pid()), SIGKILL);
        m_gateway.stop();
        int rc = -1;
        QString output;
        const QJsonObject bounced =
            clients({QStringLiteral("bounce"), m_ca.certificatePath(),
                     QStringLiteral("bob@fabrikam.test"), QStringLiteral("bob-secret"), kProsody,
                     QStringLiteral("5222"), QStringLiteral("alice@contoso.test")},
                    &rc, &output);
        QVERIFY2(rc == 0, qPrintable(output + diagnostics(edgeDir)));
        QCOMPARE(bounced.value(QStringLiteral("condition")).toString(),
                 QStringLiteral("service-unavailable"));

        // A new gateway restores delivery.
        QVERIFY(start(&m_gateway, gatewayDir, gateway));
        QVERIFY2(m_gateway.waitForTcp(QHostAddress(kSplitClients), 5222, 15000),
                 qPrintable(m_gateway.output()));
        chat(kSplitClients, edgeDir);
    }
};

QTEST_GUILESS_MAIN(TestLinkProsody)
#include "tst_linkprosody.moc"
