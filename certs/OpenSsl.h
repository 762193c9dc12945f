#pragma once

#include "topology/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/pkcs7.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <vector>

// RAII for the OpenSSL objects the certificate code handles, and the few
// conversions every part of it needs. Every OpenSSL object in certs/ lives in
// one of these handles, so no error path can leak one.
namespace fedgate::certs {

template <auto FreeFunction> struct OpenSslDeleter
{
    template <typename T> void operator()(T *object) const { FreeFunction(object); }
};

using PKeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY_free>>;
using PKeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, OpenSslDeleter<EVP_PKEY_CTX_free>>;
using X509Ptr = std::unique_ptr<X509, OpenSslDeleter<X509_free>>;
using X509ReqPtr = std::unique_ptr<X509_REQ, OpenSslDeleter<X509_REQ_free>>;
using X509CrlPtr = std::unique_ptr<X509_CRL, OpenSslDeleter<X509_CRL_free>>;
using X509NamePtr = std::unique_ptr<X509_NAME, OpenSslDeleter<X509_NAME_free>>;
using X509ExtensionPtr = std::unique_ptr<X509_EXTENSION, OpenSslDeleter<X509_EXTENSION_free>>;
using X509StorePtr = std::unique_ptr<X509_STORE, OpenSslDeleter<X509_STORE_free>>;
using X509StoreCtxPtr = std::unique_ptr<X509_STORE_CTX, OpenSslDeleter<X509_STORE_CTX_free>>;
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO_free_all>>;
using Pkcs12Ptr = std::unique_ptr<PKCS12, OpenSslDeleter<PKCS12_free>>;
using Pkcs7Ptr = std::unique_ptr<PKCS7, OpenSslDeleter<PKCS7_free>>;
using GeneralNamePtr = std::unique_ptr<GENERAL_NAME, OpenSslDeleter<GENERAL_NAME_free>>;
using GeneralNamesPtr = std::unique_ptr<GENERAL_NAMES, OpenSslDeleter<GENERAL_NAMES_free>>;
using Asn1ObjectPtr = std::unique_ptr<ASN1_OBJECT, OpenSslDeleter<ASN1_OBJECT_free>>;
using Asn1StringPtr = std::unique_ptr<ASN1_STRING, OpenSslDeleter<ASN1_STRING_free>>;
using Asn1IntegerPtr = std::unique_ptr<ASN1_INTEGER, OpenSslDeleter<ASN1_INTEGER_free>>;
using Asn1TypePtr = std::unique_ptr<ASN1_TYPE, OpenSslDeleter<ASN1_TYPE_free>>;
using BasicConstraintsPtr =
    std::unique_ptr<BASIC_CONSTRAINTS, OpenSslDeleter<BASIC_CONSTRAINTS_free>>;
using ExtKeyUsagePtr = std::unique_ptr<EXTENDED_KEY_USAGE, OpenSslDeleter<EXTENDED_KEY_USAGE_free>>;

struct X509StackDeleter
{
    void operator()(STACK_OF(X509) * stack) const { sk_X509_pop_free(stack, X509_free); }
};
using X509StackPtr = std::unique_ptr<STACK_OF(X509), X509StackDeleter>;

struct ExtensionStackDeleter
{
    void operator()(STACK_OF(X509_EXTENSION) * stack) const
    {
        sk_X509_EXTENSION_pop_free(stack, X509_EXTENSION_free);
    }
};
using ExtensionStackPtr = std::unique_ptr<STACK_OF(X509_EXTENSION), ExtensionStackDeleter>;

// An error for the user, with the file or store entry it is about.
inline Error userError(const QString &message, const QString &source = {})
{
    Error error;
    error.message = message;
    error.source = source;
    return error;
}

// Takes OpenSSL's queued errors (and empties the queue) as one readable
// string, "" when the queue is empty. OpenSSL's error queue is per thread,
// so this is safe to call from a worker thread.
QString takeOpenSslErrors();
// An Error with `sentence` for the user; OpenSSL's own reasons, when it gave
// any, follow in parentheses for the support engineer.
Error openSslError(const QString &sentence, const QString &source = {});

// Another reference to the same object (X509_up_ref / EVP_PKEY_up_ref).
X509Ptr share(X509 *certificate);
PKeyPtr share(EVP_PKEY *key);

// A read-only memory BIO over `data`, which must outlive it: a temporary
// would be freed while the BIO still reads it, so it does not compile.
BioPtr memoryBio(const QByteArray &data);
BioPtr memoryBio(QByteArray &&data) = delete;
QByteArray bioContents(BIO *bio);

QByteArray certificateToPem(X509 *certificate);
QByteArray certificatesToPem(const std::vector<X509Ptr> &certificates);
QByteArray certificateToDer(X509 *certificate);
QByteArray requestToPem(X509_REQ *request);
// Every CERTIFICATE block of `pem`, in order; stops at the first block that
// is not one.
std::vector<X509Ptr> certificatesFromPem(const QByteArray &pem);

// Private keys at rest: PKCS#8, encrypted with AES-256-CBC under PBKDF2.
Result<QByteArray> encryptedKeyPem(EVP_PKEY *key, const QByteArray &passphrase);
Result<PKeyPtr> decryptKeyPem(const QByteArray &pem, const QByteArray &passphrase,
                              const QString &source);

bool sameKey(EVP_PKEY *a, EVP_PKEY *b);       // compares public keys
bool sameCertificate(X509 *a, X509 *b);       // byte-for-byte
QString sha256Fingerprint(X509 *certificate); // "AB:CD:..."
// A short, stable id for a public key: the first 16 hex digits of the
// SHA-256 of its SubjectPublicKeyInfo.
QString publicKeyId(EVP_PKEY *key);
// Same for a certificate: the first 16 hex digits of its SHA-256 fingerprint.
QString certificateId(X509 *certificate);

QString nameToString(const X509_NAME *name); // RFC 2253 order, e.g. "CN=a,O=b"
QString commonName(const X509_NAME *name);   // "" when there is none
QString nameField(const X509_NAME *name,
                  int nid); // first value of e.g. NID_organizationName, "" when absent

} // namespace fedgate::certs
