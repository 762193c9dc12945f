#pragma once

#include "topology/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// What the administrator asks for, field for field as Lync's certificate
// wizard asked it: which interface, delayed or immediate, the template, the
// friendly name, the key, the organisation and place, the SIP domains whose
// sip.<domain> name to add, additional names, and the optional XMPP
// identities. The names themselves come from the topology (CertificateNames).
namespace fedgate::certs {

enum class CertificateUsage
{
    ExternalEdge,
    InternalEdge,
    // The gateway's certificate: presented on the internal link (23456) to
    // the edge and to clients on 5222. Subject = the front-end pool FQDN.
    Gateway
};
enum class RequestMode
{
    Delayed,
    Immediate
};
enum class KeyType
{
    Rsa2048,
    Rsa3072,
    Rsa4096,
    EcP256,
    EcP384
};

struct CertificateRequest
{
    CertificateUsage usage = CertificateUsage::ExternalEdge;
    // Delayed: write the CSR for an outside CA. Immediate: sign it now with
    // the deployment's internal CA.
    RequestMode mode = RequestMode::Delayed;
    QString csrPath;      // delayed: where to write the CSR; "" = only in the key store
    QString templateName; // AD CS certificate template, e.g. "WebServer"; "" = none
    QString friendlyName;
    KeyType keyType = KeyType::Rsa2048;
    bool exportable = false; // may be exported with its key as PKCS#12
    QString organisation;
    QString organisationalUnit;
    QString country; // ISO 3166-1 alpha-2
    QString state;
    QString city;
    QStringList sipDomains;        // ticked SIP domains: each adds sip.<domain>
    QStringList additionalSans;    // typed by the administrator
    bool includeSrvIds = false;    // _xmpp-server.<domain> (RFC 6125 SRV-ID)
    bool includeXmppAddrs = false; // id-on-xmppAddr (RFC 6120)
    QString edgePool;              // the edge pool's FQDN; "" = the XMPP-federation edge pool
    // Gateway: the front-end pool's FQDN; "" = the next hop of the
    // XMPP-federation edge pool (or the only front-end pool).
    QString frontEndPool;

    bool operator==(const CertificateRequest &) const = default;

    QJsonObject toJson() const;
    static Result<CertificateRequest> fromJson(const QJsonObject &object);
};

// Checks the fields a user types (country, template, friendly name, names);
// an empty list means the request can be made. Each string is a sentence.
QStringList checkRequest(const CertificateRequest &request);

QString toString(CertificateUsage usage);    // "external" / "internal" / "gateway"
QString displayName(CertificateUsage usage); // "External Edge" / "Internal Edge" / "Gateway"
QList<CertificateUsage> allUsages();         // in that order
bool parseUsage(const QString &text, CertificateUsage *out);
QString toString(KeyType type);    // "rsa2048", "rsa3072", "rsa4096", "ec-p256", "ec-p384"
QString displayName(KeyType type); // "RSA 2048", ..., "ECDSA P-256"
bool parseKeyType(const QString &text, KeyType *out);
QString toString(RequestMode mode); // "delayed" / "immediate"

// ISO 3166-1 alpha-2 (officially assigned codes), upper case.
bool isIsoCountryCode(const QString &code);

} // namespace fedgate::certs
