#include "CertificateFile.h"

#include <QFile>
#include <QFileInfo>

#include <openssl/err.h>
#include <openssl/pem.h>

#include <cstring>

namespace fedgate::certs {

namespace {

Error fileError(const QString &sourceName, const QString &message)
{
    Error error;
    error.message = message;
    error.source = sourceName;
    return error;
}

int passwordCallback(char *buffer, int size, int /*rwflag*/, void *userData)
{
    const auto *password = static_cast<const QByteArray *>(userData);
    if (!password || password->size() > size)
        return -1;
    std::memcpy(buffer, password->constData(), size_t(password->size()));
    return int(password->size());
}

void appendPkcs7(PKCS7 *p7, std::vector<X509Ptr> &certificates)
{
    STACK_OF(X509) *stack = nullptr;
    if (PKCS7_type_is_signed(p7) && p7->d.sign)
        stack = p7->d.sign->cert;
    else if (PKCS7_type_is_signedAndEnveloped(p7) && p7->d.signed_and_enveloped)
        stack = p7->d.signed_and_enveloped->cert;
    for (int i = 0; stack && i < sk_X509_num(stack); ++i)
        certificates.push_back(share(sk_X509_value(stack, i)));
}

const QString kWhatWeRead = QStringLiteral(
    "Fedgate reads PEM, DER, PKCS#7 (.p7b) and PKCS#12 (.pfx/.p12) certificate files.");

Result<CertificateFile> parsePem(const QByteArray &data, const QString &sourceName,
                                 const QByteArray &password)
{
    CertificateFile file;
    file.format = QStringLiteral("PEM");
    QList<QByteArray> keyBlocks; // each private key block, alone, as PEM
    BioPtr bio = memoryBio(data);
    for (int block = 1;; ++block) {
        char *name = nullptr;
        char *header = nullptr;
        unsigned char *body = nullptr;
        long length = 0;
        if (PEM_read_bio(bio.get(), &name, &header, &body, &length) != 1) {
            const unsigned long code = ERR_peek_last_error();
            ERR_clear_error();
            if (ERR_GET_REASON(code) == PEM_R_NO_START_LINE)
                break; // no more blocks
            return fileError(sourceName,
                             QStringLiteral("%1 is damaged: PEM block %2 cannot be decoded (cut "
                                            "short, edited, or not base64). Download or copy the "
                                            "file again from the CA.")
                                 .arg(QFileInfo(sourceName).fileName())
                                 .arg(block));
        }
        const QByteArray type(name);
        const QByteArray der(reinterpret_cast<const char *>(body), int(length));
        if (type.endsWith("PRIVATE KEY")) {
            // Re-encoded alone so that each key is decoded (and its password
            // checked) on its own, with errors about that key only.
            BioPtr single(BIO_new(BIO_s_mem()));
            if (single && PEM_write_bio(single.get(), name, header, body, length) > 0)
                keyBlocks << bioContents(single.get());
        }
        OPENSSL_free(name);
        OPENSSL_free(header);
        OPENSSL_free(body);
        const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
        if (type == "CERTIFICATE" || type == "X509 CERTIFICATE" || type == "TRUSTED CERTIFICATE") {
            X509 *certificate = type == "TRUSTED CERTIFICATE"
                                    ? d2i_X509_AUX(nullptr, &p, long(der.size()))
                                    : d2i_X509(nullptr, &p, long(der.size()));
            if (!certificate)
                return openSslError(QStringLiteral("Certificate %1 in %2 is damaged. Download it "
                                                   "again from the CA.")
                                        .arg(block)
                                        .arg(QFileInfo(sourceName).fileName()),
                                    sourceName);
            file.certificates.push_back(X509Ptr(certificate));
        } else if (type == "PKCS7") {
            Pkcs7Ptr p7(d2i_PKCS7(nullptr, &p, long(der.size())));
            if (!p7)
                return openSslError(QStringLiteral("The PKCS#7 block in %1 is damaged.")
                                        .arg(QFileInfo(sourceName).fileName()),
                                    sourceName);
            appendPkcs7(p7.get(), file.certificates);
        } else if (type == "X509 CRL") {
            return fileError(sourceName,
                             QStringLiteral("%1 is a certificate revocation list (CRL), not a "
                                            "certificate. Import the certificate the CA issued "
                                            "for your request.")
                                 .arg(QFileInfo(sourceName).fileName()));
        } else if (type == "CERTIFICATE REQUEST" || type == "NEW CERTIFICATE REQUEST") {
            return fileError(sourceName,
                             QStringLiteral("%1 is a certificate request (CSR), not a "
                                            "certificate. Send it to your CA and import the "
                                            "certificate the CA sends back.")
                                 .arg(QFileInfo(sourceName).fileName()));
        }
    }
    for (const QByteArray &block : keyBlocks) {
        BioPtr keyBio = memoryBio(block);
        QByteArray copy = password;
        PKeyPtr key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, passwordCallback, &copy));
        if (key) {
            file.keys.push_back(std::move(key));
            continue;
        }
        const bool encrypted = block.contains("ENCRYPTED");
        ERR_clear_error();
        const QString fileName = QFileInfo(sourceName).fileName();
        return fileError(sourceName,
                         encrypted ? (password.isEmpty()
                                          ? QStringLiteral("The private key in %1 is encrypted. "
                                                           "Give its password (--password).")
                                                .arg(fileName)
                                          : QStringLiteral("The private key in %1 is encrypted "
                                                           "and the password is wrong. Give the "
                                                           "password it was exported with.")
                                                .arg(fileName))
                                   : QStringLiteral("The private key in %1 cannot be read. Export "
                                                    "it again (PKCS#8 PEM or PKCS#12).")
                                         .arg(fileName));
    }
    if (file.certificates.empty())
        return fileError(sourceName, QStringLiteral("%1 holds no certificate. %2")
                                         .arg(QFileInfo(sourceName).fileName(), kWhatWeRead));
    return file;
}

Result<CertificateFile> parsePkcs12(PKCS12 *p12, const QString &sourceName,
                                    const QByteArray &password)
{
    const QString fileName = QFileInfo(sourceName).fileName();
    // An empty password may mean "no password" (NULL) or "" depending on the
    // exporter; try both before calling it wrong.
    const char *pass = password.constData();
    if (PKCS12_mac_present(p12)) {
        if (PKCS12_verify_mac(p12, pass, int(password.size())) != 1) {
            if (password.isEmpty() && PKCS12_verify_mac(p12, nullptr, 0) == 1) {
                pass = nullptr;
            } else {
                ERR_clear_error();
                return fileError(sourceName,
                                 password.isEmpty()
                                     ? QStringLiteral("%1 is protected by a password. Give it "
                                                      "with the file (--password).")
                                           .arg(fileName)
                                     : QStringLiteral("The password for %1 is wrong. Give the "
                                                      "password the file was exported with.")
                                           .arg(fileName));
            }
        }
    }
    EVP_PKEY *rawKey = nullptr;
    X509 *rawCertificate = nullptr;
    STACK_OF(X509) *rawCa = nullptr;
    if (PKCS12_parse(p12, pass, &rawKey, &rawCertificate, &rawCa) != 1)
        return openSslError(
            QStringLiteral("%1 cannot be opened. If it was exported by an old system with RC2 "
                           "or 40-bit encryption, export it again with AES (Windows: "
                           "'AES256-SHA256').")
                .arg(fileName),
            sourceName);
    PKeyPtr key(rawKey);
    X509Ptr certificate(rawCertificate);
    X509StackPtr ca(rawCa);
    CertificateFile file;
    file.format = QStringLiteral("PKCS#12");
    if (certificate)
        file.certificates.push_back(std::move(certificate));
    for (int i = 0; ca && i < sk_X509_num(ca.get()); ++i)
        file.certificates.push_back(share(sk_X509_value(ca.get(), i)));
    if (key)
        file.keys.push_back(std::move(key));
    if (file.certificates.empty())
        return fileError(sourceName, QStringLiteral("%1 holds no certificate.").arg(fileName));
    return file;
}

Result<CertificateFile> parseDer(const QByteArray &data, const QString &sourceName,
                                 const QByteArray &password)
{
    const QString fileName = QFileInfo(sourceName).fileName();
    const auto *begin = reinterpret_cast<const unsigned char *>(data.constData());
    const long length = long(data.size());
    // Each decoder must consume the whole file: a prefix that happens to
    // decode is not the file.
    auto whole = [&](const unsigned char *end) { return end == begin + length; };

    const unsigned char *p = begin;
    if (X509Ptr certificate{d2i_X509(nullptr, &p, length)}; certificate && whole(p)) {
        CertificateFile file;
        file.format = QStringLiteral("DER");
        file.certificates.push_back(std::move(certificate));
        return file;
    }
    p = begin;
    if (Pkcs7Ptr p7{d2i_PKCS7(nullptr, &p, length)}; p7 && whole(p)) {
        CertificateFile file;
        file.format = QStringLiteral("PKCS#7");
        appendPkcs7(p7.get(), file.certificates);
        if (file.certificates.empty())
            return fileError(
                sourceName,
                QStringLiteral("The PKCS#7 file %1 holds no certificate.").arg(fileName));
        return file;
    }
    p = begin;
    if (Pkcs12Ptr p12{d2i_PKCS12(nullptr, &p, length)}; p12 && whole(p)) {
        ERR_clear_error();
        return parsePkcs12(p12.get(), sourceName, password);
    }
    p = begin;
    if (X509CrlPtr crl{d2i_X509_CRL(nullptr, &p, length)}; crl && whole(p)) {
        ERR_clear_error();
        return fileError(sourceName,
                         QStringLiteral("%1 is a certificate revocation list (CRL), not a "
                                        "certificate. Import the certificate the CA issued for "
                                        "your request.")
                             .arg(fileName));
    }
    p = begin;
    if (X509ReqPtr csr{d2i_X509_REQ(nullptr, &p, length)}; csr && whole(p)) {
        ERR_clear_error();
        return fileError(sourceName,
                         QStringLiteral("%1 is a certificate request (CSR), not a certificate. "
                                        "Send it to your CA and import the certificate the CA "
                                        "sends back.")
                             .arg(fileName));
    }
    ERR_clear_error();
    return fileError(sourceName,
                     QStringLiteral("%1 is not a certificate file Fedgate recognises (%2 bytes "
                                    "that are neither PEM nor a DER certificate, PKCS#7 or "
                                    "PKCS#12). %3")
                         .arg(fileName)
                         .arg(data.size())
                         .arg(kWhatWeRead));
}

} // namespace

Result<CertificateFile> CertificateFile::parse(const QByteArray &data, const QString &sourceName,
                                               const QByteArray &password)
{
    ERR_clear_error();
    if (data.isEmpty())
        return fileError(sourceName, QStringLiteral("%1 is empty.").arg(sourceName));
    if (data.size() > kMaxSize)
        return fileError(sourceName,
                         QStringLiteral("%1 is %2 MB, far larger than any certificate file. "
                                        "Check that you picked the right file.")
                             .arg(QFileInfo(sourceName).fileName())
                             .arg(data.size() / (1024 * 1024)));
    if (data.contains("-----BEGIN "))
        return parsePem(data, sourceName, password);
    return parseDer(data, sourceName, password);
}

Result<CertificateFile> CertificateFile::read(const QString &path, const QByteArray &password)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fileError(path, QStringLiteral("Cannot read %1: %2.").arg(path, file.errorString()));
    if (file.size() > kMaxSize)
        return fileError(path, QStringLiteral("%1 is %2 MB, far larger than any certificate "
                                              "file. Check that you picked the right file.")
                                   .arg(path)
                                   .arg(file.size() / (1024 * 1024)));
    return parse(file.readAll(), path, password);
}

} // namespace fedgate::certs
