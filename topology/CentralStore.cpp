#include "CentralStore.h"

#include "Paths.h"
#include "SqlConnection.h"
#include "StoreSchema.h"
#include "TopologyDiff.h"
#include "TopologyDocument.h"
#include "Validation.h"

#include <QRandomGenerator>
#include <QSqlError>

#include <pwd.h>
#include <unistd.h>

namespace fedgate::topology {

namespace {

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
                return Error{QStringLiteral("Nothing has been published to the central store at "
                                            "%1 yet, so there is no version %2. Publish a "
                                            "topology first (fedgatectl topology publish).")
                                 .arg(sql->displayLocation())
                                 .arg(version),
                             sql->displayLocation()};
            return Error{QStringLiteral("Version %1 is not in the central store at %2, which "
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

    Error conflict(int baseVersion, int latestVersion) const
    {
        const QString base = baseVersion > 0
                                 ? QStringLiteral("is based on version %1").arg(baseVersion)
                                 : QStringLiteral("was started before any version was published");
        return Error{QStringLiteral("Publish conflict in the central store at %1: your topology "
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
    Result<std::unique_ptr<SqlConnection>> sql =
        SqlConnection::open(where, QStringLiteral("central store"));
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

Result<int> CentralStore::publish(const Topology &input, int baseVersion, const QString &comment)
{
    Topology topology = input;
    topology.normalise();

    const QList<Finding> findings = validate(topology);
    if (hasErrors(findings)) {
        QStringList errors;
        for (const Finding &f : findings)
            if (f.severity == Severity::Error)
                errors << f.path + QStringLiteral(": ") + f.message;
        return Error{QStringLiteral("The topology has %1 error(s) and was not published to %2. "
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
    // changes, so editing continues from the new version.
    Result<QSqlQuery> draftRow =
        sql.exec(QStringLiteral("SELECT base_version, document FROM topology_draft WHERE id = 1"));
    if (!draftRow)
        return fail(draftRow.error());
    bool draftPublished = false;
    if (draftRow.value().next() && draftRow.value().value(0).toInt() == baseVersion) {
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
    if (draftPublished)
        if (Status s = sql.execStatus(QStringLiteral("DELETE FROM topology_draft")); !s)
            return fail(s.error());

    if (d->publishHook)
        d->publishHook();

    if (Status s = sql.commit(); !s)
        return s.error();
    return version;
}

Result<int> CentralStore::rollback(int version, int baseVersion)
{
    Result<Topology> old = d->load(version);
    if (!old)
        return old.error();
    return publish(old.value(), baseVersion, QStringLiteral("Rollback to version %1").arg(version));
}

Result<std::optional<Draft>> CentralStore::draft()
{
    Result<QSqlQuery> q = d->sql->exec(QStringLiteral(
        "SELECT base_version, modified_at, document FROM topology_draft WHERE id = 1"));
    if (!q)
        return q.error();
    QSqlQuery &query = q.value();
    if (query.next()) {
        Draft draft;
        draft.baseVersion = query.value(0).toInt();
        draft.modifiedAt = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
        draft.modifiedAt.setTimeSpec(Qt::UTC);
        const QByteArray document = query.value(2).toString().toUtf8();
        query.finish();
        Result<Topology> t = TopologyDocument::fromJson(
            document, QStringLiteral("%1 (draft)").arg(d->sql->displayLocation()));
        if (!t)
            return t.error();
        draft.topology = std::move(t).value();
        return std::optional<Draft>(std::move(draft));
    }
    query.finish();

    // No pending edits: the draft is the latest published version.
    Result<int> latest = d->latest();
    if (!latest)
        return latest.error();
    if (latest.value() == 0)
        return std::optional<Draft>();
    Result<Topology> t = d->load(latest.value());
    if (!t)
        return t.error();
    Result<QList<VersionInfo>> all = versions();
    Draft draft;
    draft.topology = std::move(t).value();
    draft.baseVersion = latest.value();
    if (all && !all.value().isEmpty())
        draft.modifiedAt = all.value().last().publishedAt;
    return std::optional<Draft>(std::move(draft));
}

Status CentralStore::saveDraft(const Draft &draft)
{
    return d->sql->execStatus(
        QStringLiteral("INSERT INTO topology_draft (id, base_version, modified_at, document) "
                       "VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                       "base_version = excluded.base_version, modified_at = excluded.modified_at, "
                       "document = excluded.document"),
        {draft.baseVersion, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
         QString::fromUtf8(TopologyDocument::toJson(draft.topology))});
}

Status CentralStore::discardDraft()
{
    return d->sql->execStatus(QStringLiteral("DELETE FROM topology_draft"));
}

void CentralStore::setPublishHookForTesting(std::function<void()> hook)
{
    d->publishHook = std::move(hook);
}

} // namespace fedgate::topology
