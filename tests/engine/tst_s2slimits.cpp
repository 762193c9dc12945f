// Gateway-wide limits and keep-alives against an in-process engine over raw
// sockets: the gateway ConnectionLimit refuses the connection above it (and
// only while it is reached), the engine sends whitespace keep-alives on its
// outbound stream every KeepAliveInterval, and a peer's whitespace
// keep-alives (RFC 6120 4.6.1) count as activity for the
// StreamInactivityTimeout. Intervals are set to 1 s through the topology
// (2 s where a test needs room on both sides of a deadline). Activity does
// not restart the inactivity timer (that cost a walk of every session's
// timer per stanza); the timer re-arms itself for the time left, so a stanza
// just before the deadline still postpones the close. Every stream, accepted
// or outbound, has TCP_NODELAY set.
#include "EngineSockets.h"
#include "RawXmppPeers.h"
#include "TestSessionLoops.h"
#include "engine/Engine.h"
#include "engine/xml/Namespaces.h"
#include "engine/xml/XmlStreamParser.h"
#include "support/PeerProcess.h"
#include "support/TestPaths.h"
#include "topology/TopologyDocument.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace fedgate::engine;
using namespace fedgate;

namespace {
const QString kOurDomain = QStringLiteral("contoso.test");
const QString kPartner = QStringLiteral("partner.test");
const QHostAddress kEngineAddress(QStringLiteral("127.0.0.15"));
const QHostAddress kFakeAddress(QStringLiteral("127.0.0.16"));

QByteArray header(const QString &to)
{
    return test::streamHeader(to, kPartner);
}

const QByteArray kPing = "<iq type='get' id='idle-ping' from='partner.test' to='contoso.test'>"
                         "<ping xmlns='urn:xmpp:ping'/></iq>";

using test::FakePartnerServer;
using test::RawPeer;
} // namespace

class TestS2SLimits : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dataDir;
    FakePartnerServer m_fake;

    // An engine for contoso.test whose only partner, partner.test, does
    // plain dialback (TLS and SASL NotSupported) and is served by m_fake.
    std::unique_ptr<Engine> makeEngine(quint16 port, topology::GatewaySettings gateway,
                                       bool keepAlive = true)
    {
        auto topology = topology::TopologyDocument::readFile(test::exampleTopologyPath());
        if (!topology) {
            qWarning("%s", qPrintable(topology.error().toString()));
            return nullptr;
        }
        topology::XmppPartner partner;
        partner.domain = kPartner;
        partner.tls = topology::Negotiation::NotSupported;
        partner.sasl = topology::Negotiation::NotSupported;
        partner.dialback = true;
        partner.keepAlive = keepAlive;
        topology.value().partners = {partner};
        gateway.dialbackSecret = QStringLiteral("limits-test-secret");
        topology.value().gateway = gateway;
        EngineConfig config;
        config.listenAddress = kEngineAddress;
        config.listenPort = port;
        config.hosts.insert(kPartner, HostOverride{kFakeAddress, m_fake.port()});
        config.sessionLoops = test::testSessionLoops();
        auto engine = std::make_unique<Engine>(config);
        const Status started = engine->start(topology.value());
        if (!started) {
            qWarning("%s", qPrintable(started.error().message));
            return nullptr;
        }
        return engine;
    }

    // Opens a stream and authenticates it with dialback (m_fake vouches).
    void authenticate(RawPeer &peer, quint16 port)
    {
        QVERIFY(peer.connect(kEngineAddress, port));
        peer.send(header(kOurDomain));
        QVERIFY(peer.waitFor("</stream:features>"));
        peer.send("<db:result from='partner.test' to='contoso.test'>0123abcd</db:result>");
        QVERIFY2(peer.waitFor("type='valid'"), peer.received.constData());
    }

    // Sends `message` to bob@partner.test through the engine and waits until
    // m_fake received it on the engine's authenticated outbound stream.
    void sendOut(Engine &engine, const QString &text)
    {
        XmlElement out(QStringLiteral("message"), ns::kServer);
        out.setAttribute(QStringLiteral("from"), QStringLiteral("alice@contoso.test/pc"));
        out.setAttribute(QStringLiteral("to"), QStringLiteral("bob@partner.test"));
        out.addChild(XmlElement(QStringLiteral("body"), ns::kServer)).addText(text);
        engine.route(out);
        QTRY_VERIFY_WITH_TIMEOUT(m_fake.afterAuth.contains(text.toUtf8()), 5000);
    }

    // An engine whose streams close after `seconds` without activity, and
    // `peer` authenticated on it.
    std::unique_ptr<Engine> idleTimeoutEngine(int seconds, RawPeer &peer)
    {
        topology::GatewaySettings gateway;
        gateway.streamInactivityTimeout = seconds;
        const quint16 port = test::freeTcpPort(kEngineAddress);
        auto engine = makeEngine(port, gateway);
        if (engine)
            authenticate(peer, port);
        return engine;
    }

    // StreamInactivityTimeout closes cleanly: the closing tag, no error.
    static void expectCleanIdleClose(RawPeer &peer, int withinMs)
    {
        QVERIFY2(peer.waitClosed(withinMs), peer.received.constData());
        QVERIFY(peer.received.endsWith("</stream:stream>"));
        QVERIFY(!peer.received.contains("<stream:error>"));
    }

private slots:
    void initTestCase()
    {
        qputenv("FEDGATE_DATA_DIR", m_dataDir.path().toUtf8());
        QVERIFY(m_fake.listen(kFakeAddress));
    }

    void gatewayConnectionLimit()
    {
        topology::GatewaySettings gateway;
        gateway.connectionLimit = 2; // below the partner's own limit (20)
        const quint16 port = test::freeTcpPort(kEngineAddress);
        auto engine = makeEngine(port, gateway);
        QVERIFY(engine);
        RawPeer first;
        RawPeer second;
        for (RawPeer *p : {&first, &second}) {
            QVERIFY(p->connect(kEngineAddress, port));
            p->send(header(kOurDomain));
            QVERIFY(p->waitFor("</stream:features>"));
        }
        RawPeer third;
        QVERIFY(third.connect(kEngineAddress, port));
        third.send(header(kOurDomain));
        QVERIFY2(
            third.waitFor("<resource-constraint xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"),
            third.received.constData());
        QVERIFY(third.received.contains("Too many connections"));
        QVERIFY(third.waitClosed(3000));
        QCOMPARE(first.socket.state(), QAbstractSocket::ConnectedState);
        QCOMPARE(second.socket.state(), QAbstractSocket::ConnectedState);

        // The limit counts open streams: once one closes, a new one is served.
        first.send("</stream:stream>");
        QVERIFY(first.waitClosed(3000));
        QTRY_COMPARE_WITH_TIMEOUT(engine->sessions().size(), qsizetype(1), 3000);
        RawPeer fourth;
        QVERIFY(fourth.connect(kEngineAddress, port));
        fourth.send(header(kOurDomain));
        QVERIFY2(fourth.waitFor("</stream:features>"), fourth.received.constData());
        QVERIFY(!fourth.received.contains("<stream:error>"));
    }

    void whitespaceKeepAliveOutbound()
    {
        topology::GatewaySettings gateway;
        gateway.keepAliveInterval = 1;
        const quint16 port = test::freeTcpPort(kEngineAddress);
        auto engine = makeEngine(port, gateway);
        QVERIFY(engine);
        m_fake.afterAuth.clear();
        sendOut(*engine, QStringLiteral("keep-alive-probe"));
        const qsizetype afterStanza = m_fake.afterAuth.size();
        // Nothing else goes out; within a little more than one interval a
        // whitespace keep-alive arrives, and only whitespace.
        QTRY_VERIFY_WITH_TIMEOUT(m_fake.afterAuth.size() > afterStanza, 2500);
        const QByteArray extra = m_fake.afterAuth.mid(afterStanza);
        QVERIFY2(extra.trimmed().isEmpty(), extra.constData());
        engine.reset();
    }

    void noKeepAliveWhenThePartnerHasItOff()
    {
        topology::GatewaySettings gateway;
        gateway.keepAliveInterval = 1;
        const quint16 port = test::freeTcpPort(kEngineAddress);
        auto engine = makeEngine(port, gateway, false);
        QVERIFY(engine);
        m_fake.afterAuth.clear();
        sendOut(*engine, QStringLiteral("no-keep-alive-probe"));
        const qsizetype afterStanza = m_fake.afterAuth.size();
        QTest::qWait(1600);
        QCOMPARE(m_fake.afterAuth.size(), afterStanza);
        engine.reset();
    }

    void peerWhitespaceCountsAsActivity()
    {
        RawPeer peer;
        const auto engine = idleTimeoutEngine(1, peer);
        QVERIFY(engine);
        // Only whitespace for twice the inactivity timeout: the stream stays.
        QElapsedTimer elapsed;
        elapsed.start();
        while (elapsed.elapsed() < 2200) {
            peer.send(" ");
            QVERIFY2(!peer.waitClosed(300), peer.received.constData());
        }
        QCOMPARE(peer.socket.state(), QAbstractSocket::ConnectedState);
        // Then silence: closed cleanly after the timeout.
        expectCleanIdleClose(peer, 3000);
    }

    // A stanza shortly before the deadline: the timer armed at
    // authentication fires, finds the activity and waits for the rest.
    void activityJustBeforeTheDeadlinePostponesTheClose()
    {
        RawPeer peer;
        const auto engine = idleTimeoutEngine(2, peer);
        QVERIFY(engine);
        QVERIFY2(!peer.waitClosed(1400), peer.received.constData());
        m_fake.stanzas.clear();
        peer.send(kPing);
        QTRY_VERIFY_WITH_TIMEOUT(!m_fake.stanzas.isEmpty(), 5000); // the pong went out
        // Past the first deadline (2 s after authentication), before the
        // postponed one (2 s after the ping): still open.
        QVERIFY2(!peer.waitClosed(1000), peer.received.constData());
        QCOMPARE(peer.socket.state(), QAbstractSocket::ConnectedState);
        // The session table shows the activity after the session began.
        bool rowSeen = false;
        for (const SessionInfo &row : engine->sessions())
            if (row.direction == SessionDirection::Inbound && row.auth == AuthStatus::Dialback) {
                rowSeen = true;
                QVERIFY(row.lastActivity > row.created);
                QVERIFY(row.lastActivity <= QDateTime::currentDateTimeUtc());
            }
        QVERIFY(rowSeen);
        expectCleanIdleClose(peer, 5000);
    }

    // Stanzas for longer than the timeout (the timer fires and re-arms
    // meanwhile), then silence: closed one timeout after the last stanza.
    void idleAfterActivityClosesAfterOneTimeout()
    {
        RawPeer peer;
        const auto engine = idleTimeoutEngine(1, peer);
        QVERIFY(engine);
        for (int i = 0; i < 8; ++i) { // about 2.4 s of traffic
            peer.send(kPing);
            QVERIFY2(!peer.waitClosed(300), peer.received.constData());
        }
        QCOMPARE(peer.socket.state(), QAbstractSocket::ConnectedState);
        QVERIFY2(!peer.waitClosed(400), peer.received.constData()); // not yet idle long enough
        expectCleanIdleClose(peer, 3000);
    }

    // Nagle's algorithm would hold back a small stanza until the previous
    // one is acknowledged, and the peer delays its ACKs.
    void tcpNoDelayOnAcceptedAndOutboundStreams()
    {
        const quint16 port = test::freeTcpPort(kEngineAddress);
        auto engine = makeEngine(port, topology::GatewaySettings{});
        QVERIFY(engine);
        RawPeer peer;
        authenticate(peer, port);
        sendOut(*engine, QStringLiteral("no-delay-probe"));
        const ByteStream *accepted = test::engineSocketTo(*engine, peer.socket.localPort());
        QVERIFY(accepted);
        QVERIFY(test::hasTcpNoDelay(*accepted));
        const ByteStream *outbound = test::engineSocketTo(*engine, m_fake.port());
        QVERIFY(outbound);
        QVERIFY(test::hasTcpNoDelay(*outbound));
        // A control: Qt leaves the option off on the test's own socket.
        QVERIFY(!test::hasTcpNoDelay(peer.socket));
    }
};

QTEST_GUILESS_MAIN(TestS2SLimits)
#include "tst_s2slimits.moc"
