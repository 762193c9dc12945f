#include "CsrBuilder.h"

#include "KeyGenerator.h"

namespace fedgate::certs {

namespace {

Status addEntry(X509_NAME *name, const char *field, const QString &value)
{
    if (value.isEmpty())
        return Status::success();
    const QByteArray utf8 = value.toUtf8();
    if (X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(utf8.constData()),
                                   int(utf8.size()), -1, 0) != 1)
        return openSslError(QStringLiteral("The subject field %1='%2' is not accepted.")
                                .arg(QString::fromLatin1(field), value));
    return Status::success();
}

Result<GeneralNamePtr> ia5Name(int type, const QString &value)
{
    Asn1StringPtr ia5(ASN1_IA5STRING_new());
    const QByteArray ascii = value.toLatin1();
    GeneralNamePtr general(GENERAL_NAME_new());
    if (!ia5 || !general || ASN1_STRING_set(ia5.get(), ascii.constData(), int(ascii.size())) != 1)
        return openSslError(QStringLiteral("Out of memory while building the names."));
    GENERAL_NAME_set0_value(general.get(), type, ia5.release());
    return general;
}

Result<GeneralNamePtr> otherName(int nid, int stringType, const QString &value)
{
    Asn1StringPtr text(ASN1_STRING_type_new(stringType));
    const QByteArray bytes = stringType == V_ASN1_UTF8STRING ? value.toUtf8() : value.toLatin1();
    Asn1TypePtr any(ASN1_TYPE_new());
    GeneralNamePtr general(GENERAL_NAME_new());
    if (!text || !any || !general ||
        ASN1_STRING_set(text.get(), bytes.constData(), int(bytes.size())) != 1)
        return openSslError(QStringLiteral("Out of memory while building the names."));
    ASN1_TYPE_set(any.get(), stringType, text.release());
    Asn1ObjectPtr oid(OBJ_dup(OBJ_nid2obj(nid)));
    if (!oid || GENERAL_NAME_set0_othername(general.get(), oid.get(), any.get()) != 1)
        return openSslError(
            QStringLiteral("Could not build the otherName entry for '%1'.").arg(value));
    oid.release();
    any.release();
    return general;
}

Status addExtension(STACK_OF(X509_EXTENSION) * stack, Result<X509ExtensionPtr> extension)
{
    if (!extension)
        return extension.error();
    if (!sk_X509_EXTENSION_push(stack, extension.value().get()))
        return openSslError(QStringLiteral("Out of memory while building the request."));
    extension.value().release();
    return Status::success();
}

} // namespace

Result<X509NamePtr> buildSubject(const CertificateNames &names, const CertificateRequest &request)
{
    X509NamePtr subject(X509_NAME_new());
    if (!subject)
        return openSslError(QStringLiteral("Out of memory while building the subject."));
    // Most significant first, as CAs print it: C, ST, L, O, OU, CN.
    for (const Status &status :
         {addEntry(subject.get(), "C", request.country.toUpper()),
          addEntry(subject.get(), "ST", request.state), addEntry(subject.get(), "L", request.city),
          addEntry(subject.get(), "O", request.organisation),
          addEntry(subject.get(), "OU", request.organisationalUnit),
          addEntry(subject.get(), "CN", names.commonName)}) {
        if (!status)
            return status.error();
    }
    return subject;
}

Result<X509ExtensionPtr> subjectAltNameExtension(const CertificateNames &names)
{
    GeneralNamesPtr list(sk_GENERAL_NAME_new_null());
    if (!list)
        return openSslError(QStringLiteral("Out of memory while building the names."));
    auto push = [&](Result<GeneralNamePtr> name) -> Status {
        if (!name)
            return name.error();
        if (!sk_GENERAL_NAME_push(list.get(), name.value().get()))
            return openSslError(QStringLiteral("Out of memory while building the names."));
        name.value().release();
        return Status::success();
    };
    for (const QString &dns : names.dnsNames) {
        if (Status s = push(ia5Name(GEN_DNS, dns)); !s)
            return s.error();
    }
    // RFC 4985: the SRV-ID is an IA5String; RFC 6120: xmppAddr is UTF8String.
    for (const QString &srv : names.srvIds) {
        if (Status s = push(otherName(NID_SRVName, V_ASN1_IA5STRING, srv)); !s)
            return s.error();
    }
    for (const QString &jid : names.xmppAddrs) {
        if (Status s = push(otherName(NID_XmppAddr, V_ASN1_UTF8STRING, jid)); !s)
            return s.error();
    }
    X509ExtensionPtr extension(X509V3_EXT_i2d(NID_subject_alt_name, 0, list.get()));
    if (!extension)
        return openSslError(QStringLiteral("Could not encode the subject alternative names."));
    return extension;
}

Result<X509ExtensionPtr> keyUsageExtension(EVP_PKEY *key)
{
    // RSA keys encrypt the TLS 1.2 RSA key exchange; EC keys agree on keys
    // (static ECDH) instead.
    const char *value = isEc(key) ? "critical,digitalSignature,keyAgreement"
                                  : "critical,digitalSignature,keyEncipherment";
    X509ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, nullptr, NID_key_usage, value));
    if (!extension)
        return openSslError(QStringLiteral("Could not encode the key usage."));
    return extension;
}

Result<X509ExtensionPtr> extendedKeyUsageExtension()
{
    X509ExtensionPtr extension(
        X509V3_EXT_conf_nid(nullptr, nullptr, NID_ext_key_usage, "serverAuth,clientAuth"));
    if (!extension)
        return openSslError(QStringLiteral("Could not encode the extended key usage."));
    return extension;
}

Result<X509ExtensionPtr> templateNameExtension(const QString &templateName)
{
    ASN1_STRING *raw = nullptr;
    const QByteArray utf8 = templateName.toUtf8();
    if (ASN1_mbstring_copy(&raw, reinterpret_cast<const unsigned char *>(utf8.constData()),
                           int(utf8.size()), MBSTRING_UTF8, B_ASN1_BMPSTRING) < 0)
        return openSslError(
            QStringLiteral("The template name '%1' cannot be encoded.").arg(templateName));
    Asn1StringPtr bmp(raw);
    unsigned char *der = nullptr;
    const int length = i2d_ASN1_BMPSTRING(bmp.get(), &der);
    if (length <= 0)
        return openSslError(QStringLiteral("The template name cannot be encoded."));
    Asn1StringPtr octets(ASN1_OCTET_STRING_new());
    const bool set = octets && ASN1_OCTET_STRING_set(octets.get(), der, length) == 1;
    OPENSSL_free(der);
    Asn1ObjectPtr oid(OBJ_txt2obj(kTemplateNameOid, 1));
    if (!set || !oid)
        return openSslError(QStringLiteral("The template name cannot be encoded."));
    X509ExtensionPtr extension(X509_EXTENSION_create_by_OBJ(nullptr, oid.get(), 0, octets.get()));
    if (!extension)
        return openSslError(QStringLiteral("The template name cannot be encoded."));
    return extension;
}

Result<X509ReqPtr> buildCsr(EVP_PKEY *key, const CertificateNames &names,
                            const CertificateRequest &request)
{
    X509ReqPtr csr(X509_REQ_new());
    if (!csr || X509_REQ_set_version(csr.get(), 0) != 1)
        return openSslError(QStringLiteral("Out of memory while building the request."));
    Result<X509NamePtr> subject = buildSubject(names, request);
    if (!subject)
        return subject.error();
    if (X509_REQ_set_subject_name(csr.get(), subject.value().get()) != 1 ||
        X509_REQ_set_pubkey(csr.get(), key) != 1)
        return openSslError(QStringLiteral("Could not put the subject and key in the request."));

    ExtensionStackPtr extensions(sk_X509_EXTENSION_new_null());
    if (!extensions)
        return openSslError(QStringLiteral("Out of memory while building the request."));
    if (!names.dnsNames.isEmpty() || !names.srvIds.isEmpty() || !names.xmppAddrs.isEmpty()) {
        if (Status s = addExtension(extensions.get(), subjectAltNameExtension(names)); !s)
            return s.error();
    }
    if (Status s = addExtension(extensions.get(), keyUsageExtension(key)); !s)
        return s.error();
    if (Status s = addExtension(extensions.get(), extendedKeyUsageExtension()); !s)
        return s.error();
    if (!request.templateName.isEmpty()) {
        if (Status s = addExtension(extensions.get(), templateNameExtension(request.templateName));
            !s)
            return s.error();
    }
    if (X509_REQ_add_extensions(csr.get(), extensions.get()) != 1)
        return openSslError(QStringLiteral("Could not add the extensions to the request."));
    if (X509_REQ_sign(csr.get(), key, signingDigest(key)) <= 0)
        return openSslError(QStringLiteral("Could not sign the request with its key."));
    return csr;
}

} // namespace fedgate::certs
