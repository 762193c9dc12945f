// The engine on two session loops (issue 14 target 4): inbound streams go to
// different loops (threads, neither the Engine's), a ping to our domain is answered on the loop
// that received it and leaves on the outbound stream of the partner's pair
// in the order it came, a stanza for a user crosses to the Engine's thread
// (no local delivery here: it is bounced), the session table shows every
// loop's sessions with their counters and loop, and stop() closes the streams of
// both loops; stopping a loop moves nothing with a timer back; each loop's
// policy has strings of its own. In-process engine over raw sockets,
// 127.0.0.6-8 and 140-144 (perf-loops).
#include "EngineLimitsFixture.h"
#include "EngineSockets.h"

#include "engine/SessionLoop.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace fedgate::engine;
using namespace fedgate;
using test::RawPeer;

namespace {
const QHostAddress kEngineAddress(QStringLiteral("127.0.0.6"));
const QHostAddress kPartnerAddress(QStringLiteral("127.0.0.7"));
const QHostAddress kPeerAddress(QStringLiteral("127.0.0.8"));
const QHostAddress kOwnStringsEngineAddress(QStringLiteral("127.0.0.140"));
const QHostAddress kOwnStringsPartnerAddress(QStringLiteral("127.0.0.141"));
const QHostAddress kShutdownEngineAddress(QStringLiteral("127.0.0.142"));
const QHostAddress kShutdownPartnerAddress(QStringLiteral("127.0.0.143"));
const QHostAddress kShutdownPeerAddress(QStringLiteral("127.0.0.144"));
constexpr int kPings = 200;

QByteArray ping(const QString &id)
{
    return QStringLiteral("<iq type='get' id='%1' from='partner.test' to='contoso.test'>"
                          "<ping xmlns='urn:xmpp:ping'/></iq>")
        .arg(id)
        .toUtf8();
}

// An engine on two session loops at `engine`, its partner served by
// `partner` listening at `partnerAddress`; null when either cannot start.
std::unique_ptr<Engine> twoLoopEngine(test::FakePartnerServer &partner, const QHostAddress &engine,
                                      const QHostAddress &partnerAddress)
{
    if (!partner.listen(partnerAddress))
        return nullptr;
    EngineConfig config;
    config.sessionLoops = 2;
    return test::makeLimitsEngine(engine, partnerAddress, partner.port(), config);
}

// The ids of the results partner.test received that start with `prefix`, in
// the order they arrived.
QStringList resultIds(const test::FakePartnerServer &partner, const QString &prefix)
{
    QStringList ids;
    for (const XmlElement &s : partner.stanzas)
        if (s.name() == QLatin1String("iq") &&
            s.attribute(QStringLiteral("type")) == QLatin1String("result") &&
            s.attribute(QStringLiteral("id")).startsWith(prefix))
            ids << s.attribute(QStringLiteral("id"));
    return ids;
}
} // namespace

class TestSessionLoops : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dataDir;

private slots:
    void initTestCase() { qputenv("FEDGATE_DATA_DIR", m_dataDir.path().toUtf8()); }

    void streamsSpreadOverLoopsAndAnswersKeepTheirOrder()
    {
        test::FakePartnerServer partner;
        auto engine = twoLoopEngine(partner, kEngineAddress, kPartnerAddress);
        QVERIFY(engine);
        // The Engine's thread (routing only) and two loops for sessions.
        QCOMPARE(engine->sessionLoops().size(), 3);

        RawPeer first;
        RawPeer second;
        QVERIFY2(test::authenticate(first, kPeerAddress, *engine), first.received.constData());
        QVERIFY2(test::authenticate(second, kPeerAddress, *engine), second.received.constData());
        // One stream on each loop: the least-loaded loop takes each.
        const ByteStream *a = test::engineSocketTo(*engine, first.socket.localPort());
        const ByteStream *b = test::engineSocketTo(*engine, second.socket.localPort());
        QVERIFY(a && b);
        QVERIFY(a->thread() != b->thread());
        QVERIFY(a->thread() != QThread::currentThread() && b->thread() != QThread::currentThread());
        // The pair (contoso.test, partner.test) belongs to the loop that sent
        // to it first, the first stream's (its dialback check): the outbound
        // stream lives there, and the first stream's answers never cross.
        const ByteStream *out = test::engineSocketTo(*engine, partner.port());
        QVERIFY(out);
        QCOMPARE(out->thread(), a->thread());

        // Pipelined pings on both streams: every answer arrives at the
        // partner, each stream's in the order sent.
        QByteArray burstA;
        QByteArray burstB;
        QStringList sentA;
        QStringList sentB;
        for (int i = 0; i < kPings; ++i) {
            sentA << QStringLiteral("a-%1").arg(i);
            sentB << QStringLiteral("b-%1").arg(i);
            burstA += ping(sentA.last());
            burstB += ping(sentB.last());
        }
        first.send(burstA);
        second.send(burstB);
        QTRY_COMPARE_WITH_TIMEOUT(resultIds(partner, QStringLiteral("a-")).size(), kPings, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(resultIds(partner, QStringLiteral("b-")).size(), kPings, 10000);
        QCOMPARE(resultIds(partner, QStringLiteral("a-")), sentA);
        QCOMPARE(resultIds(partner, QStringLiteral("b-")), sentB);

        // A message for a user goes to the Engine's thread; with no local
        // delivery it comes back to the partner as service-unavailable.
        second.send("<message id='to-user' from='bob@partner.test' to='alice@contoso.test' "
                    "type='chat'><body>hi</body></message>");
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(partner.stanzas.cbegin(), partner.stanzas.cend(),
                        [](const XmlElement &s) {
                            return s.attribute(QStringLiteral("id")) == QLatin1String("to-user") &&
                                   s.attribute(QStringLiteral("type")) == QLatin1String("error");
                        }),
            10000);

        // The table shows both loops' streams with what they received, and
        // each stream's loop: one inbound stream per worker loop, the
        // outbound stream on the first stream's.
        int loopOfA = -1;
        for (const SessionLoop *loop : engine->sessionLoops())
            if (loop->thread() == a->thread())
                loopOfA = loop->index();
        QVERIFY(loopOfA > 0);
        int inbound = 0;
        int outbound = 0;
        QSet<int> inboundLoops;
        for (const SessionInfo &s : engine->sessions()) {
            if (s.direction == SessionDirection::Inbound) {
                ++inbound;
                inboundLoops << s.loop;
                QCOMPARE(s.state, QStringLiteral("established"));
                QVERIFY2(s.stanzasIn >= kPings, qPrintable(QString::number(s.stanzasIn)));
            } else {
                ++outbound;
                QCOMPARE(s.loop, loopOfA);
                QCOMPARE(s.toJson().value(QStringLiteral("loop")).toInt(-1), loopOfA);
            }
        }
        QCOMPARE(inbound, 2);
        QCOMPARE(outbound, 1);
        QCOMPARE(inboundLoops, (QSet<int>{1, 2}));

        // stop() closes the streams on both loops.
        engine->stop();
        QVERIFY2(test::gotStreamError(first, "system-shutdown"), first.received.constData());
        QVERIFY2(test::gotStreamError(second, "system-shutdown"), second.received.constData());
        QTRY_VERIFY_WITH_TIMEOUT(engine->sessions().isEmpty(), 10000);
        engine.reset(); // joins the loop's thread
    }

    // Stopping a loop deletes on its own thread everything that lives there
    // (sessions, finished ones waiting for their deleteLater, resolvers)
    // before the loop object comes back to the caller's thread: nothing is
    // moved with a timer running (its re-registration would leak and its
    // delete would stop a timer from the wrong thread).
    void shutdownMovesNothingBack()
    {
        test::FakePartnerServer partner;
        auto engine = twoLoopEngine(partner, kShutdownEngineAddress, kShutdownPartnerAddress);
        QVERIFY(engine);
        RawPeer open;
        RawPeer gone;
        QVERIFY2(test::authenticate(open, kShutdownPeerAddress, *engine),
                 open.received.constData());
        QVERIFY2(test::authenticate(gone, kShutdownPeerAddress, *engine),
                 gone.received.constData());
        gone.socket.abort(); // its session finishes; the loop deletes it later
        for (SessionLoop *loop : engine->sessionLoops()) {
            if (!loop->ownsThread())
                continue;
            loop->shutdown();
            QCOMPARE(loop->thread(), QThread::currentThread());
            QVERIFY2(loop->children().isEmpty(),
                     qPrintable(QString::number(loop->children().size())));
        }
        QVERIFY(open.waitClosed());
        engine.reset();
    }

    // Each loop reads its own copy of the policy: the domains every stanza's
    // checks copy share no storage (no reference count two cores bump)
    // with another loop's or the Engine's, and say the same.
    void eachLoopHasItsOwnPolicyStrings()
    {
        test::FakePartnerServer partner;
        auto engine = twoLoopEngine(partner, kOwnStringsEngineAddress, kOwnStringsPartnerAddress);
        QVERIFY(engine);
        const topology::Topology &ours = engine->policy().topology();
        QList<topology::Topology> copies;
        for (SessionLoop *loop : engine->sessionLoops()) {
            if (!loop->ownsThread())
                continue;
            topology::Topology copy;
            QMetaObject::invokeMethod(
                loop, [&] { copy = loop->snapshot().policy.topology(); },
                Qt::BlockingQueuedConnection);
            copies << copy;
        }
        QCOMPARE(copies.size(), 2);
        const auto firstPartner = [](const topology::Topology &t) {
            return t.partners.value(0).domain;
        };
        const auto firstDomain = [](const topology::Topology &t) {
            return t.organisation.xmppDomains.value(0);
        };
        for (const topology::Topology &copy : std::as_const(copies)) {
            QCOMPARE(firstPartner(copy), test::kLimitsPartner);
            QCOMPARE(firstDomain(copy), firstDomain(ours));
            QVERIFY(!firstPartner(copy).isSharedWith(firstPartner(ours)));
            QVERIFY(!firstDomain(copy).isSharedWith(firstDomain(ours)));
        }
        QVERIFY(!firstPartner(copies[0]).isSharedWith(firstPartner(copies[1])));
        QVERIFY(!firstDomain(copies[0]).isSharedWith(firstDomain(copies[1])));
        engine.reset();
    }
};

QTEST_GUILESS_MAIN(TestSessionLoops)
#include "tst_sessionloops.moc"
