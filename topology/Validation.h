#pragma once

#include "Topology.h"

#include <QList>
#include <QString>

// Checks a topology before it is published. Each finding says how bad it is,
// which object it is about, and what to do.
namespace fedgate::topology {

enum class Severity
{
    Error,
    Warning
};

struct Finding
{
    Severity severity = Severity::Error;
    // Object path, slash-separated identities: "organisation",
    // "sites/Paris", "sites/Paris/edgePools/edge1.contoso.test",
    // "sites/Paris/edgePools/edge1.contoso.test/members/0", "partners/fabrikam.test",
    // "policies/tag:contractors", "users/alice@contoso.test", "gateway".
    QString path;
    QString message; // what is wrong and the fix
    // A short, stable identifier of the rule ("fqdn-syntax",
    // "duplicate-fqdn", ...), for tests and scripts.
    QString rule;

    bool operator==(const Finding &) const = default;
};

QList<Finding> validate(const Topology &topology);
bool hasErrors(const QList<Finding> &findings);
QString toString(Severity);

// Syntax checks shared with the certificate and DNS code. A domain or FQDN
// may be an IDN; it is checked in its ASCII (punycode) form: labels of 1..63
// letters, digits and hyphens, not starting or ending with a hyphen, at least
// two labels, 253 characters at most. Return an empty string when valid,
// otherwise the reason.
QString checkDomainName(const QString &name);
QString checkIPv4(const QString &address);
QString checkIPv6(const QString &address);

} // namespace fedgate::topology
