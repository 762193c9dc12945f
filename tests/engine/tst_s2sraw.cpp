// Raw-socket tests of the inbound side against an in-process engine: what a
// misbehaving or hostile peer sends gets the RFC 6120 stream error and a
// closed connection, while other sessions keep working. A small fake
// partner server plays the authoritative side of dialback.
#include "RawXmppPeers.h"
#include "TestSessionLoops.h"
#include "engine/Engine.h"
#include "engine/control/ControlServer.h"
#include "engine/xml/Namespaces.h"
#include "engine/xml/XmlStreamParser.h"
#include "support/PeerProcess.h"
#include "support/TestPaths.h"
#include "topology/TopologyDocument.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>
#include <sys/stat.h>

using namespace fedgate::engine;
using namespace fedgate;

namespace {
const QString kOurDomain = QStringLiteral("contoso.test");
const QString kPartner = QStringLiteral("partner.test");
const QHostAddress kEngineAddress(QStringLiteral("127.0.0.11"));
const QHostAddress kFakeAddress(QStringLiteral("127.0.0.12"));

QByteArray header(const QString &to, const QString &from = kPartner)
{
    return test::streamHeader(to, from);
}

// Stands in for part 2's gateway: records what the engine delivers locally.
class RecordingDelivery : public LocalDelivery
{
public:
    QList<XmlElement> delivered;
    bool deliverToLocal(const XmlElement &stanza) override
    {
        delivered.append(stanza);
        return true;
    }
};

using test::FakePartnerServer;
using test::RawPeer;
} // namespace

class TestS2SRaw : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dataDir;
    FakePartnerServer m_fake;
    std::unique_ptr<Engine> m_engine;
    quint16 m_port = 0;

    // Stream error `condition` arrives, then the connection closes.
    void expectStreamError(RawPeer &peer, const QByteArray &condition)
    {
        QVERIFY2(peer.waitFor("<" + condition + " xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"),
                 peer.received.constData());
        QVERIFY(peer.received.contains("<stream:error>"));
        QVERIFY2(peer.waitClosed(), "the engine did not close the connection");
    }

    void authenticate(RawPeer &peer)
    {
        QVERIFY(peer.connect(kEngineAddress, m_port));
        peer.send(header(kOurDomain));
        QVERIFY(peer.waitFor("</stream:features>"));
        peer.send("<db:result from='partner.test' to='contoso.test'>0123abcd</db:result>");
        QVERIFY2(peer.waitFor("type='valid'"), peer.received.constData());
    }

private slots:
    void initTestCase()
    {
        qputenv("FEDGATE_DATA_DIR", m_dataDir.path().toUtf8());
        QVERIFY(m_fake.listen(kFakeAddress));
        m_port = test::freeTcpPort(kEngineAddress);
        m_engine = makeEngine(m_port, topology::GatewaySettings{});
        QVERIFY(m_engine);
    }

    // An engine for contoso.test whose only partner, partner.test, does
    // plain dialback (TLS and SASL NotSupported), at most 3 streams.
    std::unique_ptr<Engine> makeEngine(quint16 port, topology::GatewaySettings gateway,
                                       std::optional<quint16> partnerPort = std::nullopt,
                                       int retryAttempts = 3)
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
        partner.connectionLimit = 3;
        topology.value().partners = {partner};
        gateway.dialbackSecret = QStringLiteral("raw-test-secret");
        topology.value().gateway = gateway;
        EngineConfig config;
        config.listenAddress = kEngineAddress;
        config.listenPort = port;
        config.hosts.insert(kPartner,
                            HostOverride{kFakeAddress, partnerPort.value_or(m_fake.port())});
        config.retryAttempts = retryAttempts;
        config.sessionLoops = test::testSessionLoops();
        auto engine = std::make_unique<Engine>(config);
        const Status started = engine->start(topology.value());
        if (!started) {
            qWarning("%s", qPrintable(started.error().message));
            return nullptr;
        }
        return engine;
    }

    void cleanupTestCase() { m_engine.reset(); }

    void streamWithoutTo()
    {
        RawPeer peer;
        QVERIFY(peer.connect(kEngineAddress, m_port));
        peer.send(header(QString()));
        expectStreamError(peer, "host-unknown");
    }

    void unknownTo()
    {
        RawPeer peer;
        QVERIFY(peer.connect(kEngineAddress, m_port));
        peer.send(header(QStringLiteral("not-ours.test")));
        expectStreamError(peer, "host-unknown");
    }

    void nonPartnerFrom()
    {
        RawPeer peer;
        QVERIFY(peer.connect(kEngineAddress, m_port));
        peer.send(header(kOurDomain, QStringLiteral("stranger.test")));
        expectStreamError(peer, "policy-violation");
    }

    void malformedXml()
    {
        RawPeer peer;
        QVERIFY(peer.connect(kEngineAddress, m_port));
        peer.send(header(kOurDomain) + "<message><body></message>");
        expectStreamError(peer, "not-well-formed");
    }

    void documentTypeDeclaration()
    {
        RawPeer peer;
        QVERIFY(peer.connect(kEngineAddress, m_port));
        peer.send("<?xml version='1.0'?><!DOCTYPE stream [<!ENTITY lol 'lol'>]>" +
                  header(kOurDomain).mid(21));
        expectStreamError(peer, "restricted-xml");
    }

    void oversizeStanza()
    {
        RawPeer peer;
        QVERIFY(peer.connect(kEngineAddress, m_port));
        peer.send(header(kOurDomain));
        QVERIFY(peer.waitFor("</stream:features>"));
        peer.send("<message from='a@partner.test' to='b@contoso.test'><body>" +
                  QByteArray(600 * 1024, 'x') + "</body></message>");
        expectStreamError(peer, "policy-violation");
        QVERIFY(peer.received.contains("larger than the limit"));
    }

    void stanzaBeforeAuthentication()
    {
        RawPeer peer;
        QVERIFY(peer.connect(kEngineAddress, m_port));
        peer.send(header(kOurDomain));
        QVERIFY(peer.waitFor("</stream:features>"));
        QVERIFY(peer.received.contains("urn:xmpp:features:dialback"));
        QVERIFY(!peer.received.contains("starttls")); // TLS NotSupported for this partner
        peer.send("<message from='a@partner.test' to='b@contoso.test'><body>hi</body></message>");
        expectStreamError(peer, "not-authorized");
    }

    void dialbackThenPingAndSpoofedFrom()
    {
        RawPeer good;
        authenticate(good);
        // A second peer gets its stream killed...
        RawPeer bad;
        authenticate(bad);
        bad.send("<message from='mallory@evil.test' to='b@contoso.test'><body>x</body></message>");
        expectStreamError(bad, "invalid-from");
        // ...while the first one still works: its ping is answered over the
        // engine's outbound stream to the partner.
        m_fake.stanzas.clear();
        good.send("<iq type='get' id='p1' from='partner.test' to='contoso.test'><ping "
                  "xmlns='urn:xmpp:ping'/></iq>"
                  "<iq type='get' id='d1' from='partner.test' to='contoso.test'><query "
                  "xmlns='http://jabber.org/protocol/disco#info'/></iq>");
        QTRY_VERIFY_WITH_TIMEOUT(m_fake.stanzas.size() >= 2, 5000);
        const XmlElement &pong = m_fake.stanzas[0];
        QCOMPARE(pong.attribute(QStringLiteral("id")), QStringLiteral("p1"));
        QCOMPARE(pong.attribute(QStringLiteral("type")), QStringLiteral("result"));
        QCOMPARE(pong.attribute(QStringLiteral("from")), kOurDomain);
        const XmlElement &disco = m_fake.stanzas[1];
        QCOMPARE(disco.attribute(QStringLiteral("id")), QStringLiteral("d1"));
        QVERIFY(disco.toXml().contains("urn:xmpp:ping"));
        QCOMPARE(good.socket.state(), QAbstractSocket::ConnectedState);
        // The session table shows both directions with dialback.
        int dialbackSessions = 0;
        for (const SessionInfo &s : m_engine->sessions())
            dialbackSessions += s.auth == AuthStatus::Dialback && s.remoteDomain == kPartner;
        QVERIFY(dialbackSessions >= 2);
    }

    void partnerConnectionLimit()
    {
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->sessionCount(kPartner, SessionDirection::Inbound), 0,
                                  5000);
        // Only authenticated streams count (issue 9): the 4th is refused
        // when it authenticates, not when it names itself.
        RawPeer peers[3];
        for (RawPeer &p : peers)
            authenticate(p);
        RawPeer oneTooMany;
        QVERIFY(oneTooMany.connect(kEngineAddress, m_port));
        oneTooMany.send(header(kOurDomain));
        QVERIFY(oneTooMany.waitFor("</stream:features>"));
        oneTooMany.send("<db:result from='partner.test' to='contoso.test'>0123abcd</db:result>");
        expectStreamError(oneTooMany, "policy-violation");
        QVERIFY(!oneTooMany.received.contains("type='valid'"));
        QCOMPARE(peers[0].socket.state(), QAbstractSocket::ConnectedState);
    }

    void controlChannelIsOwnerOnly()
    {
        ControlServer control(m_engine.get());
        const QString path = m_dataDir.filePath(QStringLiteral("control.sock"));
        const Status listening = control.listen(path);
        QVERIFY2(listening, qPrintable(listening ? QString() : listening.error().message));
        struct stat st = {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
        RawPeer peer;
        authenticate(peer);
        QLocalSocket client;
        client.connectToServer(path);
        QVERIFY(client.waitForConnected(2000));
        client.write("{\"command\":\"sessions\"}\n");
        QTRY_VERIFY_WITH_TIMEOUT(client.canReadLine(), 3000);
        const QJsonObject answer = QJsonDocument::fromJson(client.readLine()).object();
        QVERIFY(answer.value(QStringLiteral("done")).toBool());
        bool found = false;
        for (const QJsonValue &v : answer.value(QStringLiteral("sessions")).toArray()) {
            const QJsonObject row = v.toObject();
            if (row.value(QStringLiteral("direction")).toString() == QLatin1String("in") &&
                row.value(QStringLiteral("auth")).toString() == QLatin1String("dialback")) {
                found = true;
                for (const char *key : {"id", "localDomain", "remoteDomain", "remoteAddress",
                                        "tlsVersion", "tlsCipher", "certificate", "created",
                                        "lastActivity", "stanzasIn", "stanzasOut"})
                    QVERIFY2(row.contains(QLatin1String(key)), key);
                QCOMPARE(row.value(QStringLiteral("remoteDomain")).toString(), kPartner);
                QVERIFY(row.value(QStringLiteral("remoteAddress"))
                            .toString()
                            .startsWith(QStringLiteral("127.0.0.")));
            }
        }
        QVERIFY(found);
        client.write("not json\n");
        QTRY_VERIFY_WITH_TIMEOUT(client.canReadLine(), 3000);
        QVERIFY(client.readLine().contains("expected a JSON object"));
    }

    void establishmentAndInactivityTimeouts()
    {
        topology::GatewaySettings gateway;
        gateway.streamEstablishmentTimeout = 1;
        gateway.streamInactivityTimeout = 1;
        const quint16 port = test::freeTcpPort(kEngineAddress);
        auto engine = makeEngine(port, gateway);
        QVERIFY(engine);
        RawPeer silent;
        silent.socket.connectToHost(kEngineAddress, port);
        QVERIFY(silent.socket.waitForConnected(2000));
        silent.send(header(kOurDomain));
        QVERIFY(silent.waitFor("</stream:features>"));
        expectStreamError(silent, "connection-timeout");

        RawPeer idle;
        idle.socket.connectToHost(kEngineAddress, port);
        QVERIFY(idle.socket.waitForConnected(2000));
        idle.send(header(kOurDomain));
        QVERIFY(idle.waitFor("</stream:features>"));
        idle.send("<db:result from='partner.test' to='contoso.test'>0123abcd</db:result>");
        QVERIFY(idle.waitFor("type='valid'"));
        // Established, then nothing: closed cleanly after the inactivity timeout.
        QVERIFY2(idle.waitClosed(4000), idle.received.constData());
        QVERIFY(idle.received.endsWith("</stream:stream>"));
        QVERIFY(!idle.received.contains("<stream:error>"));
    }

    void localDeliveryAndBodyLogging()
    {
        // Capture the log lines of this test.
        std::ostringstream logText;
        auto previous = spdlog::default_logger();
        spdlog::set_default_logger(std::make_shared<spdlog::logger>(
            "capture", std::make_shared<spdlog::sinks::ostream_sink_mt>(logText)));
        auto restore = qScopeGuard([previous] { spdlog::set_default_logger(previous); });

        for (bool logBodies : {false, true}) {
            topology::GatewaySettings gateway;
            gateway.enableLoggingAllMessageBodies = logBodies;
            auto engine = makeEngine(test::freeTcpPort(kEngineAddress), gateway);
            QVERIFY(engine);
            RecordingDelivery gatewayRole;
            engine->setLocalDelivery(&gatewayRole);
            RawPeer peer;
            peer.socket.connectToHost(kEngineAddress, engine->listenPort());
            QVERIFY(peer.socket.waitForConnected(2000));
            peer.send(header(kOurDomain));
            QVERIFY(peer.waitFor("</stream:features>"));
            peer.send("<db:result from='partner.test' to='contoso.test'>k</db:result>");
            QVERIFY(peer.waitFor("type='valid'"));
            const QByteArray body = logBodies ? "secret-with-logging" : "secret-without-logging";
            peer.send("<message from='bob@partner.test/x' to='alice@contoso.test' type='chat'>"
                      "<body>" +
                      body + "</body></message>");
            QTRY_COMPARE_WITH_TIMEOUT(gatewayRole.delivered.size(), 1, 3000);
            QCOMPARE(gatewayRole.delivered[0].firstChild(QStringLiteral("body"))->text(),
                     QString::fromUtf8(body));
            QCOMPARE(QByteArray::fromStdString(logText.str()).contains(body), logBodies);

            // The other way: the gateway routes to a partner user (out over
            // the engine's stream to partner.test) and to a non-partner
            // (bounced back with not-allowed).
            m_fake.stanzas.clear();
            XmlElement out(QStringLiteral("message"), ns::kServer);
            out.setAttribute(QStringLiteral("from"), QStringLiteral("alice@contoso.test/pc"));
            out.setAttribute(QStringLiteral("to"), QStringLiteral("bob@partner.test"));
            out.addChild(XmlElement(QStringLiteral("body"), ns::kServer))
                .addText(QStringLiteral("hi"));
            engine->route(out);
            QTRY_COMPARE_WITH_TIMEOUT(m_fake.stanzas.size(), 1, 5000);
            QCOMPARE(m_fake.stanzas[0].attribute(QStringLiteral("to")),
                     QStringLiteral("bob@partner.test"));
            out.setAttribute(QStringLiteral("to"), QStringLiteral("eve@stranger.test"));
            engine->route(out);
            QTRY_COMPARE_WITH_TIMEOUT(gatewayRole.delivered.size(), 2, 3000);
            const XmlElement &bounce = gatewayRole.delivered[1];
            QCOMPARE(bounce.attribute(QStringLiteral("type")), QStringLiteral("error"));
            QVERIFY(bounce.firstChild(QStringLiteral("error"))
                        ->firstChild(QStringLiteral("not-allowed")));
            engine.reset();
        }
        // One line per session event, naming the session.
        QVERIFY(QByteArray::fromStdString(logText.str()).contains("established (dialback"));
    }

    void silentPartnerBouncesWithTimeout()
    {
        // Accepts the connection, never says a word.
        QTcpServer silent;
        QVERIFY(silent.listen(kFakeAddress, 0));
        topology::GatewaySettings gateway;
        gateway.streamEstablishmentTimeout = 1;
        auto engine =
            makeEngine(test::freeTcpPort(kEngineAddress), gateway, silent.serverPort(), 0);
        QVERIFY(engine);
        RecordingDelivery gatewayRole;
        engine->setLocalDelivery(&gatewayRole);
        XmlElement iq(QStringLiteral("iq"), ns::kServer);
        iq.setAttribute(QStringLiteral("from"), QStringLiteral("alice@contoso.test/pc"));
        iq.setAttribute(QStringLiteral("to"), kPartner);
        iq.setAttribute(QStringLiteral("id"), QStringLiteral("t1"));
        iq.setAttribute(QStringLiteral("type"), QStringLiteral("get"));
        iq.addChild(XmlElement(QStringLiteral("ping"), ns::kPing));
        engine->route(iq);
        QTRY_COMPARE_WITH_TIMEOUT(gatewayRole.delivered.size(), 1, 5000);
        const XmlElement &bounce = gatewayRole.delivered[0];
        QCOMPARE(bounce.attribute(QStringLiteral("id")), QStringLiteral("t1"));
        QCOMPARE(bounce.attribute(QStringLiteral("type")), QStringLiteral("error"));
        const XmlElement *error = bounce.firstChild(QStringLiteral("error"));
        QVERIFY(error);
        QCOMPARE(error->attribute(QStringLiteral("type")), QStringLiteral("wait"));
        QVERIFY(error->firstChild(QStringLiteral("remote-server-timeout"), ns::kStanzaErrors));
    }

    void nonPartnerOutboundIsRefused()
    {
        bool done = false;
        bool ok = true;
        QString detail;
        m_engine->ping(
            QStringLiteral("stranger.test"), [](QString, QString) {},
            [&](bool pong, QString d, qint64) {
                done = true;
                ok = pong;
                detail = d;
            });
        QTRY_VERIFY_WITH_TIMEOUT(done, 2000);
        QVERIFY(!ok);
        QVERIFY(detail.contains(QStringLiteral("not a federation partner")));
    }
};

QTEST_GUILESS_MAIN(TestS2SRaw)
#include "tst_s2sraw.moc"
