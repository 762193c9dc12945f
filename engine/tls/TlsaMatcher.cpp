#include "TlsaMatcher.h"

#include <QCryptographicHash>

#include <openssl/x509.h>

#include <optional>

namespace fedgate::engine {

namespace {

constexpr quint8 kUsageDaneEe = 3;
constexpr quint8 kSelectorCertificate = 0;
constexpr quint8 kSelectorSpki = 1;
constexpr quint8 kMatchExact = 0;
constexpr quint8 kMatchSha256 = 1;
constexpr quint8 kMatchSha512 = 2;

// The DER SubjectPublicKeyInfo of a DER certificate; empty when it does not parse.
QByteArray spkiDer(const QByteArray &certificateDer)
{
    const auto *p = reinterpret_cast<const unsigned char *>(certificateDer.constData());
    X509 *x509 = d2i_X509(nullptr, &p, certificateDer.size());
    if (!x509)
        return {};
    QByteArray out;
    unsigned char *der = nullptr;
    const int length = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(x509), &der);
    if (length > 0)
        out = QByteArray(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    X509_free(x509);
    return out;
}

std::optional<QByteArray> associatedData(quint8 matchingType, const QByteArray &selected)
{
    switch (matchingType) {
    case kMatchExact:
        return selected;
    case kMatchSha256:
        return QCryptographicHash::hash(selected, QCryptographicHash::Sha256);
    case kMatchSha512:
        return QCryptographicHash::hash(selected, QCryptographicHash::Sha512);
    default:
        return std::nullopt;
    }
}

} // namespace

TlsaMatch matchTlsa(const QList<TlsaRecord> &records, const QByteArray &leafDer, QString *detail)
{
    const QByteArray spki = spkiDer(leafDer);
    int usable = 0;
    for (const TlsaRecord &r : records) {
        if (r.usage != kUsageDaneEe ||
            (r.selector != kSelectorCertificate && r.selector != kSelectorSpki))
            continue;
        const QByteArray &selected = r.selector == kSelectorSpki ? spki : leafDer;
        const std::optional<QByteArray> data = associatedData(r.matchingType, selected);
        if (!data)
            continue;
        ++usable;
        if (!selected.isEmpty() && *data == r.data) {
            if (detail)
                *detail = QStringLiteral("TLSA %1 %2 %3 matches the certificate")
                              .arg(r.usage)
                              .arg(r.selector)
                              .arg(r.matchingType);
            return TlsaMatch::Match;
        }
    }
    if (usable == 0) {
        if (detail)
            *detail = QStringLiteral("none of the %1 TLSA record(s) is DANE-EE (usage 3) with a "
                                     "known selector and matching type")
                          .arg(records.size());
        return TlsaMatch::NoUsableRecords;
    }
    if (detail)
        *detail = QStringLiteral("the certificate's key matches none of the %1 usable TLSA "
                                 "record(s) (SPKI SHA-256 %2)")
                      .arg(usable)
                      .arg(QString::fromLatin1(
                          QCryptographicHash::hash(spki, QCryptographicHash::Sha256).toHex()));
    return TlsaMatch::Mismatch;
}

} // namespace fedgate::engine
