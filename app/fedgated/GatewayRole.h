#pragma once

#include "engine/RoleOptions.h"

#include "engine/gateway/Gateway.h"
#include "engine/link/InternalLinkClient.h"

#include <QObject>
#include <QThread>

#include <memory>

// The gateway role of fedgated: the Gateway (client listener, accounts,
// rosters, presence, offline storage) and its uplink, the gateway's end of
// the internal link. It lives on a thread of its own (the threading model:
// gateway state is touched from its event loop only); the main thread calls
// the public functions, which run there and wait for the answer.
namespace fedgate::app {

using engine::RoleOptions;

class GatewayRole : public QObject
{
    Q_OBJECT
public:
    GatewayRole(const engine::EngineConfig &config, const RoleOptions &options);
    ~GatewayRole() override;

    // Starts the thread, then the gateway and the link on it. Without
    // --role and without a gateway certificate, `*skipped` is set and the
    // gateway does not run.
    Status start(const topology::Topology &topology, bool *skipped = nullptr);
    void reload(const topology::Topology &topology);
    // SIGHUP: reads the gateway certificate again (client listener and the
    // gateway's end of the link), on the gateway's thread; as
    // EdgeRole::reloadCertificates.
    void reloadCertificates(QStringList *reloaded, QStringList *errors);
    // Stops both and the thread.
    void stop();
    // The client sessions and the link's rows, for the control socket.
    QList<engine::SessionInfo> sessions();

private:
    Status startHere(const topology::Topology &topology, bool *skipped);
    QList<engine::SessionInfo> sessionsHere() const;
    void stopHere();

    engine::EngineConfig m_config;
    RoleOptions m_options;
    QThread m_thread;
    std::unique_ptr<engine::Gateway> m_gateway;
    std::unique_ptr<engine::InternalLinkClient> m_link;
    QList<QSslCertificate> m_chain; // the gateway certificate in use
};

} // namespace fedgate::app
