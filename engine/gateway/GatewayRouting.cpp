// Gateway: where stanzas go (RFC 6120 section 10, RFC 6121 section 8), the
// partner-type rules and the external access policy per stanza (issue 10
// item 5), offline storage (XEP-0160).
#include "Gateway.h"

#include "Carbons.h"
#include "OfflineStore.h"
#include "PresenceService.h"
#include "RosterService.h"
#include "engine/c2s/ClientNamespaces.h"
#include "engine/c2s/ClientSession.h"
#include "engine/c2s/StanzaNamespace.h"
#include "engine/xml/PeerText.h"
#include "engine/xml/StanzaError.h"
#include "topology/ExternalAccess.h"

#include <QDateTime>

#include <spdlog/spdlog.h>

namespace fedgate::engine {

namespace {
const QString kFrom = QStringLiteral("from");
const QString kTo = QStringLiteral("to");
const QString kType = QStringLiteral("type");

bool isSubscription(const QString &type)
{
    return type == QLatin1String("subscribe") || type == QLatin1String("subscribed") ||
           type == QLatin1String("unsubscribe") || type == QLatin1String("unsubscribed");
}

XmlElement withoutStatus(const XmlElement &presence)
{
    XmlElement out(presence.name(), presence.ns());
    for (const auto &[name, value] : presence.attributes())
        out.appendAttribute(name, value);
    for (const XmlElement &child : presence.children())
        if (child.isText() || child.name() != QLatin1String("status"))
            out.addChild(child);
    return out;
}
} // namespace

void Gateway::stanzaFromClient(ClientSession *session, const XmlElement &stanza)
{
    const QString &name = stanza.name();
    if (name == QLatin1String("presence")) {
        presenceFromClient(session, stanza);
        return;
    }
    if (name == QLatin1String("iq")) {
        iqFromClient(session, stanza);
        return;
    }
    // A message without 'to' is for the sender's own account (RFC 6120 10.3.1).
    XmlElement addressed = stanza;
    if (stanza.attribute(kTo).isEmpty())
        addressed.setAttribute(kTo, session->jid().bare().toString());
    route(addressed);
    // XEP-0280: the sender's other resources see what it sent.
    if (isCarbonEligible(addressed))
        for (ClientSession *s : sessionsOf(session->jid().bare()))
            if (s != session && s->carbonsEnabled)
                s->deliver(carbonCopy(addressed, QStringLiteral("sent"), s->jid(), s->jid()));
}

void Gateway::presenceFromClient(ClientSession *session, const XmlElement &presence)
{
    const QString type = presence.attribute(kType);
    if (type.isEmpty() || type == QLatin1String("unavailable")) {
        const bool initial = m_presence->fromClient(session, presence);
        if (initial) {
            m_roster->deliverPendingRequests(session);
            deliverOffline(session);
        }
        return;
    }
    if (isSubscription(type)) {
        const Jid to = Jid::fromString(presence.attribute(kTo));
        if (to.isValid() && !isLocalDomain(to.domain())) {
            const QString refusal = policyRefusal(session->jid().bare());
            if (!refusal.isEmpty()) {
                session->deliver(
                    makeStanzaError(presence, QStringLiteral("not-allowed"), refusal, ns::kClient));
                return;
            }
        }
        m_roster->fromClient(session, presence);
        return;
    }
    if (type == QLatin1String("error") && !presence.attribute(kTo).isEmpty()) {
        route(presence);
        return;
    }
    // A probe or an unknown type from a client (RFC 6121 4.3: probes are the
    // server's business).
    session->deliver(makeStanzaError(
        presence, QStringLiteral("bad-request"),
        QStringLiteral("Presence of type '%1' is not for clients.").arg(boundedPeerText(type)),
        ns::kClient));
}

void Gateway::route(const XmlElement &stanza)
{
    const Jid to = Jid::fromString(stanza.attribute(kTo));
    if (!to.isValid()) {
        bounce(stanza, QStringLiteral("jid-malformed"),
               QStringLiteral("'%1' is not a valid address.")
                   .arg(boundedPeerText(stanza.attribute(kTo))));
        return;
    }
    if (isLocalDomain(to.domain())) {
        deliverLocal(stanza);
        return;
    }
    toFederation(stanza, to);
}

QString Gateway::policyRefusal(const Jid &user) const
{
    const topology::EffectivePolicy effective =
        topology::effectivePolicy(m_topology, user.toString());
    if (effective.policy.enableXmppAccess)
        return {};
    return QStringLiteral("The external access policy '%1' (%2) does not enable XMPP access "
                          "(EnableXmppAccess) for %3.")
        .arg(effective.policy.identity, effective.explanation, user.toString());
}

void Gateway::toFederation(const XmlElement &stanza, const Jid &to)
{
    const Jid from = Jid::fromString(stanza.attribute(kFrom));
    if (isLocalUser(from.bare())) {
        const QString refusal = policyRefusal(from.bare());
        if (!refusal.isEmpty()) {
            spdlog::info("gateway: {} to {} refused: {}", from.toString().toStdString(),
                         to.toString().toStdString(), refusal.toStdString());
            bounce(stanza, QStringLiteral("not-allowed"), refusal);
            return;
        }
    }
    const topology::XmppPartner *partner = m_topology.partnerForDomain(to.domain());
    if (!partner) {
        bounce(stanza, QStringLiteral("remote-server-not-found"),
               QStringLiteral("'%1' is not a federation partner of this organisation.")
                   .arg(to.domain()));
        return;
    }
    if (!m_uplink) {
        bounce(stanza, QStringLiteral("remote-server-not-found"),
               QStringLiteral("The gateway has no link to the edge server."));
        return;
    }
    // PublicVerified partners never see status text.
    if (stanza.name() == QLatin1String("presence") &&
        partner->type == topology::PartnerType::PublicVerified)
        m_uplink->sendToFederation(withStanzaNamespace(withoutStatus(stanza), ns::kClient));
    else
        m_uplink->sendToFederation(withStanzaNamespace(stanza, ns::kClient));
}

void Gateway::bounce(const XmlElement &stanza, const QString &condition, const QString &text)
{
    if (!mayAnswerWithError(stanza))
        return; // never an error for an error (RFC 6120 8.3.1)
    spdlog::info("gateway: {} from {} to {} undeliverable: {}", stanza.name().toStdString(),
                 boundedPeerText(stanza.attribute(kFrom)).toStdString(),
                 boundedPeerText(stanza.attribute(kTo)).toStdString(), condition.toStdString());
    // Item 7: message bodies reach the log only when the organisation asked.
    const XmlElement *body = stanza.firstChild(QStringLiteral("body"));
    if (body && m_topology.gateway.enableLoggingAllMessageBodies)
        spdlog::info("gateway: undeliverable body: {}",
                     boundedPeerText(body->text(), 4096).toStdString());
    route(makeStanzaError(stanza, condition, text, ns::kClient));
}

bool Gateway::partnerMayReach(const XmlElement &stanza, const Jid &from, const Jid &to)
{
    // Issue 10 item 5: the user's policy, then the partner type.
    const Jid user = to.bare();
    if (!policyRefusal(user).isEmpty())
        return false;
    const topology::XmppPartner *partner = m_topology.partnerForDomain(from.domain());
    if (!partner)
        return false;
    if (partner->type != topology::PartnerType::PublicUnverified)
        return true;
    // PublicUnverified: nothing reaches our user until they added the
    // contact and asked for its presence; replies to our own requests pass.
    if (m_roster->hasRequested(user, from.bare()))
        return true;
    const QString type = stanza.attribute(kType);
    return stanza.name() == QLatin1String("presence") &&
           (type == QLatin1String("unsubscribe") || type == QLatin1String("unsubscribed") ||
            type == QLatin1String("probe") || type == QLatin1String("error"));
}

void Gateway::receiveFromFederation(const XmlElement &received)
{
    const XmlElement stanza = withStanzaNamespace(received, ns::kClient);
    const Jid to = Jid::fromString(stanza.attribute(kTo));
    const Jid from = Jid::fromString(stanza.attribute(kFrom));
    if (!to.isValid() || !from.isValid() || !isLocalDomain(to.domain()) ||
        isLocalDomain(from.domain())) {
        spdlog::warn("gateway: stanza from the link with bad addressing (from '{}' to '{}')",
                     boundedPeerText(stanza.attribute(kFrom)).toStdString(),
                     boundedPeerText(stanza.attribute(kTo)).toStdString());
        if (from.isValid() && m_uplink && mayAnswerWithError(stanza))
            m_uplink->sendToFederation(
                makeStanzaError(stanza, QStringLiteral("jid-malformed"), {}, ns::kClient));
        return;
    }
    if (!to.isDomain() && isLocalUser(to.bare()) && !partnerMayReach(stanza, from, to)) {
        spdlog::info("gateway: {} from {} to {} refused by policy", stanza.name().toStdString(),
                     from.toString().toStdString(), to.toString().toStdString());
        if (m_uplink && mayAnswerWithError(stanza))
            m_uplink->sendToFederation(
                makeStanzaError(stanza, QStringLiteral("service-unavailable"), {}, ns::kClient));
        return;
    }
    deliverLocal(stanza);
}

void Gateway::undeliverable(const XmlElement &stanza, const QString &condition)
{
    const XmlElement s = withStanzaNamespace(stanza, ns::kClient);
    if (!mayAnswerWithError(s))
        return;
    deliverLocal(makeStanzaError(
        s, condition.isEmpty() ? QStringLiteral("remote-server-timeout") : condition,
        QStringLiteral("The partner's server could not be reached."), ns::kClient));
}

void Gateway::deliverLocal(const XmlElement &stanza)
{
    const Jid to = Jid::fromString(stanza.attribute(kTo));
    const QString &name = stanza.name();
    const QString type = stanza.attribute(kType);
    if (to.isDomain()) {
        if (name == QLatin1String("iq") && answerServerIq(stanza))
            return;
        if (name != QLatin1String("presence"))
            bounce(stanza, QStringLiteral("service-unavailable"));
        return;
    }
    const Jid user = to.bare();
    if (!isLocalUser(user)) {
        // RFC 6121 8.5.1: no such account.
        if (name == QLatin1String("presence")) {
            if (isSubscription(type) || type == QLatin1String("probe")) {
                XmlElement p(QStringLiteral("presence"), ns::kClient);
                p.setAttribute(kFrom, user.toString());
                p.setAttribute(kTo, Jid::fromString(stanza.attribute(kFrom)).bare().toString());
                p.setAttribute(kType, QStringLiteral("unsubscribed"));
                if (type == QLatin1String("subscribe") || type == QLatin1String("probe"))
                    route(p);
            }
            return;
        }
        bounce(stanza, QStringLiteral("service-unavailable"));
        return;
    }
    if (name == QLatin1String("presence")) {
        if (isSubscription(type)) {
            const Jid from = Jid::fromString(stanza.attribute(kFrom));
            const topology::XmppPartner *partner =
                isLocalDomain(from.domain()) ? nullptr : m_topology.partnerForDomain(from.domain());
            const bool autoApprove =
                partner && partner->type != topology::PartnerType::PublicUnverified;
            m_roster->toLocalUser(stanza, autoApprove);
            return;
        }
        if (type.isEmpty() || type == QLatin1String("unavailable") ||
            type == QLatin1String("probe")) {
            m_presence->toLocalUser(stanza);
            return;
        }
        if (type == QLatin1String("error"))
            for (ClientSession *s : sessionsOf(user))
                if (to.isBare() ? s->available : s->jid() == to)
                    s->deliver(stanza);
        return;
    }
    if (name == QLatin1String("iq")) {
        if (to.isBare()) {
            if (!answerAccountIq(stanza, user))
                bounce(stanza, QStringLiteral("service-unavailable"));
            return;
        }
        for (ClientSession *s : sessionsOf(user)) {
            if (s->jid() == to) {
                s->deliver(stanza);
                return;
            }
        }
        bounce(stanza, QStringLiteral("service-unavailable")); // RFC 6121 8.5.3.2.2
        return;
    }
    if (name == QLatin1String("message")) {
        deliverMessage(stanza, to);
        return;
    }
}

void Gateway::deliverMessage(const XmlElement &stanza, const Jid &to)
{
    const Jid user = to.bare();
    const QString type =
        stanza.attribute(kType).isEmpty() ? QStringLiteral("normal") : stanza.attribute(kType);
    const QList<ClientSession *> sessions = sessionsOf(user);
    const bool carbons = isCarbonEligible(stanza);
    // XEP-0280: the user's resources with carbons on that did not get it.
    auto sendCarbons = [&](const QList<ClientSession *> &receivers) {
        if (!carbons)
            return;
        for (ClientSession *s : sessions)
            if (s->carbonsEnabled && !receivers.contains(s))
                s->deliver(carbonCopy(stanza, QStringLiteral("received"), user, s->jid()));
    };
    if (!to.isBare()) {
        for (ClientSession *s : sessions) {
            if (s->jid() == to) {
                s->deliver(stanza);
                sendCarbons({s});
                return;
            }
        }
        // RFC 6121 8.5.3.2.1: no such resource.
        if (type == QLatin1String("groupchat")) {
            bounce(stanza, QStringLiteral("service-unavailable"));
            return;
        }
        if (type == QLatin1String("error"))
            return;
    }
    if (type == QLatin1String("groupchat")) {
        bounce(stanza, QStringLiteral("service-unavailable")); // RFC 6121 8.5.2.1.1
        return;
    }
    // RFC 6121 8.5.2.1.1: non-negative available resources; normal messages
    // to the highest priority only, chat and headline to all of them.
    int highest = -1;
    for (ClientSession *s : sessions)
        if (s->available && s->priority >= 0)
            highest = std::max(highest, s->priority);
    QList<ClientSession *> receivers;
    for (ClientSession *s : sessions) {
        if (!s->available || s->priority < 0)
            continue;
        if (type == QLatin1String("normal") && s->priority != highest)
            continue;
        s->deliver(stanza);
        receivers << s;
    }
    if (!receivers.isEmpty()) {
        sendCarbons(receivers);
        return;
    }
    if (type == QLatin1String("headline") || type == QLatin1String("error"))
        return; // RFC 6121 8.5.2.2.1: silently ignored
    storeOffline(stanza, user);
}

void Gateway::storeOffline(const XmlElement &stanza, const Jid &user)
{
    if (!m_offline || m_offline->count(user) >= m_config.maxOfflinePerUser) {
        bounce(
            stanza, QStringLiteral("service-unavailable"),
            QStringLiteral("%1 is offline and cannot store more messages.").arg(user.toString()));
        return;
    }
    XmlElement stored = stanza;
    XmlElement delay(QStringLiteral("delay"), ns::kDelay);
    delay.setAttribute(kFrom, user.domain());
    delay.setAttribute(QStringLiteral("stamp"),
                       QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    delay.addText(QStringLiteral("Offline Storage"));
    stored.addChild(std::move(delay));
    if (Status s = m_offline->store(user, stored); !s) {
        spdlog::error("gateway: offline storage for {}: {}", user.toString().toStdString(),
                      s.error().toString().toStdString());
        bounce(stanza, QStringLiteral("internal-server-error"));
    }
}

void Gateway::deliverOffline(ClientSession *session)
{
    if (!m_offline)
        return;
    const Jid user = session->jid().bare();
    const auto messages = m_offline->messages(user);
    if (messages.isEmpty())
        return;
    for (const auto &[seq, stanza] : messages)
        session->deliver(stanza);
    m_offline->removeUpTo(user, messages.last().first);
}

} // namespace fedgate::engine
