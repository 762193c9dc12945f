#include "CertificateReload.h"

#include "engine/tls/CertificateChainVerifier.h"

#include <QFile>
#include <QSslKey>

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace fedgate::engine {

namespace {
Error reloadError(const QString &message)
{
    return Error{message, QStringLiteral("fedgated"), 0, 0};
}

// Does the PEM private key belong to the certificate? (A renewed
// certificate written without its new key would fail every handshake.)
bool keyMatches(const QSslCertificate &certificate, const QByteArray &keyPem)
{
    const QByteArray der = certificate.toDer();
    const auto *bytes = reinterpret_cast<const unsigned char *>(der.constData());
    X509 *x509 = d2i_X509(nullptr, &bytes, long(der.size()));
    BIO *bio = BIO_new_mem_buf(keyPem.constData(), int(keyPem.size()));
    EVP_PKEY *key = bio ? PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr) : nullptr;
    const bool matches = x509 && key && X509_check_private_key(x509, key) == 1;
    EVP_PKEY_free(key);
    BIO_free(bio);
    X509_free(x509);
    return matches;
}
} // namespace

Result<std::optional<TlsIdentity>> loadExternalTlsIdentity(const EngineConfig &config)
{
    if (config.certificatePath.isEmpty()) {
        Result<std::optional<TlsIdentity>> assigned =
            loadAssignedTlsIdentity(certs::CertificateUsage::ExternalEdge, config.dataDirectory);
        if (!assigned)
            return reloadError(assigned.error().message);
        return assigned;
    }
    TlsIdentity identity;
    identity.chain = QSslCertificate::fromPath(config.certificatePath);
    if (identity.chain.isEmpty())
        return reloadError(QStringLiteral("No PEM certificate in %1. Give the external edge "
                                          "certificate with --cert.")
                               .arg(config.certificatePath));
    QFile keyFile(config.keyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return reloadError(QStringLiteral("Cannot read the private key %1: %2. Check the path "
                                          "and that fedgated may read it.")
                               .arg(config.keyPath, keyFile.errorString()));
    const QByteArray keyPem = keyFile.readAll();
    identity.key = privateKeyFromPem(keyPem);
    if (identity.key.isNull())
        return reloadError(QStringLiteral("%1 holds no unencrypted PEM private key (RSA, EC or "
                                          "DSA).")
                               .arg(config.keyPath));
    if (!keyMatches(identity.chain.first(), keyPem))
        return reloadError(QStringLiteral("The private key %1 does not belong to the certificate "
                                          "%2. Give the key made with that certificate's request.")
                               .arg(config.keyPath, config.certificatePath));
    return std::optional<TlsIdentity>(std::move(identity));
}

Result<TlsIdentity> loadLinkTlsIdentity(const LinkTlsSource &source)
{
    CertificateChainVerifier verifier; // the anchors stay those loaded at start
    const Result<QSslConfiguration> tls = linkTlsConfiguration(source, &verifier);
    if (!tls)
        return tls.error();
    return TlsIdentity{tls.value().localCertificateChain(), tls.value().privateKey()};
}

QString describeCertificate(const QList<QSslCertificate> &chain)
{
    if (chain.isEmpty())
        return QStringLiteral("(none)");
    const QSslCertificate &leaf = chain.first();
    QString subject = leaf.subjectDisplayName();
    if (subject.isEmpty())
        subject = leaf.subjectInfo(QSslCertificate::CommonName).join(QLatin1Char(' '));
    return QStringLiteral("%1 serial %2 until %3")
        .arg(subject, QString::fromLatin1(leaf.serialNumber()),
             leaf.expiryDate().toUTC().date().toString(Qt::ISODate));
}

QString reloadFailure(const QString &what, const QString &problem,
                      const QList<QSslCertificate> &inUse)
{
    return QStringLiteral("certificate reload failed for the %1, still serving %2: %3 Fix it, "
                          "then send SIGHUP again (fedgated re-reads the certificates and the "
                          "topology).")
        .arg(what, describeCertificate(inUse), problem);
}

} // namespace fedgate::engine
