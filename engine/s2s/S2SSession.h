#pragma once

#include "SessionInfo.h"
#include "XmppStream.h"

#include <QObject>
#include <QTimer>

// What inbound and outbound server-to-server sessions share: the stream, the
// session-table row, the establishment and inactivity timers, and one log
// line per session event.
namespace fedgate::engine {

class Engine;
class FederationPolicy;

class S2SSession : public QObject
{
    Q_OBJECT
public:
    S2SSession(Engine *engine, SessionDirection direction, QObject *parent = nullptr);
    ~S2SSession() override;

    const SessionInfo &info() const { return m_info; }
    bool isEstablished() const { return m_established; }
    XmppStream *stream() const { return m_stream; }

    // Closes the stream with a stream error (or cleanly when `condition` is
    // nullopt) and finishes the session.
    void terminate(std::optional<StreamErrorCondition> condition, const QString &text);
    // After a topology reload: may this session go on under `policy`?
    virtual bool permittedBy(const FederationPolicy &policy) const = 0;

signals:
    void finished(fedgate::engine::S2SSession *session);
    // The stream authenticated a domain (SASL EXTERNAL or dialback).
    void authenticated(fedgate::engine::S2SSession *session);

protected:
    // A stream on `socket` with the engine's bounds (the small stanza limit
    // until authenticated, the output bound), attached to this session.
    void attachNewStream(QSslSocket *socket);
    void attachStream(XmppStream *stream);
    void touch(); // a stanza or negotiation step went through
    void markEstablished(AuthStatus auth);
    void recordTls(); // copies TLS version/cipher into the row
    void logEvent(const QString &what) const;
    void logWarning(const QString &what) const;
    void finish();                 // emits finished once
    virtual void onStreamGone() {} // the connection is gone (before finished)
    virtual void onDisconnected();
    virtual void onEstablishmentTimeout();

    Engine *m_engine;
    XmppStream *m_stream = nullptr;
    SessionInfo m_info;
    QTimer m_establishmentTimer;
    QTimer m_inactivityTimer;
    bool m_established = false;
    bool m_finished = false;
};

} // namespace fedgate::engine
