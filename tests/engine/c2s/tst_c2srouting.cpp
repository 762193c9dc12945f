// RFC 6121 rosters, subscriptions and delivery rules between local users,
// played with raw clients so each stanza on the wire can be checked: roster
// set/get/push, bad roster sets, the subscription handshake with its
// pending-out ('ask') and pending-in states (a request to an offline user is
// delivered at its next initial presence), roster removal cancelling both
// directions, and section 8 delivery (normal messages to the highest
// priority, nothing to negative priority, a vanished resource treated as
// the bare JID, iq to a missing resource and stanzas to unknown users
// answered with service-unavailable).
#include "C2SFixture.h"
#include "RawClient.h"

#include <QTest>

using namespace fedgate;
using fedgate::test::C2SFixture;
using fedgate::test::RawClient;

namespace {
QByteArray presence(int priority)
{
    return "<presence><priority>" + QByteArray::number(priority) + "</priority></presence>";
}
} // namespace

class TestC2SRouting : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString error = m_fixture.start(QStringLiteral("127.0.0.213"));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        RawClient::address = m_fixture.address();
        RawClient::password = C2SFixture::kPassword;
    }

    void rosterSetGetAndPush()
    {
        RawClient a1, a2;
        QVERIFY(a1.login(port(), QStringLiteral("alice"), QStringLiteral("one")));
        QVERIFY(a2.login(port(), QStringLiteral("alice"), QStringLiteral("two")));
        a2.sendFresh("<iq type='get' id='g0'><query xmlns='jabber:iq:roster'/></iq>");
        QVERIFY(a2.peer.waitFor("id='g0'"));
        a1.sendFresh("<iq type='set' id='s1'><query xmlns='jabber:iq:roster'><item "
                     "jid='Carol@Contoso.test' name='Carol'><group>Team</group></item></query>"
                     "</iq>");
        QVERIFY(a1.peer.waitFor("id='s1'"));
        QVERIFY(a1.peer.received.contains("type='result'"));
        // The push reaches the interested resource, with the JID prepared.
        QVERIFY(a2.peer.waitFor("<group>Team</group>"));
        QVERIFY(a2.peer.received.contains("jid='carol@contoso.test'"));
        QVERIFY(a2.peer.received.contains("subscription='none'"));
        a1.sendFresh("<iq type='get' id='g1'><query xmlns='jabber:iq:roster'/></iq>");
        QVERIFY(a1.peer.waitFor("id='g1'"));
        QVERIFY(a1.peer.waitFor("name='Carol'"));
        // Roster versioning (RFC 6121 2.6): the push carried the version; a
        // client holding it gets an empty result, an older one the roster.
        const qsizetype at = a2.peer.received.lastIndexOf("ver='");
        QVERIFY(at >= 0);
        const QByteArray ver = a2.peer.received.mid(at + 5).split('\'').first();
        a1.sendFresh("<iq type='get' id='g2'><query xmlns='jabber:iq:roster' ver='" + ver +
                     "'/></iq>");
        QVERIFY(a1.peer.waitFor("id='g2'"));
        QVERIFY(!a1.peer.received.contains("<query"));
        a1.sendFresh("<iq type='get' id='g3'><query xmlns='jabber:iq:roster' ver='0'/></iq>");
        QVERIFY(a1.peer.waitFor("name='Carol'"));
    }

    void rosterSetWithTwoItemsIsABadRequest()
    {
        RawClient a;
        QVERIFY(a.login(port(), QStringLiteral("alice"), QStringLiteral("bad")));
        a.sendFresh("<iq type='set' id='s2'><query xmlns='jabber:iq:roster'><item "
                    "jid='x@contoso.test'/><item jid='y@contoso.test'/></query></iq>");
        QVERIFY(a.peer.waitFor("</iq>"));
        QVERIFY(a.peer.received.contains("<bad-request"));
        a.sendFresh("<iq type='set' id='s3'><query xmlns='jabber:iq:roster'><item "
                    "jid='x@contoso.test' subscription='remove'/></query></iq>");
        QVERIFY(a.peer.waitFor("</iq>"));
        QVERIFY(a.peer.received.contains("<item-not-found"));
    }

    void subscriptionHandshakeAndRemoval()
    {
        RawClient alice, bob;
        QVERIFY(alice.login(port(), QStringLiteral("alice"), QStringLiteral("sub")));
        QVERIFY(bob.login(port(), QStringLiteral("bob"), QStringLiteral("sub")));
        for (RawClient *c : {&alice, &bob}) {
            c->sendFresh("<iq type='get' id='r'><query xmlns='jabber:iq:roster'/></iq>");
            QVERIFY(c->peer.waitFor("id='r'"));
            c->sendFresh("<presence><status>here</status></presence>");
            QVERIFY(c->peer.waitFor("</presence>"));
        }
        alice.sendFresh("<presence to='bob@contoso.test' type='subscribe'/>");
        QVERIFY(alice.peer.waitFor("ask='subscribe'")); // pending out
        QVERIFY(bob.peer.waitFor("type='subscribe'"));
        QVERIFY(bob.peer.received.contains("from='alice@contoso.test'"));
        bob.sendFresh("<presence to='alice@contoso.test' type='subscribed'/>");
        QVERIFY(bob.peer.waitFor("subscription='from'"));
        QVERIFY(alice.peer.waitFor("subscription='to'"));
        // Alice now sees Bob's presence (sent on approval).
        QVERIFY(alice.peer.waitFor("<status>here</status>"));
        QVERIFY(alice.peer.received.contains("from='bob@contoso.test/sub'"));

        // Removal cancels both directions: Bob hears unsubscribe.
        bob.peer.received.clear();
        alice.sendFresh("<iq type='set' id='rm'><query xmlns='jabber:iq:roster'><item "
                        "jid='bob@contoso.test' subscription='remove'/></query></iq>");
        QVERIFY(alice.peer.waitFor("subscription='remove'"));
        QVERIFY(bob.peer.waitFor("type='unsubscribe'"));
        QVERIFY(bob.peer.waitFor("subscription='none'"));
    }

    void requestToOfflineUserArrivesAtItsInitialPresence()
    {
        {
            RawClient alice;
            QVERIFY(alice.login(port(), QStringLiteral("alice"), QStringLiteral("req")));
            alice.sendFresh("<presence to='carol@contoso.test' type='subscribe'/>");
            QVERIFY(alice.pingAnswered("after-subscribe"));
        }
        RawClient carol;
        QVERIFY(carol.login(port(), QStringLiteral("carol"), QStringLiteral("late")));
        carol.sendFresh("<presence/>");
        QVERIFY(carol.peer.waitFor("type='subscribe'"));
        QVERIFY(carol.peer.received.contains("from='alice@contoso.test'"));
    }

    void deliveryRules()
    {
        RawClient high, low, negative, sender;
        QVERIFY(high.login(port(), QStringLiteral("bob"), QStringLiteral("high")));
        QVERIFY(low.login(port(), QStringLiteral("bob"), QStringLiteral("low")));
        QVERIFY(negative.login(port(), QStringLiteral("bob"), QStringLiteral("negative")));
        QVERIFY(sender.login(port(), QStringLiteral("alice"), QStringLiteral("sender")));
        high.sendFresh(presence(10));
        low.sendFresh(presence(1));
        negative.sendFresh(presence(-1));
        QVERIFY(negative.pingAnswered("p"));
        for (RawClient *c : {&high, &low, &negative})
            c->peer.received.clear();

        // normal to the bare JID: the highest priority only.
        sender.sendFresh("<message to='bob@contoso.test'><body>normal one</body></message>");
        QVERIFY(high.peer.waitFor("normal one"));
        // chat to the bare JID: every non-negative resource.
        sender.sendFresh(
            "<message to='bob@contoso.test' type='chat'><body>chat one</body></message>");
        QVERIFY(high.peer.waitFor("chat one"));
        QVERIFY(low.peer.waitFor("chat one"));
        // a vanished resource: as if to the bare JID.
        sender.sendFresh(
            "<message to='bob@contoso.test/gone' type='chat'><body>chat two</body></message>");
        QVERIFY(low.peer.waitFor("chat two"));
        QVERIFY(negative.pingAnswered("n"));
        QVERIFY(!low.peer.received.contains("normal one"));
        QVERIFY(!negative.peer.received.contains("one"));
        QVERIFY(!negative.peer.received.contains("chat two"));
        // iq to a missing resource and a message to an unknown user.
        sender.sendFresh("<iq to='bob@contoso.test/gone' type='get' id='q1'><query "
                         "xmlns='jabber:iq:version'/></iq>");
        QVERIFY(sender.peer.waitFor("</iq>"));
        QVERIFY(sender.peer.received.contains("<service-unavailable"));
        sender.sendFresh("<message to='nobody@contoso.test' type='chat'><body>?</body></message>");
        QVERIFY(sender.peer.waitFor("</message>"));
        QVERIFY(sender.peer.received.contains("<service-unavailable"));
        // iq to a full JID reaches exactly that resource.
        sender.sendFresh("<iq to='bob@contoso.test/negative' type='get' id='q2'><query "
                         "xmlns='jabber:iq:version'/></iq>");
        QVERIFY(negative.peer.waitFor("id='q2'"));
    }

private:
    quint16 port() { return m_fixture.port(); }
    C2SFixture m_fixture;
};

QTEST_MAIN(TestC2SRouting)
#include "tst_c2srouting.moc"
