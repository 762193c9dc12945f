// The gateway's clocks, shortened for the test: a connection that never
// finishes logging in is closed with connection-timeout, an idle logged-in
// stream too (whitespace keep-alives keep one open), and a session dropped
// with XEP-0198 resumption enabled that is never resumed ends after the
// resumption timeout with nothing lost: the message it never acknowledged
// is stored offline and delivered at the next login.
#include "C2SFixture.h"
#include "RawClient.h"

#include <QTest>

using namespace fedgate;
using fedgate::test::C2SFixture;
using fedgate::test::RawClient;

class TestC2STimeouts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_fixture.customiseConfig = [](engine::GatewayConfig &config) {
            config.establishmentTimeoutMs = 1500;
            config.inactivityTimeoutMs = 1500;
            config.limits.resumeTimeoutMs = 1000;
        };
        const QString error = m_fixture.start(QStringLiteral("127.0.0.214"));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        RawClient::address = m_fixture.address();
        RawClient::password = C2SFixture::kPassword;
    }

    void unfinishedLoginIsClosed()
    {
        RawClient c;
        QVERIFY(c.open(port()));
        QVERIFY(c.peer.waitFor("<connection-timeout", 10000));
        QVERIFY(c.peer.waitClosed());
    }

    void idleStreamIsClosedButKeepAlivesKeepItOpen()
    {
        RawClient idle, alive;
        QVERIFY(idle.login(port(), QStringLiteral("alice"), QStringLiteral("idle")));
        QVERIFY(alive.login(port(), QStringLiteral("bob"), QStringLiteral("alive")));
        bool closed = false;
        for (int i = 0; i < 40 && !closed; ++i) { // at most 8 s
            alive.peer.send(" ");
            QTest::qWait(200);
            idle.peer.received += idle.peer.socket.readAll();
            closed = idle.peer.received.contains("<connection-timeout");
        }
        QVERIFY(closed);
        QVERIFY(alive.pingAnswered("still-here"));
    }

    void unresumedSessionLosesNothing()
    {
        {
            RawClient bob;
            QVERIFY(bob.login(port(), QStringLiteral("bob"), QStringLiteral("phone")));
            bob.sendFresh("<enable xmlns='urn:xmpp:sm:3' resume='true'/>");
            QVERIFY(bob.peer.waitFor("<enabled"));
            bob.sendFresh("<presence/>");
            QVERIFY(bob.peer.waitFor("<presence"));
            RawClient alice;
            QVERIFY(alice.login(port(), QStringLiteral("alice"), QStringLiteral("desk")));
            alice.sendFresh(
                "<message to='bob@contoso.test' type='chat'><body>never acked</body></message>");
            QVERIFY(bob.peer.waitFor("never acked"));
            bob.peer.socket.abort(); // no ack, no closing tag
        }
        // After the resumption timeout the message goes to offline storage.
        RawClient again;
        bool delivered = false;
        for (int i = 0; i < 20 && !delivered; ++i) { // at most ~10 s
            QTest::qWait(500);
            RawClient probe;
            QVERIFY(probe.login(port(), QStringLiteral("bob"), QStringLiteral("laptop%1").arg(i)));
            probe.sendFresh("<presence/>");
            delivered = probe.peer.waitFor("never acked", 500);
        }
        QVERIFY(delivered);
    }

private:
    quint16 port() { return m_fixture.port(); }
    C2SFixture m_fixture;
};

QTEST_MAIN(TestC2STimeouts)
#include "tst_c2stimeouts.moc"
