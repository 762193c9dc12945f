#include "ChainBuilder.h"

#include "CertificateInfo.h"

#include <openssl/err.h>
#include <openssl/x509_vfy.h>

namespace fedgate::certs {

namespace {

bool isSelfSigned(X509 *certificate)
{
    X509_check_purpose(certificate, -1, 0);
    return (X509_get_extension_flags(certificate) & EXFLAG_SS) != 0;
}

// Follows issuer links through `given` only; used when OpenSSL's builder
// stopped early, so the partial chain is still in the right order.
std::vector<X509Ptr> orderFromGiven(X509 *leaf, const std::vector<X509Ptr> &given)
{
    std::vector<X509Ptr> chain;
    chain.push_back(share(leaf));
    X509 *current = leaf;
    for (size_t step = 0; step < given.size() && !isSelfSigned(current); ++step) {
        X509 *issuer = nullptr;
        for (const X509Ptr &candidate : given) {
            if (!sameCertificate(candidate.get(), current) &&
                X509_check_issued(candidate.get(), current) == X509_V_OK) {
                issuer = candidate.get();
                break;
            }
        }
        if (!issuer)
            break;
        chain.push_back(share(issuer));
        current = issuer;
    }
    return chain;
}

} // namespace

Chain buildChain(X509 *leaf, const std::vector<X509Ptr> &given, const std::vector<X509Ptr> &anchors)
{
    Chain result;
    X509StorePtr store(X509_STORE_new());
    X509StackPtr untrusted(sk_X509_new_null());
    X509StoreCtxPtr context(X509_STORE_CTX_new());
    if (!store || !untrusted || !context) {
        result.certificates = orderFromGiven(leaf, given);
        result.problem = QStringLiteral("Out of memory while building the chain.");
        return result;
    }
    X509_STORE_set_default_paths(store.get());
    for (const X509Ptr &anchor : anchors)
        X509_STORE_add_cert(store.get(), anchor.get());
    for (const X509Ptr &certificate : given) {
        X509_up_ref(certificate.get());
        sk_X509_push(untrusted.get(), certificate.get());
    }
    X509_STORE_CTX_init(context.get(), store.get(), leaf, untrusted.get());
    X509_STORE_CTX_set_flags(context.get(), X509_V_FLAG_NO_CHECK_TIME);
    const bool verified = X509_verify_cert(context.get()) == 1;
    const int error = X509_STORE_CTX_get_error(context.get());
    ERR_clear_error();

    if (STACK_OF(X509) *built = X509_STORE_CTX_get0_chain(context.get())) {
        for (int i = 0; i < sk_X509_num(built); ++i)
            result.certificates.push_back(share(sk_X509_value(built, i)));
    }
    if (result.certificates.empty())
        result.certificates = orderFromGiven(leaf, given);

    X509 *last = result.certificates.back().get();
    if (verified) {
        result.complete = true;
        result.trusted = true;
        for (const X509Ptr &anchor : anchors)
            result.endsAtAnchor = result.endsAtAnchor || sameCertificate(anchor.get(), last);
        return result;
    }
    switch (error) {
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
        result.complete = true;
        result.problem =
            QStringLiteral("The chain ends at '%1', a root this machine does not trust.")
                .arg(nameToString(X509_get_subject_name(last)));
        break;
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE: {
        // OpenSSL may have dropped the partial chain; order what was given.
        std::vector<X509Ptr> partial = orderFromGiven(leaf, given);
        if (partial.size() > result.certificates.size())
            result.certificates = std::move(partial);
        last = result.certificates.back().get();
        result.complete = isSelfSigned(last);
        result.problem =
            QStringLiteral("The chain stops at '%1': its issuer '%2' was not in the file, the "
                           "internal CA or the system trust store.")
                .arg(nameToString(X509_get_subject_name(last)),
                     nameToString(X509_get_issuer_name(last)));
        break;
    }
    default:
        result.complete = isSelfSigned(last);
        result.problem = QStringLiteral("The chain does not verify: %1.")
                             .arg(QString::fromUtf8(X509_verify_cert_error_string(error)));
        break;
    }
    return result;
}

std::vector<X509Ptr> servedChain(const Chain &chain)
{
    std::vector<X509Ptr> served;
    for (size_t i = 0; i < chain.certificates.size(); ++i) {
        X509 *certificate = chain.certificates.at(i).get();
        // The root is in the peer's trust store or it is no use; sending it
        // only costs bytes. A self-signed leaf is the exception: it is all
        // there is.
        if (i > 0 && isSelfSigned(certificate))
            continue;
        served.push_back(share(certificate));
    }
    return served;
}

} // namespace fedgate::certs
