#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// Does this certificate name this XMPP domain? RFC 6125 as XEP-0178 and RFC
// 6120 section 13.7.1.2 apply it to server-to-server streams: SRV-ID
// (_xmpp-server.DOMAIN), xmppAddr, dNSName (a "*" leftmost label matches one
// label), and the subject CN only when the certificate has none of those
// subjectAltName identifiers. The certificate's purpose (EKU) is not looked at.
namespace fedgate::engine {

class ServerIdentityVerifier
{
public:
    // `der` is the peer's leaf certificate in DER form.
    static bool certificateNamesDomain(const QByteArray &der, const QString &domain);
    // Every identity the certificate presents, for log lines ("DNS:x",
    // "SRV:_xmpp-server.x", "XMPP:x", "CN:x").
    static QStringList presentedIdentities(const QByteArray &der);
    // RFC 6125 section 6.4.3 on one reference and one presented DNS name.
    static bool dnsNameMatches(const QString &presented, const QString &domain);
};

} // namespace fedgate::engine
