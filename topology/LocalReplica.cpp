#include "LocalReplica.h"

#include "CentralStore.h"
#include "Paths.h"
#include "SqlConnection.h"
#include "StoreSchema.h"
#include "TopologyDocument.h"
#include "Validation.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace fedgate::topology {

namespace {

// User-facing text: French in the wizard, which installs a translator;
// English in fedgatectl and fedgated, which install none.
QString tr(const char *text)
{
    return QCoreApplication::translate("LocalReplica", text);
}

Error refusedForErrors(const QString &source, const QList<Finding> &findings)
{
    QStringList errors;
    for (const Finding &f : findings)
        if (f.severity == Severity::Error)
            errors << f.path + QStringLiteral(": ") + f.message;
    return Error{tr("%1 holds a topology with %2 validation error(s); the local "
                    "replica was left unchanged. Fix the topology, publish and "
                    "export it again:\n  %3")
                     .arg(source)
                     .arg(errors.size())
                     .arg(errors.join(QStringLiteral("\n  "))),
                 source};
}

struct PublishedVersion
{
    Topology topology;
    int version = 0;
    QString storeLocation;
};

// Published `version` of the store (0 = the latest), for import or export
// (`verb` names which in the error when nothing is published yet).
Result<PublishedVersion> loadPublished(const QString &storeLocation, int version,
                                       const QString &verb)
{
    Result<std::unique_ptr<CentralStore>> store = CentralStore::open(storeLocation);
    if (!store)
        return store.error();
    const QString location = store.value()->location();
    int wanted = version;
    if (wanted <= 0) {
        Result<int> latest = store.value()->latestVersion();
        if (!latest)
            return latest.error();
        if (latest.value() == 0)
            return Error{tr("Nothing has been published to the central store at %1 "
                            "yet, so there is nothing to %2. Publish a topology "
                            "first (fedgatectl topology publish).")
                             .arg(location, verb),
                         location};
        wanted = latest.value();
    }
    Result<Topology> topology = store.value()->topology(wanted);
    if (!topology)
        return topology.error();
    return PublishedVersion{std::move(topology).value(), wanted, location};
}

} // namespace

struct LocalReplica::Private
{
    std::unique_ptr<SqlConnection> sql;

    // Replaces the replica's content in one transaction: a failure at any
    // point leaves the previous content in place.
    Status replace(const Topology &topology, int version, const QString &source, bool fromStore)
    {
        const QList<Finding> findings = validate(topology);
        if (hasErrors(findings))
            return refusedForErrors(source, findings);
        if (Status s = sql->begin(); !s)
            return s;
        Status written = sql->execStatus(
            QStringLiteral("INSERT INTO replica_content "
                           "(id, version, source, imported_at, document) VALUES (1, ?, ?, ?, ?) "
                           "ON CONFLICT (id) DO UPDATE SET version = excluded.version, "
                           "source = excluded.source, imported_at = excluded.imported_at, "
                           "document = excluded.document"),
            {version, source, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
             QString::fromUtf8(TopologyDocument::toJson(topology, version))});
        if (!written) {
            sql->rollback();
            return written;
        }
        // The origin in the meta table, so replicas of older versions (which
        // ignore the key) keep opening and older replicas read as "file".
        written = sql->execStatus(
            QStringLiteral("INSERT INTO fedgate_meta (key, value) VALUES ('replica_origin', ?) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
            {fromStore ? QStringLiteral("store") : QStringLiteral("file")});
        if (!written) {
            sql->rollback();
            return written;
        }
        return sql->commit();
    }
};

LocalReplica::LocalReplica(std::unique_ptr<Private> p)
    : d(std::move(p))
{}

LocalReplica::~LocalReplica() = default;

QString LocalReplica::defaultLocation()
{
    return fedgate::dataPath(QStringLiteral("replica.sqlite"));
}

Result<std::unique_ptr<LocalReplica>> LocalReplica::open(const QString &path)
{
    const QString where = path.isEmpty() ? defaultLocation() : path;
    if (SqlConnection::isPostgresUrl(where))
        return Error{tr("The local replica is a SQLite file on this machine, not a "
                        "PostgreSQL database (%1). Give a file path (--replica), or "
                        "pass the URL as the store to import from (--from-store).")
                         .arg(where),
                     where};
    // The replica is a copy: a damaged one is replaced by importing again.
    SqlConnection::Options options;
    options.recovery = tr("Move the file aside and import the published topology "
                          "again ('fedgatectl topology import --file EXPORT --replica "
                          "%1' or '--from-store LOCATION').")
                           .arg(QFileInfo(where).absoluteFilePath());
    Result<std::unique_ptr<SqlConnection>> sql =
        SqlConnection::open(where, QStringLiteral("local replica"), options);
    if (!sql)
        return sql.error();
    if (Status s = ensureStoreSchema(*sql.value(), StoreKind::Replica); !s)
        return s.error();
    auto d = std::make_unique<Private>();
    d->sql = std::move(sql).value();
    return std::unique_ptr<LocalReplica>(new LocalReplica(std::move(d)));
}

QString LocalReplica::location() const
{
    return d->sql->displayLocation();
}

Status LocalReplica::importFile(const QString &path)
{
    int version = 0;
    Result<Topology> topology = TopologyDocument::readFile(path, &version);
    if (!topology)
        return topology.error();
    if (version <= 0)
        return Error{tr("%1 is not an exported published topology: it carries no "
                        "\"publishedVersion\". Publish the topology, then export it "
                        "(fedgatectl topology export --output FILE) and import that "
                        "file.")
                         .arg(path),
                     path};
    return d->replace(topology.value(), version, path, false);
}

Status LocalReplica::importFromStore(const QString &storeLocation, int version)
{
    Result<PublishedVersion> published = loadPublished(storeLocation, version, tr("import"));
    if (!published)
        return published.error();
    const PublishedVersion &p = published.value();
    return d->replace(p.topology, p.version, p.storeLocation, true);
}

Result<std::optional<ReplicaState>> LocalReplica::current()
{
    Result<QSqlQuery> q = d->sql->exec(QStringLiteral(
        "SELECT version, source, imported_at, document FROM replica_content WHERE id = 1"));
    if (!q)
        return q.error();
    QSqlQuery &query = q.value();
    if (!query.next())
        return std::optional<ReplicaState>();
    ReplicaState state;
    state.version = query.value(0).toInt();
    state.source = query.value(1).toString();
    state.importedAt = QDateTime::fromString(query.value(2).toString(), Qt::ISODateWithMs);
    state.importedAt.setTimeSpec(Qt::UTC);
    const QByteArray document = query.value(3).toString().toUtf8();
    query.finish();
    Result<Topology> topology = TopologyDocument::fromJson(
        document, QStringLiteral("%1 (local replica)").arg(d->sql->displayLocation()));
    if (!topology)
        return topology.error();
    state.topology = std::move(topology).value();
    Result<QSqlQuery> origin =
        d->sql->exec(QStringLiteral("SELECT value FROM fedgate_meta WHERE key = 'replica_origin'"));
    if (!origin)
        return origin.error();
    state.fromStore = origin.value().next() && origin.value().value(0).toString() == u"store";
    return std::optional<ReplicaState>(std::move(state));
}

Status LocalReplica::exportVersion(const QString &storeLocation, int version, const QString &path)
{
    Result<PublishedVersion> published = loadPublished(storeLocation, version, tr("export"));
    if (!published)
        return published.error();
    const PublishedVersion &p = published.value();
    if (Status s = TopologyDocument::writeFile(p.topology, path, p.version); !s)
        return s;
    // The file carries the dialback secret: owner-only, like a key file.
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return Status::success();
}

} // namespace fedgate::topology
