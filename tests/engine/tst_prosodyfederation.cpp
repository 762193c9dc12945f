// Federation against a real Prosody 0.12, both directions, for the three
// partner set-ups the product supports, plus the refusals, a partner that
// goes away while stanzas are queued, a topology reload (SIGHUP), and
// outbound direct TLS (XEP-0368) found through DNS.
// Prosody runs on 127.0.0.2 as fabrikam.test, fedgated on 127.0.0.10 as
// contoso.test; certificates come from a CA the test makes.
#include "support/DnsmasqServer.h"
#include "support/PeerProcess.h"
#include "support/ProsodyServer.h"
#include "support/TestCa.h"
#include "support/TestPaths.h"
#include "topology/TopologyDocument.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace fedgate;
using namespace fedgate::test;
using topology::Negotiation;

namespace {
const QString kOurDomain = QStringLiteral("contoso.test");
const QString kProsodyDomain = QStringLiteral("fabrikam.test");
const QHostAddress kProsodyAddress(QStringLiteral("127.0.0.2"));
const QHostAddress kOurAddress(QStringLiteral("127.0.0.10"));
// The dnsmasq of the direct TLS test (fedgated --dns-server).
const QHostAddress kDnsAddress(QStringLiteral("127.0.0.97"));

struct PartnerSetup
{
    Negotiation tls = Negotiation::Required;
    Negotiation sasl = Negotiation::Required;
    bool dialback = false;
    QString partnerDomain = kProsodyDomain; // the partner our topology names
};

struct ProsodySetup
{
    bool tls = true;
    bool secureAuth = false;
    bool requireEncryption = false;
    QString certificate = QStringLiteral("fabrikam"); // leaf name from the test CA
    quint16 directTlsPort = 0;                        // s2s_direct_tls_ports; 0 = none
};
} // namespace

class TestProsodyFederation : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    TestCa m_ca;
    QHash<QString, TestCa::Leaf> m_leaves;
    ProsodyServer m_prosody;
    PeerProcess m_fedgated;
    QString m_logPath;
    QString m_topologyPath;
    QString m_controlPath;
    int m_run = 0;

    bool writeTopology(const PartnerSetup &setup)
    {
        auto topology = topology::TopologyDocument::readFile(exampleTopologyPath());
        if (!topology)
            return false;
        topology::XmppPartner partner;
        partner.domain = setup.partnerDomain;
        partner.type = topology::PartnerType::Federated;
        partner.tls = setup.tls;
        partner.sasl = setup.sasl;
        partner.dialback = setup.dialback;
        topology.value().partners = {partner};
        topology.value().gateway.dialbackSecret = QStringLiteral("5ec7e75ec7e75ec7e7");
        return topology::TopologyDocument::writeFile(topology.value(), m_topologyPath).ok();
    }

    // Prosody and fedgated, both up and listening.
    // `hostOverride`: fedgated finds Prosody through --host instead of DNS.
    void bringUp(const PartnerSetup &partner, const ProsodySetup &prosody,
                 const QStringList &extraArgs = {}, bool hostOverride = true)
    {
        tearDown();
        ++m_run;
        m_topologyPath = m_dir.filePath(QStringLiteral("topology-%1.json").arg(m_run));
        m_logPath = m_dir.filePath(QStringLiteral("fedgated-%1.log").arg(m_run));
        m_controlPath = m_dir.filePath(QStringLiteral("fedgated-%1.sock").arg(m_run));
        QVERIFY(writeTopology(partner));

        ProsodyServer::Options options;
        options.domain = kProsodyDomain;
        options.address = kProsodyAddress;
        if (prosody.tls) {
            options.certificatePath = m_leaves.value(prosody.certificate).certificatePath;
            options.keyPath = m_leaves.value(prosody.certificate).keyPath;
            options.caPath = m_ca.certificatePath();
        }
        options.secureAuth = prosody.secureAuth;
        options.requireEncryption = prosody.requireEncryption;
        options.s2sDirectTlsPort = prosody.directTlsPort;
        options.hosts.insert(kOurDomain, kOurAddress.toString());
        QString error;
        QVERIFY2(m_prosody.start(options, &error), qPrintable(error));
        QVERIFY2(m_prosody.registerUser(QStringLiteral("alice"), QStringLiteral("secret"), &error),
                 qPrintable(error));

        QStringList args{
            QStringLiteral("--topology"), m_topologyPath,
            QStringLiteral("--listen"),   kOurAddress.toString() + QStringLiteral(":5269"),
            QStringLiteral("--cert"),     m_leaves.value(QStringLiteral("contoso")).certificatePath,
            QStringLiteral("--key"),      m_leaves.value(QStringLiteral("contoso")).keyPath,
            QStringLiteral("--ca"),       m_ca.certificatePath(),
            QStringLiteral("--control"),  m_controlPath,
            QStringLiteral("--log-file"), m_logPath};
        if (hostOverride)
            args << QStringLiteral("--host")
                 << kProsodyDomain + QLatin1Char('=') + kProsodyAddress.toString();
        args += extraArgs;
        QVERIFY(m_fedgated.start(executable(QStringLiteral("fedgated")), args));
        QVERIFY2(m_fedgated.waitForTcp(kOurAddress, 5269, 10000), qPrintable(m_fedgated.output()));
    }

    void tearDown()
    {
        m_fedgated.stop();
        m_prosody.stop();
    }

    QString fedgatedLog() const
    {
        QFile f(m_logPath);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

    int fedgatectl(const QStringList &args, QString *output, int timeoutMs = 40000)
    {
        return runCommand(executable(QStringLiteral("fedgatectl")),
                          args + QStringList{QStringLiteral("--control"), m_controlPath}, output,
                          {}, timeoutMs);
    }

    // A client logged into Prosody pings our domain and asks disco#info.
    QJsonObject clientPing(int *exitCode)
    {
        QString output;
        *exitCode = runCommand(QStringLiteral("/usr/bin/python3"),
                               {sourceDir() + QStringLiteral("/tests/engine/xmpp_client_ping.py"),
                                QStringLiteral("alice@") + kProsodyDomain, QStringLiteral("secret"),
                                kProsodyAddress.toString(), QStringLiteral("5222"),
                                m_ca.certificatePath(), kOurDomain},
                               &output, {}, 90000);
        for (const QString &line : output.split(QLatin1Char('\n')))
            if (line.startsWith(QLatin1Char('{')))
                return QJsonDocument::fromJson(line.toUtf8()).object();
        return QJsonObject{{QStringLiteral("raw"), output}};
    }

    QJsonArray sessions()
    {
        QString output;
        if (fedgatectl({QStringLiteral("sessions"), QStringLiteral("--json")}, &output) != 0)
            return {};
        return QJsonDocument::fromJson(output.toUtf8()).array();
    }

    QString diagnostics() const
    {
        return QStringLiteral("--- fedgated log ---\n%1\n--- prosody debug log (tail) ---\n%2")
            .arg(fedgatedLog(), m_prosody.debugLog().right(6000));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        makeWorldReadableDir(m_dir.path());
        qputenv("FEDGATE_DATA_DIR", m_dir.filePath(QStringLiteral("data")).toUtf8());
        QString error;
        QVERIFY2(m_ca.create(m_dir.path(), QStringLiteral("Fedgate Test CA"), &error),
                 qPrintable(error));
        const QList<std::pair<QString, QString>> leaves{
            {QStringLiteral("contoso"), kOurDomain},
            {QStringLiteral("fabrikam"), kProsodyDomain},
            {QStringLiteral("other"), QStringLiteral("other.test")}};
        for (const auto &[name, domain] : leaves) {
            auto leaf = m_ca.issue(name, domain, {domain}, {}, &error);
            QVERIFY2(leaf, qPrintable(error));
            m_leaves.insert(name, *leaf);
        }
    }

    void cleanup() { tearDown(); }

    void federation_data()
    {
        QTest::addColumn<int>("tls");
        QTest::addColumn<int>("sasl");
        QTest::addColumn<bool>("dialback");
        QTest::addColumn<bool>("secureAuth");
        QTest::addColumn<bool>("requireEncryption");
        QTest::addColumn<QString>("expectedAuth");
        QTest::addColumn<bool>("expectTls");
        QTest::newRow("TLS Required + SASL Required: SASL EXTERNAL")
            << int(Negotiation::Required) << int(Negotiation::Required) << false << true << true
            << QStringLiteral("SASL EXTERNAL") << true;
        QTest::newRow("TLS Required + SASL NotSupported + dialback: dialback over TLS")
            << int(Negotiation::Required) << int(Negotiation::NotSupported) << true << false << true
            << QStringLiteral("dialback") << true;
        QTest::newRow("TLS NotSupported + SASL NotSupported + dialback: plain dialback")
            << int(Negotiation::NotSupported) << int(Negotiation::NotSupported) << true << false
            << false << QStringLiteral("dialback") << false;
    }

    void federation()
    {
        QFETCH(int, tls);
        QFETCH(int, sasl);
        QFETCH(bool, dialback);
        QFETCH(bool, secureAuth);
        QFETCH(bool, requireEncryption);
        QFETCH(QString, expectedAuth);
        QFETCH(bool, expectTls);
        PartnerSetup partner{Negotiation(tls), Negotiation(sasl), dialback};
        ProsodySetup prosody;
        prosody.secureAuth = secureAuth;
        prosody.requireEncryption = requireEncryption;
        bringUp(partner, prosody);
        if (QTest::currentTestFailed())
            return;

        // fedgated -> Prosody: the partner self-test, step by step.
        QString output;
        const int rc = fedgatectl({QStringLiteral("ping"), kProsodyDomain}, &output);
        QVERIFY2(rc == 0, qPrintable(output + diagnostics()));
        for (const char *step :
             {"dns:", "connect:", "tls:", "auth:", "reply: pong", "disco:", "round trip:"})
            QVERIFY2(output.contains(QLatin1String(step)), qPrintable(output));
        QVERIFY2(
            output.contains(expectTls ? QStringLiteral("TLSv1.") : QStringLiteral("plain TCP")),
            qPrintable(output));

        // Prosody -> fedgated: a client of Prosody pings our domain and asks disco#info.
        int clientRc = -1;
        const QJsonObject client = clientPing(&clientRc);
        QVERIFY2(clientRc == 0, qPrintable(QJsonDocument(client).toJson() + diagnostics()));
        QCOMPARE(client.value(QStringLiteral("ping")).toString(), QStringLiteral("ok"));
        QVERIFY(client.value(QStringLiteral("disco"))
                    .toArray()
                    .contains(QStringLiteral("urn:xmpp:ping")));

        // The session table shows both directions with the method used.
        const QJsonArray rows = sessions();
        bool in = false;
        bool out = false;
        for (const QJsonValue &v : rows) {
            const QJsonObject s = v.toObject();
            if (s.value(QStringLiteral("remoteDomain")).toString() != kProsodyDomain ||
                s.value(QStringLiteral("state")).toString() != QLatin1String("established"))
                continue;
            QCOMPARE(s.value(QStringLiteral("auth")).toString(), expectedAuth);
            QCOMPARE(s.value(QStringLiteral("tlsVersion")).toString().isEmpty(), !expectTls);
            if (expectTls)
                QCOMPARE(s.value(QStringLiteral("certificate")).toString(),
                         QStringLiteral("valid"));
            const QString dir = s.value(QStringLiteral("direction")).toString();
            in |= dir == QLatin1String("in") && s.value(QStringLiteral("stanzasIn")).toInt() > 0;
            out |= dir == QLatin1String("out") && s.value(QStringLiteral("stanzasOut")).toInt() > 0;
        }
        QVERIFY2(in && out, qPrintable(QJsonDocument(rows).toJson()));

        // The same table for people, and the service status.
        QString table;
        QCOMPARE(fedgatectl({QStringLiteral("sessions")}, &table), 0);
        QVERIFY2(table.contains(QStringLiteral("AUTH")) && table.contains(expectedAuth) &&
                     table.contains(kProsodyDomain),
                 qPrintable(table));
        QString status;
        QCOMPARE(fedgatectl({QStringLiteral("service"), QStringLiteral("status")}, &status), 0);
        QVERIFY2(status.contains(QStringLiteral("listening: 127.0.0.10:5269")), qPrintable(status));
    }

    // XEP-0368 outbound: DNS (a dnsmasq the test starts, fedgated
    // --dns-server) gives fabrikam.test only an _xmpps-server record, so
    // fedgated opens TLS at once on Prosody's s2s direct TLS port, with no
    // STARTTLS, then authenticates with SASL EXTERNAL.
    void outboundDirectTls()
    {
        const quint16 directPort = 5270;
        DnsmasqServer dns(kDnsAddress);
        dns.addSrv(QStringLiteral("_xmpps-server._tcp.") + kProsodyDomain,
                   QStringLiteral("xmpp.") + kProsodyDomain, directPort, 0, 0);
        dns.addHost(QStringLiteral("xmpp.") + kProsodyDomain, kProsodyAddress.toString());
        QString error;
        QVERIFY2(dns.start(&error), qPrintable(error));
        PartnerSetup partner{Negotiation::Required, Negotiation::Required, false};
        ProsodySetup prosody;
        prosody.secureAuth = true;
        prosody.requireEncryption = true;
        prosody.directTlsPort = directPort;
        bringUp(partner, prosody, {QStringLiteral("--dns-server"), kDnsAddress.toString()}, false);
        if (QTest::currentTestFailed())
            return;
        // Prosody's direct TLS port really speaks TLS first.
        QTcpSocket probe;
        probe.connectToHost(kProsodyAddress, directPort);
        QVERIFY2(probe.waitForConnected(5000), qPrintable(m_prosody.debugLog().right(3000)));
        probe.abort();

        QString output;
        const int rc = fedgatectl({QStringLiteral("ping"), kProsodyDomain}, &output);
        QVERIFY2(rc == 0, qPrintable(output + diagnostics()));
        QVERIFY2(output.contains(
                     QStringLiteral("_xmpps-server._tcp.fabrikam.test at 127.0.0.97: 1 record(s)")),
                 qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("xmpp.fabrikam.test:5270 (127.0.0.2 from DNS "
                                                "server 127.0.0.97) direct TLS")),
                 qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("TLSv1.")), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("reply: pong")), qPrintable(output));
        bool directOut = false;
        for (const QJsonValue &v : sessions()) {
            const QJsonObject s = v.toObject();
            directOut |=
                s.value(QStringLiteral("direction")).toString() == QLatin1String("out") &&
                s.value(QStringLiteral("remoteDomain")).toString() == kProsodyDomain &&
                s.value(QStringLiteral("remoteAddress")).toString() ==
                    QStringLiteral("127.0.0.2:5270") &&
                s.value(QStringLiteral("auth")).toString() == QLatin1String("SASL EXTERNAL") &&
                s.value(QStringLiteral("certificate")).toString() == QLatin1String("valid");
        }
        QVERIFY2(directOut, qPrintable(QJsonDocument(sessions()).toJson() + diagnostics()));
    }

    void nonPartnerRefusedBothWays()
    {
        PartnerSetup partner{Negotiation::NotSupported, Negotiation::NotSupported, true,
                             QStringLiteral("someone-else.test")};
        bringUp(partner, ProsodySetup{});
        if (QTest::currentTestFailed())
            return;
        QString output;
        QVERIFY(fedgatectl({QStringLiteral("ping"), kProsodyDomain}, &output) != 0);
        QVERIFY2(output.contains(QStringLiteral("not a federation partner")), qPrintable(output));
        int clientRc = 0;
        const QJsonObject client = clientPing(&clientRc);
        QVERIFY(clientRc != 0);
        QVERIFY(client.value(QStringLiteral("ping")).toString() != QLatin1String("ok"));
        QTRY_VERIFY_WITH_TIMEOUT(
            fedgatedLog().contains(QStringLiteral("'fabrikam.test' is not a federated partner")),
            5000);
    }

    void tlsRequiredButNotOffered()
    {
        PartnerSetup partner{Negotiation::Required, Negotiation::NotSupported, true};
        ProsodySetup prosody;
        prosody.tls = false;
        bringUp(partner, prosody);
        if (QTest::currentTestFailed())
            return;
        QString output;
        QVERIFY(fedgatectl({QStringLiteral("ping"), kProsodyDomain}, &output) != 0);
        QVERIFY2(output.contains(QStringLiteral("offers no TLS")), qPrintable(output));
        QVERIFY2(fedgatedLog().contains(QStringLiteral("policy-violation")),
                 qPrintable(fedgatedLog()));
        // And inbound: Prosody cannot authenticate without TLS either.
        int clientRc = 0;
        clientPing(&clientRc);
        QVERIFY(clientRc != 0);
    }

    void certificateForAnotherDomain()
    {
        PartnerSetup partner{Negotiation::Required, Negotiation::Required, false};
        ProsodySetup prosody;
        prosody.certificate = QStringLiteral("other");
        prosody.requireEncryption = true;
        bringUp(partner, prosody);
        if (QTest::currentTestFailed())
            return;
        QString output;
        QVERIFY(fedgatectl({QStringLiteral("ping"), kProsodyDomain}, &output) != 0);
        QVERIFY2(output.contains(QStringLiteral("server certificate mismatch")),
                 qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("not valid for 'fabrikam.test'")),
                 qPrintable(output));
        int clientRc = 0;
        clientPing(&clientRc);
        QVERIFY(clientRc != 0);
        QTRY_VERIFY_WITH_TIMEOUT(fedgatedLog().contains(QStringLiteral("refused: certificate")),
                                 5000);
    }

    void queuedWhilePartnerDown()
    {
        // Delivered: Prosody comes back within the retry budget.
        PartnerSetup partner{Negotiation::NotSupported, Negotiation::NotSupported, true};
        bringUp(partner, ProsodySetup{},
                {QStringLiteral("--retry-attempts"), QStringLiteral("4"),
                 QStringLiteral("--retry-delay"), QStringLiteral("1000")});
        if (QTest::currentTestFailed())
            return;
        m_prosody.stop();
        QProcess ping;
        ping.setProcessChannelMode(QProcess::MergedChannels);
        ping.start(executable(QStringLiteral("fedgatectl")),
                   {QStringLiteral("ping"), kProsodyDomain, QStringLiteral("--timeout"),
                    QStringLiteral("40"), QStringLiteral("--control"), m_controlPath});
        QVERIFY(ping.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(fedgatedLog().contains(QStringLiteral("retry 1 of 4")), 10000);
        QString error;
        QVERIFY2(m_prosody.restart(&error), qPrintable(error));
        QVERIFY(ping.waitForFinished(45000));
        const QString output = QString::fromUtf8(ping.readAll());
        QVERIFY2(ping.exitCode() == 0, qPrintable(output + diagnostics()));
        QVERIFY(output.contains(QStringLiteral("retry:")));
        QVERIFY(output.contains(QStringLiteral("reply: pong")));

        // Bounced: Prosody stays away longer than the budget.
        bringUp(partner, ProsodySetup{},
                {QStringLiteral("--retry-attempts"), QStringLiteral("1"),
                 QStringLiteral("--retry-delay"), QStringLiteral("300")});
        if (QTest::currentTestFailed())
            return;
        m_prosody.stop();
        QString bounced;
        QVERIFY(fedgatectl({QStringLiteral("ping"), kProsodyDomain, QStringLiteral("--timeout"),
                            QStringLiteral("20")},
                           &bounced) != 0);
        QVERIFY2(bounced.contains(QStringLiteral("remote-server-not-found")), qPrintable(bounced));
        QVERIFY(fedgatedLog().contains(QStringLiteral("bouncing 1 queued stanza")));
    }

    void reloadClosesForbiddenSessionsAndStopIsClean()
    {
        PartnerSetup partner{Negotiation::NotSupported, Negotiation::NotSupported, true};
        bringUp(partner, ProsodySetup{});
        if (QTest::currentTestFailed())
            return;
        QString output;
        QVERIFY2(fedgatectl({QStringLiteral("ping"), kProsodyDomain}, &output) == 0,
                 qPrintable(output + diagnostics()));
        QVERIFY(!sessions().isEmpty());
        // Republish without the partner and tell fedgated (SIGHUP).
        partner.partnerDomain = QStringLiteral("someone-else.test");
        QVERIFY(writeTopology(partner));
        QCOMPARE(::kill(pid_t(m_fedgated.pid()), SIGHUP), 0);
        QTRY_VERIFY_WITH_TIMEOUT(fedgatedLog().contains(QStringLiteral("topology reloaded")), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(sessions().isEmpty(), 8000);
        QVERIFY(fedgatectl({QStringLiteral("ping"), kProsodyDomain}, &output) != 0);
        QVERIFY(output.contains(QStringLiteral("not a federation partner")));
        // SIGTERM: a clean stop.
        m_fedgated.stop();
        QVERIFY2(fedgatedLog().contains(QStringLiteral("fedgated stopped")),
                 qPrintable(fedgatedLog()));
    }
};

QTEST_GUILESS_MAIN(TestProsodyFederation)
#include "tst_prosodyfederation.moc"
