#include "CertificateChainVerifier.h"

#include <QFile>

#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

namespace fedgate::engine {

namespace {
struct X509Free
{
    void operator()(X509 *p) const { X509_free(p); }
};
struct StoreFree
{
    void operator()(X509_STORE *p) const { X509_STORE_free(p); }
};
struct StoreCtxFree
{
    void operator()(X509_STORE_CTX *p) const { X509_STORE_CTX_free(p); }
};
struct StackFree
{
    void operator()(STACK_OF(X509) * p) const { sk_X509_pop_free(p, X509_free); }
};
struct BioFree
{
    void operator()(BIO *p) const { BIO_free(p); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;

X509Ptr fromDer(const QByteArray &der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    return X509Ptr(d2i_X509(nullptr, &p, der.size()));
}
} // namespace

struct CertificateChainVerifier::Private
{
    std::unique_ptr<X509_STORE, StoreFree> store{X509_STORE_new()};
};

CertificateChainVerifier::CertificateChainVerifier()
    : d(std::make_unique<Private>())
{}

CertificateChainVerifier::~CertificateChainVerifier() = default;

bool CertificateChainVerifier::addCaFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error =
                QStringLiteral("Cannot read the CA file %1: %2.").arg(path, file.errorString());
        return false;
    }
    const QByteArray pem = file.readAll();
    std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    int added = 0;
    while (X509Ptr cert{PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)}) {
        if (X509_STORE_add_cert(d->store.get(), cert.get()) == 1)
            ++added;
    }
    if (added == 0) {
        if (error)
            *error = QStringLiteral("The CA file %1 holds no PEM certificate.").arg(path);
        return false;
    }
    return true;
}

bool CertificateChainVerifier::useSystemDefaults()
{
    return X509_STORE_set_default_paths(d->store.get()) == 1;
}

CertificateStatus CertificateChainVerifier::verify(const QList<QByteArray> &chainDer,
                                                   QString *detail) const
{
    if (chainDer.isEmpty())
        return CertificateStatus::None;
    X509Ptr leaf = fromDer(chainDer.first());
    if (!leaf) {
        if (detail)
            *detail = QStringLiteral("the peer certificate cannot be decoded");
        return CertificateStatus::Untrusted;
    }
    std::unique_ptr<STACK_OF(X509), StackFree> untrusted(sk_X509_new_null());
    for (qsizetype i = 1; i < chainDer.size(); ++i)
        if (X509Ptr c = fromDer(chainDer[i]))
            sk_X509_push(untrusted.get(), c.release());
    std::unique_ptr<X509_STORE_CTX, StoreCtxFree> ctx(X509_STORE_CTX_new());
    if (!ctx || X509_STORE_CTX_init(ctx.get(), d->store.get(), leaf.get(), untrusted.get()) != 1)
        return CertificateStatus::Untrusted;
    if (X509_verify_cert(ctx.get()) == 1)
        return CertificateStatus::Valid;
    const int err = X509_STORE_CTX_get_error(ctx.get());
    if (detail)
        *detail = QString::fromUtf8(X509_verify_cert_error_string(err));
    switch (err) {
    case X509_V_ERR_CERT_HAS_EXPIRED:
    case X509_V_ERR_CERT_NOT_YET_VALID:
        return CertificateStatus::Expired;
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
        return CertificateStatus::SelfSigned;
    default:
        return CertificateStatus::Untrusted;
    }
}

} // namespace fedgate::engine
