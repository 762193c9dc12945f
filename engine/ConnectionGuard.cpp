#include "ConnectionGuard.h"

namespace fedgate::engine {

namespace {
constexpr qint64 kRefusalLogIntervalMs = 10000;
} // namespace

QString ConnectionGuard::addressKey(const QHostAddress &address)
{
    bool ok = false;
    const QHostAddress v4(address.toIPv4Address(&ok));
    return ok ? v4.toString() : address.toString();
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

bool ConnectionGuard::shouldLogRefusal(const QString &address, int *suppressed)
{
    Refusals &r = m_refusals[address];
    if (r.lastLogged.isValid() && r.lastLogged.elapsed() < kRefusalLogIntervalMs) {
        ++r.suppressed;
        return false;
    }
    *suppressed = std::exchange(r.suppressed, 0);
    r.lastLogged.start();
    return true;
}

} // namespace fedgate::engine
