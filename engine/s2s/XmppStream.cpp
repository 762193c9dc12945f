#include "XmppStream.h"

#include "engine/xml/Namespaces.h"
#include "engine/xml/PeerText.h"

#include "InactivityDeadline.h"
#include "engine/tls/QtSslByteStream.h"

#include <QTimer>
#include <QTimerEvent>

#include <fcntl.h>

namespace fedgate::engine {

namespace {
// How long a closing stream may take to flush and see the peer close before
// the connection is cut, and how much of what the peer still sends meanwhile
// is read (and dropped) before that.
constexpr int kCloseGraceMs = 2000;
constexpr qint64 kCloseByteBudget = 4 * 1024 * 1024;
} // namespace

XmppStream::XmppStream(QSslSocket *socket, qint64 maxStanzaSize, QObject *parent)
    : XmppStream(new QtSslByteStream(socket), maxStanzaSize, parent)
{
    // TCP_NODELAY on every stream (issue 14 target 2): c2s clients and the
    // internal link come through here, s2s sets it in S2SSession.
    m_transport->setNoDelay();
}

XmppStream::XmppStream(ByteStream *transport, qint64 maxStanzaSize, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
{
    m_transport->setParent(this);
    m_parser.setMaxStanzaSize(maxStanzaSize);
    m_parser.onStreamOpened = [this](const XmlElement &header) {
        if (m_handler)
            m_handler->streamHeader(header);
        emit headerReceived(header);
    };
    m_parser.onElement = [this](XmlElement &&element) {
        if (m_overflowed)
            return; // the rest of a chunk read before the abort
        if (element.is(QStringLiteral("error"), ns::kStreams)) {
            const XmlElement *condition = element.firstChildElement();
            m_closeReason =
                QStringLiteral("peer sent stream error %1")
                    .arg(condition ? boundedPeerText(condition->name()) : QStringLiteral("?"));
            const XmlElement *text = element.firstChild(QStringLiteral("text"));
            if (text)
                m_closeReason +=
                    QStringLiteral(" (") + boundedPeerText(text->text()) + QLatin1Char(')');
        }
        if (m_handler)
            m_handler->streamElement(element);
        emit elementReceived(element);
    };
    m_parser.onWhitespace = [this] {
        if (m_handler)
            m_handler->streamWhitespace();
        emit whitespaceReceived();
    };
    m_parser.onStreamClosed = [this] {
        if (m_closeReason.isEmpty())
            m_closeReason = QStringLiteral("peer closed the stream");
        emit peerClosedStream();
        close();
    };
    m_parser.onError = [this](StreamErrorCondition condition, const QString &text) {
        closeWithError(condition, text);
        if (onWarning)
            onWarning(QStringLiteral("stream error %1: %2").arg(toString(condition), text));
        emit protocolError(condition, text);
    };
    // TlsStream calls us directly (no connection per stream); a transport
    // with signals only (QtSslByteStream: c2s, the link) is connected to.
    m_readerDirect = m_transport->setReader(this);
    if (!m_readerDirect) {
        connect(m_transport, &ByteStream::readyRead, this, &XmppStream::onReadyRead);
        connect(m_transport, &ByteStream::disconnected, this, &XmppStream::onDisconnected);
        connect(m_transport, &ByteStream::errorOccurred, this, &XmppStream::onTransportError);
    }
}

XmppStream::~XmppStream()
{
    if (m_transport) {
        m_transport->setReader(nullptr);
        m_transport->disconnect(this);
        m_transport->abort();
    }
}

void XmppStream::setHandler(Handler *handler)
{
    m_handler = handler;
    // A transport with signals only tells of its handshake by encrypted().
    if (m_handler && !m_readerDirect && !m_encryptedConnected && m_transport) {
        m_encryptedConnected = true;
        connect(m_transport, &ByteStream::encrypted, this, &XmppStream::transportEncrypted);
    }
}

void XmppStream::transportEncrypted()
{
    if (m_handler)
        m_handler->streamEncrypted();
}

void XmppStream::onTransportError()
{
    if (m_closeReason.isEmpty())
        m_closeReason = m_transport->errorString();
    if (m_transport->isUnconnected())
        onDisconnected();
}

QSslSocket *XmppStream::socket() const
{
    auto *qt = qobject_cast<QtSslByteStream *>(m_transport.data());
    return qt ? qt->socket() : nullptr;
}

QString XmppStream::tlsVersion() const
{
    return m_transport ? m_transport->tlsVersion() : QString();
}

QString XmppStream::tlsCipher() const
{
    return m_transport ? m_transport->tlsCipher() : QString();
}

QList<QByteArray> XmppStream::peerCertificateChainDer() const
{
    return m_transport ? m_transport->peerCertificateChainDer() : QList<QByteArray>();
}

QString XmppStream::remoteEndpoint() const
{
    if (!m_transport)
        return {};
    QHostAddress address = m_transport->peerAddress();
    bool ok = false;
    const QHostAddress v4(address.toIPv4Address(&ok));
    if (ok)
        address = v4;
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                             : address.toString();
    return host + QLatin1Char(':') + QString::number(m_transport->peerPort());
}

void XmppStream::sendHeader(const QString &from, const QString &to, const QString &id)
{
    QByteArray header = "<?xml version='1.0'?><stream:stream xmlns='";
    header += m_contentNs.toUtf8();
    header += "' xmlns:stream='http://etherx.jabber.org/streams' ";
    if (m_contentNs == ns::kServer)
        header += "xmlns:db='jabber:server:dialback' ";
    header += "version='1.0'";
    auto attribute = [&header](const char *name, const QString &value) {
        if (value.isEmpty())
            return;
        header += ' ';
        header += name;
        header += "='";
        appendEscaped(header, value);
        header += '\'';
    };
    attribute("from", from);
    attribute("to", to);
    attribute("id", id);
    header += '>';
    m_headerSent = true;
    sendRaw(header);
}

void XmppStream::send(const XmlElement &element)
{
    sendRaw(element.toXml(m_contentNs));
}

qint64 XmppStream::unsentBytes() const
{
    return m_transport ? m_transport->unsentBytes() : 0;
}

void XmppStream::sendRaw(const QByteArray &bytes)
{
    if (!m_transport || m_closing || !m_transport->isConnected())
        return;
    if (m_maxOutputBuffer > 0 && unsentBytes() + bytes.size() > m_maxOutputBuffer) {
        // The transport only writes to the kernel from the event loop: hand it what
        // it takes now before judging the peer. A connection that breaks
        // meanwhile is reported from the event loop too, not from inside
        // the sender's call.
        m_transport->flushNow();
        if (!m_transport->isConnected()) {
            m_closing = true;
            m_idleTimer.stop();
            if (m_closeReason.isEmpty())
                m_closeReason = m_transport->errorString();
            QMetaObject::invokeMethod(this, &XmppStream::onDisconnected, Qt::QueuedConnection);
            return;
        }
        const qint64 unsent = unsentBytes() + bytes.size();
        if (unsent > m_maxOutputBuffer) {
            abortOverflowing(unsent);
            return;
        }
    }
    m_transport->write(bytes);
}

void XmppStream::abortOverflowing(qint64 unsent)
{
    // No closing tag, no flush: the peer does not read. Nothing more is read
    // from it either, so it cannot make us work more. The abort itself waits
    // for the event loop, because the sender may be in the middle of a loop
    // over its own state.
    m_overflowed = true;
    m_closing = true;
    m_idleTimer.stop();
    m_closeReason = QStringLiteral("aborted: %1 bytes unsent exceed the output bound of %2 "
                                   "bytes (the peer is not reading)")
                        .arg(unsent)
                        .arg(m_maxOutputBuffer);
    if (onWarning)
        onWarning(QStringLiteral("output bound reached: %1 bytes unsent, more than "
                                 "maxOutputBuffer %2 bytes; the peer is not reading, "
                                 "connection aborted")
                      .arg(unsent)
                      .arg(m_maxOutputBuffer));
    emit outputOverflow(unsent, m_maxOutputBuffer);
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_transport)
                m_transport->abort();
            onDisconnected();
        },
        Qt::QueuedConnection);
}

void XmppStream::closeWithError(StreamErrorCondition condition, const QString &text,
                                const QString &headerFrom)
{
    if (m_closing)
        return;
    m_closeReason = QStringLiteral("sent stream error %1").arg(toString(condition));
    if (!text.isEmpty())
        m_closeReason += QStringLiteral(" (") + text + QLatin1Char(')');
    if (!m_headerSent)
        sendHeader(headerFrom, {}, m_streamId);
    send(makeStreamError(condition, text));
    close();
}

void XmppStream::close()
{
    if (m_closing || !m_transport)
        return;
    if (m_headerSent)
        sendRaw("</stream:stream>");
    if (m_closing)
        return; // the send found the connection gone or over the output bound
    m_closing = true;
    m_idleTimer.stop(); // nothing more is parsed
    QTimer::singleShot(kCloseGraceMs, this, &XmppStream::abortLingering);
    // The transport has no half-close, and only it can flush the TLS records
    // and send close_notify: keep a duplicate of the descriptor, let the
    // transport flush and close its own (disconnected), then half-close and
    // drain ours.
    const qintptr fd = m_transport->isConnected() ? m_transport->descriptor() : -1;
    const int own = fd >= 0 ? ::fcntl(int(fd), F_DUPFD_CLOEXEC, 0) : -1;
    if (own >= 0) {
        m_linger = new LingeringClose(own, kCloseByteBudget, this);
        connect(m_linger, &LingeringClose::finished, this, [this] {
            m_linger->deleteLater(); // closes the descriptor
            m_linger = nullptr;
            reportDisconnected();
        });
    }
    m_transport->disconnectFromHost();
}

void XmppStream::abortLingering()
{
    if (m_disconnectedEmitted)
        return;
    // Out of time: close both descriptors, unread bytes or not (a reset).
    delete m_linger;
    m_linger = nullptr;
    if (m_transport && !m_transport->isUnconnected())
        m_transport->abort();
    reportDisconnected();
}

void XmppStream::onReadyRead()
{
    while (m_transport && !m_overflowed && m_transport->bytesAvailable() > 0) {
        if (m_closing || m_parser.failed()) {
            // Drop, never parse, what arrives after the end (what the transport read
            // before close(); LingeringClose drains the rest).
            m_transport->skip(m_transport->bytesAvailable());
            continue;
        }
        m_parser.feed(m_transport->read(64 * 1024));
    }
    // Reads only store a timestamp; the timer is armed once per idle period
    // and re-armed for the time left when it finds a read since.
    if (!m_closing && !m_parser.failed()) {
        m_lastReadMs = InactivityDeadline::nowMs();
        if (!m_idleTimer.isActive())
            m_idleTimer.start(kParserIdleMs, this);
    }
}

void XmppStream::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_idleTimer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    const qint64 left = m_lastReadMs + kParserIdleMs - InactivityDeadline::nowMs();
    if (left > 0 && !m_closing) {
        m_idleTimer.start(int(left), this);
        return;
    }
    m_idleTimer.stop();
    // In the middle of a stanza it stays; the next read arms the timer again.
    if (!m_closing && m_parser.releaseIdle() && m_transport)
        m_transport->releaseIdle();
}

void XmppStream::onDisconnected()
{
    // The transport has flushed and closed its descriptor: a lingering close goes on
    // with the duplicate and reports the end when it finishes.
    if (m_linger) {
        m_linger->start();
        return;
    }
    reportDisconnected();
}

void XmppStream::reportDisconnected()
{
    if (m_disconnectedEmitted)
        return;
    m_disconnectedEmitted = true;
    // No timer of ours outlives the connection: a finished session may be
    // moved to another thread before its delete (SessionLoop::shutdown),
    // and a running timer then leaks Qt's re-registration.
    m_idleTimer.stop();
    if (m_closeReason.isEmpty())
        m_closeReason = QStringLiteral("connection closed by the peer");
    // A receiver of the signal may delete the stream (the link's owner):
    // nothing of ours is read after it. The session's handler is called
    // last, and may end with the stream deleted too.
    Handler *const handler = m_handler;
    emit disconnected();
    if (handler)
        handler->streamDisconnected();
}

} // namespace fedgate::engine
