#include "GatewayDatabase.h"

#include "topology/Paths.h"
#include "topology/SqlConnection.h"

#include <QFileInfo>

namespace fedgate::engine {

using topology::SqlConnection;

namespace {
const QString kGatewayComponent = QStringLiteral("gateway");

// A Fedgate topology store (central or replica) has fedgate_meta; the
// gateway store must never create its tables there.
Status refuseForeignTables(SqlConnection &sql)
{
    const QStringList tables = sql.database().tables();
    if (tables.isEmpty() || tables.contains(QLatin1String("gateway_schema")))
        return Status::success();
    if (tables.contains(QLatin1String("fedgate_meta")))
        return Error{QStringLiteral("%1 is a Fedgate topology store (central store or local "
                                    "replica), not the gateway's store. Give the gateway its "
                                    "own location (the default is %2).")
                         .arg(sql.displayLocation(), GatewayDatabase::defaultLocation()),
                     sql.displayLocation()};
    return sql.damagedError(QStringLiteral("is not the Fedgate gateway store: it is a database "
                                           "with other tables (%1) and no gateway_schema table")
                                .arg(tables.mid(0, 5).join(QStringLiteral(", "))),
                            QStringLiteral("Check the gateway store location."));
}
} // namespace

GatewayDatabase::GatewayDatabase(std::unique_ptr<SqlConnection> sql)
    : m_sql(std::move(sql))
{}

GatewayDatabase::~GatewayDatabase() = default;

QString GatewayDatabase::defaultLocation()
{
    return fedgate::dataPath(QStringLiteral("gateway.db"));
}

Result<std::unique_ptr<GatewayDatabase>> GatewayDatabase::open(const QString &location)
{
    const QString where = location.isEmpty() ? defaultLocation() : location;
    SqlConnection::Options options;
    options.recovery =
        SqlConnection::isPostgresUrl(where)
            ? QString()
            : QStringLiteral("Restore %1 from a backup; without one, move it aside and set "
                             "the users' passwords again (fedgatectl user password ADDRESS).")
                  .arg(QFileInfo(where).absoluteFilePath());
    Result<std::unique_ptr<SqlConnection>> sql =
        SqlConnection::open(where, QStringLiteral("gateway store"), options);
    if (!sql)
        return sql.error();
    if (Status s = refuseForeignTables(*sql.value()); !s)
        return s.error();
    std::unique_ptr<GatewayDatabase> db(new GatewayDatabase(std::move(sql).value()));
    if (Status s = db->ensureTables(kGatewayComponent, kSchemaVersion, {}); !s)
        return s.error();
    return db;
}

QString GatewayDatabase::location() const
{
    return m_sql->displayLocation();
}

Result<int> GatewayDatabase::componentVersion(const QString &component)
{
    if (!m_sql->database().tables().contains(QLatin1String("gateway_schema")))
        return 0;
    Result<QSqlQuery> q = m_sql->exec(
        QStringLiteral("SELECT version FROM gateway_schema WHERE component = ?"), {component});
    if (!q)
        return q.error();
    return q.value().next() ? q.value().value(0).toInt() : 0;
}

Status GatewayDatabase::ensureTables(const QString &component, int version,
                                     const QStringList &statements)
{
    Result<int> stored = componentVersion(component);
    if (!stored)
        return stored.error();
    if (stored.value() == version)
        return Status::success();
    if (stored.value() > version)
        return Error{QStringLiteral("The gateway store %1 was written by a newer Fedgate (%2 "
                                    "schema %3; this one understands up to %4). Upgrade Fedgate "
                                    "on this machine.")
                         .arg(location(), component)
                         .arg(stored.value())
                         .arg(version),
                     location()};
    if (Status s = m_sql->begin(); !s)
        return s;
    auto fail = [this](Error e) -> Status {
        m_sql->rollback();
        return e;
    };
    if (m_sql->backend() == SqlConnection::Backend::Postgres)
        if (Status s = m_sql->execStatus(QStringLiteral("SELECT pg_advisory_xact_lock(70236926)"));
            !s)
            return fail(s.error());
    if (Status s = m_sql->execStatus(QStringLiteral("CREATE TABLE IF NOT EXISTS gateway_schema ("
                                                    "component VARCHAR(64) PRIMARY KEY, "
                                                    "version INTEGER NOT NULL)"));
        !s)
        return fail(s.error());
    for (const QString &statement : statements)
        if (Status s = m_sql->execStatus(statement); !s)
            return fail(s.error());
    if (Status s = m_sql->execStatus(
            QStringLiteral("INSERT INTO gateway_schema (component, version) VALUES (?, ?) "
                           "ON CONFLICT (component) DO UPDATE SET version = excluded.version"),
            {component, version});
        !s)
        return fail(s.error());
    return m_sql->commit();
}

} // namespace fedgate::engine
