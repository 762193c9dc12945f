#include "XmlStreamParser.h"

#include "Namespaces.h"
#include "PeerText.h"

#include <QStringDecoder>

#include <expat.h>

namespace fedgate::engine {

namespace {
// Expat joins namespace URI and local name with this separator; a space can
// appear in neither.
constexpr char kSeparator = ' ';
// Input is given to expat in slices and the pending bytes are checked after
// each, so a single large read cannot make expat buffer much beyond a limit.
constexpr qsizetype kFeedSlice = 64 * 1024;
// Unreported bytes above which reads that cannot end the pending token are
// held back; below it a rescan is cheap.
constexpr qint64 kHoldAbove = 16 * 1024;

// Expat's UTF-8 as a QString. Not QString::fromUtf8(): that drops a U+FEFF
// at the start of its input, and expat may start a text chunk or an
// attribute value with one (after a character reference, say).
QString fromExpat(const XML_Char *s, qsizetype len = -1)
{
    QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless |
                                                       QStringConverter::Flag::ConvertInitialBom);
    return decoder.decode(len < 0 ? QByteArrayView(s) : QByteArrayView(s, len));
}

void splitName(const XML_Char *raw, QString *ns, QString *local)
{
    const QString name = fromExpat(raw);
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
    return XmlElement::attributeName(ns, local);
}

// Counts up to one past the limit, so a tag with 100,000 attributes costs
// no more than one with 65.
int countAttributes(const XML_Char **atts)
{
    int count = 0;
    while (count <= XmlStreamParser::kMaxAttributes && atts[2 * count])
        ++count;
    return count;
}

// The element with its attributes; `count` is at most kMaxAttributes.
XmlElement buildElement(const QString &ns, const QString &local, const XML_Char **atts, int count)
{
    XmlElement element(local, ns);
    for (int i = 0; i < count; ++i)
        element.appendAttribute(attributeName(atts[2 * i]), fromExpat(atts[2 * i + 1]));
    return element;
}

QString tooManyAttributes(const QString &local)
{
    return QStringLiteral("The element <%1> has more than %2 attributes.")
        .arg(boundedPeerText(local))
        .arg(XmlStreamParser::kMaxAttributes);
}
} // namespace

struct XmlStreamParser::Callbacks
{
    static void start(void *userData, const XML_Char *name, const XML_Char **atts)
    {
        auto *self = static_cast<XmlStreamParser *>(userData);
        if (self->m_failed)
            return;
        if (self->m_replaying) { // the stream root again, after releaseIdle()
            ++self->m_depth;
            return;
        }
        QString ns;
        QString local;
        splitName(name, &ns, &local);
        self->noteEvent(self->eventEnd(), TokenEndScanner::State::Content);
        ++self->m_depth;
        if (self->m_depth == 1) {
            header(self, ns, local, atts);
            return;
        }
        if (self->m_depth == 2)
            self->m_pendingSince = self->byteIndex();
        if (ns == ns::kStreams && local == QLatin1String("stream")) {
            self->fail(StreamErrorCondition::InvalidXml,
                       QStringLiteral("A <stream:stream> was opened inside the stream."));
            return;
        }
        if (self->m_depth - 1 > kMaxDepth) {
            self->fail(
                StreamErrorCondition::PolicyViolation,
                QStringLiteral("Elements are nested more than %1 levels deep.").arg(kMaxDepth));
            return;
        }
        const int count = countAttributes(atts);
        if (count > kMaxAttributes) {
            self->fail(StreamErrorCondition::PolicyViolation, tooManyAttributes(local));
            return;
        }
        if (!self->checkPending(self->eventEnd()))
            return;
        self->m_stack.push_back(buildElement(ns, local, atts, count));
    }

    static void header(XmlStreamParser *self, const QString &ns, const QString &local,
                       const XML_Char **atts)
    {
        const qint64 end = self->eventEnd();
        if (end > kMaxHeaderSize) {
            self->fail(
                StreamErrorCondition::PolicyViolation,
                QStringLiteral("The stream header is larger than %1 bytes.").arg(kMaxHeaderSize));
            return;
        }
        if (ns != ns::kStreams || local != QLatin1String("stream")) {
            self->fail(local == QLatin1String("stream") ? StreamErrorCondition::InvalidNamespace
                                                        : StreamErrorCondition::InvalidXml,
                       QStringLiteral("The stream must open with <stream:stream> in the "
                                      "namespace http://etherx.jabber.org/streams."));
            return;
        }
        const int count = countAttributes(atts);
        if (count > kMaxAttributes) {
            self->fail(StreamErrorCondition::PolicyViolation, tooManyAttributes(local));
            return;
        }
        const XmlElement element = buildElement(ns, local, atts, count);
        self->m_headerDone = true;
        // Kept for releaseIdle(): the header up to the end of its start tag.
        self->m_header.truncate(end);
        self->m_header.squeeze();
        self->m_pendingSince = end;
        if (self->onStreamOpened)
            self->onStreamOpened(element);
    }

    static void end(void *userData, const XML_Char *)
    {
        auto *self = static_cast<XmlStreamParser *>(userData);
        if (self->m_failed)
            return;
        self->noteEvent(self->eventEnd(), TokenEndScanner::State::Content);
        --self->m_depth;
        if (self->m_depth == 0) {
            if (self->onStreamClosed)
                self->onStreamClosed();
            return;
        }
        const qint64 end = self->eventEnd();
        if (!self->checkPending(end)) // closing tags count, and self-closing stanzas
            return;
        XmlElement done = std::move(self->m_stack.back());
        self->m_stack.pop_back();
        if (!self->m_stack.empty()) {
            self->m_stack.back().addChild(std::move(done));
            return;
        }
        self->m_pendingSince = end;
        if (self->onElement)
            self->onElement(std::move(done));
    }

    static void text(void *userData, const XML_Char *s, int len)
    {
        auto *self = static_cast<XmlStreamParser *>(userData);
        if (self->m_failed)
            return;
        self->noteEvent(self->eventEnd(), self->m_inCdata ? TokenEndScanner::State::CData
                                                          : TokenEndScanner::State::Content);
        if (self->m_stack.empty()) { // whitespace between stanzas
            if (self->m_depth == 1) {
                self->m_pendingSince = self->eventEnd();
                if (self->onWhitespace)
                    self->onWhitespace();
            }
            return;
        }
        if (!self->checkPending(self->eventEnd()))
            return;
        self->m_stack.back().addText(fromExpat(s, len));
    }

    static void cdataStart(void *userData)
    {
        auto *self = static_cast<XmlStreamParser *>(userData);
        self->m_inCdata = true;
        self->noteEvent(self->eventEnd(), TokenEndScanner::State::CData);
    }

    static void cdataEnd(void *userData)
    {
        auto *self = static_cast<XmlStreamParser *>(userData);
        self->m_inCdata = false;
        self->noteEvent(self->eventEnd(), TokenEndScanner::State::Content);
    }

    static void xmlDecl(void *userData, const XML_Char *, const XML_Char *encoding, int)
    {
        auto *self = static_cast<XmlStreamParser *>(userData);
        if (self->m_replaying)
            return;
        self->noteEvent(self->eventEnd(), TokenEndScanner::State::Content);
        // The parser is created for UTF-8 and would ignore the declared
        // encoding; RFC 6120 section 11.6 wants the stream refused instead.
        if (encoding && qstricmp(encoding, "UTF-8") != 0)
            self->fail(StreamErrorCondition::UnsupportedEncoding,
                       QStringLiteral("The XML declaration names the encoding '%1'; XMPP streams "
                                      "must be UTF-8 (RFC 6120 section 11.6).")
                           .arg(boundedPeerText(fromExpat(encoding))));
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

XML_Parser XmlStreamParser::newExpatParser()
{
    using C = Callbacks;
    XML_Parser parser = XML_ParserCreateNS("UTF-8", kSeparator);
    XML_SetUserData(parser, this);
    XML_SetElementHandler(parser, &C::start, &C::end);
    XML_SetCharacterDataHandler(parser, &C::text);
    XML_SetXmlDeclHandler(parser, &C::xmlDecl);
    XML_SetCdataSectionHandler(parser, &C::cdataStart, &C::cdataEnd);
    XML_SetStartDoctypeDeclHandler(parser, &C::doctype);
    XML_SetEntityDeclHandler(parser, &C::entityDecl);
    XML_SetCommentHandler(parser, &C::comment);
    XML_SetProcessingInstructionHandler(parser, &C::processingInstruction);
    XML_SetParamEntityParsing(parser, XML_PARAM_ENTITY_PARSING_NEVER);
    return parser;
}

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
    m_parser = newExpatParser();
    m_stack.clear();
    m_depth = 0;
    m_fed = 0;
    m_pendingSince = 0;
    m_headerDone = false;
    m_documentStart.clear();
    m_encodingChecked = false;
    m_utf8.reset();
    m_lastEventEnd = 0;
    m_inCdata = false;
    m_scanner.reset(TokenEndScanner::State::Content);
    m_held.clear();
    m_header.clear();
    m_indexBase = 0;
    m_released = false;
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
    // What a failed stream held is released at once, even if its owner
    // keeps the parser until the connection closes.
    m_stack.clear();
    m_held = QByteArray();
    m_header = QByteArray();
    if (m_inParse)
        XML_StopParser(m_parser, XML_FALSE); // freed when XML_Parse returns
    else
        destroyParser();
    if (onError)
        onError(condition, text);
}

void XmlStreamParser::noteEvent(qint64 end, TokenEndScanner::State after)
{
    m_lastEventEnd = end;
    m_stateAfterEvent = after;
    m_eventSeen = true;
}

qint64 XmlStreamParser::byteIndex() const
{
    return m_indexBase + XML_GetCurrentByteIndex(m_parser);
}

qint64 XmlStreamParser::eventEnd() const
{
    // The end, not the start, of the event being reported: the start tag,
    // text chunk or closing tag that triggered the callback counts in full.
    return byteIndex() + XML_GetCurrentByteCount(m_parser);
}

bool XmlStreamParser::canRelease() const
{
    // Inside the root, no stanza open, and every byte given to expat
    // reported (no partial token or character, no held-back read).
    return m_parser && !m_failed && !m_inParse && !m_restartPending && m_headerDone &&
           m_depth == 1 && m_stack.empty() && !m_inCdata && m_held.isEmpty() &&
           m_lastEventEnd == m_fed && !m_header.isEmpty();
}

bool XmlStreamParser::releaseIdle()
{
    if (!canRelease())
        return false;
    destroyParser();
    std::vector<XmlElement>().swap(m_stack); // its capacity, from the last stanza
    m_released = true;
    return true;
}

void XmlStreamParser::rebuild()
{
    m_parser = newExpatParser();
    // The header parsed before, so it cannot fail; its callbacks stay quiet
    // (the start tag only counts the depth back to 1).
    m_released = false;
    m_replaying = true;
    m_depth = 0;
    const XML_Status status =
        XML_Parse(m_parser, m_header.constData(), int(m_header.size()), XML_FALSE);
    m_replaying = false;
    m_indexBase = m_fed - m_header.size();
    if (status == XML_STATUS_ERROR || m_depth != 1)
        fail(StreamErrorCondition::InternalServerError,
             QStringLiteral("The stream's parser could not be rebuilt."));
}

bool XmlStreamParser::checkPending(qint64 end)
{
    if (!m_headerDone) {
        if (end > kMaxHeaderSize)
            fail(StreamErrorCondition::PolicyViolation,
                 QStringLiteral("The stream header is larger than %1 bytes.").arg(kMaxHeaderSize));
    } else if (m_maxStanzaSize > 0 && end - m_pendingSince > m_maxStanzaSize) {
        fail(StreamErrorCondition::PolicyViolation,
             QStringLiteral("Stanza larger than the limit of %1 bytes.").arg(m_maxStanzaSize));
    }
    return !m_failed;
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

bool XmlStreamParser::checkDocumentStart(const char *data, qsizetype size)
{
    // RFC 6120 section 11.6: UTF-16 (or UTF-32) shows in the first two bytes
    // as a byte order mark or as the NUL byte next to '<'.
    const QByteArray head = m_documentStart + QByteArray(data, qMin<qsizetype>(size, 2));
    const auto b0 = static_cast<uchar>(head.at(0));
    const auto b1 = static_cast<uchar>(head.at(1));
    if ((b0 == 0xfe && b1 == 0xff) || (b0 == 0xff && b1 == 0xfe) || b0 == 0 || b1 == 0) {
        fail(StreamErrorCondition::UnsupportedEncoding,
             QStringLiteral("The stream is not UTF-8 (it starts like UTF-16); XMPP streams must "
                            "be UTF-8 (RFC 6120 section 11.6)."));
        return false;
    }
    m_encodingChecked = true;
    return true;
}

void XmlStreamParser::failOnExpatError()
{
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
}

// Gives one slice to expat; false when the stream failed or restarted (the
// rest of the input is then dropped).
bool XmlStreamParser::parseSlice(const char *data, int size)
{
    // Expat never sees invalid UTF-8: the valid part goes in first (it may
    // complete a <starttls/> after which the rest is not XML), then the
    // stream fails.
    const qsizetype valid = m_utf8.check(data, size);
    if (!m_headerDone) // truncated to the header when its start tag ends
        m_header.append(data, valid);
    const qint64 sliceStart = m_fed;
    m_fed += valid;
    m_eventSeen = false;
    m_inParse = true;
    ++m_expatCalls;
    const XML_Status status = XML_Parse(m_parser, data, static_cast<int>(valid), XML_FALSE);
    m_inParse = false;
    if (m_restartPending) {
        destroyParser();
        createParser();
        m_restartPending = false;
        return false;
    }
    if (m_failed) {
        destroyParser();
        return false;
    }
    if (status == XML_STATUS_ERROR) {
        failOnExpatError();
        return false;
    }
    if (valid < size) {
        fail(StreamErrorCondition::UnsupportedEncoding,
             QStringLiteral("The stream is not valid UTF-8 (at byte %1); XMPP streams must be "
                            "UTF-8 (RFC 6120 section 11.6).")
                 .arg(m_fed));
        return false;
    }
    // The scanner restarts where the last event ended.
    qsizetype from = 0;
    if (m_eventSeen) {
        m_scanner.reset(m_stateAfterEvent);
        from = static_cast<qsizetype>(qMax(m_lastEventEnd, sliceStart) - sliceStart);
    }
    m_scanner.scan(data + from, valid - from);
    // Bytes expat holds without reporting (an unterminated start tag, a
    // header that never completes) count as they arrive.
    return checkPending(m_fed);
}

// True when the read was held back instead of parsed: a large token is
// pending, the read cannot end it, and it does not double what is pending.
bool XmlStreamParser::holdBack(const char *data, qsizetype size)
{
    const qint64 unreported = m_fed - m_lastEventEnd;
    if (m_held.isEmpty()) {
        if (unreported < kHoldAbove)
            return false;
        m_heldScanner = m_scanner;
    }
    const bool mayEnd = m_heldScanner.scan(data, size);
    if (mayEnd || m_held.size() + size >= unreported)
        return false;
    m_held.append(data, size);
    checkPending(m_fed + m_held.size());
    return true;
}

bool XmlStreamParser::feed(const char *data, qsizetype size)
{
    if (m_failed)
        return false;
    if (m_released) {
        if (size == 0)
            return true;
        rebuild();
        if (m_failed)
            return false;
    }
    QByteArray joined;
    if (!m_encodingChecked) {
        if (m_documentStart.size() + size < 2) {
            m_documentStart.append(data, size);
            return true;
        }
        if (!checkDocumentStart(data, size))
            return false;
        if (!m_documentStart.isEmpty()) {
            joined = std::exchange(m_documentStart, {}) + QByteArray(data, size);
            data = joined.constData();
            size = joined.size();
        }
    }
    if (holdBack(data, size))
        return !m_failed;
    if (!m_held.isEmpty()) {
        joined = std::exchange(m_held, {}) + QByteArray(data, size);
        data = joined.constData();
        size = joined.size();
    }
    for (qsizetype offset = 0; offset < size;) {
        // Slices no larger than the limit in force keep expat's buffer
        // within a small multiple of it.
        const qint64 limit = !m_headerDone         ? kMaxHeaderSize
                             : m_maxStanzaSize > 0 ? m_maxStanzaSize
                                                   : kFeedSlice;
        const qsizetype slice = qBound<qint64>(1024, limit, kFeedSlice);
        const int len = static_cast<int>(std::min(slice, size - offset));
        if (!parseSlice(data + offset, len))
            break;
        offset += len;
    }
    return !m_failed;
}

} // namespace fedgate::engine
