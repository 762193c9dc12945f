#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QString>

class QObject;
class QSslSocket;
namespace fedgate::engine {
class ByteStream;
}

// The unauthenticated inbound connections per source address, so that one
// address cannot fill the gateway's ConnectionLimit with half-open streams
// (EngineConfig::maxUnauthenticatedPerAddress). A connection counts from
// accept until its stream authenticates a domain or closes. IPv6 sources
// count per /64 prefix: a single host is commonly given a whole /64 and can
// pick a fresh address inside it for every connection.
namespace fedgate::engine {

class ConnectionGuard
{
public:
    explicit ConnectionGuard(int maxPerAddress)
        : m_max(maxPerAddress)
    {}

    // What `address` is counted under: an IPv4 address as itself ("IP",
    // IPv4-mapped IPv6 written as IPv4), an IPv6 address as its /64 prefix
    // ("2001:db8:1:2::/64").
    static QString addressKey(const QHostAddress &address);

    // Counts `connection` (its session) under `address` (an addressKey());
    // false when that key already has the maximum (nothing is counted then).
    bool admit(const QObject *connection, const QString &address);
    // Authenticated or gone; harmless when not counted.
    void release(const QObject *connection);
    int unauthenticated(const QString &address) const { return m_perAddress.value(address); }
    int maxPerAddress() const { return m_max; }
    // At accept: when `address` (an addressKey()) already has the maximum,
    // closes `socket`
    // (and deletes it later), logs it (the first refusal, then at most one
    // line every 10 s per address) and returns true.
    bool refuseIfFull(QSslSocket *socket, const QString &address);
    bool refuseIfFull(ByteStream *stream, const QString &address);

private:
    // Whether to refuse; logs the refusal.
    bool full(const QHostAddress &peerAddress, quint16 peerPort, const QString &address);
    struct Refusals
    {
        QElapsedTimer lastLogged;
        int suppressed = 0;
    };
    int m_max;
    QHash<const QObject *, QString> m_connections;
    QHash<QString, int> m_perAddress;
    QHash<QString, Refusals> m_refusals;
};

} // namespace fedgate::engine
