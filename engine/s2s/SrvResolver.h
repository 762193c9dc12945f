#pragma once

#include "engine/EngineConfig.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace fedgate::topology {
class DnsResolver;
}

// Where to connect for a remote XMPP domain (RFC 6120 3.2.1, XEP-0368):
// _xmpps-server._tcp (direct TLS) and _xmpp-server._tcp SRV records merged by
// priority, then weight; a "." target means the service is not offered; no
// record at all means the domain itself on 5269. Lookups go through
// topology::DnsResolver (libunbound), the system's resolver or --dns-server. Configured host
// overrides (tests, split DNS) answer before DNS.
namespace fedgate::engine {

struct ConnectTarget
{
    QString host;
    quint16 port = 5269;
    bool directTls = false;
    QHostAddress address; // set when an override or our DNS server fixed the address
    QString addressOrigin = QStringLiteral("the host override"); // for describe()
    QString describe() const;
};

class SrvResolver : public QObject
{
    Q_OBJECT
public:
    using Callback =
        std::function<void(const QList<ConnectTarget> &targets, const QString &detail)>;

    // Each SRV, A or AAAA lookup gives up after this long (the lookups run
    // at once, on the project's resolver, topology::DnsResolver).
    static constexpr int kLookupTimeoutMs = 5000;

    explicit SrvResolver(QHash<QString, HostOverride> overrides, QObject *parent = nullptr);
    ~SrvResolver() override;
    // Asks this server instead of the system's resolver (null = system).
    void setNameserver(const QHostAddress &address, quint16 port = 53);
    bool hasNameserver() const { return !m_nameserver.isNull(); }
    void resolve(const QString &domain, Callback callback);
    // The A and AAAA records of `host` from the configured nameserver (IPv4
    // first). Used for SRV targets when a nameserver is set, so that the
    // whole lookup asks that server and not the system resolver.
    using AddressCallback =
        std::function<void(const QList<QHostAddress> &addresses, const QString &detail)>;
    void resolveAddresses(const QString &host, AddressCallback callback);
    // The override for a host name (an SRV target or the domain), if any.
    std::optional<HostOverride> overrideFor(const QString &host) const;

private:
    topology::DnsResolver &dns();

    QHash<QString, HostOverride> m_overrides;
    QHostAddress m_nameserver;
    quint16 m_port = 53;
    std::unique_ptr<topology::DnsResolver> m_dns; // created on first use
};

} // namespace fedgate::engine
