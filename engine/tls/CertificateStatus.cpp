#include "CertificateStatus.h"

namespace fedgate::engine {

QString toString(CertificateStatus status)
{
    switch (status) {
    case CertificateStatus::None:
        return QStringLiteral("none");
    case CertificateStatus::Valid:
        return QStringLiteral("valid");
    case CertificateStatus::Mismatch:
        return QStringLiteral("mismatch");
    case CertificateStatus::Expired:
        return QStringLiteral("expired");
    case CertificateStatus::SelfSigned:
        return QStringLiteral("self-signed");
    case CertificateStatus::Untrusted:
        return QStringLiteral("untrusted");
    case CertificateStatus::Dane:
        return QStringLiteral("dane");
    }
    return QStringLiteral("none");
}

} // namespace fedgate::engine
