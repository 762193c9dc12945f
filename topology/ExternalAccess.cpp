#include "ExternalAccess.h"

#include <QCoreApplication>

namespace fedgate::topology {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ExternalAccess", text);
}
} // namespace

EffectivePolicy effectivePolicy(const Topology &topology, const User &user)
{
    EffectivePolicy result;
    if (!user.grantedPolicy.isEmpty()) {
        if (const ExternalAccessPolicy *p =
                topology.policy(QStringLiteral("tag:") + user.grantedPolicy)) {
            result.policy = *p;
            result.source = PolicyScope::User;
            result.explanation =
                tr("user policy %1, granted to %2").arg(p->identity, user.xmppAddress);
            return result;
        }
    }
    if (!user.site.isEmpty()) {
        if (const ExternalAccessPolicy *p = topology.policy(QStringLiteral("site:") + user.site)) {
            result.policy = *p;
            result.source = PolicyScope::Site;
            result.explanation = tr("site policy %1 of the user's home site").arg(p->identity);
            return result;
        }
    }
    if (const ExternalAccessPolicy *p = topology.policy(QStringLiteral("global")))
        result.policy = *p;
    result.source = PolicyScope::Global;
    result.explanation = user.grantedPolicy.isEmpty()
                             ? tr("global policy (no user policy granted, no site policy)")
                             : tr("global policy (the granted policy tag:%1 does not exist)")
                                   .arg(user.grantedPolicy);
    return result;
}

EffectivePolicy effectivePolicy(const Topology &topology, const QString &xmppAddress)
{
    if (const User *u = topology.user(xmppAddress))
        return effectivePolicy(topology, *u);
    User unknown;
    unknown.xmppAddress = xmppAddress;
    return effectivePolicy(topology, unknown);
}

bool mayFederateOverXmpp(const Topology &topology, const QString &xmppAddress)
{
    return effectivePolicy(topology, xmppAddress).policy.enableXmppAccess;
}

void resetGlobalPolicy(Topology &topology)
{
    topology.normalise();
    ExternalAccessPolicy *global = topology.policy(QStringLiteral("global"));
    *global = ExternalAccessPolicy{};
}

} // namespace fedgate::topology
