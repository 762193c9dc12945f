#include "StreamSocket.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace fedgate::bench {

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

void addStream(int epoll, StreamSocket &s, std::uint64_t key)
{
    s.wantsWrite = true; // connect completion
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLOUT;
    ev.data.u64 = key;
    ::epoll_ctl(epoll, EPOLL_CTL_ADD, s.fd, &ev);
}

void watchStream(int epoll, StreamSocket &s, std::uint64_t key, bool write)
{
    if (write == s.wantsWrite)
        return;
    s.wantsWrite = write;
    epoll_event ev{};
    ev.events = EPOLLIN | (write ? EPOLLOUT : 0u);
    ev.data.u64 = key;
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

int handshakeStep(int epoll, StreamSocket &s, std::uint64_t key, std::string *error)
{
    const int rc = SSL_connect(s.ssl);
    if (rc == 1)
        return 1;
    const int err = SSL_get_error(s.ssl, rc);
    if (err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE) {
        watchStream(epoll, s, key, err == SSL_ERROR_WANT_WRITE);
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

} // namespace fedgate::bench
