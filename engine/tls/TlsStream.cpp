#include "TlsStream.h"

#include "HeapTrim.h"
#include "TlsContextCache.h"

#include <QEvent>
#include <QHostInfo>
#include <QSocketNotifier>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
#include <unordered_map>

namespace fedgate::engine {

namespace {
// Per readable event at most this many bytes are handed out, so one busy
// peer cannot starve the others on the thread.
constexpr qint64 kReadBudget = 256 * 1024;
// Small written pieces are gathered into TLS records of about this size.
constexpr qsizetype kRecordTarget = 16 * 1024;
// Plain writes hand the kernel at most this many queued pieces at once.
constexpr int kMaxIov = 64;

// A socket notifier that calls its stream's handler itself when the
// dispatcher reports the descriptor ready: no signal connection (a
// connection and the notifier's connection data took 0.35 KiB per stream).
class StreamNotifier final : public QSocketNotifier
{
public:
    using Handler = void (TlsStream::*)();
    StreamNotifier(int fd, Type type, TlsStream *stream, Handler handler)
        : QSocketNotifier(fd, type, stream)
        , m_stream(stream)
        , m_handler(handler)
    {}

protected:
    bool event(QEvent *event) override
    {
        if (event->type() != QEvent::SockAct && event->type() != QEvent::SockClose)
            return QSocketNotifier::event(event);
        // Nothing of this object is touched after the call: the handler may
        // close the stream (closeDescriptor() deletes notifiers later).
        (m_stream->*m_handler)();
        return true;
    }

private:
    TlsStream *m_stream;
    Handler m_handler;
};

char *readScratch()
{
    thread_local char scratch[TlsStream::kReadChunk];
    return scratch;
}

// A socket BIO that never raises SIGPIPE (send with MSG_NOSIGNAL); OpenSSL's
// own uses write().
int bioWrite(BIO *bio, const char *data, int size)
{
    BIO_clear_retry_flags(bio);
    const int fd = int(reinterpret_cast<intptr_t>(BIO_get_data(bio)));
    const ssize_t n = ::send(fd, data, size_t(size), MSG_NOSIGNAL);
    if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
            BIO_set_retry_write(bio);
        return -1;
    }
    return int(n);
}

int bioRead(BIO *bio, char *data, int size)
{
    BIO_clear_retry_flags(bio);
    const int fd = int(reinterpret_cast<intptr_t>(BIO_get_data(bio)));
    const ssize_t n = ::recv(fd, data, size_t(size), 0);
    if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
            BIO_set_retry_read(bio);
        return -1;
    }
    return int(n);
}

long bioCtrl(BIO *, int command, long, void *)
{
    return command == BIO_CTRL_FLUSH ? 1 : 0;
}

int bioCreate(BIO *bio)
{
    BIO_set_init(bio, 1);
    return 1;
}

BIO_METHOD *socketBioMethod()
{
    static BIO_METHOD *method = [] {
        BIO_METHOD *m =
            BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "fedgate nosignal socket");
        BIO_meth_set_write(m, bioWrite);
        BIO_meth_set_read(m, bioRead);
        BIO_meth_set_ctrl(m, bioCtrl);
        BIO_meth_set_create(m, bioCreate);
        return m;
    }();
    return method;
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

void enableNoDelay(int fd)
{
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}
} // namespace

TlsStream::TlsStream(QObject *parent)
    : ByteStream(parent)
{}

TlsStream::TlsStream(qintptr descriptor, QObject *parent)
    : ByteStream(parent)
{
    const int fd = int(descriptor);
    const int flags = ::fcntl(fd, F_GETFL);
    ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    enableNoDelay(fd);
    sockaddr_storage peer{};
    socklen_t length = sizeof peer;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &length) == 0) {
        if (peer.ss_family == AF_INET || peer.ss_family == AF_INET6)
            std::memcpy(&m_peer, &peer, std::min<size_t>(length, sizeof m_peer));
        m_peerPort = ntohs(peer.ss_family == AF_INET6
                               ? reinterpret_cast<const sockaddr_in6 *>(&peer)->sin6_port
                               : reinterpret_cast<const sockaddr_in *>(&peer)->sin_port);
    }
    attach(fd);
    m_state = State::Connected;
}

TlsStream::~TlsStream()
{
    closeDescriptor();
    if (m_ssl)
        SSL_free(m_ssl);
    HeapTrim::streamEvent();
}

void TlsStream::attach(int fd)
{
    m_fd = fd;
    m_readNotifier = new StreamNotifier(fd, QSocketNotifier::Read, this, &TlsStream::onReadable);
    m_writeWanted = false;
}

void TlsStream::closeDescriptor()
{
    // The notifiers go before the descriptor: its number may be reused at
    // once. They may be the sender of the running slot, so no delete here.
    for (QSocketNotifier *n : {m_readNotifier, m_writeNotifier}) {
        if (!n)
            continue;
        n->setEnabled(false);
        n->disconnect(this);
        n->deleteLater();
    }
    m_readNotifier = nullptr;
    m_writeNotifier = nullptr;
    m_writeWanted = false;
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

void TlsStream::setWriteWanted(bool wanted)
{
    if (wanted == m_writeWanted || m_fd < 0)
        return;
    m_writeWanted = wanted;
    if (!m_writeNotifier) {
        m_writeNotifier =
            new StreamNotifier(m_fd, QSocketNotifier::Write, this, &TlsStream::onWritable);
    }
    m_writeNotifier->setEnabled(wanted);
}

void TlsStream::releaseIdle()
{
    if (!m_writeNotifier || m_writeWanted)
        return;
    // Not called from the notifier's own signal (the caller is idle), so it
    // can go at once.
    delete m_writeNotifier;
    m_writeNotifier = nullptr;
}

QHostAddress TlsStream::peerAddress() const
{
    if (m_peer.any.sa_family != AF_INET && m_peer.any.sa_family != AF_INET6)
        return {};
    return QHostAddress(&m_peer.any);
}

void TlsStream::setNoDelay()
{
    if (m_fd >= 0)
        enableNoDelay(m_fd); // and always on connect
}

void TlsStream::setTlsConfiguration(const QSslConfiguration &configuration)
{
    m_configuration = configuration;
}

// ---- connecting -------------------------------------------------------------

void TlsStream::connectToHost(const QString &host, quint16 port)
{
    if (m_state != State::Unconnected)
        return;
    m_peerPort = port;
    QHostAddress address;
    if (address.setAddress(host)) {
        m_addresses = {address};
        m_state = State::Connecting;
        connectNext();
        return;
    }
    m_state = State::Resolving;
    QHostInfo::lookupHost(host, this, [this](const QHostInfo &info) {
        if (m_state != State::Resolving)
            return;
        m_addresses = info.addresses();
        if (m_addresses.isEmpty()) {
            fail(info.errorString().isEmpty() ? QStringLiteral("Host not found")
                                              : info.errorString());
            return;
        }
        m_state = State::Connecting;
        connectNext();
    });
}

void TlsStream::connectToHostEncrypted(const QString &host, quint16 port, const QString &peerName)
{
    m_directTls = true;
    m_peerName = peerName;
    connectToHost(host, port);
}

void TlsStream::connectNext()
{
    while (!m_addresses.isEmpty()) {
        const QHostAddress address = m_addresses.takeFirst();
        sockaddr_storage storage{};
        socklen_t length = 0;
        if (address.protocol() == QAbstractSocket::IPv6Protocol) {
            auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
            in6->sin6_family = AF_INET6;
            in6->sin6_port = htons(m_peerPort);
            const Q_IPV6ADDR bytes = address.toIPv6Address();
            std::memcpy(&in6->sin6_addr, &bytes, sizeof bytes);
            length = sizeof *in6;
        } else {
            auto *in4 = reinterpret_cast<sockaddr_in *>(&storage);
            in4->sin_family = AF_INET;
            in4->sin_port = htons(m_peerPort);
            in4->sin_addr.s_addr = htonl(address.toIPv4Address());
            length = sizeof *in4;
        }
        const int fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            m_error = errnoText(errno);
            continue;
        }
        enableNoDelay(fd);
        if (::connect(fd, reinterpret_cast<sockaddr *>(&storage), length) != 0 &&
            errno != EINPROGRESS) {
            m_error = errnoText(errno);
            ::close(fd);
            continue;
        }
        std::memcpy(&m_peer, &storage, std::min<size_t>(length, sizeof m_peer));
        attach(fd);
        m_readNotifier->setEnabled(false); // until connected
        setWriteWanted(true);              // writable: the connect finished
        return;
    }
    fail(m_error.isEmpty() ? QStringLiteral("Connection refused") : m_error);
}

void TlsStream::onConnectWritable()
{
    int error = 0;
    socklen_t length = sizeof error;
    if (::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0)
        error = errno;
    if (error != 0) {
        m_error = errnoText(error);
        closeDescriptor();
        connectNext();
        return;
    }
    m_addresses.clear();
    m_state = State::Connected;
    m_readNotifier->setEnabled(true);
    setWriteWanted(!m_queue.isEmpty());
    const QPointer<TlsStream> self(this);
    emit connected();
    if (!self || m_state != State::Connected)
        return;
    if (m_directTls) {
        m_server = false;
        m_tlsRequested = true;
        beginTls();
    }
}

// ---- TLS ----------------------------------------------------------------------

void TlsStream::startClientEncryption()
{
    if (m_ssl || m_tlsRequested || m_state != State::Connected)
        return;
    m_server = false;
    startEncryption();
}

void TlsStream::startServerEncryption()
{
    if (m_ssl || m_tlsRequested || m_state != State::Connected)
        return;
    m_server = true;
    startEncryption();
}

void TlsStream::startEncryption()
{
    // What was written before STARTTLS goes out in plain first (the
    // <proceed/>); what is written from now on waits for the handshake.
    m_tlsRequested = true;
    if (!m_queue.isEmpty()) {
        m_plainPrefix.reserve(m_plainPrefix.size() + m_queuedBytes - m_frontOffset);
        for (qsizetype i = 0; i < m_queue.size(); ++i)
            m_plainPrefix += QByteArrayView(m_queue.at(i)).sliced(i == 0 ? m_frontOffset : 0);
        m_queue.clear();
        m_queuedBytes = 0;
        m_frontOffset = 0;
    }
    setWriteWanted(false);
    beginTls();
}

void TlsStream::beginTls()
{
    const Flush prefix = flushPlainPrefix();
    if (prefix == Flush::Failed)
        return;
    if (prefix == Flush::Blocked) {
        m_readNotifier->setEnabled(false); // the peer's hello waits for us
        setWriteWanted(true);
        return;
    }
    m_readNotifier->setEnabled(true);
    QString error;
    SSL_CTX *ctx = TlsContextCache::acquire(m_configuration.value_or(QSslConfiguration()), &error);
    if (!ctx) {
        fail(QStringLiteral("TLS handshake failed: ") + error);
        return;
    }
    m_ssl = SSL_new(ctx);
    SSL_CTX_free(ctx); // the SSL holds its own reference
    if (!m_ssl) {
        fail(QStringLiteral("TLS handshake failed: SSL_new"));
        return;
    }
    BIO *bio = BIO_new(socketBioMethod());
    BIO_set_data(bio, reinterpret_cast<void *>(intptr_t(m_fd)));
    SSL_set_bio(m_ssl, bio, bio);
    if (m_server) {
        SSL_set_accept_state(m_ssl);
    } else {
        SSL_set_connect_state(m_ssl);
        if (!m_peerName.isEmpty() && QHostAddress(m_peerName).isNull())
            SSL_set_tlsext_host_name(m_ssl, m_peerName.toUtf8().constData());
    }
    m_tlsRequested = false;
    m_handshaking = true;
    continueHandshake();
}

void TlsStream::continueHandshake()
{
    ERR_clear_error();
    const int result = SSL_do_handshake(m_ssl);
    if (result == 1) {
        m_handshaking = false;
        m_encrypted = true;
        HeapTrim::streamEvent();
        setWriteWanted(!m_queue.isEmpty());
        const QPointer<TlsStream> self(this);
        if (m_reader)
            m_reader->transportEncrypted();
        if (self)
            emit encrypted();
        // Application data that came with the handshake's last flight is
        // already inside the SSL, where no readable event announces it.
        if (self && m_state == State::Connected && SSL_has_pending(m_ssl))
            QMetaObject::invokeMethod(this, &TlsStream::onReadable, Qt::QueuedConnection);
        return;
    }
    const int error = SSL_get_error(m_ssl, result);
    if (error == SSL_ERROR_WANT_READ) {
        setWriteWanted(false);
        return;
    }
    if (error == SSL_ERROR_WANT_WRITE) {
        setWriteWanted(true);
        return;
    }
    fail(sslFailure("TLS handshake failed", result));
}

QString TlsStream::sslFailure(const char *what, int result)
{
    const int saved = errno;
    const unsigned long code = ERR_get_error();
    QString detail;
    if (code) {
        char text[256] = {};
        ERR_error_string_n(code, text, sizeof text);
        detail = QLatin1String(text);
    } else if (result == 0 || saved == 0) {
        detail = QStringLiteral("the remote host closed the connection");
    } else {
        detail = errnoText(saved);
    }
    ERR_clear_error();
    return QStringLiteral("%1: %2").arg(QLatin1String(what), detail);
}

namespace {
// OpenSSL's version and cipher names are static strings: one QString per
// name and thread, shared by the session rows that keep it (instead of a
// copy of each per session). Bounded by the names OpenSSL has.
QString sharedName(const char *name)
{
    if (!name)
        return {};
    thread_local std::unordered_map<const char *, QString> names;
    auto it = names.find(name);
    if (it == names.end())
        it = names.emplace(name, QString::fromLatin1(name)).first;
    return it->second;
}
} // namespace

QString TlsStream::tlsVersion() const
{
    return m_encrypted ? sharedName(SSL_get_version(m_ssl)) : QString();
}

QString TlsStream::tlsCipher() const
{
    if (!m_encrypted)
        return {};
    const SSL_CIPHER *cipher = SSL_get_current_cipher(m_ssl);
    return cipher ? sharedName(SSL_CIPHER_get_name(cipher)) : QString();
}

QList<QByteArray> TlsStream::peerCertificateChainDer() const
{
    QList<QByteArray> chain;
    if (!m_ssl || !m_encrypted)
        return chain;
    auto der = [](X509 *x509) {
        const int size = i2d_X509(x509, nullptr);
        QByteArray bytes(size > 0 ? size : 0, Qt::Uninitialized);
        auto *p = reinterpret_cast<unsigned char *>(bytes.data());
        if (size > 0)
            i2d_X509(x509, &p);
        return bytes;
    };
    X509 *leaf = SSL_get0_peer_certificate(m_ssl);
    if (leaf)
        chain << der(leaf);
    // The client side's list starts with the leaf, the server side's not.
    STACK_OF(X509) *rest = SSL_get_peer_cert_chain(m_ssl);
    for (int i = 0; rest && i < sk_X509_num(rest); ++i) {
        X509 *x509 = sk_X509_value(rest, i);
        if (!leaf || X509_cmp(x509, leaf) != 0)
            chain << der(x509);
    }
    return chain;
}

// ---- reading ------------------------------------------------------------------

QByteArray TlsStream::read(qint64 maxSize)
{
    const qint64 n = std::min(maxSize, bytesAvailable());
    if (n <= 0)
        return {};
    QByteArray bytes(m_readData + m_readOffset, qsizetype(n));
    m_readOffset += n;
    return bytes;
}

void TlsStream::skip(qint64 size)
{
    m_readOffset += std::min(size, bytesAvailable());
}

void TlsStream::onReadable()
{
    if (m_state != State::Connected || m_fd < 0)
        return;
    if (m_tlsRequested)
        return; // the plain prefix is still going out
    if (m_handshaking) {
        continueHandshake();
        return;
    }
    if (m_readWantsWrite)
        return; // SSL_read waits for the socket to take its bytes first
    const QPointer<TlsStream> self(this);
    char *scratch = readScratch();
    qint64 handedOut = 0;
    while (handedOut < kReadBudget) {
        qint64 n = 0;
        if (m_ssl) {
            ERR_clear_error();
            const int result = SSL_read(m_ssl, scratch, kReadChunk);
            if (result <= 0) {
                const int error = SSL_get_error(m_ssl, result);
                if (error == SSL_ERROR_WANT_READ)
                    return;
                if (error == SSL_ERROR_WANT_WRITE) {
                    m_readWantsWrite = true;
                    setWriteWanted(true);
                    return;
                }
                if (error == SSL_ERROR_ZERO_RETURN) {
                    fail(QStringLiteral("The remote host closed the connection"));
                    return;
                }
                fail(sslFailure("TLS error", result));
                return;
            }
            n = result;
        } else {
            const ssize_t result = ::recv(m_fd, scratch, kReadChunk, 0);
            if (result < 0) {
                if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
                    return;
                fail(errnoText(errno));
                return;
            }
            if (result == 0) {
                fail(QStringLiteral("The remote host closed the connection"));
                return;
            }
            n = result;
        }
        handedOut += n;
        m_readData = scratch;
        m_readSize = n;
        m_readOffset = 0;
        if (m_reader)
            m_reader->transportReadyRead();
        if (self)
            emit readyRead();
        if (!self)
            return;
        // What the reader left is dropped: the scratch belongs to the thread.
        m_readData = nullptr;
        m_readSize = m_readOffset = 0;
        if (m_state != State::Connected || m_fd < 0 || m_tlsRequested || m_handshaking)
            return;
    }
    // Out of budget: come back after the others; bytes inside the SSL get
    // no readable event of their own.
    if (m_ssl && SSL_has_pending(m_ssl))
        QMetaObject::invokeMethod(this, &TlsStream::onReadable, Qt::QueuedConnection);
}

// ---- writing ------------------------------------------------------------------

void TlsStream::write(const QByteArray &bytes)
{
    if (bytes.isEmpty() || m_closeRequested ||
        (m_state != State::Connected && m_state != State::Connecting &&
         m_state != State::Resolving))
        return;
    m_queue.append(bytes);
    m_queuedBytes += bytes.size();
    if (m_state == State::Connected && !m_tlsRequested && !m_handshaking)
        setWriteWanted(true); // gathered and sent when the loop comes back
}

qint64 TlsStream::unsentBytes() const
{
    return m_queuedBytes - m_frontOffset + (m_inflight.size() - m_inflightOffset) +
           m_plainPrefix.size();
}

void TlsStream::flushNow()
{
    if (m_state != State::Connected || m_tlsRequested || m_handshaking)
        return;
    if (flushQueue() == Flush::Done)
        setWriteWanted(false);
}

TlsStream::Flush TlsStream::flushPlainPrefix()
{
    while (!m_plainPrefix.isEmpty()) {
        const ssize_t n =
            ::send(m_fd, m_plainPrefix.constData(), size_t(m_plainPrefix.size()), MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
                return Flush::Blocked;
            fail(errnoText(errno));
            return Flush::Failed;
        }
        m_plainPrefix.remove(0, qsizetype(n));
    }
    m_plainPrefix = QByteArray(); // its memory too
    return Flush::Done;
}

TlsStream::Flush TlsStream::flushQueue()
{
    return m_ssl ? flushTlsQueue() : flushPlainQueue();
}

TlsStream::Flush TlsStream::flushPlainQueue()
{
    while (!m_queue.isEmpty()) {
        iovec iov[kMaxIov];
        int count = 0;
        for (qsizetype i = 0; i < m_queue.size() && count < kMaxIov; ++i, ++count) {
            const qsizetype skip = i == 0 ? m_frontOffset : 0;
            iov[count].iov_base = const_cast<char *>(m_queue.at(i).constData()) + skip;
            iov[count].iov_len = size_t(m_queue.at(i).size() - skip);
        }
        msghdr message{};
        message.msg_iov = iov;
        message.msg_iovlen = size_t(count);
        ssize_t n = ::sendmsg(m_fd, &message, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
                return Flush::Blocked;
            fail(errnoText(errno));
            return Flush::Failed;
        }
        while (n > 0) {
            const qsizetype left = m_queue.first().size() - m_frontOffset;
            if (n < left) {
                m_frontOffset += qsizetype(n);
                break;
            }
            n -= left;
            m_queuedBytes -= m_queue.first().size();
            m_queue.removeFirst();
            m_frontOffset = 0;
        }
    }
    m_queue = QList<QByteArray>(); // its array too
    return Flush::Done;
}

TlsStream::Flush TlsStream::flushTlsQueue()
{
    for (;;) {
        if (m_inflight.isEmpty()) {
            if (m_queue.isEmpty())
                break;
            // Small pieces (stanzas) go out together in one record; a large
            // one as it is, without a copy.
            if (m_queue.size() == 1 || m_queue.first().size() >= kRecordTarget) {
                m_inflight = m_queue.takeFirst();
            } else {
                while (!m_queue.isEmpty() &&
                       m_inflight.size() + m_queue.first().size() <= kRecordTarget)
                    m_inflight += m_queue.takeFirst();
            }
            m_queuedBytes -= m_inflight.size();
            m_inflightOffset = 0;
        }
        ERR_clear_error();
        const qsizetype left = m_inflight.size() - m_inflightOffset;
        const int result = SSL_write(m_ssl, m_inflight.constData() + m_inflightOffset,
                                     int(std::min<qsizetype>(left, 1 << 30)));
        if (result > 0) {
            m_inflightOffset += result;
            if (m_inflightOffset == m_inflight.size()) {
                m_inflight = QByteArray();
                m_inflightOffset = 0;
            }
            continue;
        }
        const int error = SSL_get_error(m_ssl, result);
        if (error == SSL_ERROR_WANT_WRITE || error == SSL_ERROR_WANT_READ)
            return Flush::Blocked;
        fail(sslFailure("TLS error", result));
        return Flush::Failed;
    }
    m_queue = QList<QByteArray>();
    return Flush::Done;
}

void TlsStream::onWritable()
{
    if (m_fd < 0)
        return;
    if (m_state == State::Connecting) {
        onConnectWritable();
        return;
    }
    if (m_state != State::Connected)
        return;
    if (m_tlsRequested) {
        beginTls(); // the plain prefix first, then the handshake
        return;
    }
    if (m_handshaking) {
        continueHandshake();
        return;
    }
    if (m_readWantsWrite) {
        m_readWantsWrite = false;
        const QPointer<TlsStream> self(this);
        onReadable();
        if (!self || m_state != State::Connected)
            return;
    }
    const Flush flushed = flushQueue();
    if (flushed == Flush::Failed)
        return;
    if (flushed == Flush::Blocked) {
        setWriteWanted(true);
        return;
    }
    setWriteWanted(m_readWantsWrite);
    if (m_closeRequested)
        continueClose();
}

// ---- closing ------------------------------------------------------------------

void TlsStream::disconnectFromHost()
{
    if (m_state == State::Unconnected || m_closeRequested)
        return;
    m_closeRequested = true;
    if (m_state != State::Connected || m_handshaking || m_tlsRequested) {
        // Nothing of the stream went out yet that a close_notify would end.
        closeDescriptor();
        m_state = State::Unconnected;
        reportClosed(false);
        return;
    }
    continueClose();
}

void TlsStream::continueClose()
{
    const Flush flushed = flushQueue();
    if (flushed == Flush::Failed)
        return;
    if (flushed == Flush::Blocked) {
        setWriteWanted(true);
        return;
    }
    if (m_ssl && m_encrypted && !m_shutdownSent) {
        ERR_clear_error();
        const int result = SSL_shutdown(m_ssl);
        if (result < 0 && SSL_get_error(m_ssl, result) == SSL_ERROR_WANT_WRITE) {
            setWriteWanted(true);
            return;
        }
        m_shutdownSent = true;
        ERR_clear_error();
    }
    closeDescriptor();
    m_state = State::Unconnected;
    reportClosed(false);
}

void TlsStream::abort()
{
    closeDescriptor();
    m_state = State::Unconnected;
    m_queue.clear();
    m_queuedBytes = 0;
    m_frontOffset = 0;
    m_inflight.clear();
    m_plainPrefix.clear();
}

void TlsStream::fail(const QString &reason)
{
    if (m_state == State::Unconnected && m_fd < 0)
        return;
    m_error = reason;
    abort();
    reportClosed(true);
}

void TlsStream::reportClosed(bool error)
{
    // From the event loop: the caller may be in the middle of its own work.
    QMetaObject::invokeMethod(
        this,
        [this, error] {
            const QPointer<TlsStream> self(this);
            if (error) {
                if (m_reader)
                    m_reader->transportError();
                if (self)
                    emit errorOccurred();
            }
            if (self && m_reader)
                m_reader->transportDisconnected();
            if (self)
                emit disconnected();
        },
        Qt::QueuedConnection);
}

} // namespace fedgate::engine
