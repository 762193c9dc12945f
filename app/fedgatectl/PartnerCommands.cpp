// fedgatectl partner: XMPP federated partners (New/Set/Remove/Get-CsXmppAllowedPartner).
#include "DraftEdit.h"

#include "topology/NegotiationMatrix.h"

#include <QJsonArray>

namespace fedgate::cli {

namespace {

using namespace fedgate::topology;

struct PartnerOptions
{
    QCommandLineOption type = valueOption(
        QStringLiteral("partner-type"),
        QStringLiteral("Federated, PublicVerified or PublicUnverified (default PublicUnverified)."),
        QStringLiteral("TYPE"));
    QCommandLineOption tls =
        valueOption(QStringLiteral("tls-negotiation"),
                    QStringLiteral("Required, Optional or NotSupported (default "
                                   "Required)."),
                    QStringLiteral("MODE"));
    QCommandLineOption sasl = valueOption(QStringLiteral("sasl-negotiation"),
                                          QStringLiteral("Required, Optional or NotSupported "
                                                         "(default Required)."),
                                          QStringLiteral("MODE"));
    QCommandLineOption dialback = valueOption(QStringLiteral("dialback"),
                                              QStringLiteral("Server dialback: true or false "
                                                             "(default true)."),
                                              QStringLiteral("BOOL"));
    QCommandLineOption additional = valueOption(
        QStringLiteral("additional-domains"),
        QStringLiteral("Comma-separated list. Plain names replace the list; +NAME adds, "
                       "-NAME removes (e.g. +chat.fabrikam.com,-old.fabrikam.com)."),
        QStringLiteral("LIST"));
    QCommandLineOption description = valueOption(
        QStringLiteral("description"), QStringLiteral("Description."), QStringLiteral("TEXT"));
    QCommandLineOption limit = valueOption(QStringLiteral("connection-limit"),
                                           QStringLiteral("Maximum connections to the partner "
                                                          "(default 20)."),
                                           QStringLiteral("N"));
    QCommandLineOption keepAlive = valueOption(QStringLiteral("keep-alive"),
                                               QStringLiteral("Send keep-alives: true or false "
                                                              "(default true)."),
                                               QStringLiteral("BOOL"));
    QCommandLineOption proxy = valueOption(QStringLiteral("proxy-fqdn"),
                                           QStringLiteral("FQDN of the partner's XMPP proxy, when "
                                                          "its SRV records do not point to it."),
                                           QStringLiteral("FQDN"));
    QCommandLineOption dane = valueOption(
        QStringLiteral("dane"),
        QStringLiteral("Verify the partner's certificate by DANE when its zone is signed and "
                       "publishes TLSA for its SRV target: on or off (default off)."),
        QStringLiteral("on|off"));

    void addTo(QCommandLineParser &p) const
    {
        p.addOptions(
            {type, tls, sasl, dialback, additional, description, limit, keepAlive, proxy, dane});
    }

    bool apply(Context &ctx, const QCommandLineParser &p, XmppPartner *partner) const
    {
        if (p.isSet(type) && !parsePartnerType(p.value(type), &partner->type)) {
            ctx.fail(UsageOrValidation,
                     QStringLiteral("--partner-type is Federated, PublicVerified or "
                                    "PublicUnverified, not \"%1\".")
                         .arg(p.value(type)));
            return false;
        }
        const struct
        {
            const QCommandLineOption *option;
            Negotiation *field;
        } negotiations[] = {{&tls, &partner->tls}, {&sasl, &partner->sasl}};
        for (const auto &n : negotiations) {
            if (p.isSet(*n.option) && !parseNegotiation(p.value(*n.option), n.field)) {
                ctx.fail(UsageOrValidation,
                         QStringLiteral("--%1 is Required, Optional or NotSupported, not \"%2\".")
                             .arg(n.option->names().first(), p.value(*n.option)));
                return false;
            }
        }
        if (p.isSet(dialback) &&
            !parseBool(ctx, QStringLiteral("dialback"), p.value(dialback), &partner->dialback))
            return false;
        if (p.isSet(keepAlive) &&
            !parseBool(ctx, QStringLiteral("keep-alive"), p.value(keepAlive), &partner->keepAlive))
            return false;
        if (p.isSet(dane) && !parseBool(ctx, QStringLiteral("dane"), p.value(dane), &partner->dane))
            return false;
        if (p.isSet(limit) && !parseInt(ctx, QStringLiteral("connection-limit"), p.value(limit), 1,
                                        100000, &partner->connectionLimit))
            return false;
        if (p.isSet(description))
            partner->description = p.value(description);
        if (p.isSet(proxy))
            partner->proxyFqdn = p.value(proxy).trimmed();
        if (p.isSet(additional))
            applyDomainEdits(p.value(additional), &partner->additionalDomains);
        return true;
    }

    static void applyDomainEdits(const QString &text, QStringList *domains)
    {
        const QStringList items = splitList(text);
        const bool incremental = std::all_of(items.begin(), items.end(), [](const QString &d) {
            return d.startsWith(QLatin1Char('+')) || d.startsWith(QLatin1Char('-'));
        });
        if (!incremental) {
            *domains = items;
            return;
        }
        for (const QString &item : items) {
            const QString name = item.mid(1).trimmed();
            domains->removeIf(
                [&](const QString &d) { return d.compare(name, Qt::CaseInsensitive) == 0; });
            if (item.startsWith(QLatin1Char('+')))
                domains->append(name);
        }
    }
};

QString partnerPath(const XmppPartner &p)
{
    return QStringLiteral("partners/") + p.domain;
}

QJsonObject partnerJson(const Topology &t, const QString &domain)
{
    for (int i = 0; i < t.partners.size(); ++i) {
        if (t.partners[i].domain.compare(domain, Qt::CaseInsensitive) != 0)
            continue;
        QJsonObject o = documentObject(t, QStringLiteral("/partners/%1").arg(i));
        o.insert(QStringLiteral("dane"), t.partners[i].dane); // absent from the document when off
        const NegotiationOutcome n = evaluateNegotiation(t.partners[i]);
        QJsonArray methods;
        for (AuthMethod m : n.methods)
            methods.append(toString(m));
        o.insert(QStringLiteral("negotiation"),
                 QJsonObject{{QStringLiteral("row"), n.row},
                             {QStringLiteral("methods"), methods},
                             {QStringLiteral("summary"), n.summary},
                             {QStringLiteral("message"), n.message},
                             {QStringLiteral("warning"),
                              n.verdict == NegotiationVerdict::ValidWithWarning}});
        return o;
    }
    return {};
}

// The negotiation matrix applies on save: refuse invalid rows with their
// reason, accept warning rows with theirs.
bool checkNegotiation(Context &ctx, const XmppPartner &p, QString *warning)
{
    const NegotiationOutcome n = evaluateNegotiation(p);
    if (!n.canSave()) {
        ctx.fail(UsageOrValidation,
                 QStringLiteral("Partner %1 was not saved: %2").arg(p.domain, n.message));
        return false;
    }
    *warning = n.message;
    return true;
}

QString savedText(const XmppPartner &p, const QString &verb, const QString &note)
{
    QString text = QStringLiteral("%1 XMPP partner %2 (%3, TLS %4, SASL %5, dialback %6). %7")
                       .arg(verb, p.domain, toString(p.type), toString(p.tls), toString(p.sasl),
                            p.dialback ? QStringLiteral("on") : QStringLiteral("off"),
                            evaluateNegotiation(p).summary);
    if (!note.isEmpty())
        text += QStringLiteral("\nNote: ") + note;
    return text;
}

int partnerAdd(Context &ctx)
{
    QCommandLineParser parser;
    const PartnerOptions o;
    o.addTo(parser);
    return editDraft(
        ctx, parser, QStringLiteral("Add an XMPP federated partner (its primary domain)."),
        QStringLiteral("DOMAIN"), 1, 1, [&](DraftEdit &draft) -> int {
            Topology &t = draft.topology();
            XmppPartner p;
            p.domain = parser.positionalArguments().first().trimmed().toLower();
            if (t.partner(p.domain))
                return ctx.fail(
                    UsageOrValidation,
                    QStringLiteral("Partner %1 already exists. Change it with 'fedgatectl "
                                   "partner set %1'.")
                        .arg(p.domain));
            if (!o.apply(ctx, parser, &p))
                return UsageOrValidation;
            QString note;
            if (!checkNegotiation(ctx, p, &note))
                return UsageOrValidation;
            t.partners << p;
            return draft.commit(ctx, partnerPath(p), savedText(p, QStringLiteral("Added"), note),
                                {{QStringLiteral("partner"), partnerJson(t, p.domain)}});
        });
}

int partnerSet(Context &ctx)
{
    QCommandLineParser parser;
    const PartnerOptions o;
    o.addTo(parser);
    return editDraft(
        ctx, parser, QStringLiteral("Change an XMPP federated partner."), QStringLiteral("DOMAIN"),
        1, 1, [&](DraftEdit &draft) -> int {
            Topology &t = draft.topology();
            XmppPartner *p = t.partner(parser.positionalArguments().first().trimmed());
            if (!p)
                return ctx.fail(
                    UsageOrValidation,
                    QStringLiteral("There is no partner %1. 'fedgatectl partner list' shows "
                                   "them; 'fedgatectl partner add' creates one.")
                        .arg(parser.positionalArguments().first()));
            XmppPartner changed = *p;
            if (!o.apply(ctx, parser, &changed))
                return UsageOrValidation;
            QString note;
            if (!checkNegotiation(ctx, changed, &note))
                return UsageOrValidation;
            *p = changed;
            return draft.commit(ctx, partnerPath(changed),
                                savedText(changed, QStringLiteral("Changed"), note),
                                {{QStringLiteral("partner"), partnerJson(t, changed.domain)}});
        });
}

int partnerRemove(Context &ctx)
{
    QCommandLineParser parser;
    return editDraft(ctx, parser, QStringLiteral("Remove an XMPP federated partner."),
                     QStringLiteral("DOMAIN"), 1, 1, [&](DraftEdit &draft) -> int {
                         Topology &t = draft.topology();
                         const QString domain = parser.positionalArguments().first().trimmed();
                         if (!t.partner(domain))
                             return ctx.fail(UsageOrValidation,
                                             QStringLiteral("There is no partner %1.").arg(domain));
                         t.partners.removeIf([&](const XmppPartner &p) {
                             return p.domain.compare(domain, Qt::CaseInsensitive) == 0;
                         });
                         return draft.commit(
                             ctx, QString(),
                             QStringLiteral("Removed XMPP partner %1. Once published, the edge "
                                            "closes its sessions with %1.")
                                 .arg(domain),
                             {{QStringLiteral("removed"), domain}});
                     });
}

int partnerList(Context &ctx)
{
    QCommandLineParser parser;
    return editDraft(
        ctx, parser, QStringLiteral("List the XMPP federated partners of the draft."), {}, 0, 0,
        [&](DraftEdit &draft) -> int {
            const Topology &t = draft.topology();
            QString text;
            QJsonArray json;
            for (const XmppPartner &p : t.partners) {
                text +=
                    QStringLiteral(
                        "%1%2\n  type %3; TLS %4, SASL %5, dialback %6; connection limit "
                        "%7; keep-alive %8; DANE %9\n  %10\n")
                        .arg(p.domain,
                             p.additionalDomains.isEmpty()
                                 ? QString()
                                 : QStringLiteral(" (also %1)").arg(p.additionalDomains.join(", ")),
                             toString(p.type), toString(p.tls), toString(p.sasl),
                             p.dialback ? QStringLiteral("on") : QStringLiteral("off"))
                        .arg(p.connectionLimit)
                        .arg(p.keepAlive ? QStringLiteral("on") : QStringLiteral("off"),
                             p.dane ? QStringLiteral("on") : QStringLiteral("off"),
                             evaluateNegotiation(p).summary);
                json.append(partnerJson(t, p.domain));
            }
            if (text.isEmpty())
                text = QStringLiteral(
                    "No XMPP partners. Add one with 'fedgatectl partner add DOMAIN'.");
            return ctx.succeed(text, json);
        });
}

const Registrar registrar{
    {QStringLiteral("partner"), QStringLiteral("add"), QStringLiteral("Add an XMPP partner."),
     partnerAdd},
    {QStringLiteral("partner"), QStringLiteral("set"), QStringLiteral("Change an XMPP partner."),
     partnerSet},
    {QStringLiteral("partner"), QStringLiteral("remove"), QStringLiteral("Remove an XMPP partner."),
     partnerRemove},
    {QStringLiteral("partner"), QStringLiteral("list"), QStringLiteral("List the XMPP partners."),
     partnerList},
};

} // namespace
} // namespace fedgate::cli
