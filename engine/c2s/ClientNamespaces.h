#pragma once

#include <QString>

// The XML namespaces of client-to-server XMPP (RFC 6120/6121 and the XEPs
// the gateway implements). The stream-level ones shared with s2s are in
// engine/xml/Namespaces.h.
namespace fedgate::engine::ns {

inline const QString kClient = QStringLiteral("jabber:client");
inline const QString kBind = QStringLiteral("urn:ietf:params:xml:ns:xmpp-bind");
inline const QString kSession = QStringLiteral("urn:ietf:params:xml:ns:xmpp-session");
inline const QString kRoster = QStringLiteral("jabber:iq:roster");
inline const QString kRosterVersioning = QStringLiteral("urn:xmpp:features:rosterver");
inline const QString kStreamManagement = QStringLiteral("urn:xmpp:sm:3");
inline const QString kCarbons = QStringLiteral("urn:xmpp:carbons:2");
inline const QString kForward = QStringLiteral("urn:xmpp:forward:0");
inline const QString kDelay = QStringLiteral("urn:xmpp:delay");
inline const QString kOfflineFeature = QStringLiteral("msgoffline");
inline const QString kHints = QStringLiteral("urn:xmpp:hints");

} // namespace fedgate::engine::ns
