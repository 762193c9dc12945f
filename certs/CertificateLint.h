#pragma once

#include "CertificateRequest.h"
#include "ChainBuilder.h"
#include "OpenSsl.h"

#include "topology/Validation.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// One certificate check for everyone: the wizard's certificate page,
// `fedgatectl cert check` and the engine's start-up check all call lint(),
// so they can never disagree about what is wrong.
namespace fedgate::certs {

struct CertificateFinding
{
    topology::Severity severity = topology::Severity::Error;
    // Stable identifiers (scripts and tests rely on them): missing-names,
    // not-yet-valid, expired, expires-within-7-days, expires-within-30-days,
    // no-client-auth, no-server-auth, weak-rsa-key, sha1-signature,
    // self-signed-external, incomplete-chain, untrusted-root, cn-only.
    QString rule;
    QString message;   // what is wrong and the fix
    QStringList names; // missing-names: the names the certificate lacks

    bool operator==(const CertificateFinding &) const = default;
    QJsonObject toJson() const;
};

struct LintOptions
{
    CertificateUsage usage = CertificateUsage::ExternalEdge;
    QStringList requiredNames; // from requiredNames(topology, usage); empty = not checked
    QDateTime now;             // invalid = the current time
};

QList<CertificateFinding> lint(X509 *leaf, const Chain &chain, const LintOptions &options);
bool hasErrors(const QList<CertificateFinding> &findings);

} // namespace fedgate::certs
