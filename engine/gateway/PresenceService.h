#pragma once

#include "engine/xml/XmlElement.h"
#include "engine/xmpp/Jid.h"

#include <QHash>
#include <QSet>

// RFC 6121 section 4 (exchanging presence) for the gateway's users: initial
// presence (probes to the contacts we see, broadcast to the contacts that see
// us and to the user's own resources), presence updates, unavailable
// presence (also when a stream ends without one), directed presence, and
// probes from contacts answered from each resource's last presence.
namespace fedgate::engine {

class ClientSession;
class GatewayRouter;
class RosterStore;

class PresenceService
{
public:
    // Directed-presence recipients remembered per session (RFC 6121 4.6.3:
    // they get our unavailable presence too). More are still sent, but not
    // remembered.
    static constexpr int kMaxDirectedPerSession = 200;

    PresenceService(GatewayRouter &router, RosterStore &roster)
        : m_router(router)
        , m_roster(roster)
    {}

    // Presence without a type or of type 'unavailable' from a bound session
    // ('from' stamped). Returns true for the session's initial presence.
    bool fromClient(ClientSession *session, const XmlElement &presence);
    // Presence (available, unavailable or probe) to one of our users.
    void toLocalUser(const XmlElement &presence);
    void sessionEnded(ClientSession *session);

    // The current presence of each available resource of `user` (bare) to
    // `contact`, after a subscription was approved; unavailable when none.
    void sendCurrentPresence(const Jid &user, const Jid &contact);
    // Unavailable presence from each available resource of `user` to
    // `contact`, after its subscription was cancelled.
    void sendUnavailable(const Jid &user, const Jid &contact);

private:
    void broadcast(ClientSession *session, const XmlElement &presence);
    void answerProbe(const Jid &user, const Jid &contact);

    GatewayRouter &m_router;
    RosterStore &m_roster;
    QHash<const ClientSession *, QSet<QString>> m_directed;
};

} // namespace fedgate::engine
