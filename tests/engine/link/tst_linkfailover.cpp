// The gateway's uplink fails over between the XMPP-routed edge pools: with
// the preferred pool (Paris, the route of the gateway's site) down it uses
// the next routed pool (Montreal), moves back once Paris is up, and fails
// over again when Paris goes away, delivering what was sent meanwhile. Both
// pools name fe-paris as their next hop in the test topology. Addresses
// 127.0.0.224-227.
#include "LinkFixture.h"

#include <QTest>

using namespace fedgate;
using namespace fedgate::engine;
using namespace fedgate::test;

namespace {
const EdgeAddresses kParis{QHostAddress(QStringLiteral("127.0.0.224")),
                           QHostAddress(QStringLiteral("127.0.0.225"))};
const EdgeAddresses kMontreal{QHostAddress(QStringLiteral("127.0.0.226")),
                              QHostAddress(QStringLiteral("127.0.0.227"))};

// The pool the gateway's established link goes to, or empty.
QString establishedPool(const InternalLinkClient &gateway)
{
    for (const SessionInfo &row : gateway.sessions())
        if (row.state == QLatin1String("established"))
            return row.remoteDomain;
    return {};
}
} // namespace

class TestLinkFailover : public QObject
{
    Q_OBJECT
private:
    LinkFixture m_fixture;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fixture.create(kParis, kMontreal, &error), qPrintable(error));
    }

    void failsOverToTheNextRoutedPoolAndBack()
    {
        QString error;
        auto montreal = m_fixture.startEdge(kMontrealEdge, &error);
        QVERIFY2(montreal, qPrintable(error));
        RecordingInbox inbox;
        auto gateway = m_fixture.startGateway(&inbox, QStringLiteral("fe-paris"), &error);
        QVERIFY2(gateway, qPrintable(error));

        // Paris (the preferred route) is down: Montreal carries the link.
        QTRY_COMPARE_WITH_TIMEOUT(establishedPool(*gateway), kMontrealEdge, 10000);
        QCOMPARE(montreal->link->readyLinks(), 1);
        QVERIFY(m_fixture.log().contains(QStringLiteral("(failover: a preferred pool is down)")));
        gateway->sendToFederation(clientMessage(QStringLiteral("via-mtl"),
                                                QStringLiteral("carol@contoso.test"),
                                                QStringLiteral("through Montreal")));
        QTRY_VERIFY(inbox.receivedWithId(QStringLiteral("via-mtl")));

        // Paris comes up: the gateway moves back and leaves Montreal.
        auto paris = m_fixture.startEdge(kParisEdge, &error);
        QVERIFY2(paris, qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(establishedPool(*gateway), kParisEdge, 10000);
        QTRY_COMPARE(paris->link->readyLinks(), 1);
        QTRY_COMPARE(montreal->link->readyLinks(), 0);
        gateway->sendToFederation(clientMessage(QStringLiteral("via-paris"),
                                                QStringLiteral("carol@contoso.test"),
                                                QStringLiteral("through Paris")));
        QTRY_VERIFY(inbox.receivedWithId(QStringLiteral("via-paris")));

        // Paris goes away: back to Montreal, and a message sent at that
        // moment is queued and delivered, not lost.
        paris.reset();
        gateway->sendToFederation(clientMessage(QStringLiteral("in-between"),
                                                QStringLiteral("carol@contoso.test"),
                                                QStringLiteral("during the failover")));
        QTRY_COMPARE_WITH_TIMEOUT(establishedPool(*gateway), kMontrealEdge, 10000);
        QTRY_VERIFY(inbox.receivedWithId(QStringLiteral("in-between")));
        QVERIFY(inbox.bounced.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLinkFailover)
#include "tst_linkfailover.moc"
