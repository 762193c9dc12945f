#pragma once

#include "PeerProcess.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// A real dnsmasq serving only the records a test gives it, on its own
// loopback address and port 53 (Qt 6.4's QDnsLookup always asks port 53),
// from its own config file: the machine's resolver configuration is never
// touched. Names under .test that it does not know get NXDOMAIN
// (local=/test/); it forwards nothing.
namespace fedgate::test {

class DnsmasqServer
{
public:
    explicit DnsmasqServer(const QHostAddress &address);
    ~DnsmasqServer();
    DnsmasqServer(const DnsmasqServer &) = delete;
    DnsmasqServer &operator=(const DnsmasqServer &) = delete;

    QHostAddress address() const { return m_address; }

    // dnsmasq config lines, e.g. "srv-host=_xmpp-server._tcp.a.test,xmpp.a.test,5269,10,0".
    void addLine(const QString &line);
    void setLines(const QStringList &lines) { m_lines = lines; }
    QStringList lines() const { return m_lines; }
    void addSrv(const QString &name, const QString &target, quint16 port, quint16 priority,
                quint16 weight);
    void addServiceDisabled(const QString &name); // SRV target "."
    void addHost(const QString &name, const QString &address);
    void addCname(const QString &alias, const QString &target);
    // Serves the A, AAAA, SRV and CNAME records of a zone-file text with
    // absolute names (comments, $TTL and SOA/NS are skipped). Returns false
    // with `error` on a record it cannot serve.
    bool addZone(const QString &zoneText, QString *error);

    // Writes the config and starts dnsmasq; waits until it accepts TCP on port
    // 53. A running instance is stopped first (so a test can restart it with
    // other records).
    bool start(QString *error = nullptr);
    void stop();
    QString configText() const;
    QString output() const { return m_process.output(); }

private:
    QHostAddress m_address;
    QStringList m_lines;
    std::unique_ptr<QTemporaryDir> m_dir;
    PeerProcess m_process;
};

} // namespace fedgate::test
