#include "CertificateLint.h"

#include "CertificateInfo.h"
#include "KeyGenerator.h"

#include <QJsonArray>

#include <openssl/err.h>

namespace fedgate::certs {

namespace {

CertificateFinding finding(topology::Severity severity, const char *rule, const QString &message)
{
    CertificateFinding f;
    f.severity = severity;
    f.rule = QString::fromLatin1(rule);
    f.message = message;
    return f;
}

bool coversName(X509 *leaf, const QString &name)
{
    const QByteArray ascii = name.toLatin1();
    const int matched = X509_check_host(leaf, ascii.constData(), size_t(ascii.size()),
                                        X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS, nullptr);
    ERR_clear_error();
    return matched == 1;
}

} // namespace

QJsonObject CertificateFinding::toJson() const
{
    QJsonObject object{{QStringLiteral("severity"), topology::toString(severity)},
                       {QStringLiteral("rule"), rule},
                       {QStringLiteral("message"), message}};
    if (!names.isEmpty())
        object.insert(QStringLiteral("names"), QJsonArray::fromStringList(names));
    return object;
}

QList<CertificateFinding> lint(X509 *leaf, const Chain &chain, const LintOptions &options)
{
    using topology::Severity;
    QList<CertificateFinding> findings;
    const CertificateInfo info = CertificateInfo::of(leaf);
    const QDateTime now = options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc();
    const QString which = displayName(options.usage);

    QStringList missing;
    for (const QString &name : options.requiredNames) {
        if (!coversName(leaf, name))
            missing << name;
    }
    if (!missing.isEmpty()) {
        CertificateFinding f = finding(
            Severity::Error, "missing-names",
            QStringLiteral("The certificate does not cover %1, which the topology needs on the %2 "
                           "interface. Request a new certificate from the topology (fedgatectl "
                           "cert request) so that every name is in its subject alternative names.")
                .arg(missing.join(QStringLiteral(", ")), which));
        f.names = missing;
        findings << f;
    }

    if (info.notBefore.isValid() && now < info.notBefore)
        findings << finding(Severity::Error, "not-yet-valid",
                            QStringLiteral("The certificate is not valid before %1 UTC. Check this "
                                           "machine's clock, or wait until then to assign it.")
                                .arg(info.notBefore.toString(Qt::ISODate)));
    if (info.notAfter.isValid()) {
        const qint64 secondsLeft = now.secsTo(info.notAfter);
        const qint64 daysLeft = secondsLeft / 86400;
        if (secondsLeft < 0)
            findings << finding(Severity::Error, "expired",
                                QStringLiteral("The certificate expired on %1 UTC. Request a new "
                                               "one and assign it.")
                                    .arg(info.notAfter.toString(Qt::ISODate)));
        else if (secondsLeft <= 7 * 86400)
            findings << finding(Severity::Error, "expires-within-7-days",
                                QStringLiteral("The certificate expires on %1 UTC, in %2 day(s). "
                                               "Renew it now: partners will refuse it after that.")
                                    .arg(info.notAfter.toString(Qt::ISODate))
                                    .arg(daysLeft));
        else if (secondsLeft <= 30 * 86400)
            findings << finding(Severity::Warning, "expires-within-30-days",
                                QStringLiteral("The certificate expires on %1 UTC, in %2 days. "
                                               "Plan its renewal.")
                                    .arg(info.notAfter.toString(Qt::ISODate))
                                    .arg(daysLeft));
    }

    if (info.hasExtendedKeyUsage && !info.serverAuth)
        findings << finding(Severity::Error, "no-server-auth",
                            QStringLiteral("The certificate's extended key usage does not allow "
                                           "TLS server authentication, so partners refuse it on "
                                           "incoming connections. Request one with serverAuth "
                                           "and clientAuth."));
    if (info.hasExtendedKeyUsage && !info.clientAuth && options.usage == CertificateUsage::Gateway)
        findings << finding(Severity::Error, "no-client-auth",
                            QStringLiteral("The certificate's extended key usage lacks clientAuth. "
                                           "The gateway presents it as the client of the mutual "
                                           "TLS link to the edge (23456), which refuses it. "
                                           "Request one with serverAuth and clientAuth (the "
                                           "internal CA issues both)."));
    else if (info.hasExtendedKeyUsage && !info.clientAuth)
        findings << finding(
            Severity::Warning, "no-client-auth",
            QStringLiteral("The certificate's extended key usage lacks clientAuth. Partners that "
                           "check the purpose refuse it for SASL EXTERNAL on the connections this "
                           "edge opens; dialback still works. Public CAs such as Let's Encrypt "
                           "stopped including clientAuth in 2026: ask the CA for a profile with "
                           "clientAuth, or keep dialback enabled for those partners."));

    EVP_PKEY *key = X509_get0_pubkey(leaf);
    if (isRsa(key) && keyBits(key) < 2048)
        findings << finding(Severity::Error, "weak-rsa-key",
                            QStringLiteral("The certificate's RSA key has %1 bits; TLS libraries "
                                           "refuse keys below 2048 bits. Request a new "
                                           "certificate with RSA 2048 or more, or ECDSA.")
                                .arg(keyBits(key)));

    int digest = NID_undef;
    int publicKeyAlgorithm = NID_undef;
    if (OBJ_find_sigid_algs(X509_get_signature_nid(leaf), &digest, &publicKeyAlgorithm) == 1 &&
        (digest == NID_sha1 || digest == NID_md5))
        findings << finding(
            Severity::Error, "sha1-signature",
            QStringLiteral("The certificate is signed with %1, which current TLS "
                           "libraries reject. Ask the CA to issue it again with "
                           "SHA-256.")
                .arg(digest == NID_sha1 ? QStringLiteral("SHA-1") : QStringLiteral("MD5")));

    if (options.usage == CertificateUsage::ExternalEdge && info.selfSigned)
        findings << finding(Severity::Error, "self-signed-external",
                            QStringLiteral("The certificate is self-signed. Partners cannot "
                                           "verify it, so TLS with certificate checks and SASL "
                                           "EXTERNAL fail. Send the request to a public CA (or "
                                           "one your partners trust) and import its answer."));

    if (!chain.complete)
        findings << finding(Severity::Error, "incomplete-chain",
                            chain.problem +
                                QStringLiteral(" Partners need the intermediate certificates: "
                                               "import the CA's full chain (.p7b or a PEM file "
                                               "with every certificate), or install the issuer "
                                               "in the system trust store."));
    else if (options.usage == CertificateUsage::ExternalEdge && chain.endsAtAnchor &&
             !info.selfSigned)
        findings << finding(Severity::Warning, "untrusted-root",
                            QStringLiteral("The certificate was issued by Fedgate's internal CA, "
                                           "which partners do not trust. Use it for tests only; "
                                           "for federation, send a request to a public CA."));
    else if (!chain.trusted && !info.selfSigned && options.usage == CertificateUsage::ExternalEdge)
        findings << finding(Severity::Warning, "untrusted-root",
                            chain.problem +
                                QStringLiteral(" Partners that do not trust this root will refuse "
                                               "the certificate; use a CA they trust."));

    if (info.dnsNames.isEmpty() && info.srvIds.isEmpty() && info.xmppAddrs.isEmpty())
        findings << finding(Severity::Warning, "cn-only",
                            QStringLiteral("The certificate names '%1' only in its common name and "
                                           "has no subject alternative names. RFC 6125 verifiers "
                                           "ignore the common name; request a certificate with "
                                           "the names as SANs.")
                                .arg(info.commonName));
    return findings;
}

bool hasErrors(const QList<CertificateFinding> &findings)
{
    for (const CertificateFinding &f : findings) {
        if (f.severity == topology::Severity::Error)
            return true;
    }
    return false;
}

} // namespace fedgate::certs
