#include "InternalLinkClient.h"

#include "engine/xml/Namespaces.h"
#include "engine/xml/PeerText.h"
#include "engine/xmpp/Jid.h"

#include <spdlog/spdlog.h>

namespace fedgate::engine {

namespace {
const QString kClientNs = QStringLiteral("jabber:client");

Error clientError(const QString &message)
{
    return Error{message, QStringLiteral("internal link"), 0, 0};
}
} // namespace

XmlElement withStanzaNamespace(const XmlElement &element, const QString &from, const QString &to)
{
    if (element.isText())
        return element;
    XmlElement copy(element.name(), element.ns() == from ? to : element.ns());
    for (const auto &[name, value] : element.attributes())
        copy.appendAttribute(name, value);
    for (const XmlElement &child : element.children())
        copy.addChild(withStanzaNamespace(child, from, to)); // depth <= the parser's limit
    return copy;
}

InternalLinkClient::InternalLinkClient(FederationInbox *inbox, QSslConfiguration tls,
                                       std::unique_ptr<CertificateChainVerifier> verifier,
                                       QObject *parent)
    : QObject(parent)
    , m_inbox(inbox)
    , m_tls(std::move(tls))
    , m_verifier(std::move(verifier))
{}

InternalLinkClient::~InternalLinkClient() = default;

void InternalLinkClient::setRetryDelays(int initialMs, int maxMs)
{
    m_retryInitialMs = std::max(1, initialMs);
    m_retryMaxMs = std::max(m_retryInitialMs, maxMs);
    for (LinkChannel *channel : std::as_const(m_channels))
        channel->setSettings(settings());
}

LinkChannelSettings InternalLinkClient::settings() const
{
    LinkChannelSettings s;
    s.localPool = m_pool;
    s.sourceAddress = m_sourceAddress;
    s.timers = linkTimersFor(m_topology);
    s.retryInitialMs = m_retryInitialMs;
    s.retryMaxMs = m_retryMaxMs;
    return s;
}

Status InternalLinkClient::start(const topology::Topology &topology, const QString &frontEndPool)
{
    m_topology = topology;
    m_pool = frontEndPool.toLower();
    m_site.clear();
    for (const topology::Site &site : topology.sites)
        for (const topology::FrontEndPool &fe : site.frontEndPools)
            if (fe.fqdn.compare(m_pool, Qt::CaseInsensitive) == 0)
                m_site = site.name;
    if (m_site.isEmpty())
        return clientError(QStringLiteral("The topology has no front-end pool '%1'. Give this "
                                          "gateway's pool with --front-end-pool.")
                               .arg(frontEndPool));
    if (targetsFor(m_site).isEmpty())
        return clientError(QStringLiteral("No edge pool carries XMPP federation for site '%1' "
                                          "(no XMPP-routed pool with a member address). Set "
                                          "the site's XMPP federation route and republish.")
                               .arg(m_site));
    channelFor(m_site); // the own site's link comes up at once
    return Status::success();
}

void InternalLinkClient::reload(const topology::Topology &topology)
{
    m_topology = topology;
    for (auto it = m_channels.cbegin(); it != m_channels.cend(); ++it) {
        it.value()->setSettings(settings());
        it.value()->setTargets(targetsFor(it.key()));
    }
}

void InternalLinkClient::stop()
{
    for (LinkChannel *channel : std::as_const(m_channels))
        channel->stop();
}

QList<LinkTarget> InternalLinkClient::targetsFor(const QString &siteName) const
{
    QList<const topology::EdgePool *> order;
    const topology::Site *site = m_topology.site(siteName);
    if (site && !site->xmppFederationRoute.isEmpty()) {
        const topology::EdgePool *route = m_topology.edgePool(site->xmppFederationRoute);
        if (route && route->xmppFederation)
            order << route;
    }
    for (const topology::EdgePool *pool : m_topology.xmppRoutedEdgePools())
        if (!order.contains(pool))
            order << pool;
    QList<LinkTarget> targets;
    for (const topology::EdgePool *pool : order) {
        if (!m_localEdgePool.isEmpty() && pool->fqdn.toLower() == m_localEdgePool) {
            targets << LinkTarget{m_localEdgePool, m_localEdgeAddress.toString(), m_localEdgePort};
            continue;
        }
        for (const topology::EdgeServer &member : pool->members) {
            const QString address =
                member.internalIPv4.isEmpty() ? member.internalIPv6 : member.internalIPv4;
            if (!address.isEmpty())
                targets << LinkTarget{pool->fqdn.toLower(), address, pool->internalPort};
        }
    }
    return targets;
}

void InternalLinkClient::setLocalEdge(const QString &edgePool, const QHostAddress &address,
                                      quint16 port)
{
    m_localEdgePool = edgePool.toLower();
    m_localEdgeAddress = address;
    m_localEdgePort = port;
}

LinkChannel *InternalLinkClient::channelFor(const QString &siteName)
{
    const QString key = siteName.toLower();
    if (LinkChannel *channel = m_channels.value(key))
        return channel;
    auto *channel = new LinkChannel(siteName, settings(), m_tls, m_verifier.get(), this);
    connect(channel, &LinkChannel::stanzaReceived, this, &InternalLinkClient::onReceived);
    connect(
        channel, &LinkChannel::undeliverable, this,
        [this](const XmlElement &stanza, const QString &condition) {
            spdlog::warn("internal link: a <{}/> from {} to {} is undeliverable: {}",
                         stanza.name().toStdString(),
                         boundedPeerText(stanza.attribute(QStringLiteral("from"))).toStdString(),
                         boundedPeerText(stanza.attribute(QStringLiteral("to"))).toStdString(),
                         condition.toStdString());
            m_inbox->undeliverable(withStanzaNamespace(stanza, ns::kServer, kClientNs), condition);
        });
    connect(channel, &LinkChannel::sessionsChanged, this, &InternalLinkClient::sessionsChanged);
    m_channels.insert(key, channel);
    channel->setTargets(targetsFor(siteName));
    return channel;
}

void InternalLinkClient::sendToFederation(const XmlElement &stanza)
{
    const Jid sender = Jid::fromString(stanza.attribute(QStringLiteral("from")));
    const topology::User *user =
        sender.isValid() ? m_topology.user(sender.bare().toString()) : nullptr;
    const topology::Site *home = user ? m_topology.site(user->site) : nullptr;
    const QString site = home && !targetsFor(home->name).isEmpty() ? home->name : m_site;
    channelFor(site)->send(withStanzaNamespace(stanza, kClientNs, ns::kServer));
}

void InternalLinkClient::onReceived(const XmlElement &stanza)
{
    m_inbox->receiveFromFederation(withStanzaNamespace(stanza, ns::kServer, kClientNs));
}

QList<SessionInfo> InternalLinkClient::sessions() const
{
    QList<SessionInfo> rows;
    for (const LinkChannel *channel : m_channels)
        rows += channel->sessions();
    return rows;
}

bool InternalLinkClient::isReady() const
{
    const LinkChannel *own = m_channels.value(m_site.toLower());
    return own && own->isReady();
}

} // namespace fedgate::engine
