#pragma once

#include "Result.h"
#include "Topology.h"

#include <QDateTime>
#include <QString>

#include <memory>

// The local configuration store of one machine (Deployment Wizard step 1): a
// copy of one published topology version, imported from an exported file
// (edge servers in the DMZ) or straight from a central store. The engine reads
// only this.
namespace fedgate::topology {

struct ReplicaState
{
    Topology topology;
    int version = 0;      // the published version it holds
    QString source;       // file path or store location it came from
    QDateTime importedAt; // UTC
    // Imported from the central store at `source` (so its latest version can
    // be compared); false for a file, and for replicas imported before the
    // origin was recorded.
    bool fromStore = false;
};

class LocalReplica
{
public:
    static Result<std::unique_ptr<LocalReplica>> open(const QString &path = {});
    static QString defaultLocation();

    ~LocalReplica();
    QString location() const;

    // An exported file carries its version number (see exportVersion).
    Status importFile(const QString &path);
    Status importFromStore(const QString &storeLocation, int version = 0 /* 0 = latest */);
    Result<std::optional<ReplicaState>> current();

    // Writes published `version` of the store as a file for importFile().
    static Status exportVersion(const QString &storeLocation, int version, const QString &path);

private:
    struct Private;
    explicit LocalReplica(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace fedgate::topology
