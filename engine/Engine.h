#pragma once

#include "ConnectionGuard.h"
#include "EngineConfig.h"
#include "EngineSnapshot.h"
#include "LocalDelivery.h"
#include "StanzaBatchQueue.h"
#include "engine/s2s/FederationPolicy.h"
#include "engine/s2s/InactivityDeadline.h"
#include "engine/s2s/SessionInfo.h"
#include "engine/tls/CertificateChainVerifier.h"
#include "engine/xml/XmlElement.h"

#include "topology/Result.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>

class QSslSocket;

// The edge's federation engine: the external listener, the inbound and
// outbound server-to-server sessions, routing between them and the local
// side (domain-level answers now, the gateway through LocalDelivery later),
// the per-partner policy from the published topology, and reload.
//
// Threads (issue 14 target 4): the sessions are spread over
// EngineConfig::sessionLoops SessionLoops (one: the Engine's own thread;
// more: threads of their own, the Engine's thread only routing). The public API is called on the
// Engine's thread; what sessions call (policy(), tlsConfiguration(), resolver(), routeFromRemote(),
// sendToRemote(), bounce(), verifyDialbackKey(), the counts) may be called
// on a loop's thread too: reads come from that loop's EngineSnapshot,
// stanzas cross threads in batches, and deliverToLocal() and the Engine's
// pending requests stay on the Engine's thread. A domain-level iq (ping,
// disco) is answered on the loop that received it.
namespace fedgate::engine {

class ByteStream;
class InboundSession;
class OutboundSession;
class S2SListener;
class S2SSession;
class SessionLoop;
class SrvResolver;
class DaneCheck;

class Engine : public QObject
{
    Q_OBJECT
public:
    enum class DialbackVerdict
    {
        Valid,
        Invalid,
        Error
    };

    explicit Engine(EngineConfig config, QObject *parent = nullptr);
    ~Engine() override;

    // Loads the certificate, applies the topology and opens the listener(s).
    Status start(const topology::Topology &topology);
    // Closes every session (system-shutdown) and the listeners.
    void stop();
    // Applies a republished topology: new policy, listener moved if its
    // address changed, and sessions the new policy forbids are closed.
    Status reload(const topology::Topology &topology);
    // SIGHUP: reads the external edge certificate again from where start()
    // loaded it (--cert/--key or the key store); streams opened from now on
    // present it, established ones keep theirs. On error the one in use
    // stays. The answer describes the certificate now served.
    Result<QString> reloadCertificate();

    const EngineConfig &config() const { return m_config; }
    // On a session loop's thread: that loop's snapshot.
    const FederationPolicy &policy() const;
    QHostAddress listenAddress() const;
    quint16 listenPort() const;

    // Routing. route(): a stanza from the local side (gateway, domain-level
    // answers, bounces) to wherever its 'to' points.
    void setLocalDelivery(LocalDelivery *delivery) { m_localDelivery = delivery; }
    void route(const XmlElement &stanza);
    void sendToRemote(const XmlElement &stanza);
    void routeFromRemote(const XmlElement &stanza, S2SSession *session);
    // XEP-0288: an inbound stream the partner made bidirectional carries our
    // stanzas for the pair ("local remote") authenticated on it, instead of
    // an outbound session. Called on the session's loop.
    void addBidiRoute(const QString &localDomain, const QString &remoteDomain,
                      InboundSession *session);
    void removeBidiRoutes(InboundSession *session);
    // The bidirectional stream for the pair when it lives on `loop`.
    InboundSession *bidiRoute(const QString &localDomain, const QString &remoteDomain,
                              const SessionLoop *loop) const;
    // Answers `stanza`'s sender with a stanza error (nothing for errors).
    void bounce(const XmlElement &stanza, const QString &condition, const QString &text);

    // The session table.
    QList<SessionInfo> sessions() const;

    // A federation ping to `domain` from our first domain (fedgatectl ping):
    // `progress(step, detail)` for each step, then `done` once.
    void ping(const QString &domain, std::function<void(QString, QString)> progress,
              std::function<void(bool ok, QString detail, qint64 rttMs)> done,
              int timeoutMs = 20000);

    // Services for the sessions.
    QString newSessionId(SessionDirection direction);
    QString newStreamId() const;
    qint64 maxStanzaSize() const { return m_maxStanzaSize.load(std::memory_order_relaxed); }
    void setMaxStanzaSize(qint64 bytes) { m_maxStanzaSize.store(bytes, std::memory_order_relaxed); }
    bool hasCertificate() const;
    QSslConfiguration tlsConfiguration() const;
    CertificateStatus certificateStatus(const QList<QByteArray> &chainDer,
                                        QString *detail = nullptr) const;
    // The calling loop's own (the Engine's on its thread).
    SrvResolver *resolver() const;
    DaneCheck *daneCheck() const; // partners with DANE on
    void verifyDialbackKey(const QString &receiving, const QString &originating,
                           const QString &streamId, const QString &key,
                           std::function<void(DialbackVerdict)> done);
    // Inbound: the streams that authenticated `remoteDomain`; outbound: the
    // sessions to it.
    int sessionCount(const QString &remoteDomain, SessionDirection direction) const;
    // An inbound session calls this when it authenticates a remote domain
    // it was not yet authenticated for; sessionCount() is then a lookup.
    void countInboundAuthenticated(const QString &remoteDomain);

    // For the SessionLoops (any thread).
    const QList<SessionLoop *> &sessionLoops() const { return m_loops; }
    int sessionTotal() const;
    bool guardRefuses(ByteStream *stream, const QString &address);
    void guardAdmit(const QObject *session, const QString &address);
    void guardRelease(const QObject *session);
    void uncountInbound(const QStringList &domains);
    void noteSessionsChanged(); // a session opened or closed on a loop

signals:
    void sessionsChanged();

private:
    Status loadTls();
    Status listen(const topology::Topology &topology);
    void onAccepted(qintptr descriptor, bool directTls);
    SessionLoop *loopFor(const QString &localDomain, const QString &remoteDomain) const;
    SessionLoop *callerLoop() const; // the loop whose thread is calling, else loop 0
    int firstSessionLoop() const;    // 1 with workers: the Engine's thread holds no session
    int hashedLoop(const QString &pairKey) const;
    bool onEngineThread() const;
    EngineSnapshotPtr makeSnapshot() const;
    void publishSnapshot(bool closeForbidden);
    void handleFromLoops(QList<QueuedStanza> &batch);
    void deliverLocal(const XmlElement &stanza);
    void answerDomainIq(const XmlElement &iq);
    void logBody(const XmlElement &stanza, const char *direction) const;

    EngineConfig m_config;
    mutable QMutex m_guardMutex; // m_guard and m_inboundPerDomain, for every loop
    ConnectionGuard m_guard;     // unauthenticated connections per source address
    FederationPolicy m_policy;
    QSslConfiguration m_tls;
    CertificateChainVerifier m_chainVerifier;
    SrvResolver *m_resolver = nullptr;
    DaneCheck *m_daneCheck = nullptr;
    QList<S2SListener *> m_listeners;
    QList<SessionLoop *> m_loops;           // [0] runs on the Engine's thread
    QHash<QString, int> m_inboundPerDomain; // lower-cased remote domain -> authenticated streams
    struct BidiRoute
    {
        InboundSession *session = nullptr;
        SessionLoop *loop = nullptr;
    };
    mutable QMutex m_bidiMutex;
    QHash<QString, BidiRoute> m_bidiRoutes; // "local remote" (XEP-0288)
    std::atomic<int> m_bidiRouteCount{0};   // lets sendToRemote skip the lock
    SessionLoop *bidiLoop(const QString &localDomain, const QString &remoteDomain) const;
    mutable QMutex m_placementMutex;
    mutable QHash<QString, int> m_placement; // "local remote" -> loop index (loopFor())
    // Stanzas the loops on other threads hand to the Engine's thread.
    StanzaBatchQueue m_fromLoops;
    LocalDelivery *m_localDelivery = nullptr;
    std::atomic<qint64> m_maxStanzaSize;
    std::atomic<quint64> m_sessionCounter = 0;
    quint64 m_iqCounter = 0;
    struct PendingIq
    {
        std::function<void(const XmlElement &)> done;
    };
    QHash<QString, PendingIq> m_pendingIq;
};

} // namespace fedgate::engine
