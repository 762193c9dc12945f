#pragma once

#include "certs/CertificateRequest.h"
#include "topology/Result.h"

#include <QSslConfiguration>
#include <QSslKey>
#include <QString>

#include <optional>

// The TLS side of the internal link: the certificate a side presents (from
// PEM files, or the one assigned in Fedgate's key store for its usage) and
// the trust anchors the other side's certificate must chain to (a PEM file,
// by default the deployment's internal CA, <data>/ca/ca.pem).
namespace fedgate::engine {

class CertificateChainVerifier;

struct LinkTlsSource
{
    QString certificatePath; // PEM chain, leaf first; empty = the key store
    QString keyPath;         // PEM private key
    // The key store usage when no file is given; nullopt = none exists yet.
    std::optional<certs::CertificateUsage> usage;
    QString usageOption; // what to tell the user: "--internal-cert", ...
    QString caPath;      // trust anchors; empty = the internal CA of dataDirectory
    QString dataDirectory;
};

// An unencrypted PEM private key (EC, RSA or DSA); null when there is none.
QSslKey privateKeyFromPem(const QByteArray &pem);

// TLS 1.2 or later, our certificate and key, the peer's certificate
// requested (the link judges it itself with `verifier`, which is given the
// trust anchors).
Result<QSslConfiguration> linkTlsConfiguration(const LinkTlsSource &source,
                                               CertificateChainVerifier *verifier);

} // namespace fedgate::engine
