#include "DnsStubQuery.h"

#include <QRandomGenerator>
#include <QSocketNotifier>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace fedgate::topology {

DnsStubQuery::DnsStubQuery(const DnsServerAddress &server, const QString &name, quint16 qtype,
                           int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_id(quint16(QRandomGenerator::system()->bounded(65536)))
    , m_timeoutMs(timeoutMs)
{
    m_query = encodeQuery(m_id, name, qtype);
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        done(Result::Silent, QStringLiteral("no reply within %1 ms").arg(m_timeoutMs));
    });
}

DnsStubQuery::~DnsStubQuery()
{
    delete m_notifier;
    if (m_fd >= 0)
        ::close(m_fd);
}

QByteArray DnsStubQuery::encodeQuery(quint16 id, const QString &name, quint16 qtype)
{
    QByteArray m;
    m.append(char(id >> 8)).append(char(id & 0xff));
    m.append(char(0x01)).append(char(0x00)); // RD
    m.append("\x00\x01\x00\x00\x00\x00\x00\x00", 8);
    const QByteArray ascii = name.toLatin1();
    for (const QByteArray &label : ascii.split('.')) {
        if (label.isEmpty())
            continue;
        if (label.size() > 63)
            return {};
        m.append(char(label.size())).append(label);
    }
    m.append(char(0));
    if (m.size() - 12 > 255)
        return {};
    m.append(char(qtype >> 8)).append(char(qtype & 0xff));
    m.append(char(0)).append(char(1)); // IN
    return m;
}

void DnsStubQuery::start()
{
    auto later = [this](Result result, const QString &detail) {
        QMetaObject::invokeMethod(
            this, [this, result, detail] { done(result, detail); }, Qt::QueuedConnection);
    };
    if (m_query.isEmpty()) {
        // Cannot happen for names libunbound accepted; say so rather than hang.
        later(Result::Silent, QStringLiteral("the name cannot be encoded"));
        return;
    }
    sockaddr_storage to{};
    socklen_t toLength = 0;
    const bool v6 = m_server.address.protocol() == QAbstractSocket::IPv6Protocol;
    if (v6) {
        auto *a = reinterpret_cast<sockaddr_in6 *>(&to);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(m_server.port);
        const Q_IPV6ADDR bytes = m_server.address.toIPv6Address();
        std::memcpy(&a->sin6_addr, bytes.c, 16);
        toLength = sizeof(sockaddr_in6);
    } else {
        auto *a = reinterpret_cast<sockaddr_in *>(&to);
        a->sin_family = AF_INET;
        a->sin_port = htons(m_server.port);
        a->sin_addr.s_addr = htonl(m_server.address.toIPv4Address());
        toLength = sizeof(sockaddr_in);
    }
    m_fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    // Connected, so that the kernel hands ICMP errors to this socket.
    if (m_fd < 0 || ::connect(m_fd, reinterpret_cast<sockaddr *>(&to), toLength) != 0 ||
        ::send(m_fd, m_query.constData(), size_t(m_query.size()), 0) < 0) {
        const int error = errno;
        later(Result::Unreachable, QString::fromLocal8Bit(std::strerror(error)).toLower());
        return;
    }
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &DnsStubQuery::onReadyRead);
    m_timer.start(m_timeoutMs);
}

void DnsStubQuery::onReadyRead()
{
    // Bounded: at most 16 datagrams per wake-up, each cut at 512 octets
    // (only the header matters).
    for (int i = 0; i < 16 && m_result == Result::Pending; ++i) {
        char buffer[512];
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (n < 0) {
            const int error = errno;
            if (error == EAGAIN || error == EWOULDBLOCK || error == EINTR)
                return;
            // ECONNREFUSED: port unreachable; EHOSTUNREACH, ENETUNREACH: no route.
            done(Result::Unreachable, QString::fromLocal8Bit(std::strerror(error)).toLower());
            return;
        }
        if (n < 12)
            continue;
        const quint16 id = quint16((quint8(buffer[0]) << 8) | quint8(buffer[1]));
        const bool isReply = quint8(buffer[2]) & 0x80;
        if (id != m_id || !isReply)
            continue;
        m_rcode = quint8(buffer[3]) & 0x0f;
        done(Result::Reply, {});
        return;
    }
}

void DnsStubQuery::done(Result result, const QString &detail)
{
    if (m_result != Result::Pending)
        return;
    m_result = result;
    m_detail = detail;
    m_timer.stop();
    if (m_notifier)
        m_notifier->setEnabled(false);
    emit finished();
}

} // namespace fedgate::topology
