#include "ServiceConfiguration.h"

#include <QDir>

namespace fedgate::deploy {

Result<ServiceConfiguration> ServiceConfiguration::fromArguments(const QStringList &arguments,
                                                                 const QString &dataDirectory)
{
    QStringList rest = arguments;
    auto roles = engine::RoleOptions::extract(&rest);
    if (!roles)
        return roles.error();
    auto config = engine::EngineConfig::fromArguments(rest);
    if (!config)
        return config.error();
    ServiceConfiguration result;
    result.roles = roles.value();
    result.engine = config.value();
    if (!dataDirectory.isEmpty()) {
        if (result.engine.dataDirectory.isEmpty())
            result.engine.dataDirectory = dataDirectory;
        if (result.engine.replicaPath.isEmpty())
            result.engine.replicaPath =
                QDir(dataDirectory).filePath(QStringLiteral("replica.sqlite"));
    }
    return result;
}

Result<ServiceConfiguration> ServiceConfiguration::load(const ServiceLayout &layout)
{
    ServiceSupervisor supervisor(layout);
    auto arguments = supervisor.serviceArguments();
    if (!arguments)
        return arguments.error();
    return fromArguments(arguments.value(), layout.dataDirectory);
}

Result<topology::Topology> ServiceConfiguration::loadTopology() const
{
    return engine.loadTopology();
}

Result<const topology::EdgePool *>
ServiceConfiguration::edgePool(const topology::Topology &topology) const
{
    return engine.selectEdgePool(topology);
}

Result<QList<ExpectedListener>>
ServiceConfiguration::expectedListeners(const topology::Topology &topology) const
{
    QList<ExpectedListener> expected;
    if (roles.runsEdge()) {
        auto endpoint = engine.listenEndpoint(topology);
        if (!endpoint)
            return endpoint.error();
        auto pool = engine.selectEdgePool(topology);
        if (!pool)
            return pool.error();
        expected.append(
            {endpoint.value().first, endpoint.value().second, ListenerPurpose::Federation, false});
        if (pool.value()->directTls)
            expected.append({endpoint.value().first, pool.value()->directTlsPort,
                             ListenerPurpose::FederationDirectTls, false});
        auto internal = roles.internalEndpoint(*pool.value(), engine.edgeMember);
        if (!internal)
            return internal.error();
        expected.append({internal.value().first, internal.value().second,
                         ListenerPurpose::InternalLink, roles.runsGateway()});
    }
    if (roles.runsGateway())
        expected.append({roles.clientAddress, roles.clientPort, ListenerPurpose::Clients, false});
    return expected;
}

Result<QList<ExpectedListener>> ServiceConfiguration::expectedListeners() const
{
    auto topology = loadTopology();
    if (!topology)
        return topology.error();
    return expectedListeners(topology.value());
}

} // namespace fedgate::deploy
