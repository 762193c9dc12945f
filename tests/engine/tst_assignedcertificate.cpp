// fedgated without --cert serves the certificate the administrator assigned
// to the external edge with the certificate step (certs::KeyStore): the
// certificate wizard's output is what partners see on STARTTLS.
#include "RawXmppPeers.h"
#include "certs/KeyStore.h"
#include "engine/Engine.h"
#include "support/PeerProcess.h"
#include "support/TestPaths.h"
#include "topology/TopologyDocument.h"

#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace fedgate;
using namespace fedgate::engine;

namespace {
const QHostAddress kEngineAddress(QStringLiteral("127.0.0.14"));

QByteArray header()
{
    return "<?xml version='1.0'?><stream:stream xmlns='jabber:server' "
           "xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback' "
           "version='1.0' from='fabrikam.test' to='contoso.test'>";
}

} // namespace

class TstAssignedCertificate : public QObject
{
    Q_OBJECT

    topology::Topology m_topology;

    std::unique_ptr<Engine> startEngine(const QString &dataDir, quint16 port)
    {
        EngineConfig config;
        config.listenAddress = kEngineAddress;
        config.listenPort = port;
        config.dataDirectory = dataDir;
        config.controlSocketPath = dataDir + QStringLiteral("/fedgated.sock");
        auto engine = std::make_unique<Engine>(config);
        const Status started = engine->start(m_topology);
        if (!started) {
            qWarning().noquote() << started.error().toString();
            return nullptr;
        }
        return engine;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto loaded = topology::TopologyDocument::readFile(test::exampleTopologyPath());
        QVERIFY(loaded);
        m_topology = loaded.value();
        m_topology.gateway.dialbackSecret = QString(64, QLatin1Char('a'));
    }

    void servesTheAssignedExternalCertificate()
    {
        QTemporaryDir data;
        certs::KeyStore store(data.path());
        certs::CertificateRequest request;
        request.usage = certs::CertificateUsage::ExternalEdge;
        request.mode = certs::RequestMode::Immediate;
        request.keyType = certs::KeyType::EcP256;
        const auto outcome = store.createRequest(m_topology, request);
        QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().toString()));
        QVERIFY(outcome.value().issued);
        const auto assigned = store.assign(outcome.value().issued->certificate.id,
                                           certs::CertificateUsage::ExternalEdge, &m_topology);
        QVERIFY2(assigned, qPrintable(assigned ? QString() : assigned.error().toString()));

        const quint16 port = test::freeTcpPort(kEngineAddress);
        auto engine = startEngine(data.path(), port);
        QVERIFY(engine);
        QVERIFY(engine->hasCertificate());

        test::RawPeer peer;
        QSslSocket &socket = peer.socket;
        socket.setPeerVerifyMode(QSslSocket::VerifyNone);
        QVERIFY(peer.connect(kEngineAddress, port));
        peer.send(header());
        QVERIFY2(peer.waitFor("</stream:features>"), peer.received.constData());
        QVERIFY2(peer.received.contains("urn:ietf:params:xml:ns:xmpp-tls"),
                 peer.received.constData());
        peer.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        QVERIFY(peer.waitFor("<proceed"));
        socket.startClientEncryption();
        QTRY_VERIFY_WITH_TIMEOUT(socket.isEncrypted(), 5000);
        // The subject the certificate step computed from the topology: the
        // routed edge pool's external FQDN.
        QCOMPARE(socket.peerCertificate().subjectInfo(QSslCertificate::CommonName),
                 QStringList{QStringLiteral("xmpp.contoso.test")});
        QVERIFY(socket.peerCertificate()
                    .subjectAlternativeNames()
                    .values(QSsl::DnsEntry)
                    .contains(QStringLiteral("contoso.test")));
    }

    void withoutAssignmentNoTlsIsOffered()
    {
        QTemporaryDir data;
        const quint16 port = test::freeTcpPort(kEngineAddress);
        auto engine = startEngine(data.path(), port);
        QVERIFY(engine);
        QVERIFY(!engine->hasCertificate());
        // fabrikam.test requires TLS: without a certificate the engine says so.
        test::RawPeer peer;
        QVERIFY(peer.connect(kEngineAddress, port));
        peer.send(header());
        QVERIFY2(peer.waitFor("policy-violation"), peer.received.constData());
        QVERIFY(peer.received.contains("no certificate configured"));
    }
};

QTEST_GUILESS_MAIN(TstAssignedCertificate)
#include "tst_assignedcertificate.moc"
