// Bytes -> XmlStreamParser, fed in chunks whose boundaries the first input
// bytes choose (restart() in between when asked), and every element it
// yields serialized with toXml() and parsed again in a fresh stream: the
// tree must come back the same (names, namespaces, attributes, text).
//
// The parser limits of the shared contract (depth, attributes, bounded
// error texts) are checked on everything it yields.
//
// Input: [flags][split1][split2][split3] then the stream bytes.
//   flags bit 0: prepend a standard stream header (gets the fuzzer to the
//                stanzas at once); bit 1: restart() from inside the element
//                callback after the first element; bit 2: restart() between
//                the first and second chunk; bit 3: a twin parser is fed the
//                same chunks and asked to releaseIdle() before each one; it
//                must yield the same elements, header and error as the first
//                (the release and its replayed header change nothing a peer
//                can see).
//   splitN: a chunk boundary at splitN/256 of the stream bytes.
#include "FuzzSupport.h"

#include "engine/xml/Namespaces.h"
#include "engine/xml/XmlStreamParser.h"

#include <algorithm>
#include <array>
#include <vector>

using fedgate::engine::StreamErrorCondition;
using fedgate::engine::XmlElement;
using fedgate::engine::XmlStreamParser;

namespace {

const QByteArray kHeader = "<?xml version='1.0'?><stream:stream "
                           "xmlns:stream='http://etherx.jabber.org/streams' "
                           "xmlns='jabber:server' xmlns:db='jabber:server:dialback' "
                           "to='contoso.test' from='partner.test' version='1.0'>";

// Error texts carry at most 64 characters of peer data; the fixed part of any
// message is far shorter than this.
constexpr qsizetype kMaxErrorText = 1024;

// An element's children with adjacent text merged and empty text dropped,
// so that trees parsed from differently chunked bytes compare equal.
struct Node
{
    const XmlElement *element = nullptr; // null for text
    QString text;
};

std::vector<Node> normalizedChildren(const XmlElement &e)
{
    std::vector<Node> out;
    for (const XmlElement &c : e.children()) {
        if (c.isText()) {
            const QString t = c.text();
            if (t.isEmpty())
                continue;
            if (!out.empty() && !out.back().element)
                out.back().text += t;
            else
                out.push_back({nullptr, t});
        } else {
            out.push_back({&c, {}});
        }
    }
    return out;
}

QList<std::pair<QString, QString>> sortedAttributes(const XmlElement &e)
{
    QList<std::pair<QString, QString>> a = e.attributes();
    std::sort(a.begin(), a.end());
    return a;
}

// Iterative (the parser bounds depth; the comparison must not be the thing
// that overflows the stack). Returns an empty string when equal, else what
// differs.
QByteArray difference(const XmlElement &original, const XmlElement &reparsed)
{
    std::vector<std::pair<const XmlElement *, const XmlElement *>> work{{&original, &reparsed}};
    while (!work.empty()) {
        const auto [a, b] = work.back();
        work.pop_back();
        if (a->name() != b->name() || a->ns() != b->ns())
            return "element {" + a->ns().toUtf8() + "}" + a->name().toUtf8() + " came back as {" +
                   b->ns().toUtf8() + "}" + b->name().toUtf8();
        if (sortedAttributes(*a) != sortedAttributes(*b))
            return "attributes of " + a->name().toUtf8() + " differ";
        const std::vector<Node> ca = normalizedChildren(*a);
        const std::vector<Node> cb = normalizedChildren(*b);
        if (ca.size() != cb.size())
            return "children of " + a->name().toUtf8() + " differ in number";
        for (size_t i = 0; i < ca.size(); ++i) {
            if (bool(ca[i].element) != bool(cb[i].element))
                return "text and element swapped under " + a->name().toUtf8();
            if (!ca[i].element && ca[i].text != cb[i].text)
                return "text under " + a->name().toUtf8() + " differs: '" +
                       ca[i].text.toUtf8().left(200) + "' vs '" + cb[i].text.toUtf8().left(200) +
                       "'";
            if (ca[i].element)
                work.emplace_back(ca[i].element, cb[i].element);
        }
    }
    return {};
}

// The shared parser limits: nothing deeper than kMaxDepth levels below the
// stream root (the stanza is level 1), at most kMaxAttributes per element.
void checkLimits(const XmlElement &stanza)
{
    std::vector<std::pair<const XmlElement *, int>> work{{&stanza, 1}};
    while (!work.empty()) {
        const auto [e, depth] = work.back();
        work.pop_back();
        if (depth > XmlStreamParser::kMaxDepth)
            fedgate::fuzz::fail("element deeper than kMaxDepth yielded");
        if (e->attributes().size() > XmlStreamParser::kMaxAttributes)
            fedgate::fuzz::fail("element with more than kMaxAttributes yielded");
        for (const XmlElement &c : e->children())
            if (!c.isText())
                work.emplace_back(&c, depth + 1);
    }
}

void checkRoundTrip(const XmlElement &element)
{
    const QByteArray xml = element.toXml();
    XmlStreamParser again;
    again.setMaxStanzaSize(0); // the serialized form may be larger than the input
    std::vector<XmlElement> got;
    QByteArray error;
    again.onElement = [&](XmlElement &&e) { got.push_back(std::move(e)); };
    again.onError = [&](StreamErrorCondition, const QString &text) { error = text.toUtf8(); };
    again.feed(kHeader);
    again.feed(xml);
    if (!error.isEmpty())
        fedgate::fuzz::fail("serialized element does not parse again",
                            error + "\nserialized: " + xml.left(2000));
    if (got.size() != 1)
        fedgate::fuzz::fail("serialized element does not parse as one element",
                            "serialized: " + xml.left(2000));
    const QByteArray diff = difference(element, got.front());
    if (!diff.isEmpty())
        fedgate::fuzz::fail("round trip changed the element",
                            diff + "\nserialized: " + xml.left(2000));
}

// What a parser yielded, for comparing a parser that releases its state when
// idle with one that never does.
struct Yield
{
    QByteArray header;
    std::vector<QByteArray> elements;
    int errors = 0;
    int condition = -1;
};

void record(XmlStreamParser &parser, Yield &yield)
{
    parser.onStreamOpened = [&yield](const XmlElement &header) { yield.header += header.toXml(); };
    parser.onElement = [&yield](XmlElement &&e) { yield.elements.push_back(e.toXml()); };
    parser.onError = [&yield](StreamErrorCondition condition, const QString &) {
        ++yield.errors;
        yield.condition = int(condition);
    };
}

void compareWithReleasingTwin(const QByteArray &stream, const std::array<qsizetype, 5> &cuts)
{
    XmlStreamParser plain;
    XmlStreamParser twin;
    Yield a;
    Yield b;
    record(plain, a);
    record(twin, b);
    int released = 0;
    for (size_t i = 0; i + 1 < cuts.size(); ++i) {
        const bool okPlain = plain.feed(stream.constData() + cuts[i], cuts[i + 1] - cuts[i]);
        released += twin.releaseIdle() ? 1 : 0;
        const bool okTwin = twin.feed(stream.constData() + cuts[i], cuts[i + 1] - cuts[i]);
        if (okPlain != okTwin)
            fedgate::fuzz::fail("a released parser accepted what the other refused, or the "
                                "reverse",
                                "chunk " + QByteArray::number(int(i)) + " after " +
                                    QByteArray::number(released) + " releases");
        if (!okPlain)
            break;
    }
    if (a.header != b.header)
        fedgate::fuzz::fail("the releasing parser reported another stream header",
                            a.header.left(500) + " against " + b.header.left(500));
    if (a.elements != b.elements)
        fedgate::fuzz::fail("the releasing parser yielded other elements",
                            QByteArray::number(qsizetype(a.elements.size())) + " against " +
                                QByteArray::number(qsizetype(b.elements.size())));
    if (a.errors != b.errors || a.condition != b.condition)
        fedgate::fuzz::fail("the releasing parser reported another error",
                            QByteArray::number(a.condition) + " against " +
                                QByteArray::number(b.condition));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fedgate::fuzz::silenceLogs();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4)
        return 0;
    const uint8_t flags = data[0];
    QByteArray stream;
    if (flags & 1)
        stream = kHeader;
    stream.append(reinterpret_cast<const char *>(data + 4), qsizetype(size - 4));

    std::array<qsizetype, 5> cuts{0, stream.size() * data[1] / 256, stream.size() * data[2] / 256,
                                  stream.size() * data[3] / 256, stream.size()};
    std::sort(cuts.begin(), cuts.end());

    if (flags & 8) {
        compareWithReleasingTwin(stream, cuts);
        return 0;
    }

    XmlStreamParser parser;
    bool restartInCallback = flags & 2;
    parser.onStreamOpened = [](const XmlElement &header) {
        if (header.attributes().size() > XmlStreamParser::kMaxAttributes)
            fedgate::fuzz::fail("stream header with more than kMaxAttributes accepted");
    };
    parser.onElement = [&](XmlElement &&element) {
        checkLimits(element);
        checkRoundTrip(element);
        if (restartInCallback) {
            restartInCallback = false;
            parser.restart();
        }
    };
    parser.onError = [](StreamErrorCondition, const QString &text) {
        if (text.size() > kMaxErrorText)
            fedgate::fuzz::fail("stream error text not bounded", text.toUtf8().left(200));
    };
    for (size_t i = 0; i + 1 < cuts.size(); ++i) {
        if (!parser.feed(stream.constData() + cuts[i], cuts[i + 1] - cuts[i]))
            break;
        if (i == 0 && (flags & 4))
            parser.restart();
    }
    return 0;
}
