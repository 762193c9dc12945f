#include "OpenSsl.h"

#include <openssl/err.h>
#include <openssl/pem.h>

#include <cstring>

namespace fedgate::certs {

QString takeOpenSslErrors()
{
    QStringList reasons;
    unsigned long code = 0;
    while ((code = ERR_get_error()) != 0) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        const char *reason = ERR_reason_error_string(code);
        const QString text = reason ? QString::fromUtf8(reason) : QString::fromUtf8(buffer);
        if (!reasons.contains(text))
            reasons << text;
    }
    return reasons.join(QStringLiteral("; "));
}

Error openSslError(const QString &sentence, const QString &source)
{
    const QString reasons = takeOpenSslErrors();
    Error error;
    error.message =
        reasons.isEmpty() ? sentence : sentence + QStringLiteral(" (OpenSSL: %1)").arg(reasons);
    error.source = source;
    return error;
}

X509Ptr share(X509 *certificate)
{
    if (certificate)
        X509_up_ref(certificate);
    return X509Ptr(certificate);
}

PKeyPtr share(EVP_PKEY *key)
{
    if (key)
        EVP_PKEY_up_ref(key);
    return PKeyPtr(key);
}

BioPtr memoryBio(const QByteArray &data)
{
    // A read-only memory BIO over `data`; the caller keeps `data` alive.
    return BioPtr(BIO_new_mem_buf(data.constData(), int(data.size())));
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(length));
}

QByteArray certificateToPem(X509 *certificate)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), certificate) != 1)
        return {};
    return bioContents(bio.get());
}

QByteArray certificatesToPem(const std::vector<X509Ptr> &certificates)
{
    QByteArray pem;
    for (const X509Ptr &certificate : certificates)
        pem += certificateToPem(certificate.get());
    return pem;
}

QByteArray certificateToDer(X509 *certificate)
{
    unsigned char *der = nullptr;
    const int length = i2d_X509(certificate, &der);
    if (length <= 0)
        return {};
    QByteArray bytes(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    return bytes;
}

QByteArray requestToPem(X509_REQ *request)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509_REQ(bio.get(), request) != 1)
        return {};
    return bioContents(bio.get());
}

std::vector<X509Ptr> certificatesFromPem(const QByteArray &pem)
{
    std::vector<X509Ptr> certificates;
    BioPtr bio = memoryBio(pem);
    while (X509 *certificate = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr))
        certificates.push_back(X509Ptr(certificate));
    ERR_clear_error(); // the loop always ends on a "no start line" error
    return certificates;
}

namespace {
// Hands the key-store passphrase to OpenSSL without the default callback's
// prompt on the terminal.
int passphraseCallback(char *buffer, int size, int /*rwflag*/, void *userData)
{
    const auto *passphrase = static_cast<const QByteArray *>(userData);
    if (!passphrase || passphrase->size() > size)
        return -1;
    std::memcpy(buffer, passphrase->constData(), size_t(passphrase->size()));
    return int(passphrase->size());
}
} // namespace

Result<QByteArray> encryptedKeyPem(EVP_PKEY *key, const QByteArray &passphrase)
{
    if (passphrase.isEmpty())
        return userError(QStringLiteral("Refusing to write a private key without a passphrase."));
    BioPtr bio(BIO_new(BIO_s_mem()));
    QByteArray copy = passphrase;
    if (!bio || PEM_write_bio_PKCS8PrivateKey(bio.get(), key, EVP_aes_256_cbc(), copy.data(),
                                              int(copy.size()), nullptr, nullptr) != 1)
        return openSslError(QStringLiteral("Could not encrypt the private key."));
    return bioContents(bio.get());
}

Result<PKeyPtr> decryptKeyPem(const QByteArray &pem, const QByteArray &passphrase,
                              const QString &source)
{
    BioPtr bio = memoryBio(pem);
    QByteArray copy = passphrase;
    PKeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, passphraseCallback, &copy));
    if (!key)
        return openSslError(
            QStringLiteral("Could not decrypt the private key in %1: the key store passphrase is "
                           "wrong or the file is damaged. If FEDGATE_KEYSTORE_PASSPHRASE is set, "
                           "check that it is the one the key was written with.")
                .arg(source),
            source);
    return key;
}

bool sameKey(EVP_PKEY *a, EVP_PKEY *b)
{
    if (!a || !b)
        return false;
    const bool equal = EVP_PKEY_eq(a, b) == 1;
    ERR_clear_error(); // comparing keys of different types queues an error
    return equal;
}

bool sameCertificate(X509 *a, X509 *b)
{
    return a && b && X509_cmp(a, b) == 0;
}

namespace {
QString hexDigest(const unsigned char *digest, unsigned length, bool colons)
{
    QByteArray bytes(reinterpret_cast<const char *>(digest), int(length));
    return colons ? QString::fromLatin1(bytes.toHex(':').toUpper())
                  : QString::fromLatin1(bytes.toHex());
}
} // namespace

QString sha256Fingerprint(X509 *certificate)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned length = 0;
    if (X509_digest(certificate, EVP_sha256(), digest, &length) != 1)
        return {};
    return hexDigest(digest, length, true);
}

QString publicKeyId(EVP_PKEY *key)
{
    unsigned char *der = nullptr;
    const int length = i2d_PUBKEY(key, &der);
    if (length <= 0)
        return {};
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned digestLength = 0;
    EVP_Digest(der, size_t(length), digest, &digestLength, EVP_sha256(), nullptr);
    OPENSSL_free(der);
    return hexDigest(digest, digestLength, false).left(16);
}

QString certificateId(X509 *certificate)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned length = 0;
    if (X509_digest(certificate, EVP_sha256(), digest, &length) != 1)
        return {};
    return hexDigest(digest, length, false).left(16);
}

QString nameToString(const X509_NAME *name)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!name || !bio)
        return {};
    X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    return QString::fromUtf8(bioContents(bio.get()));
}

QString commonName(const X509_NAME *name)
{
    return nameField(name, NID_commonName);
}

QString nameField(const X509_NAME *name, int nid)
{
    if (!name)
        return {};
    const int index = X509_NAME_get_index_by_NID(name, nid, -1);
    if (index < 0)
        return {};
    const ASN1_STRING *data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
    unsigned char *utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, data);
    if (length < 0)
        return {};
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(utf8), length);
    OPENSSL_free(utf8);
    return text;
}

} // namespace fedgate::certs
