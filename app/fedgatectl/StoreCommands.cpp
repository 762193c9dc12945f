// fedgatectl store: check, back up and restore the central store as a file.
#include "Cli.h"

#include "topology/CentralStore.h"
#include "topology/SqlConnection.h"
#include "topology/StoreMaintenance.h"

#include <QJsonArray>
#include <QJsonObject>

namespace fedgate::cli {

namespace {

using namespace fedgate::topology;

QString storeLocation(const Context &ctx)
{
    return ctx.store().isEmpty() ? CentralStore::defaultLocation() : ctx.store();
}

QJsonObject reportJson(const StoreCheckReport &r)
{
    return {{QStringLiteral("location"), r.location},
            {QStringLiteral("sound"), r.sound()},
            {QStringLiteral("problems"), QJsonArray::fromStringList(r.problems)},
            {QStringLiteral("schemaVersion"), r.schemaVersion},
            {QStringLiteral("versions"), r.versions},
            {QStringLiteral("latestVersion"), r.latestVersion},
            {QStringLiteral("draft"), r.hasDraft},
            {QStringLiteral("draftRevision"), r.draftRevision}};
}

QString reportText(const StoreCheckReport &r)
{
    return QStringLiteral("%1 version(s) readable (latest %2), schema %3, %4")
        .arg(r.versions)
        .arg(r.latestVersion)
        .arg(r.schemaVersion)
        .arg(r.hasDraft ? QStringLiteral("a draft with unpublished edits (revision %1)")
                              .arg(r.draftRevision)
                        : QStringLiteral("no unpublished draft"));
}

int storeCheck(Context &ctx)
{
    QCommandLineParser parser;
    if (!ctx.parse(parser, QStringLiteral("Check the central store: SQLite's full integrity "
                                          "check, the schema, every published version and the "
                                          "draft readable. Writes nothing.")))
        return ctx.exitCode();
    const QString location = storeLocation(ctx);
    Result<StoreCheckReport> report = checkStore(location);
    if (!report)
        return ctx.fail(StoreError, describeError(report.error()));
    const StoreCheckReport &r = report.value();
    if (!r.sound()) {
        QString message = QStringLiteral("The central store at %1 failed its check: %2. Nothing "
                                         "was written to it.")
                              .arg(r.location, r.problems.join(QStringLiteral("; ")));
        if (!SqlConnection::isPostgresUrl(location))
            message += QLatin1Char(' ') + CentralStore::recoveryAdvice(location);
        return ctx.fail(StoreError, message);
    }
    return ctx.succeed(
        QStringLiteral("The central store at %1 is sound: %2.").arg(r.location, reportText(r)),
        reportJson(r));
}

int storeBackup(Context &ctx)
{
    QCommandLineParser parser;
    const auto output = valueOption(QStringLiteral("output"),
                                    QStringLiteral("The backup file to write (a SQLite store)."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption force(QStringLiteral("force"),
                                   QStringLiteral("Replace FILE if it exists."));
    parser.addOptions({output, force});
    if (!ctx.parse(parser, QStringLiteral("Copy the central store (SQLite) to a backup file with "
                                          "SQLite's online backup: a consistent copy even while "
                                          "others edit or publish. The copy is checked before it "
                                          "gets its name. For PostgreSQL use pg_dump.")))
        return ctx.exitCode();
    const QString location = storeLocation(ctx);
    if (SqlConnection::isPostgresUrl(location)) {
        Result<StoreCheckReport> refused = backupStore(location, QString());
        return ctx.fail(UsageOrValidation, refused ? QString() : refused.error().message);
    }
    if (!parser.isSet(output))
        return ctx.fail(UsageOrValidation,
                        QStringLiteral("Give the backup file: 'fedgatectl store backup --output "
                                       "FILE'."));
    Result<StoreCheckReport> report =
        backupStore(location, parser.value(output), parser.isSet(force));
    if (!report)
        return ctx.fail(StoreError, describeError(report.error()));
    const StoreCheckReport &r = report.value();
    QJsonObject json = reportJson(r);
    json.insert(QStringLiteral("backup"), r.location);
    return ctx.succeed(QStringLiteral("Backed up the central store to %1 (checked: %2). Restore it "
                                      "with 'fedgatectl store restore --file %1'.")
                           .arg(r.location, reportText(r)),
                       json);
}

int storeRestore(Context &ctx)
{
    QCommandLineParser parser;
    const auto file = valueOption(QStringLiteral("file"),
                                  QStringLiteral("The backup to restore ('fedgatectl store "
                                                 "backup')."),
                                  QStringLiteral("FILE"));
    parser.addOptions({file});
    if (!ctx.parse(parser, QStringLiteral("Replace the central store (SQLite) with a backup, "
                                          "after checking the backup's integrity and that it is "
                                          "a central store. The replaced file is kept as "
                                          "STORE.before-restore. Close the wizard first. For "
                                          "PostgreSQL use pg_restore.")))
        return ctx.exitCode();
    const QString location = storeLocation(ctx);
    QString keptAs;
    if (SqlConnection::isPostgresUrl(location)) {
        Result<StoreCheckReport> refused = restoreStore(location, QString(), &keptAs);
        return ctx.fail(UsageOrValidation, refused ? QString() : refused.error().message);
    }
    if (!parser.isSet(file))
        return ctx.fail(UsageOrValidation,
                        QStringLiteral("Give the backup: 'fedgatectl store restore --file "
                                       "FILE'."));
    Result<StoreCheckReport> report = restoreStore(location, parser.value(file), &keptAs);
    if (!report)
        return ctx.fail(StoreError, describeError(report.error()));
    const StoreCheckReport &r = report.value();
    QJsonObject json = reportJson(r);
    json.insert(QStringLiteral("restoredFrom"), parser.value(file));
    json.insert(QStringLiteral("keptAs"), keptAs);
    return ctx.succeed(
        QStringLiteral("Restored the central store at %1 from %2: %3.%4")
            .arg(r.location, parser.value(file), reportText(r),
                 keptAs.isEmpty()
                     ? QString()
                     : QStringLiteral("\nThe replaced file is kept as %1.").arg(keptAs)),
        json);
}

const Registrar registrar{
    {QStringLiteral("store"), QStringLiteral("check"),
     QStringLiteral("Check the central store's integrity and content."), storeCheck},
    {QStringLiteral("store"), QStringLiteral("backup"),
     QStringLiteral("Back up the central store (SQLite) to a file."), storeBackup},
    {QStringLiteral("store"), QStringLiteral("restore"),
     QStringLiteral("Replace the central store with a checked backup."), storeRestore},
};

} // namespace
} // namespace fedgate::cli
