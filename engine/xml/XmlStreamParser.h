#pragma once

#include "StreamError.h"
#include "TokenEndScanner.h"
#include "Utf8Validator.h"
#include "XmlElement.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <vector>

struct XML_ParserStruct;

// The incremental parser of one XMPP stream (RFC 6120 section 4), built on
// expat: bytes go in as they arrive from the socket; the stream header, each
// complete top-level element (stanza) and the stream end come out through
// callbacks. It refuses what RFC 6120 section 11.1 restricts (DTDs, entity
// declarations, comments, processing instructions), what section 11.6 says
// about encodings, and input beyond the limits below, reporting the stream
// error condition to send before closing. Input is counted as it is fed, so
// memory held per stream stays proportional to the limits whatever arrives.
namespace fedgate::engine {

class XmlStreamParser
{
public:
    static constexpr qint64 kDefaultMaxStanzaSize = 512 * 1024;
    // Levels of elements below the stream root (a stanza is level 1).
    static constexpr int kMaxDepth = 64;
    // Attributes per element, the stream header included.
    static constexpr int kMaxAttributes = 64;
    // Bytes before the stream header's start tag completes, XML declaration
    // included.
    static constexpr qint64 kMaxHeaderSize = 16 * 1024;

    XmlStreamParser();
    ~XmlStreamParser();
    XmlStreamParser(const XmlStreamParser &) = delete;
    XmlStreamParser &operator=(const XmlStreamParser &) = delete;

    // The <stream:stream> opening element (attributes only).
    std::function<void(const XmlElement &header)> onStreamOpened;
    std::function<void(XmlElement &&stanza)> onElement;
    std::function<void()> onStreamClosed;
    // Character data between stanzas: whitespace keep-alives (RFC 6120
    // 4.6.1), which count as activity on the stream.
    std::function<void()> onWhitespace;
    // Called once; the parser ignores further input afterwards.
    std::function<void(StreamErrorCondition condition, const QString &text)> onError;

    // Applies from the next byte on (the engine raises it once a stream is
    // authenticated); 0 means no stanza limit (tests and tools only).
    void setMaxStanzaSize(qint64 bytes) { m_maxStanzaSize = bytes; }
    qint64 maxStanzaSize() const { return m_maxStanzaSize; }

    // Returns false once the stream has failed.
    bool feed(const char *data, qsizetype size);
    bool feed(const QByteArray &data) { return feed(data.constData(), data.size()); }

    // Starts a new stream document (after STARTTLS or SASL success). Callable
    // from inside a callback: the rest of the current input chunk is then
    // dropped, which is right because the peer must wait for our answer before
    // it sends anything on the restarted stream.
    void restart();
    bool failed() const { return m_failed; }
    // Frees expat's state (its parser, buffers, string pools: about 10 KiB)
    // while the stream is idle between stanzas: inside the stream root with
    // nothing pending. The next feed() rebuilds it by replaying the stream
    // header, kept as received, into a new parser. False (nothing freed)
    // when the stream is not at such a point. Expat's line and column in a
    // later error message then count from the rebuild.
    bool releaseIdle();
    bool isReleased() const { return m_released; }
    // How often input was handed to expat (for tests and benchmarks: reads
    // held back while a large token is pending do not count).
    quint64 expatCalls() const { return m_expatCalls; }

private:
    struct Callbacks;
    friend struct Callbacks;

    XML_ParserStruct *newExpatParser();
    void createParser();
    void destroyParser();
    bool canRelease() const;
    void rebuild();
    qint64 byteIndex() const; // expat's current byte index in stream offsets
    void fail(StreamErrorCondition condition, const QString &text);
    bool checkDocumentStart(const char *data, qsizetype size);
    bool parseSlice(const char *data, int size);
    void failOnExpatError();
    bool checkPending(qint64 end);
    bool holdBack(const char *data, qsizetype size);
    qint64 eventEnd() const;
    void noteEvent(qint64 end, TokenEndScanner::State after);

    XML_ParserStruct *m_parser = nullptr;
    std::vector<XmlElement> m_stack; // open elements below the stream root
    int m_depth = 0;
    qint64 m_maxStanzaSize = kDefaultMaxStanzaSize;
    // Bytes given to the current expat parser (offsets count from the start
    // of the current stream document).
    qint64 m_fed = 0;
    // Where the unit not yet complete began: the current top-level element
    // when one is open, else the end of the last complete top-level event
    // (header, stanza, whitespace). Bytes from here on are bounded by
    // kMaxHeaderSize or maxStanzaSize, whether expat has reported them or not.
    qint64 m_pendingSince = 0;
    bool m_headerDone = false;
    QByteArray m_documentStart; // first bytes, held until the encoding is known
    bool m_encodingChecked = false;
    Utf8Validator m_utf8;
    // Expat rescans a partial token from its start on every call, so while a
    // large one is pending, reads that cannot end it are held back until
    // they double it (see TokenEndScanner).
    qint64 m_lastEventEnd = 0;
    TokenEndScanner::State m_stateAfterEvent = TokenEndScanner::State::Content;
    bool m_eventSeen = false;
    bool m_inCdata = false;
    TokenEndScanner m_scanner;     // over the bytes given to expat
    TokenEndScanner m_heldScanner; // the same, continued over m_held
    QByteArray m_held;
    quint64 m_expatCalls = 0;
    // The document's bytes up to the end of the stream header's start tag
    // (what releaseIdle() replays), and the stream offset at which the
    // current expat parser's byte 0 lies.
    QByteArray m_header;
    qint64 m_indexBase = 0;
    bool m_failed = false;
    bool m_restartPending = false;
    bool m_inParse = false;
    bool m_released = false;
    bool m_replaying = false; // callbacks ignore the header being replayed
};

} // namespace fedgate::engine
