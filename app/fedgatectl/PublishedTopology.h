#pragma once

#include "Cli.h"

#include "topology/Topology.h"

#include <optional>

namespace fedgate::cli {

// The published topology a command works from (certificate names, the
// gateway's users): --topology FILE,
// else the latest version in --store, else this machine's local replica,
// else the latest version in the default central store.
struct LoadedTopology
{
    std::optional<topology::Topology> topology;
    QString label;
    int exitCode = Ok;
    bool failed = false;
};

// With `required`, nothing found is an error telling how to get one.
LoadedTopology loadTopology(Context &ctx, const QString &file, bool required);

} // namespace fedgate::cli
