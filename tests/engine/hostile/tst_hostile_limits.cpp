// Hostile peers against fedgated's resource limits: a peer that floods
// requests and never reads, a partner that stops reading the bounces it is
// sent, dialback amplification, streams that only claim a partner's name,
// half-open connection floods, per-address caps and connection churn.
#include "HostileHarness.h"

#include "engine/EngineConfig.h"

#include <QDeadlineTimer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

using namespace fedgate::test;
using namespace fedgate::test::hostile;

namespace {
const int kPerAddressLimit = fedgate::engine::EngineConfig().maxUnauthenticatedPerAddress;
const int kMaxPendingDialback = fedgate::engine::EngineConfig().maxPendingDialback;
} // namespace

class TestHostileLimits : public HostileSuite
{
    Q_OBJECT

    // Writes `chunk` `times` times to `peer` (which does not read), with a
    // legit ping between chunks; stops once fedgated drops the connection.
    void floodWithoutReading(RawPeer &peer, const QByteArray &chunk, int times)
    {
        peer.socket.setReadBufferSize(1);
        for (int i = 0; i < times && peer.socket.state() == QAbstractSocket::ConnectedState; ++i) {
            peer.socket.write(chunk);
            // Let our own buffer drain into the kernel before writing more,
            // so the test process does not hold the whole flood.
            QDeadlineTimer drained(2000);
            while (peer.socket.bytesToWrite() > 4 * chunk.size() && !drained.hasExpired() &&
                   peer.socket.state() == QAbstractSocket::ConnectedState)
                QTest::qWait(5);
            if (i % 20 == 0)
                expectLegitAnswered();
        }
    }

    // 8,192 x `request` (each answered), then until fedgated aborts the
    // stream once over the output bound (no flush awaited).
    void floodUntilAborted(RawPeer &peer, const QByteArray &request)
    {
        floodWithoutReading(peer, request.repeated(32), 256);
        QDeadlineTimer deadline(10000);
        while (peer.socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
            peer.socket.write(request); // a write is what notices the reset
            QTest::qWait(50);
        }
        QVERIFY2(peer.socket.state() == QAbstractSocket::UnconnectedState,
                 "fedgated kept the non-reading peer's stream");
    }

private slots:
    void initTestCase()
    {
        HarnessOptions options;
        options.streamEstablishmentTimeout = 60; // half-open floods are not cut by it
        startHarness(options);
    }
    void init() { prepareAttack(); }
    void cleanupTestCase() { m_h.stop(); }

    // --- Defect 5: unbounded output queues --------------------------------

    void nonReadingPeerFloodsDbVerify()
    {
        // Each db:verify carries an 8 KiB id that the answer repeats; the
        // attacker writes 64 MiB of them and never reads a byte.
        RawPeer peer;
        QVERIFY(m_h.openStream(peer, 1));
        const QByteArray verify = "<db:verify from='partner.test' to='contoso.test' id='" +
                                  QByteArray(8 * 1024, 'v') + "'>bogus</db:verify>";
        floodUntilAborted(peer, verify);
        QVERIFY2(m_h.log().contains(attackerAddress(1).toString()), "no log line names the peer");
        expectSurvived();
    }

    void nonReadingTlsPeerFloodsDbVerify()
    {
        // The same over TLS: the bound counts the encrypted bytes pending too.
        RawPeer peer;
        QVERIFY(m_h.startTls(peer, 14, kSecure, kSecure));
        peer.send(header(kOurDomain, kSecure));
        QVERIFY(peer.waitFor("</stream:features>"));
        const QByteArray verify = "<db:verify from='secure.test' to='contoso.test' id='" +
                                  QByteArray(8 * 1024, 'v') + "'>bogus</db:verify>";
        floodUntilAborted(peer, verify);
        expectSurvived();
    }

    void stalledPartnerReceivingBounces()
    {
        // Authenticated as stalled.test, whose server stops reading once
        // dialback is done: 64 MiB of messages to a local user bounce to it.
        RawPeer peer;
        QVERIFY(m_h.authenticate(peer, 2, kStalled));
        const QByteArray message =
            "<message from='x@stalled.test' to='nobody@contoso.test' id='s'><body>" +
            QByteArray(64 * 1024, 'b') + "</body></message>";
        const qsizetype warningsBefore = m_h.log().count(kStalled);
        for (int i = 0; i < 64 && peer.socket.state() == QAbstractSocket::ConnectedState; ++i) {
            peer.send(message.repeated(16));
            QTRY_VERIFY_WITH_TIMEOUT(peer.socket.bytesToWrite() == 0, 5000);
            if (i % 8 == 0)
                expectLegitAnswered();
        }
        // The outbound stream to stalled.test was closed and the event logged.
        QTRY_VERIFY2_WITH_TIMEOUT(
            m_h.log().contains(QRegularExpression(
                QStringLiteral("stalled\\.test.*(buffer|unsent|not reading|output)"),
                QRegularExpression::CaseInsensitiveOption)),
            "no warning about the stalled partner's output bound", 10000);
        QVERIFY(m_h.log().count(kStalled) > warningsBefore);
        expectSurvived();
    }

    // --- Defect 7: amplification and lock-out ------------------------------

    void dialbackAmplification()
    {
        // 1,000 db:result in one write; each would be a db:verify to
        // partner.test's server. At most 10 may be outstanding per stream:
        // allow twice that for answers that come back between reads.
        RawPeer peer;
        QVERIFY(m_h.openStream(peer, 3));
        const int before = m_h.partnerServer().verifiesReceived;
        peer.send(QByteArray("<db:result from='partner.test' to='contoso.test'>k</db:result>")
                      .repeated(1000));
        expectStreamError(peer, "policy-violation");
        // The legit pong comes over the same outbound stream, after the checks.
        expectLegitAnswered();
        const int checks = m_h.partnerServer().verifiesReceived - before;
        QVERIFY2(checks <= 2 * kMaxPendingDialback,
                 qPrintable(QStringLiteral("%1 dialback checks").arg(checks)));
        expectSurvived();
    }

    void claimOnlyStreamsLockOutPartner()
    {
        // Five unauthenticated streams claim claimed.test (ConnectionLimit 2).
        RawPeer claims[5];
        for (RawPeer &claim : claims)
            QVERIFY(m_h.openStream(claim, 4, kClaimed));
        expectLegitAnswered();
        // The real claimed.test still gets in.
        RawPeer real;
        QVERIFY2(m_h.authenticate(real, 5, kClaimed), real.received.right(400).constData());
        expectSurvived();
    }

    void authenticatedPartnerLimitStillHolds()
    {
        RawPeer first, second;
        QVERIFY(m_h.authenticate(first, 6, kClaimed));
        QVERIFY(m_h.authenticate(second, 7, kClaimed));
        RawPeer third;
        QVERIFY(m_h.connect(third, 8));
        third.send(header(kOurDomain, kClaimed));
        if (third.waitFor("</stream:features>", 3000))
            third.send("<db:result from='claimed.test' to='contoso.test'>k</db:result>");
        // Refused at dialback valid, as over the partner's quota (d6d6d01).
        expectStreamError(third, "policy-violation");
        QVERIFY(!third.received.contains("type='valid'"));
        expectSurvived();
    }

    void halfOpenConnectionFlood()
    {
        // 150 TCP connections from one address that never say a word, more
        // than the gateway ConnectionLimit (100 here).
        std::vector<std::unique_ptr<QTcpSocket>> flood;
        for (int i = 0; i < 150; ++i) {
            auto s = std::make_unique<QTcpSocket>();
            s->bind(attackerAddress(9));
            s->connectToHost(kFedgatedAddress, m_h.port());
            flood.push_back(std::move(s));
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(flood.begin(), flood.end(),
                                             [](const auto &s) {
                                                 return s->state() !=
                                                        QAbstractSocket::ConnectingState;
                                             }),
                                 10000);
        // Those over the per-address cap are closed at accept...
        auto open = [&flood] {
            return std::count_if(flood.begin(), flood.end(), [](const auto &s) {
                return s->state() == QAbstractSocket::ConnectedState;
            });
        };
        QTRY_VERIFY2_WITH_TIMEOUT(
            open() <= kPerAddressLimit,
            qPrintable(QStringLiteral("%1 half-open connections kept").arg(open())), 10000);
        // ...so a partner from elsewhere gets in, and is answered.
        RawPeer fresh;
        QVERIFY2(m_h.authenticate(fresh, 10), fresh.received.right(400).constData());
        expectSurvived();
    }

    void perAddressCapLeavesOtherAddressesServed()
    {
        std::vector<std::unique_ptr<RawPeer>> crowd;
        int served = 0;
        for (int i = 0; i < kPerAddressLimit + 4; ++i) {
            crowd.push_back(std::make_unique<RawPeer>());
            if (m_h.connect(*crowd.back(), 11)) {
                crowd.back()->send(header());
                served += crowd.back()->waitFor("</stream:features>", 2000);
            }
        }
        QVERIFY2(
            served <= kPerAddressLimit,
            qPrintable(QStringLiteral("%1 unauthenticated streams from one address").arg(served)));
        RawPeer other;
        QVERIFY(m_h.openStream(other, 12));
        expectSurvived();
    }

    // --- Connection churn (passes before the fixes) -------------------------

    void connectionChurn()
    {
        for (int i = 0; i < 300; ++i) {
            QTcpSocket s;
            s.bind(attackerAddress(13 + i % 4));
            s.connectToHost(kFedgatedAddress, m_h.port());
            if (s.waitForConnected(2000) && i % 2)
                s.write(header());
            s.abort();
            if (i % 50 == 0)
                expectLegitAnswered();
        }
        expectSurvived();
    }
};

QTEST_GUILESS_MAIN(TestHostileLimits)
#include "tst_hostile_limits.moc"
