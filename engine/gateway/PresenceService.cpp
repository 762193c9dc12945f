#include "PresenceService.h"

#include "GatewayRouter.h"
#include "RosterStore.h"
#include "engine/c2s/ClientNamespaces.h"
#include "engine/c2s/ClientSession.h"

namespace fedgate::engine {

namespace {
const QString kFrom = QStringLiteral("from");
const QString kTo = QStringLiteral("to");
const QString kType = QStringLiteral("type");

XmlElement addressed(const XmlElement &presence, const QString &to)
{
    XmlElement copy = presence;
    copy.setAttribute(kTo, to);
    return copy;
}

XmlElement simplePresence(const QString &from, const QString &to, const QString &type = {})
{
    XmlElement p(QStringLiteral("presence"), ns::kClient);
    p.setAttribute(kFrom, from);
    p.setAttribute(kTo, to);
    if (!type.isEmpty())
        p.setAttribute(kType, type);
    return p;
}

int priorityOf(const XmlElement &presence)
{
    const XmlElement *p = presence.firstChild(QStringLiteral("priority"));
    if (!p)
        return 0;
    bool ok = false;
    const int value = p->text().trimmed().toInt(&ok);
    return ok ? std::clamp(value, -128, 127) : 0;
}
} // namespace

bool PresenceService::fromClient(ClientSession *session, const XmlElement &presence)
{
    const QString to = presence.attribute(kTo);
    const bool unavailable = presence.attribute(kType) == QLatin1String("unavailable");
    if (!to.isEmpty()) {
        // Directed presence (RFC 6121 4.6).
        QSet<QString> &directed = m_directed[session];
        if (unavailable)
            directed.remove(to);
        else if (directed.size() < kMaxDirectedPerSession)
            directed.insert(to);
        m_router.route(presence);
        return false;
    }
    const bool initial = !unavailable && !session->available;
    if (unavailable) {
        if (!session->available)
            return false;
        session->available = false;
        session->lastPresence = presence;
    } else {
        session->available = true;
        session->priority = priorityOf(presence);
        session->lastPresence = presence;
    }
    broadcast(session, presence);
    if (initial) {
        const Jid user = session->jid().bare();
        // RFC 6121 4.2.2: the new resource learns about the user's other ones.
        for (ClientSession *other : m_router.sessionsOf(user))
            if (other != session && other->available)
                session->deliver(addressed(other->lastPresence, session->jid().toString()));
        for (const RosterItem &item : m_roster.items(user))
            if (item.hasTo())
                m_router.route(simplePresence(user.toString(), item.contact.toString(),
                                              QStringLiteral("probe")));
    }
    if (unavailable)
        m_directed.remove(session);
    return initial;
}

void PresenceService::broadcast(ClientSession *session, const XmlElement &presence)
{
    const Jid user = session->jid().bare();
    QSet<QString> sent;
    for (const RosterItem &item : m_roster.items(user)) {
        if (!item.hasFrom())
            continue;
        const QString contact = item.contact.toString();
        sent.insert(contact);
        m_router.route(addressed(presence, contact));
    }
    if (presence.attribute(kType) == QLatin1String("unavailable")) {
        for (const QString &to : m_directed.value(session))
            if (!sent.contains(Jid::fromString(to).bare().toString()))
                m_router.route(addressed(presence, to));
    }
    // RFC 6121 4.2.2 and 4.4.2: the user's own available resources, the
    // sender included.
    for (ClientSession *own : m_router.sessionsOf(user))
        if (own->available || own == session)
            own->deliver(addressed(presence, own->jid().toString()));
}

void PresenceService::sessionEnded(ClientSession *session)
{
    if (session->available) {
        XmlElement p(QStringLiteral("presence"), ns::kClient);
        p.setAttribute(kFrom, session->jid().toString());
        p.setAttribute(kType, QStringLiteral("unavailable"));
        session->available = false;
        // Not to the ending session itself.
        const Jid user = session->jid().bare();
        for (const RosterItem &item : m_roster.items(user))
            if (item.hasFrom())
                m_router.route(addressed(p, item.contact.toString()));
        for (const QString &to : m_directed.value(session))
            m_router.route(addressed(p, to));
        for (ClientSession *own : m_router.sessionsOf(user))
            if (own != session && own->available)
                own->deliver(addressed(p, own->jid().toString()));
    }
    m_directed.remove(session);
}

void PresenceService::toLocalUser(const XmlElement &presence)
{
    const Jid to = Jid::fromString(presence.attribute(kTo));
    const Jid from = Jid::fromString(presence.attribute(kFrom));
    if (!to.isValid() || !from.isValid())
        return;
    if (presence.attribute(kType) == QLatin1String("probe")) {
        answerProbe(to.bare(), from.bare());
        return;
    }
    const QList<ClientSession *> sessions = m_router.sessionsOf(to.bare());
    for (ClientSession *s : sessions) {
        if (to.isBare() ? s->available : s->jid() == to)
            s->deliver(presence);
    }
    // RFC 6121 8.5.3.2.3 and 8.5.2.2.3: presence to a resource or a user
    // with none online is silently ignored.
}

void PresenceService::answerProbe(const Jid &user, const Jid &contact)
{
    const std::optional<RosterItem> item = m_roster.item(user, contact);
    const bool own = contact == user;
    if (!own && (!item || !item->hasFrom())) {
        // RFC 6121 4.3.2: not subscribed; reveal nothing.
        m_router.route(
            simplePresence(user.toString(), contact.toString(), QStringLiteral("unsubscribed")));
        return;
    }
    sendCurrentPresence(user, contact);
}

void PresenceService::sendCurrentPresence(const Jid &user, const Jid &contact)
{
    bool any = false;
    for (ClientSession *s : m_router.sessionsOf(user)) {
        if (!s->available)
            continue;
        any = true;
        m_router.route(addressed(s->lastPresence, contact.toString()));
    }
    if (!any)
        m_router.route(
            simplePresence(user.toString(), contact.toString(), QStringLiteral("unavailable")));
}

void PresenceService::sendUnavailable(const Jid &user, const Jid &contact)
{
    for (ClientSession *s : m_router.sessionsOf(user))
        if (s->available)
            m_router.route(simplePresence(s->jid().toString(), contact.toString(),
                                          QStringLiteral("unavailable")));
}

} // namespace fedgate::engine
