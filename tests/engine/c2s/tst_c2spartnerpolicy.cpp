// Issue 10 item 5 at the gateway, with a recording FederationUplink in place
// of the internal link: the external access policy per stanza (a user whose
// effective policy lacks EnableXmppAccess gets not-allowed naming the policy,
// and partners' stanzas to that user get service-unavailable), the partner
// types (Federated: subscription auto-approved with status text;
// PublicVerified: auto-approved, status text never sent; PublicUnverified:
// nothing reaches our user until they added the contact and asked for its
// presence), and FederationInbox::undeliverable() turned into the error for
// the local sender.
#include "C2SFixture.h"
#include "RawClient.h"
#include "engine/c2s/ClientNamespaces.h"
#include "engine/xml/StanzaError.h"

#include <QTest>

using namespace fedgate;
using namespace fedgate::engine;
using fedgate::test::C2SFixture;
using fedgate::test::RawClient;

namespace {
class RecordingUplink : public FederationUplink
{
public:
    QList<XmlElement> sent;
    void sendToFederation(const XmlElement &stanza) override { sent.append(stanza); }

    // The first recorded stanza matching `match`, waiting for it.
    const XmlElement *waitFor(const std::function<bool(const XmlElement &)> &match)
    {
        const XmlElement *found = nullptr;
        (void)QTest::qWaitFor(
            [&] {
                for (const XmlElement &s : sent)
                    if (match(s)) {
                        found = &s;
                        return true;
                    }
                return false;
            },
            5000);
        return found;
    }
};

XmlElement stanza(const QString &name, const QString &from, const QString &to,
                  const QString &type = {})
{
    XmlElement s(name, ns::kClient);
    s.setAttribute(QStringLiteral("from"), from);
    s.setAttribute(QStringLiteral("to"), to);
    if (!type.isEmpty())
        s.setAttribute(QStringLiteral("type"), type);
    return s;
}

XmlElement chat(const QString &from, const QString &to, const QString &body)
{
    XmlElement m = stanza(QStringLiteral("message"), from, to, QStringLiteral("chat"));
    m.addChild(XmlElement(QStringLiteral("body"), ns::kClient)).addText(body);
    return m;
}

auto is(const QString &name, const QString &to, const QString &type = {})
{
    return [=](const XmlElement &s) {
        return s.name() == name && s.attribute(QStringLiteral("to")) == to &&
               s.attribute(QStringLiteral("type")) == type;
    };
}
} // namespace

class TestC2SPartnerPolicy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_fixture.customiseTopology = [](topology::Topology &t) {
            t.policy(QStringLiteral("global"))->enableXmppAccess = true;
            t.gateway.subscriptionRefreshInterval = 1; // seconds
            topology::ExternalAccessPolicy noXmpp;
            noXmpp.identity = QStringLiteral("tag:noxmpp");
            noXmpp.enableFederationAccess = true;
            t.policies << noXmpp;
            t.user(QStringLiteral("carol@contoso.test"))->grantedPolicy = QStringLiteral("noxmpp");
            const std::pair<const char *, topology::PartnerType> partners[] = {
                {"fabrikam.test", topology::PartnerType::Federated},
                {"verified.test", topology::PartnerType::PublicVerified},
                {"unverified.test", topology::PartnerType::PublicUnverified}};
            for (const auto &[domain, type] : partners) {
                topology::XmppPartner p;
                p.domain = QString::fromLatin1(domain);
                p.type = type;
                t.partners << p;
            }
        };
        const QString error = m_fixture.start(QStringLiteral("127.0.0.212"));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_fixture.gateway().setFederationUplink(&m_uplink);
        RawClient::address = m_fixture.address();
        RawClient::password = C2SFixture::kPassword;
        for (RawClient *c : {&m_alice, &m_carol}) {
            const QString user = c == &m_alice ? QStringLiteral("alice") : QStringLiteral("carol");
            QVERIFY(c->login(m_fixture.port(), user, QStringLiteral("desk")));
            c->sendFresh("<iq type='get' id='r1'><query xmlns='jabber:iq:roster'/></iq>");
            QVERIFY(c->peer.waitFor("id='r1'"));
            c->sendFresh("<presence><status>in a meeting</status></presence>");
            QVERIFY(c->peer.waitFor("</presence>"));
        }
    }
    void init() { m_uplink.sent.clear(); }

    void allowedUserReachesPartner()
    {
        m_alice.sendFresh("<message to='x@fabrikam.test' type='chat'><body>hi x</body></message>");
        const XmlElement *out = m_uplink.waitFor(is(
            QStringLiteral("message"), QStringLiteral("x@fabrikam.test"), QStringLiteral("chat")));
        QVERIFY(out);
        QCOMPARE(out->attribute(QStringLiteral("from")), QStringLiteral("alice@contoso.test/desk"));
        QCOMPARE(out->firstChild(QStringLiteral("body"))->text(), QStringLiteral("hi x"));
    }

    void userWithoutXmppAccessIsRefusedBothWays()
    {
        m_carol.sendFresh(
            "<message to='x@fabrikam.test' id='m1' type='chat'><body>hi</body></message>");
        QVERIFY(m_carol.peer.waitFor("</message>"));
        QVERIFY(m_carol.peer.received.contains("<not-allowed"));
        QVERIFY(m_carol.peer.received.contains("tag:noxmpp"));
        m_fixture.gateway().receiveFromFederation(chat(QStringLiteral("x@fabrikam.test/pc"),
                                                       QStringLiteral("carol@contoso.test"),
                                                       QStringLiteral("partner says hello")));
        const XmlElement *bounce =
            m_uplink.waitFor(is(QStringLiteral("message"), QStringLiteral("x@fabrikam.test/pc"),
                                QStringLiteral("error")));
        QVERIFY(bounce);
        QCOMPARE(stanzaErrorCondition(*bounce), QStringLiteral("service-unavailable"));
        QTest::qWait(200);
        QVERIFY(!m_carol.peer.received.contains("partner says hello"));
        for (const XmlElement &s : m_uplink.sent)
            QVERIFY(s.attribute(QStringLiteral("type")) == QLatin1String("error"));
    }

    // A reload (SIGHUP in fedgated) applies to sessions already logged in:
    // alice, allowed at login, is refused once the global policy loses
    // EnableXmppAccess, and allowed again when it comes back.
    void reloadAppliesNewPolicyToLiveSession()
    {
        topology::Topology changed = m_fixture.topology();
        changed.policy(QStringLiteral("global"))->enableXmppAccess = false;
        m_fixture.gateway().reload(changed);
        m_alice.sendFresh(
            "<message to='x@fabrikam.test' id='live1' type='chat'><body>after</body></message>");
        QVERIFY(m_alice.peer.waitFor("id='live1'"));
        QVERIFY(m_alice.peer.received.contains("<not-allowed"));
        for (const XmlElement &s : m_uplink.sent)
            QVERIFY(!s.toXml().contains("after"));

        m_fixture.gateway().reload(m_fixture.topology());
        m_alice.sendFresh(
            "<message to='x@fabrikam.test' id='live2' type='chat'><body>again</body></message>");
        QVERIFY(m_uplink.waitFor(is(QStringLiteral("message"), QStringLiteral("x@fabrikam.test"),
                                    QStringLiteral("chat"))));
    }

    void federatedSubscriptionIsAutoApprovedWithStatus()
    {
        m_alice.peer.received.clear();
        m_fixture.gateway().receiveFromFederation(
            stanza(QStringLiteral("presence"), QStringLiteral("x@fabrikam.test"),
                   QStringLiteral("alice@contoso.test"), QStringLiteral("subscribe")));
        QVERIFY(m_uplink.waitFor(is(QStringLiteral("presence"), QStringLiteral("x@fabrikam.test"),
                                    QStringLiteral("subscribed"))));
        const XmlElement *presence =
            m_uplink.waitFor(is(QStringLiteral("presence"), QStringLiteral("x@fabrikam.test")));
        QVERIFY(presence);
        QCOMPARE(presence->firstChild(QStringLiteral("status"))->text(),
                 QStringLiteral("in a meeting"));
        QVERIFY(m_alice.peer.waitFor("subscription='from'")); // the roster push
    }

    void publicVerifiedNeverSeesStatusText()
    {
        m_fixture.gateway().receiveFromFederation(
            stanza(QStringLiteral("presence"), QStringLiteral("y@verified.test"),
                   QStringLiteral("alice@contoso.test"), QStringLiteral("subscribe")));
        const XmlElement *presence =
            m_uplink.waitFor(is(QStringLiteral("presence"), QStringLiteral("y@verified.test")));
        QVERIFY(presence);
        QVERIFY(!presence->firstChild(QStringLiteral("status")));
        // Later presence updates are stripped too.
        m_uplink.sent.clear();
        m_alice.sendFresh("<presence><show>away</show><status>lunch</status></presence>");
        presence =
            m_uplink.waitFor(is(QStringLiteral("presence"), QStringLiteral("y@verified.test")));
        QVERIFY(presence);
        QVERIFY(!presence->firstChild(QStringLiteral("status")));
        QVERIFY(presence->firstChild(QStringLiteral("show")));
        const XmlElement *federated =
            m_uplink.waitFor(is(QStringLiteral("presence"), QStringLiteral("x@fabrikam.test")));
        QVERIFY(federated && federated->firstChild(QStringLiteral("status")));
    }

    void publicUnverifiedIsRefusedUntilOurUserAsks()
    {
        m_alice.peer.received.clear();
        m_fixture.gateway().receiveFromFederation(chat(QStringLiteral("z@unverified.test/pc"),
                                                       QStringLiteral("alice@contoso.test"),
                                                       QStringLiteral("spam")));
        m_fixture.gateway().receiveFromFederation(
            stanza(QStringLiteral("presence"), QStringLiteral("z@unverified.test"),
                   QStringLiteral("alice@contoso.test"), QStringLiteral("subscribe")));
        QVERIFY(
            m_uplink.waitFor(is(QStringLiteral("message"), QStringLiteral("z@unverified.test/pc"),
                                QStringLiteral("error"))));
        QVERIFY(m_uplink.waitFor(is(QStringLiteral("presence"), QStringLiteral("z@unverified.test"),
                                    QStringLiteral("error"))));
        QTest::qWait(200);
        m_alice.peer.received += m_alice.peer.socket.readAll();
        QVERIFY(!m_alice.peer.received.contains("spam"));
        QVERIFY(!m_alice.peer.received.contains("unverified.test"));

        // Our user adds the contact and asks for its presence: now it passes.
        m_alice.sendFresh("<presence to='z@unverified.test' type='subscribe'/>");
        QVERIFY(m_uplink.waitFor(is(QStringLiteral("presence"), QStringLiteral("z@unverified.test"),
                                    QStringLiteral("subscribe"))));
        m_alice.peer.received.clear();
        m_fixture.gateway().receiveFromFederation(chat(QStringLiteral("z@unverified.test/pc"),
                                                       QStringLiteral("alice@contoso.test"),
                                                       QStringLiteral("hello after invite")));
        QVERIFY(m_alice.peer.waitFor("hello after invite"));
    }

    void partnerSubscriptionsAreProbedAgainOnTheRefreshInterval()
    {
        // z approves alice's request: alice now sees z's presence.
        m_fixture.gateway().receiveFromFederation(
            stanza(QStringLiteral("presence"), QStringLiteral("z@unverified.test"),
                   QStringLiteral("alice@contoso.test"), QStringLiteral("subscribed")));
        QVERIFY(m_alice.peer.waitFor("subscription='to'"));
        m_uplink.sent.clear();
        const XmlElement *probe =
            m_uplink.waitFor(is(QStringLiteral("presence"), QStringLiteral("z@unverified.test"),
                                QStringLiteral("probe")));
        QVERIFY(probe);
        QCOMPARE(probe->attribute(QStringLiteral("from")), QStringLiteral("alice@contoso.test"));
    }

    void undeliverableComesBackToTheSender()
    {
        m_alice.peer.received.clear();
        m_fixture.gateway().undeliverable(chat(QStringLiteral("alice@contoso.test/desk"),
                                               QStringLiteral("w@fabrikam.test"),
                                               QStringLiteral("lost")),
                                          QStringLiteral("remote-server-timeout"));
        QVERIFY(m_alice.peer.waitFor("<remote-server-timeout"));
        QVERIFY(m_alice.peer.received.contains("type='error'"));
    }

    void partnerNotInTopologyIsRemoteServerNotFound()
    {
        m_alice.sendFresh("<message to='x@stranger.test' type='chat'><body>?</body></message>");
        QVERIFY(m_alice.peer.waitFor("<remote-server-not-found"));
        QVERIFY(m_uplink.sent.isEmpty());
    }

private:
    C2SFixture m_fixture;
    RecordingUplink m_uplink;
    RawClient m_alice;
    RawClient m_carol;
};

QTEST_MAIN(TestC2SPartnerPolicy)
#include "tst_c2spartnerpolicy.moc"
