#include "StreamSocket.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

namespace fedgate::bench {

namespace {
constexpr std::size_t kReadChunk = 65536;
}

std::int64_t monotonicNs()
{
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

int connectStream(in_addr_t source, in_addr_t address, std::uint16_t port, int maxSegment,
                  std::string *error)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *error = std::string("socket: ") + std::strerror(errno);
        return -1;
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (maxSegment > 0)
        ::setsockopt(fd, IPPROTO_TCP, TCP_MAXSEG, &maxSegment, sizeof maxSegment);
    if (source) {
        sockaddr_in local{};
        local.sin_family = AF_INET;
        local.sin_addr.s_addr = source;
        ::bind(fd, reinterpret_cast<sockaddr *>(&local), sizeof local);
    }
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(port);
    sa.sin_addr.s_addr = address;
    if (::connect(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) != 0 && errno != EINPROGRESS) {
        *error = std::string("connect: ") + std::strerror(errno);
        ::close(fd);
        return -1;
    }
    return fd;
}

void addStream(int epoll, StreamSocket &s)
{
    s.wantsWrite = s.phase == StreamSocket::Phase::Connecting; // connect completion
    epoll_event ev{};
    ev.events = EPOLLIN | (s.wantsWrite ? EPOLLOUT : 0u);
    ev.data.u64 = std::uint64_t(s.id);
    ::epoll_ctl(epoll, EPOLL_CTL_ADD, s.fd, &ev);
}

void watchStream(int epoll, StreamSocket &s, bool write)
{
    if (write == s.wantsWrite)
        return;
    s.wantsWrite = write;
    epoll_event ev{};
    ev.events = EPOLLIN | (write ? EPOLLOUT : 0u);
    ev.data.u64 = std::uint64_t(s.id);
    ::epoll_ctl(epoll, EPOLL_CTL_MOD, s.fd, &ev);
}

bool writeStream(StreamSocket &s)
{
    while (s.outOffset < s.out.size()) {
        const char *data = s.out.data() + s.outOffset;
        const std::size_t size = s.out.size() - s.outOffset;
        long n;
        if (s.ssl) {
            n = SSL_write(s.ssl, data, int(size));
            if (n <= 0)
                break; // WANT_WRITE (or a failure seen on the next read)
        } else {
            n = ::send(s.fd, data, size, MSG_NOSIGNAL);
            if (n < 0)
                break;
        }
        s.outOffset += std::size_t(n);
    }
    if (s.outOffset == s.out.size()) {
        s.out.clear();
        s.outOffset = 0;
    }
    return s.outOffset < s.out.size();
}

long readStream(StreamSocket &s, char *buffer, std::size_t size)
{
    if (s.ssl) {
        const int n = SSL_read(s.ssl, buffer, int(size));
        if (n > 0)
            return n;
        const int err = SSL_get_error(s.ssl, n);
        return err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE ? 0 : -1;
    }
    const long n = ::recv(s.fd, buffer, size, 0);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        return 0;
    return n > 0 ? n : -1;
}

int handshakeStep(int epoll, StreamSocket &s, std::string *error)
{
    const int rc = SSL_connect(s.ssl);
    if (rc == 1)
        return 1;
    const int err = SSL_get_error(s.ssl, rc);
    if (err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE) {
        watchStream(epoll, s, err == SSL_ERROR_WANT_WRITE);
        return 0;
    }
    *error = "TLS handshake failed: " + std::string(ERR_error_string(ERR_get_error(), nullptr));
    return -1;
}

void closeStream(int epoll, StreamSocket &s)
{
    if (s.fd < 0)
        return;
    ::epoll_ctl(epoll, EPOLL_CTL_DEL, s.fd, nullptr);
    if (s.ssl)
        SSL_free(s.ssl);
    s.ssl = nullptr;
    ::close(s.fd);
    s.fd = -1;
    s.out = std::string();
    s.outOffset = 0;
    s.in = XmlFrameScanner();
}

StreamLoop::StreamLoop()
{
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    m_tls = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_verify(m_tls, SSL_VERIFY_NONE, nullptr);
    SSL_CTX_set_mode(m_tls, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
}

StreamLoop::~StreamLoop()
{
    if (m_epoll >= 0)
        ::close(m_epoll);
    SSL_CTX_free(m_tls);
}

void StreamLoop::send(StreamSocket &s, const std::string &data)
{
    s.out += data;
    flush(s);
}

void StreamLoop::flush(StreamSocket &s)
{
    if (s.fd < 0 || s.phase != StreamSocket::Phase::Open)
        return;
    watchStream(m_epoll, s, writeStream(s));
}

void StreamLoop::flushLater(StreamSocket &s)
{
    if (!m_polling) {
        flush(s);
        return;
    }
    if (s.flushPending)
        return;
    s.flushPending = true;
    m_flushPending.push_back(&s);
}

void StreamLoop::flushPending()
{
    // flush() may fail a stream (never add one): index, not iterators.
    for (std::size_t i = 0; i < m_flushPending.size(); ++i) {
        StreamSocket &s = *m_flushPending[i];
        s.flushPending = false;
        flush(s);
    }
    m_flushPending.clear();
}

std::vector<int> StreamLoop::openBatch(int count, int inFlight, int timeoutMs,
                                       const std::function<StreamSocket *(int)> &start,
                                       const std::function<int()> &finished,
                                       const std::function<bool(const StreamSocket &)> &ready,
                                       const std::string &timeoutReason)
{
    std::vector<StreamSocket *> started;
    const std::int64_t deadline = monotonicNs() + std::int64_t(timeoutMs) * 1000000;
    const int doneBefore = finished();
    int launched = 0;
    while (finished() - doneBefore < count && monotonicNs() < deadline) {
        while (launched < count && launched - (finished() - doneBefore) < inFlight) {
            if (StreamSocket *s = start(launched))
                started.push_back(s);
            ++launched;
        }
        pollOnce(20);
    }
    std::vector<int> ids;
    for (StreamSocket *s : started) {
        if (ready(*s))
            ids.push_back(s->id);
        else if (s->fd >= 0)
            onFailure(*s, timeoutReason);
    }
    return ids;
}

bool StreamLoop::requestTls(StreamSocket &s, const XmlFrame &features)
{
    if (!features.contains("starttls")) {
        onFailure(s, "the server offers no STARTTLS");
        return false;
    }
    send(s, "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
    return true;
}

void StreamLoop::onTlsAnswer(StreamSocket &s, const XmlFrame &answer, const std::string &serverName)
{
    if (answer.name() != "proceed") {
        onFailure(s, "STARTTLS refused: " + std::string(answer.text.substr(0, 200)));
        return;
    }
    s.ssl = SSL_new(m_tls);
    SSL_set_fd(s.ssl, s.fd);
    SSL_set_tlsext_host_name(s.ssl, serverName.c_str());
    s.phase = StreamSocket::Phase::TlsHandshake;
    s.in.restart();
}

void StreamLoop::continueTls(StreamSocket &s)
{
    std::string error;
    const int step = handshakeStep(m_epoll, s, &error);
    if (step > 0) {
        s.phase = StreamSocket::Phase::Open;
        onTlsEstablished(s);
    } else if (step < 0) {
        onFailure(s, error);
    }
}

void StreamLoop::onWritable(StreamSocket &s)
{
    if (s.phase == StreamSocket::Phase::Connecting) {
        int err = 0;
        socklen_t len = sizeof err;
        ::getsockopt(s.fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err != 0) {
            onFailure(s, std::string("connect: ") + std::strerror(err));
            return;
        }
        s.phase = StreamSocket::Phase::Open;
        onConnected(s);
        flush(s); // no more EPOLLOUT once the output is out
        return;
    }
    if (s.phase == StreamSocket::Phase::TlsHandshake) {
        continueTls(s);
        return;
    }
    flush(s);
}

void StreamLoop::onReadable(StreamSocket &s)
{
    if (s.phase == StreamSocket::Phase::TlsHandshake) {
        continueTls(s);
        if (s.phase == StreamSocket::Phase::TlsHandshake || s.fd < 0)
            return;
    }
    char buffer[kReadChunk];
    while (s.fd >= 0) {
        const long n = readStream(s, buffer, sizeof buffer);
        if (n == 0)
            return;
        if (n < 0) {
            onFailure(s, closedReason(s));
            return;
        }
        s.in.append(buffer, std::size_t(n));
        // A short plain read emptied the socket: epoll (level-triggered)
        // reports the next bytes, so no read that only says EAGAIN. TLS
        // goes on: OpenSSL may hold decrypted records the socket no longer
        // shows.
        const bool drained = !s.ssl && std::size_t(n) < sizeof buffer;
        XmlFrame frame;
        while (s.fd >= 0 && s.in.next(&frame)) {
            if (frame.kind == XmlFrame::Kind::StreamEnd)
                onFailure(s, "the server closed the stream");
            else if (frame.kind == XmlFrame::Kind::Element && frame.name() == "error")
                onFailure(s, "stream error: " + std::string(frame.text.substr(0, 400)));
            else
                onFrame(s, frame);
            if (s.fd >= 0 && s.phase == StreamSocket::Phase::TlsHandshake) {
                continueTls(s); // the rest arrives encrypted
                return;
            }
        }
        if (drained)
            return;
    }
}

void StreamLoop::pollOnce(int timeoutMs)
{
    epoll_event events[256];
    const int n = ::epoll_wait(m_epoll, events, 256, timeoutMs);
    m_polling = true;
    for (int i = 0; i < n; ++i) {
        if (events[i].data.u64 == kListenerKey) {
            onListenerReady();
            continue;
        }
        StreamSocket &s = streamAt(events[i].data.u64);
        if (s.fd < 0)
            continue;
        if (events[i].events & (EPOLLOUT | EPOLLERR))
            onWritable(s);
        if (s.fd >= 0 && (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)))
            onReadable(s);
    }
    flushPending();
    m_polling = false;
}

} // namespace fedgate::bench
