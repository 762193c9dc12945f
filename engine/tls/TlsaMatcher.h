#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// Matches a peer's certificate against TLSA records (RFC 6698 2.1, RFC 7671).
// Only DANE-EE (usage 3) records are usable here: selector 0 (the whole
// certificate) or 1 (SubjectPublicKeyInfo), matching type 0 (exact), 1
// (SHA-256) or 2 (SHA-512), against the leaf. DANE-EE ignores the names and
// the validity dates of the certificate (RFC 7671 5.1). Records of other
// usages (PKIX-TA, PKIX-EE, DANE-TA) or unknown parameters are unusable and
// ignored (RFC 7671 4.1); with none usable, the caller falls back to PKIX.
namespace fedgate::engine {

struct TlsaRecord
{
    quint8 usage = 0;
    quint8 selector = 0;
    quint8 matchingType = 0;
    QByteArray data; // the certificate association data, raw bytes
};

enum class TlsaMatch
{
    NoUsableRecords,
    Match,
    Mismatch,
};

// `leafDer`: the peer's certificate, DER. `detail`: which record matched, or
// what was compared, for logs.
TlsaMatch matchTlsa(const QList<TlsaRecord> &records, const QByteArray &leafDer,
                    QString *detail = nullptr);

} // namespace fedgate::engine
