#pragma once

#include "FederationUplink.h"
#include "GatewayConfig.h"
#include "GatewayRouter.h"
#include "engine/AssignedTlsIdentity.h"
#include "engine/ConnectionGuard.h"
#include "engine/c2s/ClientSessionHost.h"
#include "topology/Result.h"
#include "topology/Topology.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>

// The gateway role of fedgated (issue 10): it hosts the organisation's users.
// It owns the client listener (5222) and its sessions, indexed by JID;
// routes between local users directly and to partner domains through the
// FederationUplink (the internal link to the edge); and takes what partners
// send through FederationInbox. Rosters, presence and offline messages live
// in the gateway's own database. Everything runs on the gateway's event loop.
namespace fedgate::engine {

class AccountStore;
class GatewayDatabase;
class OfflineStore;
class PresenceService;
class RosterService;
class RosterStore;
class S2SListener;
class TopologyAuthenticator;

// One client session, for fedgatectl sessions.
struct ClientSessionInfo
{
    QString jid; // full JID, empty before binding
    QString remoteAddress;
    QString tlsVersion;
    bool available = false;
};

class Gateway : public QObject,
                public FederationInbox,
                public ClientSessionHost,
                public GatewayRouter
{
    Q_OBJECT
public:
    explicit Gateway(QObject *parent = nullptr);
    ~Gateway() override;

    // The link to the edge; stanzas to partners are refused with
    // remote-server-not-found while there is none.
    void setFederationUplink(FederationUplink *uplink) { m_uplink = uplink; }

    // Opens the database, then listens. The error names what failed (the
    // port in use, the database, the missing certificate) and what to do.
    Status start(const GatewayConfig &config, const topology::Topology &topology);
    // A new published topology: users, domains and policies apply to live
    // sessions; sessions of removed users are closed.
    void reload(const topology::Topology &topology);
    // SIGHUP: the certificate clients get at their next STARTTLS (sessions
    // already encrypted keep theirs).
    void setTlsIdentity(const TlsIdentity &identity) { identity.applyTo(m_config.tls); }
    // Closes every session (system-shutdown) and the listener.
    void stop();

    quint16 clientPort() const;
    QList<ClientSessionInfo> clientSessions() const;
    AccountStore *accounts() const { return m_accounts.get(); }
    GatewayDatabase *database() const { return m_db.get(); }

    // FederationInbox
    void receiveFromFederation(const XmlElement &stanza) override;
    void undeliverable(const XmlElement &stanza, const QString &condition) override;

    // ClientSessionHost
    bool servesDomain(const QString &domain) const override { return isLocalDomain(domain); }
    QSslConfiguration clientTlsConfiguration() const override { return m_config.tls; }
    Authenticator &authenticator() override;
    QString newStreamId() override;
    Jid bindResource(ClientSession *session, const Jid &bare, const QString &resource,
                     QString *condition) override;
    void stanzaFromClient(ClientSession *session, const XmlElement &stanza) override;
    ClientSession *resumableSession(const Jid &bare, const QString &id) override;
    void sessionEnded(ClientSession *session) override;
    void authenticationFailed(ClientSession *session, const QString &username) override;

    // GatewayRouter
    QList<ClientSession *> sessionsOf(const Jid &bare) const override;
    void route(const XmlElement &stanza) override;
    bool isLocalDomain(const QString &domain) const override;
    bool isLocalUser(const Jid &bare) const override;

private:
    void onAccepted(QSslSocket *socket);
    // SubscriptionRefreshInterval: probes partner contacts again.
    void refreshPartnerSubscriptions();
    ClientLimits limits() const;
    // Routing (GatewayRouting.cpp).
    void deliverLocal(const XmlElement &stanza);
    void deliverMessage(const XmlElement &stanza, const Jid &to);
    void toFederation(const XmlElement &stanza, const Jid &to);
    void bounce(const XmlElement &stanza, const QString &condition, const QString &text = {});
    void storeOffline(const XmlElement &stanza, const Jid &user);
    void deliverOffline(ClientSession *session);
    // Local-service iqs (GatewayIq.cpp).
    void iqFromClient(ClientSession *session, const XmlElement &iq);
    bool answerServerIq(const XmlElement &iq);
    bool answerAccountIq(const XmlElement &iq, const Jid &account);
    void reply(const XmlElement &answer);
    void presenceFromClient(ClientSession *session, const XmlElement &presence);
    bool partnerMayReach(const XmlElement &stanza, const Jid &from, const Jid &to);
    QString policyRefusal(const Jid &user) const;

    GatewayConfig m_config;
    topology::Topology m_topology;
    QSet<QString> m_domains;
    QSet<QString> m_users; // bare JIDs of the topology's users
    FederationUplink *m_uplink = nullptr;
    std::unique_ptr<GatewayDatabase> m_db;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<TopologyAuthenticator> m_authenticator;
    std::unique_ptr<RosterStore> m_rosterStore;
    std::unique_ptr<PresenceService> m_presence;
    std::unique_ptr<RosterService> m_roster;
    std::unique_ptr<OfflineStore> m_offline;
    S2SListener *m_listener = nullptr;
    ConnectionGuard m_guard{32};
    QSet<ClientSession *> m_all;
    QHash<Jid, QList<ClientSession *>> m_bound;
    quint64 m_idCounter = 0;
    QTimer m_refreshTimer;
};

} // namespace fedgate::engine
