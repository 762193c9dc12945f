// The gateway's TLS identity from the key store: nothing assigned is an
// error with the commands that fix it; once a Gateway certificate is
// requested from the internal CA and assigned, gatewayTlsIdentity() gives the
// chain and key a QSslConfiguration takes, and a real TLS handshake on
// loopback succeeds for a client that trusts the internal CA and checks the
// XMPP domain (as a client on 5222 does) and the front-end pool FQDN (as the
// edge does on the link).
#include "certs/InternalCa.h"
#include "certs/KeyStore.h"
#include "engine/AssignedTlsIdentity.h"

#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace fedgate;
using namespace Qt::StringLiterals;

namespace {
const QHostAddress kAddress(u"127.0.0.205"_s);

topology::Topology gatewayTopology()
{
    topology::Topology t;
    t.organisation.name = u"Contoso"_s;
    t.organisation.defaultSipDomain = u"contoso.test"_s;
    t.organisation.xmppDomains = {u"contoso.test"_s};
    topology::Site site;
    site.name = u"Paris"_s;
    topology::FrontEndPool fe;
    fe.fqdn = u"fe.contoso.test"_s;
    fe.members = {u"fe1.contoso.test"_s};
    site.frontEndPools = {fe};
    t.sites = {site};
    t.normalise();
    return t;
}

// Serves one TLS connection with `identity`, from the gateway's side.
class OneShotTlsServer : public QTcpServer
{
public:
    explicit OneShotTlsServer(engine::TlsIdentity identity)
        : m_identity(std::move(identity))
    {}
    QSslSocket *socket = nullptr;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        socket = new QSslSocket(this);
        QSslConfiguration c = QSslConfiguration::defaultConfiguration();
        m_identity.applyTo(c);
        socket->setSslConfiguration(c);
        socket->setSocketDescriptor(descriptor);
        socket->startServerEncryption();
    }

private:
    engine::TlsIdentity m_identity;
};
} // namespace

class TstGatewayTlsIdentity : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void nothingAssigned();
    void handshakeWithAssignedCertificate_data();
    void handshakeWithAssignedCertificate();

private:
    QTemporaryDir m_dir;
    QString dataDir() const { return m_dir.filePath(u"data"_s); }
};

void TstGatewayTlsIdentity::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("FEDGATE_DATA_DIR", dataDir().toUtf8());
    qunsetenv("FEDGATE_KEYSTORE_PASSPHRASE");
}

void TstGatewayTlsIdentity::nothingAssigned()
{
    QTemporaryDir empty;
    Result<engine::TlsIdentity> identity = engine::gatewayTlsIdentity(empty.path());
    QVERIFY(!identity.ok());
    QVERIFY2(identity.error().message.contains(u"--usage gateway"_s),
             qPrintable(identity.error().message));
    auto none = engine::loadAssignedTlsIdentity(certs::CertificateUsage::Gateway, empty.path());
    QVERIFY(none.ok());
    QVERIFY(!none.value().has_value());
}

void TstGatewayTlsIdentity::handshakeWithAssignedCertificate_data()
{
    QTest::addColumn<QString>("peerName");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("XMPP domain (clients on 5222)") << u"contoso.test"_s << true;
    QTest::newRow("front-end pool (the edge on 23456)") << u"fe.contoso.test"_s << true;
    QTest::newRow("pool member") << u"fe1.contoso.test"_s << true;
    QTest::newRow("a name it does not carry") << u"edge.contoso.test"_s << false;
}

void TstGatewayTlsIdentity::handshakeWithAssignedCertificate()
{
    QFETCH(QString, peerName);
    QFETCH(bool, accepted);
    certs::KeyStore store(dataDir());
    if (!store.assignment(certs::CertificateUsage::Gateway).value()) {
        certs::CertificateRequest request;
        request.usage = certs::CertificateUsage::Gateway;
        request.mode = certs::RequestMode::Immediate;
        request.keyType = certs::KeyType::EcP256;
        auto outcome = store.createRequest(gatewayTopology(), request);
        QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().message));
        QVERIFY(
            store.assign(outcome.value().issued->certificate.id, certs::CertificateUsage::Gateway)
                .ok());
    }
    Result<engine::TlsIdentity> identity = engine::gatewayTlsIdentity(dataDir());
    QVERIFY2(identity.ok(), qPrintable(identity.ok() ? QString() : identity.error().message));
    QVERIFY(!identity.value().chain.isEmpty());
    QVERIFY(!identity.value().key.isNull());
    // The handshake below proves the key belongs to the certificate.

    OneShotTlsServer server(identity.value());
    QVERIFY(server.listen(kAddress, 0));
    QSslSocket client;
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    const certs::InternalCa ca(dataDir());
    c.setCaCertificates(QSslCertificate::fromPath(ca.certificatePath()));
    c.setPeerVerifyMode(QSslSocket::VerifyPeer);
    client.setSslConfiguration(c);
    QSignalSpy encrypted(&client, &QSslSocket::encrypted);
    QSignalSpy failed(&client, &QSslSocket::sslErrors);
    client.connectToHostEncrypted(kAddress.toString(), server.serverPort(), peerName);
    QTRY_VERIFY_WITH_TIMEOUT(!encrypted.isEmpty() || !failed.isEmpty() ||
                                 client.state() == QAbstractSocket::UnconnectedState,
                             20000);
    QCOMPARE(!encrypted.isEmpty(), accepted);
    if (!accepted) {
        bool mismatch = false;
        for (const QSslError &e : client.sslHandshakeErrors())
            mismatch = mismatch || e.error() == QSslError::HostNameMismatch;
        QVERIFY(mismatch);
    }
}

QTEST_GUILESS_MAIN(TstGatewayTlsIdentity)
#include "tst_gatewaytlsidentity.moc"
