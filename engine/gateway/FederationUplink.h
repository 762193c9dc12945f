#pragma once

#include "engine/xml/XmlElement.h"

#include <QString>

// The two directions between the gateway (which hosts the organisation's
// users: c2s, rosters, presence, offline storage) and the edge (which
// federates with partner domains). The internal link (engine/link, TCP 23456,
// mutual TLS) implements FederationUplink on the gateway's side and calls the
// gateway's FederationInbox; engine/gateway/Gateway implements
// FederationInbox. Both are called on the gateway's own event loop only.
namespace fedgate::engine {

// The gateway's way to partner domains (the internal link to the edge).
class FederationUplink
{
public:
    virtual ~FederationUplink() = default;
    // Never blocks. While the link is down the stanza is queued; after the
    // stream establishment timeout without a link it comes back through
    // FederationInbox::undeliverable(). The stanza carries full 'from' and
    // 'to' attributes in the jabber:client namespace as the gateway routes it
    // (the link rewrites the namespace for s2s).
    virtual void sendToFederation(const XmlElement &stanza) = 0;
};

// What the link hands to the gateway.
class FederationInbox
{
public:
    virtual ~FederationInbox() = default;
    // A stanza from a partner to one of our users ('to' is in one of our
    // domains). The gateway applies the access policy and the partner-type
    // rules, then delivers, stores offline or answers with an error.
    virtual void receiveFromFederation(const XmlElement &stanza) = 0;
    // A stanza the gateway sent that the link could not deliver (no link
    // within the establishment timeout, or refused by the edge). condition is
    // the RFC 6120 8.3.3 stanza error condition to report to the sender
    // ("remote-server-timeout", "service-unavailable", ...). The gateway
    // turns it into the error stanza for the local sender (never for an
    // error stanza, per RFC 6120 8.3.1).
    virtual void undeliverable(const XmlElement &stanza, const QString &condition) = 0;
};

} // namespace fedgate::engine
