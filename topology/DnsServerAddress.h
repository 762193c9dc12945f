#pragma once

#include <QHostAddress>
#include <QString>

#include <optional>

// The name server a lookup asks: an address and a port (53 unless given).
// Parsed from what an admin types after --server: "192.0.2.53",
// "192.0.2.53:5353", "2001:db8::53", "[2001:db8::53]:5353", or a host name
// with an optional port ("ns1.example.net:5353", resolved once with the
// system resolver).
namespace fedgate::topology {

struct DnsServerAddress
{
    QHostAddress address; // null = the system resolver
    quint16 port = 53;

    DnsServerAddress() = default;
    DnsServerAddress(const QHostAddress &a, quint16 p = 53) // NOLINT: implicit on purpose
        : address(a)
        , port(p)
    {}

    bool isNull() const { return address.isNull(); }
    // "127.0.0.77", "127.0.0.77:5353", "[::1]:5353".
    QString toString() const;
    // libunbound's forwarder syntax: "127.0.0.77@5353".
    QByteArray forwarderSpec() const;
    bool operator==(const DnsServerAddress &) const = default;

    // nullopt with `error` set (a sentence naming the problem and the fix).
    static std::optional<DnsServerAddress> parse(const QString &text, QString *error);
};

} // namespace fedgate::topology
