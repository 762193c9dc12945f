#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QString>

class QObject;

// The unauthenticated inbound connections per source address, so that one
// address cannot fill the gateway's ConnectionLimit with half-open streams
// (EngineConfig::maxUnauthenticatedPerAddress). A connection counts from
// accept until its stream authenticates a domain or closes.
namespace fedgate::engine {

class ConnectionGuard
{
public:
    explicit ConnectionGuard(int maxPerAddress)
        : m_max(maxPerAddress)
    {}

    // "IP" of `address`, IPv4-mapped IPv6 written as IPv4.
    static QString addressKey(const QHostAddress &address);

    // Counts `connection` (its session) for `address`; false when that
    // address already has the maximum (nothing is counted then).
    bool admit(const QObject *connection, const QString &address);
    // Authenticated or gone; harmless when not counted.
    void release(const QObject *connection);
    int unauthenticated(const QString &address) const { return m_perAddress.value(address); }
    int maxPerAddress() const { return m_max; }
    // True when a refusal for `address` should be logged now: the first one,
    // then at most one line every 10 s per address (with `suppressed` set
    // to the refusals not logged since).
    bool shouldLogRefusal(const QString &address, int *suppressed);

private:
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
