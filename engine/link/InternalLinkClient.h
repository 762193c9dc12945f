#pragma once

#include "LinkChannel.h"

#include "engine/gateway/FederationUplink.h"
#include "engine/tls/CertificateChainVerifier.h"
#include "topology/Result.h"
#include "topology/Topology.h"

#include <QHash>
#include <QObject>
#include <QSslConfiguration>

#include <memory>

// The gateway's end of the internal link (see LinkStream for the framing):
// the FederationUplink the Gateway sends partner-bound stanzas through, and
// the caller of its FederationInbox for what the edge hands back.
//
// A stanza goes towards the edge pool of its sender's home site's XMPP
// federation route (Site::xmppFederationRoute), then, while that pool is
// down, the other XMPP-routed pools in Topology::xmppRoutedEdgePools() order;
// senders the topology does not know use our front-end pool's site. Each
// such order is one LinkChannel (connect, backoff, failover and back, queue,
// timeout). Stanzas cross the link in jabber:server: the link rewrites
// jabber:client on the way out and back to jabber:client on the way in.
// Runs on the gateway's event loop.
namespace fedgate::engine {

class InternalLinkClient : public QObject, public FederationUplink
{
    Q_OBJECT
public:
    InternalLinkClient(FederationInbox *inbox, QSslConfiguration tls,
                       std::unique_ptr<CertificateChainVerifier> verifier,
                       QObject *parent = nullptr);
    ~InternalLinkClient() override;

    // `frontEndPool`: the pool this gateway is (its certificate's name).
    Status start(const topology::Topology &topology, const QString &frontEndPool);
    void reload(const topology::Topology &topology);
    void stop();
    // Backoff bounds (defaults 1 s and 30 s); for tests and tuning.
    void setRetryDelays(int initialMs, int maxMs);
    // The address the link's connections leave from (the gateway's own,
    // so socket listings show who is who); null = the system's choice.
    void setSourceAddress(const QHostAddress &address) { m_sourceAddress = address; }
    // Both roles in one process (fedgated --role all): the edge half serves
    // `edgePool` at `address`:`port` on this machine, so the link to that
    // pool goes there rather than to the members' internal addresses in the
    // topology (which --internal-listen may have overridden).
    void setLocalEdge(const QString &edgePool, const QHostAddress &address, quint16 port);
    // SIGHUP: the gateway's certificate for the next connections.
    void setTlsIdentity(const TlsIdentity &identity)
    {
        identity.applyTo(m_tls);
        for (LinkChannel *channel : std::as_const(m_channels))
            channel->setTlsIdentity(identity);
    }

    void sendToFederation(const XmlElement &stanza) override;

    QList<SessionInfo> sessions() const;
    bool isReady() const; // the channel of our own site has a ready link

signals:
    void sessionsChanged();

private:
    LinkChannel *channelFor(const QString &site);
    QList<LinkTarget> targetsFor(const QString &site) const;
    LinkChannelSettings settings() const;
    void onReceived(const XmlElement &stanza);

    FederationInbox *m_inbox;
    QSslConfiguration m_tls;
    std::unique_ptr<CertificateChainVerifier> m_verifier;
    topology::Topology m_topology;
    QString m_pool;
    QString m_site;
    QHostAddress m_sourceAddress;
    QString m_localEdgePool; // lower case; empty = none in this process
    QHostAddress m_localEdgeAddress;
    quint16 m_localEdgePort = 0;
    int m_retryInitialMs = 1000;
    int m_retryMaxMs = 30000;
    QHash<QString, LinkChannel *> m_channels; // by site name, lower case
};

// A copy of `element` where every element in namespace `from` is in `to`
// (jabber:client <-> jabber:server at the link's boundary).
XmlElement withStanzaNamespace(const XmlElement &element, const QString &from, const QString &to);

} // namespace fedgate::engine
