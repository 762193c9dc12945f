#pragma once

#include "Topology.h"

// Which external access policy applies to a user, and why. Precedence:
// a granted user policy, else the user's site policy, else global.
namespace fedgate::topology {

struct EffectivePolicy
{
    ExternalAccessPolicy policy;
    PolicyScope source = PolicyScope::Global;
    QString explanation; // e.g. "granted user policy tag:contractors"
};

EffectivePolicy effectivePolicy(const Topology &topology, const QString &xmppAddress);
EffectivePolicy effectivePolicy(const Topology &topology, const User &user);

// May this user exchange IM and presence with XMPP partners?
bool mayFederateOverXmpp(const Topology &topology, const QString &xmppAddress);

// The global policy back to its defaults (all switches off). The global
// policy is never deleted.
void resetGlobalPolicy(Topology &topology);

} // namespace fedgate::topology
