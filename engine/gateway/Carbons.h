#pragma once

#include "engine/xml/XmlElement.h"
#include "engine/xmpp/Jid.h"

// XEP-0280 message carbons: which messages are copied to a user's other
// resources that enabled carbons, and the copy itself (<received/> or
// <sent/> around a XEP-0297 <forwarded/> message, from the user's bare JID).
namespace fedgate::engine {

// A chat message with a body, not marked <private/> (XEP-0280) nor
// <no-copy/> (XEP-0334).
bool isCarbonEligible(const XmlElement &message);

// `direction` is "received" or "sent"; `to` is the resource that gets it.
XmlElement carbonCopy(const XmlElement &message, const QString &direction, const Jid &user,
                      const Jid &to);

} // namespace fedgate::engine
