#include "StoreMaintenance.h"

#include "CentralStore.h"
#include "SqlConnection.h"
#include "StoreSchema.h"
#include "TopologyDocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QUrl>

#include <sqlite3.h>

namespace fedgate::topology {

namespace {

// Reads fedgate_meta, the versions and the draft; adds what is wrong to the
// report. Only SELECTs: a check never writes.
void checkContent(SqlConnection &sql, StoreCheckReport &report)
{
    const QStringList tables = sql.database().tables();
    if (!tables.contains(QLatin1String("fedgate_meta"))) {
        report.problems << QStringLiteral("it is not a Fedgate store (no fedgate_meta table)");
        return;
    }
    Result<QSqlQuery> meta = sql.exec(QStringLiteral("SELECT key, value FROM fedgate_meta"));
    if (!meta) {
        report.problems << meta.error().message;
        return;
    }
    QString kind;
    while (meta.value().next()) {
        const QString key = meta.value().value(0).toString();
        if (key == QLatin1String("kind"))
            kind = meta.value().value(1).toString();
        else if (key == QLatin1String("schema_version"))
            report.schemaVersion = meta.value().value(1).toInt();
    }
    meta.value().finish();
    if (kind != QLatin1String("central-store")) {
        report.problems << QStringLiteral("it is not a central store (its kind is '%1')").arg(kind);
        return;
    }
    if (report.schemaVersion < 1 || report.schemaVersion > kStoreSchemaVersion)
        report.problems << QStringLiteral("schema version %1 is not one this Fedgate knows (1 to "
                                          "%2)")
                               .arg(report.schemaVersion)
                               .arg(kStoreSchemaVersion);
    for (const char *table : {"topology_versions", "topology_draft"})
        if (!tables.contains(QLatin1String(table)))
            report.problems << QStringLiteral("the table %1 is missing").arg(table);
    if (!report.problems.isEmpty())
        return;

    Result<QSqlQuery> versions = sql.exec(
        QStringLiteral("SELECT version, document FROM topology_versions ORDER BY version"));
    if (!versions) {
        report.problems << versions.error().message;
        return;
    }
    int expected = 1;
    while (versions.value().next()) {
        const int version = versions.value().value(0).toInt();
        if (version != expected)
            report.problems << QStringLiteral("version %1 is missing").arg(expected);
        expected = version + 1;
        Result<Topology> t = TopologyDocument::fromJson(
            versions.value().value(1).toString().toUtf8(),
            QStringLiteral("%1 (version %2)").arg(report.location).arg(version));
        if (!t)
            report.problems << QStringLiteral("version %1 cannot be read: %2")
                                   .arg(version)
                                   .arg(t.error().toString());
        else
            ++report.versions;
        report.latestVersion = version;
    }
    versions.value().finish();

    Result<QSqlQuery> draft =
        sql.exec(QStringLiteral("SELECT document, revision FROM topology_draft WHERE id = 1"));
    if (!draft) {
        // Schema 1 has no revision column; its draft is still readable.
        draft = sql.exec(QStringLiteral("SELECT document, 0 FROM topology_draft WHERE id = 1"));
        if (!draft) {
            report.problems << draft.error().message;
            return;
        }
    }
    if (draft.value().next()) {
        report.hasDraft = true;
        report.draftRevision = draft.value().value(1).toLongLong();
        Result<Topology> t =
            TopologyDocument::fromJson(draft.value().value(0).toString().toUtf8(),
                                       QStringLiteral("%1 (draft)").arg(report.location));
        if (!t)
            report.problems
                << QStringLiteral("the draft cannot be read: %1").arg(t.error().toString());
    }
    draft.value().finish();
}

sqlite3 *sqliteHandle(SqlConnection &sql)
{
    const QVariant handle = sql.database().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

// Copies every page of `source` into a new database file at `path`.
Status onlineBackup(SqlConnection &source, const QString &path)
{
    sqlite3 *from = sqliteHandle(source);
    if (!from)
        return Error{QStringLiteral("Cannot back up the central store at %1: Qt's SQLite driver "
                                    "does not expose its connection.")
                         .arg(source.displayLocation()),
                     source.displayLocation()};
    sqlite3 *to = nullptr;
    int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &to,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    QString failure;
    if (rc == SQLITE_OK) {
        sqlite3_backup *backup = sqlite3_backup_init(to, "main", from, "main");
        if (!backup) {
            failure = QString::fromUtf8(sqlite3_errmsg(to));
        } else {
            // All pages in one step, under one read lock: a consistent
            // snapshot. A writer holding the lock makes the step busy; wait
            // for it a bounded time, as the store's own busy timeout does.
            constexpr int kWaitMs = 100;
            for (int waited = 0;; waited += kWaitMs) {
                rc = sqlite3_backup_step(backup, -1);
                if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) &&
                    waited < SqlConnection::kBusyTimeoutMs) {
                    sqlite3_sleep(kWaitMs);
                    continue;
                }
                break;
            }
            if (rc != SQLITE_DONE)
                failure = QString::fromUtf8(sqlite3_errstr(rc));
            rc = sqlite3_backup_finish(backup);
            if (failure.isEmpty() && rc != SQLITE_OK)
                failure = QString::fromUtf8(sqlite3_errmsg(to));
        }
    } else {
        failure = QString::fromUtf8(to ? sqlite3_errmsg(to) : sqlite3_errstr(rc));
    }
    sqlite3_close(to);
    if (!failure.isEmpty())
        return Error{QStringLiteral("Backing up the central store at %1 to %2 failed: %3. Check "
                                    "that the directory exists and this user may write there.")
                         .arg(source.displayLocation(), path, failure),
                     path};
    return Status::success();
}

Error notSound(const StoreCheckReport &report, const QString &purpose, const QString &next)
{
    return Error{
        QStringLiteral("The %1 at %2 failed its check: %3. %4")
            .arg(purpose, report.location, report.problems.join(QStringLiteral("; ")), next),
        report.location};
}

// `path` moved aside as `path`.before-restore (or .before-restore.N), with
// its journal files so that SQLite pairs them again if it is opened.
Result<QString> moveAside(const QString &path)
{
    QString kept = path + QStringLiteral(".before-restore");
    for (int n = 2; QFileInfo::exists(kept); ++n)
        kept = path + QStringLiteral(".before-restore.%1").arg(n);
    for (const char *suffix : {"-journal", "-wal", "-shm"}) {
        const QString side = path + QLatin1String(suffix);
        if (QFileInfo::exists(side) && !QFile::rename(side, kept + QLatin1String(suffix)))
            return Error{QStringLiteral("Cannot move %1 aside to %2; nothing was restored. Check "
                                        "the permissions of the directory.")
                             .arg(side, kept + QLatin1String(suffix)),
                         path};
    }
    if (!QFile::rename(path, kept))
        return Error{QStringLiteral("Cannot move the central store %1 aside to %2; nothing was "
                                    "restored. Check the permissions of the directory.")
                         .arg(path, kept),
                     path};
    return kept;
}

} // namespace

QString postgresBackupAdvice(const QString &displayLocation)
{
    return QStringLiteral("The central store at %1 is a PostgreSQL database: back it up with "
                          "pg_dump (pg_dump -Fc -f fedgate.dump DATABASE) and restore it with "
                          "pg_restore (pg_restore --clean -d DATABASE fedgate.dump). 'fedgatectl "
                          "store check' works on it.")
        .arg(displayLocation);
}

Result<StoreCheckReport> checkStore(const QString &location, const QString &purpose)
{
    SqlConnection::Options options;
    options.create = false;
    options.quickCheck = false; // the full check below
    options.recovery = CentralStore::recoveryAdvice(location);
    Result<std::unique_ptr<SqlConnection>> opened = SqlConnection::open(location, purpose, options);
    if (!opened)
        return opened.error();
    SqlConnection &sql = *opened.value();
    StoreCheckReport report;
    report.location = sql.displayLocation();
    Result<QStringList> integrity = sql.integrityProblems(true);
    if (!integrity)
        return integrity.error();
    if (!integrity.value().isEmpty()) {
        for (const QString &problem : integrity.value())
            report.problems << QStringLiteral("integrity check: %1").arg(problem);
        return report; // the content of a damaged file is not worth reading
    }
    checkContent(sql, report);
    return report;
}

Result<StoreCheckReport> backupStore(const QString &location, const QString &output, bool overwrite)
{
    if (SqlConnection::isPostgresUrl(location)) {
        QUrl url(location);
        url.setPassword(QString());
        return Error{postgresBackupAdvice(url.toString()), url.toString()};
    }
    const QString target = QFileInfo(output).absoluteFilePath();
    if (QFileInfo(target) == QFileInfo(location))
        return Error{QStringLiteral("The backup %1 would overwrite the store itself; choose "
                                    "another file.")
                         .arg(target),
                     target};
    if (QFileInfo::exists(target) && !overwrite)
        return Error{QStringLiteral("%1 already exists; choose another file, or pass --force to "
                                    "replace it.")
                         .arg(target),
                     target};

    SqlConnection::Options options;
    options.create = false;
    options.recovery = CentralStore::recoveryAdvice(location);
    Result<std::unique_ptr<SqlConnection>> source =
        SqlConnection::open(location, QStringLiteral("central store"), options);
    if (!source)
        return source.error();
    if (Status s = ensureStoreSchema(*source.value(), StoreKind::Central); !s)
        return s.error();

    const QString partial = target + QStringLiteral(".partial");
    QFile::remove(partial);
    if (Status s = onlineBackup(*source.value(), partial); !s) {
        QFile::remove(partial);
        return s.error();
    }
    QFile::setPermissions(partial, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    Result<StoreCheckReport> copy = checkStore(partial, QStringLiteral("backup copy"));
    if (!copy || !copy.value().sound()) {
        QFile::remove(partial);
        return copy ? notSound(copy.value(), QStringLiteral("backup copy"),
                               QStringLiteral("No backup was written; run 'fedgatectl store "
                                              "check' on the store."))
                    : copy.error();
    }
    if (QFileInfo::exists(target) && !QFile::remove(target)) {
        QFile::remove(partial);
        return Error{QStringLiteral("Cannot replace %1; check its permissions.").arg(target),
                     target};
    }
    if (!QFile::rename(partial, target)) {
        QFile::remove(partial);
        return Error{QStringLiteral("Cannot write the backup %1; check the permissions of its "
                                    "directory.")
                         .arg(target),
                     target};
    }
    StoreCheckReport report = copy.value();
    report.location = target;
    return report;
}

Result<StoreCheckReport> restoreStore(const QString &location, const QString &backupFile,
                                      QString *keptAs)
{
    keptAs->clear();
    if (SqlConnection::isPostgresUrl(location)) {
        QUrl url(location);
        url.setPassword(QString());
        return Error{postgresBackupAdvice(url.toString()), url.toString()};
    }
    const QString target = QFileInfo(location).absoluteFilePath();
    const QString source = QFileInfo(backupFile).absoluteFilePath();
    if (QFileInfo(source) == QFileInfo(target))
        return Error{
            QStringLiteral("The backup %1 is the store itself; give the backup file.").arg(source),
            source};

    // The backup as it is, read only: a damaged backup or a file that is not
    // a central store never replaces anything.
    const QString refusal = QStringLiteral("Nothing was restored; the central store at %1 is "
                                           "unchanged. Choose another backup.")
                                .arg(target);
    Result<StoreCheckReport> checked = checkStore(source, QStringLiteral("backup"));
    if (!checked)
        return Error{checked.error().message + QLatin1Char(' ') + refusal, source};
    if (!checked.value().sound())
        return notSound(checked.value(), QStringLiteral("backup"), refusal);

    // Copy first, then swap by renames in the same directory, so that the
    // store is either the old file or the complete backup.
    if (!QDir().mkpath(QFileInfo(target).absolutePath()))
        return Error{QStringLiteral("Cannot create the directory of %1.").arg(target), target};
    const QString incoming = target + QStringLiteral(".restoring");
    QFile::remove(incoming);
    if (!QFile::copy(source, incoming))
        return Error{QStringLiteral("Cannot copy the backup %1 to %2; nothing was restored. "
                                    "Check the permissions of the directory.")
                         .arg(source, incoming),
                     target};
    QFile::setPermissions(incoming, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (QFileInfo::exists(target)) {
        Result<QString> kept = moveAside(target);
        if (!kept) {
            QFile::remove(incoming);
            return kept.error();
        }
        *keptAs = kept.value();
    }
    if (!QFile::rename(incoming, target)) {
        if (!keptAs->isEmpty())
            QFile::rename(*keptAs, target);
        keptAs->clear();
        return Error{QStringLiteral("Cannot put the backup in place at %1; the store was left "
                                    "as it was.")
                         .arg(target),
                     target};
    }
    // Opening it as a store migrates an older schema and proves it opens.
    Result<std::unique_ptr<CentralStore>> store = CentralStore::open(target);
    if (!store)
        return store.error();
    store.value().reset();
    Result<StoreCheckReport> restored = checkStore(target);
    return restored;
}

} // namespace fedgate::topology
