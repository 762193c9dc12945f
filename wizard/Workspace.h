#pragma once

#include "topology/CentralStore.h"
#include "topology/LocalReplica.h"
#include "topology/Result.h"
#include "topology/Topology.h"

#include <QObject>
#include <QString>

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
    // Replaces the draft and saves it to the store. Emits topologyChanged.
    Status setTopology(const topology::Topology &topology);
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
    void topologyChanged();
    void publishedChanged();
    void replicaChanged();

private:
    Status reloadFromStore();

    QString m_storeLocation;
    QString m_replicaLocation;
    std::unique_ptr<topology::CentralStore> m_store;
    topology::Topology m_topology;
    int m_baseVersion = 0;
};

} // namespace fedgate::wizard
