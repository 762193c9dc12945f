#pragma once

#include "CertificateRequest.h"
#include "OpenSsl.h"

#include "topology/Result.h"

#include <QString>

// The deployment's own certificate authority, created and kept by Fedgate in
// <data>/ca: ca.pem (the root, public) and ca.key (encrypted like every
// other key). It signs "immediate" requests: the internal edge interface and
// test deployments, where no public CA is needed. The gateway trusts it for
// the 23456 link.
namespace fedgate::certs {

class InternalCa
{
public:
    // `dataDirectory`: Fedgate's data directory (fedgate::dataDir()).
    explicit InternalCa(const QString &dataDirectory);

    QString certificatePath() const; // <data>/ca/ca.pem
    QString keyPath() const;         // <data>/ca/ca.key
    bool exists() const;

    // Creates the CA (self-signed root, CA:TRUE pathlen 0). Refuses to
    // replace an existing one unless `replace`: every certificate it issued
    // would stop being trusted.
    Status create(const QString &commonName = {}, KeyType keyType = KeyType::EcP384,
                  int days = 3650, bool replace = false);
    Result<X509Ptr> certificate() const;

    // Signs `csr` (its signature is checked first): subject and public key
    // from the request; subjectAltName, keyUsage and extKeyUsage copied from
    // it; CA:FALSE; `days` of validity from now.
    Result<X509Ptr> issue(X509_REQ *csr, int days = 397) const;

private:
    Result<PKeyPtr> key() const;

    QString m_directory;
    QString m_secretPath;
};

} // namespace fedgate::certs
