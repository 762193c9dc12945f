#pragma once

#include <QString>

// What the engine concluded about a peer's certificate, as the session table
// shows it (the same words Prosody's s2s:show uses).
namespace fedgate::engine {

enum class CertificateStatus
{
    None,
    Valid,
    Mismatch,
    Expired,
    SelfSigned,
    Untrusted,
    Dane // matched a DNSSEC-secure DANE-EE TLSA record (RFC 7671); names and dates not used
};

QString toString(CertificateStatus status); // "valid", "self-signed", "dane", ...

} // namespace fedgate::engine
