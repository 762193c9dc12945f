#include "InternalCa.h"

#include "KeyGenerator.h"
#include "KeyStoreSecret.h"
#include "SecureFile.h"

#include <QFile>
#include <QFileInfo>
#include <QSysInfo>

#include <openssl/err.h>
#include <openssl/rand.h>

namespace fedgate::certs {

namespace {

Error caError(const QString &message, const QString &source = {})
{
    Error error;
    error.message = message;
    error.source = source;
    return error;
}

Status setRandomSerial(X509 *certificate)
{
    // 159 random bits: unique without a serial file, and positive as RFC 5280
    // requires.
    unsigned char bytes[20];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        return openSslError(QStringLiteral("The random number generator failed."));
    bytes[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(bytes, sizeof bytes, nullptr);
    Asn1IntegerPtr serial(bn ? BN_to_ASN1_INTEGER(bn, nullptr) : nullptr);
    BN_free(bn);
    if (!serial || X509_set_serialNumber(certificate, serial.get()) != 1)
        return openSslError(QStringLiteral("Could not set the serial number."));
    return Status::success();
}

Status addExtension(X509 *certificate, X509V3_CTX *context, int nid, const char *value)
{
    X509ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, context, nid, value));
    if (!extension || X509_add_ext(certificate, extension.get(), -1) != 1)
        return openSslError(QStringLiteral("Could not add the %1 extension.")
                                .arg(QString::fromLatin1(OBJ_nid2sn(nid))));
    return Status::success();
}

Status setValidity(X509 *certificate, int days)
{
    // Five minutes in the past, for peers whose clocks run a little behind.
    if (!X509_gmtime_adj(X509_getm_notBefore(certificate), -300) ||
        !X509_time_adj_ex(X509_getm_notAfter(certificate), days, 0, nullptr))
        return openSslError(QStringLiteral("Could not set the validity dates."));
    return Status::success();
}

} // namespace

InternalCa::InternalCa(const QString &dataDirectory)
    : m_directory(dataDirectory + QStringLiteral("/ca"))
    , m_secretPath(dataDirectory + QStringLiteral("/certs/keystore.secret"))
{}

QString InternalCa::certificatePath() const
{
    return m_directory + QStringLiteral("/ca.pem");
}
QString InternalCa::keyPath() const
{
    return m_directory + QStringLiteral("/ca.key");
}

bool InternalCa::exists() const
{
    return QFileInfo::exists(certificatePath()) && QFileInfo::exists(keyPath());
}

Status InternalCa::create(const QString &commonName, KeyType keyType, int days, bool replace)
{
    if (exists() && !replace)
        return caError(QStringLiteral("The internal CA already exists (%1). Replacing it makes "
                                      "every certificate it issued untrusted; pass --force if "
                                      "that is what you want.")
                           .arg(certificatePath()),
                       certificatePath());
    if (days < 1 || days > 36500)
        return caError(QStringLiteral("The CA's validity must be between 1 and 36500 days."));
    Result<QByteArray> passphrase = KeyStoreSecret::passphrase(m_secretPath);
    if (!passphrase)
        return passphrase.error();
    Result<PKeyPtr> keyResult = generateKey(keyType);
    if (!keyResult)
        return keyResult.error();
    EVP_PKEY *caKey = keyResult.value().get();

    const QString name =
        commonName.isEmpty()
            ? QStringLiteral("Fedgate internal CA (%1)").arg(QSysInfo::machineHostName())
            : commonName;
    X509Ptr certificate(X509_new());
    X509NamePtr subject(X509_NAME_new());
    const QByteArray nameUtf8 = name.toUtf8();
    if (!certificate || !subject || X509_set_version(certificate.get(), X509_VERSION_3) != 1 ||
        X509_NAME_add_entry_by_txt(subject.get(), "O", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>("Fedgate"), -1, -1,
                                   0) != 1 ||
        X509_NAME_add_entry_by_txt(subject.get(), "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(nameUtf8.constData()),
                                   int(nameUtf8.size()), -1, 0) != 1 ||
        X509_set_subject_name(certificate.get(), subject.get()) != 1 ||
        X509_set_issuer_name(certificate.get(), subject.get()) != 1 ||
        X509_set_pubkey(certificate.get(), caKey) != 1)
        return openSslError(QStringLiteral("Could not build the CA certificate."));
    if (Status s = setRandomSerial(certificate.get()); !s)
        return s;
    if (Status s = setValidity(certificate.get(), days); !s)
        return s;
    X509V3_CTX context;
    X509V3_set_ctx(&context, certificate.get(), certificate.get(), nullptr, nullptr, 0);
    for (const auto &[nid, value] : {std::pair{NID_basic_constraints, "critical,CA:TRUE,pathlen:0"},
                                     std::pair{NID_key_usage, "critical,keyCertSign,cRLSign"},
                                     std::pair{NID_subject_key_identifier, "hash"},
                                     std::pair{NID_authority_key_identifier, "keyid:always"}}) {
        if (Status s = addExtension(certificate.get(), &context, nid, value); !s)
            return s;
    }
    if (X509_sign(certificate.get(), caKey, signingDigest(caKey)) <= 0)
        return openSslError(QStringLiteral("Could not sign the CA certificate."));

    Result<QByteArray> keyPem = encryptedKeyPem(caKey, passphrase.value());
    if (!keyPem)
        return keyPem.error();
    // Key first: a certificate without its key would look like a usable CA.
    if (Status s = writeFileAtomically(keyPath(), keyPem.value()); !s)
        return s;
    return writeFileAtomically(certificatePath(), certificateToPem(certificate.get()),
                               FileMode::Public);
}

Result<X509Ptr> InternalCa::certificate() const
{
    QFile file(certificatePath());
    if (!file.open(QIODevice::ReadOnly))
        return caError(QStringLiteral("The internal CA does not exist yet. Create it with "
                                      "'fedgatectl ca create'."),
                       certificatePath());
    std::vector<X509Ptr> certificates = certificatesFromPem(file.readAll());
    if (certificates.empty())
        return caError(QStringLiteral("The internal CA certificate %1 is damaged. Restore it "
                                      "from a backup or create a new CA (fedgatectl ca create "
                                      "--force).")
                           .arg(certificatePath()),
                       certificatePath());
    return std::move(certificates.front());
}

Result<PKeyPtr> InternalCa::key() const
{
    QFile file(keyPath());
    if (!file.open(QIODevice::ReadOnly))
        return caError(QStringLiteral("The internal CA's key %1 cannot be read: %2.")
                           .arg(keyPath(), file.errorString()),
                       keyPath());
    Result<QByteArray> passphrase = KeyStoreSecret::passphrase(m_secretPath);
    if (!passphrase)
        return passphrase.error();
    return decryptKeyPem(file.readAll(), passphrase.value(), keyPath());
}

Result<X509Ptr> InternalCa::issue(X509_REQ *csr, int days) const
{
    if (days < 1 || days > 3650)
        return caError(QStringLiteral("A certificate's validity must be between 1 and 3650 "
                                      "days."));
    EVP_PKEY *requestKey = X509_REQ_get0_pubkey(csr);
    if (!requestKey || X509_REQ_verify(csr, requestKey) != 1)
        return openSslError(QStringLiteral("The request's signature does not verify: it was "
                                           "damaged or edited after it was made. Make a new "
                                           "request."));
    Result<X509Ptr> caCertificate = certificate();
    if (!caCertificate)
        return caCertificate.error();
    Result<PKeyPtr> caKey = key();
    if (!caKey)
        return caKey.error();

    X509Ptr issued(X509_new());
    if (!issued || X509_set_version(issued.get(), X509_VERSION_3) != 1 ||
        X509_set_subject_name(issued.get(), X509_REQ_get_subject_name(csr)) != 1 ||
        X509_set_issuer_name(issued.get(), X509_get_subject_name(caCertificate.value().get())) !=
            1 ||
        X509_set_pubkey(issued.get(), requestKey) != 1)
        return openSslError(QStringLiteral("Could not build the certificate."));
    if (Status s = setRandomSerial(issued.get()); !s)
        return s.error();
    if (Status s = setValidity(issued.get(), days); !s)
        return s.error();

    // Only the extensions that describe the server's identity and purpose
    // are taken from the request; CA:FALSE is ours, whatever it asked.
    ExtensionStackPtr requested(X509_REQ_get_extensions(csr));
    for (int i = 0; requested && i < sk_X509_EXTENSION_num(requested.get()); ++i) {
        X509_EXTENSION *extension = sk_X509_EXTENSION_value(requested.get(), i);
        const int nid = OBJ_obj2nid(X509_EXTENSION_get_object(extension));
        if (nid == NID_subject_alt_name || nid == NID_key_usage || nid == NID_ext_key_usage)
            X509_add_ext(issued.get(), extension, -1);
    }
    X509V3_CTX context;
    X509V3_set_ctx(&context, caCertificate.value().get(), issued.get(), nullptr, nullptr, 0);
    for (const auto &[nid, value] : {std::pair{NID_basic_constraints, "critical,CA:FALSE"},
                                     std::pair{NID_subject_key_identifier, "hash"},
                                     std::pair{NID_authority_key_identifier, "keyid:always"}}) {
        if (Status s = addExtension(issued.get(), &context, nid, value); !s)
            return s.error();
    }
    if (X509_sign(issued.get(), caKey.value().get(), signingDigest(caKey.value().get())) <= 0)
        return openSslError(QStringLiteral("Could not sign the certificate with the internal "
                                           "CA's key."));
    return issued;
}

} // namespace fedgate::certs
