// Gateway: the iqs the server answers itself (RFC 6120 10.3, 10.5.3):
// XEP-0199 ping, XEP-0030 disco#info/#items for the server and for a user's
// bare JID (as Prosody answers them), the roster and XEP-0280 carbons.
#include "Gateway.h"

#include "RosterService.h"
#include "RosterStore.h"
#include "engine/c2s/ClientNamespaces.h"
#include "engine/c2s/ClientSession.h"
#include "engine/xml/Namespaces.h"
#include "engine/xml/StanzaError.h"

namespace fedgate::engine {

namespace {
const QString kFrom = QStringLiteral("from");
const QString kTo = QStringLiteral("to");
const QString kType = QStringLiteral("type");

XmlElement discoInfo(const XmlElement &query, const QString &category, const QString &type,
                     const QStringList &features)
{
    XmlElement out(QStringLiteral("query"), ns::kDiscoInfo);
    if (query.hasAttribute(QStringLiteral("node")))
        out.setAttribute(QStringLiteral("node"), query.attribute(QStringLiteral("node")));
    XmlElement &identity = out.addChild(XmlElement(QStringLiteral("identity"), ns::kDiscoInfo));
    identity.setAttribute(QStringLiteral("category"), category);
    identity.setAttribute(QStringLiteral("type"), type);
    if (category == QLatin1String("server"))
        identity.setAttribute(QStringLiteral("name"), QStringLiteral("Fedgate"));
    for (const QString &f : features)
        out.addChild(XmlElement(QStringLiteral("feature"), ns::kDiscoInfo))
            .setAttribute(QStringLiteral("var"), f);
    return out;
}

bool isResponse(const XmlElement &iq)
{
    const QString type = iq.attribute(kType);
    return type == QLatin1String("result") || type == QLatin1String("error");
}
} // namespace

void Gateway::reply(const XmlElement &answer)
{
    route(answer);
}

void Gateway::iqFromClient(ClientSession *session, const XmlElement &iq)
{
    const QString toText = iq.attribute(kTo);
    const Jid own = session->jid().bare();
    if (!toText.isEmpty() && Jid::fromString(toText) != own) {
        route(iq);
        return;
    }
    if (isResponse(iq))
        return; // an answer to a roster push
    if (iq.firstChild(QStringLiteral("query"), ns::kRoster)) {
        m_roster->handleIq(session, iq);
        return;
    }
    const QString type = iq.attribute(kType);
    if (type == QLatin1String("set") && (iq.firstChild(QStringLiteral("enable"), ns::kCarbons) ||
                                         iq.firstChild(QStringLiteral("disable"), ns::kCarbons))) {
        session->carbonsEnabled = iq.firstChild(QStringLiteral("enable"), ns::kCarbons) != nullptr;
        session->deliver(makeIqResult(iq, ns::kClient));
        return;
    }
    // Without 'to' the server answers on behalf of the account.
    if (toText.isEmpty() && iq.firstChild(QStringLiteral("ping"), ns::kPing) &&
        type == QLatin1String("get")) {
        session->deliver(makeIqResult(iq, ns::kClient));
        return;
    }
    XmlElement addressed = iq;
    addressed.setAttribute(kTo, own.toString());
    if (!answerAccountIq(addressed, own))
        session->deliver(
            makeStanzaError(iq, QStringLiteral("service-unavailable"), {}, ns::kClient));
}

bool Gateway::answerServerIq(const XmlElement &iq)
{
    if (isResponse(iq))
        return true; // nothing of ours asks the server's clients anything
    const QString type = iq.attribute(kType);
    const XmlElement *payload = iq.firstChildElement();
    if (!payload || type != QLatin1String("get"))
        return false;
    XmlElement answer = makeIqResult(iq, ns::kClient);
    if (payload->is(QStringLiteral("ping"), ns::kPing)) {
        reply(answer);
        return true;
    }
    if (payload->is(QStringLiteral("query"), ns::kDiscoInfo)) {
        if (payload->hasAttribute(QStringLiteral("node")))
            return false;
        answer.addChild(discoInfo(*payload, QStringLiteral("server"), QStringLiteral("im"),
                                  {ns::kDiscoInfo, ns::kDiscoItems, ns::kPing, ns::kCarbons,
                                   ns::kOfflineFeature, QStringLiteral("urn:xmpp:sm:3"),
                                   QStringLiteral("jabber:iq:roster")}));
        reply(answer);
        return true;
    }
    if (payload->is(QStringLiteral("query"), ns::kDiscoItems)) {
        answer.addChild(XmlElement(QStringLiteral("query"), ns::kDiscoItems));
        reply(answer);
        return true;
    }
    return false;
}

bool Gateway::answerAccountIq(const XmlElement &iq, const Jid &account)
{
    if (isResponse(iq))
        return true;
    const XmlElement *payload = iq.firstChildElement();
    if (!payload || iq.attribute(kType) != QLatin1String("get"))
        return false;
    const bool disco = payload->is(QStringLiteral("query"), ns::kDiscoInfo) ||
                       payload->is(QStringLiteral("query"), ns::kDiscoItems);
    if (!disco)
        return false;
    // Prosody answers a bare JID's disco for the account itself and for the
    // contacts it has allowed to see its presence.
    const Jid requester = Jid::fromString(iq.attribute(kFrom)).bare();
    if (requester != account) {
        const std::optional<RosterItem> item = m_rosterStore->item(account, requester);
        if (!item || !item->hasFrom())
            return false;
    }
    XmlElement answer = makeIqResult(iq, ns::kClient);
    if (payload->name() == QLatin1String("query") && payload->ns() == ns::kDiscoInfo)
        answer.addChild(discoInfo(*payload, QStringLiteral("account"), QStringLiteral("registered"),
                                  {ns::kDiscoInfo, ns::kDiscoItems}));
    else
        answer.addChild(XmlElement(QStringLiteral("query"), ns::kDiscoItems));
    reply(answer);
    return true;
}

} // namespace fedgate::engine
