#pragma once

#include "XmlElement.h"

#include <QString>

// RFC 6120 section 4.9.3: the defined stream error conditions.
namespace fedgate::engine {

enum class StreamErrorCondition
{
    BadFormat,
    BadNamespacePrefix,
    Conflict,
    ConnectionTimeout,
    HostGone,
    HostUnknown,
    ImproperAddressing,
    InternalServerError,
    InvalidFrom,
    InvalidNamespace,
    InvalidXml,
    NotAuthorized,
    NotWellFormed,
    PolicyViolation,
    RemoteConnectionFailed,
    Reset,
    ResourceConstraint,
    RestrictedXml,
    SeeOtherHost,
    SystemShutdown,
    UndefinedCondition,
    UnsupportedEncoding,
    UnsupportedFeature,
    UnsupportedStanzaType,
    UnsupportedVersion,
};

QString toString(StreamErrorCondition condition); // "not-well-formed"
// <stream:error><condition/><text>text</text></stream:error>
XmlElement makeStreamError(StreamErrorCondition condition, const QString &text = {});

} // namespace fedgate::engine
