#include "InternalLinkServer.h"

#include "engine/Engine.h"
#include "engine/s2s/S2SListener.h"
#include "engine/xml/PeerText.h"
#include "engine/xmpp/Jid.h"

#include <QSslSocket>

#include <spdlog/spdlog.h>

namespace fedgate::engine {

namespace {
Error serverError(const QString &message)
{
    return Error{message, QStringLiteral("internal link"), 0, 0};
}

// At most this many links (accepted, negotiating or ready) at once: a
// front-end pool has a handful of members, anything beyond is refused.
constexpr int kMaxLinks = 64;
} // namespace

LinkTimers linkTimersFor(const topology::Topology &topology)
{
    LinkTimers timers;
    timers.keepAliveMs = std::max(1, topology.gateway.keepAliveInterval) * 1000;
    timers.inactivityMs = std::max(1, topology.gateway.streamInactivityTimeout) * 1000;
    timers.establishMs = std::max(1, topology.gateway.streamEstablishmentTimeout) * 1000;
    return timers;
}

InternalLinkServer::InternalLinkServer(Engine *engine, QSslConfiguration tls,
                                       std::unique_ptr<CertificateChainVerifier> verifier,
                                       QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_tls(std::move(tls))
    , m_verifier(std::move(verifier))
    , m_server(new S2SListener(true, this))
{
    connect(m_server, &S2SListener::accepted, this, [this](QSslSocket *socket, bool) {
        if (m_links.size() >= kMaxLinks) {
            spdlog::warn("internal link: refused a connection from {}: {} links are open already",
                         socket->peerAddress().toString().toStdString(), kMaxLinks);
            socket->abort();
            socket->deleteLater();
            return;
        }
        socket->setSslConfiguration(m_tls);
        auto *link = new LinkStream(socket, LinkStream::Side::Edge, m_pool, m_nextHop,
                                    m_verifier.get(), m_timers, m_engine->maxStanzaSize(), this);
        m_links << link;
        connect(link, &LinkStream::ready, this, &InternalLinkServer::sessionsChanged);
        connect(link, &LinkStream::stanzaReceived, this,
                [this, link](const XmlElement &stanza) { onStanza(link, stanza); });
        connect(link, &LinkStream::finished, this, [this, link](const QString &reason) {
            spdlog::info("internal link {} from {} closed: {}", link->info().id.toStdString(),
                         link->remoteEndpoint().toStdString(), reason.toStdString());
            m_links.removeOne(link);
            redeliver(link);
            link->deleteLater();
            emit sessionsChanged();
        });
        link->acceptEncrypted();
    });
}

InternalLinkServer::~InternalLinkServer()
{
    if (m_engine)
        m_engine->setLocalDelivery(nullptr);
}

QString InternalLinkServer::nextHop(const topology::Topology &topology) const
{
    const topology::EdgePool *pool = topology.edgePool(m_pool);
    if (!pool || pool->nextHopPool.isEmpty())
        return {};
    for (const topology::Site &site : topology.sites)
        for (const topology::FrontEndPool &fe : site.frontEndPools)
            if (fe.fqdn.compare(pool->nextHopPool, Qt::CaseInsensitive) == 0)
                return fe.fqdn.toLower();
    return {}; // names no front-end pool: nobody may connect
}

Status InternalLinkServer::start(const topology::Topology &topology, const QString &pool,
                                 const QHostAddress &address, quint16 port)
{
    m_pool = pool.toLower();
    m_nextHop = nextHop(topology);
    m_timers = linkTimersFor(topology);
    if (m_nextHop.isEmpty())
        spdlog::warn("internal link: the topology names no front-end pool as the next hop of "
                     "edge pool {}: every gateway will be refused. Set the pool's next hop and "
                     "republish.",
                     m_pool.toStdString());
    if (!m_server->listen(address, port))
        return serverError(QStringLiteral("Cannot listen for the internal link on %1:%2 (%3). Is "
                                          "the edge's internal address on this machine, is "
                                          "another fedgated running? Use --internal-listen "
                                          "ADDR:PORT to choose another.")
                               .arg(address.toString())
                               .arg(port)
                               .arg(m_server->errorString()));
    m_engine->setLocalDelivery(this);
    spdlog::info("internal link: listening on {}:{} for the gateway of {} (edge pool {})",
                 address.toString().toStdString(), port, m_nextHop.toStdString(),
                 m_pool.toStdString());
    return Status::success();
}

void InternalLinkServer::reload(const topology::Topology &topology)
{
    m_timers = linkTimersFor(topology);
    const QString hop = nextHop(topology);
    if (hop == m_nextHop)
        return;
    m_nextHop = hop;
    spdlog::info("internal link: next hop of {} is now '{}'; closing links from other pools",
                 m_pool.toStdString(), m_nextHop.toStdString());
    const QList<LinkStream *> links = m_links;
    for (LinkStream *link : links)
        if (link->peerName() != m_nextHop)
            link->close(QStringLiteral("the topology no longer names %1 as the next hop")
                            .arg(link->peerName()));
}

void InternalLinkServer::stop()
{
    m_server->close();
    if (m_engine)
        m_engine->setLocalDelivery(nullptr);
    const QList<LinkStream *> links = m_links;
    for (LinkStream *link : links)
        link->close(QStringLiteral("the edge is stopping"));
}

QHostAddress InternalLinkServer::listenAddress() const
{
    return m_server->serverAddress();
}

quint16 InternalLinkServer::listenPort() const
{
    return m_server->serverPort();
}

QList<SessionInfo> InternalLinkServer::sessions() const
{
    QList<SessionInfo> rows;
    for (const LinkStream *link : m_links)
        rows << link->info();
    return rows;
}

int InternalLinkServer::readyLinks() const
{
    int n = 0;
    for (const LinkStream *link : m_links)
        n += link->isReady() ? 1 : 0;
    return n;
}

bool InternalLinkServer::deliverToLocal(const XmlElement &stanza)
{
    for (LinkStream *link : std::as_const(m_links))
        if (link->isReady() && link->send(stanza))
            return true;
    return false;
}

void InternalLinkServer::redeliver(LinkStream *link)
{
    // What the gateway did not acknowledge goes to another link, or back to
    // the partner as service-unavailable (nothing silently lost).
    for (XmlElement &stanza : link->takeUnacknowledged())
        if (!deliverToLocal(stanza))
            m_engine->bounce(stanza, QStringLiteral("service-unavailable"),
                             QStringLiteral("The link to the gateway closed before it took the "
                                            "stanza."));
}

void InternalLinkServer::onStanza(LinkStream *link, const XmlElement &stanza)
{
    const QString from = stanza.attribute(QStringLiteral("from"));
    const Jid sender = Jid::fromString(from);
    if (!sender.isValid() || !m_engine->policy().isLocalDomain(sender.domain())) {
        // A gateway only speaks for our users: anything else is a fault
        // there, not something to route.
        spdlog::warn("internal link {}: dropped a <{}/> from '{}' to '{}': the sender is not in "
                     "one of our domains",
                     link->info().id.toStdString(), stanza.name().toStdString(),
                     boundedPeerText(from).toStdString(),
                     boundedPeerText(stanza.attribute(QStringLiteral("to"))).toStdString());
        return;
    }
    m_engine->route(stanza);
}

} // namespace fedgate::engine
