#include "ConnectionGuard.h"

#include "engine/tls/ByteStream.h"

#include <QSslSocket>

#include <spdlog/spdlog.h>

namespace fedgate::engine {

namespace {
constexpr qint64 kRefusalLogIntervalMs = 10000;
constexpr int kIpv6PrefixLength = 64;
} // namespace

QString ConnectionGuard::addressKey(const QHostAddress &address)
{
    bool ok = false;
    const QHostAddress v4(address.toIPv4Address(&ok));
    if (ok)
        return v4.toString();
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return address.toString();
    Q_IPV6ADDR prefix = address.toIPv6Address(); // without the scope id
    for (int i = kIpv6PrefixLength / 8; i < 16; ++i)
        prefix[i] = 0;
    return QHostAddress(prefix).toString() + QStringLiteral("/%1").arg(kIpv6PrefixLength);
}

bool ConnectionGuard::admit(const QObject *connection, const QString &address)
{
    int &count = m_perAddress[address];
    if (count >= m_max)
        return false;
    ++count;
    m_connections.insert(connection, address);
    return true;
}

void ConnectionGuard::release(const QObject *connection)
{
    const auto it = m_connections.find(connection);
    if (it == m_connections.end())
        return;
    const QString address = it.value();
    m_connections.erase(it);
    if (--m_perAddress[address] <= 0) {
        m_perAddress.remove(address);
        m_refusals.remove(address);
    }
}

bool ConnectionGuard::refuseIfFull(QSslSocket *socket, const QString &address)
{
    if (!full(socket->peerAddress(), socket->peerPort(), address))
        return false;
    socket->abort();
    socket->deleteLater();
    return true;
}

bool ConnectionGuard::refuseIfFull(ByteStream *stream, const QString &address)
{
    if (!full(stream->peerAddress(), stream->peerPort(), address))
        return false;
    stream->abort();
    stream->deleteLater();
    return true;
}

bool ConnectionGuard::full(const QHostAddress &peerAddress, quint16 peerPort,
                           const QString &address)
{
    if (unauthenticated(address) < m_max)
        return false;
    Refusals &r = m_refusals[address];
    if (r.lastLogged.isValid() && r.lastLogged.elapsed() < kRefusalLogIntervalMs) {
        ++r.suppressed;
    } else {
        bool mapped = false;
        const QHostAddress v4(peerAddress.toIPv4Address(&mapped));
        const QString peer = (mapped ? v4 : peerAddress).toString();
        spdlog::warn("connection from {} port {} refused at accept: {} unauthenticated "
                     "connections from {} already (maxUnauthenticatedPerAddress, counted per "
                     "IPv4 address or IPv6 /64){}",
                     peer.toStdString(), peerPort, m_max, address.toStdString(),
                     r.suppressed
                         ? fmt::format(", {} more refused since the last such line", r.suppressed)
                         : std::string());
        r.suppressed = 0;
        r.lastLogged.start();
    }
    return true;
}

} // namespace fedgate::engine
