#pragma once

#include "OpenSsl.h"

#include "topology/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

// Reads what a CA or another server hands back: PEM (any mix of certificates,
// PKCS#7 and keys), DER certificates, PKCS#7 (.p7b) chains, PKCS#12
// (.pfx/.p12) with or without the key. Anything else is refused with a
// sentence that says what the file is and what to bring instead.
namespace fedgate::certs {

struct CertificateFile
{
    QString format; // "PEM", "DER", "PKCS#7", "PKCS#12"
    std::vector<X509Ptr> certificates;
    std::vector<PKeyPtr> keys;

    static constexpr qint64 kMaxSize = 16 * 1024 * 1024;

    // `password` opens PKCS#12 files and encrypted PEM keys.
    static Result<CertificateFile> parse(const QByteArray &data, const QString &sourceName,
                                         const QByteArray &password = {});
    static Result<CertificateFile> read(const QString &path, const QByteArray &password = {});
};

} // namespace fedgate::certs
