#include "RosterItem.h"

#include "engine/c2s/ClientNamespaces.h"

namespace fedgate::engine {

QString toString(Subscription subscription)
{
    switch (subscription) {
    case Subscription::To:
        return QStringLiteral("to");
    case Subscription::From:
        return QStringLiteral("from");
    case Subscription::Both:
        return QStringLiteral("both");
    case Subscription::None:
        break;
    }
    return QStringLiteral("none");
}

Subscription parseSubscription(const QString &text)
{
    if (text == QLatin1String("to"))
        return Subscription::To;
    if (text == QLatin1String("from"))
        return Subscription::From;
    if (text == QLatin1String("both"))
        return Subscription::Both;
    return Subscription::None;
}

void RosterItem::setTo(bool on)
{
    const bool from = hasFrom();
    subscription = on ? (from ? Subscription::Both : Subscription::To)
                      : (from ? Subscription::From : Subscription::None);
}

void RosterItem::setFrom(bool on)
{
    const bool to = hasTo();
    subscription = on ? (to ? Subscription::Both : Subscription::From)
                      : (to ? Subscription::To : Subscription::None);
}

XmlElement RosterItem::toXml() const
{
    XmlElement item(QStringLiteral("item"), ns::kRoster);
    item.setAttribute(QStringLiteral("jid"), contact.toString());
    if (!name.isEmpty())
        item.setAttribute(QStringLiteral("name"), name);
    item.setAttribute(QStringLiteral("subscription"), toString(subscription));
    if (pendingOut)
        item.setAttribute(QStringLiteral("ask"), QStringLiteral("subscribe"));
    for (const QString &group : groups)
        item.addChild(XmlElement(QStringLiteral("group"), ns::kRoster)).addText(group);
    return item;
}

} // namespace fedgate::engine
