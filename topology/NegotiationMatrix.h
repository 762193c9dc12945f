#pragma once

#include "Topology.h"

#include <QList>
#include <QString>

// The 18-row XMPP partner negotiation matrix (TLS x SASL x dialback): which
// authentication methods can succeed with a partner, and whether the
// combination may be saved. The topology validation, the partner editor and
// the engine's per-partner policy all ask this one function.
namespace fedgate::topology {

enum class AuthMethod
{
    SaslExternalOverTls, // SASL EXTERNAL after STARTTLS (XEP-0178)
    DialbackOverTls,     // server dialback on a TLS-protected stream
    DialbackOverTcp,     // server dialback on a plain TCP stream
};

enum class NegotiationVerdict
{
    Valid,
    ValidWithWarning,
    Invalid
};

struct NegotiationOutcome
{
    int row = 0; // 1..18, as in the reference table
    NegotiationVerdict verdict = NegotiationVerdict::Valid;
    QList<AuthMethod> methods; // what may succeed, most secure first
    // Why the combination is refused or what to watch; empty only for plainly
    // valid rows. For refusals it names the change to make.
    QString message;
    // One sentence a user can read: what this combination will negotiate.
    QString summary;

    bool canSave() const { return verdict != NegotiationVerdict::Invalid; }
    bool allows(AuthMethod m) const { return methods.contains(m); }
};

NegotiationOutcome evaluateNegotiation(Negotiation tls, Negotiation sasl, bool dialback);
inline NegotiationOutcome evaluateNegotiation(const XmppPartner &p)
{
    return evaluateNegotiation(p.tls, p.sasl, p.dialback);
}

QString toString(AuthMethod);

} // namespace fedgate::topology
