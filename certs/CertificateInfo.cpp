#include "CertificateInfo.h"

#include "CsrBuilder.h"
#include "KeyGenerator.h"

#include <QJsonArray>

#include <openssl/bn.h>
#include <openssl/err.h>

#include <ctime>

namespace fedgate::certs {

namespace {

QString asn1ToString(const ASN1_STRING *string)
{
    if (!string)
        return {};
    unsigned char *utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, string);
    if (length < 0)
        return {};
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(utf8), length);
    OPENSSL_free(utf8);
    return text;
}

QJsonArray toArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &item : list)
        array.append(item);
    return array;
}

} // namespace

QDateTime toDateTime(const ASN1_TIME *time)
{
    struct tm parts = {};
    if (!time || ASN1_TIME_to_tm(time, &parts) != 1)
        return {};
    return QDateTime(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday),
                     QTime(parts.tm_hour, parts.tm_min, parts.tm_sec), Qt::UTC);
}

CertificateInfo CertificateInfo::of(X509 *certificate)
{
    CertificateInfo info;
    if (!certificate)
        return info;
    info.subject = nameToString(X509_get_subject_name(certificate));
    info.commonName = certs::commonName(X509_get_subject_name(certificate));
    info.issuer = nameToString(X509_get_issuer_name(certificate));
    info.notBefore = toDateTime(X509_get0_notBefore(certificate));
    info.notAfter = toDateTime(X509_get0_notAfter(certificate));
    info.sha256Fingerprint = certs::sha256Fingerprint(certificate);
    info.keyDescription = describeKey(X509_get0_pubkey(certificate));

    if (const ASN1_INTEGER *serial = X509_get0_serialNumber(certificate)) {
        if (BIGNUM *bn = ASN1_INTEGER_to_BN(serial, nullptr)) {
            char *hex = BN_bn2hex(bn);
            info.serialNumber = QString::fromLatin1(hex).toLower();
            OPENSSL_free(hex);
            BN_free(bn);
        }
    }
    info.signatureAlgorithm = QString::fromLatin1(OBJ_nid2ln(X509_get_signature_nid(certificate)));

    if (auto *names = static_cast<GENERAL_NAMES *>(
            X509_get_ext_d2i(certificate, NID_subject_alt_name, nullptr, nullptr))) {
        GeneralNamesPtr owned(names);
        for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
            const GENERAL_NAME *name = sk_GENERAL_NAME_value(names, i);
            if (name->type == GEN_DNS) {
                info.dnsNames << asn1ToString(name->d.dNSName);
            } else if (name->type == GEN_OTHERNAME) {
                const int nid = OBJ_obj2nid(name->d.otherName->type_id);
                const ASN1_TYPE *value = name->d.otherName->value;
                if (nid == NID_SRVName && value->type == V_ASN1_IA5STRING)
                    info.srvIds << asn1ToString(value->value.ia5string);
                else if (nid == NID_XmppAddr && value->type == V_ASN1_UTF8STRING)
                    info.xmppAddrs << asn1ToString(value->value.utf8string);
            }
        }
    }
    ERR_clear_error();

    // X509_check_purpose fills in the cached extension flags first.
    X509_check_purpose(certificate, -1, 0);
    const uint32_t flags = X509_get_extension_flags(certificate);
    info.hasExtendedKeyUsage = (flags & EXFLAG_XKUSAGE) != 0;
    const uint32_t eku = X509_get_extended_key_usage(certificate);
    info.serverAuth = !info.hasExtendedKeyUsage || (eku & XKU_SSL_SERVER);
    info.clientAuth = !info.hasExtendedKeyUsage || (eku & XKU_SSL_CLIENT);
    info.isCa = X509_check_ca(certificate) != 0;
    info.selfSigned = (flags & EXFLAG_SS) != 0;

    Asn1ObjectPtr templateOid(OBJ_txt2obj(kTemplateNameOid, 1));
    const int index = X509_get_ext_by_OBJ(certificate, templateOid.get(), -1);
    if (index >= 0) {
        const ASN1_OCTET_STRING *data = X509_EXTENSION_get_data(X509_get_ext(certificate, index));
        const unsigned char *p = ASN1_STRING_get0_data(data);
        if (ASN1_STRING *bmp = d2i_ASN1_BMPSTRING(nullptr, &p, ASN1_STRING_length(data))) {
            info.templateName = asn1ToString(bmp);
            ASN1_STRING_free(bmp);
        }
    }
    ERR_clear_error();
    return info;
}

QJsonObject CertificateInfo::toJson() const
{
    QJsonArray usages;
    if (serverAuth)
        usages.append(QStringLiteral("serverAuth"));
    if (clientAuth)
        usages.append(QStringLiteral("clientAuth"));
    return QJsonObject{
        {QStringLiteral("subject"), subject},
        {QStringLiteral("commonName"), commonName},
        {QStringLiteral("issuer"), issuer},
        {QStringLiteral("dnsNames"), toArray(dnsNames)},
        {QStringLiteral("srvIds"), toArray(srvIds)},
        {QStringLiteral("xmppAddrs"), toArray(xmppAddrs)},
        {QStringLiteral("notBefore"), notBefore.toString(Qt::ISODate)},
        {QStringLiteral("notAfter"), notAfter.toString(Qt::ISODate)},
        {QStringLiteral("serialNumber"), serialNumber},
        {QStringLiteral("sha256Fingerprint"), sha256Fingerprint},
        {QStringLiteral("key"), keyDescription},
        {QStringLiteral("signatureAlgorithm"), signatureAlgorithm},
        {QStringLiteral("extendedKeyUsage"),
         hasExtendedKeyUsage ? QJsonValue(usages) : QJsonValue(QStringLiteral("any"))},
        {QStringLiteral("isCa"), isCa},
        {QStringLiteral("selfSigned"), selfSigned},
        {QStringLiteral("templateName"), templateName},
    };
}

} // namespace fedgate::certs
