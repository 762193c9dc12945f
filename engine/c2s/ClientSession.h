#pragma once

#include "StreamManagement.h"
#include "engine/s2s/InactivityDeadline.h"
#include "engine/xml/StreamError.h"
#include "engine/xml/XmlElement.h"
#include "engine/xmpp/Jid.h"

#include <QObject>
#include <QPointer>
#include <QSslSocket>
#include <QTimer>

#include <memory>

// One client stream on 5222 (RFC 6120 as the receiving entity): the stream
// header for one of our domains, STARTTLS required before anything else,
// SASL with the offered mechanisms, the stream restart, resource binding and
// the old session-establishment element; then stanzas whose 'from' is
// checked and stamped with the bound full JID go to the host. What the
// client sends before binding (a stanza, a spoofed 'from', an oversized
// element) ends the stream with its RFC 6120 4.9.3 error.
namespace fedgate::engine {

class ClientSessionHost;
class SaslServerMechanism;
struct SaslStep;
class XmppStream;

struct ClientLimits
{
    qint64 maxStanzaSize = 256 * 1024;
    // Until SASL succeeds: a SCRAM exchange fits in a few hundred bytes.
    qint64 maxPreAuthStanzaSize = 16 * 1024;
    qint64 maxOutputBuffer = 4 * 1024 * 1024;
    qint64 inactivityTimeoutMs = 600 * 1000;
    qint64 establishmentTimeoutMs = 60 * 1000;
    // Failed SASL attempts on one stream before it is closed (RFC 6120
    // 6.4.5 asks for between 2 and 5).
    int maxAuthFailures = 3;
    // XEP-0198: how long a dropped session with resumption enabled waits
    // for its client to resume it.
    qint64 resumeTimeoutMs = 300 * 1000;
};

class ClientSession : public QObject
{
    Q_OBJECT
public:
    // Takes ownership of the accepted `socket`.
    ClientSession(ClientSessionHost &host, QSslSocket *socket, const ClientLimits &limits,
                  QObject *parent = nullptr);
    ~ClientSession() override;

    bool isBound() const { return m_phase == Phase::Bound; }
    const Jid &jid() const { return m_jid; } // full JID once bound
    QString remoteEndpoint() const { return m_remote; }
    QString tlsVersion() const;
    bool isClosing() const;

    // Presence state kept for the gateway (RFC 6121 section 4).
    bool available = false;       // initial presence sent, not yet unavailable
    bool rosterRequested = false; // an "interested resource" (RFC 6121 2.1.6)
    bool carbonsEnabled = false;  // XEP-0280
    int priority = 0;
    XmlElement lastPresence; // the last broadcast presence, 'from' stamped

    // Sends a stanza to the client (converted to jabber:client); while the
    // session waits for a resumption it is queued.
    void deliver(const XmlElement &stanza);

    // XEP-0198.
    const QString &resumptionId() const { return m_sm.id(); }
    bool isHibernating() const { return m_hibernating; }
    // This (older) session takes over the connection of `fresh`, a session
    // that authenticated as the same user and sent <resume/> with client
    // count `h`; `fresh` ends without a trace.
    void resumeFrom(ClientSession *fresh, quint32 h);
    // What the client never acknowledged, for the gateway to deliver
    // elsewhere once the session has ended.
    std::deque<XmlElement> takeUnacked() { return m_sm.takeUnacked(); }
    // Ends the stream with an error (a conflict when replaced, not-authorized
    // when the account was removed, system-shutdown at stop).
    void closeWithError(StreamErrorCondition condition, const QString &text);

private:
    enum class Phase
    {
        AwaitHeader,
        Negotiating,    // before TLS
        TlsHandshake,   // after <proceed/>
        Authenticating, // TLS up, SASL not done
        Authenticated,  // SASL done, no resource yet
        Bound,
        Closed
    };

    void onHeader(const XmlElement &header);
    void onElement(const XmlElement &element);
    void onEncrypted();
    void sendFeatures();
    void onStartTls();
    void onSaslAuth(const XmlElement &auth);
    void onSaslResponse(const XmlElement &response);
    void handleSaslStep(const SaslStep &step);
    void saslFailure(const QString &condition, const QString &username = {});
    void onBindOrSession(const XmlElement &iq);
    void onStanza(const XmlElement &stanza);
    void onIdleTimer();
    void onDisconnected();
    void attachStream();
    void onStreamManagement(const XmlElement &element);
    void requestAckSoon();
    void end();
    void touch() { m_idle.touch(); }

    ClientSessionHost &m_host;
    ClientLimits m_limits;
    XmppStream *m_stream; // null while hibernating
    Phase m_phase = Phase::AwaitHeader;
    QString m_domain; // the stream's 'to'
    QString m_remote;
    Jid m_authenticated; // bare, after SASL
    Jid m_jid;           // full, after bind
    std::unique_ptr<SaslServerMechanism> m_sasl;
    bool m_saslStarted = false; // start() called on m_sasl
    int m_authFailures = 0;
    InactivityDeadline m_idle;
    QTimer m_idleTimer;
    QTimer m_establishTimer;
    bool m_ended = false;
    bool m_peerClosed = false; // </stream:stream> from the client: no resumption
    StreamManagement m_sm;
    bool m_hibernating = false;
    bool m_ackRequested = false;
    QTimer m_hibernateTimer;
};

} // namespace fedgate::engine
