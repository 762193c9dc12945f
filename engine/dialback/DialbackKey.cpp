#include "DialbackKey.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <openssl/crypto.h>

namespace fedgate::engine {

QString DialbackKey::generate(const QByteArray &secret, const QString &receivingServer,
                              const QString &originatingServer, const QString &streamId)
{
    const QByteArray hmacKey = QCryptographicHash::hash(secret, QCryptographicHash::Sha256).toHex();
    const QByteArray text = receivingServer.toLower().toUtf8() + ' ' +
                            originatingServer.toLower().toUtf8() + ' ' + streamId.toUtf8();
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(text, hmacKey, QCryptographicHash::Sha256).toHex());
}

bool DialbackKey::verify(const QByteArray &secret, const QString &receivingServer,
                         const QString &originatingServer, const QString &streamId,
                         const QString &key)
{
    const QByteArray expected =
        generate(secret, receivingServer, originatingServer, streamId).toLatin1();
    const QByteArray given = key.trimmed().toLatin1();
    return given.size() == expected.size() &&
           CRYPTO_memcmp(given.constData(), expected.constData(), size_t(given.size())) == 0;
}

} // namespace fedgate::engine
