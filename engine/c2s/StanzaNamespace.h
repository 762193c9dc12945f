#pragma once

#include "engine/xml/XmlElement.h"

#include <QString>

// Stanzas cross between client streams (jabber:client) and server streams
// (jabber:server). The stanza and its children in either namespace (body,
// error, status ...) move to `contentNs`; extension elements keep theirs.
namespace fedgate::engine {

XmlElement withStanzaNamespace(const XmlElement &stanza, const QString &contentNs);

} // namespace fedgate::engine
