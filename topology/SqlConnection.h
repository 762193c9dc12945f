#pragma once

#include "Result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <memory>

// One Qt SQL connection owned by one object (a CentralStore, a LocalReplica).
// Qt keeps connections in a process-wide registry by name, so each instance
// registers a unique name and removes it when it goes away; two stores in the
// same process never share a connection or a transaction.
//
// Shared by the central store and the local replica: parsing a store location
// (file path or postgresql:// URL), opening it with errors a user can act on,
// and running statements with errors that name the location.
namespace fedgate::topology {

class SqlConnection
{
public:
    enum class Backend
    {
        Sqlite,
        Postgres
    };

    struct Options
    {
        // A missing SQLite file is created (a new, empty database). Off for
        // tools that must find an existing store (check, backup, restore).
        bool create = true;
        // PRAGMA quick_check on an existing SQLite file: a damaged store is
        // refused at open instead of being read half and written on.
        bool quickCheck = true;
        // The way back from a damaged or emptied file, appended to the
        // refusal ("Restore it from a backup: ...").
        QString recovery;
    };

    // `location`: a SQLite file path or postgresql://user:pass@host:port/db.
    // `purpose` names the thing in error messages ("central store",
    // "local replica").
    //
    // An existing SQLite file is never taken for a new database: a file of 0
    // bytes (truncated), one that is not SQLite, or one that fails the quick
    // check is refused with an error naming the file and `recovery`, and
    // nothing is written to it. Only a missing file is a new store.
    static Result<std::unique_ptr<SqlConnection>>
    open(const QString &location, const QString &purpose, const Options &options);
    static Result<std::unique_ptr<SqlConnection>> open(const QString &location,
                                                       const QString &purpose)
    {
        return open(location, purpose, Options{});
    }
    static bool isPostgresUrl(const QString &location);

    ~SqlConnection();
    SqlConnection(const SqlConnection &) = delete;
    SqlConnection &operator=(const SqlConnection &) = delete;

    Backend backend() const { return m_backend; }
    // The location without any password: safe to print and to record.
    QString displayLocation() const { return m_displayLocation; }
    QSqlDatabase &database() { return m_db; }
    // True when open() created the SQLite file (it did not exist before).
    bool createdNow() const { return m_createdNow; }
    QString purpose() const { return m_purpose; }

    // SQLite's PRAGMA integrity_check (full) or quick_check: the problems
    // found, empty when the database is sound. PostgreSQL: always empty.
    Result<QStringList> integrityProblems(bool full);
    // The refusal for a damaged SQLite file: names it, says nothing was
    // written and gives `recovery`.
    Error damagedError(const QString &what, const QString &recovery) const;

    // Runs `sql` with positional bindings. On failure returns an error that
    // names the location and the statement's purpose.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &bindings = {});
    Status execStatus(const QString &sql, const QVariantList &bindings = {});

    // A write transaction. SQLite takes the write lock up front (BEGIN
    // IMMEDIATE) so that two writers serialise at BEGIN instead of failing
    // on upgrade; PostgreSQL relies on the primary keys to refuse a second
    // writer.
    Status begin();
    Status commit();
    void rollback();

    // Was `error` a primary key / unique violation (a racing writer)?
    bool isUniqueViolation(const QSqlError &error) const;
    // Was it SQLite's "database is locked" after the busy timeout?
    bool isBusy(const QSqlError &error) const;

    // The error of the last failed exec(), for callers that must tell a
    // racing writer from other failures.
    QSqlError lastError() const { return m_lastError; }

    Error makeError(const QString &what, const QSqlError &error) const;

    static constexpr int kBusyTimeoutMs = 10000;
    // How long an existing empty file may take to become a database (another
    // process creating the store) before it is refused as truncated.
    static constexpr int kCreationWaitMs = 1000;

private:
    SqlConnection() = default;

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_displayLocation;
    QString m_purpose;
    Backend m_backend = Backend::Sqlite;
    bool m_inTransaction = false;
    bool m_createdNow = false;
    QSqlError m_lastError;
};

} // namespace fedgate::topology
