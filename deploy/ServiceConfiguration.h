#pragma once

#include "ListenerStatus.h"
#include "ServiceSupervisor.h"

#include "engine/EngineConfig.h"
#include "engine/RoleOptions.h"
#include "topology/Result.h"
#include "topology/Topology.h"

#include <QList>
#include <QString>
#include <QStringList>

// What fedgated runs on this machine, read from the service configuration
// (<data>/service.json, its command line) by the engine's own option
// parsers: the roles, the edge's configuration, the topology it loads and
// the listeners it opens. One place for `fedgatectl service listeners`,
// `fedgatectl check` and the deployment plan, so they never disagree.
namespace fedgate::deploy {

class ServiceConfiguration
{
public:
    engine::RoleOptions roles;
    engine::EngineConfig engine;

    // Parses fedgated's command line; the local replica and the key store
    // default to `dataDirectory`'s, as for the fedgated the supervisor starts
    // with FEDGATE_DATA_DIR set to it.
    static Result<ServiceConfiguration> fromArguments(const QStringList &arguments,
                                                      const QString &dataDirectory);
    // The arguments of `layout`'s service configuration, parsed.
    static Result<ServiceConfiguration> load(const ServiceLayout &layout);

    // The topology fedgated loads: the --topology file, else the local
    // replica.
    Result<topology::Topology> loadTopology() const;
    // The edge pool fedgated serves (--edge-pool, else the first pool a
    // site routes its XMPP federation through).
    Result<const topology::EdgePool *> edgePool(const topology::Topology &topology) const;

    // What fedgated opens, computed with the engine's own choices: the
    // edge's federation listeners (5269, 5270 with direct TLS) and its end of
    // the internal link (with the gateway connected to it when both roles
    // run here), the gateway's client listener.
    Result<QList<ExpectedListener>> expectedListeners(const topology::Topology &topology) const;
    // Convenience: loadTopology() then expectedListeners().
    Result<QList<ExpectedListener>> expectedListeners() const;
};

} // namespace fedgate::deploy
