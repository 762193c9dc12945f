#pragma once

#include "engine/xml/XmlElement.h"
#include "engine/xmpp/Jid.h"

#include <QString>
#include <QStringList>

// One contact in a user's roster with its RFC 6121 subscription state: the
// subscription (none, to, from, both), the pending-out flag ('ask' =
// subscribe sent, not yet answered) and the pending-in flag (the contact
// asked to see our presence, our user has not answered). A row that only
// holds a pending-in request is not "listed": it is not in the roster the
// client sees until the user adds or approves the contact.
namespace fedgate::engine {

enum class Subscription
{
    None,
    To,   // we see the contact's presence
    From, // the contact sees ours
    Both
};

QString toString(Subscription subscription);         // "none", "to", "from", "both"
Subscription parseSubscription(const QString &text); // unknown -> None

struct RosterItem
{
    Jid contact; // bare
    QString name;
    QStringList groups;
    Subscription subscription = Subscription::None;
    bool pendingOut = false;
    bool pendingIn = false;
    bool listed = true;

    bool hasTo() const
    {
        return subscription == Subscription::To || subscription == Subscription::Both;
    }
    bool hasFrom() const
    {
        return subscription == Subscription::From || subscription == Subscription::Both;
    }
    void setTo(bool on);
    void setFrom(bool on);

    // <item jid='' name='' subscription='' ask='subscribe'><group/>...</item>
    // in jabber:iq:roster.
    XmlElement toXml() const;
};

} // namespace fedgate::engine
