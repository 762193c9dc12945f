// fedgatectl policy / user: external access policies and the users they apply to.
#include "DraftEdit.h"
#include "GatewayAccounts.h"

#include "topology/ExternalAccess.h"

#include <QJsonArray>

namespace fedgate::cli {

namespace {

using namespace fedgate::topology;

struct Switch
{
    const char *option;
    bool ExternalAccessPolicy::*field;
    const char *label;
};

const Switch kSwitches[] = {
    {"enable-federation-access", &ExternalAccessPolicy::enableFederationAccess, "federation"},
    {"enable-xmpp-access", &ExternalAccessPolicy::enableXmppAccess, "XMPP"},
    {"enable-public-cloud-access", &ExternalAccessPolicy::enablePublicCloudAccess, "public cloud"},
    {"enable-public-cloud-audio-video-access",
     &ExternalAccessPolicy::enablePublicCloudAudioVideoAccess, "public cloud A/V"},
    {"enable-outside-access", &ExternalAccessPolicy::enableOutsideAccess, "outside access"},
};

void addSwitchOptions(QCommandLineParser &parser)
{
    for (const Switch &s : kSwitches)
        parser.addOption(valueOption(QLatin1String(s.option), QStringLiteral("true or false."),
                                     QStringLiteral("BOOL")));
    parser.addOption(valueOption(QStringLiteral("description"), QStringLiteral("Description."),
                                 QStringLiteral("TEXT")));
}

bool applySwitches(Context &ctx, const QCommandLineParser &parser, ExternalAccessPolicy *p)
{
    for (const Switch &s : kSwitches) {
        const QString name = QLatin1String(s.option);
        if (parser.isSet(name) && !parseBool(ctx, name, parser.value(name), &(p->*s.field)))
            return false;
    }
    if (parser.isSet(QStringLiteral("description")))
        p->description = parser.value(QStringLiteral("description"));
    return true;
}

QString switchesText(const ExternalAccessPolicy &p)
{
    QStringList on;
    for (const Switch &s : kSwitches)
        if (p.*s.field)
            on << QLatin1String(s.label);
    return on.isEmpty() ? QStringLiteral("no external access") : on.join(QStringLiteral(", "));
}

// "global", "site:Paris", "tag:vip"; a bare name means a user policy.
QString normaliseIdentity(const QString &text)
{
    const QString t = text.trimmed();
    if (t.compare(QLatin1String("global"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("global");
    if (t.startsWith(QLatin1String("site:"), Qt::CaseInsensitive) ||
        t.startsWith(QLatin1String("tag:"), Qt::CaseInsensitive))
        return t.section(QLatin1Char(':'), 0, 0).toLower() + QLatin1Char(':') +
               t.section(QLatin1Char(':'), 1);
    return QStringLiteral("tag:") + t;
}

QJsonObject policyJson(const Topology &t, const QString &identity)
{
    for (int i = 0; i < t.policies.size(); ++i)
        if (t.policies[i].identity.compare(identity, Qt::CaseInsensitive) == 0)
            return documentObject(t, QStringLiteral("/policies/%1").arg(i));
    return {};
}

int policyNew(Context &ctx)
{
    QCommandLineParser parser;
    addSwitchOptions(parser);
    return editDraft(
        ctx, parser,
        QStringLiteral("Create an external access policy: site:SITE (applies to the "
                       "site's users) or tag:NAME (granted to users)."),
        QStringLiteral("IDENTITY"), 1, 1, [&](DraftEdit &draft) -> int {
            Topology &t = draft.topology();
            ExternalAccessPolicy p;
            p.identity = normaliseIdentity(parser.positionalArguments().first());
            if (t.policy(p.identity))
                return ctx.fail(
                    UsageOrValidation,
                    p.identity == QLatin1String("global")
                        ? QStringLiteral("The global policy always exists. Change it with "
                                         "'fedgatectl policy set global'.")
                        : QStringLiteral("The policy %1 already exists. Change it with "
                                         "'fedgatectl policy set %1'.")
                              .arg(p.identity));
            if (!applySwitches(ctx, parser, &p))
                return UsageOrValidation;
            t.policies << p;
            return draft.commit(
                ctx, QStringLiteral("policies/") + p.identity,
                QStringLiteral("Created policy %1: %2.").arg(p.identity, switchesText(p)),
                {{QStringLiteral("policy"), policyJson(t, p.identity)}});
        });
}

int policySet(Context &ctx)
{
    QCommandLineParser parser;
    addSwitchOptions(parser);
    return editDraft(
        ctx, parser, QStringLiteral("Change an external access policy."),
        QStringLiteral("IDENTITY"), 1, 1, [&](DraftEdit &draft) -> int {
            Topology &t = draft.topology();
            const QString identity = normaliseIdentity(parser.positionalArguments().first());
            ExternalAccessPolicy *p = t.policy(identity);
            if (!p)
                return ctx.fail(
                    UsageOrValidation,
                    QStringLiteral("There is no policy %1. Create it with 'fedgatectl policy "
                                   "new %1'.")
                        .arg(identity));
            if (!applySwitches(ctx, parser, p))
                return UsageOrValidation;
            return draft.commit(
                ctx, QStringLiteral("policies/") + p->identity,
                QStringLiteral("Changed policy %1: %2.").arg(p->identity, switchesText(*p)),
                {{QStringLiteral("policy"), policyJson(t, identity)}});
        });
}

int policyRemove(Context &ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption force(QStringLiteral("force"),
                                   QStringLiteral("Remove a user policy even if it is granted; "
                                                  "its users fall back to their site or the "
                                                  "global policy."));
    parser.addOption(force);
    return editDraft(
        ctx, parser,
        QStringLiteral("Remove a policy. The global policy is never removed: this "
                       "resets it to its defaults."),
        QStringLiteral("IDENTITY"), 1, 1, [&](DraftEdit &draft) -> int {
            Topology &t = draft.topology();
            const QString identity = normaliseIdentity(parser.positionalArguments().first());
            if (!t.policy(identity))
                return ctx.fail(UsageOrValidation,
                                QStringLiteral("There is no policy %1.").arg(identity));
            if (identity == QLatin1String("global")) {
                resetGlobalPolicy(t);
                return draft.commit(
                    ctx, QStringLiteral("policies/global"),
                    QStringLiteral("Reset the global policy to its defaults (no external "
                                   "access). The global policy is never deleted."),
                    {{QStringLiteral("reset"), QStringLiteral("global")}});
            }
            QStringList grantees;
            for (const User &u : t.users)
                if (QStringLiteral("tag:") + u.grantedPolicy == identity)
                    grantees << u.xmppAddress;
            if (!grantees.isEmpty() && !parser.isSet(force))
                return ctx.fail(
                    UsageOrValidation,
                    QStringLiteral("The policy %1 is granted to %2. Grant them another policy "
                                   "('fedgatectl policy grant USER POLICY') or add --force to "
                                   "remove it and revoke those grants.")
                        .arg(identity, grantees.join(", ")));
            for (User &u : t.users)
                if (grantees.contains(u.xmppAddress))
                    u.grantedPolicy.clear();
            t.policies.removeIf(
                [&](const ExternalAccessPolicy &p) { return p.identity == identity; });
            return draft.commit(
                ctx, QString(), QStringLiteral("Removed policy %1.").arg(identity),
                {{QStringLiteral("removed"), identity},
                 {QStringLiteral("revokedFrom"), QJsonArray::fromStringList(grantees)}});
        });
}

int policyGrant(Context &ctx)
{
    QCommandLineParser parser;
    return editDraft(
        ctx, parser,
        QStringLiteral("Grant a user policy (tag:NAME or NAME) to a user; \"none\" "
                       "revokes the grant."),
        QStringLiteral("USER POLICY"), 2, 2, [&](DraftEdit &draft) -> int {
            Topology &t = draft.topology();
            const QString address = parser.positionalArguments().at(0).trimmed();
            User *u = t.user(address);
            if (!u)
                return ctx.fail(
                    UsageOrValidation,
                    QStringLiteral("There is no user %1. Add it with 'fedgatectl user add %1'.")
                        .arg(address));
            const QString wanted = parser.positionalArguments().at(1).trimmed();
            if (wanted.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0) {
                u->grantedPolicy.clear();
            } else {
                const QString identity = normaliseIdentity(wanted);
                if (!identity.startsWith(QLatin1String("tag:")))
                    return ctx.fail(
                        UsageOrValidation,
                        QStringLiteral("Only user policies (tag:NAME) are granted; %1 applies "
                                       "by itself.")
                            .arg(identity));
                if (!t.policy(identity))
                    return ctx.fail(
                        UsageOrValidation,
                        QStringLiteral("There is no policy %1. Create it with 'fedgatectl "
                                       "policy new %1'.")
                            .arg(identity));
                u->grantedPolicy = identity.mid(4);
            }
            const EffectivePolicy effective = effectivePolicy(t, *u);
            return draft.commit(
                ctx, QStringLiteral("users/") + u->xmppAddress,
                QStringLiteral("%1 now gets %2 (%3).")
                    .arg(u->xmppAddress, effective.policy.identity, effective.explanation),
                {{QStringLiteral("user"), u->xmppAddress},
                 {QStringLiteral("grantedPolicy"), u->grantedPolicy},
                 {QStringLiteral("effectivePolicy"), effective.policy.identity}});
        });
}

int policyList(Context &ctx)
{
    QCommandLineParser parser;
    return editDraft(ctx, parser, QStringLiteral("List the external access policies."), {}, 0, 0,
                     [&](DraftEdit &draft) -> int {
                         const Topology &t = draft.topology();
                         QString text;
                         for (const ExternalAccessPolicy &p : t.policies)
                             text += QStringLiteral("%1 (%2): %3\n")
                                         .arg(p.identity, toString(p.scope()), switchesText(p));
                         return ctx.succeed(
                             text, documentObject(t, {}).value(QStringLiteral("policies")));
                     });
}

// ---- user ------------------------------------------------------------------------

QJsonObject userJson(const Topology &t, const User &u)
{
    const EffectivePolicy e = effectivePolicy(t, u);
    return {{QStringLiteral("xmppAddress"), u.xmppAddress},
            {QStringLiteral("displayName"), u.displayName},
            {QStringLiteral("site"), u.site},
            {QStringLiteral("grantedPolicy"), u.grantedPolicy},
            {QStringLiteral("effectivePolicy"), e.policy.identity},
            {QStringLiteral("effectivePolicySource"), toString(e.source)},
            {QStringLiteral("mayFederateOverXmpp"), e.policy.enableXmppAccess}};
}

struct UserOptions
{
    QCommandLineOption name = valueOption(QStringLiteral("display-name"),
                                          QStringLiteral("Display name."), QStringLiteral("NAME"));
    QCommandLineOption site =
        valueOption(QStringLiteral("site"), QStringLiteral("Home site."), QStringLiteral("SITE"));
    QCommandLineOption policy =
        valueOption(QStringLiteral("policy"), QStringLiteral("User policy to grant (tag name)."),
                    QStringLiteral("NAME"));

    void addTo(QCommandLineParser &p) const { p.addOptions({name, site, policy}); }
    void apply(const QCommandLineParser &p, User *u) const
    {
        if (p.isSet(name))
            u->displayName = p.value(name);
        if (p.isSet(site))
            u->site = p.value(site).trimmed();
        if (p.isSet(policy)) {
            const QString v = p.value(policy).trimmed();
            u->grantedPolicy = v.startsWith(QLatin1String("tag:")) ? v.mid(4) : v;
        }
    }
};

int userAdd(Context &ctx)
{
    QCommandLineParser parser;
    const UserOptions o;
    o.addTo(parser);
    return editDraft(
        ctx, parser, QStringLiteral("Add a user (bare XMPP address user@domain)."),
        QStringLiteral("ADDRESS"), 1, 1, [&](DraftEdit &draft) -> int {
            Topology &t = draft.topology();
            User u;
            u.xmppAddress = parser.positionalArguments().first().trimmed();
            if (t.user(u.xmppAddress))
                return ctx.fail(
                    UsageOrValidation,
                    QStringLiteral("The user %1 already exists. Change it with 'fedgatectl "
                                   "user set %1'.")
                        .arg(u.xmppAddress));
            o.apply(parser, &u);
            t.users << u;
            return draft.commit(ctx, QStringLiteral("users/") + u.xmppAddress,
                                QStringLiteral("Added user %1 (effective policy %2).")
                                    .arg(u.xmppAddress, effectivePolicy(t, u).policy.identity),
                                {{QStringLiteral("user"), userJson(t, u)}});
        });
}

int userSet(Context &ctx)
{
    QCommandLineParser parser;
    const UserOptions o;
    o.addTo(parser);
    return editDraft(
        ctx, parser, QStringLiteral("Change a user."), QStringLiteral("ADDRESS"), 1, 1,
        [&](DraftEdit &draft) -> int {
            Topology &t = draft.topology();
            User *u = t.user(parser.positionalArguments().first().trimmed());
            if (!u)
                return ctx.fail(UsageOrValidation, QStringLiteral("There is no user %1.")
                                                       .arg(parser.positionalArguments().first()));
            o.apply(parser, u);
            return draft.commit(ctx, QStringLiteral("users/") + u->xmppAddress,
                                QStringLiteral("Changed user %1 (effective policy %2).")
                                    .arg(u->xmppAddress, effectivePolicy(t, *u).policy.identity),
                                {{QStringLiteral("user"), userJson(t, *u)}});
        });
}

int userRemove(Context &ctx)
{
    QCommandLineParser parser;
    return editDraft(ctx, parser, QStringLiteral("Remove a user."), QStringLiteral("ADDRESS"), 1, 1,
                     [&](DraftEdit &draft) -> int {
                         Topology &t = draft.topology();
                         const QString address = parser.positionalArguments().first().trimmed();
                         if (!t.user(address))
                             return ctx.fail(UsageOrValidation,
                                             QStringLiteral("There is no user %1.").arg(address));
                         t.users.removeIf([&](const User &u) {
                             return u.xmppAddress.compare(address, Qt::CaseInsensitive) == 0;
                         });
                         return draft.commit(ctx, QString(),
                                             QStringLiteral("Removed user %1.").arg(address),
                                             {{QStringLiteral("removed"), address}});
                     });
}

int userList(Context &ctx)
{
    QCommandLineParser parser;
    parser.addOption(gatewayStoreOption());
    return editDraft(
        ctx, parser,
        QStringLiteral("List users with the policy that applies to each and whether the "
                       "gateway's account store on this machine has a password for them."),
        {}, 0, 0, [&](DraftEdit &draft) -> int {
            const Topology &t = draft.topology();
            const PasswordStatus passwords = readPasswordStatus(parser.value(gatewayStoreOption()));
            QString text;
            QJsonArray json;
            for (const User &u : t.users) {
                const EffectivePolicy e = effectivePolicy(t, u);
                const bool hasPassword = passwords.withPassword.contains(accountKey(u.xmppAddress));
                text += QStringLiteral("%1 (%2), site %3: %4 — %5; XMPP federation %6; "
                                       "password %7\n")
                            .arg(u.xmppAddress,
                                 u.displayName.isEmpty() ? QStringLiteral("-") : u.displayName,
                                 u.site.isEmpty() ? QStringLiteral("-") : u.site, e.policy.identity,
                                 e.explanation,
                                 e.policy.enableXmppAccess ? QStringLiteral("allowed")
                                                           : QStringLiteral("not allowed"),
                                 hasPassword ? QStringLiteral("set") : QStringLiteral("not set"));
                QJsonObject o = userJson(t, u);
                o.insert(QStringLiteral("passwordSet"), hasPassword);
                json.append(o);
            }
            if (text.isEmpty())
                text = QStringLiteral("No users. Add one with 'fedgatectl user add user@domain'.");
            else if (!passwords.available)
                text += QStringLiteral("(Passwords: %1. Set one with 'fedgatectl user password "
                                       "ADDRESS'.)\n")
                            .arg(passwords.problem);
            return ctx.succeed(text, json);
        });
}

const Registrar registrar{
    {QStringLiteral("policy"), QStringLiteral("new"),
     QStringLiteral("Create a site or user external access policy."), policyNew},
    {QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("Change a policy's switches."),
     policySet},
    {QStringLiteral("policy"), QStringLiteral("remove"),
     QStringLiteral("Remove a policy (resets global)."), policyRemove},
    {QStringLiteral("policy"), QStringLiteral("grant"),
     QStringLiteral("Grant a user policy to a user."), policyGrant},
    {QStringLiteral("policy"), QStringLiteral("list"), QStringLiteral("List the policies."),
     policyList},
    {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("Add a user."), userAdd},
    {QStringLiteral("user"), QStringLiteral("set"), QStringLiteral("Change a user."), userSet},
    {QStringLiteral("user"), QStringLiteral("remove"), QStringLiteral("Remove a user."),
     userRemove},
    {QStringLiteral("user"), QStringLiteral("list"),
     QStringLiteral("List users and their effective policy."), userList},
};

} // namespace
} // namespace fedgate::cli
