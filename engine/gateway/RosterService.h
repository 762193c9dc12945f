#pragma once

#include "engine/xml/XmlElement.h"
#include "engine/xmpp/Jid.h"

#include <QString>

// RFC 6121 sections 2 and 3 for the gateway's users: roster get and set
// (with pushes to every interested resource) and the presence subscription
// handshake in both directions, with the subscription states and the
// pending-in/pending-out flags of RFC 6121 Appendix A.
namespace fedgate::engine {

class ClientSession;
class GatewayRouter;
class PresenceService;
class RosterStore;
struct RosterItem;

class RosterService
{
public:
    static constexpr int kMaxGroupsPerItem = 64;
    static constexpr int kMaxNameLength = 1023;

    RosterService(GatewayRouter &router, RosterStore &store, PresenceService &presence)
        : m_router(router)
        , m_store(store)
        , m_presence(presence)
    {}

    // An iq in jabber:iq:roster from a bound session to its own account.
    void handleIq(ClientSession *session, const XmlElement &iq);
    // subscribe, subscribed, unsubscribe or unsubscribed from our user.
    void fromClient(ClientSession *session, const XmlElement &presence);
    // The same to one of our users. `autoApprove`: a subscribe is approved
    // without asking the user (Federated and PublicVerified partners).
    void toLocalUser(const XmlElement &presence, bool autoApprove);
    // Subscription requests still waiting for an answer (RFC 6121 3.1.3:
    // delivered again when the user comes online).
    void deliverPendingRequests(ClientSession *session);
    // Has `user` added `contact` and asked to see its presence?
    bool hasRequested(const Jid &user, const Jid &contact);

private:
    void push(const Jid &owner, const XmlElement &item);
    void save(const Jid &owner, const RosterItem &item);
    void deliverToAvailable(const Jid &user, const XmlElement &presence);
    void sendSubscriptionPresence(const Jid &from, const Jid &to, const QString &type);
    bool roomFor(const Jid &owner);

    GatewayRouter &m_router;
    RosterStore &m_store;
    PresenceService &m_presence;
    int m_pushCounter = 0;
};

} // namespace fedgate::engine
