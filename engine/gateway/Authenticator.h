#pragma once

#include "engine/xmpp/Jid.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QString>

#include <optional>

// The pluggable back end that checks who a client is. AccountStore (the
// gateway's own salted credentials) implements it today; a directory back end
// (LDAP bind) can implement it next. Called on the gateway's event loop only.
namespace fedgate::engine {

// What RFC 5802 section 3 lets a server keep instead of the password.
struct ScramCredentials
{
    QByteArray salt;
    int iterations = 0;
    QByteArray storedKey; // H(ClientKey)
    QByteArray serverKey; // HMAC(SaltedPassword, "Server Key")
};

class Authenticator
{
public:
    virtual ~Authenticator() = default;
    // nullopt when the user has no account (or no password set).
    // `algorithm` is QCryptographicHash::Sha1 or Sha256.
    virtual std::optional<ScramCredentials>
    scramCredentials(const Jid &bare, QCryptographicHash::Algorithm algorithm) = 0;
    virtual bool checkPlainPassword(const Jid &bare, const QString &password) = 0;
};

} // namespace fedgate::engine
