#include "DaneKeys.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <openssl/bio.h>
#include <openssl/pem.h>

namespace fedgate::certs {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DaneKeys", text);
}

QByteArray sha256OfKey(EVP_PKEY *key)
{
    if (!key)
        return {};
    const int length = i2d_PUBKEY(key, nullptr);
    if (length <= 0)
        return {};
    QByteArray der(length, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    if (i2d_PUBKEY(key, &out) != length)
        return {};
    return QCryptographicHash::hash(der, QCryptographicHash::Sha256);
}

} // namespace

QByteArray spkiSha256(X509 *certificate)
{
    return certificate ? sha256OfKey(X509_get0_pubkey(certificate)) : QByteArray();
}

QByteArray spkiSha256OfCsr(const QByteArray &csrPem)
{
    BIO *bio = BIO_new_mem_buf(csrPem.constData(), int(csrPem.size()));
    if (!bio)
        return {};
    X509_REQ *request = PEM_read_bio_X509_REQ(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (!request)
        return {};
    const QByteArray digest = sha256OfKey(X509_REQ_get0_pubkey(request));
    X509_REQ_free(request);
    return digest;
}

QList<topology::DnsRecordPlan::DaneKey> edgeDaneKeys(const KeyStore &store)
{
    QList<topology::DnsRecordPlan::DaneKey> keys;
    if (const auto assigned = store.loadAssigned(CertificateUsage::ExternalEdge)) {
        const QByteArray digest = spkiSha256(assigned.value().certificate.get());
        if (!digest.isEmpty())
            keys << topology::DnsRecordPlan::DaneKey{digest,
                                                     tr("the assigned external edge certificate")};
    }
    if (const auto pending = store.pendingRequests()) {
        for (const PendingRequest &p : pending.value()) {
            if (p.request.usage != CertificateUsage::ExternalEdge)
                continue;
            const QByteArray digest = spkiSha256OfCsr(p.csrPem);
            const bool known = std::any_of(keys.begin(), keys.end(),
                                           [&](const auto &k) { return k.spkiSha256 == digest; });
            if (!digest.isEmpty() && !known)
                keys << topology::DnsRecordPlan::DaneKey{
                    digest, tr("the pending external edge request %1, published before the "
                               "switch")
                                .arg(p.id.left(8))};
        }
    }
    return keys;
}

} // namespace fedgate::certs
