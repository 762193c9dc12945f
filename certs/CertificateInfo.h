#pragma once

#include "OpenSsl.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// What a person (or the lint) wants to know about one certificate, read once
// from the X509 object into plain values.
namespace fedgate::certs {

struct CertificateInfo
{
    QString subject; // RFC 2253, e.g. "CN=edge.contoso.test,O=Contoso"
    QString commonName;
    QString issuer;
    QStringList dnsNames;
    QStringList srvIds;
    QStringList xmppAddrs;
    QDateTime notBefore;  // UTC
    QDateTime notAfter;   // UTC
    QString serialNumber; // hex
    QString sha256Fingerprint;
    QString keyDescription;     // "RSA 2048", "ECDSA P-256"
    QString signatureAlgorithm; // "sha256WithRSAEncryption", ...
    bool hasExtendedKeyUsage = false;
    bool serverAuth = false;
    bool clientAuth = false;
    bool isCa = false;
    bool selfSigned = false;
    QString templateName; // AD CS template extension, "" when absent

    static CertificateInfo of(X509 *certificate);
    QJsonObject toJson() const;
};

// OpenSSL's time as UTC.
QDateTime toDateTime(const ASN1_TIME *time);

} // namespace fedgate::certs
