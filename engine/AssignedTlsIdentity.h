#pragma once

#include "certs/CertificateRequest.h"
#include "topology/Result.h"

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

#include <optional>

// The certificate and key assigned to one usage in Fedgate's key store
// ('fedgatectl cert assign --usage ...'), as the pieces a QSslConfiguration
// takes. The gateway's client listener (5222) and its side of the internal
// link present the Gateway certificate; the edge's side of the link the
// Internal Edge one.
namespace fedgate::engine {

struct TlsIdentity
{
    QList<QSslCertificate> chain; // leaf first, then intermediates
    QSslKey key;

    void applyTo(QSslConfiguration &configuration) const
    {
        configuration.setLocalCertificateChain(chain);
        configuration.setPrivateKey(key);
    }
};

// nullopt when nothing is assigned to `usage`; an error naming the fix when
// an assignment exists but cannot be loaded. `dataDirectory` empty =
// fedgate::dataDir().
Result<std::optional<TlsIdentity>> loadAssignedTlsIdentity(certs::CertificateUsage usage,
                                                           const QString &dataDirectory = {});

// The Gateway certificate; an error saying how to request and assign one
// when none is assigned.
Result<TlsIdentity> gatewayTlsIdentity(const QString &dataDirectory = {});

} // namespace fedgate::engine
