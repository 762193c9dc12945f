#pragma once

#include <QString>

// One DNS resource record the deployment needs (or one a name server
// answered): owner name, type, target or address, and for SRV the priority,
// weight and port. Names are absolute, lower-case ASCII (punycode for IDNs),
// written without the trailing dot; zoneLine() adds it.
namespace fedgate::topology {

// External records are published in the Internet-facing zone (partners read
// them); internal ones belong on the resolver the gateway and edge use.
enum class DnsZone
{
    External,
    Internal
};
enum class DnsRecordType
{
    A,
    AAAA,
    SRV,
    TLSA, // RFC 6698 DANE; value "3 1 1 <hex>" (usage, selector, matching type, data)
};

struct DnsRecord
{
    static constexpr int kDefaultTtl = 3600;

    DnsZone zone = DnsZone::External;
    DnsRecordType type = DnsRecordType::A;
    QString name;
    QString value; // SRV: target host ("" = "." = service not offered); A/AAAA: address
    quint16 priority = 0;
    quint16 weight = 0;
    quint16 port = 0;
    QString purpose;  // one line: why the deployment needs this record
    QString edgePool; // FQDN of the edge pool the record serves

    // "_xmpp-server._tcp.contoso.test. 3600 IN SRV 10 0 5269 xmpp.contoso.test."
    QString zoneLine(int ttl = kDefaultTtl) const;
    // Type and data without owner and TTL: "SRV 10 0 5269 xmpp.contoso.test.",
    // "A 192.0.2.10".
    QString typeAndData() const;
    bool operator==(const DnsRecord &) const = default;
};

QString toString(DnsZone);       // "external", "internal"
QString toString(DnsRecordType); // "A", "AAAA", "SRV", "TLSA"
// Lower-case ASCII form without the trailing dot: what the plan stores and
// compares.
QString normalisedDnsName(const QString &name);
// `name` with the trailing dot of an absolute zone-file name ("." for "").
QString absoluteDnsName(const QString &name);

} // namespace fedgate::topology
