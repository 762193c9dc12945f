#pragma once

#include "DnsRecord.h"
#include "Topology.h"

#include <QList>
#include <QString>
#include <QStringList>

// Every DNS record the published topology needs, each with a one-line
// purpose: the checklist an administrator hands to the DNS team, the list
// DnsChecker verifies and DnsExport writes out.
//
// External zone, for every XMPP domain of the organisation:
// - `_xmpp-server._tcp.<domain>` SRV to each edge pool that carries XMPP
//   federation, in the order the sites' routes name the pools (priority 10
//   for the first, 20 for the next...: partners try the lowest value first
//   and fall back to the next pool while it is down). A pool whose members
//   have their own external names gets one SRV per member at the pool's
//   priority, the weights splitting 100 between them.
// - `_xmpps-server._tcp.<domain>` SRV the same way, for pools with direct TLS
//   (XEP-0368), to the direct TLS port.
// - A (public IPv4: the NAT address when the edge sits behind NAT) and AAAA
//   for each external name.
// Internal zone: each edge server's internal FQDN and the edge pool FQDN to
// the internal addresses (the gateway's link on port 23456 uses them).
namespace fedgate::topology {

class DnsRecordPlan
{
public:
    static constexpr quint16 kPriorityStep = 10;

    static DnsRecordPlan fromTopology(const Topology &topology);

    // DANE for the edge (RFC 6698, 7671; RFC 7673 for SRV): one TLSA record
    // "3 1 1 <SHA-256 of the key's SubjectPublicKeyInfo>" per key at
    // `_<port>._tcp.<SRV target>` of every external SRV target. `keys`: the
    // assigned external certificate's key, then the pending one's during a
    // renewal (both published before the switch); each with its origin for
    // the purpose line.
    struct DaneKey
    {
        QByteArray spkiSha256; // 32 bytes
        QString origin;        // "the assigned external certificate", ...
    };
    void addDaneKeys(const QList<DaneKey> &keys);
    // Owners of planned TLSA records, in plan order.
    QStringList tlsaOwners() const;

    const QList<DnsRecord> &records() const { return m_records; }
    QList<DnsRecord> records(DnsZone zone) const;
    // What could not be planned, and what to change in the topology. An empty
    // list means the plan covers the whole deployment.
    const QStringList &notes() const { return m_notes; }
    // The organisation's XMPP domains (normalised), in document order.
    const QStringList &xmppDomains() const { return m_xmppDomains; }

    // Indices into records() of the records with this owner and type.
    QList<int> indicesOf(const QString &name, DnsRecordType type) const;
    // Is `host` the target of a planned SRV record?
    bool isSrvTarget(const QString &host) const;
    // Distinct owner names of planned SRV records / names of planned A and
    // AAAA records in `zone`, in plan order.
    QStringList srvOwners() const;
    QStringList hostNames(DnsZone zone) const;

private:
    void add(const DnsRecord &record);

    QList<DnsRecord> m_records;
    QStringList m_notes;
    QStringList m_xmppDomains;
};

// "_xmpp-server._tcp.<domain>" / "_xmpps-server._tcp.<domain>".
QString xmppServerSrvName(const QString &domain);
QString xmppsServerSrvName(const QString &domain);

} // namespace fedgate::topology
