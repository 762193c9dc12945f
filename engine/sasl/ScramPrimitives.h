#pragma once

#include "engine/gateway/Authenticator.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QString>

// The functions of RFC 5802 section 2.2 (H, HMAC, Hi) for SHA-1 and SHA-256,
// shared by the account store (which derives credentials when a password is
// set), the SCRAM server mechanism and PLAIN checking.
namespace fedgate::engine::scram {

QByteArray hash(QCryptographicHash::Algorithm algorithm, const QByteArray &data);
QByteArray hmac(QCryptographicHash::Algorithm algorithm, const QByteArray &key,
                const QByteArray &data);
// Hi() = PBKDF2 with HMAC-`algorithm` (OpenSSL PKCS5_PBKDF2_HMAC).
QByteArray hi(QCryptographicHash::Algorithm algorithm, const QByteArray &password,
              const QByteArray &salt, int iterations);

// The password as SCRAM hashes it: an approximation of SASLprep (RFC 4013)
// by Unicode NFKC, the mapping SASLprep does, as UTF-8.
QByteArray preparePassword(const QString &password);

// StoredKey and ServerKey for `password` with `salt` and `iterations`.
ScramCredentials deriveCredentials(QCryptographicHash::Algorithm algorithm, const QString &password,
                                   const QByteArray &salt, int iterations);

// Compares in time that depends only on the lengths (CRYPTO_memcmp).
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

// "SHA-1" / "SHA-256" as in the mechanism names; empty for anything else.
QString algorithmName(QCryptographicHash::Algorithm algorithm);

} // namespace fedgate::engine::scram
