#include "StoreSchema.h"

#include "SqlConnection.h"

namespace fedgate::topology {

namespace {

QString kindName(StoreKind kind)
{
    return kind == StoreKind::Central ? QStringLiteral("central-store")
                                      : QStringLiteral("local-replica");
}

QString kindDescription(const QString &name)
{
    if (name == QLatin1String("central-store"))
        return QStringLiteral("a central management store");
    if (name == QLatin1String("local-replica"))
        return QStringLiteral("a local replica");
    return QStringLiteral("a '%1' database").arg(name);
}

QStringList tablesFor(StoreKind kind)
{
    if (kind == StoreKind::Central)
        return {
            // One row per published version; the primary key is what makes
            // two racing publishers of the same version number fail.
            QStringLiteral("CREATE TABLE IF NOT EXISTS topology_versions ("
                           "version INTEGER PRIMARY KEY, "
                           "published_at VARCHAR(40) NOT NULL, "
                           "published_by TEXT NOT NULL, "
                           "comment TEXT NOT NULL, "
                           "summary TEXT NOT NULL, "
                           "document TEXT NOT NULL)"),
            // At most one draft: the working copy the editors change.
            QStringLiteral("CREATE TABLE IF NOT EXISTS topology_draft ("
                           "id INTEGER PRIMARY KEY CHECK (id = 1), "
                           "base_version INTEGER NOT NULL, "
                           "modified_at VARCHAR(40) NOT NULL, "
                           "document TEXT NOT NULL, "
                           "revision BIGINT NOT NULL DEFAULT 0)"),
        };
    return {QStringLiteral("CREATE TABLE IF NOT EXISTS replica_content ("
                           "id INTEGER PRIMARY KEY CHECK (id = 1), "
                           "version INTEGER NOT NULL, "
                           "source TEXT NOT NULL, "
                           "imported_at VARCHAR(40) NOT NULL, "
                           "document TEXT NOT NULL)")};
}

} // namespace

namespace {

// The common case, an up-to-date database of the right kind, is checked
// with reads only: opening a store to list its versions must not wait for
// the write lock a publisher holds.
bool schemaIsCurrent(SqlConnection &sql, StoreKind kind)
{
    const QStringList tables = sql.database().tables();
    if (!tables.contains(QLatin1String("fedgate_meta")))
        return false;
    for (const QString &name :
         kind == StoreKind::Central
             ? QStringList{QStringLiteral("topology_versions"), QStringLiteral("topology_draft")}
             : QStringList{QStringLiteral("replica_content")})
        if (!tables.contains(name))
            return false;
    Result<QSqlQuery> meta = sql.exec(QStringLiteral("SELECT key, value FROM fedgate_meta"));
    if (!meta)
        return false;
    QString storedKind;
    int storedVersion = 0;
    while (meta.value().next()) {
        const QString key = meta.value().value(0).toString();
        if (key == QLatin1String("kind"))
            storedKind = meta.value().value(1).toString();
        else if (key == QLatin1String("schema_version"))
            storedVersion = meta.value().value(1).toInt();
    }
    return storedKind == kindName(kind) && storedVersion == kStoreSchemaVersion;
}

} // namespace

Status ensureStoreSchema(SqlConnection &sql, StoreKind kind)
{
    if (schemaIsCurrent(sql, kind))
        return Status::success();
    // An existing SQLite file with tables but no fedgate_meta belongs to
    // another program: creating Fedgate's tables in it would hide that the
    // location is wrong (or that the store's own tables were lost).
    if (sql.backend() == SqlConnection::Backend::Sqlite) {
        const QStringList tables = sql.database().tables();
        if (!tables.isEmpty() && !tables.contains(QLatin1String("fedgate_meta")))
            return sql.damagedError(
                QStringLiteral("is not a Fedgate store: it is a SQLite database with other "
                               "tables (%1) and no fedgate_meta table")
                    .arg(tables.mid(0, 5).join(QStringLiteral(", "))),
                QStringLiteral("Check the location (--store for the central store, --replica "
                               "for the local replica)."));
    }
    if (Status s = sql.begin(); !s)
        return s;
    auto fail = [&sql](Error e) -> Status {
        sql.rollback();
        return e;
    };
    // Two processes creating the same PostgreSQL tables at once collide on
    // the catalog; a transaction-scoped advisory lock serialises them.
    if (sql.backend() == SqlConnection::Backend::Postgres)
        if (Status s = sql.execStatus(QStringLiteral("SELECT pg_advisory_xact_lock(70236925)")); !s)
            return fail(s.error());

    if (Status s = sql.execStatus(QStringLiteral("CREATE TABLE IF NOT EXISTS fedgate_meta ("
                                                 "key VARCHAR(64) PRIMARY KEY, "
                                                 "value TEXT NOT NULL)"));
        !s)
        return fail(s.error());

    Result<QSqlQuery> meta = sql.exec(QStringLiteral("SELECT key, value FROM fedgate_meta"));
    if (!meta)
        return fail(meta.error());
    QString storedKind;
    int storedVersion = 0;
    while (meta.value().next()) {
        const QString key = meta.value().value(0).toString();
        if (key == QLatin1String("kind"))
            storedKind = meta.value().value(1).toString();
        else if (key == QLatin1String("schema_version"))
            storedVersion = meta.value().value(1).toInt();
    }
    meta.value().finish();

    if (!storedKind.isEmpty() && storedKind != kindName(kind))
        return fail(Error{QStringLiteral("%1 is %2, not %3. Give the right location (--store "
                                         "for the central store, --replica for the local "
                                         "replica).")
                              .arg(sql.displayLocation(), kindDescription(storedKind),
                                   kindDescription(kindName(kind))),
                          sql.displayLocation()});
    if (storedVersion > kStoreSchemaVersion)
        return fail(Error{QStringLiteral("%1 was written by a newer Fedgate (database schema %2; "
                                         "this one understands up to %3). Upgrade Fedgate on "
                                         "this machine.")
                              .arg(sql.displayLocation())
                              .arg(storedVersion)
                              .arg(kStoreSchemaVersion),
                          sql.displayLocation()});

    for (const QString &statement : tablesFor(kind))
        if (Status s = sql.execStatus(statement); !s)
            return fail(s.error());
    // Migrations, inside this transaction, from storedVersion up to
    // kStoreSchemaVersion. A new store (storedKind empty) was just created
    // with the current tables.
    if (!storedKind.isEmpty() && storedVersion < 2 && kind == StoreKind::Central)
        if (Status s = sql.execStatus(QStringLiteral("ALTER TABLE topology_draft ADD COLUMN "
                                                     "revision BIGINT NOT NULL DEFAULT 0"));
            !s)
            return fail(s.error());
    if (storedKind.isEmpty() || storedVersion < kStoreSchemaVersion) {
        const QString upsert =
            QStringLiteral("INSERT INTO fedgate_meta (key, value) VALUES (?, ?) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        if (Status s = sql.execStatus(upsert, {QStringLiteral("kind"), kindName(kind)}); !s)
            return fail(s.error());
        if (Status s = sql.execStatus(
                upsert, {QStringLiteral("schema_version"), QString::number(kStoreSchemaVersion)});
            !s)
            return fail(s.error());
    }
    return sql.commit();
}

} // namespace fedgate::topology
