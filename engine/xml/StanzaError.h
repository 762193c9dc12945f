#pragma once

#include "engine/xml/XmlElement.h"

#include <QString>

// RFC 6120 section 8.3: the error reply to a stanza, and the rule of when
// one may be sent at all; and the plain iq result (section 8.2.3). One
// builder for the gateway (jabber:client) and the edge's bounces
// (Engine::bounce, jabber:server).
namespace fedgate::engine {

// May `stanza` be answered with an error? Never for an error stanza
// (RFC 6120 8.3.1), an iq result, or a stanza without a sender.
bool mayAnswerWithError(const XmlElement &stanza);

// The error reply: 'from' and 'to' swapped, the same id, type='error', the
// original payload, then <error type=...><condition/><text/></error>. The
// error type follows RFC 6120 8.3.3 for the condition (wait, modify, auth or
// cancel). `contentNs` is the stanza namespace of the reply.
XmlElement makeStanzaError(const XmlElement &stanza, const QString &condition, const QString &text,
                           const QString &contentNs);

// The empty result to an iq get or set: 'from' and 'to' swapped, the same id.
XmlElement makeIqResult(const XmlElement &iq, const QString &contentNs);

// The condition of an error stanza ("service-unavailable"), empty if none.
QString stanzaErrorCondition(const XmlElement &stanza);

} // namespace fedgate::engine
