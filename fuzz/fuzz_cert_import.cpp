// Bytes -> CertificateFile::parse, the import of what a CA or another server
// hands back: PEM (certificates, PKCS#7, keys, encrypted keys), DER, PKCS#7
// and PKCS#12. Encrypted content opens with the fixed password "fuzz" (the
// seeds use it). A file it accepts holds at least one certificate or key,
// and a refusal always says why.
#include "FuzzSupport.h"

#include "certs/CertificateFile.h"

#include <openssl/err.h>

using fedgate::certs::CertificateFile;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fedgate::fuzz::silenceLogs();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto file = CertificateFile::parse(bytes, QStringLiteral("fuzz.pem"), "fuzz");
    if (file) {
        if (file.value().format.isEmpty())
            fedgate::fuzz::fail("accepted without naming the format");
    } else if (file.error().message.isEmpty()) {
        fedgate::fuzz::fail("refused without a message");
    }
    // OpenSSL's per-thread error queue must not grow from one input to the
    // next (each import clears what it left).
    ERR_clear_error();
    return 0;
}
