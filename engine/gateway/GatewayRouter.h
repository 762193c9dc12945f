#pragma once

#include "engine/xml/XmlElement.h"
#include "engine/xmpp/Jid.h"

#include <QList>

// What the gateway's protocol services (roster, presence, offline storage)
// need from the Gateway: the bound sessions of a local user and a way to
// send a stanza on, to a local user or to a partner.
namespace fedgate::engine {

class ClientSession;

class GatewayRouter
{
public:
    virtual ~GatewayRouter() = default;
    // Bound sessions of a local user, oldest first.
    virtual QList<ClientSession *> sessionsOf(const Jid &bare) const = 0;
    // A stanza with 'from' and 'to' set, from one of our users or our server:
    // to a local user (RFC 6121 section 8 delivery) or through the link.
    virtual void route(const XmlElement &stanza) = 0;
    virtual bool isLocalDomain(const QString &domain) const = 0;
    // A user of the published topology (may log in).
    virtual bool isLocalUser(const Jid &bare) const = 0;
};

} // namespace fedgate::engine
