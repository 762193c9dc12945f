#pragma once

#include <QString>

// The XML namespaces of server-to-server XMPP (RFC 6120 and the XEPs used).
namespace fedgate::engine::ns {

inline const QString kStreams = QStringLiteral("http://etherx.jabber.org/streams");
inline const QString kServer = QStringLiteral("jabber:server");
inline const QString kDialback = QStringLiteral("jabber:server:dialback");
inline const QString kDialbackFeature = QStringLiteral("urn:xmpp:features:dialback");
// XEP-0288 bidirectional server-to-server streams: the request and the feature.
inline const QString kBidi = QStringLiteral("urn:xmpp:bidi");
inline const QString kBidiFeature = QStringLiteral("urn:xmpp:features:bidi");
inline const QString kTls = QStringLiteral("urn:ietf:params:xml:ns:xmpp-tls");
inline const QString kSasl = QStringLiteral("urn:ietf:params:xml:ns:xmpp-sasl");
inline const QString kStreamErrors = QStringLiteral("urn:ietf:params:xml:ns:xmpp-streams");
inline const QString kStanzaErrors = QStringLiteral("urn:ietf:params:xml:ns:xmpp-stanzas");
inline const QString kPing = QStringLiteral("urn:xmpp:ping");
inline const QString kDiscoInfo = QStringLiteral("http://jabber.org/protocol/disco#info");
inline const QString kDiscoItems = QStringLiteral("http://jabber.org/protocol/disco#items");
inline const QString kXml = QStringLiteral("http://www.w3.org/XML/1998/namespace");

} // namespace fedgate::engine::ns
