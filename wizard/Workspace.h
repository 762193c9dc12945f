#pragma once

#include "topology/CentralStore.h"
#include "topology/LocalReplica.h"
#include "topology/Result.h"
#include "topology/Topology.h"

#include <QObject>
#include <QString>

class QUndoStack;

#include <memory>
#include <optional>

// What the wizard is working on: the central store, the draft topology the
// editors change (saved as the store's draft after every edit, so fedgatectl
// sees the same draft), and the local replica of this machine. Pages read and
// change the deployment only through this object, which calls the core
// libraries; it holds no logic of its own beyond keeping the draft in step.
namespace fedgate::wizard {

class Workspace : public QObject
{
    Q_OBJECT
public:
    // Empty locations mean the defaults (under FEDGATE_DATA_DIR when set).
    explicit Workspace(QString storeLocation = {}, QString replicaLocation = {},
                       QObject *parent = nullptr);
    ~Workspace() override;

    // Opens the store and loads the draft (or the latest published version).
    Status open();
    bool isOpen() const { return m_store != nullptr; }
    QString storeLocation() const;
    QString replicaLocation() const { return m_replicaLocation; }

    const topology::Topology &topology() const { return m_topology; }
    int baseVersion() const { return m_baseVersion; }
    // The store's draft revision this workspace's topology was loaded at.
    qint64 draftRevision() const { return m_revision; }
    // Replaces the draft and saves it to the store. Emits topologyChanged.
    // If someone else (fedgatectl, another wizard) changed the draft since
    // it was loaded, nothing is saved: returns the conflict and emits
    // draftConflict, so the window can offer reload().
    // Every saved change is one step of undoStack(), named by `description`
    // or, when empty, by the first difference in plain words.
    Status setTopology(const topology::Topology &topology, const QString &description = {});
    // The edits of this session as topology snapshots (before, after):
    // undo and redo save the snapshot as the draft. Loading the draft from
    // the store (reload, publish, rollback, discard) starts a new history.
    QUndoStack *undoStack() const { return m_undo; }
    // Drops the unpublished edits: the draft is the latest published version
    // again (CentralStore::discardDraft, with this workspace's revision).
    Status discardDraft();
    // Loads the store's current draft, dropping this workspace's view.
    Status reload();
    // Loads a topology file (JSON document) as the new draft.
    Status importFile(const QString &path);
    Status exportFile(const QString &path) const;

    // Published versions, newest number from the store.
    Result<QList<topology::VersionInfo>> versions() const;
    Result<int> latestVersion() const;
    Result<topology::Topology> publishedTopology(int version) const;
    // Publishes the draft; on success the draft becomes that version.
    Result<int> publish(const QString &comment);
    Result<int> rollback(int version);
    bool hasUnpublishedChanges() const;

    // The local configuration store of this machine.
    Result<std::optional<topology::ReplicaState>> replicaState() const;
    Status installReplicaFromStore();

signals:
    // The draft in the store was changed by another writer; `message` says
    // so and that this change was not saved.
    void draftConflict(const QString &message);
    void topologyChanged();
    void publishedChanged();
    void replicaChanged();

private:
    friend class TopologyEditCommand;
    Status reloadFromStore();
    // Saves `topology` as the draft without recording an undo step.
    Status saveTopology(const topology::Topology &topology);
    // Passes a store error through, announcing a draft conflict.
    Error announce(const Error &error);

    QString m_storeLocation;
    QString m_replicaLocation;
    std::unique_ptr<topology::CentralStore> m_store;
    topology::Topology m_topology;
    int m_baseVersion = 0;
    qint64 m_revision = 0;
    QUndoStack *m_undo;
};

} // namespace fedgate::wizard
