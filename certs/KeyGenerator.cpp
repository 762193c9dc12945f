#include "KeyGenerator.h"

#include <openssl/core_names.h>
#include <openssl/rsa.h>

namespace fedgate::certs {

Result<PKeyPtr> generateKey(KeyType type)
{
    PKeyPtr key;
    switch (type) {
    case KeyType::Rsa2048:
        key.reset(EVP_RSA_gen(2048));
        break;
    case KeyType::Rsa3072:
        key.reset(EVP_RSA_gen(3072));
        break;
    case KeyType::Rsa4096:
        key.reset(EVP_RSA_gen(4096));
        break;
    case KeyType::EcP256:
        key.reset(EVP_EC_gen("P-256"));
        break;
    case KeyType::EcP384:
        key.reset(EVP_EC_gen("P-384"));
        break;
    }
    if (!key)
        return openSslError(QStringLiteral("Could not generate the %1 key. The system's random "
                                           "number generator or OpenSSL configuration may be "
                                           "broken; check 'openssl genpkey' on this machine.")
                                .arg(displayName(type)));
    return key;
}

bool isRsa(EVP_PKEY *key)
{
    return key && (EVP_PKEY_is_a(key, "RSA") || EVP_PKEY_is_a(key, "RSA-PSS"));
}

bool isEc(EVP_PKEY *key)
{
    return key && EVP_PKEY_is_a(key, "EC");
}

int keyBits(EVP_PKEY *key)
{
    return key ? EVP_PKEY_get_bits(key) : 0;
}

QString describeKey(EVP_PKEY *key)
{
    if (!key)
        return {};
    if (isRsa(key))
        return QStringLiteral("RSA %1").arg(keyBits(key));
    if (isEc(key)) {
        char curve[64] = {};
        size_t length = 0;
        if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, curve, sizeof curve,
                                           &length) == 1) {
            const QString name = QString::fromLatin1(curve, int(length));
            if (name == QLatin1String("prime256v1"))
                return QStringLiteral("ECDSA P-256");
            if (name == QLatin1String("secp384r1"))
                return QStringLiteral("ECDSA P-384");
            if (name == QLatin1String("secp521r1"))
                return QStringLiteral("ECDSA P-521");
            return QStringLiteral("ECDSA %1").arg(name);
        }
        return QStringLiteral("ECDSA %1 bits").arg(keyBits(key));
    }
    if (EVP_PKEY_is_a(key, "ED25519"))
        return QStringLiteral("Ed25519");
    return QString::fromLatin1(EVP_PKEY_get0_type_name(key));
}

const EVP_MD *signingDigest(EVP_PKEY *key)
{
    if (isEc(key) && keyBits(key) >= 384)
        return EVP_sha384();
    if (EVP_PKEY_is_a(key, "ED25519"))
        return nullptr; // EdDSA signs without a separate digest
    return EVP_sha256();
}

} // namespace fedgate::certs
