// The parser limits of issue 9 (defects 1 to 4): each test feeds what a
// hostile peer sent and checks the stream error and how far the parser read
// before refusing (counts, never timings).
#include "XmlStreamRecorder.h"
#include "engine/xml/Namespaces.h"

#include <QTest>

using namespace fedgate::engine;

namespace {
const QByteArray &kHeader = test::kStreamHeader;
using Recorder = test::XmlStreamRecorder;

QByteArray nested(int levels)
{
    QByteArray open;
    QByteArray close;
    for (int i = 0; i < levels; ++i) {
        open += "<x>";
        close += "</x>";
    }
    return open + close;
}

QByteArray attributes(int count)
{
    QByteArray out;
    out.reserve(count * 12);
    for (int i = 0; i < count; ++i)
        out += " a" + QByteArray::number(i) + "='1'";
    return out;
}
} // namespace

class TestXmlParserLimits : public QObject
{
    Q_OBJECT
private slots:
    void deepNestingRefused_defect1()
    {
        {
            Recorder r;
            QVERIFY(r.parser.feed(kHeader + "<message>" + nested(XmlStreamParser::kMaxDepth - 1) +
                                  "</message>"));
            QCOMPARE(r.elements.size(), 1);
        }
        // One level more is refused at the start tag that crosses the limit.
        Recorder r;
        QVERIFY(r.parser.feed(kHeader + "<message>"));
        int accepted = 1;
        while (accepted < 100 && r.parser.feed(QByteArray("<x>")))
            ++accepted;
        QCOMPARE(accepted, XmlStreamParser::kMaxDepth);
        QVERIFY(r.refusedWith(StreamErrorCondition::PolicyViolation));
        QVERIFY(r.errorText.contains(QString::number(XmlStreamParser::kMaxDepth)));
        QVERIFY(r.elements.isEmpty());

        // The 35,000 levels of the report: refused long before the end.
        Recorder deep;
        QVERIFY(deep.parser.feed(kHeader));
        const QByteArray stanza = "<message>" + nested(35000) + "</message>";
        QVERIFY(deep.feedChunks(stanza, 64) < 64 * 10);
        QVERIFY(deep.refusedWith(StreamErrorCondition::PolicyViolation));
    }

    void manyAttributesLinear_defect2()
    {
        {
            Recorder r;
            QVERIFY(r.parser.feed(kHeader + "<message" +
                                  attributes(XmlStreamParser::kMaxAttributes) + "/>"));
            QCOMPARE(r.elements.size(), 1);
            QCOMPARE(r.elements[0].attributes().size(), XmlStreamParser::kMaxAttributes);
            QCOMPARE(r.elements[0].attribute(QStringLiteral("a63")), QStringLiteral("1"));
        }
        {
            Recorder r;
            QVERIFY(!r.parser.feed(kHeader + "<message" +
                                   attributes(XmlStreamParser::kMaxAttributes + 1) + "/>"));
            QVERIFY(r.refusedWith(StreamErrorCondition::PolicyViolation));
            QVERIFY(r.errorText.contains(QStringLiteral("attributes")));
        }
        {
            // The stream header counts as well (before authentication).
            QByteArray header = kHeader;
            header.insert(header.size() - 1, attributes(XmlStreamParser::kMaxAttributes));
            Recorder r;
            QVERIFY(!r.parser.feed(header));
            QVERIFY(r.refusedWith(StreamErrorCondition::PolicyViolation));
            QVERIFY(r.headers.isEmpty());
        }
        // 100,000 attributes (1.3 MB, the stanza limit raised so that only
        // the attribute limit applies) followed by more stanzas: refused when
        // the start tag completes, nothing after it is read.
        Recorder r;
        r.parser.setMaxStanzaSize(16 * 1024 * 1024);
        QVERIFY(r.parser.feed(kHeader));
        const QByteArray tag = "<message" + attributes(100000) + ">";
        QByteArray input = tag;
        for (int i = 0; i < 1000; ++i)
            input += "<body>more</body>";
        const qsizetype read = r.feedChunks(input, 64 * 1024);
        QVERIFY(read >= tag.size());
        QVERIFY(read < tag.size() + 64 * 1024);
        QVERIFY(r.refusedWith(StreamErrorCondition::PolicyViolation));
        QVERIFY(r.errorText.contains(QStringLiteral("attributes")));
    }

    void unterminatedTagBounded_defect3()
    {
        // A start tag that never ends: refused once it passes the stanza
        // limit, not after 64 MiB.
        {
            Recorder r;
            QVERIFY(r.parser.feed(kHeader));
            const QByteArray tag = "<message a='" + QByteArray(4 * 1024 * 1024, 'x');
            const qsizetype read = r.feedChunks(tag, 4096);
            QVERIFY(r.refusedWith(StreamErrorCondition::PolicyViolation));
            QVERIFY(read <= r.parser.maxStanzaSize() + 64 * 1024);
        }
        // The same in one large read.
        {
            Recorder r;
            QVERIFY(!r.parser.feed(kHeader + "<message a='" + QByteArray(4 * 1024 * 1024, 'x')));
            QVERIFY(r.refusedWith(StreamErrorCondition::PolicyViolation));
        }
        // A stream header that never completes.
        {
            Recorder r;
            const QByteArray header = "<?xml version='1.0'?><stream:stream xmlns:stream="
                                      "'http://etherx.jabber.org/streams' a='" +
                                      QByteArray(1024 * 1024, 'y');
            const qsizetype read = r.feedChunks(header, 1024);
            QVERIFY(r.refusedWith(StreamErrorCondition::PolicyViolation));
            QVERIFY(read <= XmlStreamParser::kMaxHeaderSize + 1024);
            QVERIFY(r.headers.isEmpty());
        }
        // A complete header above the limit, and a legitimate one just below.
        {
            QByteArray header = kHeader;
            header.insert(header.size() - 1,
                          " pad='" + QByteArray(XmlStreamParser::kMaxHeaderSize, 'z') + "'");
            Recorder r;
            QVERIFY(!r.parser.feed(header));
            QVERIFY(r.refusedWith(StreamErrorCondition::PolicyViolation));
        }
        {
            QByteArray header = kHeader;
            header.insert(
                header.size() - 1,
                " pad='" + QByteArray(XmlStreamParser::kMaxHeaderSize - kHeader.size() - 7, 'z') +
                    "'");
            QCOMPARE(header.size(), XmlStreamParser::kMaxHeaderSize);
            Recorder r;
            QVERIFY(r.parser.feed(header));
            QCOMPARE(r.headers.size(), 1);
        }
    }

    void slowDripBounded_defect3_data()
    {
        QTest::addColumn<QByteArray>("filler");
        QTest::newRow("plain") << QByteArray("x");
        QTest::newRow("'>' in the value") << QByteArray(">");
        QTest::newRow("references in the value") << QByteArray("&amp;>");
    }

    void slowDripBounded_defect3()
    {
        // Expat rescans a partial token on every call: an unterminated tag
        // fed 16 bytes at a time must not be rescanned on every read.
        QFETCH(QByteArray, filler);
        const qsizetype read = 16;
        const QByteArray value = filler.repeated(400 * 1024 / filler.size());
        {
            Recorder r;
            QVERIFY(r.parser.feed(kHeader));
            const quint64 before = r.parser.expatCalls();
            QCOMPARE(r.feedChunks("<message a='" + value, read), value.size() + 12);
            QVERIFY(!r.parser.failed());
            QVERIFY(r.parser.expatCalls() - before < 1200); // 25,600 reads
            // It still counts: refused at the limit.
            QVERIFY(r.feedChunks(value, read) < value.size());
            QVERIFY(r.refusedWith(StreamErrorCondition::PolicyViolation));
        }
        // A legitimate large tag is parsed as soon as its last byte arrives,
        // also after a CDATA section that looks like markup.
        Recorder r;
        QVERIFY(r.parser.feed(kHeader + "<message><body><![CDATA[<x ' ]]></body></message>"));
        QCOMPARE(r.elements.size(), 1);
        const QByteArray stanza = "<message a='" + value + "' b=\"'\"/>";
        QCOMPARE(r.feedChunks(stanza, read), stanza.size());
        QCOMPARE(r.elements.size(), 2);
        QCOMPARE(r.elements[1].attribute(QStringLiteral("b")), QStringLiteral("'"));
        // And so is a small stanza that follows in reads of one byte.
        QCOMPARE(r.feedChunks("<iq id='1'/>", 1), 12);
        QCOMPARE(r.elements.size(), 3);
    }

    void sizeLimitCountsWholeStanza_defect4()
    {
        const qint64 limit = 1024;
        // A self-closing stanza over the limit (the 10 MB id of the report),
        // and one whose last text chunk and closing tag take it over.
        const QByteArray overLimit[] = {"<message id='" + QByteArray(2000, 'i') + "'/>",
                                        "<message>" + QByteArray(2000, 't') + "</message>"};
        for (const QByteArray &stanza : overLimit) {
            Recorder r;
            r.parser.setMaxStanzaSize(limit);
            QVERIFY(r.parser.feed(kHeader));
            QVERIFY(!r.parser.feed(stanza));
            QVERIFY(r.refusedWith(StreamErrorCondition::PolicyViolation));
            QVERIFY(r.elements.isEmpty());
        }
        // Exactly at the limit is accepted, one byte more is not: every byte
        // from '<' to the final '>' counts, closing tags included.
        for (const qint64 extra : {0, 1}) {
            const QByteArray frame = "<message><body></body></message>";
            const QByteArray stanza = "<message><body>" +
                                      QByteArray(limit - frame.size() + extra, 'b') +
                                      "</body></message>";
            Recorder r;
            r.parser.setMaxStanzaSize(limit);
            QVERIFY(r.parser.feed(kHeader + "\n"));
            QCOMPARE(r.parser.feed(stanza), extra == 0);
            QCOMPARE(r.elements.size(), extra == 0 ? 1 : 0);
        }
        // Nested closing tags are part of the stanza.
        {
            const QByteArray stanza = "<message>" + nested(100) + "</message>";
            Recorder r;
            r.parser.setMaxStanzaSize(stanza.size() - 1);
            QVERIFY(r.parser.feed(kHeader));
            QVERIFY(!r.parser.feed(stanza));
            QVERIFY(r.refusedWith(StreamErrorCondition::PolicyViolation));
        }
        // Many small stanzas in one read are each measured on their own.
        {
            QByteArray many;
            for (int i = 0; i < 1000; ++i)
                many += "<message id='" + QByteArray::number(i) + "'/> ";
            Recorder r;
            r.parser.setMaxStanzaSize(64);
            QVERIFY(r.parser.feed(kHeader + many));
            QCOMPARE(r.elements.size(), 1000);
        }
    }
};

QTEST_GUILESS_MAIN(TestXmlParserLimits)
#include "tst_xmlparserlimits.moc"
