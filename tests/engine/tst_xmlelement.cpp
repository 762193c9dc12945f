// XmlElement serialisation (issue 9, defects 1 and 6): iterative, and the
// output parses back to the same tree.
#include "XmlStreamRecorder.h"
#include "engine/xml/Namespaces.h"

#include <QRandomGenerator>
#include <QTest>

using namespace fedgate::engine;

namespace {
const QByteArray &kHeader = test::kStreamHeader;

// Parses one stanza as it would arrive on a stream; a null element and the
// error text when the parser refused it.
XmlElement parseStanza(const QByteArray &xml, QString *error = nullptr)
{
    XmlStreamParser parser;
    XmlElement result;
    parser.onElement = [&result](XmlElement &&e) { result = std::move(e); };
    parser.onError = [error](StreamErrorCondition c, const QString &text) {
        if (error)
            *error = toString(c) + QLatin1String(": ") + text;
    };
    parser.feed(kHeader + xml);
    return result;
}

// Tree equality; the depth of the trees compared here is small.
bool sameTree(const XmlElement &a, const XmlElement &b, QString *why)
{
    if (a.isText() != b.isText() || a.name() != b.name() || a.ns() != b.ns() ||
        a.attributes() != b.attributes() || a.children().size() != b.children().size()) {
        *why = QStringLiteral("<%1 xmlns='%2'> differs from <%3 xmlns='%4'>")
                   .arg(a.name(), a.ns(), b.name(), b.ns());
        return false;
    }
    if (a.isText() && a.text() != b.text()) {
        *why = QStringLiteral("text '%1' differs from '%2'").arg(a.text(), b.text());
        return false;
    }
    for (std::size_t i = 0; i < a.children().size(); ++i)
        if (!sameTree(a.children()[i], b.children()[i], why))
            return false;
    return true;
}

// Random trees over the cases that matter for serialisation: namespaces that
// change or not, the prefixed stream and dialback namespaces, namespaced and
// xml: attributes, and characters that need escaping.
class TreeGenerator
{
public:
    explicit TreeGenerator(quint32 seed)
        : m_random(seed)
    {}

    XmlElement element(int depth)
    {
        XmlElement e(pick(kNames), pick(kNamespaces));
        const int attributeCount = int(m_random.bounded(4));
        for (int i = 0; i < attributeCount; ++i) {
            const QString ns = pick(kAttributeNamespaces);
            e.setAttribute(XmlElement::attributeName(ns, pick(kNames)), text(8));
        }
        const int childCount = depth > 0 ? int(m_random.bounded(4)) : 0;
        for (int i = 0; i < childCount; ++i) {
            if (m_random.bounded(3) == 0)
                e.addText(text(12));
            else
                e.addChild(element(depth - 1));
        }
        return e;
    }

private:
    QString text(int maxLength)
    {
        static const QStringList pieces = {
            QStringLiteral("a"),      QStringLiteral(" "),    QStringLiteral("&"),
            QStringLiteral("<"),      QStringLiteral(">"),    QStringLiteral("'"),
            QStringLiteral("\""),     QStringLiteral("\t"),   QStringLiteral("\n"),
            QStringLiteral("\r"),     QStringLiteral("\r\n"), QStringLiteral("]]>"),
            QStringLiteral("é"),      QStringLiteral("😀"),    QStringLiteral("&amp;"),
            QStringLiteral("\ufeff"),
        };
        QString out;
        const int length = 1 + int(m_random.bounded(maxLength));
        for (int i = 0; i < length; ++i)
            out += pick(pieces);
        return out;
    }

    QString pick(const QStringList &list) { return list.at(int(m_random.bounded(list.size()))); }

    inline static const QStringList kNames = {QStringLiteral("a"), QStringLiteral("body"),
                                              QStringLiteral("x-y"), QStringLiteral("n.1"),
                                              QStringLiteral("result")};
    inline static const QStringList kNamespaces = {
        ns::kServer,  QString(),    QStringLiteral("urn:a"), QStringLiteral("urn:b&'<"),
        ns::kStreams, ns::kDialback};
    inline static const QStringList kAttributeNamespaces = {
        QString(),   QString(), ns::kXml, QStringLiteral("urn:a"), QStringLiteral("urn:c"),
        ns::kStreams};
    QRandomGenerator m_random;
};
} // namespace

class TestXmlElement : public QObject
{
    Q_OBJECT
private slots:
    void deepTreeSerialisedIteratively_defect1()
    {
        // Built in code, so not bounded by the parser's depth limit: neither
        // serialising nor destroying it may recurse.
        const int depth = 200000;
        XmlElement tree(QStringLiteral("x"), ns::kServer);
        for (int i = 1; i < depth; ++i) {
            XmlElement parent(QStringLiteral("x"), ns::kServer);
            parent.addChild(std::move(tree));
            tree = std::move(parent);
        }
        const QByteArray xml = tree.toXml();
        QCOMPARE(xml.size(), qsizetype(depth - 1) * 7 + 4);
        QVERIFY(xml.startsWith("<x><x>"));
        QVERIFY(xml.endsWith("</x></x>"));
        QCOMPARE(xml.count("<x/>"), 1);
    }

    void prefixedAttributeRoundTrip_defect6()
    {
        QString error;
        const XmlElement in =
            parseStanza("<message xmlns:foo='urn:foo' foo:bar='1' xml:lang='en' to='a@b'>"
                        "<p:x xmlns:p='urn:p' p:y='2' xmlns:q='urn:q' q:y='3'/></message>",
                        &error);
        QVERIFY2(!in.isNull(), qPrintable(error));
        QCOMPARE(in.attribute(QStringLiteral("to")), QStringLiteral("a@b"));
        QCOMPARE(in.attribute(QStringLiteral("xml:lang")), QStringLiteral("en"));
        QCOMPARE(in.attribute(QStringLiteral("{urn:foo}bar")), QStringLiteral("1"));
        const QByteArray xml = in.toXml();
        QVERIFY2(xml.contains("xmlns:a0='urn:foo' a0:bar='1'"), xml.constData());
        QVERIFY2(xml.contains("xml:lang='en'"), xml.constData());
        const XmlElement out = parseStanza(xml, &error);
        QVERIFY2(!out.isNull(), qPrintable(error + QLatin1Char(' ') + QString::fromUtf8(xml)));
        QString why;
        QVERIFY2(sameTree(in, out, &why), qPrintable(why));
    }

    // Found by fuzz_xmlstream: a namespace URI may contain '}' (and '{'),
    // which must not cut the "{uri}local" key at the wrong place.
    void braceInAttributeNamespace_defect6()
    {
        QString error;
        const XmlElement in = parseStanza("<message xmlns:foo='}rn:f{o}o' foo:bar='1'/>", &error);
        QVERIFY2(!in.isNull(), qPrintable(error));
        const QByteArray xml = in.toXml();
        QVERIFY2(xml.contains("xmlns:a0='}rn:f{o}o' a0:bar='1'"), xml.constData());
        const XmlElement out = parseStanza(xml, &error);
        QVERIFY2(!out.isNull(), qPrintable(error + QLatin1Char(' ') + QString::fromUtf8(xml)));
        QString why;
        QVERIFY2(sameTree(in, out, &why), qPrintable(why));
    }

    void escapingRoundTrip_defect6()
    {
        const QString nasty = QStringLiteral("a&b<c>d'e\"f\tg\nh\ri\r\nj]]>k");
        XmlElement in(QStringLiteral("message"), ns::kServer);
        in.setAttribute(QStringLiteral("id"), nasty);
        in.addChild(XmlElement(QStringLiteral("body"), ns::kServer)).addText(nasty);
        const QByteArray xml = in.toXml();
        QVERIFY2(
            xml.contains("id='a&amp;b&lt;c&gt;d&apos;e&quot;f&#9;g&#10;h&#13;i&#13;&#10;j]]&gt;k'"),
            xml.constData());
        QString error;
        const XmlElement out = parseStanza(xml, &error);
        QVERIFY2(!out.isNull(), qPrintable(error));
        QCOMPARE(out.attribute(QStringLiteral("id")), nasty);
        QCOMPARE(out.firstChild(QStringLiteral("body"))->text(), nasty);

        // U+FEFF where expat starts a value or a text chunk (after a
        // reference) is a character like any other, not a byte order mark.
        const QString feff = QChar(0xfeff) + QStringLiteral("&") + QChar(0xfeff);
        XmlElement marked(QStringLiteral("message"), ns::kServer);
        marked.setAttribute(QStringLiteral("id"), feff);
        marked.addText(feff);
        const XmlElement back = parseStanza(marked.toXml(), &error);
        QCOMPARE(back.attribute(QStringLiteral("id")), feff);
        QCOMPARE(back.text(), feff);
    }

    void generatedTreesRoundTrip_defect6()
    {
        // Property: parse(serialise(tree)) == tree, and serialising the parsed
        // tree gives the same bytes again.
        for (quint32 seed = 1; seed <= 2000; ++seed) {
            TreeGenerator generator(seed);
            const XmlElement tree = generator.element(4);
            const QByteArray xml = tree.toXml();
            QString error;
            const XmlElement parsed = parseStanza(xml, &error);
            QVERIFY2(!parsed.isNull(), qPrintable(QStringLiteral("seed %1: %2 in %3")
                                                      .arg(seed)
                                                      .arg(error, QString::fromUtf8(xml))));
            QString why;
            QVERIFY2(sameTree(tree, parsed, &why),
                     qPrintable(QStringLiteral("seed %1: %2").arg(seed).arg(why)));
            QCOMPARE(parsed.toXml(), xml);
        }
    }

    void setAttributeReplaces()
    {
        XmlElement e(QStringLiteral("iq"), ns::kServer);
        e.setAttribute(QStringLiteral("type"), QStringLiteral("get"));
        e.setAttribute(QStringLiteral("type"), QStringLiteral("result"));
        QCOMPARE(e.attributes().size(), 1);
        QCOMPARE(e.attribute(QStringLiteral("type")), QStringLiteral("result"));
    }
};

QTEST_GUILESS_MAIN(TestXmlElement)
#include "tst_xmlelement.moc"
