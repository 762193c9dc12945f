// Expat (XmlStreamParser) versus QXmlStreamReader on stanza-sized input: the
// same stream of <message/> stanzas fed in socket-sized chunks, each parser
// building the same XmlElement tree per stanza. Prints stanzas per second.
#include "engine/xml/XmlStreamParser.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QXmlStreamReader>

#include <cstdio>

using fedgate::engine::XmlElement;
using fedgate::engine::XmlStreamParser;

namespace {
QByteArray makeStream(int stanzas, int bodySize)
{
    QByteArray s = "<?xml version='1.0'?><stream:stream xmlns='jabber:server' "
                   "xmlns:stream='http://etherx.jabber.org/streams' to='a.test' from='b.test' "
                   "version='1.0'>";
    const QByteArray body(bodySize, 'x');
    for (int i = 0; i < stanzas; ++i) {
        s += "<message type='chat' id='m" + QByteArray::number(i) +
             "' to='alice@a.test/res' from='bob@b.test/phone' xml:lang='en'><body>" + body +
             " &amp; more</body><active xmlns='http://jabber.org/protocol/chatstates'/>"
             "</message>";
    }
    return s;
}

int runExpat(const QByteArray &stream, int chunk)
{
    XmlStreamParser parser;
    int count = 0;
    parser.onElement = [&count](XmlElement &&) { ++count; };
    for (qsizetype i = 0; i < stream.size(); i += chunk)
        parser.feed(stream.constData() + i, std::min<qsizetype>(chunk, stream.size() - i));
    return count;
}

int runQt(const QByteArray &stream, int chunk)
{
    QXmlStreamReader reader;
    int count = 0;
    std::vector<XmlElement> stack;
    int depth = 0;
    for (qsizetype i = 0; i < stream.size(); i += chunk) {
        reader.addData(stream.mid(i, chunk));
        while (!reader.atEnd()) {
            const auto token = reader.readNext();
            if (token == QXmlStreamReader::Invalid)
                break; // PrematureEndOfDocument: wait for more data
            if (token == QXmlStreamReader::StartElement) {
                ++depth;
                if (depth == 1)
                    continue;
                XmlElement e(reader.name().toString(), reader.namespaceUri().toString());
                for (const auto &a : reader.attributes())
                    e.setAttribute(a.qualifiedName().toString(), a.value().toString());
                stack.push_back(std::move(e));
            } else if (token == QXmlStreamReader::EndElement) {
                --depth;
                if (stack.empty())
                    continue;
                XmlElement done = std::move(stack.back());
                stack.pop_back();
                if (stack.empty())
                    ++count;
                else
                    stack.back().addChild(std::move(done));
            } else if (token == QXmlStreamReader::Characters && !stack.empty()) {
                stack.back().addText(reader.text().toString());
            }
        }
    }
    return count;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int stanzas = 200000;
    std::printf("%-18s %8s %6s %12s %12s %8s\n", "parser", "body B", "chunk", "stanzas",
                "stanzas/s", "MB/s");
    for (int bodySize : {40, 400, 4000}) {
        const int n = bodySize >= 4000 ? stanzas / 10 : stanzas;
        const QByteArray stream = makeStream(n, bodySize);
        for (int chunk : {4096}) {
            for (int which = 0; which < 2; ++which) {
                QElapsedTimer t;
                t.start();
                const int got = which == 0 ? runExpat(stream, chunk) : runQt(stream, chunk);
                const double secs = t.nsecsElapsed() / 1e9;
                std::printf("%-18s %8d %6d %12d %12.0f %8.1f\n",
                            which == 0 ? "expat" : "QXmlStreamReader", bodySize, chunk, got,
                            got / secs, stream.size() / secs / 1e6);
            }
        }
    }
    return 0;
}
