#pragma once

#include "LingeringClose.h"
#include "engine/tls/ByteStream.h"
#include "engine/xml/StreamError.h"
#include "engine/xml/XmlElement.h"
#include "engine/xml/XmlStreamParser.h"

#include <QBasicTimer>
#include <QObject>
#include <QPointer>
#include <QSslSocket>

#include <functional>

// One XMPP stream on one TCP connection: the transport (a ByteStream, so
// that STARTTLS is just a call on the connected stream: TlsStream for s2s,
// QSslSocket for c2s and the internal link), the incremental parser, stream
// headers, stream errors and a clean close. Sessions (inbound and outbound)
// build their negotiation on top of it.
namespace fedgate::engine {

class XmppStream : public QObject, private ByteStream::Reader
{
    Q_OBJECT
public:
    // Takes ownership of `transport` (connected, or about to connect).
    XmppStream(ByteStream *transport, qint64 maxStanzaSize, QObject *parent = nullptr);
    // The same over a QSslSocket (wrapped in a QtSslByteStream).
    XmppStream(QSslSocket *socket, qint64 maxStanzaSize, QObject *parent = nullptr);
    ~XmppStream() override;

    // A stream that received nothing for this long, and sits between
    // stanzas, frees its parser's state (XmlStreamParser::releaseIdle): an
    // idle session keeps no expat parser (issue 14 target 3).
    static constexpr int kParserIdleMs = 500;
    bool parserReleased() const { return m_parser.isReleased(); }

    ByteStream *transport() const { return m_transport; }
    // The QSslSocket underneath, or nullptr when the transport is not one.
    QSslSocket *socket() const;
    QString streamId() const { return m_streamId; }
    void setStreamId(const QString &id) { m_streamId = id; }
    bool headerSent() const { return m_headerSent; }
    bool isEncrypted() const { return m_transport && m_transport->isEncrypted(); }
    bool isClosing() const { return m_closing; }
    QString tlsVersion() const;
    QString tlsCipher() const;
    QList<QByteArray> peerCertificateChainDer() const;
    QString remoteEndpoint() const; // "IP:port"

    // The stream's content namespace: jabber:server (the default) or
    // jabber:client for a client stream (engine/c2s).
    void setContentNamespace(const QString &contentNs) { m_contentNs = contentNs; }
    // Opening header in the content namespace (jabber:server with the
    // dialback prefix declared); an empty `id` is left out (the initiating
    // side sends none).
    void sendHeader(const QString &from, const QString &to, const QString &id);
    void send(const XmlElement &element);
    void sendRaw(const QByteArray &bytes);
    // The header first when none was sent yet (RFC 6120 4.9.1.1), then the
    // error, then the closing tag; the connection closes as close() does.
    void closeWithError(StreamErrorCondition condition, const QString &text,
                        const QString &headerFrom = {});
    // The closing tag, then a lingering close (LingeringClose): once
    // everything is flushed (TLS data and close_notify included) the write
    // side is shut while what the peer still sends is read and dropped,
    // unparsed, until the peer closes too; then disconnected(). Closing
    // with the peer's bytes unread would make the kernel send a reset that
    // can destroy the error we sent before the peer reads it. Bounded: after
    // kCloseGraceMs, or kCloseByteBudget bytes dropped, it is aborted.
    void close();
    void restartParser() { m_parser.restart(); }
    // The parser's stanza size limit: small until the stream is
    // authenticated, the full limit afterwards.
    void setMaxStanzaSize(qint64 bytes) { m_parser.setMaxStanzaSize(bytes); }
    // At most this many unsent bytes (socket plus TLS buffers); a send that
    // would pass it aborts the connection: the peer is not reading.
    void setMaxOutputBuffer(qint64 bytes) { m_maxOutputBuffer = bytes; }
    qint64 maxOutputBuffer() const { return m_maxOutputBuffer; }
    qint64 unsentBytes() const;

    // Called with a line for the owner's log where protocolError() and
    // outputOverflow() are emitted: a session logs them without two signal
    // connections of its own (0.2 KiB per idle session).
    std::function<void(const QString &warning)> onWarning;

    // What an s2s session does with the stream's events, called directly
    // (before headerReceived, elementReceived and whitespaceReceived, after
    // disconnected) instead of through four signal connections per session
    // (~0.2 KiB each per idle session, issue 14 target 3). The signals are
    // still emitted for c2s, the link and tests.
    class Handler
    {
    public:
        virtual void streamHeader(const XmlElement &header) = 0;
        virtual void streamElement(const XmlElement &element) = 0;
        virtual void streamWhitespace() = 0;
        // The transport's encrypted(), passed on.
        virtual void streamEncrypted() = 0;
        virtual void streamDisconnected() = 0;

    protected:
        ~Handler() = default;
    };
    // One handler at most; nullptr detaches it (its owner's destructor must).
    void setHandler(Handler *handler);

    // Why the stream ended, for the log: set by closeWithError or on a
    // peer-side error.
    QString closeReason() const { return m_closeReason; }

signals:
    void headerReceived(const fedgate::engine::XmlElement &header);
    void elementReceived(const fedgate::engine::XmlElement &element);
    void peerClosedStream();
    // Whitespace between stanzas arrived (a keep-alive, RFC 6120 4.6.1).
    void whitespaceReceived();
    // The peer sent malformed or restricted XML; the stream error went out.
    void protocolError(fedgate::engine::StreamErrorCondition condition, const QString &text);
    void disconnected(); // emitted once
    // A send found `unsent` bytes over the bound; the connection is being
    // aborted and nothing more is read or sent.
    void outputOverflow(qint64 unsent, qint64 bound);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void onReadyRead();
    void onDisconnected();
    void onTransportError();
    // ByteStream::Reader: the transport calls these directly when it can
    // (TlsStream), else they come through connections to its signals.
    void transportReadyRead() override { onReadyRead(); }
    void transportEncrypted() override;
    void transportError() override { onTransportError(); }
    void transportDisconnected() override { onDisconnected(); }
    void abortOverflowing(qint64 unsent);
    void abortLingering();
    void reportDisconnected();

    QPointer<ByteStream> m_transport;
    Handler *m_handler = nullptr;
    LingeringClose *m_linger = nullptr; // between close() and the peer's end
    XmlStreamParser m_parser;
    QBasicTimer m_idleTimer; // armed once per idle period, see timerEvent()
    qint64 m_lastReadMs = 0;
    QString m_streamId;
    QString m_contentNs = QStringLiteral("jabber:server");
    QString m_closeReason;
    qint64 m_maxOutputBuffer = 1024 * 1024;
    bool m_overflowed = false;
    bool m_headerSent = false;
    bool m_closing = false;
    bool m_disconnectedEmitted = false;
    bool m_readerDirect = false;       // the transport calls us (setReader)
    bool m_encryptedConnected = false; // else: encrypted() connected for the handler
};

} // namespace fedgate::engine
