#include "AssignedTlsIdentity.h"

#include "certs/KeyStore.h"

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <algorithm>

namespace fedgate::engine {

namespace {
Error identityError(const QString &message)
{
    return Error{message, QStringLiteral("key store"), 0, 0};
}

QSslKey toQSslKey(EVP_PKEY *pkey)
{
    unsigned char *der = nullptr;
    const int length = i2d_PrivateKey(pkey, &der);
    const QByteArray keyDer(reinterpret_cast<const char *>(der), std::max(length, 0));
    OPENSSL_free(der);
    const QSsl::KeyAlgorithm algorithm =
        EVP_PKEY_base_id(pkey) == EVP_PKEY_EC ? QSsl::Ec : QSsl::Rsa;
    return QSslKey(keyDer, algorithm, QSsl::Der);
}
} // namespace

Result<std::optional<TlsIdentity>> loadAssignedTlsIdentity(certs::CertificateUsage usage,
                                                           const QString &dataDirectory)
{
    const certs::KeyStore store(dataDirectory);
    const QString assignAgain = QStringLiteral(" Check it with 'fedgatectl cert check' and assign "
                                               "it again with 'fedgatectl cert assign --usage %1 "
                                               "ID'.")
                                    .arg(certs::toString(usage));
    const Result<std::optional<certs::Assignment>> assignment = store.assignment(usage);
    if (!assignment)
        return identityError(assignment.error().toString() + assignAgain);
    if (!assignment.value())
        return std::optional<TlsIdentity>();
    const Result<certs::AssignedCertificate> assigned = store.loadAssigned(usage);
    if (!assigned)
        return identityError(assigned.error().toString() + assignAgain);
    TlsIdentity identity;
    identity.chain = QSslCertificate::fromData(assigned.value().chainPem, QSsl::Pem);
    identity.key = toQSslKey(assigned.value().key.get());
    if (identity.chain.isEmpty() || identity.key.isNull())
        return identityError(QStringLiteral("The certificate assigned to the %1 could not be "
                                            "loaded into TLS.")
                                 .arg(certs::displayName(usage)) +
                             assignAgain);
    return std::optional<TlsIdentity>(std::move(identity));
}

Result<TlsIdentity> gatewayTlsIdentity(const QString &dataDirectory)
{
    Result<std::optional<TlsIdentity>> loaded =
        loadAssignedTlsIdentity(certs::CertificateUsage::Gateway, dataDirectory);
    if (!loaded)
        return loaded.error();
    if (!loaded.value())
        return identityError(
            QStringLiteral("No certificate is assigned to the gateway, so it cannot offer TLS to "
                           "clients or open the internal link. Request one from the internal CA "
                           "and assign it: 'fedgatectl cert request --usage gateway --immediate', "
                           "then 'fedgatectl cert assign ID --usage gateway'."));
    return *loaded.value();
}

} // namespace fedgate::engine
