#include "DatedCertificate.h"

#include "certs/InternalCa.h"
#include "certs/KeyStoreSecret.h"
#include "certs/OpenSsl.h"

#include <QFile>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

namespace fedgate::test {

namespace {

bool addExtension(X509 *certificate, X509 *issuer, int nid, const QString &value)
{
    X509V3_CTX context;
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    const QByteArray text = value.toLatin1();
    certs::X509ExtensionPtr extension(
        X509V3_EXT_conf_nid(nullptr, &context, nid, text.constData()));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

bool writeDatedCertificate(const QString &dataDirectory, const QString &path,
                           const QStringList &dnsNames, int notBeforeDays, int notAfterDays,
                           QString *error)
{
    const certs::InternalCa ca(dataDirectory);
    auto caCertificate = ca.certificate();
    auto passphrase =
        certs::KeyStoreSecret::passphrase(dataDirectory + QStringLiteral("/certs/keystore.secret"));
    if (!caCertificate || !passphrase) {
        *error = (caCertificate ? passphrase.error() : caCertificate.error()).message;
        return false;
    }
    auto caKey = certs::decryptKeyPem(readAll(ca.keyPath()), passphrase.value(), ca.keyPath());
    if (!caKey) {
        *error = caKey.error().message;
        return false;
    }
    X509 *issuer = caCertificate.value().get();
    certs::PKeyPtr key(EVP_EC_gen("P-256"));
    certs::X509Ptr certificate(X509_new());
    X509_set_version(certificate.get(), X509_VERSION_3);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(certificate.get()));
    BN_free(bn);
    certs::X509NamePtr name(X509_NAME_new());
    const QByteArray cn = dnsNames.value(0).toUtf8();
    X509_NAME_add_entry_by_txt(name.get(), "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0);
    X509_set_subject_name(certificate.get(), name.get());
    X509_set_issuer_name(certificate.get(), X509_get_subject_name(issuer));
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), long(notBeforeDays) * 86400);
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), long(notAfterDays) * 86400);
    X509_set_pubkey(certificate.get(), key.get());
    QStringList san;
    for (const QString &dns : dnsNames)
        san << QStringLiteral("DNS:") + dns;
    const bool extended =
        addExtension(certificate.get(), issuer, NID_basic_constraints,
                     QStringLiteral("critical,CA:FALSE")) &&
        addExtension(certificate.get(), issuer, NID_authority_key_identifier,
                     QStringLiteral("keyid:always")) &&
        addExtension(certificate.get(), issuer, NID_subject_alt_name, san.join(QLatin1Char(','))) &&
        addExtension(certificate.get(), issuer, NID_ext_key_usage,
                     QStringLiteral("serverAuth,clientAuth"));
    if (!extended || X509_sign(certificate.get(), caKey.value().get(), EVP_sha256()) <= 0) {
        *error = QStringLiteral("signing failed: %1").arg(certs::takeOpenSslErrors());
        return false;
    }
    certs::BioPtr keyBio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(certs::certificateToPem(certificate.get()) + certs::bioContents(keyBio.get())) <
            0) {
        *error = QStringLiteral("cannot write %1").arg(path);
        return false;
    }
    return true;
}

} // namespace fedgate::test
