// TLS on the inbound side against an in-process engine: STARTTLS then SASL
// EXTERNAL (XEP-0178) with a CA-signed certificate, a self-signed
// certificate refused, and the direct TLS port (XEP-0368). The session table
// records TLS version, cipher, certificate status and method.
#include "engine/Engine.h"
#include "support/PeerProcess.h"
#include "support/TestCa.h"
#include "support/TestPaths.h"
#include "topology/TopologyDocument.h"

#include <QDeadlineTimer>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace fedgate;
using namespace fedgate::engine;
using fedgate::test::TestCa;

namespace {
const QString kOurDomain = QStringLiteral("contoso.test");
const QString kPartner = QStringLiteral("partner.test");
const QHostAddress kEngineAddress(QStringLiteral("127.0.0.13"));

QByteArray header()
{
    return "<?xml version='1.0'?><stream:stream xmlns='jabber:server' "
           "xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback' "
           "version='1.0' from='partner.test' to='contoso.test'>";
}

struct TlsPeer
{
    QSslSocket socket;
    QByteArray received;

    void useCertificate(const TestCa::Leaf &leaf)
    {
        socket.setLocalCertificate(QSslCertificate::fromPath(leaf.certificatePath).value(0));
        QFile keyFile(leaf.keyPath);
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        socket.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
        socket.setPeerVerifyMode(QSslSocket::VerifyNone);
    }
    void send(const QByteArray &data)
    {
        socket.write(data);
        socket.flush();
    }
    bool waitFor(const QByteArray &needle, int timeoutMs = 5000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            received += socket.readAll();
            if (received.contains(needle))
                return true;
            if (socket.state() == QAbstractSocket::UnconnectedState)
                return false;
            QTest::qWait(10);
        }
        return false;
    }
};
} // namespace

class TestS2STls : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    TestCa m_ca;
    std::optional<TestCa::Leaf> m_ours;
    std::optional<TestCa::Leaf> m_partner;
    std::optional<TestCa::Leaf> m_selfSigned;
    std::unique_ptr<Engine> m_engine;
    quint16 m_port = 0;
    quint16 m_directPort = 0;

    const SessionInfo *inboundSession(QList<SessionInfo> &rows)
    {
        rows = m_engine->sessions();
        for (const SessionInfo &s : rows)
            if (s.direction == SessionDirection::Inbound && s.auth != AuthStatus::None)
                return &s;
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        qputenv("FEDGATE_DATA_DIR", m_dir.filePath(QStringLiteral("data")).toUtf8());
        QString error;
        QVERIFY2(m_ca.create(m_dir.path(), QStringLiteral("Test CA"), &error), qPrintable(error));
        m_ours = m_ca.issue(QStringLiteral("ours"), kOurDomain, {kOurDomain}, {}, &error);
        QVERIFY2(m_ours, qPrintable(error));
        // The partner's identity as an SRV-ID only: XEP-0178's preferred form.
        m_partner = m_ca.issue(QStringLiteral("partner"), QStringLiteral("cn-ignored.test"), {},
                               {QStringLiteral("otherName:1.3.6.1.5.5.7.8.7;IA5STRING:_xmpp-server."
                                               "partner.test")},
                               &error);
        QVERIFY2(m_partner, qPrintable(error));
        m_selfSigned =
            TestCa::selfSigned(m_dir.path(), QStringLiteral("self"), kPartner, {kPartner}, &error);
        QVERIFY2(m_selfSigned, qPrintable(error));

        auto topology = topology::TopologyDocument::readFile(test::exampleTopologyPath());
        QVERIFY(topology);
        topology::XmppPartner partner;
        partner.domain = kPartner;
        partner.tls = topology::Negotiation::Required;
        partner.sasl = topology::Negotiation::Required;
        partner.dialback = false;
        topology.value().partners = {partner};
        topology.value().gateway.dialbackSecret = QStringLiteral("tls-test-secret");
        m_port = test::freeTcpPort(kEngineAddress);
        m_directPort = test::freeTcpPort(kEngineAddress);
        for (topology::Site &site : topology.value().sites)
            for (topology::EdgePool &pool : site.edgePools) {
                pool.directTls = true;
                pool.directTlsPort = m_directPort;
            }
        EngineConfig config;
        config.listenAddress = kEngineAddress;
        config.listenPort = m_port;
        config.certificatePath = m_ours->certificatePath;
        config.keyPath = m_ours->keyPath;
        config.caPath = m_ca.certificatePath();
        m_engine = std::make_unique<Engine>(config);
        const Status started = m_engine->start(topology.value());
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    }

    void cleanupTestCase() { m_engine.reset(); }

    void startTlsThenSaslExternal()
    {
        TlsPeer peer;
        peer.useCertificate(*m_partner);
        peer.socket.connectToHost(kEngineAddress, m_port);
        QVERIFY(peer.socket.waitForConnected(3000));
        peer.send(header());
        QVERIFY(peer.waitFor("</stream:features>"));
        // TLS Required for this partner: STARTTLS is offered as required, and
        // neither SASL nor dialback before it.
        QVERIFY(peer.received.contains("<required/></starttls>"));
        QVERIFY(!peer.received.contains("mechanisms"));
        QVERIFY(!peer.received.contains("urn:xmpp:features:dialback"));
        peer.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        QVERIFY(peer.waitFor("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>"));
        peer.received.clear();
        peer.socket.startClientEncryption();
        QTRY_VERIFY_WITH_TIMEOUT(peer.socket.isEncrypted(), 5000);
        peer.send(header());
        QVERIFY(peer.waitFor("</stream:features>"));
        QVERIFY2(peer.received.contains("<mechanism>EXTERNAL</mechanism>"),
                 peer.received.constData());
        peer.received.clear();
        peer.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='EXTERNAL'>" +
                  kPartner.toUtf8().toBase64() + "</auth>");
        QVERIFY(peer.waitFor("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>"));
        peer.received.clear();
        peer.send(header());
        QVERIFY(peer.waitFor("<stream:features/>"));
        QList<SessionInfo> rows;
        const SessionInfo *s = inboundSession(rows);
        QVERIFY(s);
        QCOMPARE(int(s->auth), int(AuthStatus::SaslExternal));
        QCOMPARE(toString(s->certificate), QStringLiteral("valid"));
        QVERIFY(s->tlsVersion.startsWith(QStringLiteral("TLSv1.")));
        QVERIFY(!s->tlsCipher.isEmpty());
        QCOMPARE(s->remoteDomain, kPartner);
    }

    void selfSignedCertificateIsRefused()
    {
        TlsPeer peer;
        peer.useCertificate(*m_selfSigned);
        peer.socket.connectToHost(kEngineAddress, m_port);
        QVERIFY(peer.socket.waitForConnected(3000));
        peer.send(header());
        QVERIFY(peer.waitFor("</stream:features>"));
        peer.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        QVERIFY(peer.waitFor("<proceed"));
        peer.received.clear();
        peer.socket.startClientEncryption();
        QTRY_VERIFY_WITH_TIMEOUT(peer.socket.isEncrypted(), 5000);
        peer.send(header());
        // SASL needs a valid certificate and dialback is off for this partner.
        QVERIFY2(peer.waitFor("<not-authorized xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"),
                 peer.received.constData());
        QVERIFY(peer.received.contains("self-signed"));
    }

    void plainStanzaWithoutTlsIsRefused()
    {
        TlsPeer peer;
        peer.socket.connectToHost(kEngineAddress, m_port);
        QVERIFY(peer.socket.waitForConnected(3000));
        peer.send(header());
        QVERIFY(peer.waitFor("</stream:features>"));
        peer.send("<db:result from='partner.test' to='contoso.test'>abc</db:result>");
        QVERIFY2(peer.waitFor("<policy-violation xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"),
                 peer.received.constData());
    }

    void directTlsPort()
    {
        TlsPeer peer;
        peer.useCertificate(*m_partner);
        peer.socket.connectToHostEncrypted(kEngineAddress.toString(), m_directPort, kOurDomain);
        // The engine runs in this thread: wait without blocking its loop.
        QTRY_VERIFY_WITH_TIMEOUT(peer.socket.isEncrypted(), 5000);
        peer.send(header());
        QVERIFY(peer.waitFor("</stream:features>"));
        QVERIFY(!peer.received.contains("starttls"));
        QVERIFY(peer.received.contains("<mechanism>EXTERNAL</mechanism>"));
        // Our certificate names our domain.
        QVERIFY(peer.socket.peerCertificate()
                    .subjectAlternativeNames()
                    .values(QSsl::DnsEntry)
                    .contains(kOurDomain));
    }
};

QTEST_GUILESS_MAIN(TestS2STls)
#include "tst_s2stls.moc"
