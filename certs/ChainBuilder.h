#pragma once

#include "OpenSsl.h"

#include <QList>
#include <QString>

// Orders and completes a certificate's chain from what the file gave, the
// deployment's internal CA and the system trust store. Validity dates are
// ignored here on purpose: an expired certificate still has a chain, and the
// lint reports the dates separately.
namespace fedgate::certs {

struct Chain
{
    std::vector<X509Ptr> certificates; // leaf first, each followed by its issuer
    bool complete = false;             // ends at a self-signed root
    bool trusted = false;              // ... that this machine trusts (system store or internal CA)
    bool endsAtAnchor = false; // ... and that root is one of the `anchors` (the internal CA)
    QString problem;           // why it is incomplete or untrusted, one sentence; "" when trusted
};

// `given`: the other certificates of the file (any order, may include the
// leaf). `anchors`: extra trusted roots (the internal CA). The system store
// is OpenSSL's default (SSL_CERT_FILE / SSL_CERT_DIR override it).
Chain buildChain(X509 *leaf, const std::vector<X509Ptr> &given,
                 const std::vector<X509Ptr> &anchors);

// The chain a TLS server sends: the leaf and intermediates, without the root.
std::vector<X509Ptr> servedChain(const Chain &chain);

} // namespace fedgate::certs
