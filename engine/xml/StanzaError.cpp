#include "StanzaError.h"

#include "engine/xml/Namespaces.h"

namespace fedgate::engine {

namespace {
QString errorType(const QString &condition)
{
    static const QStringList wait = {QStringLiteral("remote-server-timeout"),
                                     QStringLiteral("resource-constraint"),
                                     QStringLiteral("internal-server-error")};
    static const QStringList modify = {
        QStringLiteral("bad-request"),    QStringLiteral("jid-malformed"),
        QStringLiteral("not-acceptable"), QStringLiteral("policy-violation"),
        QStringLiteral("conflict"),       QStringLiteral("unexpected-request")};
    static const QStringList auth = {QStringLiteral("not-authorized"), QStringLiteral("forbidden"),
                                     QStringLiteral("registration-required")};
    if (wait.contains(condition))
        return QStringLiteral("wait");
    if (modify.contains(condition))
        return QStringLiteral("modify");
    if (auth.contains(condition))
        return QStringLiteral("auth");
    return QStringLiteral("cancel");
}
} // namespace

bool mayAnswerWithError(const XmlElement &stanza)
{
    const QString type = stanza.attribute(QStringLiteral("type"));
    if (type == QLatin1String("error"))
        return false;
    if (stanza.name() == QLatin1String("iq") && type == QLatin1String("result"))
        return false;
    return !stanza.attribute(QStringLiteral("from")).isEmpty();
}

XmlElement makeStanzaError(const XmlElement &stanza, const QString &condition, const QString &text,
                           const QString &contentNs)
{
    XmlElement reply(stanza.name(), contentNs);
    if (stanza.hasAttribute(QStringLiteral("to")))
        reply.setAttribute(QStringLiteral("from"), stanza.attribute(QStringLiteral("to")));
    reply.setAttribute(QStringLiteral("to"), stanza.attribute(QStringLiteral("from")));
    if (stanza.hasAttribute(QStringLiteral("id")))
        reply.setAttribute(QStringLiteral("id"), stanza.attribute(QStringLiteral("id")));
    reply.setAttribute(QStringLiteral("type"), QStringLiteral("error"));
    // An iq's payload goes back as it came (RFC 6120 8.3.1 allows it); for
    // messages only the body and thread, so that clients show what failed.
    for (const XmlElement &child : stanza.children()) {
        if (child.isText())
            continue;
        if (stanza.name() == QLatin1String("iq") || child.name() == QLatin1String("body") ||
            child.name() == QLatin1String("thread"))
            reply.addChild(child);
    }
    XmlElement error(QStringLiteral("error"), contentNs);
    error.setAttribute(QStringLiteral("type"), errorType(condition));
    error.addChild(XmlElement(condition, ns::kStanzaErrors));
    if (!text.isEmpty()) {
        XmlElement t(QStringLiteral("text"), ns::kStanzaErrors);
        t.addText(text);
        error.addChild(std::move(t));
    }
    reply.addChild(std::move(error));
    return reply;
}

XmlElement makeIqResult(const XmlElement &iq, const QString &contentNs)
{
    XmlElement reply(QStringLiteral("iq"), contentNs);
    if (iq.hasAttribute(QStringLiteral("to")))
        reply.setAttribute(QStringLiteral("from"), iq.attribute(QStringLiteral("to")));
    if (iq.hasAttribute(QStringLiteral("from")))
        reply.setAttribute(QStringLiteral("to"), iq.attribute(QStringLiteral("from")));
    reply.setAttribute(QStringLiteral("id"), iq.attribute(QStringLiteral("id")));
    reply.setAttribute(QStringLiteral("type"), QStringLiteral("result"));
    return reply;
}

QString stanzaErrorCondition(const XmlElement &stanza)
{
    for (const XmlElement &child : stanza.children()) {
        if (child.name() != QLatin1String("error"))
            continue;
        for (const XmlElement &c : child.children())
            if (!c.isText() && c.ns() == ns::kStanzaErrors && c.name() != QLatin1String("text"))
                return c.name();
    }
    return {};
}

} // namespace fedgate::engine
