#pragma once

#include "AssignedTlsIdentity.h"
#include "EngineConfig.h"
#include "engine/link/LinkTls.h"
#include "topology/Result.h"

#include <QList>
#include <QSslCertificate>
#include <QString>

#include <optional>

// The certificates fedgated serves, read from where they were loaded at
// start (PEM files given on the command line, else the key store's
// assignment), so that SIGHUP can read them again (issue 11 item 9): new
// streams get the new certificate, established ones keep theirs, and a
// broken or missing file leaves the one in use in place.
namespace fedgate::engine {

// The external edge's certificate (5269/5270): --cert/--key, else the
// certificate assigned to the external edge. nullopt when neither exists
// (no TLS to offer). An error names the file or assignment and the fix.
Result<std::optional<TlsIdentity>> loadExternalTlsIdentity(const EngineConfig &config);

// One side's certificate of the internal link (the edge's or the gateway's)
// from `source`, as linkTlsConfiguration() loads it at start.
Result<TlsIdentity> loadLinkTlsIdentity(const LinkTlsSource &source);

// "CN=edge.contoso.test serial 1a:2b until 2027-11-29" for the log: the
// leaf's subject, serial number and expiry (UTC date).
QString describeCertificate(const QList<QSslCertificate> &chain);

// What a failed reload logs: the problem, which certificate stays in use,
// and how to try again.
QString reloadFailure(const QString &what, const QString &problem,
                      const QList<QSslCertificate> &inUse);

} // namespace fedgate::engine
