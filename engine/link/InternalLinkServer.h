#pragma once

#include "LinkStream.h"

#include "engine/AssignedTlsIdentity.h"
#include "engine/LocalDelivery.h"
#include "engine/s2s/SessionInfo.h"
#include "engine/tls/CertificateChainVerifier.h"
#include "topology/Result.h"
#include "topology/Topology.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslConfiguration>

// The edge's end of the internal link (TCP 23456 on the edge pool's internal
// address, EdgePool::internalPort): it accepts mutual-TLS connections from
// the gateway of the front-end pool the topology names as this edge pool's
// next hop (EdgePool::nextHopPool) and refuses, logging why, any other
// certificate (another name, another CA, none). See LinkStream for the
// framing.
//
// As the engine's LocalDelivery it hands partner stanzas for our users to
// the oldest ready link (false when none is up: the engine answers
// service-unavailable). Stanzas from the gateway must come from one of our
// domains; they go to Engine::route(). Runs on the Engine's thread.
namespace fedgate::engine {

class Engine;
class S2SListener;

class InternalLinkServer : public QObject, public LocalDelivery
{
    Q_OBJECT
public:
    InternalLinkServer(Engine *engine, QSslConfiguration tls,
                       std::unique_ptr<CertificateChainVerifier> verifier,
                       QObject *parent = nullptr);
    ~InternalLinkServer() override;

    // Listens on address:port for `pool` (the edge pool this process is).
    Status start(const topology::Topology &topology, const QString &pool,
                 const QHostAddress &address, quint16 port);
    // New next hop or timers apply to new links; links from a front-end
    // pool that is no longer the next hop are closed.
    void reload(const topology::Topology &topology);
    void stop();
    // SIGHUP: the edge's certificate for links accepted from now on.
    void setTlsIdentity(const TlsIdentity &identity) { identity.applyTo(m_tls); }

    QHostAddress listenAddress() const;
    quint16 listenPort() const;
    QList<SessionInfo> sessions() const;
    int readyLinks() const;

    bool deliverToLocal(const XmlElement &stanza) override;

signals:
    void sessionsChanged();

private:
    void onNewConnection();
    void onStanza(LinkStream *link, const XmlElement &stanza);
    void redeliver(LinkStream *link);
    QString nextHop(const topology::Topology &topology) const;

    Engine *m_engine;
    QSslConfiguration m_tls;
    std::unique_ptr<CertificateChainVerifier> m_verifier;
    S2SListener *m_server;
    QString m_pool;
    QString m_nextHop;
    LinkTimers m_timers;
    QList<LinkStream *> m_links;
};

} // namespace fedgate::engine
