#include "ServerIdentityVerifier.h"

#include <openssl/asn1.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace fedgate::engine {

namespace {
struct X509Free
{
    void operator()(X509 *p) const { X509_free(p); }
};
struct GeneralNamesFree
{
    void operator()(GENERAL_NAMES *p) const { GENERAL_NAMES_free(p); }
};
struct Asn1ObjectFree
{
    void operator()(ASN1_OBJECT *p) const { ASN1_OBJECT_free(p); }
};

using X509Ptr = std::unique_ptr<X509, X509Free>;

constexpr const char *kOidXmppAddr = "1.3.6.1.5.5.7.8.5";
constexpr const char *kOidDnsSrv = "1.3.6.1.5.5.7.8.7";

X509Ptr parse(const QByteArray &der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    return X509Ptr(d2i_X509(nullptr, &p, der.size()));
}

QString asn1String(const ASN1_STRING *s)
{
    if (!s)
        return {};
    return QString::fromUtf8(reinterpret_cast<const char *>(ASN1_STRING_get0_data(s)),
                             ASN1_STRING_length(s));
}

QString normalise(QString domain)
{
    domain = domain.toLower();
    if (domain.endsWith(QLatin1Char('.')))
        domain.chop(1);
    return domain;
}

struct Identities
{
    QStringList dns;
    QStringList srv; // full SRV-ID, "_xmpp-server.example.com"
    QStringList xmpp;
    QStringList cn;
    bool hasSanIdentity() const { return !dns.isEmpty() || !srv.isEmpty() || !xmpp.isEmpty(); }
};

Identities collect(X509 *cert)
{
    Identities ids;
    std::unique_ptr<ASN1_OBJECT, Asn1ObjectFree> xmppOid(OBJ_txt2obj(kOidXmppAddr, 1));
    std::unique_ptr<ASN1_OBJECT, Asn1ObjectFree> srvOid(OBJ_txt2obj(kOidDnsSrv, 1));
    std::unique_ptr<GENERAL_NAMES, GeneralNamesFree> names(static_cast<GENERAL_NAMES *>(
        X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr)));
    if (names) {
        for (int i = 0; i < sk_GENERAL_NAME_num(names.get()); ++i) {
            const GENERAL_NAME *name = sk_GENERAL_NAME_value(names.get(), i);
            if (name->type == GEN_DNS) {
                ids.dns.append(asn1String(name->d.dNSName));
            } else if (name->type == GEN_OTHERNAME) {
                const OTHERNAME *other = name->d.otherName;
                const ASN1_TYPE *value = other->value;
                if (OBJ_cmp(other->type_id, xmppOid.get()) == 0 && value->type == V_ASN1_UTF8STRING)
                    ids.xmpp.append(asn1String(value->value.utf8string));
                else if (OBJ_cmp(other->type_id, srvOid.get()) == 0 &&
                         value->type == V_ASN1_IA5STRING)
                    ids.srv.append(asn1String(value->value.ia5string));
            }
        }
    }
    const X509_NAME *subject = X509_get_subject_name(cert);
    for (int i = X509_NAME_get_index_by_NID(subject, NID_commonName, -1); i >= 0;
         i = X509_NAME_get_index_by_NID(subject, NID_commonName, i)) {
        const X509_NAME_ENTRY *entry = X509_NAME_get_entry(subject, i);
        ids.cn.append(asn1String(X509_NAME_ENTRY_get_data(entry)));
    }
    return ids;
}
} // namespace

bool ServerIdentityVerifier::dnsNameMatches(const QString &presented, const QString &domain)
{
    const QString p = normalise(presented);
    const QString d = normalise(domain);
    if (p.isEmpty() || d.isEmpty())
        return false;
    if (!p.startsWith(QLatin1String("*.")))
        return p == d;
    // "*.example.com" matches exactly one leftmost label, never the base
    // domain itself, and never with fewer than two labels after the star.
    const QString base = p.mid(2);
    if (base.count(QLatin1Char('.')) < 1)
        return false;
    const qsizetype dot = d.indexOf(QLatin1Char('.'));
    return dot > 0 && d.mid(dot + 1) == base;
}

bool ServerIdentityVerifier::certificateNamesDomain(const QByteArray &der, const QString &domain)
{
    const X509Ptr cert = parse(der);
    if (!cert || domain.isEmpty())
        return false;
    const Identities ids = collect(cert.get());
    const QString d = normalise(domain);
    for (const QString &srv : ids.srv)
        if (normalise(srv) == QStringLiteral("_xmpp-server.") + d)
            return true;
    for (const QString &x : ids.xmpp)
        if (normalise(x) == d)
            return true;
    for (const QString &dns : ids.dns)
        if (dnsNameMatches(dns, d))
            return true;
    if (ids.hasSanIdentity())
        return false;
    for (const QString &cn : ids.cn)
        if (dnsNameMatches(cn, d))
            return true;
    return false;
}

QStringList ServerIdentityVerifier::presentedIdentities(const QByteArray &der)
{
    const X509Ptr cert = parse(der);
    if (!cert)
        return {};
    const Identities ids = collect(cert.get());
    QStringList out;
    for (const QString &s : ids.dns)
        out << QStringLiteral("DNS:") + s;
    for (const QString &s : ids.srv)
        out << QStringLiteral("SRV:") + s;
    for (const QString &s : ids.xmpp)
        out << QStringLiteral("XMPP:") + s;
    for (const QString &s : ids.cn)
        out << QStringLiteral("CN:") + s;
    return out;
}

} // namespace fedgate::engine
