#include "XmppStream.h"

#include "engine/xml/Namespaces.h"
#include "engine/xml/PeerText.h"

#include <QSignalBlocker>
#include <QSslCipher>
#include <QTimer>

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
    : QObject(parent)
    , m_socket(socket)
{
    m_socket->setParent(this);
    m_parser.setMaxStanzaSize(maxStanzaSize);
    m_parser.onStreamOpened = [this](const XmlElement &header) { emit headerReceived(header); };
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
        emit elementReceived(element);
    };
    m_parser.onWhitespace = [this] { emit whitespaceReceived(); };
    m_parser.onStreamClosed = [this] {
        if (m_closeReason.isEmpty())
            m_closeReason = QStringLiteral("peer closed the stream");
        emit peerClosedStream();
        close();
    };
    m_parser.onError = [this](StreamErrorCondition condition, const QString &text) {
        closeWithError(condition, text);
        emit protocolError(condition, text);
    };
    connect(m_socket, &QSslSocket::readyRead, this, &XmppStream::onReadyRead);
    connect(m_socket, &QSslSocket::disconnected, this, &XmppStream::onDisconnected);
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_closeReason.isEmpty())
            m_closeReason = m_socket->errorString();
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            onDisconnected();
    });
    // Partner certificates are judged by CertificateChainVerifier and the
    // policy, not by the handshake: a stream may still use dialback.
    connect(m_socket, &QSslSocket::sslErrors, m_socket,
            [this](const QList<QSslError> &) { m_socket->ignoreSslErrors(); });
}

XmppStream::~XmppStream()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

QString XmppStream::tlsVersion() const
{
    if (!isEncrypted())
        return {};
    switch (m_socket->sessionProtocol()) {
    case QSsl::TlsV1_2:
        return QStringLiteral("TLSv1.2");
    case QSsl::TlsV1_3:
        return QStringLiteral("TLSv1.3");
    default:
        return m_socket->sessionCipher().protocolString();
    }
}

QString XmppStream::tlsCipher() const
{
    return isEncrypted() ? m_socket->sessionCipher().name() : QString();
}

QList<QByteArray> XmppStream::peerCertificateChainDer() const
{
    QList<QByteArray> chain;
    if (!m_socket)
        return chain;
    const QSslCertificate leaf = m_socket->peerCertificate();
    if (!leaf.isNull())
        chain << leaf.toDer();
    for (const QSslCertificate &c : m_socket->peerCertificateChain())
        if (c != leaf)
            chain << c.toDer();
    return chain;
}

QString XmppStream::remoteEndpoint() const
{
    if (!m_socket)
        return {};
    QHostAddress address = m_socket->peerAddress();
    bool ok = false;
    const QHostAddress v4(address.toIPv4Address(&ok));
    if (ok)
        address = v4;
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                             : address.toString();
    return host + QLatin1Char(':') + QString::number(m_socket->peerPort());
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
    return m_socket ? m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite() : 0;
}

void XmppStream::sendRaw(const QByteArray &bytes)
{
    if (!m_socket || m_closing || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (m_maxOutputBuffer > 0 && unsentBytes() + bytes.size() > m_maxOutputBuffer) {
        // Qt only writes to the kernel from the event loop: hand it what
        // it takes now before judging the peer. A connection that breaks
        // meanwhile is reported from the event loop too, not from inside
        // the sender's call.
        {
            const QSignalBlocker blocker(m_socket.data());
            m_socket->flush();
        }
        if (m_socket->state() != QAbstractSocket::ConnectedState) {
            m_closing = true;
            if (m_closeReason.isEmpty())
                m_closeReason = m_socket->errorString();
            QMetaObject::invokeMethod(this, &XmppStream::onDisconnected, Qt::QueuedConnection);
            return;
        }
        const qint64 unsent = unsentBytes() + bytes.size();
        if (unsent > m_maxOutputBuffer) {
            abortOverflowing(unsent);
            return;
        }
    }
    m_socket->write(bytes);
}

void XmppStream::abortOverflowing(qint64 unsent)
{
    // No closing tag, no flush: the peer does not read. Nothing more is read
    // from it either, so it cannot make us work more. The abort itself waits
    // for the event loop, because the sender may be in the middle of a loop
    // over its own state.
    m_overflowed = true;
    m_closing = true;
    m_closeReason = QStringLiteral("aborted: %1 bytes unsent exceed the output bound of %2 "
                                   "bytes (the peer is not reading)")
                        .arg(unsent)
                        .arg(m_maxOutputBuffer);
    emit outputOverflow(unsent, m_maxOutputBuffer);
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_socket)
                m_socket->abort();
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
    if (m_closing || !m_socket)
        return;
    if (m_headerSent)
        sendRaw("</stream:stream>");
    if (m_closing)
        return; // the send found the connection gone or over the output bound
    m_closing = true;
    QTimer::singleShot(kCloseGraceMs, this, &XmppStream::abortLingering);
    // Qt has no half-close, and only it can flush the TLS records and send
    // close_notify: keep a duplicate of the descriptor, let Qt flush and
    // close its own (disconnected), then half-close and drain ours.
    const qintptr fd =
        m_socket->state() == QAbstractSocket::ConnectedState ? m_socket->socketDescriptor() : -1;
    const int own = fd >= 0 ? ::fcntl(int(fd), F_DUPFD_CLOEXEC, 0) : -1;
    if (own >= 0) {
        m_linger = new LingeringClose(own, kCloseByteBudget, this);
        connect(m_linger, &LingeringClose::finished, this, [this] {
            m_linger->deleteLater(); // closes the descriptor
            m_linger = nullptr;
            reportDisconnected();
        });
    }
    m_socket->disconnectFromHost();
}

void XmppStream::abortLingering()
{
    if (m_disconnectedEmitted)
        return;
    // Out of time: close both descriptors, unread bytes or not (a reset).
    delete m_linger;
    m_linger = nullptr;
    if (m_socket && m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
    reportDisconnected();
}

void XmppStream::onReadyRead()
{
    while (m_socket && !m_overflowed && m_socket->bytesAvailable() > 0) {
        if (m_closing || m_parser.failed()) {
            // Drop, never parse, what arrives after the end (what Qt read
            // before close(); LingeringClose drains the rest).
            m_socket->skip(m_socket->bytesAvailable());
            continue;
        }
        m_parser.feed(m_socket->read(64 * 1024));
    }
}

void XmppStream::onDisconnected()
{
    // Qt has flushed and closed its descriptor: a lingering close goes on
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
    if (m_closeReason.isEmpty())
        m_closeReason = QStringLiteral("connection closed by the peer");
    emit disconnected();
}

} // namespace fedgate::engine
