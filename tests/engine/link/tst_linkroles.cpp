// fedgated's roles as processes (issue 10 item 1): in `all` mode one process
// listens on 5269, 23456 and 5222 and its gateway half is joined to its edge
// half over TCP 23456, which the socket listing (ss) and `fedgatectl
// sessions` show; split, an edge and a gateway process on different
// loopback addresses with their own data directories and replicas join over
// the link, the link comes back after the gateway is killed and restarted,
// and the edge refuses, with the reason in its log, a gateway whose
// certificate names a pool the topology does not name as its next hop.
// Addresses 127.0.0.230-236.
#include "LinkProcesses.h"
#include "support/Fedgatectl.h"
#include "support/PeerProcess.h"
#include "support/TestCa.h"
#include "support/TestPaths.h"
#include "topology/TopologyDocument.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace fedgate;
using namespace fedgate::test;

namespace {
const QString kParisEdge = QStringLiteral("edge-paris.contoso.test");
const QString kParisFrontEnd = QStringLiteral("fe-paris.contoso.test");

struct Addresses
{
    QString internal; // the edge's link listener
    QString external; // the edge's 5269
    QString client;   // the gateway's 5222
};
const Addresses kAll{QStringLiteral("127.0.0.230"), QStringLiteral("127.0.0.231"),
                     QStringLiteral("127.0.0.232")};
const Addresses kSplit{QStringLiteral("127.0.0.233"), QStringLiteral("127.0.0.234"),
                       QStringLiteral("127.0.0.235")};
// Montreal's edge, where nothing listens (the gateway's second route).
const QString kNobody = QStringLiteral("127.0.0.236");

} // namespace

class TestLinkRoles : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    TestCa m_ca;
    QHash<QString, TestCa::Leaf> m_leaves;
    int m_run = 0;

    // A data directory holding a replica of the example topology with the
    // edge pools at `a`.
    QString prepareDataDir(const QString &name, const Addresses &a)
    {
        const QString dataDir = m_dir.filePath(name + QString::number(++m_run));
        QDir().mkpath(dataDir);
        auto topology = topology::TopologyDocument::readFile(exampleTopologyPath());
        if (!topology)
            return {};
        topology::EdgePool *paris = topology.value().edgePool(kParisEdge);
        paris->members.first().internalIPv4 = a.internal;
        paris->members.first().externalIPv4 = a.external;
        paris->members.first().externalIPv6.clear();
        topology::EdgePool *montreal =
            topology.value().edgePool(QStringLiteral("edge-mtl.contoso.test"));
        montreal->members.first().internalIPv4 = kNobody;
        return installTopology(topology.value(), dataDir) ? dataDir : QString();
    }

    QStringList edgeArgs(const Addresses &a) const
    {
        return {QStringLiteral("--listen"),
                a.external + QStringLiteral(":5269"),
                QStringLiteral("--cert"),
                m_leaves.value("contoso").certificatePath,
                QStringLiteral("--key"),
                m_leaves.value("contoso").keyPath,
                QStringLiteral("--ca"),
                m_ca.certificatePath(),
                QStringLiteral("--internal-cert"),
                m_leaves.value("edge-paris").certificatePath,
                QStringLiteral("--internal-key"),
                m_leaves.value("edge-paris").keyPath};
    }

    QStringList gatewayArgs(const Addresses &a, const QString &leaf) const
    {
        return {QStringLiteral("--gateway-cert"),  m_leaves.value(leaf).certificatePath,
                QStringLiteral("--gateway-key"),   m_leaves.value(leaf).keyPath,
                QStringLiteral("--client-listen"), a.client + QStringLiteral(":5222")};
    }

    // fedgated with FEDGATE_DATA_DIR = dataDir, its control socket and log
    // file inside it.
    bool start(PeerProcess *process, const QString &dataDir, const QStringList &args,
               bool testCa = true)
    {
        qputenv("FEDGATE_DATA_DIR", dataDir.toUtf8());
        QStringList all = args;
        if (testCa)
            all << QStringLiteral("--link-ca") << m_ca.certificatePath();
        all << QStringLiteral("--control") << dataDir + QStringLiteral("/fedgated.sock")
            << QStringLiteral("--log-file") << dataDir + QStringLiteral("/fedgated.log");
        return process->start(executable(QStringLiteral("fedgated")), all);
    }

    // The rows of `fedgatectl sessions --json` of the kind "link".
    QList<QJsonObject> linkSessions(const QString &dataDir)
    {
        const CliResult result =
            runFedgatectl({QStringLiteral("sessions"), QStringLiteral("--json"),
                           QStringLiteral("--control"), dataDir + QStringLiteral("/fedgated.sock")},
                          dataDir);
        QList<QJsonObject> rows;
        for (const QJsonValue &v : result.json().toArray())
            if (v.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("link"))
                rows << v.toObject();
        return rows;
    }

    static bool established(const QList<QJsonObject> &rows, const QString &direction)
    {
        for (const QJsonObject &row : rows)
            if (row.value(QStringLiteral("direction")).toString() == direction &&
                row.value(QStringLiteral("state")).toString() == QLatin1String("established"))
                return true;
        return false;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_ca.create(m_dir.path(), QStringLiteral("Roles Test CA"), &error),
                 qPrintable(error));
        const QList<std::tuple<QString, QString, QStringList>> leaves{
            {QStringLiteral("contoso"), QStringLiteral("contoso.test"), {}},
            {QStringLiteral("edge-paris"), kParisEdge, {}},
            {QStringLiteral("fe-paris"), kParisFrontEnd, {QStringLiteral("contoso.test")}},
            {QStringLiteral("fe-mtl"),
             QStringLiteral("fe-mtl.contoso.test"),
             {QStringLiteral("contoso.test")}}};
        for (const auto &[name, cn, more] : leaves) {
            auto leaf = m_ca.issue(name, cn, QStringList{cn} + more, {}, &error);
            QVERIFY2(leaf, qPrintable(error));
            m_leaves.insert(name, *leaf);
        }
    }

    void allModeListensAndJoinsOver23456()
    {
        const QString dataDir = prepareDataDir(QStringLiteral("all"), kAll);
        QVERIFY(!dataDir.isEmpty());
        PeerProcess fedgated;
        QVERIFY(start(&fedgated, dataDir,
                      edgeArgs(kAll) + gatewayArgs(kAll, QStringLiteral("fe-paris"))));
        QVERIFY2(fedgated.waitForTcp(QHostAddress(kAll.client), 5222, 15000),
                 qPrintable(fedgated.output()));
        QTRY_VERIFY_WITH_TIMEOUT(established(linkSessions(dataDir), QStringLiteral("in")) &&
                                     established(linkSessions(dataDir), QStringLiteral("out")),
                                 15000);

        const QString pid = QStringLiteral("pid=%1,").arg(fedgated.pid());
        QString listing;
        QCOMPARE(runCommand(QStringLiteral("ss"), {QStringLiteral("-tanp")}, &listing), 0);
        QStringList ours;
        for (const QString &line : listing.split(QLatin1Char('\n')))
            if (line.contains(pid))
                ours << line.simplified();
        const QString rows = ours.join(QLatin1Char('\n'));
        auto hasRow = [&ours](const QString &state, const QString &local, const QString &peer) {
            for (const QString &row : ours) {
                const QStringList cells = row.split(QLatin1Char(' '));
                if (cells.size() >= 5 && cells.at(0) == state &&
                    (local.isEmpty() || cells.at(3) == local) &&
                    (peer.isEmpty() || cells.at(4) == peer))
                    return true;
            }
            return false;
        };
        QVERIFY2(hasRow(QStringLiteral("LISTEN"), kAll.external + QStringLiteral(":5269"), {}),
                 qPrintable(rows));
        QVERIFY2(hasRow(QStringLiteral("LISTEN"), kAll.internal + QStringLiteral(":23456"), {}),
                 qPrintable(rows));
        QVERIFY2(hasRow(QStringLiteral("LISTEN"), kAll.client + QStringLiteral(":5222"), {}),
                 qPrintable(rows));
        // Both ends of the link belong to the one process.
        QVERIFY2(hasRow(QStringLiteral("ESTAB"), kAll.internal + QStringLiteral(":23456"), {}),
                 qPrintable(rows));
        QVERIFY2(hasRow(QStringLiteral("ESTAB"), {}, kAll.internal + QStringLiteral(":23456")),
                 qPrintable(rows));

        // fedgatectl sessions shows the link: address, TLS, certificate.
        for (const QJsonObject &row : linkSessions(dataDir)) {
            QCOMPARE(row.value(QStringLiteral("certificate")).toString(), QStringLiteral("valid"));
            QCOMPARE(row.value(QStringLiteral("auth")).toString(), QStringLiteral("mutual TLS"));
            QVERIFY(row.value(QStringLiteral("tlsVersion")).toString().startsWith("TLSv1."));
            QVERIFY(row.value(QStringLiteral("remoteAddress")).toString().startsWith("127.0.0."));
        }
        const CliResult table =
            runFedgatectl({QStringLiteral("sessions"), QStringLiteral("--control"),
                           dataDir + QStringLiteral("/fedgated.sock")},
                          dataDir);
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.text().contains(kParisFrontEnd) && table.text().contains(kParisEdge) &&
                     table.text().contains(QStringLiteral("mutual TLS")),
                 qPrintable(table.text()));
    }

    void splitRolesJoinAndRejoin()
    {
        const QString edgeDir = prepareDataDir(QStringLiteral("edge"), kSplit);
        const QString gatewayDir = prepareDataDir(QStringLiteral("gateway"), kSplit);
        QVERIFY(!edgeDir.isEmpty() && !gatewayDir.isEmpty());
        PeerProcess edge;
        QVERIFY(start(&edge, edgeDir, edgeArgs(kSplit) + QStringList{"--role", "edge"}));
        QVERIFY2(edge.waitForTcp(QHostAddress(kSplit.internal), 23456, 15000),
                 qPrintable(edge.output()));
        PeerProcess gateway;
        const QStringList args =
            gatewayArgs(kSplit, QStringLiteral("fe-paris")) + QStringList{"--role", "gateway"};
        QVERIFY(start(&gateway, gatewayDir, args));
        QVERIFY2(gateway.waitForTcp(QHostAddress(kSplit.client), 5222, 15000),
                 qPrintable(gateway.output()));
        QTRY_VERIFY_WITH_TIMEOUT(established(linkSessions(edgeDir), QStringLiteral("in")), 15000);
        QTRY_VERIFY(established(linkSessions(gatewayDir), QStringLiteral("out")));
        // The link leaves from the gateway's own address.
        QVERIFY(linkSessions(edgeDir)
                    .first()
                    .value(QStringLiteral("remoteAddress"))
                    .toString()
                    .startsWith(kSplit.client + QLatin1Char(':')));
        QVERIFY(!QFile::exists(edgeDir + QStringLiteral("/gateway.db")));

        // The gateway dies: the edge drops the link; a new gateway rejoins.
        ::kill(pid_t(gateway.pid()), SIGKILL);
        QTRY_VERIFY_WITH_TIMEOUT(linkSessions(edgeDir).isEmpty(), 15000);
        gateway.stop();
        QVERIFY(start(&gateway, gatewayDir, args));
        QTRY_VERIFY_WITH_TIMEOUT(established(linkSessions(edgeDir), QStringLiteral("in")), 15000);

        // A gateway presenting another pool's certificate is refused, and
        // the edge's log says why.
        gateway.stop();
        PeerProcess rogue;
        QVERIFY(
            start(&rogue, gatewayDir,
                  gatewayArgs(kSplit, QStringLiteral("fe-mtl")) +
                      QStringList{"--role", "gateway", "--front-end-pool", "fe-mtl.contoso.test"}));
        const QString reason =
            QStringLiteral("refused: the gateway certificate names DNS:fe-mtl.contoso.test, "
                           "DNS:contoso.test, CN:fe-mtl.contoso.test, not fe-paris.contoso.test");
        QTRY_VERIFY2_WITH_TIMEOUT(
            readTextFile(edgeDir + QStringLiteral("/fedgated.log")).contains(reason),
            qPrintable(readTextFile(edgeDir + QStringLiteral("/fedgated.log"))), 15000);
        QVERIFY(!established(linkSessions(edgeDir), QStringLiteral("in")));
    }

    // The deployment path: no certificate options, the internal CA and the
    // key store's Internal Edge and Gateway assignments (fedgatectl ca
    // create, cert request --immediate, cert assign).
    void allModeWithTheKeyStoreCertificates()
    {
        const QString dataDir = prepareDataDir(QStringLiteral("keystore"), kAll);
        QVERIFY(!dataDir.isEmpty());
        QCOMPARE(runFedgatectl({QStringLiteral("ca"), QStringLiteral("create")}, dataDir).exitCode,
                 0);
        for (const QString &usage : {QStringLiteral("internal"), QStringLiteral("gateway")}) {
            const CliResult requested = runFedgatectl(
                {QStringLiteral("cert"), QStringLiteral("request"), QStringLiteral("--usage"),
                 usage, QStringLiteral("--immediate"), QStringLiteral("--key-type"),
                 QStringLiteral("ec-p256"), QStringLiteral("--json")},
                dataDir);
            QVERIFY2(requested.exitCode == 0, qPrintable(requested.text()));
            const QString id = requested.object()
                                   .value(QStringLiteral("issued"))
                                   .toObject()
                                   .value(QStringLiteral("certificate"))
                                   .toObject()
                                   .value(QStringLiteral("id"))
                                   .toString();
            const CliResult assigned =
                runFedgatectl({QStringLiteral("cert"), QStringLiteral("assign"), id,
                               QStringLiteral("--usage"), usage},
                              dataDir);
            QVERIFY2(assigned.exitCode == 0, qPrintable(assigned.text()));
        }
        PeerProcess fedgated;
        QVERIFY(start(&fedgated, dataDir,
                      {QStringLiteral("--client-listen"), kAll.client + QStringLiteral(":5222")},
                      false));
        QVERIFY2(fedgated.waitForTcp(QHostAddress(kAll.client), 5222, 15000),
                 qPrintable(fedgated.output()));
        QTRY_VERIFY_WITH_TIMEOUT(established(linkSessions(dataDir), QStringLiteral("in")) &&
                                     established(linkSessions(dataDir), QStringLiteral("out")),
                                 15000);
        for (const QJsonObject &row : linkSessions(dataDir))
            QCOMPARE(row.value(QStringLiteral("certificate")).toString(), QStringLiteral("valid"));
    }
};

QTEST_GUILESS_MAIN(TestLinkRoles)
#include "tst_linkroles.moc"
