// Hostile peers against fedgated's XML stream parser and serializer: deep
// nesting, attribute floods, unterminated tags and headers, stanza-size
// bypasses, encodings (RFC 6120 11.6), a second stream header, unbounded
// names echoed back, restricted XML (DTD, entities, comments, PIs), bad
// prefixes, garbage, and stanzas re-serialized towards a partner.
#include "HostileHarness.h"

#include "engine/EngineConfig.h"
#include "engine/xml/XmlStreamParser.h"

#include <QTest>

using namespace fedgate::test;
using namespace fedgate::test::hostile;
using fedgate::engine::XmlElement;
using fedgate::engine::XmlStreamParser;

namespace {
// Attacks that must be refused at a size limit overshoot it by this much: a
// peer still writing after the refusal. fedgated's lingering close drains it
// (up to 4 MiB within 2 s) so that the peer still reads the stream error.
constexpr qsizetype kOvershoot = 1024 * 1024;
const qsizetype kStanzaLimit = XmlStreamParser::kDefaultMaxStanzaSize;
const qsizetype kUnauthenticatedLimit =
    fedgate::engine::EngineConfig().maxUnauthenticatedStanzaSize;

QByteArray messageOpen(const QByteArray &id)
{
    return "<message from='mallory@partner.test' to='bob@contoso.test' id='" + id + "'>";
}

// `depth` nested elements inside a message (the message is level 1).
QByteArray nestedMessage(const QByteArray &id, int depth)
{
    QByteArray open;
    QByteArray close;
    for (int i = 1; i < depth; ++i) {
        open += "<a>";
        close += "</a>";
    }
    return messageOpen(id) + open + close + "</message>";
}

// The bounce of message `id` as partner.test's server received it.
const XmlElement *bounceOf(const FakePartnerServer &fake, const QString &id)
{
    for (const XmlElement &e : fake.stanzas)
        if (e.name() == QLatin1String("message") && e.attribute(QStringLiteral("id")) == id)
            return &e;
    return nullptr;
}
} // namespace

class TestHostileXml : public HostileSuite
{
    Q_OBJECT

    enum class Stage
    {
        FromStart,     // the attack is the first thing sent
        AfterHeader,   // after the stream header (from partner.test) and features
        Authenticated, // after dialback for partner.test
    };

    // An attacker connection from `source` gets `attack` at `stage` and
    // must be answered with `condition`; the legit partner is answered
    // meanwhile, and fedgated survives.
    void refused(Stage stage, int source, const QByteArray &attack, const QByteArray &condition)
    {
        RawPeer peer;
        const bool ready = stage == Stage::FromStart     ? m_h.connect(peer, source)
                           : stage == Stage::AfterHeader ? m_h.openStream(peer, source)
                                                         : m_h.authenticate(peer, source);
        QVERIFY2(ready, peer.received.right(400).constData());
        peer.send(attack);
        expectLegitAnswered();
        expectStreamError(peer, condition);
        expectSurvived();
    }
    void refusedFromStart(int source, const QByteArray &attack, const QByteArray &condition)
    {
        refused(Stage::FromStart, source, attack, condition);
    }
    void refusedAfterHeader(int source, const QByteArray &attack, const QByteArray &condition)
    {
        refused(Stage::AfterHeader, source, attack, condition);
    }
    void refusedAuthenticated(int source, const QByteArray &attack, const QByteArray &condition)
    {
        refused(Stage::Authenticated, source, attack, condition);
    }

    // A message `id` with `content` to a local user, bounced to partner.test:
    // the <body/> its server parsed from what fedgated sent.
    void bouncedBody(int source, const QByteArray &id, const QByteArray &content,
                     const XmlElement **body)
    {
        RawPeer peer;
        QVERIFY(m_h.authenticate(peer, source));
        peer.send(messageOpen(id) + content + "</message>");
        const QString bounceId = QString::fromUtf8(id);
        QTRY_VERIFY_WITH_TIMEOUT(bounceOf(m_h.partnerServer(), bounceId), 5000);
        *body = bounceOf(m_h.partnerServer(), bounceId)->firstChild(QStringLiteral("body"));
    }

private slots:
    void initTestCase() { startHarness(); }
    void init() { prepareAttack(); }
    void cleanupTestCase() { m_h.stop(); }

    // --- Defect 1: deep nesting -------------------------------------------

    void deepNestingCrashFromAuthenticatedPartner()
    {
        // ~35,000 nested empty elements (245 KB, under 512 KiB without the
        // closing tags) in a message to a local user: bounced, re-serialized.
        refusedAuthenticated(1, nestedMessage("deep", 35000), "policy-violation");
        QVERIFY(!bounceOf(m_h.partnerServer(), QStringLiteral("deep")));
    }

    void deepNestingBeforeAuthentication()
    {
        refusedAfterHeader(2, nestedMessage("deep-unauth", XmlStreamParser::kMaxDepth + 1),
                           "policy-violation");
    }

    void nestingAtTheDepthLimitIsBounced()
    {
        RawPeer peer;
        QVERIFY(m_h.authenticate(peer, 3));
        peer.send(nestedMessage("at-limit", XmlStreamParser::kMaxDepth));
        QTRY_VERIFY_WITH_TIMEOUT(bounceOf(m_h.partnerServer(), QStringLiteral("at-limit")), 5000);
        QCOMPARE(peer.socket.state(), QAbstractSocket::ConnectedState);
        expectSurvived();
    }

    // --- Defect 2: quadratic attributes -----------------------------------

    void thousandsOfAttributesInStreamHeader()
    {
        // Over kMaxAttributes long before kMaxHeaderSize (5,000 of them).
        QByteArray attack = header().chopped(1);
        for (int i = 0; i < 5000; ++i)
            attack += " a" + QByteArray::number(i) + "='1'";
        refusedFromStart(4, attack + '>', "policy-violation");
    }

    void fortyThousandAttributesInStanza()
    {
        // 40,000 attributes (440 KB, under the stanza limit): 2.5 s of
        // duplicate scans before the fix, refused at the 65th after it.
        QByteArray attack = "<message";
        for (int i = 0; i < 40000; ++i)
            attack += " a" + QByteArray::number(i) + "='1'";
        refusedAuthenticated(5, attack + "/>", "policy-violation");
    }

    void duplicateAttribute()
    {
        refusedAfterHeader(6, "<message to='a@contoso.test' to='b@contoso.test'/>",
                           "not-well-formed");
    }

    // --- Defect 3: unterminated tags and headers --------------------------

    void unterminatedStreamHeader()
    {
        // One endless attribute value: no '>' ever comes. Refused after
        // kMaxHeaderSize.
        refusedFromStart(7,
                         header().chopped(1) + " x='" +
                             QByteArray(XmlStreamParser::kMaxHeaderSize + kOvershoot, 'h'),
                         "policy-violation");
    }

    void oversizeXmlDeclarationBeforeHeader()
    {
        // The bytes before the header's start tag completes count, the
        // declaration and the whitespace after it included.
        QByteArray attack = "<?xml version='1.0'?>" +
                            QByteArray(XmlStreamParser::kMaxHeaderSize + 1024, ' ') +
                            header().mid(21);
        refusedFromStart(8, attack, "policy-violation");
    }

    void unterminatedStanzaStartTag()
    {
        refusedAuthenticated(9, "<message id='" + QByteArray(kStanzaLimit + kOvershoot, 'u'),
                             "policy-violation");
    }

    void unterminatedStanzaStartTagBeforeAuthentication()
    {
        refusedAfterHeader(8, "<message id='" + QByteArray(kUnauthenticatedLimit + kOvershoot, 'u'),
                           "policy-violation");
    }

    // --- Defect 4: stanza-size bypasses ------------------------------------

    void selfClosingOversizeStanza()
    {
        refusedAuthenticated(10,
                             "<message from='mallory@partner.test' to='bob@contoso.test' id='" +
                                 QByteArray(kStanzaLimit + kOvershoot, 's') + "'/>",
                             "policy-violation");
    }

    void oversizeLastStartTag()
    {
        refusedAuthenticated(11,
                             messageOpen("last-tag") + "<body x='" +
                                 QByteArray(kStanzaLimit + kOvershoot, 't') + "'>",
                             "policy-violation");
    }

    void oversizeUnclosedTextChunk()
    {
        refusedAuthenticated(
            12, messageOpen("text") + "<body>" + QByteArray(kStanzaLimit + kOvershoot, 'x'),
            "policy-violation");
    }

    void closingTagsCountTowardStanzaSize()
    {
        // 60 nested elements with 5,000-character names: 300 KB of start
        // tags, then 300 KB of closing tags after the last start tag.
        const QByteArray name(5000, 'c');
        const QByteArray open = ("<" + name + ">").repeated(60);
        const QByteArray close = ("</" + name + ">").repeated(60);
        refusedAuthenticated(13, messageOpen("closing") + open + close + "</message>",
                             "policy-violation");
        QVERIFY(!bounceOf(m_h.partnerServer(), QStringLiteral("closing")));
    }

    // --- Defect 8: encodings, second header, echoed names -----------------

    void utf16StreamWithBom()
    {
        const QString text = QString::fromUtf8(header());
        QByteArray utf16("\xFF\xFE", 2);
        utf16.append(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
        refusedFromStart(14, utf16, "unsupported-encoding");
    }

    void utf16StreamWithoutBom()
    {
        QByteArray utf16be;
        for (char c : header()) {
            utf16be += '\0';
            utf16be += c;
        }
        refusedFromStart(15, utf16be, "unsupported-encoding");
    }

    void latin1XmlDeclaration()
    {
        refusedFromStart(16, "<?xml version='1.0' encoding='ISO-8859-1'?>" + header().mid(21),
                         "unsupported-encoding");
    }

    void invalidUtf8InStanza()
    {
        refusedAfterHeader(17, messageOpen("bad-utf8") + "<body>\xC3\x28</body></message>",
                           "unsupported-encoding");
    }

    void invalidUtf8InStreamHeader()
    {
        QByteArray attack = header();
        attack.insert(attack.size() - 1, " x='\xFF\xFE'");
        refusedFromStart(0, attack, "unsupported-encoding");
    }

    void overlongUtf8Sequence()
    {
        refusedAfterHeader(1, messageOpen("overlong") + "<body>\xC0\xAF</body></message>",
                           "unsupported-encoding");
    }

    void secondStreamHeader() { refusedAfterHeader(2, header().mid(21), "invalid-xml"); }

    void streamHeaderInsideStanza()
    {
        refusedAuthenticated(3, messageOpen("inner-stream") + header().mid(21), "invalid-xml");
    }

    void hugeElementNameNotEchoed()
    {
        // Under the stanza limit of an authenticated stream, so the element
        // completes and is refused by name: the reply must not carry the
        // 300 KB name.
        RawPeer peer;
        QVERIFY(m_h.authenticate(peer, 4));
        const qsizetype before = peer.received.size();
        peer.send("<" + QByteArray(300 * 1024, 'n') + "/>");
        expectStreamError(peer, "unsupported-stanza-type");
        QVERIFY2(
            peer.received.size() - before < 2048,
            qPrintable(QStringLiteral("%1 bytes came back").arg(peer.received.size() - before)));
        expectSurvived();
    }

    void oversizeElementNameNotEchoed()
    {
        RawPeer peer;
        QVERIFY(m_h.authenticate(peer, 5));
        const qsizetype before = peer.received.size();
        peer.send("<" + QByteArray(kStanzaLimit + kOvershoot, 'N'));
        expectStreamError(peer, "policy-violation");
        QVERIFY(peer.received.size() - before < 2048);
        expectSurvived();
    }

    void hugeUnknownToDomainNotEchoed()
    {
        RawPeer peer;
        QVERIFY(m_h.connect(peer, 6));
        peer.send(header(QString(8000, QLatin1Char('d')) + QStringLiteral(".test")));
        expectStreamError(peer, "host-unknown");
        QVERIFY2(peer.received.size() < 2048,
                 qPrintable(QStringLiteral("%1 bytes came back").arg(peer.received.size())));
        expectSurvived();
    }

    // --- Restricted XML (already refused before the fixes) -----------------

    void internalDtdSubset()
    {
        refusedFromStart(
            7, "<?xml version='1.0'?><!DOCTYPE stream [<!ELEMENT stream ANY>]>" + header().mid(21),
            "restricted-xml");
    }

    void billionLaughs()
    {
        QByteArray dtd = "<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol0 'lol'>";
        for (int i = 1; i < 10; ++i)
            dtd += "<!ENTITY lol" + QByteArray::number(i) + " '" +
                   QByteArray("&lol" + QByteArray::number(i - 1) + ";").repeated(10) + "'>";
        refusedFromStart(8, dtd + "]>" + header().mid(21) + "<message>&lol9;</message>",
                         "restricted-xml");
        expectSurvived();
    }

    void externalEntity()
    {
        refusedFromStart(9,
                         "<?xml version='1.0'?><!DOCTYPE s [<!ENTITY x SYSTEM "
                         "'file:///etc/passwd'>]>" +
                             header().mid(21) + "<message>&x;</message>",
                         "restricted-xml");
        expectSurvived();
    }

    void undeclaredEntityReference()
    {
        refusedAfterHeader(10, messageOpen("entity") + "<body>&xxe;</body></message>",
                           "not-well-formed");
        expectSurvived();
    }

    void commentInStream() { refusedAfterHeader(11, "<!-- hello -->", "restricted-xml"); }

    void processingInstruction() { refusedAfterHeader(12, "<?evil payload?>", "restricted-xml"); }

    // --- Malformed input -----------------------------------------------------

    void unboundNamespacePrefix()
    {
        refusedAfterHeader(13, "<evil:message to='bob@contoso.test'/>", "bad-namespace-prefix");
    }

    void mismatchedClosingTag()
    {
        refusedAfterHeader(14, "<message><body></message>", "not-well-formed");
    }

    void httpRequestGarbage()
    {
        refusedFromStart(15, "GET / HTTP/1.1\r\nHost: contoso.test\r\n\r\n", "not-well-formed");
    }

    void binaryGarbageAfterHeader()
    {
        refusedAfterHeader(16, QByteArray("\x01\x02\x03\x04\x05\x06garbage", 13),
                           "not-well-formed");
    }

    void prematureCloseInsideStanza()
    {
        for (int i = 0; i < 20; ++i) {
            RawPeer peer;
            QVERIFY(m_h.authenticate(peer, 17));
            peer.send(messageOpen("cut") + "<body>half a sta");
            peer.socket.abort();
        }
        RawPeer half;
        QVERIFY(m_h.connect(half, 0));
        half.send(header().left(40));
        half.socket.disconnectFromHost();
        expectSurvived();
    }

    // --- Defect 6: what a partner is sent must re-parse --------------------

    void namespacedAttributeBouncedToPartner()
    {
        const XmlElement *body = nullptr;
        bouncedBody(1, "ns-attr", "<body xmlns:foo='urn:foo:bar' foo:attr='1'>hi</body>", &body);
        QVERIFY(body);
        bool found = false;
        for (const auto &[name, value] : body->attributes())
            found |= name.endsWith(QLatin1String("attr")) && value == QLatin1String("1");
        QVERIFY2(found, m_h.partnerServer().afterAuth.right(600).constData());
        // The outbound stream survived the bounce: pongs still come over it.
        expectSurvived();
    }

    void attributeWhitespaceBouncedToPartner()
    {
        const XmlElement *body = nullptr;
        bouncedBody(2, "ws-attr", "<body a='x&#9;y&#10;z&#13;'>line&#13;end</body>", &body);
        QVERIFY(body);
        QCOMPARE(body->attribute(QStringLiteral("a")), QStringLiteral("x\ty\nz\r"));
        QCOMPARE(body->text(), QStringLiteral("line\rend"));
        expectSurvived();
    }
};

QTEST_GUILESS_MAIN(TestHostileXml)
#include "tst_hostile_xml.moc"
