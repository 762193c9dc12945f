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
    // SIGHUP: reads the external edge and internal link certificates again
    // from where they were loaded. Each one that loads serves the
    // connections opened from now on and is described in `reloaded`
    // ("external CN=... serial ... until ..."); one that does not stays in
    // use and its failure (file, problem, fix) goes to `errors`.
    void reloadCertificates(QStringList *reloaded, QStringList *errors);
    void stop();

    engine::Engine *engine() const { return m_engine.get(); }
    QList<engine::SessionInfo> linkSessions() const;

private:
    engine::EngineConfig m_config;
    RoleOptions m_options;
    std::unique_ptr<engine::Engine> m_engine;
    std::unique_ptr<engine::InternalLinkServer> m_link;
    QList<QSslCertificate> m_linkChain; // the link certificate in use
};

} // namespace fedgate::app
