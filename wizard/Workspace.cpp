#include "Workspace.h"

#include "topology/ObjectNames.h"
#include "topology/TopologyDiff.h"
#include "topology/TopologyDocument.h"

#include <QUndoCommand>
#include <QUndoStack>

namespace fedgate::wizard {

using topology::CentralStore;
using topology::LocalReplica;
using topology::Topology;

// One edit of the draft: the topology before and after it. Redo and undo
// save the snapshot to the store as the draft; the first redo (at push) is
// the edit already saved.
class TopologyEditCommand : public QUndoCommand
{
public:
    TopologyEditCommand(Workspace *workspace, Topology before, Topology after, const QString &text)
        : QUndoCommand(text)
        , m_workspace(workspace)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {}
    void undo() override { m_workspace->saveTopology(m_before); }
    void redo() override
    {
        if (m_pushed)
            m_workspace->saveTopology(m_after);
        m_pushed = true;
    }

private:
    Workspace *m_workspace;
    Topology m_before;
    Topology m_after;
    bool m_pushed = false;
};

Workspace::Workspace(QString storeLocation, QString replicaLocation, QObject *parent)
    : QObject(parent)
    , m_storeLocation(std::move(storeLocation))
    , m_replicaLocation(std::move(replicaLocation))
    , m_undo(new QUndoStack(this))
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
    // The revision first: if the draft changes before it is read, the
    // revision held is older than the content and the next save conflicts
    // (never the reverse, which would overwrite unseen).
    auto revision = m_store->draftRevision();
    if (!revision.ok())
        return revision.error();
    auto draft = m_store->draft();
    if (!draft.ok())
        return draft.error();
    if (draft.value()) {
        m_topology = draft.value()->topology;
        m_baseVersion = draft.value()->baseVersion;
        m_revision = draft.value()->revision;
    } else {
        m_topology = Topology(); // nothing saved or published yet
        m_baseVersion = 0;
        m_revision = revision.value();
    }
    m_topology.normalise();
    m_undo->clear();
    emit topologyChanged();
    emit publishedChanged();
    return Status::success();
}

Status Workspace::reload()
{
    if (!m_store)
        return open();
    return reloadFromStore();
}

Error Workspace::announce(const Error &error)
{
    if (CentralStore::isDraftConflict(error))
        emit draftConflict(error.message);
    return error;
}

Status Workspace::setTopology(const Topology &topology, const QString &description)
{
    const Topology before = m_topology;
    Status saved = saveTopology(topology);
    if (!saved.ok() || before == m_topology)
        return saved;
    QString text = description;
    if (text.isEmpty()) {
        const QStringList lines =
            topology::describeChanges(topology::diff(before, m_topology), before, m_topology);
        text = lines.value(0);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
        if (lines.size() > 1)
            text = tr("%1 (and %n more change(s))", nullptr, int(lines.size()) - 1).arg(text);
    }
    m_undo->push(new TopologyEditCommand(this, before, m_topology, text));
    return saved;
}

Status Workspace::discardDraft()
{
    if (!m_store)
        return Error{tr("The central store is not open."), m_storeLocation};
    Status discarded = m_store->discardDraft(m_revision);
    if (!discarded.ok())
        return announce(discarded.error());
    return reloadFromStore();
}

Status Workspace::saveTopology(const Topology &topology)
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
    draft.revision = m_revision;
    auto saved = m_store->saveDraft(draft);
    if (!saved.ok())
        return announce(saved.error());
    m_revision = saved.value().revision;
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
    // With the revision: an edit someone else made since is a conflict, not
    // published unseen. The store drops the draft in the same transaction;
    // reloading picks up the generated dialback secret.
    auto published = m_store->publish(m_topology, m_baseVersion, comment, m_revision);
    if (!published.ok())
        return announce(published.error());
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
    // Drops this workspace's draft in the same transaction, unless someone
    // else changed it meanwhile (then nothing is published).
    auto published = m_store->rollback(version, latest.value(), m_revision);
    if (!published.ok())
        return announce(published.error());
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
