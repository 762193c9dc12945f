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
    Untrusted
};

QString toString(CertificateStatus status); // "valid", "self-signed", ...

} // namespace fedgate::engine
