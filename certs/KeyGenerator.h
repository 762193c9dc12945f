#pragma once

#include "CertificateRequest.h"
#include "OpenSsl.h"

#include "topology/Result.h"

// Private keys. Generation is the slow part of a request (an RSA 4096 key can
// take seconds), so it is a plain, reentrant function the wizard runs on a
// worker thread.
namespace fedgate::certs {

Result<PKeyPtr> generateKey(KeyType type);

// "RSA 2048", "ECDSA P-256", ... for any key, also ones imported from files.
QString describeKey(EVP_PKEY *key);
bool isRsa(EVP_PKEY *key);
bool isEc(EVP_PKEY *key);
int keyBits(EVP_PKEY *key);
// The digest Fedgate signs with for this key (SHA-384 for P-384, else SHA-256).
const EVP_MD *signingDigest(EVP_PKEY *key);

} // namespace fedgate::certs
