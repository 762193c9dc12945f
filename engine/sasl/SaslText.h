#pragma once

#include "engine/xmpp/Jid.h"

#include <QByteArray>
#include <QString>

#include <optional>

// Text rules the SASL mechanisms share: strict UTF-8, the SCRAM saslname
// escapes (RFC 5802 section 5.1), and turning the authentication identity (a
// localpart) into the user's bare address.
namespace fedgate::engine::sasl {

// Up to 1023 bytes of valid UTF-8 without NUL; nullopt otherwise.
std::optional<QString> decodeUtf8(const QByteArray &bytes);

// "=2C" -> ',' and "=3D" -> '='; nullopt for any other '=' sequence, a raw
// ',' or invalid UTF-8.
std::optional<QString> unescapeSaslname(const QByteArray &saslname);

// localpart@domain prepared per RFC 7622; invalid when `username` is not
// exactly one valid localpart (an '@' or '/' in it makes it invalid).
Jid userJid(const QString &username, const QString &domain);

} // namespace fedgate::engine::sasl
