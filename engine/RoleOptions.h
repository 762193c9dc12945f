#pragma once

#include "engine/EngineConfig.h"
#include "engine/link/LinkTls.h"
#include "topology/Result.h"
#include "topology/Topology.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

// fedgated's roles (issue 10): which halves run in this process and the
// options of the internal link and the client listener. The edge's own
// options stay in EngineConfig; RoleOptions takes its options out of the
// command line first and leaves the rest to EngineConfig.
//
//   edge     the federation engine (5269, 5270) and the edge's end of the
//            internal link (23456 on the edge pool member's internal address)
//   gateway  the organisation's users (5222) and the gateway's end of the
//            internal link, connected to the edge pools of the site's route
//   all      both in one process (the default), still joined over TCP 23456
//            on the edge's internal address, the gateway on its own thread
namespace fedgate::engine {

enum class Role
{
    Edge,
    Gateway,
    All
};

struct RoleOptions
{
    Role role = Role::All;
    // --role was given. Without it, a half whose certificate is not there
    // (no option, nothing assigned in the key store) is left out with a
    // warning instead of stopping fedgated, as before the roles existed.
    bool roleGiven = false;
    // Edge: the link listener; null address = the member's internal IPv4.
    QHostAddress internalAddress; // --internal-listen ADDR[:PORT]
    quint16 internalPort = 0;     // 0 = the pool's internalPort
    QString internalCert;         // --internal-cert (default: key store, internal usage)
    QString internalKey;          // --internal-key
    // Gateway.
    QString frontEndPool;       // --front-end-pool (default: the edge pool's next hop)
    QString gatewayCert;        // --gateway-cert (default: key store, gateway usage)
    QString gatewayKey;         // --gateway-key
    QHostAddress clientAddress; // --client-listen ADDR[:PORT]; null = any
    quint16 clientPort = 5222;
    QString gatewayDatabase; // --gateway-db LOCATION (SQLite path or postgresql:// URL)
    // Both: trust anchors of the link; empty = <data>/ca/ca.pem.
    QString linkCa; // --link-ca

    bool runsEdge() const { return role != Role::Gateway; }
    // A certificate option of this side was given (then a missing
    // certificate is an error, whatever the role).
    bool linkOptionsGiven(bool edgeSide) const
    {
        return !linkCa.isEmpty() || !(edgeSide ? internalCert : gatewayCert).isEmpty();
    }
    bool runsGateway() const { return role != Role::Edge; }

    // Removes the options above from `arguments` and parses them.
    static Result<RoleOptions> extract(QStringList *arguments);
    static QString usage();

    // The link listener of the edge pool `pool`, overrides applied.
    Result<std::pair<QHostAddress, quint16>> internalEndpoint(const topology::EdgePool &pool,
                                                              const QString &edgeMember) const;
    // Where this side's certificate of the internal link comes from (the
    // files given, else the key store usage) and the trust anchors.
    engine::LinkTlsSource linkTlsSource(bool edgeSide, const QString &dataDirectory) const;
    // This gateway's front-end pool: --front-end-pool, else the next hop of
    // the edge pool EngineConfig selects.
    Result<QString> selectFrontEndPool(const engine::EngineConfig &config,
                                       const topology::Topology &topology) const;
};

QString toString(Role role);

} // namespace fedgate::engine
