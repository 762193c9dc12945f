#include "XmlStreamRecorder.h"
#include "engine/xml/Namespaces.h"
#include "engine/xml/PeerText.h"

#include <QTest>

using namespace fedgate::engine;

namespace {
const QByteArray &kHeader = test::kStreamHeader;
using Recorder = test::XmlStreamRecorder;

QByteArray utf16(const QByteArray &utf8, bool bigEndian)
{
    const QString s = QString::fromUtf8(utf8);
    QByteArray out;
    for (QChar c : s) {
        const char hi = char(c.unicode() >> 8);
        const char lo = char(c.unicode() & 0xff);
        out.append(bigEndian ? hi : lo);
        out.append(bigEndian ? lo : hi);
    }
    return out;
}
} // namespace

class TestXmlStreamParser : public QObject
{
    Q_OBJECT
private slots:
    void headerAndStanzasByteByByte()
    {
        Recorder r;
        const QByteArray input = kHeader +
                                 "<message to='a@example.test' from='b@remote.test' "
                                 "xml:lang='en'><body>hi &amp; &lt;there&gt;</body></message>"
                                 "<db:result to='example.test' from='remote.test'>abc</db:result>"
                                 "</stream:stream>";
        for (char c : input)
            QVERIFY(r.parser.feed(&c, 1));
        QCOMPARE(r.headers.size(), 1);
        QCOMPARE(r.headers[0].attribute(QStringLiteral("to")), QStringLiteral("example.test"));
        QCOMPARE(r.elements.size(), 2);
        const XmlElement &msg = r.elements[0];
        QVERIFY(msg.is(QStringLiteral("message"), ns::kServer));
        QCOMPARE(msg.attribute(QStringLiteral("xml:lang")), QStringLiteral("en"));
        QCOMPARE(msg.firstChild(QStringLiteral("body"))->text(), QStringLiteral("hi & <there>"));
        QVERIFY(r.elements[1].is(QStringLiteral("result"), ns::kDialback));
        QCOMPARE(r.elements[1].text(), QStringLiteral("abc"));
        QVERIFY(r.closed);
        QVERIFY(r.errors.isEmpty());
    }

    void serialisationRoundTrip()
    {
        Recorder r;
        QVERIFY(r.parser.feed(kHeader + "<iq type='get' id='x&apos;1'><ping "
                                        "xmlns='urn:xmpp:ping'/></iq>"));
        QCOMPARE(r.elements.size(), 1);
        const QByteArray xml = r.elements[0].toXml();
        QCOMPARE(xml,
                 QByteArray("<iq type='get' id='x&apos;1'><ping xmlns='urn:xmpp:ping'/></iq>"));
        const QByteArray err = makeStreamError(StreamErrorCondition::HostUnknown, "no").toXml();
        QCOMPARE(err, QByteArray("<stream:error><host-unknown "
                                 "xmlns='urn:ietf:params:xml:ns:xmpp-streams'/><text "
                                 "xmlns='urn:ietf:params:xml:ns:xmpp-streams'>no</text>"
                                 "</stream:error>"));
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("condition");
        QTest::newRow("malformed") << QByteArray(kHeader + "<message><body></message>")
                                   << int(StreamErrorCondition::NotWellFormed);
        QTest::newRow("dtd") << QByteArray("<?xml version='1.0'?><!DOCTYPE stream [<!ENTITY x "
                                           "'y'>]><stream:stream>")
                             << int(StreamErrorCondition::RestrictedXml);
        QTest::newRow("comment") << QByteArray(kHeader + "<!-- hello -->")
                                 << int(StreamErrorCondition::RestrictedXml);
        QTest::newRow("pi") << QByteArray(kHeader + "<?foo bar?>")
                            << int(StreamErrorCondition::RestrictedXml);
        QTest::newRow("undefined entity") << QByteArray(kHeader + "<message>&lol;</message>")
                                          << int(StreamErrorCondition::NotWellFormed);
        QTest::newRow("unbound prefix") << QByteArray(kHeader + "<foo:message/>")
                                        << int(StreamErrorCondition::BadNamespacePrefix);
        QTest::newRow("wrong root")
            << QByteArray("<html xmlns='x'>") << int(StreamErrorCondition::InvalidXml);
        QTest::newRow("wrong stream ns") << QByteArray("<stream:stream xmlns:stream='urn:wrong'>")
                                         << int(StreamErrorCondition::InvalidNamespace);
    }

    void refusals()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, condition);
        Recorder r;
        QVERIFY(!r.parser.feed(input));
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(int(r.errors[0]), condition);
        QVERIFY(!r.errorText.isEmpty());
        QVERIFY(r.parser.failed());
        // Further input is ignored, no second error.
        QVERIFY(!r.parser.feed(QByteArray("<message/>")));
        QCOMPARE(r.errors.size(), 1);
    }

    void stanzaSizeLimit()
    {
        Recorder r;
        r.parser.setMaxStanzaSize(1024);
        QVERIFY(r.parser.feed(kHeader + "<message><body>" + QByteArray(900, 'a') +
                              "</body></message>"));
        QCOMPARE(r.elements.size(), 1);
        // Split in small chunks so that the limit is hit while data streams in.
        const QByteArray big = "<message><body>" + QByteArray(4000, 'b') + "</body></message>";
        bool ok = true;
        for (qsizetype i = 0; i < big.size() && ok; i += 100)
            ok = r.parser.feed(big.mid(i, 100));
        QVERIFY(!ok);
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(int(r.errors[0]), int(StreamErrorCondition::PolicyViolation));
        QCOMPARE(r.elements.size(), 1);
    }

    void defaultLimitIs512KiB()
    {
        Recorder r;
        QCOMPARE(r.parser.maxStanzaSize(), qint64(512 * 1024));
        QVERIFY(r.parser.feed(kHeader));
        QVERIFY(
            !r.parser.feed("<message><body>" + QByteArray(600 * 1024, 'c') + "</body></message>"));
        QCOMPARE(int(r.errors.value(0)), int(StreamErrorCondition::PolicyViolation));
    }

    void encodingRules_defect8_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("condition");
        const auto unsupported = int(StreamErrorCondition::UnsupportedEncoding);
        QTest::newRow("utf-16 BE with BOM") << "\xfe\xff" + utf16(kHeader, true) << unsupported;
        QTest::newRow("utf-16 LE with BOM") << "\xff\xfe" + utf16(kHeader, false) << unsupported;
        QTest::newRow("utf-16 BE without BOM") << utf16(kHeader, true) << unsupported;
        QTest::newRow("utf-16 LE without BOM") << utf16(kHeader, false) << unsupported;
        QTest::newRow("ISO-8859-1 declaration")
            << QByteArray(kHeader).replace("version='1.0'?>",
                                           "version='1.0' encoding='ISO-8859-1'?>")
            << unsupported;
        QTest::newRow("invalid UTF-8 in text")
            << kHeader + "<message><body>\xc3\x28</body></message>" << unsupported;
        QTest::newRow("overlong UTF-8") << kHeader + "<message id='\xc0\xaf'/>" << unsupported;
        QTest::newRow("UTF-16 surrogate in UTF-8")
            << kHeader + "<message><body>\xed\xa0\x80</body></message>" << unsupported;
        QTest::newRow("invalid UTF-8 in a name") << kHeader + "<mess\xff"
                                                              "age/>"
                                                 << unsupported;
        QTest::newRow("truncated UTF-8 sequence")
            << kHeader + "<message><body>\xe2\x82</body></message>" << unsupported;
        QTest::newRow("stream header in a stanza")
            << kHeader + "<message><stream:stream>" << int(StreamErrorCondition::InvalidXml);
        QTest::newRow("second stream header")
            << kHeader + "<stream:stream xmlns:stream='http://etherx.jabber.org/streams'>"
            << int(StreamErrorCondition::InvalidXml);
    }

    void encodingRules_defect8()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, condition);
        // In one piece and byte by byte (sequences split across reads).
        for (const qsizetype chunk : {input.size(), qsizetype(1)}) {
            Recorder r;
            bool ok = true;
            for (qsizetype i = 0; i < input.size() && ok; i += chunk)
                ok = r.parser.feed(input.mid(i, chunk));
            QVERIFY(!ok);
            QCOMPARE(r.errors.size(), 1);
            QCOMPARE(int(r.errors[0]), condition);
        }
    }

    void encodingAccepted()
    {
        // UTF-8 declared in any case, a UTF-8 BOM, and multi-byte characters
        // split across reads are fine.
        const QByteArray input =
            "\xef\xbb\xbf" +
            QByteArray(kHeader).replace("version='1.0'?>", "version='1.0' encoding='utf-8'?>") +
            "<message><body>\xc3\xa9\xf0\x9f\x98\x80\xe2\x82\xac</body></message>";
        Recorder r;
        for (char c : input)
            QVERIFY(r.parser.feed(&c, 1));
        QVERIFY(r.errors.isEmpty());
        QCOMPARE(r.elements.size(), 1);
        QCOMPARE(r.elements[0].firstChild(QStringLiteral("body"))->text(), QStringLiteral("é😀€"));
    }

    void peerTextBounded_defect8()
    {
        QCOMPARE(boundedPeerText(u"short"), QStringLiteral("short"));
        const QString cut = boundedPeerText(QString(100000, QLatin1Char('n')));
        QCOMPARE(cut.size(), 65);
        QVERIFY(cut.endsWith(QChar(0x2026)));
        QCOMPARE(boundedPeerText(u"a\nb\rc"), QStringLiteral("a?b?c"));
        // A surrogate pair is never split.
        const QString emoji = QString(63, QLatin1Char('e')) + QStringLiteral("😀");
        QCOMPARE(boundedPeerText(emoji), QString(63, QLatin1Char('e')) + QChar(0x2026));

        // Errors that name peer data carry at most 64 characters of it.
        const QByteArray longName(100000, 'n');
        Recorder big;
        QByteArray attrs;
        for (int i = 0; i < 70; ++i)
            attrs += " a" + QByteArray::number(i) + "='1'";
        QVERIFY(!big.parser.feed(kHeader + "<" + longName + attrs + "/>"));
        QCOMPARE(int(big.errors.value(0)), int(StreamErrorCondition::PolicyViolation));
        QVERIFY2(big.errorText.size() < 300, qPrintable(big.errorText.left(300)));
        Recorder decl;
        QVERIFY(!decl.parser.feed("<?xml version='1.0' encoding='" + QByteArray(8000, 'e') + "'?>" +
                                  kHeader.mid(21)));
        QCOMPARE(int(decl.errors.value(0)), int(StreamErrorCondition::UnsupportedEncoding));
        QVERIFY(decl.errorText.size() < 300);
    }

    void restartFromCallback()
    {
        Recorder r;
        r.parser.onElement = [&r](XmlElement &&e) {
            r.elements.append(std::move(e));
            r.parser.restart();
        };
        // Bytes after <starttls/> in the same chunk are dropped (they would be
        // TLS records on a real stream).
        QVERIFY(r.parser.feed(kHeader + "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>junk"));
        QCOMPARE(r.elements.size(), 1);
        QVERIFY(r.parser.feed(kHeader));
        QCOMPARE(r.headers.size(), 2);
        QVERIFY(r.errors.isEmpty());
    }

    // Issue 14 target 3: an idle stream keeps no expat state; the next
    // bytes rebuild it with the header's namespaces and nothing reported
    // twice.
    void releaseIdleBetweenStanzas()
    {
        Recorder r;
        int whitespace = 0;
        r.parser.onWhitespace = [&whitespace] { ++whitespace; };
        QVERIFY(!r.parser.releaseIdle()); // no header yet
        QVERIFY(r.parser.feed(kHeader.left(40)));
        QVERIFY(!r.parser.releaseIdle()); // inside the header
        QVERIFY(r.parser.feed(kHeader.mid(40) + "<message><body>a</body></message>"));
        QVERIFY(r.parser.releaseIdle());
        QVERIFY(r.parser.isReleased());
        QVERIFY(r.parser.feed(QByteArray(" ")));
        QVERIFY(!r.parser.isReleased());
        QCOMPARE(whitespace, 1);
        QVERIFY(r.parser.releaseIdle());
        // The prefix and default namespace declared in the header still hold.
        QVERIFY(r.parser.feed("<db:result to='example.test' from='remote.test'>k</db:result>"
                              "<iq type='get' id='1'><ping xmlns='urn:xmpp:ping'/></iq>"));
        QCOMPARE(r.headers.size(), 1);
        QCOMPARE(r.elements.size(), 3);
        QVERIFY(r.elements[1].is(QStringLiteral("result"), ns::kDialback));
        QCOMPARE(r.elements[1].text(), QStringLiteral("k"));
        QVERIFY(r.elements[2].is(QStringLiteral("iq"), ns::kServer));
        QVERIFY(r.parser.releaseIdle());
        QVERIFY(r.parser.feed(QByteArray("</stream:stream>")));
        QVERIFY(r.closed);
        QVERIFY(r.errors.isEmpty());
    }

    void releaseIdleRefusedWithAnythingPending()
    {
        Recorder r;
        QVERIFY(r.parser.feed(kHeader + "<message><bo"));
        QVERIFY(!r.parser.releaseIdle()); // a stanza is open
        QVERIFY(r.parser.feed("dy>x</body></message><pres"));
        QVERIFY(!r.parser.releaseIdle()); // a start tag is not complete
        QVERIFY(r.parser.feed("ence/>"));
        QVERIFY(r.parser.releaseIdle());
        QCOMPARE(r.elements.size(), 2);
        // Half of a two-byte UTF-8 character between stanzas.
        QVERIFY(r.parser.feed(QByteArray("<message><body>\xc3")));
        QVERIFY(!r.parser.releaseIdle());
        QVERIFY(r.parser.feed(QByteArray("\xa9</body></message>")));
        QCOMPARE(r.elements.size(), 3);
        QCOMPARE(r.elements[2].firstChild(QStringLiteral("body"))->text(), QString(QChar(0xe9)));
        QVERIFY(r.errors.isEmpty());
    }

    // The stanza limit counts from where each stanza starts, rebuilt or not.
    void releaseIdleKeepsTheStanzaLimit()
    {
        Recorder r;
        r.parser.setMaxStanzaSize(1024);
        QVERIFY(r.parser.feed(kHeader + "<message><body>" + QByteArray(900, 'a') +
                              "</body></message>"));
        QVERIFY(r.parser.releaseIdle());
        QVERIFY(r.parser.feed("<message><body>" + QByteArray(900, 'b') + "</body></message>"));
        QCOMPARE(r.elements.size(), 2);
        QVERIFY(r.parser.releaseIdle());
        QVERIFY(r.feedChunks("<message><body>" + QByteArray(1100, 'c') + "</body></message>", 100) <
                1200);
        QVERIFY(r.refusedWith(StreamErrorCondition::PolicyViolation));
        QCOMPARE(r.elements.size(), 2);
    }

    void restartAfterReleaseWantsANewHeader()
    {
        Recorder r;
        QVERIFY(r.parser.feed(kHeader + "<presence/>"));
        QVERIFY(r.parser.releaseIdle());
        r.parser.restart();
        QVERIFY(!r.parser.isReleased());
        QVERIFY(!r.parser.feed(QByteArray("<message/>"))); // not a stream header
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.headers.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestXmlStreamParser)
#include "tst_xmlstreamparser.moc"
