#include "PublishedTopology.h"

#include "topology/CentralStore.h"
#include "topology/LocalReplica.h"
#include "topology/TopologyDocument.h"

#include <QFileInfo>

namespace fedgate::cli {

namespace {
using topology::Topology;

// Store errors often name the file by its base name only.
QString describe(const Error &error)
{
    if (error.line == 0 && !error.source.isEmpty() &&
        error.message.contains(QFileInfo(error.source).fileName()))
        return error.message;
    return describeError(error);
}
} // namespace

LoadedTopology loadTopology(Context &ctx, const QString &file, bool required)
{
    LoadedTopology loaded;
    auto fail = [&](int code, const QString &message) {
        loaded.failed = true;
        loaded.exitCode = ctx.fail(code, message);
        return loaded;
    };
    if (!file.isEmpty()) {
        Result<Topology> read = topology::TopologyDocument::readFile(file);
        if (!read)
            return fail(UsageOrValidation, read.error().toString());
        loaded.topology = read.value();
        loaded.label = file;
        return loaded;
    }
    if (!ctx.store().isEmpty()) {
        Result<std::unique_ptr<topology::CentralStore>> store =
            topology::CentralStore::open(ctx.store());
        if (!store)
            return fail(StoreError, describe(store.error()));
        Result<int> latest = store.value()->latestVersion();
        if (!latest)
            return fail(StoreError, describe(latest.error()));
        if (latest.value() == 0) {
            if (!required)
                return loaded;
            return fail(UsageOrValidation,
                        QStringLiteral("The central store %1 has no published topology. Publish "
                                       "it first (fedgatectl topology publish).")
                            .arg(ctx.store()));
        }
        Result<Topology> t = store.value()->topology(latest.value());
        if (!t)
            return fail(StoreError, describe(t.error()));
        loaded.topology = t.value();
        loaded.label = QStringLiteral("version %1 of %2").arg(latest.value()).arg(ctx.store());
        return loaded;
    }
    const QString replicaPath =
        ctx.replica().isEmpty() ? topology::LocalReplica::defaultLocation() : ctx.replica();
    if (!ctx.replica().isEmpty() || QFileInfo::exists(replicaPath)) {
        Result<std::unique_ptr<topology::LocalReplica>> replica =
            topology::LocalReplica::open(ctx.replica());
        if (!replica)
            return fail(StoreError, describe(replica.error()));
        Result<std::optional<topology::ReplicaState>> state = replica.value()->current();
        if (!state)
            return fail(StoreError, describe(state.error()));
        if (state.value()) {
            loaded.topology = state.value()->topology;
            loaded.label =
                QStringLiteral("the local replica (version %1)").arg(state.value()->version);
            return loaded;
        }
    }
    if (QFileInfo::exists(topology::CentralStore::defaultLocation())) {
        Result<std::unique_ptr<topology::CentralStore>> store =
            topology::CentralStore::open(QString());
        if (store) {
            Result<int> latest = store.value()->latestVersion();
            if (latest && latest.value() > 0) {
                if (Result<Topology> t = store.value()->topology(latest.value())) {
                    loaded.topology = t.value();
                    loaded.label =
                        QStringLiteral("version %1 of the central store").arg(latest.value());
                    return loaded;
                }
            }
        }
    }
    if (!required)
        return loaded;
    return fail(UsageOrValidation,
                QStringLiteral("No published topology to take the names from. Import one into "
                               "this machine's local replica (fedgatectl topology import), or "
                               "give --topology FILE or --store LOCATION."));
}

} // namespace fedgate::cli
