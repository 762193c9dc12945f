#include "engine/xml/Namespaces.h"
#include "engine/xml/XmlStreamParser.h"

#include <QTest>

using namespace fedgate::engine;

namespace {
const QByteArray kHeader =
    "<?xml version='1.0'?><stream:stream xmlns='jabber:server' "
    "xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback' "
    "to='example.test' from='remote.test' version='1.0'>";

struct Recorder
{
    XmlStreamParser parser;
    QList<XmlElement> headers;
    QList<XmlElement> elements;
    bool closed = false;
    QList<StreamErrorCondition> errors;
    QString errorText;

    Recorder()
    {
        parser.onStreamOpened = [this](const XmlElement &h) { headers.append(h); };
        parser.onElement = [this](XmlElement &&e) { elements.append(std::move(e)); };
        parser.onStreamClosed = [this] { closed = true; };
        parser.onError = [this](StreamErrorCondition c, const QString &t) {
            errors.append(c);
            errorText = t;
        };
    }
};
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
};

QTEST_GUILESS_MAIN(TestXmlStreamParser)
#include "tst_xmlstreamparser.moc"
