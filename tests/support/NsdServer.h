#pragma once

#include "PeerProcess.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// A real NSD (authoritative name server, package nsd) serving the zones a
// test gives it, on its own loopback address and port 53, from its own
// config and zone files in a temporary directory: the machine's /etc is
// never touched. Zones can be signed (DNSSEC) with ldns-keygen and
// ldns-signzone (package ldnsutils); the test gets the key to use as trust
// anchor, and may then tamper with the signed zone to make it bogus.
namespace fedgate::test {

class NsdServer
{
public:
    explicit NsdServer(const QHostAddress &address);
    ~NsdServer();
    NsdServer(const NsdServer &) = delete;
    NsdServer &operator=(const NsdServer &) = delete;

    QHostAddress address() const { return m_address; }
    bool isValid(QString *error) const;

    // `records`: zone-file lines relative to the zone's origin (SOA and NS
    // are added), e.g. "_xmpp-server._tcp IN SRV 10 0 5269 xmpp".
    bool addZone(const QString &zone, const QStringList &records, QString *error);
    // Signs an added zone (ECDSA P-256 KSK, NSEC3); returns its DNSKEY
    // record (zone-file syntax), the trust anchor for it.
    QString signZone(const QString &zone, QString *error);
    // Replaces `from` with `to` in the zone file (after signing: the
    // signatures then no longer match).
    bool editZone(const QString &zone, const QString &from, const QString &to);

    bool start(QString *error);
    void stop();
    QString output() const { return m_process.output(); }

private:
    QString zonePath(const QString &zone) const;

    QHostAddress m_address;
    QTemporaryDir m_dir;
    QStringList m_zones;
    PeerProcess m_process;
};

} // namespace fedgate::test
