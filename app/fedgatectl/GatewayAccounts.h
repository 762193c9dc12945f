#pragma once

#include <QCommandLineOption>
#include <QSet>
#include <QString>

// What fedgatectl shows of the gateway's account store on this machine
// (<data dir>/gateway.db, the file fedgated's gateway role reads, or
// --gateway-store): which users have a password. Listing never creates the
// store.
namespace fedgate::cli {

const QCommandLineOption &gatewayStoreOption();

struct PasswordStatus
{
    bool available = false;     // a store was found and read
    QString location;           // the store looked at, for messages
    QString problem;            // why it could not be read (when not available)
    QSet<QString> withPassword; // bare addresses, prepared (lowercase)
};

PasswordStatus readPasswordStatus(const QString &location);

// The prepared bare form of an address as the account store keys it; empty
// when it is not a valid address.
QString accountKey(const QString &address);

} // namespace fedgate::cli
