#include "GatewayAccounts.h"

#include "engine/gateway/AccountStore.h"
#include "engine/gateway/GatewayDatabase.h"
#include "topology/SqlConnection.h"

#include <QFileInfo>

namespace fedgate::cli {

using engine::AccountStore;
using engine::GatewayDatabase;
using engine::Jid;

const QCommandLineOption &gatewayStoreOption()
{
    static const QCommandLineOption option(
        QStringLiteral("gateway-store"),
        QStringLiteral("The gateway's account store: a SQLite file or a postgresql:// URL "
                       "(default: gateway.db in the data directory, as fedgated uses)."),
        QStringLiteral("LOCATION"));
    return option;
}

PasswordStatus readPasswordStatus(const QString &location)
{
    PasswordStatus status;
    status.location = location.isEmpty() ? GatewayDatabase::defaultLocation() : location;
    if (!topology::SqlConnection::isPostgresUrl(status.location) &&
        !QFileInfo::exists(status.location)) {
        status.problem = QStringLiteral("no gateway store at %1 yet").arg(status.location);
        return status;
    }
    auto db = GatewayDatabase::open(status.location);
    if (!db) {
        status.problem = db.error().message;
        return status;
    }
    status.location = db.value()->location();
    auto store = AccountStore::open(*db.value());
    if (!store) {
        status.problem = store.error().message;
        return status;
    }
    auto accounts = store.value()->accountsWithPassword();
    if (!accounts) {
        status.problem = accounts.error().message;
        return status;
    }
    for (const Jid &jid : accounts.value())
        status.withPassword.insert(jid.toString());
    status.available = true;
    return status;
}

QString accountKey(const QString &address)
{
    return Jid::fromString(address.trimmed()).bare().toString();
}

} // namespace fedgate::cli
