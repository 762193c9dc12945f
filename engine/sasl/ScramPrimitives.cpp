#include "ScramPrimitives.h"

#include <QMessageAuthenticationCode>

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace fedgate::engine::scram {

QByteArray hash(QCryptographicHash::Algorithm algorithm, const QByteArray &data)
{
    return QCryptographicHash::hash(data, algorithm);
}

QByteArray hmac(QCryptographicHash::Algorithm algorithm, const QByteArray &key,
                const QByteArray &data)
{
    return QMessageAuthenticationCode::hash(data, key, algorithm);
}

QByteArray hi(QCryptographicHash::Algorithm algorithm, const QByteArray &password,
              const QByteArray &salt, int iterations)
{
    const EVP_MD *md = algorithm == QCryptographicHash::Sha1 ? EVP_sha1() : EVP_sha256();
    QByteArray out(EVP_MD_get_size(md), Qt::Uninitialized);
    if (iterations < 1 ||
        PKCS5_PBKDF2_HMAC(password.constData(), int(password.size()),
                          reinterpret_cast<const unsigned char *>(salt.constData()),
                          int(salt.size()), iterations, md, int(out.size()),
                          reinterpret_cast<unsigned char *>(out.data())) != 1)
        return {};
    return out;
}

QByteArray preparePassword(const QString &password)
{
    return password.normalized(QString::NormalizationForm_KC).toUtf8();
}

ScramCredentials deriveCredentials(QCryptographicHash::Algorithm algorithm, const QString &password,
                                   const QByteArray &salt, int iterations)
{
    const QByteArray salted = hi(algorithm, preparePassword(password), salt, iterations);
    ScramCredentials c;
    c.salt = salt;
    c.iterations = iterations;
    c.storedKey = hash(algorithm, hmac(algorithm, salted, QByteArrayLiteral("Client Key")));
    c.serverKey = hmac(algorithm, salted, QByteArrayLiteral("Server Key"));
    return c;
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.constData(), b.constData(), a.size()) == 0;
}

QString algorithmName(QCryptographicHash::Algorithm algorithm)
{
    switch (algorithm) {
    case QCryptographicHash::Sha1:
        return QStringLiteral("SHA-1");
    case QCryptographicHash::Sha256:
        return QStringLiteral("SHA-256");
    default:
        return {};
    }
}

} // namespace fedgate::engine::scram
