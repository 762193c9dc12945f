#include "KeyStoreSecret.h"

#include "SecureFile.h"

#include <QFile>
#include <QMutex>
#include <QMutexLocker>

#include <openssl/rand.h>

namespace fedgate::certs {

Result<QByteArray> KeyStoreSecret::passphrase(const QString &secretPath)
{
    const QByteArray fromEnvironment = qgetenv(kEnvironmentVariable);
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;

    // Two threads making their first request at once must not both create a
    // secret: the second would make the first one's key unreadable.
    static QMutex creation;
    QMutexLocker lock(&creation);
    QFile file(secretPath);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            Error error;
            error.message = QStringLiteral("Cannot read the key store secret %1: %2. Run Fedgate "
                                           "as the user that owns the key store.")
                                .arg(secretPath, file.errorString());
            error.source = secretPath;
            return error;
        }
        const QByteArray secret = file.readAll().trimmed();
        if (secret.size() < 32) {
            Error error;
            error.message = QStringLiteral("The key store secret %1 is damaged (too short). "
                                           "Restore it from a backup; the keys it protects "
                                           "cannot be read without it.")
                                .arg(secretPath);
            error.source = secretPath;
            return error;
        }
        return secret;
    }
    unsigned char random[32];
    if (RAND_bytes(random, sizeof random) != 1) {
        Error error;
        error.message = QStringLiteral("The system's random number generator failed; cannot "
                                       "create the key store secret.");
        error.source = secretPath;
        return error;
    }
    const QByteArray secret =
        QByteArray(reinterpret_cast<const char *>(random), sizeof random).toHex();
    if (Status s = writeFileAtomically(secretPath, secret + '\n'); !s)
        return s.error();
    return secret;
}

} // namespace fedgate::certs
