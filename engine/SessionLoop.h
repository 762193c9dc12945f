#pragma once

#include "EngineSnapshot.h"
#include "StanzaBatchQueue.h"
#include "engine/s2s/SessionInfo.h"

#include <QAtomicInt>
#include <QBasicTimer>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>

#include <functional>
#include <optional>
#include <unordered_map>
#include <utility>

class QThread;

// One event loop the Engine's s2s sessions live on (issue 14 target 4).
// Loop 0 is the Engine's own thread and holds the sessions only when it is
// the only loop; the others each run a QThread with an
// EpollEventDispatcher. A session object lives wholly on its loop:
// the loop creates it (an accepted descriptor becomes a QSslSocket and an
// InboundSession here; an outbound session is created on the loop its pair
// of domains hashes to), owns it and deletes it. Stanzas from other threads
// arrive in batches (StanzaBatchQueue). The sessions of a loop on another
// thread read the Engine's policy and TLS configuration from the loop's
// EngineSnapshot, and the Engine reads their session table from a mirror
// the loop refreshes (on changes and every second), never the sessions.
namespace fedgate::engine {

class DaneCheck;
class Engine;
class InboundSession;
class OutboundSession;
class S2SSession;
class SrvResolver;

class SessionLoop : public QObject
{
    Q_OBJECT
public:
    // `ownThread`: run on a new thread (started at once); otherwise on the
    // calling (Engine's) thread.
    SessionLoop(Engine *engine, int index, bool ownThread);
    ~SessionLoop() override;

    // The loop whose thread is calling, when it runs on its own thread;
    // nullptr on any other thread (the Engine's included).
    static SessionLoop *current();

    Engine *engine() const { return m_engine; }
    int index() const { return m_index; }
    bool ownsThread() const { return m_thread != nullptr; }
    bool isCurrentThread() const;
    // Sessions open on this loop (any thread reads it; placement).
    int load() const { return m_load.loadRelaxed(); }

    // Any thread. The snapshot applies before anything posted afterwards;
    // `closeAfter` closes the sessions its policy no longer allows.
    void publish(EngineSnapshotPtr snapshot, bool closeAfter);
    // Any thread: creates the socket and inbound session on this loop.
    void accept(qintptr descriptor, bool directTls);
    // Any thread: a stanza for a remote domain, sent on (or queued for) this
    // loop's outbound session for its pair of domains.
    void sendToRemote(const QString &localDomain, const QString &remoteDomain,
                      const XmlElement &stanza);
    // Any thread: runs `work` on this loop (directly when already there).
    void run(std::function<void()> work);
    // This loop's thread (the Engine's for loop 0).
    void terminateAll();
    int closeForbidden(); // how many sessions the current policy no longer allows
    // Stops the thread after deleting the sessions without emitting (the
    // Engine's destructor); the loop is then an object of the calling thread.
    void shutdown();

    // This loop's thread only.
    const EngineSnapshot &snapshot() const { return *m_snapshot; }
    SrvResolver *resolver() const { return m_resolver; }
    DaneCheck *daneCheck() const { return m_daneCheck; }
    OutboundSession *outboundFor(const QString &localDomain, const QString &remoteDomain);
    OutboundSession *existingOutbound(const QString &localDomain,
                                      const QString &remoteDomain) const;

    // The calling thread's cache of Engine::loopFor() (this loop's thread,
    // or the Engine's for loop 0), keyed by the domains exactly as routing
    // passes them: a lookup builds no key string and folds no case.
    SessionLoop *cachedPlacement(const QString &localDomain, const QString &remoteDomain) const
    {
        const auto it = m_placement.find(DomainPairView{localDomain, remoteDomain});
        return it == m_placement.end() ? nullptr : it->second;
    }
    void cachePlacement(const QString &localDomain, const QString &remoteDomain, SessionLoop *loop)
    {
        if (m_placement.size() < kMaxCachedPlacements)
            m_placement.emplace(DomainPair{localDomain, remoteDomain}, loop);
    }

    // Any thread: the session rows (live on the loop's own thread; asked of
    // the loop from the Engine's thread, with the mirror when it does not
    // answer in time; else the mirror).
    QList<SessionInfo> sessions() const;

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void acceptHere(qintptr descriptor, bool directTls);
    void sendHere(const QString &localDomain, const QString &remoteDomain,
                  const XmlElement &stanza);
    void adopt(S2SSession *session);
    // Called by the session itself (S2SSession::setLoop), not connected.
    friend class S2SSession;
    void onSessionAuthenticated(S2SSession *session);
    void onSessionFinished(S2SSession *session);
    QList<SessionInfo> liveRows() const;
    void mirrorSoon();
    void refreshMirror();
    void deleteSessions();

    Engine *m_engine;
    int m_index;
    QThread *m_thread = nullptr;
    EngineSnapshotPtr m_snapshot;
    SrvResolver *m_resolver = nullptr;
    DaneCheck *m_daneCheck = nullptr;
    StanzaBatchQueue m_outgoing; // stanzas for this loop's outbound sessions
    QList<InboundSession *> m_inbound;
    QHash<QString, OutboundSession *> m_outbound; // "local remote"
    QList<OutboundSession *> m_closingOutbound;   // failed, waiting for the close
    static constexpr std::size_t kMaxCachedPlacements = 100000;
    using DomainPair = std::pair<QString, QString>;             // local, remote
    using DomainPairView = std::pair<QStringView, QStringView>; // a lookup's key
    struct DomainPairHash
    {
        using is_transparent = void;
        std::size_t operator()(DomainPairView pair) const noexcept
        {
            return qHashMulti(0, pair.first, pair.second);
        }
        std::size_t operator()(const DomainPair &pair) const noexcept
        {
            return (*this)(DomainPairView{pair.first, pair.second});
        }
    };
    struct DomainPairEqual
    {
        using is_transparent = void;
        template <typename A, typename B> bool operator()(const A &a, const B &b) const noexcept
        {
            return QStringView(a.first) == QStringView(b.first) &&
                   QStringView(a.second) == QStringView(b.second);
        }
    };
    // Cache of Engine::loopFor().
    std::unordered_map<DomainPair, SessionLoop *, DomainPairHash, DomainPairEqual> m_placement;
    QAtomicInt m_load;
    mutable QMutex m_mirrorMutex;
    QList<SessionInfo> m_mirror; // guarded by m_mirrorMutex
    bool m_mirrorPending = false;
    QBasicTimer m_mirrorTimer;
};

} // namespace fedgate::engine
