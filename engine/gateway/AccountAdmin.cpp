#include "AccountAdmin.h"

#include "AccountStore.h"
#include "GatewayDatabase.h"
#include "topology/SqlConnection.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace fedgate::engine {

namespace {
// The wizard shows these messages (fedgate_core_fr.ts, context AccountAdmin).
QString tr(const char *text)
{
    return QCoreApplication::translate("AccountAdmin", text);
}

struct OpenStore
{
    std::unique_ptr<GatewayDatabase> db;
    std::unique_ptr<AccountStore> accounts;
};

// Opens (creating when missing) the store at `location` and its accounts.
Result<OpenStore> openAccounts(const QString &location)
{
    auto db = GatewayDatabase::open(location);
    if (!db)
        return db.error();
    auto accounts = AccountStore::open(*db.value());
    if (!accounts)
        return accounts.error();
    return OpenStore{std::move(db).value(), std::move(accounts).value()};
}
} // namespace

PasswordStatus readPasswordStatus(const QString &location)
{
    PasswordStatus status;
    status.location = location.isEmpty() ? GatewayDatabase::defaultLocation() : location;
    if (!topology::SqlConnection::isPostgresUrl(status.location) &&
        !QFileInfo::exists(status.location)) {
        status.problem = tr("no gateway store at %1 yet").arg(status.location);
        return status;
    }
    auto store = openAccounts(status.location);
    if (!store) {
        status.problem = store.error().message;
        return status;
    }
    status.location = store.value().db->location();
    auto accounts = store.value().accounts->accountsWithPassword();
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

Result<QString> setAccountPassword(const QString &location, const Jid &bare,
                                   const QString &password)
{
    auto store = openAccounts(location);
    if (!store)
        return store.error();
    if (Status s = store.value().accounts->setPassword(bare, password); !s)
        return s.error();
    return store.value().db->location();
}

Result<RemovedPassword> removeAccountPassword(const QString &location, const Jid &bare)
{
    auto store = openAccounts(location);
    if (!store)
        return store.error();
    Result<bool> had = store.value().accounts->hasPassword(bare);
    if (!had)
        return had.error();
    if (Status s = store.value().accounts->removeAccount(bare); !s)
        return s.error();
    return RemovedPassword{store.value().db->location(), had.value()};
}

} // namespace fedgate::engine
