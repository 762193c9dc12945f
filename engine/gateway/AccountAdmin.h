#pragma once

#include "engine/xmpp/Jid.h"
#include "topology/Result.h"

#include <QSet>
#include <QString>

// What the administration tools (fedgatectl user list / user password, the
// wizard's Users page) do with the gateway's account store on this machine:
// the store fedgated's gateway role reads (<data dir>/gateway.db, or a
// SQLite file or postgresql:// URL given as `location`; empty = the default).
// Each call opens the store, does its one thing and closes it, so it may run
// on a worker thread (it does PBKDF2 when setting a password).
namespace fedgate::engine {

struct PasswordStatus
{
    bool available = false;     // a store was found and read
    QString location;           // the store looked at, for messages
    QString problem;            // why it could not be read (when not available)
    QSet<QString> withPassword; // bare addresses, prepared (lowercase)
};

// Which users have a password. Never creates the store.
PasswordStatus readPasswordStatus(const QString &location);

// The prepared bare form of an address as the account store keys it; empty
// when it is not a valid address.
QString accountKey(const QString &address);

// Sets `bare`'s password (AccountStore::setPassword's rules and errors; the
// store is created when missing). Gives the store's location for messages.
Result<QString> setAccountPassword(const QString &location, const Jid &bare,
                                   const QString &password);

struct RemovedPassword
{
    QString location;
    bool hadPassword = false;
};

// Forgets `bare`'s password; not an error when there was none.
Result<RemovedPassword> removeAccountPassword(const QString &location, const Jid &bare);

} // namespace fedgate::engine
