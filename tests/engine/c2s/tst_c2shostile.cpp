// Hostile client input on the gateway's client listener (issue 10, "Show"),
// played with raw sockets where slixmpp cannot produce the case: SASL before
// STARTTLS, a stanza before TLS and before binding, a wrong password and an
// unknown user answered alike, a spoofed 'from', an oversized stanza, many
// failed logins in a row without memory growth, and a resource bound twice
// (the older session replaced with <conflict/>). Each case checks the RFC
// 6120 error and that another logged-in user still gets answers.
#include "C2SFixture.h"
#include "RawClient.h"

#include <QFile>
#include <QTest>

using namespace fedgate;
using fedgate::test::C2SFixture;
using fedgate::test::plainAuth;
using fedgate::test::RawClient;

namespace {
qint64 residentKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}
} // namespace

class TestC2SHostile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString error = m_fixture.start(QStringLiteral("127.0.0.211"));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        RawClient::address = m_fixture.address();
        RawClient::password = C2SFixture::kPassword;
        QVERIFY(m_bystander.login(port(), QStringLiteral("bob"), QStringLiteral("bystander")));
    }
    void cleanup() { QVERIFY(m_bystander.pingAnswered(QTest::currentTestFunction())); }

    void featuresBeforeTlsOfferOnlyStartTls()
    {
        RawClient c;
        QVERIFY(c.open(port()));
        QVERIFY(c.peer.received.contains("<required/>"));
        QVERIFY(!c.peer.received.contains("mechanisms"));
    }

    void saslBeforeTlsIsRefused()
    {
        RawClient c;
        QVERIFY(c.open(port()));
        c.peer.received.clear();
        c.peer.send(plainAuth(QStringLiteral("alice"), C2SFixture::kPassword));
        QVERIFY(c.peer.waitFor("<encryption-required"));
        QVERIFY(!c.peer.received.contains("<success"));
        // Insisting does not help: the stream ends after a few attempts.
        for (int i = 0; i < 2; ++i)
            c.peer.send(plainAuth(QStringLiteral("alice"), C2SFixture::kPassword));
        QVERIFY(c.closedWith("<policy-violation"));
        QVERIFY(!c.peer.received.contains("<success"));
    }

    void stanzaBeforeTlsIsAPolicyViolation()
    {
        RawClient c;
        QVERIFY(c.open(port()));
        c.peer.send("<message to='bob@contoso.test'><body>x</body></message>");
        QVERIFY(c.closedWith("<policy-violation"));
    }

    void stanzaBeforeBindIsNotAuthorized()
    {
        RawClient c;
        QVERIFY(c.open(port()) && c.startTls() &&
                c.authenticate(QStringLiteral("alice"), C2SFixture::kPassword));
        c.peer.send("<message to='bob@contoso.test'><body>before bind</body></message>");
        QVERIFY(c.closedWith("<not-authorized"));
        QVERIFY(!m_bystander.peer.received.contains("before bind"));
    }

    void wrongPasswordAndUnknownUserGetTheSameAnswer()
    {
        QByteArray answers[2];
        const QString users[2] = {QStringLiteral("alice"), QStringLiteral("nobody")};
        for (int i = 0; i < 2; ++i) {
            RawClient c;
            QVERIFY(c.open(port()) && c.startTls());
            QVERIFY(!c.authenticate(users[i], QStringLiteral("wrong password")));
            answers[i] = c.peer.received;
        }
        QCOMPARE(answers[0], QByteArray("<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
                                        "<not-authorized/></failure>"));
        QCOMPARE(answers[1], answers[0]);
    }

    void spoofedFromIsInvalidFrom()
    {
        RawClient c;
        QVERIFY(c.login(port(), QStringLiteral("alice"), QStringLiteral("spoofer")));
        c.peer.send("<message from='bob@contoso.test/x' to='bob@contoso.test'><body>spoof</body>"
                    "</message>");
        QVERIFY(c.closedWith("<invalid-from"));
        QVERIFY(!m_bystander.peer.received.contains("spoof"));
    }

    void ownBareFromIsAccepted()
    {
        RawClient c;
        QVERIFY(c.login(port(), QStringLiteral("alice"), QStringLiteral("honest")));
        c.peer.received.clear();
        c.peer.send("<iq type='get' id='own' from='alice@contoso.test' to='contoso.test'>"
                    "<ping xmlns='urn:xmpp:ping'/></iq>");
        QVERIFY(c.peer.waitFor("id='own'"));
        QVERIFY(c.peer.received.contains("type='result'"));
    }

    void oversizedStanzaIsAPolicyViolation()
    {
        RawClient c;
        QVERIFY(c.login(port(), QStringLiteral("alice"), QStringLiteral("big")));
        const QByteArray body(300 * 1024, 'x');
        c.peer.send("<message to='bob@contoso.test'><body>" + body + "</body></message>");
        QVERIFY(c.closedWith("<policy-violation"));
    }

    void oversizedBeforeAuthenticationIsAPolicyViolation()
    {
        RawClient c;
        QVERIFY(c.open(port()) && c.startTls());
        c.peer.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" +
                    QByteArray(20 * 1024, 'A') + "</auth>");
        QVERIFY(c.closedWith("<policy-violation"));
    }

    void rebindingAResourceReplacesTheOlderSession()
    {
        RawClient first, second;
        QVERIFY(first.login(port(), QStringLiteral("alice"), QStringLiteral("desk")));
        QVERIFY(second.login(port(), QStringLiteral("alice"), QStringLiteral("desk")));
        QVERIFY(first.closedWith("<conflict"));
        QVERIFY(second.pingAnswered("after-conflict"));
    }

    void removedUserSessionIsClosedOnReload()
    {
        RawClient carol;
        QVERIFY(carol.login(port(), QStringLiteral("carol"), QStringLiteral("laptop")));
        topology::Topology t = m_fixture.topology();
        t.users.removeIf(
            [](const topology::User &u) { return u.xmppAddress.startsWith("carol@"); });
        m_fixture.gateway().reload(t);
        QVERIFY(carol.closedWith("<not-authorized"));
        m_fixture.gateway().reload(m_fixture.topology());
    }

    void manyFailedLoginsDoNotGrowMemory()
    {
        // Three failures per stream close it (RFC 6120 6.4.5); 1,000 failed
        // attempts in a row over fresh connections.
        auto failMany = [this](int attempts) {
            int done = 0;
            while (done < attempts) {
                RawClient c;
                if (!c.open(port()) || !c.startTls())
                    return false;
                for (int i = 0; i < 3 && done < attempts; ++i, ++done)
                    if (c.authenticate(QStringLiteral("alice"),
                                       QStringLiteral("guess %1").arg(done)))
                        return false;
            }
            return true;
        };
        QVERIFY(failMany(150)); // warm-up: allocator pools, TLS caches
        const qint64 before = residentKb();
        QVERIFY(failMany(1000));
        const qint64 after = residentKb();
        qInfo("RSS before %lld kB, after 1000 failed logins %lld kB", before, after);
        QVERIFY2(after - before < 8 * 1024,
                 qPrintable(QStringLiteral("grew by %1 kB").arg(after - before)));
    }

private:
    quint16 port() { return m_fixture.port(); }
    C2SFixture m_fixture;
    RawClient m_bystander;
};

QTEST_MAIN(TestC2SHostile)
#include "tst_c2shostile.moc"
