#include "XmlStreamParser.h"

#include "Namespaces.h"

#include <expat.h>

namespace fedgate::engine {

namespace {
// Expat joins namespace URI and local name with this separator; a space can
// appear in neither.
constexpr char kSeparator = ' ';
constexpr qsizetype kFeedSlice = 64 * 1024;

void splitName(const XML_Char *raw, QString *ns, QString *local)
{
    const QString name = QString::fromUtf8(raw);
    const qsizetype sep = name.indexOf(QLatin1Char(kSeparator));
    if (sep < 0) {
        ns->clear();
        *local = name;
    } else {
        *ns = name.left(sep);
        *local = name.mid(sep + 1);
    }
}

QString attributeName(const XML_Char *raw)
{
    QString ns;
    QString local;
    splitName(raw, &ns, &local);
    if (ns.isEmpty())
        return local;
    if (ns == ns::kXml)
        return QStringLiteral("xml:") + local;
    // Other namespaced attributes are rare on s2s streams; keep them
    // distinguishable without inventing prefixes.
    return ns + QLatin1Char(':') + local;
}
} // namespace

struct XmlStreamParser::Callbacks
{
    static void start(void *userData, const XML_Char *name, const XML_Char **atts)
    {
        auto *self = static_cast<XmlStreamParser *>(userData);
        if (self->m_failed)
            return;
        QString ns;
        QString local;
        splitName(name, &ns, &local);
        XmlElement element(local, ns);
        for (int i = 0; atts[i]; i += 2)
            element.setAttribute(attributeName(atts[i]), QString::fromUtf8(atts[i + 1]));
        ++self->m_depth;
        if (self->m_depth == 1) {
            if (ns != ns::kStreams || local != QLatin1String("stream")) {
                self->fail(local == QLatin1String("stream") ? StreamErrorCondition::InvalidNamespace
                                                            : StreamErrorCondition::InvalidXml,
                           QStringLiteral("The stream must open with <stream:stream> in the "
                                          "namespace http://etherx.jabber.org/streams."));
                return;
            }
            if (self->onStreamOpened)
                self->onStreamOpened(element);
            return;
        }
        if (self->m_depth == 2)
            self->m_stanzaStart = XML_GetCurrentByteIndex(self->m_parser);
        self->m_stack.push_back(std::move(element));
        self->checkSize();
    }

    static void end(void *userData, const XML_Char *)
    {
        auto *self = static_cast<XmlStreamParser *>(userData);
        if (self->m_failed)
            return;
        --self->m_depth;
        if (self->m_depth == 0) {
            if (self->onStreamClosed)
                self->onStreamClosed();
            return;
        }
        XmlElement done = std::move(self->m_stack.back());
        self->m_stack.pop_back();
        if (!self->m_stack.empty()) {
            self->m_stack.back().addChild(std::move(done));
            return;
        }
        self->m_stanzaStart = -1;
        if (self->onElement)
            self->onElement(std::move(done));
    }

    static void text(void *userData, const XML_Char *s, int len)
    {
        auto *self = static_cast<XmlStreamParser *>(userData);
        if (self->m_failed)
            return;
        if (self->m_stack.empty()) { // whitespace between stanzas
            if (self->m_depth == 1 && self->onWhitespace)
                self->onWhitespace();
            return;
        }
        self->m_stack.back().addText(QString::fromUtf8(s, len));
        self->checkSize();
    }

    static void doctype(void *userData, const XML_Char *, const XML_Char *, const XML_Char *, int)
    {
        static_cast<XmlStreamParser *>(userData)->fail(
            StreamErrorCondition::RestrictedXml,
            QStringLiteral("A document type declaration is not allowed in an XMPP stream."));
    }

    static void entityDecl(void *userData, const XML_Char *, int, const XML_Char *, int,
                           const XML_Char *, const XML_Char *, const XML_Char *, const XML_Char *)
    {
        static_cast<XmlStreamParser *>(userData)->fail(
            StreamErrorCondition::RestrictedXml,
            QStringLiteral("Entity declarations are not allowed in an XMPP stream."));
    }

    static void comment(void *userData, const XML_Char *)
    {
        static_cast<XmlStreamParser *>(userData)->fail(
            StreamErrorCondition::RestrictedXml,
            QStringLiteral("Comments are not allowed in an XMPP stream."));
    }

    static void processingInstruction(void *userData, const XML_Char *, const XML_Char *)
    {
        static_cast<XmlStreamParser *>(userData)->fail(
            StreamErrorCondition::RestrictedXml,
            QStringLiteral("Processing instructions are not allowed in an XMPP stream."));
    }
};

XmlStreamParser::XmlStreamParser()
{
    createParser();
}

XmlStreamParser::~XmlStreamParser()
{
    destroyParser();
}

void XmlStreamParser::createParser()
{
    m_parser = XML_ParserCreateNS("UTF-8", kSeparator);
    XML_SetUserData(m_parser, this);
    XML_SetElementHandler(m_parser, &Callbacks::start, &Callbacks::end);
    XML_SetCharacterDataHandler(m_parser, &Callbacks::text);
    XML_SetStartDoctypeDeclHandler(m_parser, &Callbacks::doctype);
    XML_SetEntityDeclHandler(m_parser, &Callbacks::entityDecl);
    XML_SetCommentHandler(m_parser, &Callbacks::comment);
    XML_SetProcessingInstructionHandler(m_parser, &Callbacks::processingInstruction);
    XML_SetParamEntityParsing(m_parser, XML_PARAM_ENTITY_PARSING_NEVER);
    m_stack.clear();
    m_depth = 0;
    m_stanzaStart = -1;
}

void XmlStreamParser::destroyParser()
{
    if (m_parser)
        XML_ParserFree(m_parser);
    m_parser = nullptr;
}

void XmlStreamParser::fail(StreamErrorCondition condition, const QString &text)
{
    if (m_failed)
        return;
    m_failed = true;
    if (m_parser && m_inParse)
        XML_StopParser(m_parser, XML_FALSE);
    if (onError)
        onError(condition, text);
}

void XmlStreamParser::checkSize()
{
    if (m_stanzaStart < 0 || m_maxStanzaSize <= 0)
        return;
    const qint64 size = XML_GetCurrentByteIndex(m_parser) - m_stanzaStart;
    if (size > m_maxStanzaSize)
        fail(StreamErrorCondition::PolicyViolation,
             QStringLiteral("Stanza larger than the limit of %1 bytes.").arg(m_maxStanzaSize));
}

void XmlStreamParser::restart()
{
    m_restartPending = true;
    if (m_inParse)
        XML_StopParser(m_parser, XML_FALSE);
    else {
        destroyParser();
        createParser();
        m_restartPending = false;
    }
}

bool XmlStreamParser::feed(const char *data, qsizetype size)
{
    // Slices bound the memory a single read can make the parser allocate
    // before the size check sees it.
    for (qsizetype offset = 0; offset < size && !m_failed; offset += kFeedSlice) {
        const int len = static_cast<int>(std::min(kFeedSlice, size - offset));
        m_inParse = true;
        const XML_Status status = XML_Parse(m_parser, data + offset, len, XML_FALSE);
        m_inParse = false;
        if (m_restartPending) {
            destroyParser();
            createParser();
            m_restartPending = false;
            return !m_failed;
        }
        if (m_failed)
            return false;
        if (status == XML_STATUS_ERROR) {
            const XML_Error code = XML_GetErrorCode(m_parser);
            const QString where = QStringLiteral(" (line %1, column %2)")
                                      .arg(XML_GetCurrentLineNumber(m_parser))
                                      .arg(XML_GetCurrentColumnNumber(m_parser));
            const QString what = QString::fromUtf8(XML_ErrorString(code)) + where;
            switch (code) {
            case XML_ERROR_UNBOUND_PREFIX:
                fail(StreamErrorCondition::BadNamespacePrefix, what);
                break;
            case XML_ERROR_UNKNOWN_ENCODING:
            case XML_ERROR_INCORRECT_ENCODING:
                fail(StreamErrorCondition::UnsupportedEncoding, what);
                break;
            default:
                fail(StreamErrorCondition::NotWellFormed, what);
            }
            return false;
        }
    }
    return !m_failed;
}

} // namespace fedgate::engine
