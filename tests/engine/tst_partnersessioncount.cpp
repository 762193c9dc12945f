// Engine::sessionCount() for inbound streams, now kept per domain instead of
// walked over every session at each authentication (issue 14: opening
// 10,000 sessions was quadratic): a stream counts once per remote domain it
// authenticated, however often it authenticates it again; a closed stream
// gives its place back, so the partner's limit admits a new one; a stream
// that only names the domain never counts. In-process engine over raw
// sockets, 127.0.0.182-184 (perf).
#include "EngineLimitsFixture.h"

#include <QTemporaryDir>
#include <QTest>

using namespace fedgate::engine;
using namespace fedgate;
using test::RawPeer;

namespace {
const QHostAddress kEngineAddress(QStringLiteral("127.0.0.182"));
const QHostAddress kPartnerAddress(QStringLiteral("127.0.0.183"));
const QHostAddress kPeerAddress(QStringLiteral("127.0.0.184"));
} // namespace

class TestPartnerSessionCount : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dataDir;

    int inboundCount(const Engine &engine, const QString &domain) const
    {
        return engine.sessionCount(domain, SessionDirection::Inbound);
    }

private slots:
    void initTestCase() { qputenv("FEDGATE_DATA_DIR", m_dataDir.path().toUtf8()); }

    void countFollowsAuthenticationAndClose()
    {
        test::FakePartnerServer partner;
        QVERIFY(partner.listen(kPartnerAddress));
        topology::GatewaySettings gateway;
        gateway.partnerConnectionLimit = 2;
        auto engine = test::makeLimitsEngine(kEngineAddress, kPartnerAddress, partner.port(),
                                             EngineConfig{}, gateway);
        QVERIFY(engine);
        const QString domain = test::kLimitsPartner;

        RawPeer claimOnly; // names partner.test, never authenticates
        QVERIFY2(test::openStream(claimOnly, kPeerAddress, *engine),
                 claimOnly.received.constData());
        QCOMPARE(inboundCount(*engine, domain), 0);

        RawPeer first;
        QVERIFY2(test::authenticate(first, kPeerAddress, *engine), first.received.constData());
        QCOMPARE(inboundCount(*engine, domain), 1);
        QCOMPARE(inboundCount(*engine, domain.toUpper()), 1); // domains compare case-blind

        // The same stream authenticating the same domain again counts once.
        first.received.clear();
        first.send("<db:result from='partner.test' to='contoso.test'>0123abcd</db:result>");
        QVERIFY2(first.waitFor("type='valid'"), first.received.constData());
        QCOMPARE(inboundCount(*engine, domain), 1);

        RawPeer second;
        QVERIFY2(test::authenticate(second, kPeerAddress, *engine), second.received.constData());
        QCOMPARE(inboundCount(*engine, domain), 2);

        // At the limit: a third is refused and does not count.
        RawPeer third;
        QVERIFY(test::openStream(third, kPeerAddress, *engine));
        third.send("<db:result from='partner.test' to='contoso.test'>0123abcd</db:result>");
        QVERIFY2(test::gotStreamError(third, "policy-violation"), third.received.constData());
        QCOMPARE(inboundCount(*engine, domain), 2);

        // A closed stream gives its place back.
        first.socket.abort();
        QTRY_COMPARE_WITH_TIMEOUT(inboundCount(*engine, domain), 1, 5000);
        RawPeer fourth;
        QVERIFY2(test::authenticate(fourth, kPeerAddress, *engine), fourth.received.constData());
        QCOMPARE(inboundCount(*engine, domain), 2);

        second.socket.abort();
        fourth.socket.abort();
        QTRY_COMPARE_WITH_TIMEOUT(inboundCount(*engine, domain), 0, 5000);
        QCOMPARE(claimOnly.socket.state(), QAbstractSocket::ConnectedState);
    }
};

QTEST_GUILESS_MAIN(TestPartnerSessionCount)
#include "tst_partnersessioncount.moc"
