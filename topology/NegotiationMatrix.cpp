#include "NegotiationMatrix.h"

#include "ObjectNames.h"

#include <QCoreApplication>

namespace fedgate::topology {

namespace {
int index(Negotiation n)
{
    switch (n) {
    case Negotiation::Required:
        return 0;
    case Negotiation::Optional:
        return 1;
    case Negotiation::NotSupported:
        return 2;
    }
    return 2;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("NegotiationMatrix", text);
}

QString describe(const QList<AuthMethod> &methods)
{
    if (methods.isEmpty())
        return tr("No authentication method can succeed, so no stream with this partner can be "
                  "established.");
    QStringList names;
    for (AuthMethod m : methods)
        names << toString(m);
    if (names.size() == 1)
        return tr("Streams with this partner authenticate with %1 only.").arg(names.first());
    const QString last = names.takeLast();
    return tr("Streams with this partner authenticate with %1, or else %2.")
        .arg(names.join(QStringLiteral(", ")), last);
}
} // namespace

QString toString(AuthMethod m)
{
    switch (m) {
    case AuthMethod::SaslExternalOverTls:
        return tr("SASL EXTERNAL over TLS");
    case AuthMethod::DialbackOverTls:
        return tr("dialback over TLS");
    case AuthMethod::DialbackOverTcp:
        return tr("dialback over plain TCP");
    }
    return {};
}

NegotiationOutcome evaluateNegotiation(Negotiation tls, Negotiation sasl, bool dialback)
{
    NegotiationOutcome out;
    out.row = index(sasl) * 6 + index(tls) * 2 + (dialback ? 1 : 2);

    // Methods that can succeed (the reference table's "methods" column).
    // SASL EXTERNAL needs a TLS layer and SASL not refused. Dialback over TLS
    // needs dialback on, TLS possible, and SASL not required (when both TLS
    // and SASL are required, SASL always wins). Dialback over plain TCP needs
    // TLS not required.
    const bool tlsPossible = tls != Negotiation::NotSupported;
    const bool saslPossible = sasl != Negotiation::NotSupported;
    const bool saslOnly = tls == Negotiation::Required && sasl == Negotiation::Required;
    if (tlsPossible && saslPossible)
        out.methods << AuthMethod::SaslExternalOverTls;
    if (dialback && tlsPossible && !saslOnly)
        out.methods << AuthMethod::DialbackOverTls;
    if (dialback && tls != Negotiation::Required)
        out.methods << AuthMethod::DialbackOverTcp;

    if (saslPossible && !tlsPossible) {
        out.verdict = NegotiationVerdict::Invalid;
        out.message = tr("SASL negotiation needs TLS: SASL is %1 but TLS is Not supported. Set "
                         "TLS to Required or Optional, or set SASL to Not supported.")
                          .arg(negotiationLabel(sasl));
    } else if (!saslPossible && !dialback) {
        out.verdict = NegotiationVerdict::Invalid;
        out.message = tlsPossible
                          ? tr("SASL or dialback must be enabled: with SASL Not supported and "
                               "dialback off, no authentication method is left. Turn dialback "
                               "on, or set SASL to Required or Optional.")
                          : tr("SASL or dialback must be enabled: with TLS and SASL Not supported "
                               "and dialback off, no authentication method is left. Turn "
                               "dialback on (plain dialback), or set TLS and SASL to Required.");
    } else if (tls == Negotiation::Optional && saslPossible) {
        out.verdict = NegotiationVerdict::ValidWithWarning;
        out.message = tr("TLS is only Optional: if the partner does not offer TLS, SASL cannot be "
                         "negotiated and the stream may fail. Set TLS to Required when the "
                         "partner supports it.");
    } else if (saslOnly && dialback) {
        out.message = tr("Dialback cannot operate when both TLS and SASL are required: this "
                         "partner will always authenticate with SASL EXTERNAL.");
    }
    out.summary = describe(out.methods);
    return out;
}

} // namespace fedgate::topology
