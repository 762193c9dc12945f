#include "Engine.h"
#include "AssignedTlsIdentity.h"
#include "CertificateReload.h"
#include "SessionLoop.h"

#include "engine/s2s/DaneCheck.h"
#include "engine/s2s/InboundSession.h"
#include "engine/s2s/OutboundSession.h"
#include "engine/s2s/S2SListener.h"
#include "engine/s2s/SrvResolver.h"
#include "engine/tls/HeapTrim.h"
#include "engine/xml/Namespaces.h"
#include "engine/xml/PeerText.h"
#include "engine/xml/StanzaError.h"
#include "engine/xml/XmlStreamParser.h"
#include "engine/xmpp/Jid.h"

#include "certs/KeyStore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QMutexLocker>
#include <QPointer>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslKey>
#include <QThread>
#include <QTimer>

#include <spdlog/spdlog.h>

#include <sys/socket.h>
#include <unistd.h>

namespace fedgate::engine {

namespace {

// Pairs of domains whose loop is remembered (partner pairs, so far fewer);
// past it a pair goes to its hash's loop.
constexpr qsizetype kMaxPlacements = 100000;

// What the loops hand to the Engine's thread (QueuedStanza::kind).
enum FromLoop
{
    DeliverLocal, // from a partner to one of our domains
    RouteStanza,  // route(): an answer or a bounce made on a loop
};

Error engineError(const QString &message)
{
    return Error{message, QStringLiteral("fedgated"), 0, 0};
}

// An address as routing needs it: its prepared domainpart (empty when it is
// not an RFC 7622 address) and whether it is a bare domain.
struct RoutingAddress
{
    QString domain;
    bool isDomain = false;
};

// Jid::parse (NFKC, IDNA) was 4-7% of a ping, and the same few addresses
// come again and again: each thread remembers up to kAddressCacheSize
// addresses of up to kAddressCacheKeyLength characters (about 1 MiB at
// most), and starts afresh when full, so a peer sending ever new addresses
// costs only the parse it would have cost anyway.
constexpr qsizetype kAddressCacheSize = 1024;
constexpr qsizetype kAddressCacheKeyLength = 256;

RoutingAddress routingAddress(const QString &jid)
{
    thread_local QHash<QString, RoutingAddress> cache;
    if (const auto it = cache.constFind(jid); it != cache.cend())
        return *it;
    const Jid parsed = Jid::fromString(jid);
    RoutingAddress address{parsed.domain(), parsed.isDomain()};
    if (jid.size() <= kAddressCacheKeyLength) {
        if (cache.size() >= kAddressCacheSize)
            cache.clear();
        cache.insert(jid, address);
    }
    return address;
}

// The prepared domainpart of an address; empty when it is not an RFC 7622
// address (no domain of ours and no partner's).
QString domainOf(const QString &jid)
{
    return routingAddress(jid).domain;
}

QString pairKey(const QString &local, const QString &remote)
{
    return local.toLower() + QLatin1Char(' ') + remote.toLower();
}

bool isDomainIqRequest(const XmlElement &stanza)
{
    if (stanza.name() != QLatin1String("iq"))
        return false;
    const QString type = stanza.attribute(QStringLiteral("type"));
    return type != QLatin1String("result") && type != QLatin1String("error") &&
           routingAddress(stanza.attribute(QStringLiteral("to"))).isDomain;
}
} // namespace

Engine::Engine(EngineConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_guard(m_config.maxUnauthenticatedPerAddress)
    , m_fromLoops(this, [this](QList<QueuedStanza> &batch) { handleFromLoops(batch); })
    , m_maxStanzaSize(XmlStreamParser::kDefaultMaxStanzaSize)
{
    m_resolver = new SrvResolver(m_config.hosts, this);
    m_resolver->setNameserver(m_config.dnsServer, m_config.dnsServerPort);
    m_daneCheck =
        new DaneCheck(topology::DnsServerAddress(m_config.dnsServer, m_config.dnsServerPort),
                      m_config.trustAnchorFile, this);
    // With several loops every session lives on a worker and the Engine's
    // thread only routes (measured: with half the streams on it as well it
    // saturated first, 99.9% against 77% for the other loop).
    const int workers = m_config.sessionLoops > 1 ? m_config.sessionLoops : 0;
    for (int i = 0; i <= workers; ++i)
        m_loops << new SessionLoop(this, i, i > 0);
}

Engine::~Engine()
{
    // The loops on other threads first (their sessions are deleted there),
    // then the Engine's own, before the members sessions read go away.
    for (SessionLoop *loop : std::as_const(m_loops)) {
        loop->shutdown();
        delete loop;
    }
    m_loops.clear();
}

Status Engine::loadTls()
{
    m_tls = QSslConfiguration::defaultConfiguration();
    m_tls.setProtocol(QSsl::TlsV1_2OrLater);
    // Partner certificates are requested but judged by CertificateChainVerifier
    // and the partner's policy (a dialback partner may have none).
    m_tls.setPeerVerifyMode(QSslSocket::QueryPeer);
    if (!m_config.caPath.isEmpty()) {
        QString error;
        if (!m_chainVerifier.addCaFile(m_config.caPath, &error))
            return engineError(error + QStringLiteral(" Give a readable PEM file with --ca."));
        m_tls.setCaCertificates(QSslCertificate::fromPath(m_config.caPath));
    } else {
        m_chainVerifier.useSystemDefaults();
    }
    // --cert/--key, else the certificate assigned to the external edge in
    // Fedgate's key store ('fedgatectl cert assign --usage external'). No
    // assignment means no TLS to offer: partners that require it are
    // refused, and the log says how to fix it.
    const Result<std::optional<TlsIdentity>> identity = loadExternalTlsIdentity(m_config);
    if (!identity)
        return engineError(identity.error().message);
    if (!identity.value()) {
        spdlog::warn("no certificate is assigned to the external edge and none was given with "
                     "--cert: TLS cannot be offered. Assign one with 'fedgatectl cert assign "
                     "--usage external ID'.");
        return Status::success();
    }
    identity.value()->applyTo(m_tls);
    spdlog::info("serving the external edge certificate {}",
                 describeCertificate(identity.value()->chain).toStdString());
    return Status::success();
}

Result<QString> Engine::reloadCertificate()
{
    const Result<std::optional<TlsIdentity>> identity = loadExternalTlsIdentity(m_config);
    if (!identity)
        return identity.error();
    if (!identity.value()) {
        if (m_tls.localCertificate().isNull())
            return QStringLiteral("none (no certificate given or assigned)");
        return engineError(QStringLiteral("No certificate is assigned to the external edge any "
                                          "more. Assign one with 'fedgatectl cert assign "
                                          "--usage external ID'."));
    }
    identity.value()->applyTo(m_tls);
    publishSnapshot(false); // the session loops' next streams present it
    return describeCertificate(m_tls.localCertificateChain());
}

Status Engine::listen(const topology::Topology &topology)
{
    auto endpoint = m_config.listenEndpoint(topology);
    if (!endpoint)
        return endpoint.error();
    auto pool = m_config.selectEdgePool(topology);
    for (S2SListener *l : std::as_const(m_listeners))
        l->deleteLater();
    m_listeners.clear();
    auto open = [this](const QHostAddress &address, quint16 port, bool directTls) -> Status {
        auto *listener = new S2SListener(directTls, this);
        if (!listener->listen(address, port)) {
            const QString error = listener->errorString();
            delete listener;
            return engineError(QStringLiteral("Cannot listen on %1:%2 (%3). Is another XMPP "
                                              "server running there, is the address on this "
                                              "machine? Use --listen ADDR:PORT to choose another.")
                                   .arg(address.toString())
                                   .arg(port)
                                   .arg(error));
        }
        listener->setHandDescriptors(true);
        connect(listener, &S2SListener::acceptedDescriptor, this, &Engine::onAccepted);
        m_listeners << listener;
        spdlog::info("listening on {}:{}{}", address.toString().toStdString(), port,
                     directTls ? " (direct TLS, XEP-0368)" : "");
        return Status::success();
    };
    if (Status s = open(endpoint.value().first, endpoint.value().second, false); !s)
        return s;
    if (pool && pool.value()->directTls && hasCertificate()) {
        if (Status s = open(endpoint.value().first, pool.value()->directTlsPort, true); !s)
            return s;
    }
    return Status::success();
}

Status Engine::start(const topology::Topology &topology)
{
    m_policy = FederationPolicy(topology);
    if (m_policy.localDomains().isEmpty())
        return engineError(QStringLiteral("The topology has no XMPP domain. Add one to the "
                                          "organisation (xmppDomains) and republish."));
    if (m_policy.dialbackSecret().isEmpty())
        spdlog::warn("the topology has no dialback secret: dialback keys are weak until the "
                     "topology is republished with one");
    if (Status s = loadTls(); !s)
        return s;
    publishSnapshot(false);
    if (Status s = listen(topology); !s)
        return s;
    spdlog::info("engine started for {} with {} partner(s)",
                 m_policy.localDomains().join(QLatin1Char(',')).toStdString(),
                 topology.partners.size());
    return Status::success();
}

void Engine::stop()
{
    for (S2SListener *l : std::as_const(m_listeners))
        l->close();
    for (SessionLoop *loop : std::as_const(m_loops))
        loop->run([loop] { loop->terminateAll(); });
}

Status Engine::reload(const topology::Topology &topology)
{
    auto oldEndpoint = m_config.listenEndpoint(m_policy.topology());
    auto newEndpoint = m_config.listenEndpoint(topology);
    if (!newEndpoint)
        return newEndpoint.error();
    m_policy = FederationPolicy(topology);
    if (!oldEndpoint || oldEndpoint.value() != newEndpoint.value()) {
        if (Status s = listen(topology); !s)
            return s;
    }
    // The loops on other threads apply the new policy on their own thread
    // and log what they closed.
    publishSnapshot(true);
    const int closed = m_loops.first()->closeForbidden();
    spdlog::info("topology reloaded: {} partner(s); {} session(s) closed by the new policy{}",
                 topology.partners.size(), closed,
                 m_loops.size() > 1 ? " on the engine's loop" : "");
    return Status::success();
}

QHostAddress Engine::listenAddress() const
{
    return m_listeners.isEmpty() ? QHostAddress() : m_listeners.first()->serverAddress();
}

quint16 Engine::listenPort() const
{
    return m_listeners.isEmpty() ? 0 : m_listeners.first()->serverPort();
}

QString Engine::newSessionId(SessionDirection direction)
{
    return QStringLiteral("%1%2")
        .arg(direction == SessionDirection::Inbound ? QStringLiteral("in") : QStringLiteral("out"))
        .arg(++m_sessionCounter);
}

QString Engine::newStreamId() const
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
}

CertificateStatus Engine::certificateStatus(const QList<QByteArray> &chainDer,
                                            QString *detail) const
{
    return m_chainVerifier.verify(chainDer, detail);
}

const FederationPolicy &Engine::policy() const
{
    if (const SessionLoop *loop = SessionLoop::current(); loop && loop->engine() == this)
        return loop->snapshot().policy;
    return m_policy;
}

bool Engine::hasCertificate() const
{
    if (const SessionLoop *loop = SessionLoop::current(); loop && loop->engine() == this)
        return loop->snapshot().hasCertificate;
    return !m_tls.localCertificate().isNull();
}

QSslConfiguration Engine::tlsConfiguration() const
{
    if (const SessionLoop *loop = SessionLoop::current(); loop && loop->engine() == this)
        return loop->snapshot().tls;
    return m_tls;
}

SrvResolver *Engine::resolver() const
{
    if (const SessionLoop *loop = SessionLoop::current(); loop && loop->engine() == this)
        return loop->resolver();
    return m_resolver;
}

DaneCheck *Engine::daneCheck() const
{
    if (const SessionLoop *loop = SessionLoop::current(); loop && loop->engine() == this)
        return loop->daneCheck();
    return m_daneCheck;
}

EngineSnapshotPtr Engine::makeSnapshot() const
{
    auto snapshot = std::make_shared<EngineSnapshot>();
    // Every stanza's checks copy the partners' and our domains (partner
    // lookups, XmppPartner::allDomains()); with one copy shared by all
    // loops, two cores bumped the same reference counts (measured: about
    // 5% of a 2-loop ping). Each loop's snapshot has strings of its own.
    topology::Topology topology = m_policy.topology();
    const auto own = [](QString &s) { s = QString(s.constData(), s.size()); };
    for (QString &domain : topology.organisation.xmppDomains)
        own(domain);
    for (topology::XmppPartner &partner : topology.partners) {
        own(partner.domain);
        for (QString &domain : partner.additionalDomains)
            own(domain);
    }
    snapshot->policy = FederationPolicy(std::move(topology));
    snapshot->tls = m_tls;
    snapshot->hasCertificate = !m_tls.localCertificate().isNull();
    return snapshot;
}

void Engine::publishSnapshot(bool closeForbidden)
{
    if (m_loops.size() < 2)
        return;
    for (SessionLoop *loop : std::as_const(m_loops))
        if (loop->ownsThread())
            loop->publish(makeSnapshot(), closeForbidden);
}

bool Engine::onEngineThread() const
{
    return QThread::currentThread() == thread();
}

SessionLoop *Engine::loopFor(const QString &localDomain, const QString &remoteDomain) const
{
    if (m_loops.size() == 1)
        return m_loops.first();
    // A pair of domains keeps one loop for the Engine's life: the loop that
    // first sends to it (where the partner's inbound stream is, when it is
    // an answer or a dialback check), or its hash's loop when the Engine's
    // thread sends first. Answers then stay on their thread: measured with
    // 4 streams, the pair key's hash alone sent half the pings across and
    // cost 30% more CPU per ping. Each loop caches the table's answers under
    // the domains as given, so a stanza takes no lock and builds no key
    // (the folded key was 3-4% of a 2-loop ping).
    SessionLoop *caller = callerLoop();
    if (SessionLoop *cached = caller->cachedPlacement(localDomain, remoteDomain))
        return cached;
    const QString key = pairKey(localDomain, remoteDomain);
    int index = -1;
    {
        QMutexLocker lock(&m_placementMutex);
        index = m_placement.value(key, -1);
        if (index < 0) {
            index = caller->ownsThread() ? caller->index() : hashedLoop(key);
            if (m_placement.size() >= kMaxPlacements)
                return m_loops.at(hashedLoop(key));
            m_placement.insert(key, index);
        }
    }
    caller->cachePlacement(localDomain, remoteDomain, m_loops.at(index));
    return m_loops.at(index);
}

int Engine::firstSessionLoop() const
{
    return m_loops.size() > 1 ? 1 : 0;
}

int Engine::hashedLoop(const QString &pairKey) const
{
    // Seed 0: the same pair hashes alike on every thread.
    const int first = firstSessionLoop();
    return first + int(qHash(pairKey, 0) % size_t(m_loops.size() - first));
}

SessionLoop *Engine::callerLoop() const
{
    if (SessionLoop *loop = SessionLoop::current(); loop && loop->engine() == this)
        return loop;
    return m_loops.first();
}

int Engine::sessionTotal() const
{
    int total = 0;
    for (const SessionLoop *loop : m_loops)
        total += loop->load();
    return total;
}

bool Engine::guardRefuses(ByteStream *stream, const QString &address)
{
    QMutexLocker lock(&m_guardMutex);
    return m_guard.refuseIfFull(stream, address);
}

void Engine::guardAdmit(const QObject *session, const QString &address)
{
    QMutexLocker lock(&m_guardMutex);
    m_guard.admit(session, address);
}

void Engine::guardRelease(const QObject *session)
{
    QMutexLocker lock(&m_guardMutex);
    m_guard.release(session);
}

int Engine::sessionCount(const QString &remoteDomain, SessionDirection direction) const
{
    // Inbound: kept per domain, so authenticating stays O(1) with
    // thousands of streams open (walking them made opening quadratic).
    if (direction == SessionDirection::Inbound) {
        QMutexLocker lock(&m_guardMutex);
        return m_inboundPerDomain.value(remoteDomain.toLower());
    }
    int count = 0;
    for (const SessionInfo &row : sessions())
        count += row.direction == SessionDirection::Outbound &&
                 row.remoteDomain.compare(remoteDomain, Qt::CaseInsensitive) == 0;
    return count;
}

void Engine::countInboundAuthenticated(const QString &remoteDomain)
{
    QMutexLocker lock(&m_guardMutex);
    ++m_inboundPerDomain[remoteDomain.toLower()];
}

void Engine::uncountInbound(const QStringList &authenticatedDomains)
{
    QStringList domains = authenticatedDomains;
    for (QString &domain : domains)
        domain = domain.toLower();
    domains.removeDuplicates();
    QMutexLocker lock(&m_guardMutex);
    for (const QString &domain : std::as_const(domains)) {
        auto count = m_inboundPerDomain.find(domain);
        if (count != m_inboundPerDomain.end() && --*count <= 0)
            m_inboundPerDomain.erase(count);
    }
}

void Engine::onAccepted(qintptr descriptor, bool directTls)
{
    // The least-loaded loop creates the socket and the session on its
    // thread; on a tie the last, so the Engine's own thread (which also
    // routes, and runs the control socket and the link) fills up last.
    SessionLoop *target = m_loops.last();
    for (qsizetype i = m_loops.size() - 1; i >= firstSessionLoop(); --i)
        if (m_loops.at(i)->load() < target->load())
            target = m_loops.at(i);
    target->accept(descriptor, directTls);
}

void Engine::noteSessionsChanged()
{
    QMetaObject::invokeMethod(
        this,
        [this] {
            // Sessions opening or closing by the thousand are a burst for
            // the heap too (plain streams have no handshake): after an
            // attack, HeapTrim gives what thousands of closed streams freed
            // back to the system once the burst pauses.
            HeapTrim::streamEvent();
            emit sessionsChanged();
        },
        Qt::AutoConnection);
}

QList<SessionInfo> Engine::sessions() const
{
    QList<SessionInfo> rows;
    for (const SessionLoop *loop : m_loops)
        rows << loop->sessions();
    return rows;
}

void Engine::verifyDialbackKey(const QString &receiving, const QString &originating,
                               const QString &streamId, const QString &key,
                               std::function<void(DialbackVerdict)> done)
{
    // The outbound session lives on its pair's loop; the verdict comes back
    // to the asking session's loop (both direct calls on one loop).
    SessionLoop *owner = loopFor(receiving, originating);
    SessionLoop *caller = callerLoop();
    owner->run([owner, caller, receiving, originating, streamId, key, done] {
        OutboundSession *session = owner->outboundFor(receiving, originating);
        session->verifyDialback(streamId, key, [caller, done](std::optional<bool> valid) {
            const DialbackVerdict verdict =
                !valid ? DialbackVerdict::Error
                       : (*valid ? DialbackVerdict::Valid : DialbackVerdict::Invalid);
            caller->run([done, verdict] { done(verdict); });
        });
    });
}

void Engine::logBody(const XmlElement &stanza, const char *direction) const
{
    if (!policy().gateway().enableLoggingAllMessageBodies ||
        stanza.name() != QLatin1String("message"))
        return;
    const XmlElement *body = stanza.firstChild(QStringLiteral("body"));
    if (!body)
        return;
    spdlog::info("message {} {} -> {}: {}", direction,
                 stanza.attribute(QStringLiteral("from")).toStdString(),
                 stanza.attribute(QStringLiteral("to")).toStdString(), body->text().toStdString());
}

void Engine::route(const XmlElement &stanza)
{
    const QString toDomain = domainOf(stanza.attribute(QStringLiteral("to")));
    if (!policy().isLocalDomain(toDomain))
        sendToRemote(stanza);
    else if (onEngineThread())
        deliverLocal(stanza);
    else if (!m_fromLoops.push(QueuedStanza{RouteStanza, stanza, {}, {}}))
        spdlog::warn("dropped a stanza to {}: the engine's queue from the session loops is full",
                     boundedPeerText(stanza.attribute(QStringLiteral("to"))).toStdString());
}

void Engine::handleFromLoops(QList<QueuedStanza> &batch)
{
    for (const QueuedStanza &item : batch) {
        if (item.kind == DeliverLocal)
            deliverLocal(item.stanza);
        else
            route(item.stanza);
    }
}

void Engine::sendToRemote(const XmlElement &stanza)
{
    const QString fromDomain = domainOf(stanza.attribute(QStringLiteral("from")));
    const QString toDomain = domainOf(stanza.attribute(QStringLiteral("to")));
    const FederationPolicy &policy = this->policy();
    if (!policy.isLocalDomain(fromDomain)) {
        spdlog::warn("dropped a stanza to {}: its sender {} is not in one of our domains",
                     boundedPeerText(toDomain).toStdString(),
                     boundedPeerText(fromDomain).toStdString());
        return;
    }
    if (!policy.partner(toDomain)) {
        spdlog::warn("refused a stanza from {} to {}: '{}' is not a federation partner",
                     boundedPeerText(stanza.attribute(QStringLiteral("from"))).toStdString(),
                     boundedPeerText(stanza.attribute(QStringLiteral("to"))).toStdString(),
                     boundedPeerText(toDomain).toStdString());
        bounce(stanza, QStringLiteral("not-allowed"),
               QStringLiteral("'%1' is not a federation partner of this organisation.")
                   .arg(boundedPeerText(toDomain)));
        return;
    }
    logBody(stanza, "out");
    // Its pair's loop sends it (directly when that is the calling thread's);
    // a bidirectional stream's loop when the partner gave us one (XEP-0288).
    SessionLoop *loop = bidiLoop(fromDomain, toDomain);
    (loop ? loop : loopFor(fromDomain, toDomain))->sendToRemote(fromDomain, toDomain, stanza);
}

void Engine::addBidiRoute(const QString &localDomain, const QString &remoteDomain,
                          InboundSession *session)
{
    QMutexLocker lock(&m_bidiMutex);
    m_bidiRoutes.insert(pairKey(localDomain, remoteDomain),
                        BidiRoute{session, qobject_cast<SessionLoop *>(session->parent())});
    m_bidiRouteCount.store(int(m_bidiRoutes.size()));
}

void Engine::removeBidiRoutes(InboundSession *session)
{
    QMutexLocker lock(&m_bidiMutex);
    m_bidiRoutes.removeIf([session](const auto &it) { return it.value().session == session; });
    m_bidiRouteCount.store(int(m_bidiRoutes.size()));
}

SessionLoop *Engine::bidiLoop(const QString &localDomain, const QString &remoteDomain) const
{
    if (m_bidiRouteCount.load(std::memory_order_relaxed) == 0)
        return nullptr;
    QMutexLocker lock(&m_bidiMutex);
    return m_bidiRoutes.value(pairKey(localDomain, remoteDomain)).loop;
}

InboundSession *Engine::bidiRoute(const QString &localDomain, const QString &remoteDomain,
                                  const SessionLoop *loop) const
{
    if (m_bidiRouteCount.load(std::memory_order_relaxed) == 0)
        return nullptr;
    QMutexLocker lock(&m_bidiMutex);
    const BidiRoute route = m_bidiRoutes.value(pairKey(localDomain, remoteDomain));
    return route.loop == loop ? route.session : nullptr;
}

void Engine::routeFromRemote(const XmlElement &stanza, S2SSession *)
{
    logBody(stanza, "in");
    if (onEngineThread()) {
        deliverLocal(stanza);
        return;
    }
    // A ping or disco#info to our domain is answered on the receiving loop;
    // the rest (the gateway, the Engine's own requests) on the Engine's.
    if (isDomainIqRequest(stanza)) {
        answerDomainIq(stanza);
        return;
    }
    if (!m_fromLoops.push(QueuedStanza{DeliverLocal, stanza, {}, {}}))
        bounce(stanza, QStringLiteral("resource-constraint"),
               QStringLiteral("The server is overloaded; try again later."));
}

void Engine::bounce(const XmlElement &stanza, const QString &condition, const QString &text)
{
    if (!mayAnswerWithError(stanza))
        return; // never answer an error or a result with an error
    route(makeStanzaError(stanza, condition, text, ns::kServer));
}

void Engine::deliverLocal(const XmlElement &stanza)
{
    const QString to = stanza.attribute(QStringLiteral("to"));
    const bool toDomain = routingAddress(to).isDomain;
    if (stanza.name() == QLatin1String("iq")) {
        const QString type = stanza.attribute(QStringLiteral("type"));
        if (type == QLatin1String("result") || type == QLatin1String("error")) {
            const auto it = m_pendingIq.find(stanza.attribute(QStringLiteral("id")));
            if (toDomain && it != m_pendingIq.end()) {
                auto done = std::move(it->done);
                m_pendingIq.erase(it);
                done(stanza);
                return;
            }
        } else if (toDomain) {
            answerDomainIq(stanza);
            return;
        }
    }
    if (!toDomain && m_localDelivery && m_localDelivery->deliverToLocal(stanza))
        return;
    if (stanza.name() == QLatin1String("presence"))
        return; // RFC 6121: presence to an unavailable entity is dropped silently
    bounce(stanza, QStringLiteral("service-unavailable"), {});
}

void Engine::answerDomainIq(const XmlElement &iq)
{
    const XmlElement *query = iq.firstChildElement();
    const QString type = iq.attribute(QStringLiteral("type"));
    XmlElement reply(QStringLiteral("iq"), ns::kServer);
    reply.setAttribute(QStringLiteral("from"), iq.attribute(QStringLiteral("to")));
    reply.setAttribute(QStringLiteral("to"), iq.attribute(QStringLiteral("from")));
    reply.setAttribute(QStringLiteral("id"), iq.attribute(QStringLiteral("id")));
    reply.setAttribute(QStringLiteral("type"), QStringLiteral("result"));
    if (type == QLatin1String("get") && query && query->is(QStringLiteral("ping"), ns::kPing)) {
        route(reply);
        return;
    }
    if (type == QLatin1String("get") && query &&
        query->is(QStringLiteral("query"), ns::kDiscoInfo)) {
        XmlElement result(QStringLiteral("query"), ns::kDiscoInfo);
        if (query->hasAttribute(QStringLiteral("node"))) {
            bounce(iq, QStringLiteral("item-not-found"), {});
            return;
        }
        XmlElement identity(QStringLiteral("identity"), ns::kDiscoInfo);
        identity.setAttribute(QStringLiteral("category"), QStringLiteral("server"));
        identity.setAttribute(QStringLiteral("type"), QStringLiteral("im"));
        identity.setAttribute(QStringLiteral("name"), QStringLiteral("Fedgate"));
        result.addChild(std::move(identity));
        for (const QString &feature : {ns::kDiscoInfo, ns::kDiscoItems, ns::kPing}) {
            XmlElement f(QStringLiteral("feature"), ns::kDiscoInfo);
            f.setAttribute(QStringLiteral("var"), feature);
            result.addChild(std::move(f));
        }
        reply.addChild(std::move(result));
        route(reply);
        return;
    }
    if (type == QLatin1String("get") && query &&
        query->is(QStringLiteral("query"), ns::kDiscoItems)) {
        reply.addChild(XmlElement(QStringLiteral("query"), ns::kDiscoItems));
        route(reply);
        return;
    }
    bounce(iq, QStringLiteral("service-unavailable"), {});
}

void Engine::ping(const QString &domainIn, std::function<void(QString, QString)> progress,
                  std::function<void(bool, QString, qint64)> done, int timeoutMs)
{
    const QString domain = domainIn.toLower();
    if (!m_policy.partner(domain)) { // the Engine's thread: its own policy
        done(false,
             QStringLiteral("'%1' is not a federation partner. Add it (fedgatectl partner add) "
                            "and republish the topology.")
                 .arg(domain),
             -1);
        return;
    }
    const QString local = m_policy.localDomains().first().toLower();
    // Owns the progress connection and the timeout; deleting it ends both.
    auto *request = new QObject(this);
    auto finished = std::make_shared<bool>(false);
    auto complete = [request, finished, done](bool ok, const QString &detail, qint64 rtt) {
        if (*finished)
            return;
        *finished = true;
        request->deleteLater();
        done(ok, detail, rtt);
    };
    // The session is looked at on its loop; what it reports comes back to
    // `request` on this thread (queued when the loop is another thread).
    SessionLoop *owner = loopFor(local, domain);
    owner->run([owner, request, local, domain, progress, complete] {
        OutboundSession *session = owner->existingOutbound(local, domain);
        if (session && session->isEstablished()) {
            const SessionInfo i = session->info();
            QMetaObject::invokeMethod(
                request,
                [progress, i] {
                    progress(QStringLiteral("session"),
                             QStringLiteral("reusing established session %1 to %2")
                                 .arg(i.id, i.remoteAddress));
                    progress(QStringLiteral("tls"),
                             i.tlsVersion.isEmpty()
                                 ? QStringLiteral("plain TCP")
                                 : QStringLiteral("%1 %2, server certificate %3")
                                       .arg(i.tlsVersion, i.tlsCipher, toString(i.certificate)));
                    progress(QStringLiteral("auth"), toString(i.auth));
                },
                Qt::AutoConnection);
            return;
        }
        session = owner->outboundFor(local, domain);
        connect(session, &OutboundSession::progress, request, progress);
        connect(session, &OutboundSession::failed, request,
                [complete](const QString &reason) { complete(false, reason, -1); });
    });
    const QString id = QStringLiteral("fedgate-ping-%1").arg(++m_iqCounter);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    auto pongRtt = std::make_shared<qint64>(-1);
    m_pendingIq.insert(
        id, PendingIq{[this, complete, timer, progress, local, domain,
                       pongRtt](const XmlElement &reply) {
            const qint64 rtt = timer->elapsed();
            if (reply.attribute(QStringLiteral("type")) == QLatin1String("result")) {
                progress(QStringLiteral("reply"), QStringLiteral("pong"));
                *pongRtt = rtt;
                // Then what the partner's domain offers (XEP-0030), which
                // the self-test shows; the ping alone decides success.
                const QString discoId = QStringLiteral("fedgate-disco-%1").arg(++m_iqCounter);
                m_pendingIq.insert(
                    discoId, PendingIq{[complete, progress, rtt](const XmlElement &info) {
                        QStringList features;
                        if (const XmlElement *q =
                                info.firstChild(QStringLiteral("query"), ns::kDiscoInfo))
                            for (const XmlElement &f : q->children())
                                if (f.name() == QLatin1String("feature"))
                                    features << f.attribute(QStringLiteral("var"));
                        progress(QStringLiteral("disco"),
                                 info.attribute(QStringLiteral("type")) == QLatin1String("result")
                                     ? features.join(QLatin1Char(' '))
                                     : QStringLiteral("disco#info refused"));
                        complete(true, QStringLiteral("round trip %1 ms").arg(rtt), rtt);
                    }});
                XmlElement disco(QStringLiteral("iq"), ns::kServer);
                disco.setAttribute(QStringLiteral("from"), local);
                disco.setAttribute(QStringLiteral("to"), domain);
                disco.setAttribute(QStringLiteral("id"), discoId);
                disco.setAttribute(QStringLiteral("type"), QStringLiteral("get"));
                disco.addChild(XmlElement(QStringLiteral("query"), ns::kDiscoInfo));
                sendToRemote(disco);
                return;
            }
            const XmlElement *error = reply.firstChild(QStringLiteral("error"));
            const XmlElement *condition = error ? error->firstChildElement() : nullptr;
            const XmlElement *text = error ? error->firstChild(QStringLiteral("text")) : nullptr;
            progress(
                QStringLiteral("reply"),
                QStringLiteral("error %1%2")
                    .arg(condition ? boundedPeerText(condition->name()) : QStringLiteral("?"),
                         text ? QStringLiteral(": ") + boundedPeerText(text->text()) : QString()));
            complete(false,
                     QStringLiteral("the ping was answered with an error (%1)")
                         .arg(condition ? boundedPeerText(condition->name()) : QStringLiteral("?")),
                     rtt);
        }});
    QPointer<Engine> self(this);
    QTimer::singleShot(timeoutMs, request, [self, id, complete, timeoutMs, pongRtt, progress] {
        if (self)
            self->m_pendingIq.remove(id);
        if (*pongRtt >= 0) { // the pong came; only disco#info stayed unanswered
            progress(QStringLiteral("disco"), QStringLiteral("no disco#info answer"));
            complete(true, QStringLiteral("round trip %1 ms").arg(*pongRtt), *pongRtt);
            return;
        }
        complete(false, QStringLiteral("no reply within %1 s").arg(timeoutMs / 1000), -1);
    });
    XmlElement iq(QStringLiteral("iq"), ns::kServer);
    iq.setAttribute(QStringLiteral("from"), local);
    iq.setAttribute(QStringLiteral("to"), domain);
    iq.setAttribute(QStringLiteral("id"), id);
    iq.setAttribute(QStringLiteral("type"), QStringLiteral("get"));
    iq.addChild(XmlElement(QStringLiteral("ping"), ns::kPing));
    sendToRemote(iq);
}

} // namespace fedgate::engine
