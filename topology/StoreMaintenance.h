#pragma once

#include "Result.h"

#include <QString>
#include <QStringList>

// Looking after the central store as a file: the full integrity check, an
// online backup and a checked restore ('fedgatectl store check / backup /
// restore'). Backup and restore are for SQLite stores; a PostgreSQL store is
// the database administrator's (pg_dump / pg_restore). The check works on
// both.
namespace fedgate::topology {

struct StoreCheckReport
{
    QString location;      // without any password
    QStringList problems;  // empty: the store is sound
    int schemaVersion = 0; // from fedgate_meta
    int versions = 0;      // published versions, each read and parsed
    int latestVersion = 0;
    bool hasDraft = false; // a saved draft (unpublished edits), parsed
    qint64 draftRevision = 0;

    bool sound() const { return problems.isEmpty(); }
};

// Reads the store without writing to it: SQLite's full PRAGMA
// integrity_check, then that it is a central store of a schema this Fedgate
// knows, then every published version and the draft. `purpose` names it in
// messages ("central store", "backup"). Problems go into the report; an
// Error means the location cannot be read as a database at all (missing, 0
// bytes, not SQLite, unreachable server), its message naming the location.
Result<StoreCheckReport> checkStore(const QString &location,
                                    const QString &purpose = QStringLiteral("central store"));

// Copies the SQLite store at `location` to `output` with SQLite's online
// backup API (a consistent snapshot even while other processes write),
// checks the copy (checkStore) and only then gives it its name (the copy is
// written beside `output` first). `output` must not exist unless
// `overwrite`. The copy is readable by the owner only: it holds the
// dialback secret. Returns the copy's check report.
Result<StoreCheckReport> backupStore(const QString &location, const QString &output,
                                     bool overwrite = false);

// Replaces the SQLite store at `location` with `backupFile` after checking
// the backup (integrity, a central store, versions readable); a backup that
// fails any of this is refused and the store left untouched. The replaced
// file (with any journal) is kept as `location`.before-restore (or
// .before-restore.N when that exists), returned in `keptAs` (empty when
// there was no file). Returns the restored store's check report.
Result<StoreCheckReport> restoreStore(const QString &location, const QString &backupFile,
                                      QString *keptAs);

// The message for backup/restore of a PostgreSQL store.
QString postgresBackupAdvice(const QString &displayLocation);

} // namespace fedgate::topology
