// Hostile peers against fedgated's stream negotiation and authentication:
// slowloris, STARTTLS command injection, old TLS versions, forged dialback
// keys, spoofed addresses, unknown domains, stanzas before authentication,
// SASL EXTERNAL misuse. All of these were refused before the fixes; the
// suite keeps them refused.
#include "HostileHarness.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QTest>

using namespace fedgate::test;
using namespace fedgate::test::hostile;

namespace {
const QByteArray kPing = "<iq type='get' id='x' from='partner.test' to='contoso.test'><ping "
                         "xmlns='urn:xmpp:ping'/></iq>";

} // namespace

class TestHostileAuth : public HostileSuite
{
    Q_OBJECT

    // openssl s_client doing STARTTLS with only `protocolOption`
    // (-tls1, -tls1_1, -tls1_2); returns its output.
    QString sClient(const QString &protocolOption)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("openssl"),
                {QStringLiteral("s_client"), QStringLiteral("-connect"),
                 QStringLiteral("%1:%2").arg(kFedgatedAddress.toString()).arg(m_h.port()),
                 QStringLiteral("-starttls"), QStringLiteral("xmpp-server"),
                 QStringLiteral("-xmpphost"), kOurDomain, protocolOption, QStringLiteral("-cipher"),
                 QStringLiteral("DEFAULT:@SECLEVEL=0"), QStringLiteral("-CAfile"),
                 m_h.ca().certificatePath()});
        if (!p.waitForStarted(5000))
            return QStringLiteral("openssl did not start");
        p.closeWriteChannel();
        QDeadlineTimer deadline(10000);
        while (p.state() != QProcess::NotRunning && !deadline.hasExpired())
            QTest::qWait(20);
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished(2000);
        }
        return QString::fromLocal8Bit(p.readAll());
    }

    void refusedAfterHeader(int source, const QByteArray &attack, const QByteArray &condition,
                            const QString &from = kPartner)
    {
        RawPeer peer;
        QVERIFY(m_h.openStream(peer, source, from));
        peer.send(attack);
        expectStreamError(peer, condition);
    }

    // A stream from `from` gets `attack` after its features; `answer` comes back.
    void answered(RawPeer &peer, int source, const QString &from, const QByteArray &attack,
                  const QByteArray &answer)
    {
        QVERIFY(m_h.openStream(peer, source, from));
        peer.send(attack);
        QVERIFY2(peer.waitFor(answer), peer.received.right(400).constData());
    }

private slots:
    void initTestCase()
    {
        HarnessOptions options;
        options.streamEstablishmentTimeout = 3;
        startHarness(options);
    }
    void init() { prepareAttack(); }
    void cleanupTestCase() { m_h.stop(); }

    void slowlorisHeaderByteAtATime()
    {
        // One byte every 50 ms keeps the socket busy but never finishes the
        // negotiation: cut at StreamEstablishmentTimeout (3 s here).
        RawPeer peer;
        QVERIFY(m_h.connect(peer, 1));
        const QByteArray h = header();
        for (qsizetype i = 0; i < h.size(); ++i) {
            if (peer.socket.state() != QAbstractSocket::ConnectedState)
                break;
            peer.send(h.mid(i, 1));
            QTest::qWait(50);
            if (i % 40 == 0)
                expectLegitAnswered();
        }
        expectStreamError(peer, "connection-timeout");
        expectSurvived();
    }

    void starttlsCommandInjection()
    {
        // Plaintext pipelined after <starttls/> must be dropped, not run
        // after the handshake (CVE-2011-0411 class).
        RawPeer peer;
        QVERIFY(m_h.openStream(peer, 2, kSecure));
        peer.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>" + kPing +
                  "<db:result from='secure.test' to='contoso.test'>injected</db:result>");
        QVERIFY(peer.waitFor("<proceed"));
        peer.received.clear();
        peer.socket.setSslConfiguration(m_h.clientTls(kSecure));
        peer.socket.setPeerVerifyName(kOurDomain);
        peer.socket.startClientEncryption();
        QVERIFY2(peer.socket.waitForEncrypted(5000), qPrintable(peer.socket.errorString()));
        peer.send(header(kOurDomain, kSecure));
        QVERIFY(peer.waitFor("</stream:features>"));
        QVERIFY2(peer.received.contains("EXTERNAL"), peer.received.constData());
        QVERIFY(!peer.received.contains("db:result"));
        QVERIFY(!peer.received.contains("stream:error"));
        QVERIFY(!m_h.log().contains(QStringLiteral("verifying key for 'secure.test'")));
        expectSurvived();
    }

    void tls10Refused()
    {
        const QString out = sClient(QStringLiteral("-tls1"));
        QVERIFY2(out.contains(QStringLiteral("alert protocol version")), qPrintable(out));
        expectSurvived();
    }

    void tls11Refused()
    {
        const QString out = sClient(QStringLiteral("-tls1_1"));
        QVERIFY2(out.contains(QStringLiteral("alert protocol version")), qPrintable(out));
        expectSurvived();
    }

    void forgedDialbackKey()
    {
        // liar.test's authoritative server says the key is not its own.
        RawPeer peer;
        answered(peer, 3, kLiar, "<db:result from='liar.test' to='contoso.test'>forged</db:result>",
                 "type='invalid'");
        QVERIFY(peer.waitClosed());
        expectSurvived();
    }

    void forgedDbVerify()
    {
        // fedgated is the authoritative server here: a key it never made.
        RawPeer peer;
        answered(peer, 4, kPartner,
                 "<db:verify from='partner.test' to='contoso.test' id='made-up'>"
                 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef</db:verify>",
                 "type='invalid'");
        QVERIFY(!peer.received.contains("type='valid'"));
        expectSurvived();
    }

    void spoofedFromOnAuthenticatedStream()
    {
        RawPeer peer;
        QVERIFY(m_h.authenticate(peer, 5));
        peer.send("<message from='mallory@evil.test' to='bob@contoso.test'><body>x</body>"
                  "</message>");
        expectStreamError(peer, "invalid-from");
        expectSurvived();
    }

    void spoofedOtherPartnerOnAuthenticatedStream()
    {
        RawPeer peer;
        QVERIFY(m_h.authenticate(peer, 6));
        peer.send("<message from='ceo@liar.test' to='bob@contoso.test'><body>x</body>"
                  "</message>");
        expectStreamError(peer, "invalid-from");
        expectSurvived();
    }

    void unknownToDomain()
    {
        RawPeer peer;
        QVERIFY(m_h.connect(peer, 7));
        peer.send(header(QStringLiteral("not-ours.test")));
        expectStreamError(peer, "host-unknown");
        expectSurvived();
    }

    void streamWithoutTo()
    {
        RawPeer peer;
        QVERIFY(m_h.connect(peer, 8));
        peer.send(header(QString()));
        expectStreamError(peer, "host-unknown");
        expectSurvived();
    }

    void nonPartnerFrom()
    {
        RawPeer peer;
        QVERIFY(m_h.connect(peer, 9));
        peer.send(header(kOurDomain, QStringLiteral("stranger.test")));
        expectStreamError(peer, "policy-violation");
        expectSurvived();
    }

    void unsupportedVersion()
    {
        RawPeer peer;
        QVERIFY(m_h.connect(peer, 10));
        peer.send(header().replace("version='1.0'", "version='0.9'"));
        expectStreamError(peer, "unsupported-version");
        expectSurvived();
    }

    void stanzaBeforeAuthentication()
    {
        refusedAfterHeader(11,
                           "<message from='a@partner.test' to='b@contoso.test'><body>hi</body>"
                           "</message>",
                           "not-authorized");
        expectSurvived();
    }

    void dialbackForAnotherDomainOnNamedStream()
    {
        refusedAfterHeader(12, "<db:result from='claimed.test' to='contoso.test'>k</db:result>",
                           "invalid-from");
        expectSurvived();
    }

    void dialbackToUnknownLocalDomain()
    {
        refusedAfterHeader(13, "<db:result from='partner.test' to='other.test'>k</db:result>",
                           "host-unknown");
        expectSurvived();
    }

    void dialbackWithoutTlsForTlsRequiredPartner()
    {
        refusedAfterHeader(14, "<db:result from='secure.test' to='contoso.test'>k</db:result>",
                           "policy-violation", kSecure);
        expectSurvived();
    }

    void saslExternalOnPlainStream()
    {
        RawPeer peer;
        answered(peer, 15, kSecure,
                 "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='EXTERNAL'>=</auth>",
                 "<not-authorized/>");
        QVERIFY(peer.received.contains("<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"));
        QVERIFY(!peer.received.contains("<success"));
        expectSurvived();
    }

    void saslPlainMechanism()
    {
        RawPeer peer;
        QVERIFY(m_h.startTls(peer, 16, kSecure, kSecure));
        peer.send(header(kOurDomain, kSecure));
        QVERIFY(peer.waitFor("</stream:features>"));
        peer.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
                  "AHNlY3VyZS50ZXN0AHBhc3N3b3Jk</auth>");
        QVERIFY2(peer.waitFor("<invalid-mechanism/>"), peer.received.right(400).constData());
        QVERIFY(!peer.received.contains("<success"));
        expectSurvived();
    }

    void saslExternalWithAnotherDomainsCertificate()
    {
        // TLS with other.test's certificate while claiming secure.test, which
        // may only use SASL EXTERNAL: no mechanism fits.
        RawPeer peer;
        QVERIFY(m_h.startTls(peer, 17, kSecure, QStringLiteral("other.test")));
        peer.send(header(kOurDomain, kSecure));
        expectStreamError(peer, "not-authorized");
        expectSurvived();
    }

    void unknownNamespaceElement()
    {
        refusedAfterHeader(0, "<evil xmlns='urn:evil:commands'/>", "unsupported-stanza-type");
        expectSurvived();
    }

    void stanzaWithoutAddressing()
    {
        RawPeer peer;
        QVERIFY(m_h.authenticate(peer, 1));
        peer.send("<iq type='get' id='noaddr'><ping xmlns='urn:xmpp:ping'/></iq>");
        expectStreamError(peer, "improper-addressing");
        expectSurvived();
    }
};

QTEST_GUILESS_MAIN(TestHostileAuth)
#include "tst_hostile_auth.moc"
