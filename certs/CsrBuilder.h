#pragma once

#include "CertificateNames.h"
#include "CertificateRequest.h"
#include "OpenSsl.h"

#include "topology/Result.h"

// Builds the PKCS#10 request (RFC 2986) for a key: the subject from the
// request's organisation fields and the computed names, and the extensions a
// CA copies into the certificate (SANs, key usage, EKU, AD CS template).
namespace fedgate::certs {

Result<X509ReqPtr> buildCsr(EVP_PKEY *key, const CertificateNames &names,
                            const CertificateRequest &request);

// The pieces, shared with the internal CA.
Result<X509NamePtr> buildSubject(const CertificateNames &names, const CertificateRequest &request);
Result<X509ExtensionPtr> subjectAltNameExtension(const CertificateNames &names);
// RSA: digitalSignature + keyEncipherment; EC: digitalSignature + keyAgreement.
Result<X509ExtensionPtr> keyUsageExtension(EVP_PKEY *key);
// serverAuth + clientAuth: partners that verify the purpose need clientAuth
// for SASL EXTERNAL on the connections we open.
Result<X509ExtensionPtr> extendedKeyUsageExtension();
// Microsoft's certificate template name (1.3.6.1.4.1.311.20.2, a BMPString),
// which AD CS reads to pick the template.
Result<X509ExtensionPtr> templateNameExtension(const QString &templateName);

inline constexpr const char *kTemplateNameOid = "1.3.6.1.4.1.311.20.2";

} // namespace fedgate::certs
