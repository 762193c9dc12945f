#include "Workspace.h"

#include "topology/TopologyDocument.h"

#include <QDateTime>

namespace fedgate::wizard {

using topology::CentralStore;
using topology::LocalReplica;
using topology::Topology;

Workspace::Workspace(QString storeLocation, QString replicaLocation, QObject *parent)
    : QObject(parent)
    , m_storeLocation(std::move(storeLocation))
    , m_replicaLocation(std::move(replicaLocation))
{
    m_topology.normalise();
}

Workspace::~Workspace() = default;

Status Workspace::open()
{
    auto store = CentralStore::open(m_storeLocation);
    if (!store.ok())
        return store.error();
    m_store = std::move(store).value();
    return reloadFromStore();
}

QString Workspace::storeLocation() const
{
    return m_store ? m_store->location() : m_storeLocation;
}

Status Workspace::reloadFromStore()
{
    auto draft = m_store->draft();
    if (!draft.ok())
        return draft.error();
    if (draft.value()) {
        m_topology = draft.value()->topology;
        m_baseVersion = draft.value()->baseVersion;
    } else {
        auto latest = m_store->latestVersion();
        if (!latest.ok())
            return latest.error();
        m_baseVersion = latest.value();
        if (m_baseVersion > 0) {
            auto published = m_store->topology(m_baseVersion);
            if (!published.ok())
                return published.error();
            m_topology = published.value();
        } else {
            m_topology = Topology();
        }
    }
    m_topology.normalise();
    emit topologyChanged();
    emit publishedChanged();
    return Status::success();
}

Status Workspace::setTopology(const Topology &topology)
{
    if (!m_store)
        return Error{
            tr("The central store is not open. Restart Fedgate; if it fails again, check that "
               "the store location is reachable."),
            m_storeLocation};
    if (topology == m_topology)
        return Status::success();
    topology::Draft draft;
    draft.topology = topology;
    draft.baseVersion = m_baseVersion;
    draft.modifiedAt = QDateTime::currentDateTimeUtc();
    Status saved = m_store->saveDraft(draft);
    if (!saved.ok())
        return saved;
    m_topology = topology;
    emit topologyChanged();
    return Status::success();
}

Status Workspace::importFile(const QString &path)
{
    auto read = topology::TopologyDocument::readFile(path);
    if (!read.ok())
        return read.error();
    Topology t = read.value();
    t.normalise();
    return setTopology(t);
}

Status Workspace::exportFile(const QString &path) const
{
    return topology::TopologyDocument::writeFile(m_topology, path);
}

Result<QList<topology::VersionInfo>> Workspace::versions() const
{
    if (!m_store)
        return Error{tr("The central store is not open."), m_storeLocation};
    return m_store->versions();
}

Result<int> Workspace::latestVersion() const
{
    if (!m_store)
        return Error{tr("The central store is not open."), m_storeLocation};
    return m_store->latestVersion();
}

Result<Topology> Workspace::publishedTopology(int version) const
{
    if (!m_store)
        return Error{tr("The central store is not open."), m_storeLocation};
    return m_store->topology(version);
}

Result<int> Workspace::publish(const QString &comment)
{
    if (!m_store)
        return Error{tr("The central store is not open."), m_storeLocation};
    auto published = m_store->publish(m_topology, m_baseVersion, comment);
    if (!published.ok())
        return published;
    // The published version is now the reference; the draft is no longer
    // needed and reloading picks up the generated dialback secret.
    Status discarded = m_store->discardDraft();
    if (!discarded.ok())
        return discarded.error();
    Status reloaded = reloadFromStore();
    if (!reloaded.ok())
        return reloaded.error();
    return published;
}

Result<int> Workspace::rollback(int version)
{
    if (!m_store)
        return Error{tr("The central store is not open."), m_storeLocation};
    auto latest = m_store->latestVersion();
    if (!latest.ok())
        return latest;
    auto published = m_store->rollback(version, latest.value());
    if (!published.ok())
        return published;
    Status discarded = m_store->discardDraft();
    if (!discarded.ok())
        return discarded.error();
    Status reloaded = reloadFromStore();
    if (!reloaded.ok())
        return reloaded.error();
    return published;
}

bool Workspace::hasUnpublishedChanges() const
{
    if (m_baseVersion == 0)
        return true;
    auto published = publishedTopology(m_baseVersion);
    return !published.ok() || !(published.value() == m_topology);
}

Result<std::optional<topology::ReplicaState>> Workspace::replicaState() const
{
    auto replica = LocalReplica::open(m_replicaLocation);
    if (!replica.ok())
        return replica.error();
    return replica.value()->current();
}

Status Workspace::installReplicaFromStore()
{
    auto replica = LocalReplica::open(m_replicaLocation);
    if (!replica.ok())
        return replica.error();
    Status imported = replica.value()->importFromStore(storeLocation(), 0);
    if (imported.ok())
        emit replicaChanged();
    return imported;
}

} // namespace fedgate::wizard
