#include "Carbons.h"

#include "engine/c2s/ClientNamespaces.h"

namespace fedgate::engine {

bool isCarbonEligible(const XmlElement &message)
{
    if (message.name() != QLatin1String("message") ||
        message.attribute(QStringLiteral("type")) != QLatin1String("chat") ||
        !message.firstChild(QStringLiteral("body")))
        return false;
    return !message.firstChild(QStringLiteral("private"), ns::kCarbons) &&
           !message.firstChild(QStringLiteral("no-copy"), ns::kHints);
}

XmlElement carbonCopy(const XmlElement &message, const QString &direction, const Jid &user,
                      const Jid &to)
{
    XmlElement wrapper(QStringLiteral("message"), ns::kClient);
    wrapper.setAttribute(QStringLiteral("from"), user.bare().toString());
    wrapper.setAttribute(QStringLiteral("to"), to.toString());
    wrapper.setAttribute(QStringLiteral("type"), QStringLiteral("chat"));
    XmlElement &carbon = wrapper.addChild(XmlElement(direction, ns::kCarbons));
    XmlElement &forwarded = carbon.addChild(XmlElement(QStringLiteral("forwarded"), ns::kForward));
    forwarded.addChild(message);
    return wrapper;
}

} // namespace fedgate::engine
