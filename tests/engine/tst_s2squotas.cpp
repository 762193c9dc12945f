// Issue 9, defect 7 (amplification and lock-out), against an in-process
// engine over raw sockets: at most EngineConfig::maxPendingDialback db:result
// checks per stream, partner connection limits that count only authenticated
// streams, at most EngineConfig::maxUnauthenticatedPerAddress unauthenticated
// connections per source address, and the small stanza limit before a stream
// is authenticated.
#include "EngineLimitsFixture.h"

#include <QTemporaryDir>
#include <QTest>

using namespace fedgate::engine;
using namespace fedgate;
using test::RawPeer;

namespace {
const QHostAddress kEngineAddress(QStringLiteral("127.0.0.106"));
const QHostAddress kPartnerAddress(QStringLiteral("127.0.0.107"));
const QHostAddress kAttackerAddress(QStringLiteral("127.0.0.108"));
const QHostAddress kOtherAddress(QStringLiteral("127.0.0.109"));
} // namespace

class TestS2SQuotas : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dataDir;

private slots:
    void initTestCase() { qputenv("FEDGATE_DATA_DIR", m_dataDir.path().toUtf8()); }

    void pendingDialbackCap_defect7()
    {
        // The authoritative server never answers: every check stays pending.
        test::FakePartnerServer slow;
        slow.answerVerify = false;
        QVERIFY(slow.listen(kPartnerAddress));
        auto engine =
            test::makeLimitsEngine(kEngineAddress, kPartnerAddress, slow.port(), EngineConfig{});
        QVERIFY(engine);
        QCOMPARE(engine->config().maxPendingDialback, 10);
        RawPeer peer;
        QVERIFY(test::openStream(peer, kAttackerAddress, *engine));
        QByteArray results;
        for (int i = 0; i < 11; ++i)
            results += "<db:result from='partner.test' to='contoso.test'>key" +
                       QByteArray::number(i) + "</db:result>";
        peer.send(results);
        QVERIFY2(test::gotStreamError(peer, "policy-violation"), peer.received.constData());
        QTRY_COMPARE_WITH_TIMEOUT(slow.verifiesReceived, 10, 5000);
        // Nothing more reaches the partner for the refused 11th.
        QTest::qWait(200);
        QCOMPARE(slow.verifiesReceived, 10);
    }

    void claimOnlyStreamsDoNotLockOutThePartner_defect7()
    {
        test::FakePartnerServer partner;
        QVERIFY(partner.listen(kPartnerAddress));
        topology::GatewaySettings gateway;
        gateway.partnerConnectionLimit = 2;
        auto engine = test::makeLimitsEngine(kEngineAddress, kPartnerAddress, partner.port(),
                                             EngineConfig{}, gateway);
        QVERIFY(engine);
        // Two streams that only claim partner.test in their header.
        RawPeer claims[2];
        for (RawPeer &claim : claims)
            QVERIFY2(test::openStream(claim, kAttackerAddress, *engine),
                     claim.received.constData());
        // The real partner still authenticates, up to its limit.
        RawPeer real[2];
        for (RawPeer &r : real)
            QVERIFY2(test::authenticate(r, kOtherAddress, *engine), r.received.constData());
        for (RawPeer &claim : claims)
            QCOMPARE(claim.socket.state(), QAbstractSocket::ConnectedState);
        // One more authenticated stream would exceed it: policy-violation.
        RawPeer third;
        QVERIFY(test::openStream(third, kOtherAddress, *engine));
        third.send("<db:result from='partner.test' to='contoso.test'>0123abcd</db:result>");
        QVERIFY2(test::gotStreamError(third, "policy-violation"), third.received.constData());
        QVERIFY(!third.received.contains("type='valid'"));
        QCOMPARE(engine->sessionCount(test::kLimitsPartner, SessionDirection::Inbound), 2);
    }

    void unauthenticatedPerAddressCap_defect7()
    {
        test::FakePartnerServer partner;
        QVERIFY(partner.listen(kPartnerAddress));
        test::LogCapture log;
        auto engine =
            test::makeLimitsEngine(kEngineAddress, kPartnerAddress, partner.port(), EngineConfig{});
        QVERIFY(engine);
        QCOMPARE(engine->config().maxUnauthenticatedPerAddress, 16);
        RawPeer halfOpen[16];
        for (RawPeer &p : halfOpen)
            QVERIFY2(test::openStream(p, kAttackerAddress, *engine), p.received.constData());
        // The 17th from that address is closed at accept, never served.
        RawPeer oneTooMany;
        QVERIFY(oneTooMany.socket.bind(kAttackerAddress));
        QVERIFY(oneTooMany.connect(kEngineAddress, engine->listenPort()));
        oneTooMany.send(test::streamHeader(test::kLimitsOurDomain, test::kLimitsPartner));
        QVERIFY(oneTooMany.waitClosed());
        QVERIFY2(!oneTooMany.received.contains("features"), oneTooMany.received.constData());
        const QString refusal = log.line(QStringLiteral("refused at accept"));
        qInfo("%s", qPrintable(refusal));
        QVERIFY2(refusal.contains(QLatin1String("127.0.0.108")), log.text().c_str());
        // Another address is served meanwhile.
        RawPeer other;
        QVERIFY2(test::openStream(other, kOtherAddress, *engine), other.received.constData());
        // Once one of the 16 authenticates, it no longer counts.
        halfOpen[0].send("<db:result from='partner.test' to='contoso.test'>0123abcd</db:result>");
        QVERIFY2(halfOpen[0].waitFor("type='valid'"), halfOpen[0].received.constData());
        RawPeer next;
        QVERIFY2(test::openStream(next, kAttackerAddress, *engine), next.received.constData());
        for (RawPeer &p : halfOpen)
            QCOMPARE(p.socket.state(), QAbstractSocket::ConnectedState);
    }

    void preAuthStanzaLimit_defect3()
    {
        test::FakePartnerServer partner;
        QVERIFY(partner.listen(kPartnerAddress));
        auto engine =
            test::makeLimitsEngine(kEngineAddress, kPartnerAddress, partner.port(), EngineConfig{});
        QVERIFY(engine);
        QCOMPARE(engine->config().maxUnauthenticatedStanzaSize, qint64(16 * 1024));
        const QByteArray body(20 * 1024, 'x');
        const QByteArray message = "<message from='eve@partner.test' to='nobody@contoso.test' "
                                   "id='big'><body>" +
                                   body + "</body><thread>t</thread></message>";
        // Before authentication 20 KiB is over the limit.
        RawPeer early;
        QVERIFY(test::openStream(early, kAttackerAddress, *engine));
        early.send(message);
        QVERIFY2(test::gotStreamError(early, "policy-violation"), early.received.constData());
        // Once authenticated the full limit applies: the message is taken
        // (and bounced to partner.test, nobody being there).
        RawPeer partnerStream;
        QVERIFY(test::authenticate(partnerStream, kOtherAddress, *engine));
        partnerStream.send(message);
        QTRY_VERIFY_WITH_TIMEOUT(!partner.stanzas.isEmpty(), 5000);
        QCOMPARE(partner.stanzas.first().attribute(QStringLiteral("id")), QStringLiteral("big"));
        QCOMPARE(partner.stanzas.first().attribute(QStringLiteral("type")),
                 QStringLiteral("error"));
        QCOMPARE(partnerStream.socket.state(), QAbstractSocket::ConnectedState);
    }
};

QTEST_GUILESS_MAIN(TestS2SQuotas)
#include "tst_s2squotas.moc"
