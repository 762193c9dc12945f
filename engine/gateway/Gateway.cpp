#include "Gateway.h"

#include "AccountStore.h"
#include "GatewayDatabase.h"
#include "OfflineStore.h"
#include "PresenceService.h"
#include "RosterService.h"
#include "RosterStore.h"
#include "TopologyAuthenticator.h"
#include "engine/c2s/ClientNamespaces.h"
#include "engine/c2s/ClientSession.h"
#include "engine/s2s/S2SListener.h"
#include "engine/xml/PeerText.h"

#include <QRandomGenerator>

#include <QSslKey>
#include <algorithm>
#include <climits>

#include <spdlog/spdlog.h>

namespace fedgate::engine {

Gateway::Gateway(QObject *parent)
    : QObject(parent)
{
    connect(&m_refreshTimer, &QTimer::timeout, this, &Gateway::refreshPartnerSubscriptions);
}

Gateway::~Gateway()
{
    stop();
}

Status Gateway::start(const GatewayConfig &config, const topology::Topology &topology)
{
    m_config = config;
    m_guard = ConnectionGuard(config.maxUnboundPerAddress);
    if (config.tls.localCertificate().isNull() || config.tls.privateKey().isNull())
        return Error{QStringLiteral("The gateway has no certificate for client connections. "
                                    "Request and assign the gateway certificate (fedgatectl "
                                    "cert request --usage gateway, then fedgatectl cert "
                                    "assign), then start again."),
                     {}};
    Result<std::unique_ptr<GatewayDatabase>> db = GatewayDatabase::open(config.databaseLocation);
    if (!db)
        return db.error();
    m_db = std::move(db.value());
    Result<std::unique_ptr<AccountStore>> accounts = AccountStore::open(*m_db);
    if (!accounts)
        return accounts.error();
    m_accounts = std::move(accounts.value());
    m_authenticator = std::make_unique<TopologyAuthenticator>(
        *m_accounts, [this](const Jid &bare) { return isLocalUser(bare); });
    m_rosterStore = std::make_unique<RosterStore>(*m_db);
    if (Status s = m_rosterStore->initialise(); !s)
        return s;
    m_offline = std::make_unique<OfflineStore>(*m_db);
    if (Status s = m_offline->initialise(); !s)
        return s;
    m_presence = std::make_unique<PresenceService>(*this, *m_rosterStore);
    m_roster = std::make_unique<RosterService>(*this, *m_rosterStore, *m_presence);
    reload(topology);

    m_listener = new S2SListener(false, this);
    if (!m_listener->listen(config.clientAddress, config.clientPort)) {
        const QString reason = m_listener->errorString();
        delete m_listener;
        m_listener = nullptr;
        return Error{QStringLiteral("Cannot listen for clients on %1:%2 (%3). Stop what uses "
                                    "that port or choose another client address.")
                         .arg(config.clientAddress.toString())
                         .arg(config.clientPort)
                         .arg(reason),
                     {}};
    }
    connect(m_listener, &S2SListener::accepted, this,
            [this](QSslSocket *socket, bool) { onAccepted(socket); });
    spdlog::info("gateway: listening for clients on {}:{} for {}",
                 config.clientAddress.toString().toStdString(), m_listener->serverPort(),
                 QStringList(m_domains.values()).join(QLatin1Char(' ')).toStdString());
    return Status::success();
}

void Gateway::reload(const topology::Topology &topology)
{
    m_topology = topology;
    m_domains.clear();
    for (const QString &d : topology.organisation.xmppDomains)
        m_domains.insert(d.toLower());
    m_users.clear();
    for (const topology::User &user : topology.users) {
        const Jid jid = Jid::fromString(user.xmppAddress);
        if (jid.isValid())
            m_users.insert(jid.bare().toString());
    }
    const int refreshSeconds = topology.gateway.subscriptionRefreshInterval;
    if (refreshSeconds > 0)
        m_refreshTimer.start(int(std::min<qint64>(qint64(refreshSeconds) * 1000, INT_MAX)));
    else
        m_refreshTimer.stop();
    spdlog::info("gateway: topology applied ({} users, {} partners)", m_users.size(),
                 topology.partners.size());
    // Sessions of users no longer in the topology end now.
    const QList<ClientSession *> sessions(m_all.begin(), m_all.end());
    for (ClientSession *s : sessions) {
        if (!s->isBound() || isLocalUser(s->jid().bare()))
            continue;
        spdlog::info("gateway: closing the session of {}: the user is no longer in the "
                     "published topology",
                     s->jid().toString().toStdString());
        s->closeWithError(StreamErrorCondition::NotAuthorized,
                          QStringLiteral("This account was removed from the organisation's "
                                         "topology."));
    }
}

void Gateway::stop()
{
    const QList<ClientSession *> sessions(m_all.begin(), m_all.end());
    for (ClientSession *s : sessions)
        s->closeWithError(StreamErrorCondition::SystemShutdown,
                          QStringLiteral("The server is shutting down."));
    if (m_listener) {
        m_listener->close();
        delete m_listener;
        m_listener = nullptr;
    }
}

void Gateway::refreshPartnerSubscriptions()
{
    if (!m_rosterStore)
        return;
    for (auto it = m_bound.cbegin(); it != m_bound.cend(); ++it) {
        const bool online = std::any_of(it->cbegin(), it->cend(),
                                        [](const ClientSession *s) { return s->available; });
        if (!online)
            continue;
        const Jid user = it.key();
        for (const RosterItem &item : m_rosterStore->items(user)) {
            if (!item.hasTo() || isLocalDomain(item.contact.domain()))
                continue;
            XmlElement probe(QStringLiteral("presence"), QStringLiteral("jabber:client"));
            probe.setAttribute(QStringLiteral("from"), user.toString());
            probe.setAttribute(QStringLiteral("to"), item.contact.toString());
            probe.setAttribute(QStringLiteral("type"), QStringLiteral("probe"));
            route(probe);
        }
    }
}

quint16 Gateway::clientPort() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

QList<ClientSessionInfo> Gateway::clientSessions() const
{
    QList<ClientSessionInfo> out;
    for (const ClientSession *s : m_all)
        out << ClientSessionInfo{s->isBound() ? s->jid().toString() : QString(),
                                 s->remoteEndpoint(), s->tlsVersion(), s->available};
    return out;
}

ClientLimits Gateway::limits() const
{
    ClientLimits limits = m_config.limits;
    limits.inactivityTimeoutMs = m_config.inactivityTimeoutMs > 0
                                     ? m_config.inactivityTimeoutMs
                                     : qint64(m_topology.gateway.streamInactivityTimeout) * 1000;
    limits.establishmentTimeoutMs =
        m_config.establishmentTimeoutMs > 0
            ? m_config.establishmentTimeoutMs
            : qint64(m_topology.gateway.streamEstablishmentTimeout) * 1000;
    return limits;
}

void Gateway::onAccepted(QSslSocket *socket)
{
    const QString address = ConnectionGuard::addressKey(socket->peerAddress());
    if (m_guard.refuseIfFull(socket, address))
        return;
    auto *session = new ClientSession(*this, socket, limits(), this);
    m_guard.admit(session, address);
    m_all.insert(session);
}

Authenticator &Gateway::authenticator()
{
    return *m_authenticator;
}

QString Gateway::newStreamId()
{
    return QStringLiteral("c2s-%1-%2")
        .arg(++m_idCounter)
        .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
}

Jid Gateway::bindResource(ClientSession *session, const Jid &bare, const QString &resource,
                          QString *condition)
{
    QString chosen = resource;
    if (chosen.isEmpty())
        chosen = QStringLiteral("fedgate-%1")
                     .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
    const Jid full = bare.withResource(chosen);
    if (!full.isValid() || full.isBare()) {
        *condition = QStringLiteral("bad-request");
        return {};
    }
    QList<ClientSession *> &sessions = m_bound[bare];
    for (ClientSession *old : QList<ClientSession *>(sessions)) {
        if (old->jid() != full)
            continue;
        // RFC 6120 7.7.2.2: the new session wins; the old one is told why.
        spdlog::info("gateway: {} bound again from {}; the older session is replaced",
                     full.toString().toStdString(), session->remoteEndpoint().toStdString());
        m_presence->sessionEnded(old);
        sessions.removeAll(old);
        old->closeWithError(StreamErrorCondition::Conflict,
                            QStringLiteral("Replaced by a new connection for the same resource."));
    }
    if (sessions.size() >= m_config.maxResourcesPerUser) {
        *condition = QStringLiteral("resource-constraint");
        if (sessions.isEmpty())
            m_bound.remove(bare);
        return {};
    }
    sessions.append(session);
    m_guard.release(session);
    return full;
}

ClientSession *Gateway::resumableSession(const Jid &bare, const QString &id)
{
    if (id.isEmpty())
        return nullptr;
    for (ClientSession *s : m_bound.value(bare))
        if (s->resumptionId() == id)
            return s;
    return nullptr;
}

void Gateway::sessionEnded(ClientSession *session)
{
    m_guard.release(session);
    m_all.remove(session);
    const Jid bare = session->jid().bare();
    auto it = m_bound.find(bare);
    if (session->jid().isValid() && it != m_bound.end() && it->contains(session)) {
        it->removeAll(session);
        if (m_presence)
            m_presence->sessionEnded(session);
        if (it->isEmpty())
            m_bound.erase(it);
    }
    // XEP-0198: what the client never acknowledged is delivered as if it had
    // never reached this session (another resource, or offline storage).
    // Carbon copies stay behind: the other resources had their own.
    for (const XmlElement &stanza : session->takeUnacked())
        if (stanza.name() == QLatin1String("message") &&
            !stanza.firstChild(QStringLiteral("received"), ns::kCarbons) &&
            !stanza.firstChild(QStringLiteral("sent"), ns::kCarbons))
            deliverLocal(stanza);
    session->deleteLater();
}

void Gateway::authenticationFailed(ClientSession *session, const QString &username)
{
    spdlog::warn("c2s {}: authentication failed for '{}'", session->remoteEndpoint().toStdString(),
                 boundedPeerText(username).toStdString());
}

QList<ClientSession *> Gateway::sessionsOf(const Jid &bare) const
{
    return m_bound.value(bare);
}

bool Gateway::isLocalDomain(const QString &domain) const
{
    return m_domains.contains(domain);
}

bool Gateway::isLocalUser(const Jid &bare) const
{
    return bare.isValid() && !bare.localpart().isEmpty() && m_users.contains(bare.toString());
}

} // namespace fedgate::engine
