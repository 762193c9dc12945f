#include "Engine.h"
#include "AssignedTlsIdentity.h"

#include "engine/s2s/DaneCheck.h"
#include "engine/s2s/InboundSession.h"
#include "engine/s2s/OutboundSession.h"
#include "engine/s2s/S2SListener.h"
#include "engine/s2s/SrvResolver.h"
#include "engine/xml/Namespaces.h"
#include "engine/xml/PeerText.h"
#include "engine/xml/StanzaError.h"
#include "engine/xml/XmlStreamParser.h"
#include "engine/xmpp/Jid.h"

#include "certs/KeyStore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslKey>
#include <QTimer>

#include <spdlog/spdlog.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace fedgate::engine {

namespace {
// How long after the last session closed freed memory goes back to the
// system: a burst of closes trims once.
constexpr int kTrimDelayMs = 1000;

Error engineError(const QString &message)
{
    return Error{message, QStringLiteral("fedgated"), 0, 0};
}

// The prepared domainpart of an address; empty when it is not an RFC 7622
// address (no domain of ours and no partner's).
QString domainOf(const QString &jid)
{
    return Jid::fromString(jid).domain();
}

QString pairKey(const QString &local, const QString &remote)
{
    return local.toLower() + QLatin1Char(' ') + remote.toLower();
}
} // namespace

Engine::Engine(EngineConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_guard(m_config.maxUnauthenticatedPerAddress)
    , m_closesQuiet(kTrimDelayMs)
    , m_maxStanzaSize(XmlStreamParser::kDefaultMaxStanzaSize)
{
    m_resolver = new SrvResolver(m_config.hosts, this);
    m_resolver->setNameserver(m_config.dnsServer, m_config.dnsServerPort);
    m_daneCheck =
        new DaneCheck(topology::DnsServerAddress(m_config.dnsServer, m_config.dnsServerPort),
                      m_config.trustAnchorFile, this);
    m_trimTimer.setSingleShot(true);
    m_trimTimer.setInterval(kTrimDelayMs);
    // Armed by the first close of a burst, not restarted by each one (a
    // restart walks the thread's whole timer list, one entry per session).
    connect(&m_trimTimer, &QTimer::timeout, this, [this] {
        if (const qint64 left = m_closesQuiet.remainingMs(InactivityDeadline::nowMs()); left > 0)
            m_trimTimer.start(int(left));
        else
            trimFreedMemory();
    });
}

Engine::~Engine()
{
    // Sessions are children; drop them without emitting into a dying engine.
    for (InboundSession *s : std::as_const(m_inbound))
        s->disconnect(this);
    for (OutboundSession *s : std::as_const(m_outbound))
        s->disconnect(this);
    for (OutboundSession *s : std::as_const(m_closingOutbound))
        s->disconnect(this);
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
    if (m_config.certificatePath.isEmpty())
        return useAssignedCertificate();
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(m_config.certificatePath);
    if (chain.isEmpty())
        return engineError(QStringLiteral("No PEM certificate in %1. Give the external edge "
                                          "certificate with --cert.")
                               .arg(m_config.certificatePath));
    QFile keyFile(m_config.keyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return engineError(QStringLiteral("Cannot read the private key %1: %2. Check the path "
                                          "and that fedgated may read it.")
                               .arg(m_config.keyPath, keyFile.errorString()));
    const QByteArray pem = keyFile.readAll();
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa, QSsl::Dsa}) {
        key = QSslKey(pem, algorithm, QSsl::Pem);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return engineError(QStringLiteral("%1 holds no unencrypted PEM private key (RSA, EC or "
                                          "DSA).")
                               .arg(m_config.keyPath));
    m_tls.setLocalCertificateChain(chain);
    m_tls.setPrivateKey(key);
    return Status::success();
}

// Without --cert, the engine serves the certificate assigned to the external
// edge in Fedgate's key store ('fedgatectl cert assign --usage external').
// No assignment means no TLS to offer: partners that require it are refused,
// and the log says how to fix it.
Status Engine::useAssignedCertificate()
{
    const Result<std::optional<TlsIdentity>> identity =
        loadAssignedTlsIdentity(certs::CertificateUsage::ExternalEdge, m_config.dataDirectory);
    if (!identity)
        return engineError(identity.error().message);
    if (!identity.value()) {
        spdlog::warn("no certificate is assigned to the external edge and none was given with "
                     "--cert: TLS cannot be offered. Assign one with 'fedgatectl cert assign "
                     "--usage external ID'.");
        return Status::success();
    }
    m_tls.setLocalCertificateChain(identity.value()->chain);
    m_tls.setPrivateKey(identity.value()->key);
    spdlog::info("serving the external edge certificate {} from the key store",
                 identity.value()->chain.first().subjectDisplayName().toStdString());
    return Status::success();
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
        connect(listener, &S2SListener::accepted, this, &Engine::onAccepted);
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
    const auto inbound = m_inbound;
    for (InboundSession *s : inbound)
        s->terminate(StreamErrorCondition::SystemShutdown, QStringLiteral("Server shutting down."));
    const auto outbound = m_outbound.values();
    for (OutboundSession *s : outbound)
        s->terminate(std::nullopt, {});
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
    int closed = 0;
    const QList<InboundSession *> inbound = m_inbound;
    for (InboundSession *s : inbound) {
        if (!s->permittedBy(m_policy)) {
            ++closed;
            s->terminate(StreamErrorCondition::PolicyViolation,
                         QStringLiteral("The federation policy changed and no longer allows "
                                        "this stream."));
        }
    }
    const QList<OutboundSession *> outbound = m_outbound.values();
    for (OutboundSession *s : outbound) {
        if (!s->permittedBy(m_policy)) {
            ++closed;
            s->terminate(StreamErrorCondition::PolicyViolation,
                         QStringLiteral("The federation policy changed and no longer allows "
                                        "this stream."));
        }
    }
    spdlog::info("topology reloaded: {} partner(s); {} session(s) closed by the new policy",
                 topology.partners.size(), closed);
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

int Engine::sessionCount(const QString &remoteDomain, SessionDirection direction) const
{
    // Inbound: kept per domain, so authenticating stays O(1) with
    // thousands of streams open (walking them made opening quadratic).
    if (direction == SessionDirection::Inbound)
        return m_inboundPerDomain.value(remoteDomain.toLower());
    int count = 0;
    for (const OutboundSession *s : m_outbound)
        count += s->info().remoteDomain.compare(remoteDomain, Qt::CaseInsensitive) == 0;
    return count;
}

void Engine::countInboundAuthenticated(const QString &remoteDomain)
{
    ++m_inboundPerDomain[remoteDomain.toLower()];
}

void Engine::onAccepted(QSslSocket *socket, bool directTls)
{
    const QString address = ConnectionGuard::addressKey(socket->peerAddress());
    if (m_guard.refuseIfFull(socket, address))
        return;
    const int total = int(m_inbound.size() + m_outbound.size());
    auto *session = new InboundSession(this, socket, this);
    m_guard.admit(session, address);
    adopt(session);
    if (total >= m_policy.gateway().connectionLimit) {
        spdlog::warn("connection from {} refused: ConnectionLimit {} reached",
                     session->info().remoteAddress.toStdString(),
                     m_policy.gateway().connectionLimit);
        session->terminate(StreamErrorCondition::ResourceConstraint,
                           QStringLiteral("Too many connections; try again later."));
        return;
    }
    if (directTls) {
        socket->setSslConfiguration(m_tls);
        socket->startServerEncryption();
    }
}

void Engine::adopt(S2SSession *session)
{
    if (auto *in = qobject_cast<InboundSession *>(session)) {
        m_inbound << in;
        connect(in, &S2SSession::authenticated, this,
                [this](S2SSession *s) { m_guard.release(s); });
    }
    connect(session, &S2SSession::finished, this, &Engine::onSessionFinished);
    emit sessionsChanged();
}

void Engine::onSessionFinished(S2SSession *session)
{
    if (auto *in = qobject_cast<InboundSession *>(session)) {
        m_inbound.removeOne(in);
        QStringList domains = in->authenticatedDomains();
        for (QString &domain : domains)
            domain = domain.toLower();
        domains.removeDuplicates();
        for (const QString &domain : std::as_const(domains)) {
            auto count = m_inboundPerDomain.find(domain);
            if (count != m_inboundPerDomain.end() && --*count <= 0)
                m_inboundPerDomain.erase(count);
        }
    }
    m_closingOutbound.removeOne(session);
    for (auto it = m_outbound.begin(); it != m_outbound.end();) {
        if (it.value() == session)
            it = m_outbound.erase(it);
        else
            ++it;
    }
    m_guard.release(session);
    session->disconnect(this);
    session->deleteLater();
    m_closesQuiet.touch();
    if (!m_trimTimer.isActive())
        m_trimTimer.start(kTrimDelayMs);
    emit sessionsChanged();
}

void Engine::trimFreedMemory()
{
    // After an attack thousands of closed streams leave their buffers in
    // malloc's free lists; give them back so resident memory falls again.
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

OutboundSession *Engine::outboundFor(const QString &localDomain, const QString &remoteDomain)
{
    const QString key = pairKey(localDomain, remoteDomain);
    if (OutboundSession *existing = m_outbound.value(key)) {
        if (!existing->hasFailed())
            return existing;
        // It still closes in the background and leaves the table then.
        m_outbound.remove(key);
        m_closingOutbound << existing;
    }
    auto *session = new OutboundSession(this, localDomain, remoteDomain, this);
    m_outbound.insert(key, session);
    adopt(session);
    return session;
}

QList<SessionInfo> Engine::sessions() const
{
    QList<SessionInfo> rows;
    for (const InboundSession *s : m_inbound)
        rows << s->info();
    for (const OutboundSession *s : m_outbound)
        rows << s->info();
    for (const OutboundSession *s : m_closingOutbound)
        rows << s->info();
    return rows;
}

void Engine::verifyDialbackKey(const QString &receiving, const QString &originating,
                               const QString &streamId, const QString &key,
                               std::function<void(DialbackVerdict)> done)
{
    OutboundSession *session = outboundFor(receiving, originating);
    session->verifyDialback(streamId, key, [done](std::optional<bool> valid) {
        if (!valid)
            done(DialbackVerdict::Error);
        else
            done(*valid ? DialbackVerdict::Valid : DialbackVerdict::Invalid);
    });
}

void Engine::logBody(const XmlElement &stanza, const char *direction) const
{
    if (!m_policy.gateway().enableLoggingAllMessageBodies ||
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
    if (m_policy.isLocalDomain(toDomain))
        deliverLocal(stanza);
    else
        sendToRemote(stanza);
}

void Engine::sendToRemote(const XmlElement &stanza)
{
    const QString fromDomain = domainOf(stanza.attribute(QStringLiteral("from")));
    const QString toDomain = domainOf(stanza.attribute(QStringLiteral("to")));
    if (!m_policy.isLocalDomain(fromDomain)) {
        spdlog::warn("dropped a stanza to {}: its sender {} is not in one of our domains",
                     boundedPeerText(toDomain).toStdString(),
                     boundedPeerText(fromDomain).toStdString());
        return;
    }
    if (!m_policy.partner(toDomain)) {
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
    if (!outboundFor(fromDomain, toDomain)->enqueue(stanza))
        bounce(stanza, QStringLiteral("resource-constraint"),
               QStringLiteral("Too many stanzas are waiting for '%1'.").arg(toDomain));
}

void Engine::routeFromRemote(const XmlElement &stanza, S2SSession *)
{
    logBody(stanza, "in");
    deliverLocal(stanza);
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
    const bool toDomain = Jid::fromString(to).isDomain();
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
    if (!m_policy.partner(domain)) {
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
    OutboundSession *session = m_outbound.value(pairKey(local, domain));
    if (session && session->isEstablished()) {
        const SessionInfo &i = session->info();
        progress(QStringLiteral("session"),
                 QStringLiteral("reusing established session %1 to %2").arg(i.id, i.remoteAddress));
        progress(QStringLiteral("tls"),
                 i.tlsVersion.isEmpty()
                     ? QStringLiteral("plain TCP")
                     : QStringLiteral("%1 %2, server certificate %3")
                           .arg(i.tlsVersion, i.tlsCipher, toString(i.certificate)));
        progress(QStringLiteral("auth"), toString(i.auth));
    } else {
        session = outboundFor(local, domain);
        connect(session, &OutboundSession::progress, request, progress);
        connect(session, &OutboundSession::failed, request,
                [complete](const QString &reason) { complete(false, reason, -1); });
    }
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
