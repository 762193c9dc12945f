#pragma once

#include "engine/RoleOptions.h"

#include "engine/Engine.h"
#include "engine/link/InternalLinkServer.h"

#include <memory>

// The edge role of fedgated: the federation engine and the edge's end of
// the internal link, on the main thread.
namespace fedgate::app {

using engine::RoleOptions;

class EdgeRole
{
public:
    EdgeRole(const engine::EngineConfig &config, const RoleOptions &options);
    ~EdgeRole();

    Status start(const topology::Topology &topology);
    Status reload(const topology::Topology &topology);
    void stop();

    engine::Engine *engine() const { return m_engine.get(); }
    QList<engine::SessionInfo> linkSessions() const;

private:
    engine::EngineConfig m_config;
    RoleOptions m_options;
    std::unique_ptr<engine::Engine> m_engine;
    std::unique_ptr<engine::InternalLinkServer> m_link;
};

} // namespace fedgate::app
