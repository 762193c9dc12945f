// Real slixmpp clients against an in-process gateway (issue 10 item 3): log
// in over STARTTLS + SCRAM, chat between two local users both ways,
// subscribe and see each other's presence with the roster at 'both', get a
// message sent while offline at the next login after a restart (XEP-0160),
// resume a cut stream (XEP-0198), get carbons (XEP-0280), and fail to log
// in with a wrong password, as an unknown user, or as a user removed from
// the topology.
#include "C2SFixture.h"

#include <QJsonArray>
#include <QTest>

using namespace fedgate;
using fedgate::test::C2SFixture;

class TestC2SClients : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString error = m_fixture.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void loginBindsAndAnswersDiscoAndPing()
    {
        int code = 0;
        const QJsonObject r = m_fixture.runClients(
            QStringLiteral("login"),
            {m_fixture.user(QStringLiteral("alice")), C2SFixture::kPassword}, &code);
        QCOMPARE(code, 0);
        QVERIFY(r.value(QStringLiteral("jid"))
                    .toString()
                    .startsWith(m_fixture.user(QStringLiteral("alice")) + QLatin1Char('/')));
        const QJsonArray features = r.value(QStringLiteral("features")).toArray();
        QVERIFY(features.contains(QStringLiteral("urn:xmpp:ping")));
        QVERIFY(features.contains(QStringLiteral("http://jabber.org/protocol/disco#info")));
        QCOMPARE(r.value(QStringLiteral("ping")).toString(), QStringLiteral("ok"));
    }

    void wrongPasswordUnknownUserAndNonTopologyUserFail_data()
    {
        QTest::addColumn<QString>("jid");
        QTest::addColumn<QString>("password");
        QTest::newRow("wrong password")
            << m_fixture.user(QStringLiteral("alice")) << QStringLiteral("wrong");
        QTest::newRow("unknown user")
            << m_fixture.user(QStringLiteral("nobody")) << C2SFixture::kPassword;
        QTest::newRow("password but not in the topology")
            << m_fixture.user(QStringLiteral("dave")) << C2SFixture::kPassword;
    }
    void wrongPasswordUnknownUserAndNonTopologyUserFail()
    {
        QFETCH(QString, jid);
        QFETCH(QString, password);
        int code = 0;
        const QJsonObject r =
            m_fixture.runClients(QStringLiteral("badauth"), {jid, password}, &code);
        QCOMPARE(code, 0);
        QCOMPARE(r.value(QStringLiteral("auth_failed")).toBool(), true);
    }

    void chatBetweenTwoLocalUsers()
    {
        int code = 0;
        const QJsonObject r =
            m_fixture.runClients(QStringLiteral("chat"),
                                 {m_fixture.user(QStringLiteral("alice")), C2SFixture::kPassword,
                                  m_fixture.user(QStringLiteral("bob")), C2SFixture::kPassword},
                                 &code);
        QCOMPARE(code, 0);
        QCOMPARE(r.value(QStringLiteral("b_got")).toString(), QStringLiteral("hello bob"));
        QCOMPARE(r.value(QStringLiteral("a_got")).toString(), QStringLiteral("hello alice"));
    }

    void subscriptionBothWaysAndPresence()
    {
        int code = 0;
        const QJsonObject r =
            m_fixture.runClients(QStringLiteral("presence"),
                                 {m_fixture.user(QStringLiteral("alice")), C2SFixture::kPassword,
                                  m_fixture.user(QStringLiteral("bob")), C2SFixture::kPassword},
                                 &code);
        QCOMPARE(code, 0);
        QCOMPARE(r.value(QStringLiteral("a_sees_b")).toBool(), true);
        QCOMPARE(r.value(QStringLiteral("b_sees_a")).toBool(), true);
        QCOMPARE(r.value(QStringLiteral("a_roster_b_refetched")).toString(),
                 QStringLiteral("both"));
    }

    void offlineMessageDeliveredAtNextLoginAfterRestart()
    {
        int code = 0;
        m_fixture.runClients(QStringLiteral("send"),
                             {m_fixture.user(QStringLiteral("alice")), C2SFixture::kPassword,
                              m_fixture.user(QStringLiteral("carol")),
                              QStringLiteral("while you were away")},
                             &code);
        QCOMPARE(code, 0);
        // A new Gateway on the same database file: the message was stored durably.
        const QString error = m_fixture.restartGateway();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QJsonObject r = m_fixture.runClients(
            QStringLiteral("receive"),
            {m_fixture.user(QStringLiteral("carol")), C2SFixture::kPassword}, &code);
        QCOMPARE(code, 0);
        QCOMPARE(r.value(QStringLiteral("body")).toString(), QStringLiteral("while you were away"));
        QCOMPARE(r.value(QStringLiteral("delayed")).toBool(), true);
    }

    void resumedStreamGetsWhatWasSentWhileAway()
    {
        int code = 0;
        const QJsonObject r =
            m_fixture.runClients(QStringLiteral("resume"),
                                 {m_fixture.user(QStringLiteral("alice")), C2SFixture::kPassword,
                                  m_fixture.user(QStringLiteral("bob")), C2SFixture::kPassword},
                                 &code);
        QCOMPARE(code, 0);
        QCOMPARE(r.value(QStringLiteral("body")).toString(),
                 QStringLiteral("sent while you were cut off"));
    }

    void carbonsCopyReceivedAndSentMessages()
    {
        int code = 0;
        const QJsonObject r =
            m_fixture.runClients(QStringLiteral("carbons"),
                                 {m_fixture.user(QStringLiteral("alice")), C2SFixture::kPassword,
                                  m_fixture.user(QStringLiteral("bob")), C2SFixture::kPassword},
                                 &code);
        QCOMPARE(code, 0);
        QCOMPARE(r.value(QStringLiteral("a_got")).toString(), QStringLiteral("from one"));
    }

    void userRemovedFromTopologyCannotLogIn()
    {
        topology::Topology t = m_fixture.topology();
        t.users.removeIf([](const topology::User &u) { return u.xmppAddress.startsWith("bob@"); });
        m_fixture.gateway().reload(t);
        int code = 0;
        const QJsonObject r = m_fixture.runClients(
            QStringLiteral("badauth"),
            {m_fixture.user(QStringLiteral("bob")), C2SFixture::kPassword}, &code);
        QCOMPARE(code, 0);
        m_fixture.gateway().reload(m_fixture.topology());
    }

private:
    C2SFixture m_fixture;
};

QTEST_MAIN(TestC2SClients)
#include "tst_c2sclients.moc"
