#include "CentralStore.h"

#include "Paths.h"
#include "SqlConnection.h"
#include "StoreSchema.h"
#include "TopologyDiff.h"
#include "TopologyDocument.h"
#include "Validation.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlError>

#include <pwd.h>
#include <unistd.h>

namespace fedgate::topology {

namespace {

// User-facing text: French in the wizard, which installs a translator;
// English in fedgatectl and fedgated, which install none.
QString tr(const char *text)
{
    return QCoreApplication::translate("CentralStore", text);
}

QString currentUserName()
{
    if (const passwd *pw = ::getpwuid(::geteuid()); pw && pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("uid %1").arg(::geteuid()) : user;
}

// 256 bits from the operating system's CSPRNG: the dialback keys of every
// edge member derive from it (XEP-0185), so it must not be guessable.
QString generateDialbackSecret()
{
    quint32 words[8];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex());
}

// Qt binds a null QString as SQL NULL; the columns are NOT NULL.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QString firstVersionSummary(const Topology &t)
{
    return QStringLiteral("first version: %1, %2 site(s), %3 edge pool(s), %4 partner(s), "
                          "%5 polic%6, %7 user(s)")
        .arg(t.organisation.name.isEmpty() ? QStringLiteral("unnamed organisation")
                                           : QStringLiteral("organisation ") + t.organisation.name)
        .arg(t.sites.size())
        .arg(t.edgePools().size())
        .arg(t.partners.size())
        .arg(t.policies.size())
        .arg(t.policies.size() == 1 ? QStringLiteral("y") : QStringLiteral("ies"))
        .arg(t.users.size());
}

} // namespace

QString CentralStore::recoveryAdvice(const QString &location)
{
    const QString path = QFileInfo(location).absoluteFilePath();
    return tr("To get the store back, restore a backup with 'fedgatectl store restore "
              "--file BACKUP --store %1' (the current file is kept as "
              "%1.before-restore), or move the file aside and publish an exported "
              "topology into a new store with 'fedgatectl topology publish --file "
              "EXPORT --store %1'.")
        .arg(path);
}

struct CentralStore::Private
{
    std::unique_ptr<SqlConnection> sql;
    std::function<void()> publishHook;

    Result<int> latest()
    {
        Result<QSqlQuery> q =
            sql->exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM topology_versions"));
        if (!q)
            return q.error();
        QSqlQuery &query = q.value();
        return query.next() ? query.value(0).toInt() : 0;
    }

    Result<Topology> load(int version)
    {
        Result<QSqlQuery> q = sql->exec(
            QStringLiteral("SELECT document FROM topology_versions WHERE version = ?"), {version});
        if (!q)
            return q.error();
        QSqlQuery &query = q.value();
        if (!query.next()) {
            query.finish();
            Result<int> newest = latest();
            if (!newest)
                return newest.error();
            if (newest.value() == 0)
                return Error{tr("Nothing has been published to the central store at "
                                "%1 yet, so there is no version %2. Publish a "
                                "topology first (fedgatectl topology publish).")
                                 .arg(sql->displayLocation())
                                 .arg(version),
                             sql->displayLocation()};
            return Error{tr("Version %1 is not in the central store at %2, which "
                            "holds versions 1 to %3. List them with 'fedgatectl "
                            "topology versions'.")
                             .arg(version)
                             .arg(sql->displayLocation())
                             .arg(newest.value()),
                         sql->displayLocation()};
        }
        const QByteArray document = query.value(0).toString().toUtf8();
        query.finish();
        return TopologyDocument::fromJson(
            document, QStringLiteral("%1 (version %2)").arg(sql->displayLocation()).arg(version));
    }

    // Serialises draft writers. SQLite: the write transaction (BEGIN
    // IMMEDIATE) already excludes every other writer. PostgreSQL: a
    // transaction-scoped advisory lock, which also covers the case where no
    // draft row exists yet (SELECT ... FOR UPDATE would lock nothing then).
    Status lockDraft()
    {
        if (sql->backend() != SqlConnection::Backend::Postgres)
            return Status::success();
        return sql->execStatus(QStringLiteral("SELECT pg_advisory_xact_lock(70236926)"));
    }

    // The revision of the draft: the row's, or when there is no row the one
    // recorded when it was last removed (revisions never go back, so a
    // writer holding an old one cannot match a new draft).
    Result<qint64> removedRevision()
    {
        Result<QSqlQuery> q = sql->exec(
            QStringLiteral("SELECT value FROM fedgate_meta WHERE key = 'draft_revision'"));
        if (!q)
            return q.error();
        return q.value().next() ? q.value().value(0).toLongLong() : qint64(0);
    }

    Result<qint64> revision()
    {
        Result<QSqlQuery> q =
            sql->exec(QStringLiteral("SELECT revision FROM topology_draft WHERE id = 1"));
        if (!q)
            return q.error();
        if (q.value().next())
            return q.value().value(0).toLongLong();
        q.value().finish();
        return removedRevision();
    }

    Status writeDraft(const Draft &draft, qint64 revision, const QDateTime &at)
    {
        return sql->execStatus(
            QStringLiteral("INSERT INTO topology_draft (id, base_version, modified_at, document, "
                           "revision) VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                           "base_version = excluded.base_version, modified_at = "
                           "excluded.modified_at, document = excluded.document, revision = "
                           "excluded.revision"),
            {draft.baseVersion, at.toString(Qt::ISODateWithMs),
             QString::fromUtf8(TopologyDocument::toJson(draft.topology)), revision});
    }

    // Removes the draft row (if any) and records `revision` as the draft's.
    Status removeDraft(qint64 revision)
    {
        if (Status s = sql->execStatus(QStringLiteral("DELETE FROM topology_draft")); !s)
            return s;
        return sql->execStatus(
            QStringLiteral("INSERT INTO fedgate_meta (key, value) VALUES ('draft_revision', ?) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
            {QString::number(revision)});
    }

    // The draft as draft() returns it, with its revision. The revision is
    // read first: any change after it counts it up, so a revision never
    // goes with newer content than it stands for.
    Result<std::optional<Draft>> readDraft()
    {
        Result<qint64> removed = removedRevision();
        if (!removed)
            return removed.error();
        Result<QSqlQuery> q = sql->exec(QStringLiteral(
            "SELECT base_version, modified_at, document, revision FROM topology_draft "
            "WHERE id = 1"));
        if (!q)
            return q.error();
        QSqlQuery &query = q.value();
        if (query.next()) {
            Draft draft;
            draft.baseVersion = query.value(0).toInt();
            draft.modifiedAt = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
            draft.modifiedAt.setTimeSpec(Qt::UTC);
            const QByteArray document = query.value(2).toString().toUtf8();
            draft.revision = query.value(3).toLongLong();
            query.finish();
            Result<Topology> t = TopologyDocument::fromJson(
                document, QStringLiteral("%1 (draft)").arg(sql->displayLocation()));
            if (!t)
                return t.error();
            draft.topology = std::move(t).value();
            return std::optional<Draft>(std::move(draft));
        }
        query.finish();

        // No pending edits: the draft is the latest published version.
        Result<int> newest = latest();
        if (!newest)
            return newest.error();
        if (newest.value() == 0)
            return std::optional<Draft>();
        Result<QSqlQuery> row = sql->exec(
            QStringLiteral("SELECT published_at FROM topology_versions WHERE version = ?"),
            {newest.value()});
        if (!row)
            return row.error();
        Draft draft;
        if (row.value().next()) {
            draft.modifiedAt =
                QDateTime::fromString(row.value().value(0).toString(), Qt::ISODateWithMs);
            draft.modifiedAt.setTimeSpec(Qt::UTC);
        }
        row.value().finish();
        Result<Topology> t = load(newest.value());
        if (!t)
            return t.error();
        draft.topology = std::move(t).value();
        draft.baseVersion = newest.value();
        draft.revision = removed.value();
        return std::optional<Draft>(std::move(draft));
    }

    // Runs `body` with the draft's revision inside a write transaction that
    // holds the draft lock; commits when it succeeds, rolls back otherwise.
    template <typename T>
    Result<T> underDraftLock(const std::function<Result<T>(qint64 revision)> &body)
    {
        if (Status s = sql->begin(); !s)
            return s.error();
        Result<T> result = [&]() -> Result<T> {
            if (Status s = lockDraft(); !s)
                return s.error();
            Result<qint64> current = revision();
            if (!current)
                return current.error();
            return body(current.value());
        }();
        if (!result) {
            sql->rollback();
            return result;
        }
        if (Status s = sql->commit(); !s)
            return s.error();
        return result;
    }

    Result<Draft> storeDraft(Draft draft, qint64 newRevision)
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (Status s = writeDraft(draft, newRevision, now); !s)
            return s.error();
        draft.revision = newRevision;
        draft.modifiedAt = now;
        draft.empty = false;
        return draft;
    }

    Error draftConflict(qint64 yours, qint64 now, const QString &what) const
    {
        return Error{tr("Draft conflict in the central store at %1: someone else "
                        "changed the draft since you read it (you have revision %2, "
                        "the store has revision %3). %4 Reload the draft to see "
                        "their changes, then make yours again.")
                         .arg(sql->displayLocation())
                         .arg(yours)
                         .arg(now)
                         .arg(what),
                     sql->displayLocation()};
    }

    Error conflict(int baseVersion, int latestVersion) const
    {
        const QString base = baseVersion > 0 ? tr("is based on version %1").arg(baseVersion)
                                             : tr("was started before any version was published");
        return Error{tr("Publish conflict in the central store at %1: your topology "
                        "%2, but version %3 has been published since. Nothing was "
                        "written. Re-read the latest version (fedgatectl topology "
                        "show --version %3), reapply your changes to it, and publish "
                        "again.")
                         .arg(sql->displayLocation(), base)
                         .arg(latestVersion),
                     sql->displayLocation()};
    }
};

CentralStore::CentralStore(std::unique_ptr<Private> p)
    : d(std::move(p))
{}

CentralStore::~CentralStore() = default;

QString CentralStore::defaultLocation()
{
    return fedgate::dataPath(QStringLiteral("cms.sqlite"));
}

Result<std::unique_ptr<CentralStore>> CentralStore::open(const QString &location)
{
    const QString where = location.isEmpty() ? defaultLocation() : location;
    SqlConnection::Options options;
    options.recovery = recoveryAdvice(where);
    Result<std::unique_ptr<SqlConnection>> sql =
        SqlConnection::open(where, QStringLiteral("central store"), options);
    if (!sql)
        return sql.error();
    if (Status s = ensureStoreSchema(*sql.value(), StoreKind::Central); !s)
        return s.error();
    auto d = std::make_unique<Private>();
    d->sql = std::move(sql).value();
    return std::unique_ptr<CentralStore>(new CentralStore(std::move(d)));
}

QString CentralStore::location() const
{
    return d->sql->displayLocation();
}

Result<QList<VersionInfo>> CentralStore::versions()
{
    Result<QSqlQuery> q =
        d->sql->exec(QStringLiteral("SELECT version, published_at, published_by, comment, summary "
                                    "FROM topology_versions ORDER BY version"));
    if (!q)
        return q.error();
    QList<VersionInfo> list;
    QSqlQuery &query = q.value();
    while (query.next()) {
        VersionInfo info;
        info.version = query.value(0).toInt();
        info.publishedAt = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
        info.publishedAt.setTimeSpec(Qt::UTC);
        info.publishedBy = query.value(2).toString();
        info.comment = query.value(3).toString();
        info.summary = query.value(4).toString();
        list.append(info);
    }
    return list;
}

Result<int> CentralStore::latestVersion()
{
    return d->latest();
}

Result<Topology> CentralStore::topology(int version)
{
    return d->load(version);
}

Result<int> CentralStore::publish(const Topology &input, int baseVersion, const QString &comment,
                                  std::optional<qint64> draftRevision)
{
    Topology topology = input;
    topology.normalise();

    const QList<Finding> findings = validate(topology);
    if (hasErrors(findings)) {
        QStringList errors;
        for (const Finding &f : findings)
            if (f.severity == Severity::Error)
                errors << f.path + QStringLiteral(": ") + f.message;
        return Error{tr("The topology has %1 error(s) and was not published to %2. "
                        "Fix them and publish again:\n  %3")
                         .arg(errors.size())
                         .arg(d->sql->displayLocation(), errors.join(QStringLiteral("\n  "))),
                     d->sql->displayLocation()};
    }

    SqlConnection &sql = *d->sql;
    if (Status s = sql.begin(); !s)
        return s.error();

    // Everything below runs inside the transaction; any early return rolls
    // it back so a failed publish leaves no trace.
    auto fail = [&sql](Error e) -> Result<int> {
        sql.rollback();
        return e;
    };

    if (Status s = d->lockDraft(); !s)
        return fail(s.error());
    Result<qint64> revision = d->revision();
    if (!revision)
        return fail(revision.error());
    if (draftRevision && *draftRevision != revision.value())
        return fail(
            d->draftConflict(*draftRevision, revision.value(), tr("Nothing was published.")));

    Result<int> latest = d->latest();
    if (!latest)
        return fail(latest.error());
    if (latest.value() != baseVersion)
        return fail(d->conflict(baseVersion, latest.value()));

    Topology previous;
    if (latest.value() > 0) {
        Result<Topology> loaded = d->load(latest.value());
        if (!loaded)
            return fail(loaded.error());
        previous = std::move(loaded).value();
    }

    // The secret is made once, at the first publish, and then carried from
    // version to version: changing it would break the dialback keys of
    // edges still running the previous version.
    if (topology.gateway.dialbackSecret.isEmpty())
        topology.gateway.dialbackSecret = previous.gateway.dialbackSecret.isEmpty()
                                              ? generateDialbackSecret()
                                              : previous.gateway.dialbackSecret;

    const QString summary = latest.value() == 0 ? firstVersionSummary(topology)
                                                : summarizeDiff(diff(previous, topology));
    const int version = baseVersion + 1;
    Result<QSqlQuery> inserted =
        sql.exec(QStringLiteral("INSERT INTO topology_versions "
                                "(version, published_at, published_by, comment, summary, document) "
                                "VALUES (?, ?, ?, ?, ?, ?)"),
                 {version, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                  currentUserName(), notNull(comment), notNull(summary),
                  QString::fromUtf8(TopologyDocument::toJson(topology))});
    if (!inserted) {
        // Two publishers that both read `baseVersion`: the primary key lets
        // exactly one insert win. Report the loser as a conflict.
        const bool lostRace = sql.isUniqueViolation(sql.lastError());
        sql.rollback();
        if (lostRace) {
            Result<int> now = d->latest();
            return d->conflict(baseVersion, now ? now.value() : version);
        }
        return inserted.error();
    }

    // The stored draft was just published: it no longer holds unpublished
    // changes, so editing continues from the new version. It is the draft
    // when the caller read it at this revision, or when it is identical.
    Result<QSqlQuery> draftRow =
        sql.exec(QStringLiteral("SELECT base_version, document FROM topology_draft WHERE id = 1"));
    if (!draftRow)
        return fail(draftRow.error());
    const bool hasRow = draftRow.value().next();
    bool draftPublished = !hasRow || draftRevision.has_value();
    if (hasRow && !draftPublished && draftRow.value().value(0).toInt() == baseVersion) {
        Result<Topology> draft =
            TopologyDocument::fromJson(draftRow.value().value(1).toString().toUtf8());
        if (draft) {
            Topology t = draft.value();
            t.normalise();
            if (t.gateway.dialbackSecret.isEmpty())
                t.gateway.dialbackSecret = topology.gateway.dialbackSecret;
            draftPublished = t == topology;
        }
    }
    draftRow.value().finish();
    // Without a stored draft, the draft is the latest version, which just
    // changed: count it as a draft change too.
    if (draftPublished)
        if (Status s = d->removeDraft(revision.value() + 1); !s)
            return fail(s.error());

    if (d->publishHook)
        d->publishHook();

    if (Status s = sql.commit(); !s)
        return s.error();
    return version;
}

Result<int> CentralStore::rollback(int version, int baseVersion,
                                   std::optional<qint64> draftRevision)
{
    Result<Topology> old = d->load(version);
    if (!old)
        return old.error();
    return publish(old.value(), baseVersion, QStringLiteral("Rollback to version %1").arg(version),
                   draftRevision);
}

Result<std::optional<Draft>> CentralStore::draft()
{
    return d->readDraft();
}

Result<qint64> CentralStore::draftRevision()
{
    return d->revision();
}

Result<Draft> CentralStore::editDraft(const std::function<Status(Draft &)> &change)
{
    return d->underDraftLock<Draft>([&](qint64 revision) -> Result<Draft> {
        Result<std::optional<Draft>> current = d->readDraft();
        if (!current)
            return current.error();
        Draft draft;
        draft.empty = !current.value();
        draft.revision = revision;
        if (current.value())
            draft = *current.value();
        const Draft before = draft;
        if (Status s = change(draft); !s)
            return s.error();
        if (draft.topology == before.topology && draft.baseVersion == before.baseVersion)
            return before; // read only: nothing to write
        return d->storeDraft(draft, revision + 1);
    });
}

Result<Draft> CentralStore::saveDraft(const Draft &input)
{
    return d->underDraftLock<Draft>([&](qint64 revision) -> Result<Draft> {
        if (revision != input.revision)
            return d->draftConflict(input.revision, revision, tr("Your change was not saved."));
        return d->storeDraft(input, revision + 1);
    });
}

Status CentralStore::discardDraft(std::optional<qint64> expectedRevision)
{
    Result<bool> discarded = d->underDraftLock<bool>([&](qint64 revision) -> Result<bool> {
        if (expectedRevision && *expectedRevision != revision)
            return d->draftConflict(*expectedRevision, revision,
                                    tr("The draft was not discarded."));
        Result<QSqlQuery> row =
            d->sql->exec(QStringLiteral("SELECT 1 FROM topology_draft WHERE id = 1"));
        if (!row)
            return row.error();
        const bool hasRow = row.value().next();
        row.value().finish();
        if (!hasRow)
            return false;
        if (Status s = d->removeDraft(revision + 1); !s)
            return s.error();
        return true;
    });
    if (!discarded)
        return discarded.error();
    return Status::success();
}

bool CentralStore::isConflict(const Error &error)
{
    return isDraftConflict(error) || error.message.startsWith(QLatin1String("Publish conflict"));
}

bool CentralStore::isDraftConflict(const Error &error)
{
    return error.message.startsWith(QLatin1String("Draft conflict"));
}

void CentralStore::setPublishHookForTesting(std::function<void()> hook)
{
    d->publishHook = std::move(hook);
}

} // namespace fedgate::topology
