#include "RosterService.h"

#include "GatewayRouter.h"
#include "PresenceService.h"
#include "RosterStore.h"
#include "engine/c2s/ClientNamespaces.h"
#include "engine/c2s/ClientSession.h"
#include "engine/xml/StanzaError.h"

#include <spdlog/spdlog.h>

namespace fedgate::engine {

namespace {
const QString kFrom = QStringLiteral("from");
const QString kTo = QStringLiteral("to");
const QString kType = QStringLiteral("type");

} // namespace

bool RosterService::roomFor(const Jid &owner)
{
    return m_store.count(owner) < RosterStore::kMaxItemsPerUser;
}

void RosterService::save(const Jid &owner, const RosterItem &item)
{
    if (!item.listed && item.subscription == Subscription::None && !item.pendingIn &&
        !item.pendingOut) {
        m_store.remove(owner, item.contact);
        return;
    }
    const Status saved = m_store.save(owner, item);
    if (!saved)
        spdlog::error("roster of {}: {}", owner.toString().toStdString(),
                      saved.error().toString().toStdString());
}

void RosterService::push(const Jid &owner, const XmlElement &item)
{
    const QString version = QString::number(m_store.version(owner));
    for (ClientSession *s : m_router.sessionsOf(owner)) {
        if (!s->rosterRequested)
            continue;
        XmlElement iq(QStringLiteral("iq"), ns::kClient);
        iq.setAttribute(kTo, s->jid().toString());
        iq.setAttribute(QStringLiteral("id"), QStringLiteral("push%1").arg(++m_pushCounter));
        iq.setAttribute(kType, QStringLiteral("set"));
        XmlElement &query = iq.addChild(XmlElement(QStringLiteral("query"), ns::kRoster));
        query.setAttribute(QStringLiteral("ver"), version);
        query.addChild(item);
        s->deliver(iq);
    }
}

void RosterService::sendSubscriptionPresence(const Jid &from, const Jid &to, const QString &type)
{
    XmlElement p(QStringLiteral("presence"), ns::kClient);
    p.setAttribute(kFrom, from.toString());
    p.setAttribute(kTo, to.toString());
    p.setAttribute(kType, type);
    m_router.route(p);
}

void RosterService::deliverToAvailable(const Jid &user, const XmlElement &presence)
{
    for (ClientSession *s : m_router.sessionsOf(user))
        if (s->available)
            s->deliver(presence);
}

bool RosterService::hasRequested(const Jid &user, const Jid &contact)
{
    const std::optional<RosterItem> item = m_store.item(user, contact);
    return item && item->listed && (item->hasTo() || item->pendingOut || item->hasFrom());
}

void RosterService::handleIq(ClientSession *session, const XmlElement &iq)
{
    const Jid owner = session->jid().bare();
    const QString type = iq.attribute(kType);
    const XmlElement *query = iq.firstChild(QStringLiteral("query"), ns::kRoster);
    auto fail = [&](const QString &condition) {
        session->deliver(makeStanzaError(iq, condition, {}, ns::kClient));
    };
    if (type == QLatin1String("get")) {
        session->rosterRequested = true;
        XmlElement reply = makeIqResult(iq, ns::kClient);
        // RFC 6121 2.6: a client that has the current version gets an empty
        // result, then pushes.
        const QString version = QString::number(m_store.version(owner));
        if (query->hasAttribute(QStringLiteral("ver")) &&
            query->attribute(QStringLiteral("ver")) == version) {
            session->deliver(reply);
            return;
        }
        XmlElement &out = reply.addChild(XmlElement(QStringLiteral("query"), ns::kRoster));
        out.setAttribute(QStringLiteral("ver"), version);
        for (const RosterItem &item : m_store.items(owner))
            if (item.listed)
                out.addChild(item.toXml());
        session->deliver(reply);
        return;
    }
    if (type != QLatin1String("set")) {
        fail(QStringLiteral("bad-request"));
        return;
    }
    const XmlElement *itemElement = nullptr;
    int count = 0;
    for (const XmlElement &child : query->children())
        if (!child.isText() && child.is(QStringLiteral("item"), ns::kRoster) && ++count == 1)
            itemElement = &child;
    if (count != 1) {
        fail(QStringLiteral("bad-request")); // RFC 6121 2.3.3: exactly one item
        return;
    }
    const Jid contact = Jid::fromString(itemElement->attribute(QStringLiteral("jid")));
    if (!contact.isValid() || !contact.isBare()) {
        fail(QStringLiteral("jid-malformed"));
        return;
    }
    std::optional<RosterItem> existing = m_store.item(owner, contact);
    if (itemElement->attribute(QStringLiteral("subscription")) == QLatin1String("remove")) {
        if (!existing || !existing->listed) {
            fail(QStringLiteral("item-not-found"));
            return;
        }
        // RFC 6121 2.5.2: cancel both directions with the contact.
        if (existing->hasTo() || existing->pendingOut)
            sendSubscriptionPresence(owner, contact, QStringLiteral("unsubscribe"));
        if (existing->hasFrom() || existing->pendingIn) {
            if (existing->hasFrom())
                m_presence.sendUnavailable(owner, contact);
            sendSubscriptionPresence(owner, contact, QStringLiteral("unsubscribed"));
        }
        m_store.remove(owner, contact);
        session->deliver(makeIqResult(iq, ns::kClient));
        XmlElement removed(QStringLiteral("item"), ns::kRoster);
        removed.setAttribute(QStringLiteral("jid"), contact.toString());
        removed.setAttribute(QStringLiteral("subscription"), QStringLiteral("remove"));
        push(owner, removed);
        return;
    }
    if (!existing && !roomFor(owner)) {
        fail(QStringLiteral("resource-constraint"));
        return;
    }
    RosterItem item = existing.value_or(RosterItem{});
    item.contact = contact;
    item.listed = true;
    item.name = itemElement->attribute(QStringLiteral("name")).left(kMaxNameLength);
    item.groups.clear();
    for (const XmlElement &g : itemElement->children()) {
        if (g.isText() || !g.is(QStringLiteral("group"), ns::kRoster))
            continue;
        const QString group = g.text().trimmed().left(kMaxNameLength);
        if (group.isEmpty() || item.groups.contains(group))
            continue;
        if (item.groups.size() >= kMaxGroupsPerItem) {
            fail(QStringLiteral("not-acceptable"));
            return;
        }
        item.groups << group;
    }
    save(owner, item);
    session->deliver(makeIqResult(iq, ns::kClient));
    push(owner, item.toXml());
}

void RosterService::fromClient(ClientSession *session, const XmlElement &presence)
{
    const Jid owner = session->jid().bare();
    const Jid contact = Jid::fromString(presence.attribute(kTo)).bare();
    const QString type = presence.attribute(kType);
    if (!contact.isValid()) {
        session->deliver(
            makeStanzaError(presence, QStringLiteral("jid-malformed"), {}, ns::kClient));
        return;
    }
    std::optional<RosterItem> existing = m_store.item(owner, contact);
    if (!existing && !roomFor(owner)) {
        session->deliver(
            makeStanzaError(presence, QStringLiteral("resource-constraint"), {}, ns::kClient));
        return;
    }
    RosterItem item = existing.value_or(RosterItem{});
    item.contact = contact;
    bool changed = false;
    bool routeIt = true;
    if (type == QLatin1String("subscribe")) {
        if (!existing)
            item.listed = true;
        if (item.hasTo()) {
            routeIt = false; // RFC 6121 3.1.2: already subscribed
        } else if (!item.pendingOut || !item.listed) {
            item.pendingOut = true;
            item.listed = true;
            changed = true;
        }
    } else if (type == QLatin1String("unsubscribe")) {
        changed = item.hasTo() || item.pendingOut;
        item.setTo(false);
        item.pendingOut = false;
    } else if (type == QLatin1String("subscribed")) {
        if (item.pendingIn) {
            item.pendingIn = false;
            item.setFrom(true);
            item.listed = true;
            changed = true;
        } else {
            routeIt = false; // nothing to approve (no pre-approval support)
        }
    } else if (type == QLatin1String("unsubscribed")) {
        const bool hadFrom = item.hasFrom();
        changed = hadFrom || item.pendingIn;
        routeIt = changed;
        item.setFrom(false);
        item.pendingIn = false;
        if (hadFrom)
            m_presence.sendUnavailable(owner, contact);
    }
    if (changed) {
        save(owner, item);
        if (item.listed)
            push(owner, item.toXml());
    }
    if (!routeIt)
        return;
    XmlElement out = presence;
    out.setAttribute(kFrom, owner.toString()); // RFC 6121 3.1.2: the bare JID
    out.setAttribute(kTo, contact.toString());
    m_router.route(out);
    if (type == QLatin1String("subscribed"))
        m_presence.sendCurrentPresence(owner, contact);
}

void RosterService::toLocalUser(const XmlElement &presence, bool autoApprove)
{
    const Jid user = Jid::fromString(presence.attribute(kTo)).bare();
    const Jid contact = Jid::fromString(presence.attribute(kFrom)).bare();
    const QString type = presence.attribute(kType);
    if (!user.isValid() || !contact.isValid())
        return;
    std::optional<RosterItem> existing = m_store.item(user, contact);
    RosterItem item = existing.value_or(RosterItem{});
    item.contact = contact;
    XmlElement delivered = presence;
    delivered.setAttribute(kFrom, contact.toString());
    if (type == QLatin1String("subscribe")) {
        if (item.hasFrom()) {
            // RFC 6121 3.1.3: already approved; answer on the user's behalf.
            sendSubscriptionPresence(user, contact, QStringLiteral("subscribed"));
            return;
        }
        if (!existing && !roomFor(user)) {
            if (mayAnswerWithError(presence))
                m_router.route(makeStanzaError(presence, QStringLiteral("resource-constraint"), {},
                                               ns::kClient));
            return;
        }
        if (autoApprove) {
            item.setFrom(true);
            item.pendingIn = false;
            item.listed = true;
            save(user, item);
            push(user, item.toXml());
            sendSubscriptionPresence(user, contact, QStringLiteral("subscribed"));
            m_presence.sendCurrentPresence(user, contact);
            return;
        }
        if (!existing)
            item.listed = false;
        item.pendingIn = true;
        save(user, item);
        deliverToAvailable(user, delivered);
        return;
    }
    if (type == QLatin1String("subscribed")) {
        if (!item.pendingOut)
            return; // RFC 6121 3.1.6: not asked for; ignored
        item.pendingOut = false;
        item.setTo(true);
    } else if (type == QLatin1String("unsubscribed")) {
        if (!item.hasTo() && !item.pendingOut)
            return;
        item.pendingOut = false;
        item.setTo(false);
    } else if (type == QLatin1String("unsubscribe")) {
        if (!item.hasFrom() && !item.pendingIn)
            return;
        item.pendingIn = false;
        item.setFrom(false);
    } else {
        return;
    }
    save(user, item);
    if (item.listed)
        push(user, item.toXml());
    deliverToAvailable(user, delivered);
}

void RosterService::deliverPendingRequests(ClientSession *session)
{
    const Jid user = session->jid().bare();
    for (const RosterItem &item : m_store.items(user)) {
        if (!item.pendingIn)
            continue;
        XmlElement p(QStringLiteral("presence"), ns::kClient);
        p.setAttribute(kFrom, item.contact.toString());
        p.setAttribute(kTo, user.toString());
        p.setAttribute(kType, QStringLiteral("subscribe"));
        session->deliver(p);
    }
}

} // namespace fedgate::engine
