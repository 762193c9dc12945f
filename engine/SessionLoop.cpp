#include "SessionLoop.h"

#include "Engine.h"
#include "engine/runtime/EpollEventDispatcher.h"
#include "engine/s2s/DaneCheck.h"
#include "engine/s2s/InboundSession.h"
#include "engine/s2s/OutboundSession.h"
#include "engine/s2s/S2STransport.h"
#include "engine/s2s/SrvResolver.h"

#include "topology/DnsServerAddress.h"

#include <QCoreApplication>
#include <QMutexLocker>
#include <QSemaphore>
#include <QSslSocket>
#include <QThread>
#include <QTimerEvent>

#include <spdlog/spdlog.h>

#include <unistd.h>

namespace fedgate::engine {

namespace {
thread_local SessionLoop *t_current = nullptr;

// How often the mirror of a loop on its own thread is refreshed besides
// changes (the rows' last-activity times).
constexpr int kMirrorRefreshMs = 1000;
// How long the Engine's thread waits for a loop's fresh session rows.
constexpr int kFreshRowsWaitMs = 500;

QString pairKey(const QString &local, const QString &remote)
{
    return local.toLower() + QLatin1Char(' ') + remote.toLower();
}
} // namespace

SessionLoop::SessionLoop(Engine *engine, int index, bool ownThread)
    : m_engine(engine)
    , m_index(index)
    , m_outgoing(this, [this](QList<QueuedStanza> &batch) {
        for (const QueuedStanza &item : batch)
            sendHere(item.localDomain, item.remoteDomain, item.stanza);
    })
{
    if (!ownThread) {
        setParent(engine); // its sockets are the Engine's children, as before
        return;
    }
    const EngineConfig &config = engine->config();
    m_resolver = new SrvResolver(config.hosts, this);
    m_resolver->setNameserver(config.dnsServer, config.dnsServerPort);
    m_daneCheck = new DaneCheck(topology::DnsServerAddress(config.dnsServer, config.dnsServerPort),
                                config.trustAnchorFile, this);
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("session-loop-%1").arg(index));
    m_thread->setEventDispatcher(new EpollEventDispatcher);
    moveToThread(m_thread);
    // The first event the thread handles.
    QMetaObject::invokeMethod(
        this,
        [this] {
            t_current = this;
            m_mirrorTimer.start(kMirrorRefreshMs, this);
        },
        Qt::QueuedConnection);
    m_thread->start();
}

SessionLoop::~SessionLoop()
{
    // Sessions are children; drop them without emitting into a dying loop.
    for (InboundSession *s : std::as_const(m_inbound))
        s->setLoop(nullptr);
    for (OutboundSession *s : std::as_const(m_outbound))
        s->setLoop(nullptr);
    for (OutboundSession *s : std::as_const(m_closingOutbound))
        s->setLoop(nullptr);
    if (m_thread) { // shutdown() was not called
        m_thread->quit();
        m_thread->wait();
        delete m_thread;
    }
}

SessionLoop *SessionLoop::current()
{
    return t_current;
}

bool SessionLoop::isCurrentThread() const
{
    return QThread::currentThread() == thread();
}

void SessionLoop::run(std::function<void()> work)
{
    QMetaObject::invokeMethod(this, std::move(work), Qt::AutoConnection);
}

void SessionLoop::publish(EngineSnapshotPtr snapshot, bool closeAfter)
{
    run([this, snapshot = std::move(snapshot), closeAfter] {
        m_snapshot = snapshot;
        if (closeAfter)
            closeForbidden();
    });
}

void SessionLoop::accept(qintptr descriptor, bool directTls)
{
    run([this, descriptor, directTls] { acceptHere(descriptor, directTls); });
}

void SessionLoop::acceptHere(qintptr descriptor, bool directTls)
{
    ByteStream *transport = acceptS2SStream(descriptor); // TlsStream (engine/s2s/S2STransport)
    if (!transport) {
        spdlog::warn("session loop {}: cannot take an accepted connection", m_index);
        return;
    }
    const QString address = ConnectionGuard::addressKey(transport->peerAddress());
    if (m_engine->guardRefuses(transport, address))
        return;
    const int total = m_engine->sessionTotal();
    auto *session = new InboundSession(m_engine, transport, this);
    m_engine->guardAdmit(session, address);
    adopt(session);
    const int limit = m_engine->policy().gateway().connectionLimit;
    if (total >= limit) {
        spdlog::warn("connection from {} refused: ConnectionLimit {} reached",
                     session->info().remoteAddress.toStdString(), limit);
        session->terminate(StreamErrorCondition::ResourceConstraint,
                           QStringLiteral("Too many connections; try again later."));
        return;
    }
    if (directTls) {
        transport->setTlsConfiguration(m_engine->tlsConfiguration());
        transport->startServerEncryption();
    }
}

void SessionLoop::sendToRemote(const QString &localDomain, const QString &remoteDomain,
                               const XmlElement &stanza)
{
    if (isCurrentThread()) {
        sendHere(localDomain, remoteDomain, stanza);
        return;
    }
    if (!m_outgoing.push(QueuedStanza{0, stanza, localDomain, remoteDomain}))
        m_engine->bounce(
            stanza, QStringLiteral("resource-constraint"),
            QStringLiteral("Too many stanzas are waiting for '%1'.").arg(remoteDomain));
}

void SessionLoop::sendHere(const QString &localDomain, const QString &remoteDomain,
                           const XmlElement &stanza)
{
    if (InboundSession *bidi = m_engine->bidiRoute(localDomain, remoteDomain, this))
        if (bidi->sendReverse(stanza))
            return; // XEP-0288: back on the partner's bidirectional stream
    if (!outboundFor(localDomain, remoteDomain)->enqueue(stanza))
        m_engine->bounce(
            stanza, QStringLiteral("resource-constraint"),
            QStringLiteral("Too many stanzas are waiting for '%1'.").arg(remoteDomain));
}

OutboundSession *SessionLoop::existingOutbound(const QString &localDomain,
                                               const QString &remoteDomain) const
{
    return m_outbound.value(pairKey(localDomain, remoteDomain));
}

OutboundSession *SessionLoop::outboundFor(const QString &localDomain, const QString &remoteDomain)
{
    const QString key = pairKey(localDomain, remoteDomain);
    if (OutboundSession *existing = m_outbound.value(key)) {
        if (!existing->hasFailed())
            return existing;
        // It still closes in the background and leaves the table then.
        m_outbound.remove(key);
        m_closingOutbound << existing;
    }
    auto *session = new OutboundSession(m_engine, localDomain, remoteDomain, this);
    m_outbound.insert(key, session);
    adopt(session);
    return session;
}

void SessionLoop::adopt(S2SSession *session)
{
    m_load.ref();
    if (auto *in = qobject_cast<InboundSession *>(session))
        m_inbound << in;
    // The session calls onSessionAuthenticated() and onSessionFinished()
    // itself: two connections fewer per session (issue 14 target 3).
    session->setLoop(this);
    mirrorSoon();
    m_engine->noteSessionsChanged();
}

void SessionLoop::onSessionAuthenticated(S2SSession *session)
{
    if (qobject_cast<InboundSession *>(session))
        m_engine->guardRelease(session);
    mirrorSoon();
}

void SessionLoop::onSessionFinished(S2SSession *session)
{
    m_load.deref();
    if (auto *in = qobject_cast<InboundSession *>(session)) {
        m_inbound.removeOne(in);
        m_engine->uncountInbound(in->authenticatedDomains());
    }
    m_closingOutbound.removeOne(session);
    for (auto it = m_outbound.begin(); it != m_outbound.end();) {
        if (it.value() == session)
            it = m_outbound.erase(it);
        else
            ++it;
    }
    m_engine->guardRelease(session);
    session->setLoop(nullptr);
    session->deleteLater();
    mirrorSoon();
    m_engine->noteSessionsChanged();
}

int SessionLoop::closeForbidden()
{
    const FederationPolicy &policy = m_engine->policy();
    int closed = 0;
    QList<S2SSession *> sessions;
    for (InboundSession *s : std::as_const(m_inbound))
        sessions << s;
    for (OutboundSession *s : std::as_const(m_outbound))
        sessions << s;
    for (S2SSession *s : std::as_const(sessions)) {
        if (!s->permittedBy(policy)) {
            ++closed;
            s->terminate(StreamErrorCondition::PolicyViolation,
                         QStringLiteral("The federation policy changed and no longer allows "
                                        "this stream."));
        }
    }
    if (ownsThread() && closed)
        spdlog::info("session loop {}: {} session(s) closed by the new policy", m_index, closed);
    return closed;
}

void SessionLoop::terminateAll()
{
    const auto inbound = m_inbound;
    for (InboundSession *s : inbound)
        s->terminate(StreamErrorCondition::SystemShutdown, QStringLiteral("Server shutting down."));
    const auto outbound = m_outbound.values();
    for (OutboundSession *s : outbound)
        s->terminate(std::nullopt, {});
}

QList<SessionInfo> SessionLoop::liveRows() const
{
    QList<SessionInfo> rows;
    rows.reserve(m_inbound.size() + m_outbound.size() + m_closingOutbound.size());
    for (const InboundSession *s : m_inbound)
        rows << s->info();
    for (const OutboundSession *s : m_outbound)
        rows << s->info();
    for (const OutboundSession *s : m_closingOutbound)
        rows << s->info();
    for (SessionInfo &row : rows)
        row.loop = m_index; // placement shows in the table (fedgatectl sessions --json)
    return rows;
}

QList<SessionInfo> SessionLoop::sessions() const
{
    if (isCurrentThread())
        return liveRows();
    // From the Engine's thread (the control socket, rarely): the rows as
    // the loop sees them now, counters included, when it answers within
    // kFreshRowsWaitMs; otherwise (or from another loop) the mirror.
    if (QThread::currentThread() == m_engine->thread()) {
        struct Answer
        {
            QSemaphore ready;
            QList<SessionInfo> rows;
        };
        auto answer = std::make_shared<Answer>();
        QMetaObject::invokeMethod(
            const_cast<SessionLoop *>(this),
            [this, answer] {
                answer->rows = liveRows();
                answer->ready.release();
            },
            Qt::QueuedConnection);
        if (answer->ready.tryAcquire(1, kFreshRowsWaitMs))
            return answer->rows;
    }
    QMutexLocker lock(&m_mirrorMutex);
    return m_mirror;
}

void SessionLoop::mirrorSoon()
{
    if (!ownsThread() || m_mirrorPending)
        return;
    m_mirrorPending = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_mirrorPending = false;
            refreshMirror();
        },
        Qt::QueuedConnection);
}

void SessionLoop::refreshMirror()
{
    QList<SessionInfo> rows = liveRows();
    QMutexLocker lock(&m_mirrorMutex);
    m_mirror.swap(rows);
}

void SessionLoop::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_mirrorTimer.timerId())
        refreshMirror();
    else
        QObject::timerEvent(event);
}

void SessionLoop::deleteSessions()
{
    const QList<S2SSession *> sessions = [this] {
        QList<S2SSession *> all;
        for (InboundSession *s : std::as_const(m_inbound))
            all << s;
        for (OutboundSession *s : std::as_const(m_outbound))
            all << s;
        for (OutboundSession *s : std::as_const(m_closingOutbound))
            all << s;
        return all;
    }();
    for (S2SSession *s : sessions)
        s->setLoop(nullptr);
    m_inbound.clear();
    m_outbound.clear();
    m_closingOutbound.clear();
    qDeleteAll(sessions);
}

void SessionLoop::shutdown()
{
    if (!m_thread)
        return;
    QThread *target = QThread::currentThread();
    QMetaObject::invokeMethod(
        this,
        [this, target] {
            deleteSessions();
            m_mirrorTimer.stop();
            // Everything else on this thread goes here too: sessions that
            // finished and wait for their deleteLater, the resolvers. Moved
            // with a timer running, an object has its timers re-registered by
            // an event the target thread never gets to before the delete
            // (LeakSanitizer in tst_s2squotas_loops2), and is then deleted
            // from another thread than its timers'.
            // The resolvers last: what goes before may still use them.
            const auto rest = [this]() -> QObject * {
                for (QObject *child : children())
                    if (child != m_resolver && child != m_daneCheck)
                        return child;
                return nullptr;
            };
            while (QObject *child = rest())
                delete child;
            delete m_resolver;
            delete m_daneCheck;
            m_resolver = nullptr;
            m_daneCheck = nullptr;
            t_current = nullptr;
            moveToThread(target);
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

} // namespace fedgate::engine
