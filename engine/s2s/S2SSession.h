#pragma once

#include "InactivityDeadline.h"
#include "SessionInfo.h"
#include "XmppStream.h"

#include <QBasicTimer>
#include <QObject>
#include <QTimer>

// What inbound and outbound server-to-server sessions share: the stream, the
// session-table row, the establishment and inactivity timers, and one log
// line per session event. Activity (every stanza in or out) only stores a
// timestamp: the inactivity timer is armed once and re-arms itself for the
// time left when it finds there was activity since (see InactivityDeadline).
namespace fedgate::engine {

class Engine;
class FederationPolicy;
class SessionLoop;

class S2SSession : public QObject, private XmppStream::Handler
{
    Q_OBJECT
public:
    S2SSession(Engine *engine, SessionDirection direction, QObject *parent = nullptr);
    ~S2SSession() override;

    // The session-table row; lastActivity is computed from the monotonic
    // activity stamp when the row is read.
    const SessionInfo &info() const;
    bool isEstablished() const { return m_established; }
    XmppStream *stream() const { return m_stream; }

    // Closes the stream with a stream error (or cleanly when `condition` is
    // nullopt) and finishes the session.
    void terminate(std::optional<StreamErrorCondition> condition, const QString &text);
    // After a topology reload: may this session go on under `policy`?
    virtual bool permittedBy(const FederationPolicy &policy) const = 0;

    // The loop that owns the session (SessionLoop::adopt), told of each
    // authentication and of the end by direct calls before the signals,
    // not two connections per session; nullptr detaches it.
    void setLoop(SessionLoop *loop) { m_loop = loop; }

signals:
    void finished(fedgate::engine::S2SSession *session);
    // The stream authenticated a domain (SASL EXTERNAL or dialback).
    void authenticated(fedgate::engine::S2SSession *session);

protected:
    // A stream on `socket` with the engine's bounds (the small stanza limit
    // until authenticated, the output bound), attached to this session.
    void attachNewStream(ByteStream *transport);
    void attachStream(XmppStream *stream);
    // A stanza or negotiation step went through: O(1), no timer operation.
    void touch() { m_activity.touch(); }
    void markEstablished(AuthStatus auth);
    void recordTls(); // copies TLS version/cipher into the row
    void logEvent(const QString &what) const;
    void logWarning(const QString &what) const;
    // RFC 6120 8: only message, presence and iq travel as stanzas; anything
    // else closes the stream with unsupported-stanza-type. False then.
    bool acceptStanzaName(const XmlElement &stanza);
    void finish();                    // emits finished once
    virtual void onStreamGone() {}    // the connection is gone (before finished)
    virtual void onAuthenticated() {} // a pair was authenticated (before the signal)
    virtual void onDisconnected();
    // The stream's header and elements, called by the stream directly
    // (XmppStream::Handler, no connection).
    virtual void onHeader(const XmlElement &header) = 0;
    virtual void onElement(const XmlElement &element) = 0;
    virtual void onEncrypted() {} // the transport's TLS handshake completed
    virtual void onEstablishmentTimeout();
    void timerEvent(QTimerEvent *event) override;

    Engine *m_engine;
    SessionLoop *m_loop = nullptr;
    XmppStream *m_stream = nullptr;
    mutable SessionInfo m_info; // info() fills in lastActivity
    // Timers without a QObject or a connection of their own (0.7 KiB per
    // idle session as a QTimer): both go through timerEvent().
    QBasicTimer m_establishmentTimer;
    int m_establishmentMs = 0;
    void startEstablishmentTimer() { m_establishmentTimer.start(m_establishmentMs, this); }
    qint64 m_createdMs; // monotonic, when m_info.created was taken
    InactivityDeadline m_activity;
    QBasicTimer m_inactivityTimer; // armed once; see timerEvent()
    bool m_established = false;
    bool m_finished = false;

private:
    void streamHeader(const XmlElement &header) override { onHeader(header); }
    void streamElement(const XmlElement &element) override { onElement(element); }
    void streamWhitespace() override { touch(); }
    void streamEncrypted() override { onEncrypted(); }
    void streamDisconnected() override { onDisconnected(); }
};

} // namespace fedgate::engine
