#pragma once

#include "topology/Result.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace fedgate::topology {
class SqlConnection;
}

// The gateway's own store: account credentials, rosters, offline messages.
// A SQLite file in the data directory by default (<data dir>/gateway.db), or
// a postgresql:// URL like the central store. It is not the central store
// nor the local replica: those hold the topology, this holds what the
// gateway's users create. A table gateway_schema records, per component
// ("gateway", "accounts", "rosters", ...), the schema version its tables were
// created with, so a newer Fedgate can migrate and an older one refuses a
// store it does not understand. Used on the gateway's event loop only.
namespace fedgate::engine {

class GatewayDatabase
{
public:
    static constexpr int kSchemaVersion = 1;

    // <data dir>/gateway.db
    static QString defaultLocation();

    // `location` empty = defaultLocation(). A missing SQLite file is created;
    // a file that is another program's database, Fedgate's central store or
    // local replica, or damaged is refused with an error naming it.
    static Result<std::unique_ptr<GatewayDatabase>> open(const QString &location = {});

    ~GatewayDatabase();
    GatewayDatabase(const GatewayDatabase &) = delete;
    GatewayDatabase &operator=(const GatewayDatabase &) = delete;

    topology::SqlConnection &connection() { return *m_sql; }
    // The location without any password, for messages.
    QString location() const;

    // For each store class: creates `component`'s tables (CREATE TABLE IF NOT
    // EXISTS statements) in one transaction and records `version`. Refuses a
    // store whose recorded version for `component` is newer than `version`.
    Status ensureTables(const QString &component, int version, const QStringList &statements);
    // The recorded version of `component`, 0 when its tables were never made.
    Result<int> componentVersion(const QString &component);

private:
    explicit GatewayDatabase(std::unique_ptr<topology::SqlConnection> sql);

    std::unique_ptr<topology::SqlConnection> m_sql;
};

} // namespace fedgate::engine
