#include "StreamError.h"

#include "Namespaces.h"

namespace fedgate::engine {

QString toString(StreamErrorCondition condition)
{
    switch (condition) {
    case StreamErrorCondition::BadFormat:
        return QStringLiteral("bad-format");
    case StreamErrorCondition::BadNamespacePrefix:
        return QStringLiteral("bad-namespace-prefix");
    case StreamErrorCondition::Conflict:
        return QStringLiteral("conflict");
    case StreamErrorCondition::ConnectionTimeout:
        return QStringLiteral("connection-timeout");
    case StreamErrorCondition::HostGone:
        return QStringLiteral("host-gone");
    case StreamErrorCondition::HostUnknown:
        return QStringLiteral("host-unknown");
    case StreamErrorCondition::ImproperAddressing:
        return QStringLiteral("improper-addressing");
    case StreamErrorCondition::InternalServerError:
        return QStringLiteral("internal-server-error");
    case StreamErrorCondition::InvalidFrom:
        return QStringLiteral("invalid-from");
    case StreamErrorCondition::InvalidNamespace:
        return QStringLiteral("invalid-namespace");
    case StreamErrorCondition::InvalidXml:
        return QStringLiteral("invalid-xml");
    case StreamErrorCondition::NotAuthorized:
        return QStringLiteral("not-authorized");
    case StreamErrorCondition::NotWellFormed:
        return QStringLiteral("not-well-formed");
    case StreamErrorCondition::PolicyViolation:
        return QStringLiteral("policy-violation");
    case StreamErrorCondition::RemoteConnectionFailed:
        return QStringLiteral("remote-connection-failed");
    case StreamErrorCondition::Reset:
        return QStringLiteral("reset");
    case StreamErrorCondition::ResourceConstraint:
        return QStringLiteral("resource-constraint");
    case StreamErrorCondition::RestrictedXml:
        return QStringLiteral("restricted-xml");
    case StreamErrorCondition::SeeOtherHost:
        return QStringLiteral("see-other-host");
    case StreamErrorCondition::SystemShutdown:
        return QStringLiteral("system-shutdown");
    case StreamErrorCondition::UndefinedCondition:
        return QStringLiteral("undefined-condition");
    case StreamErrorCondition::UnsupportedEncoding:
        return QStringLiteral("unsupported-encoding");
    case StreamErrorCondition::UnsupportedFeature:
        return QStringLiteral("unsupported-feature");
    case StreamErrorCondition::UnsupportedStanzaType:
        return QStringLiteral("unsupported-stanza-type");
    case StreamErrorCondition::UnsupportedVersion:
        return QStringLiteral("unsupported-version");
    }
    return QStringLiteral("undefined-condition");
}

XmlElement makeStreamError(StreamErrorCondition condition, const QString &text)
{
    XmlElement error(QStringLiteral("error"), ns::kStreams);
    error.addChild(XmlElement(toString(condition), ns::kStreamErrors));
    if (!text.isEmpty()) {
        XmlElement t(QStringLiteral("text"), ns::kStreamErrors);
        t.addText(text);
        error.addChild(std::move(t));
    }
    return error;
}

} // namespace fedgate::engine
