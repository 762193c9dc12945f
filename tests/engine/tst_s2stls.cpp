// TLS on the inbound side against an in-process engine: STARTTLS then SASL
// EXTERNAL (XEP-0178) with a CA-signed certificate, a self-signed and an
// expired certificate refused, and the direct TLS port (XEP-0368). The session table
// records TLS version, cipher, certificate status and method.
#include "EngineSockets.h"
#include "RawXmppPeers.h"
#include "TestSessionLoops.h"
#include "engine/Engine.h"
#include "support/PeerProcess.h"
#include "support/TestCa.h"
#include "support/TestPaths.h"
#include "topology/TopologyDocument.h"

#include <openssl/asn1.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

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

struct X509Free
{
    void operator()(X509 *x) const { X509_free(x); }
};
struct PkeyFree
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct BioFree
{
    void operator()(BIO *b) const { BIO_free(b); }
};
struct TimeFree
{
    void operator()(ASN1_TIME *t) const { ASN1_TIME_free(t); }
};

// The openssl CLI of Debian 12 (3.0) cannot issue a certificate whose
// validity lies in the past, so the test re-signs a CA-issued leaf with the
// CA key after moving its validity to 40..10 days ago: same names, same CA,
// only expired.
bool expire(const QString &leafPath, const QString &caKeyPath, QString *error)
{
    auto readPem = [](const QString &path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    const QByteArray leafPem = readPem(leafPath);
    const QByteArray keyPem = readPem(caKeyPath);
    std::unique_ptr<BIO, BioFree> leafBio(
        BIO_new_mem_buf(leafPem.constData(), int(leafPem.size())));
    std::unique_ptr<BIO, BioFree> keyBio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())));
    std::unique_ptr<X509, X509Free> leaf(
        PEM_read_bio_X509(leafBio.get(), nullptr, nullptr, nullptr));
    std::unique_ptr<EVP_PKEY, PkeyFree> caKey(
        PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
    if (!leaf || !caKey) {
        *error = QStringLiteral("cannot read %1 or %2").arg(leafPath, caKeyPath);
        return false;
    }
    std::unique_ptr<ASN1_TIME, TimeFree> notBefore(X509_time_adj_ex(nullptr, -40, 0, nullptr));
    std::unique_ptr<ASN1_TIME, TimeFree> notAfter(X509_time_adj_ex(nullptr, -10, 0, nullptr));
    if (!notBefore || !notAfter || X509_set1_notBefore(leaf.get(), notBefore.get()) != 1 ||
        X509_set1_notAfter(leaf.get(), notAfter.get()) != 1 ||
        X509_sign(leaf.get(), caKey.get(), EVP_sha256()) == 0) {
        *error = QStringLiteral("cannot re-sign %1 with past dates").arg(leafPath);
        return false;
    }
    std::unique_ptr<BIO, BioFree> out(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_X509(out.get(), leaf.get()) != 1) {
        *error = QStringLiteral("cannot encode the expired certificate");
        return false;
    }
    char *data = nullptr;
    const long length = BIO_get_mem_data(out.get(), &data);
    QFile file(leafPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(data, length) != length) {
        *error = QStringLiteral("cannot write %1").arg(leafPath);
        return false;
    }
    return true;
}

struct TlsPeer : test::RawPeer
{
    void useCertificate(const TestCa::Leaf &leaf)
    {
        socket.setLocalCertificate(QSslCertificate::fromPath(leaf.certificatePath).value(0));
        QFile keyFile(leaf.keyPath);
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        socket.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
        socket.setPeerVerifyMode(QSslSocket::VerifyNone);
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
        config.sessionLoops = test::testSessionLoops();
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
        // TCP_NODELAY, set at accept, is still on after STARTTLS.
        const ByteStream *engineSide = test::engineSocketTo(*m_engine, peer.socket.localPort());
        QVERIFY(engineSide && engineSide->isEncrypted());
        QVERIFY(test::hasTcpNoDelay(*engineSide));
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

    // A CA-signed certificate naming the partner, but expired: the session
    // table says "expired" once TLS is up, and SASL EXTERNAL is refused
    // naming that status.
    void expiredCertificateIsRefused()
    {
        QString error;
        auto expired = m_ca.issue(QStringLiteral("expired"), kPartner, {kPartner}, {}, &error);
        QVERIFY2(expired, qPrintable(error));
        QVERIFY2(
            expire(expired->certificatePath, m_ca.directory() + QStringLiteral("/ca.key"), &error),
            qPrintable(error));
        QVERIFY(QSslCertificate::fromPath(expired->certificatePath)
                    .value(0)
                    .expiryDate()
                    .daysTo(QDateTime::currentDateTimeUtc()) >= 9);
        TlsPeer peer;
        peer.useCertificate(*expired);
        peer.socket.connectToHost(kEngineAddress, m_port);
        QVERIFY(peer.socket.waitForConnected(3000));
        peer.send(header());
        QVERIFY(peer.waitFor("</stream:features>"));
        peer.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        QVERIFY(peer.waitFor("<proceed"));
        peer.received.clear();
        peer.socket.startClientEncryption();
        QTRY_VERIFY_WITH_TIMEOUT(peer.socket.isEncrypted(), 5000);
        auto expiredRow = [this] {
            for (const SessionInfo &s : m_engine->sessions())
                if (s.direction == SessionDirection::Inbound && !s.tlsVersion.isEmpty() &&
                    s.certificate == CertificateStatus::Expired)
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(expiredRow(), 5000);
        peer.send(header());
        QVERIFY2(peer.waitFor("<not-authorized xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"),
                 peer.received.constData());
        QVERIFY2(peer.received.contains("status: expired"), peer.received.constData());
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
        const ByteStream *engineSide = test::engineSocketTo(*m_engine, peer.socket.localPort());
        QVERIFY(engineSide && engineSide->isEncrypted());
        QVERIFY(test::hasTcpNoDelay(*engineSide));
    }
};

QTEST_GUILESS_MAIN(TestS2STls)
#include "tst_s2stls.moc"
