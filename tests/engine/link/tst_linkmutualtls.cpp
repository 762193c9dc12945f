// The internal link (TCP 23456) between an in-process edge (Engine +
// InternalLinkServer) and an in-process gateway uplink (InternalLinkClient):
// mutual TLS accepted for the next-hop front-end pool's certificate and
// refused, with the reason logged, for a pool the topology does not name as
// the next hop, a name no pool has, and a certificate from another CA;
// stanzas both ways (through the engine's routing); partner stanzas answered
// service-unavailable when no gateway is connected; a dropped link queues,
// delivers when the edge is back, and bounces after the establishment
// timeout. Addresses 127.0.0.220-223.
#include "LinkFixture.h"

#include "engine/xml/Namespaces.h"

#include <QFile>
#include <QSslKey>
#include <QSslSocket>
#include <QTest>

using namespace fedgate;
using namespace fedgate::engine;
using namespace fedgate::test;

namespace {
const EdgeAddresses kParis{QHostAddress(QStringLiteral("127.0.0.220")),
                           QHostAddress(QStringLiteral("127.0.0.221"))};
const EdgeAddresses kMontreal{QHostAddress(QStringLiteral("127.0.0.222")),
                              QHostAddress(QStringLiteral("127.0.0.223"))};
} // namespace

class TestLinkMutualTls : public QObject
{
    Q_OBJECT
private:
    LinkFixture m_fixture;

    // The Paris edge and a fe-paris gateway joined by a ready link.
    struct Joined
    {
        std::unique_ptr<EdgeUnderTest> edge;
        RecordingInbox inbox;
        std::unique_ptr<InternalLinkClient> gateway;
    };
    void join(Joined *joined)
    {
        QString error;
        joined->edge = m_fixture.startEdge(kParisEdge, &error);
        QVERIFY2(joined->edge, qPrintable(error));
        joined->gateway =
            m_fixture.startGateway(&joined->inbox, QStringLiteral("fe-paris"), &error);
        QVERIFY2(joined->gateway, qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(joined->gateway->isReady(), 10000);
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fixture.create(kParis, kMontreal, &error), qPrintable(error));
    }

    void acceptsTheNextHopPool()
    {
        Joined joined;
        join(&joined);
        if (QTest::currentTestFailed())
            return;
        auto &[edge, inbox, gateway] = joined;
        QTRY_COMPARE(edge->link->readyLinks(), 1);

        const QList<SessionInfo> edgeRows = edge->link->sessions();
        QCOMPARE(edgeRows.size(), 1);
        const SessionInfo &in = edgeRows.first();
        QCOMPARE(in.kind, QStringLiteral("link"));
        QCOMPARE(toString(in.direction), toString(SessionDirection::Inbound));
        QCOMPARE(in.localDomain, kParisEdge);
        QCOMPARE(in.remoteDomain, kParisFrontEnd);
        QCOMPARE(toString(in.auth), toString(AuthStatus::MutualTls));
        QCOMPARE(toString(in.certificate), toString(CertificateStatus::Valid));
        QVERIFY2(in.tlsVersion == QLatin1String("TLSv1.3") ||
                     in.tlsVersion == QLatin1String("TLSv1.2"),
                 qPrintable(in.tlsVersion));
        QCOMPARE(in.state, QStringLiteral("established"));
        QVERIFY(in.remoteAddress.startsWith(QStringLiteral("127.0.0.")));

        const QList<SessionInfo> gatewayRows = gateway->sessions();
        QCOMPARE(gatewayRows.size(), 1);
        QCOMPARE(toString(gatewayRows.first().direction), toString(SessionDirection::Outbound));
        QCOMPARE(gatewayRows.first().remoteDomain, kParisEdge);
        QCOMPARE(gatewayRows.first().remoteAddress, QStringLiteral("127.0.0.220:23456"));
        QCOMPARE(toString(gatewayRows.first().certificate), toString(CertificateStatus::Valid));
        QCOMPARE(toString(gatewayRows.first().auth), toString(AuthStatus::MutualTls));
    }

    void refusesWithTheReasonLogged_data()
    {
        QTest::addColumn<QString>("leaf");
        QTest::addColumn<QString>("reason");
        QTest::newRow("front-end pool that is not the next hop")
            << QStringLiteral("fe-mtl")
            << QStringLiteral("the gateway certificate names DNS:fe-mtl.contoso.test, "
                              "CN:fe-mtl.contoso.test, not fe-paris.contoso.test");
        QTest::newRow("name of no pool")
            << QStringLiteral("rogue")
            << QStringLiteral("the gateway certificate names DNS:rogue.contoso.test, "
                              "CN:rogue.contoso.test, not fe-paris.contoso.test");
        QTest::newRow("another CA") << QStringLiteral("foreign")
                                    << QStringLiteral("the gateway certificate "
                                                      "(DNS:fe-paris.contoso.test, "
                                                      "CN:fe-paris.contoso.test) is untrusted");
    }

    void refusesWithTheReasonLogged()
    {
        QFETCH(QString, leaf);
        QFETCH(QString, reason);
        QString error;
        auto edge = m_fixture.startEdge(kParisEdge, &error);
        QVERIFY2(edge, qPrintable(error));
        RecordingInbox inbox;
        const qsizetype logStart = m_fixture.log().size();
        auto gateway = m_fixture.startGateway(&inbox, leaf, &error);
        QVERIFY2(gateway, qPrintable(error));
        // The edge logs the refusal; the gateway hears the reason in the
        // stream error and logs it too.
        QTRY_VERIFY2_WITH_TIMEOUT(m_fixture.log().mid(logStart).count(reason) >= 2,
                                  qPrintable(m_fixture.log().mid(logStart)), 10000);
        QVERIFY(m_fixture.log().mid(logStart).contains(QStringLiteral("refused: ") + reason));
        QVERIFY(!gateway->isReady());
        QCOMPARE(edge->link->readyLinks(), 0);
        // A partner's stanza for our user now finds no gateway.
        XmlElement message(QStringLiteral("message"), ns::kServer);
        message.setAttribute(QStringLiteral("from"), QStringLiteral("bob@fabrikam.test/x"));
        message.setAttribute(QStringLiteral("to"), QStringLiteral("alice@contoso.test"));
        QVERIFY(!edge->link->deliverToLocal(message));
    }

    void stanzasBothWays()
    {
        Joined joined;
        join(&joined);
        if (QTest::currentTestFailed())
            return;
        auto &[edge, inbox, gateway] = joined;

        // Gateway -> edge: a ping to our domain, answered by the engine and
        // routed back over the link to the user.
        XmlElement ping(QStringLiteral("iq"), QStringLiteral("jabber:client"));
        ping.setAttribute(QStringLiteral("from"), QStringLiteral("alice@contoso.test/laptop"));
        ping.setAttribute(QStringLiteral("to"), QStringLiteral("contoso.test"));
        ping.setAttribute(QStringLiteral("id"), QStringLiteral("ping-1"));
        ping.setAttribute(QStringLiteral("type"), QStringLiteral("get"));
        ping.addChild(XmlElement(QStringLiteral("ping"), ns::kPing));
        gateway->sendToFederation(ping);
        QTRY_VERIFY(inbox.receivedWithId(QStringLiteral("ping-1")));
        const XmlElement *pong = inbox.receivedWithId(QStringLiteral("ping-1"));
        QCOMPARE(pong->ns(), QStringLiteral("jabber:client"));
        QCOMPARE(pong->attribute(QStringLiteral("type")), QStringLiteral("result"));
        QCOMPARE(pong->attribute(QStringLiteral("from")), QStringLiteral("contoso.test"));
        QCOMPARE(pong->attribute(QStringLiteral("to")),
                 QStringLiteral("alice@contoso.test/laptop"));

        // Edge -> gateway: what the engine hands its LocalDelivery (a
        // partner's message) arrives in jabber:client, body intact.
        XmlElement message(QStringLiteral("message"), ns::kServer);
        message.setAttribute(QStringLiteral("from"), QStringLiteral("bob@fabrikam.test/desk"));
        message.setAttribute(QStringLiteral("to"), QStringLiteral("alice@contoso.test"));
        message.setAttribute(QStringLiteral("id"), QStringLiteral("m-1"));
        XmlElement body(QStringLiteral("body"), ns::kServer);
        body.addText(QStringLiteral("hello <alice> & co"));
        message.addChild(std::move(body));
        QVERIFY(edge->link->deliverToLocal(message));
        QTRY_VERIFY(inbox.receivedWithId(QStringLiteral("m-1")));
        const XmlElement *got = inbox.receivedWithId(QStringLiteral("m-1"));
        QCOMPARE(got->ns(), QStringLiteral("jabber:client"));
        QVERIFY(got->firstChild(QStringLiteral("body"), QStringLiteral("jabber:client")));
        QCOMPARE(got->firstChild(QStringLiteral("body"))->text(),
                 QStringLiteral("hello <alice> & co"));

        // A stanza the gateway claims is from a partner is not routed.
        const qsizetype logStart = m_fixture.log().size();
        XmlElement spoofed =
            clientMessage(QStringLiteral("spoof-1"), QStringLiteral("carol@contoso.test"),
                          QStringLiteral("spoofed"));
        spoofed.setAttribute(QStringLiteral("from"), QStringLiteral("mallory@fabrikam.test/x"));
        gateway->sendToFederation(spoofed);
        QTRY_VERIFY(m_fixture.log().mid(logStart).contains(
            QStringLiteral("from 'mallory@fabrikam.test/x' to 'carol@contoso.test': the sender "
                           "is not in one of our domains")));
        QVERIFY(!inbox.receivedWithId(QStringLiteral("spoof-1")));
        QVERIFY(gateway->isReady());
    }

    void droppedLinkQueuesThenDelivers()
    {
        Joined joined;
        join(&joined);
        if (QTest::currentTestFailed())
            return;
        auto &[edge, inbox, gateway] = joined;

        edge.reset(); // the edge goes away
        QTRY_VERIFY(!gateway->isReady());
        // A message to another of our users goes through the edge and
        // comes back: it proves it crossed the link both ways.
        gateway->sendToFederation(clientMessage(QStringLiteral("q-1"),
                                                QStringLiteral("carol@contoso.test"),
                                                QStringLiteral("while down")));
        QVERIFY(inbox.bounced.isEmpty());
        QString error;
        edge = m_fixture.startEdge(kParisEdge, &error); // back within the 2 s timeout
        QVERIFY2(edge, qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(inbox.receivedWithId(QStringLiteral("q-1")), 10000);
        QCOMPARE(
            inbox.receivedWithId(QStringLiteral("q-1"))->firstChild(QStringLiteral("body"))->text(),
            QStringLiteral("while down"));
        QVERIFY(inbox.bounced.isEmpty());
    }

    void droppedLinkBouncesAfterTheEstablishmentTimeout()
    {
        Joined joined;
        join(&joined);
        if (QTest::currentTestFailed())
            return;
        auto &[edge, inbox, gateway] = joined;
        edge.reset();
        QTRY_VERIFY(!gateway->isReady());
        gateway->sendToFederation(clientMessage(QStringLiteral("b-1"),
                                                QStringLiteral("bob@fabrikam.test"),
                                                QStringLiteral("nobody there")));
        // Both edge pools are down: after streamEstablishmentTimeout (2 s)
        // the stanza comes back to the gateway with remote-server-timeout.
        QTRY_COMPARE_WITH_TIMEOUT(inbox.bounced.size(), 1, 10000);
        QCOMPARE(inbox.bounced.first().second, QStringLiteral("remote-server-timeout"));
        const XmlElement &back = inbox.bounced.first().first;
        QCOMPARE(back.attribute(QStringLiteral("id")), QStringLiteral("b-1"));
        QCOMPARE(back.ns(), QStringLiteral("jabber:client"));
        QVERIFY(inbox.received.isEmpty());
    }

    // Keep-alive interval 1 s, inactivity timeout 3 s: an idle link stays up
    // past the timeout (whitespace keep-alives both ways), while a peer that
    // went silent after the handshake is closed.
    void keepAlivesHoldAnIdleLinkAndSilenceCloses()
    {
        const topology::GatewaySettings saved = m_fixture.topology().gateway;
        m_fixture.topology().gateway.keepAliveInterval = 1;
        m_fixture.topology().gateway.streamInactivityTimeout = 3;
        Joined joined;
        join(&joined);
        m_fixture.topology().gateway = saved;
        if (QTest::currentTestFailed())
            return;
        auto &[edge, inbox, gateway] = joined;
        QTest::qWait(5000); // idle beyond the inactivity timeout
        QVERIFY(gateway->isReady());
        QCOMPARE(edge->link->readyLinks(), 1);
        const qsizetype logStart = m_fixture.log().size();

        // A gateway-side peer that completes the handshake and then says
        // nothing more.
        QSslSocket silent;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificateChain(
            QSslCertificate::fromPath(m_fixture.leaf(QStringLiteral("fe-paris")).certificatePath));
        QFile keyFile(m_fixture.leaf(QStringLiteral("fe-paris")).keyPath);
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
        tls.setCaCertificates(QSslCertificate::fromPath(m_fixture.ca().certificatePath()));
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        silent.setSslConfiguration(tls);
        silent.connectToHostEncrypted(kParis.internal.toString(), 23456);
        QTRY_VERIFY(silent.isEncrypted());
        silent.write("<?xml version='1.0'?><stream:stream xmlns='jabber:server' "
                     "xmlns:stream='http://etherx.jabber.org/streams' version='1.0' "
                     "from='fe-paris.contoso.test' to='edge-paris.contoso.test'>");
        QByteArray received;
        QTRY_VERIFY((received += silent.readAll()).contains("<ready xmlns='urn:fedgate:link'"));
        QTRY_VERIFY_WITH_TIMEOUT(silent.state() == QAbstractSocket::UnconnectedState ||
                                     (received += silent.readAll()).contains("</stream:stream>"),
                                 10000);
        QTRY_VERIFY(m_fixture.log().mid(logStart).contains(
            QStringLiteral("nothing received for 3000 ms (inactivity timeout)")));
        // The real gateway, which keeps sending keep-alives, is still up.
        QVERIFY(gateway->isReady());
    }
};

QTEST_GUILESS_MAIN(TestLinkMutualTls)
#include "tst_linkmutualtls.moc"
