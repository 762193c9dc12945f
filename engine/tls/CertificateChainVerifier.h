#pragma once

#include "CertificateStatus.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

// Checks a peer's certificate chain against the trust anchors the engine was
// given (a PEM CA file). Done with OpenSSL directly rather than through the
// TLS handshake so that a stream can still use dialback when the certificate
// is not trusted, while the session table says why. No purpose (EKU) check:
// Prosody and ejabberd accept serverAuth-only certificates on s2s.
namespace fedgate::engine {

class CertificateChainVerifier
{
public:
    CertificateChainVerifier();
    ~CertificateChainVerifier();
    CertificateChainVerifier(const CertificateChainVerifier &) = delete;
    CertificateChainVerifier &operator=(const CertificateChainVerifier &) = delete;

    // Adds every certificate of a PEM file as a trust anchor. Returns false
    // (with `error` set) when the file cannot be read or holds none.
    bool addCaFile(const QString &path, QString *error = nullptr);
    bool useSystemDefaults();

    // `chainDer`: leaf first, then intermediates, as the peer sent them.
    // Valid, Expired, SelfSigned or Untrusted (None for an empty chain).
    CertificateStatus verify(const QList<QByteArray> &chainDer, QString *detail = nullptr) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace fedgate::engine
