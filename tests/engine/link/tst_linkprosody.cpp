// End to end through Fedgate's gateway and edge (fedgated --role all, the
// halves joined over the internal link) against a real Prosody on
// fabrikam.test, with slixmpp clients on both sides: alice@contoso.test on
// Fedgate's client listener and bob@fabrikam.test on Prosody chat both ways
// (issue 10's "Show" list, first item: chat). The gateway's link shows in
// `fedgatectl sessions` beside the s2s sessions and alice's client session.
// Prosody on 127.0.0.237; fedgated: internal link and clients on
// 127.0.0.238, federation on 127.0.0.239.
#include "LinkProcesses.h"
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

using namespace fedgate;
using namespace fedgate::test;

namespace {
const QString kOurDomain = QStringLiteral("contoso.test");
const QString kPartnerDomain = QStringLiteral("fabrikam.test");
const QString kProsody = QStringLiteral("127.0.0.237");
const QString kInternal = QStringLiteral("127.0.0.238"); // link 23456, clients 5222
const QString kExternal = QStringLiteral("127.0.0.239"); // federation 5269
const QString kNobody = QStringLiteral("127.0.0.236");   // Montreal's edge: down
const QString kPassword = QStringLiteral("alice-secret-1");

} // namespace

class TestLinkProsody : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    TestCa m_ca;
    QHash<QString, TestCa::Leaf> m_leaves;
    ProsodyServer m_prosody;
    PeerProcess m_fedgated;
    QString m_dataDir;

    QString log() const { return readTextFile(m_dataDir + QStringLiteral("/fedgated.log")); }
    QString diagnostics() const
    {
        return QStringLiteral("--- fedgated ---\n%1\n--- prosody (tail) ---\n%2")
            .arg(log(), m_prosody.debugLog().right(6000));
    }

    bool prepareDataDir()
    {
        auto topology = topology::TopologyDocument::readFile(exampleTopologyPath());
        if (!topology)
            return false;
        topology::EdgePool *paris =
            topology.value().edgePool(QStringLiteral("edge-paris.contoso.test"));
        paris->members.first().internalIPv4 = kInternal;
        paris->members.first().externalIPv4 = kExternal;
        paris->members.first().externalIPv6.clear();
        topology.value()
            .edgePool(QStringLiteral("edge-mtl.contoso.test"))
            ->members.first()
            .internalIPv4 = kNobody;
        topology::XmppPartner partner;
        partner.domain = kPartnerDomain;
        partner.type = topology::PartnerType::Federated;
        partner.tls = topology::Negotiation::Required;
        partner.sasl = topology::Negotiation::Required;
        partner.dialback = false;
        topology.value().partners = {partner};
        const QString passwordFile = m_dataDir + QStringLiteral("/alice.password");
        QFile pw(passwordFile);
        if (!installTopology(topology.value(), m_dataDir) || !pw.open(QIODevice::WriteOnly) ||
            pw.write(kPassword.toUtf8() + '\n') < 0)
            return false;
        pw.close();
        const CliResult result = runFedgatectl({QStringLiteral("user"), QStringLiteral("password"),
                                                QStringLiteral("alice@contoso.test"),
                                                QStringLiteral("--password-file"), passwordFile},
                                               m_dataDir);
        if (result.exitCode != 0)
            qWarning("fedgatectl user password: %s", qPrintable(result.text()));
        return result.exitCode == 0;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        makeWorldReadableDir(m_dir.path());
        m_dataDir = m_dir.filePath(QStringLiteral("data"));
        QDir().mkpath(m_dataDir);
        qputenv("FEDGATE_DATA_DIR", m_dataDir.toUtf8());
        QString error;
        QVERIFY2(m_ca.create(m_dir.path(), QStringLiteral("Fedgate E2E CA"), &error),
                 qPrintable(error));
        const QList<std::pair<QString, QStringList>> leaves{
            {QStringLiteral("contoso"), {kOurDomain}},
            {QStringLiteral("fabrikam"), {kPartnerDomain}},
            {QStringLiteral("edge-paris"), {QStringLiteral("edge-paris.contoso.test")}},
            {QStringLiteral("fe-paris"), {QStringLiteral("fe-paris.contoso.test"), kOurDomain}}};
        for (const auto &[name, names] : leaves) {
            auto leaf = m_ca.issue(name, names.first(), names, {}, &error);
            QVERIFY2(leaf, qPrintable(error));
            m_leaves.insert(name, *leaf);
        }
        QVERIFY(prepareDataDir());

        ProsodyServer::Options options;
        options.domain = kPartnerDomain;
        options.address = QHostAddress(kProsody);
        options.certificatePath = m_leaves.value("fabrikam").certificatePath;
        options.keyPath = m_leaves.value("fabrikam").keyPath;
        options.caPath = m_ca.certificatePath();
        options.hosts.insert(kOurDomain, kExternal);
        QVERIFY2(m_prosody.start(options, &error), qPrintable(error));
        QVERIFY2(
            m_prosody.registerUser(QStringLiteral("bob"), QStringLiteral("bob-secret"), &error),
            qPrintable(error));

        const QStringList args{QStringLiteral("--role"),
                               QStringLiteral("all"),
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
        QVERIFY(m_fedgated.start(executable(QStringLiteral("fedgated")), args));
        QVERIFY2(m_fedgated.waitForTcp(QHostAddress(kInternal), 5222, 15000),
                 qPrintable(m_fedgated.output()));
    }

    void cleanupTestCase()
    {
        m_fedgated.stop();
        m_prosody.stop();
    }

    void chatBothWays()
    {
        QString output;
        const int rc =
            runCommand(QStringLiteral("/usr/bin/python3"),
                       {sourceDir() + QStringLiteral("/tests/engine/link/link_e2e_chat.py"),
                        m_ca.certificatePath(), QStringLiteral("alice@contoso.test"), kPassword,
                        kInternal, QStringLiteral("5222"), QStringLiteral("bob@fabrikam.test"),
                        QStringLiteral("bob-secret"), kProsody, QStringLiteral("5222")},
                       &output, {}, 120000);
        QJsonObject seen;
        for (const QString &line : output.split(QLatin1Char('\n')))
            if (line.startsWith(QLatin1Char('{')))
                seen = QJsonDocument::fromJson(line.toUtf8()).object();
        QVERIFY2(rc == 0, qPrintable(output + diagnostics()));
        QCOMPARE(seen.value(QStringLiteral("b_got")).toString(),
                 QStringLiteral("hello from contoso"));
        QCOMPARE(seen.value(QStringLiteral("a_got")).toString(),
                 QStringLiteral("hello from fabrikam"));

        // The session table: the link (both ends), s2s with Prosody.
        const CliResult sessions = runFedgatectl(
            {QStringLiteral("sessions"), QStringLiteral("--json"), QStringLiteral("--control"),
             m_dataDir + QStringLiteral("/fedgated.sock")},
            m_dataDir);
        QSet<QString> kinds;
        for (const QJsonValue &v : sessions.json().toArray())
            kinds << v.toObject().value(QStringLiteral("kind")).toString();
        QVERIFY2(kinds.contains(QStringLiteral("link")) && kinds.contains(QStringLiteral("s2s")),
                 qPrintable(sessions.text()));
    }
};

QTEST_GUILESS_MAIN(TestLinkProsody)
#include "tst_linkprosody.moc"
