#pragma once

#include <QSslConfiguration>
#include <QString>

typedef struct ssl_ctx_st SSL_CTX;

// One OpenSSL SSL_CTX per TLS configuration, shared by every TlsStream that
// uses it (Qt makes one per socket: 2 KiB each plus the certificate and key
// copies). The configuration's local certificate chain and private key are
// loaded once; peers are asked for a certificate but never refused by the
// handshake: CertificateChainVerifier, DANE and the policy judge it.
namespace fedgate::engine {

class TlsContextCache
{
public:
    // A new reference to the context for `configuration` (SSL_CTX_free it),
    // or nullptr with `error` set. Thread-safe.
    static SSL_CTX *acquire(const QSslConfiguration &configuration, QString *error = nullptr);
    // How many contexts the cache holds (tests).
    static int size();
};

} // namespace fedgate::engine
