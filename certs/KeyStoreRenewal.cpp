// KeyStore::renew and KeyStore::unassign: the two actions on a certificate
// already in the store. A renewal asks again for exactly the names the
// certificate carries (read from the certificate, not recomputed from the
// topology, so a changed topology cannot silently change them) with a fresh
// key; removing an assignment leaves the certificate in the store.
#include "KeyStore.h"

#include "KeyGenerator.h"

#include <QFile>
#include <QFileInfo>

#include <openssl/x509.h>

namespace fedgate::certs {

namespace {

Error failure(const QString &message, const QString &source = {})
{
    Error error;
    error.message = message;
    error.source = source;
    return error;
}

QString subjectField(X509 *certificate, int nid)
{
    return nameField(X509_get_subject_name(certificate), nid);
}

std::optional<KeyType> keyTypeOf(EVP_PKEY *key)
{
    const QString description = describeKey(key);
    for (KeyType type :
         {KeyType::Rsa2048, KeyType::Rsa3072, KeyType::Rsa4096, KeyType::EcP256, KeyType::EcP384}) {
        if (displayName(type) == description)
            return type;
    }
    return std::nullopt;
}

} // namespace

Result<RequestOutcome> KeyStore::renew(const QString &certificateIdOrPrefix, RequestMode mode,
                                       const QString &csrPath, const topology::Topology *topology)
{
    Result<StoredCertificate> record = certificate(certificateIdOrPrefix);
    if (!record)
        return record.error();
    const StoredCertificate &old = record.value();
    if (mode == RequestMode::Immediate && old.sourceFormat != QLatin1String("internal CA"))
        return failure(QStringLiteral("Certificate %1 was not issued by the internal CA, so its "
                                      "renewal cannot be signed at once. Make a delayed renewal "
                                      "and send the CSR to the CA that issued it (%2).")
                           .arg(old.id, old.info.issuer));
    Result<StoredMaterial> material = loadStored(old.id);
    if (!material)
        return material.error();
    X509 *leaf = material.value().chain.front().get();
    const std::optional<KeyType> keyType = keyTypeOf(X509_get0_pubkey(leaf));
    if (!keyType)
        return failure(QStringLiteral("Certificate %1 has a %2 key, which Fedgate cannot make. "
                                      "Make a new request with 'fedgatectl cert request' instead.")
                           .arg(old.id, old.info.keyDescription));

    CertificateRequest request;
    request.usage = old.usage;
    request.mode = mode;
    request.csrPath = csrPath;
    request.templateName = old.info.templateName;
    request.friendlyName = old.friendlyName;
    request.keyType = *keyType;
    request.exportable = old.exportable;
    request.organisation = subjectField(leaf, NID_organizationName);
    request.organisationalUnit = subjectField(leaf, NID_organizationalUnitName);
    request.country = subjectField(leaf, NID_countryName);
    request.state = subjectField(leaf, NID_stateOrProvinceName);
    request.city = subjectField(leaf, NID_localityName);
    request.includeSrvIds = !old.info.srvIds.isEmpty();
    request.includeXmppAddrs = !old.info.xmppAddrs.isEmpty();

    CertificateNames names;
    names.commonName = old.info.commonName;
    names.dnsNames = old.info.dnsNames;
    names.srvIds = old.info.srvIds;
    names.xmppAddrs = old.info.xmppAddrs;
    return makeRequest(names, request, topology);
}

Status KeyStore::unassign(CertificateUsage usage)
{
    Result<std::optional<Assignment>> current = assignment(usage);
    if (!current)
        return current.error();
    if (!current.value())
        return failure(QStringLiteral("No certificate is assigned to the %1 interface; there is "
                                      "nothing to remove.")
                           .arg(displayName(usage)));
    // The record first: without it the interface counts as unassigned even
    // if removing the other two files fails.
    const QString base = assignedBase(usage);
    for (const QString &suffix :
         {QStringLiteral(".json"), QStringLiteral(".pem"), QStringLiteral(".key")}) {
        const QString path = base + suffix;
        if (QFileInfo::exists(path) && !QFile::remove(path))
            return failure(
                QStringLiteral("Could not remove %1. Check the permissions of the key store.")
                    .arg(path),
                path);
    }
    return Status::success();
}

Result<QList<CertificateInfo>> KeyStore::certificateChain(const QString &idOrPrefix) const
{
    auto stored = certificate(idOrPrefix);
    if (!stored)
        return stored.error();
    auto material = loadStored(stored.value().id);
    if (!material)
        return material.error();
    QList<CertificateInfo> chain;
    for (const X509Ptr &certificate : material.value().chain)
        chain.append(CertificateInfo::of(certificate.get()));
    return chain;
}

} // namespace fedgate::certs
