// XEP-0288 bidirectional server-to-server streams against a real Prosody
// 0.12 with mod_s2s_bidi: whichever side opens the connection first, a ping
// goes each way (fedgatectl ping from our side, a Prosody client's ping and
// disco#info to our domain from the other) and the kernel's socket table
// shows ONE connection between the two servers. Without mod_s2s_bidi the
// same exchange still works, over two connections. SASL EXTERNAL with
// certificates from a test CA (Federated partner, TLS and SASL required).
// Prosody runs on 127.0.0.54 as fabrikam.test, fedgated on 127.0.0.55 as
// contoso.test.
#include "support/PeerProcess.h"
#include "support/ProsodyServer.h"
#include "support/TestCa.h"
#include "support/TestPaths.h"

#include "deploy/SocketTable.h"
#include "topology/TopologyDocument.h"

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
const QString kProsodyDomain = QStringLiteral("fabrikam.test");
const QHostAddress kProsodyAddress(QStringLiteral("127.0.0.54"));
const QHostAddress kOurAddress(QStringLiteral("127.0.0.55"));
} // namespace

class TestBidiProsody : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestCa m_ca;
    QHash<QString, TestCa::Leaf> m_leaves;
    ProsodyServer m_prosody;
    PeerProcess m_fedgated;
    QString m_logPath;
    QString m_controlPath;
    int m_run = 0;

    void bringUp(bool bidi)
    {
        tearDown();
        ++m_run;
        const QString topologyPath = m_dir.filePath(QStringLiteral("topology-%1.json").arg(m_run));
        m_logPath = m_dir.filePath(QStringLiteral("fedgated-%1.log").arg(m_run));
        m_controlPath = m_dir.filePath(QStringLiteral("fedgated-%1.sock").arg(m_run));
        auto topology = topology::TopologyDocument::readFile(exampleTopologyPath());
        QVERIFY(topology);
        topology::XmppPartner partner;
        partner.domain = kProsodyDomain;
        partner.type = topology::PartnerType::Federated;
        partner.tls = topology::Negotiation::Required;
        partner.sasl = topology::Negotiation::Required;
        partner.dialback = false;
        topology.value().partners = {partner};
        QVERIFY(topology::TopologyDocument::writeFile(topology.value(), topologyPath));

        ProsodyServer::Options options;
        options.domain = kProsodyDomain;
        options.address = kProsodyAddress;
        options.certificatePath = m_leaves.value(QStringLiteral("fabrikam")).certificatePath;
        options.keyPath = m_leaves.value(QStringLiteral("fabrikam")).keyPath;
        options.caPath = m_ca.certificatePath();
        options.secureAuth = true;
        options.requireEncryption = true;
        options.bidi = bidi;
        options.hosts.insert(kOurDomain, kOurAddress.toString());
        QString error;
        QVERIFY2(m_prosody.start(options, &error), qPrintable(error));
        QVERIFY2(m_prosody.registerUser(QStringLiteral("alice"), QStringLiteral("secret"), &error),
                 qPrintable(error));
        const QStringList args{QStringLiteral("--topology"),
                               topologyPath,
                               QStringLiteral("--listen"),
                               kOurAddress.toString() + QStringLiteral(":5269"),
                               QStringLiteral("--cert"),
                               m_leaves.value(QStringLiteral("contoso")).certificatePath,
                               QStringLiteral("--key"),
                               m_leaves.value(QStringLiteral("contoso")).keyPath,
                               QStringLiteral("--ca"),
                               m_ca.certificatePath(),
                               QStringLiteral("--host"),
                               kProsodyDomain + QLatin1Char('=') + kProsodyAddress.toString(),
                               QStringLiteral("--control"),
                               m_controlPath,
                               QStringLiteral("--log-file"),
                               m_logPath};
        QVERIFY(m_fedgated.start(executable(QStringLiteral("fedgated")), args));
        QVERIFY2(m_fedgated.waitForTcp(kOurAddress, 5269, 10000), qPrintable(m_fedgated.output()));
    }

    void tearDown()
    {
        m_fedgated.stop();
        m_prosody.stop();
    }

    QString diagnostics() const
    {
        QFile f(m_logPath);
        const QString log =
            f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
        return QStringLiteral("--- fedgated log ---\n%1\n--- prosody debug log (tail) ---\n%2")
            .arg(log, m_prosody.debugLog().right(6000));
    }

    // fedgated -> Prosody: the partner self-test (an XMPP ping and disco#info).
    void pingFromUs()
    {
        QString output;
        const int rc = runCommand(
            executable(QStringLiteral("fedgatectl")),
            {QStringLiteral("ping"), kProsodyDomain, QStringLiteral("--control"), m_controlPath},
            &output, {}, 40000);
        QVERIFY2(rc == 0 && output.contains(QStringLiteral("reply: pong")),
                 qPrintable(output + diagnostics()));
    }

    // Prosody -> fedgated: a client of Prosody pings our domain.
    void pingFromProsody()
    {
        QString output;
        const int rc =
            runCommand(QStringLiteral("/usr/bin/python3"),
                       {sourceDir() + QStringLiteral("/tests/engine/xmpp_client_ping.py"),
                        QStringLiteral("alice@") + kProsodyDomain, QStringLiteral("secret"),
                        kProsodyAddress.toString(), QStringLiteral("5222"), m_ca.certificatePath(),
                        kOurDomain},
                       &output, {}, 90000);
        QVERIFY2(rc == 0 && output.contains(QStringLiteral("\"ping\": \"ok\"")),
                 qPrintable(output + diagnostics()));
    }

    // TCP connections between the two servers, as the kernel lists them:
    // fedgated's established sockets (it has no other TCP peer here; the
    // connections it opens leave from the system's choice of address).
    int connectionsBetween()
    {
        const auto sockets = deploy::SocketTable::read();
        if (!sockets)
            return -1;
        int count = 0;
        for (const deploy::SocketEntry &s : sockets.value())
            count += s.state == deploy::TcpState::Established && s.pid == m_fedgated.pid() &&
                     (s.remoteAddress == kProsodyAddress || s.localAddress == kOurAddress);
        return count;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        makeWorldReadableDir(m_dir.path());
        qputenv("FEDGATE_DATA_DIR", m_dir.filePath(QStringLiteral("data")).toUtf8());
        QString error;
        QVERIFY2(m_ca.create(m_dir.path(), QStringLiteral("Bidi Test CA"), &error),
                 qPrintable(error));
        for (const auto &[name, domain] : {std::pair{QStringLiteral("contoso"), kOurDomain},
                                           std::pair{QStringLiteral("fabrikam"), kProsodyDomain}}) {
            auto leaf = m_ca.issue(name, domain, {domain}, {}, &error);
            QVERIFY2(leaf, qPrintable(error));
            m_leaves.insert(name, *leaf);
        }
    }

    void cleanup() { tearDown(); }

    void oneConnectionWithBidi_data()
    {
        QTest::addColumn<bool>("weStart");
        QTest::newRow("fedgated opens the connection") << true;
        QTest::newRow("Prosody opens the connection") << false;
    }
    void oneConnectionWithBidi()
    {
        QFETCH(bool, weStart);
        bringUp(true);
        if (QTest::currentTestFailed())
            return;
        if (weStart) {
            pingFromUs();
            pingFromProsody();
        } else {
            pingFromProsody();
            pingFromUs();
        }
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(connectionsBetween(), 1);
        QVERIFY2(
            diagnostics().contains(QStringLiteral("bidirectional stream requested (XEP-0288)")),
            qPrintable(diagnostics()));
        // And again, on the same connection.
        pingFromUs();
        pingFromProsody();
        QCOMPARE(connectionsBetween(), 1);
    }

    void twoConnectionsWithoutBidi()
    {
        bringUp(false);
        if (QTest::currentTestFailed())
            return;
        pingFromUs();
        pingFromProsody();
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(connectionsBetween(), 2);
        QVERIFY(!diagnostics().contains(QStringLiteral("XEP-0288")));
    }
};

QTEST_GUILESS_MAIN(TestBidiProsody)
#include "tst_bidiprosody.moc"
