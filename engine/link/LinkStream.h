#pragma once

#include "engine/s2s/SessionInfo.h"
#include "engine/xml/XmlElement.h"
#include "topology/Topology.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <deque>

class QSslSocket;

// One connection of the internal link between the gateway and the edge
// (TCP 23456, Lync's "XMPP proxy" hop), either side.
//
// Framing (both directions), on a TLS 1.2+ connection that is encrypted from
// the first byte (no STARTTLS) and mutually authenticated:
//   1. TLS handshake; each side presents its certificate and checks the
//      other's: the chain must lead to the link's trust anchors (the internal
//      CA), and the name must be the expected one (the gateway checks the
//      edge pool's internal FQDN, the edge checks the front-end pool FQDN the
//      topology names as its next hop).
//   2. The gateway sends an XMPP stream header
//      <stream:stream xmlns='jabber:server' xmlns:stream=... version='1.0'
//       from='FRONT-END POOL' to='EDGE POOL'>; the edge answers with its own
//      header (from = edge pool, id) followed by <ready xmlns='urn:fedgate:link'/>
//      once it accepted the gateway, or a stream error (not-authorized, with
//      a text naming the reason) and the closing tag when it did not.
//   3. Then each side sends stanzas (message, presence, iq in jabber:server,
//      nothing else) exactly as on an s2s stream, and whitespace keep-alives
//      (RFC 6120 4.6.1) when it sent nothing for the keep-alive interval. A
//      stream silent for the inactivity timeout is closed.
//   4. Acknowledgements, as in XEP-0198 without resumption: after handling
//      the stanzas of one read, a side sends <a xmlns='urn:fedgate:link'
//      h='N'/>, N = stanzas received on this stream so far (modulo 2^32).
//      The sender keeps each stanza until it is acknowledged; what is still
//      unacknowledged when the connection ends is handed back
//      (takeUnacknowledged) to be sent again on another link or answered
//      with an error, so a dropped link loses nothing it accepted (a stanza
//      may arrive twice when only its acknowledgement was lost).
// The parser and its limits are the s2s ones (XmlStreamParser through
// XmppStream): stanza size, depth, attributes, output bound.
namespace fedgate::engine {

class CertificateChainVerifier;
class XmppStream;

inline const QString kLinkNamespace = QStringLiteral("urn:fedgate:link");

struct LinkTimers
{
    int keepAliveMs = 300 * 1000;  // GatewaySettings::keepAliveInterval
    int inactivityMs = 600 * 1000; // GatewaySettings::streamInactivityTimeout
    int establishMs = 10 * 1000;   // TCP + TLS + headers + ready
};

// The timers of the gateway-wide settings (keep-alive interval, stream
// inactivity and establishment timeouts).
LinkTimers linkTimersFor(const topology::Topology &topology);

class LinkStream : public QObject
{
    Q_OBJECT
public:
    enum class Side
    {
        Edge,   // accepted the connection
        Gateway // opened it
    };

    // Takes ownership of `socket`, configured with the link's TLS settings.
    // `localName`: our pool FQDN; `expectedPeer`: the name the peer's
    // certificate must carry (edge side: the next-hop front-end pool; empty
    // there = no front-end pool may connect). `verifier` outlives the stream.
    LinkStream(QSslSocket *socket, Side side, QString localName, QString expectedPeer,
               const CertificateChainVerifier *verifier, LinkTimers timers, qint64 maxStanzaSize,
               QObject *parent = nullptr);
    ~LinkStream() override;

    // Edge: starts the server handshake on the accepted socket.
    void acceptEncrypted();
    // Gateway: connects to `address`:`port` and starts the handshake.
    void connectEncrypted(const QString &address, quint16 port);

    bool isReady() const { return m_ready; }
    bool isFinished() const { return m_finished; }
    QString peerName() const { return m_expectedPeer; }
    QString remoteEndpoint() const;
    QString closeReason() const { return m_reason; }
    // Queued in the socket; false when the link is not ready (the caller
    // keeps the stanza).
    bool send(const XmlElement &stanza);
    void close(const QString &reason);
    SessionInfo info() const;
    // Sent stanzas the peer has not acknowledged, oldest first; empties
    // the list (call once the stream finished).
    std::deque<XmlElement> takeUnacknowledged();
    // More unacknowledged stanzas than this and the peer is not keeping up:
    // the stream is closed and they are handed back.
    static constexpr int kMaxUnacknowledged = 10000;

signals:
    void ready();
    void stanzaReceived(const fedgate::engine::XmlElement &stanza);
    // Once, when the connection is gone; `reason` says why (for the log).
    void finished(const QString &reason);

private:
    void onEncrypted();
    void onHeader(const XmlElement &header);
    void onElement(const XmlElement &element);
    void onTick();
    void refuse(const QString &reason);
    void fail(const QString &reason);
    void markReady();
    void sendAck();
    void onAck(const XmlElement &ack);

    XmppStream *m_stream;
    Side m_side;
    QString m_localName;
    QString m_expectedPeer;
    const CertificateChainVerifier *m_verifier;
    LinkTimers m_timers;
    QTimer m_tick;
    qint64 m_startedMs = 0;
    qint64 m_lastSentMs = 0;
    qint64 m_lastReceivedMs = 0;
    QString m_id;
    QString m_reason;
    CertificateStatus m_certificate = CertificateStatus::None;
    QDateTime m_created;
    QDateTime m_lastActivity;
    qint64 m_stanzasIn = 0;
    qint64 m_stanzasOut = 0;
    std::deque<XmlElement> m_unacked;
    quint32 m_ackedCount = 0; // our stanzas the peer acknowledged (its last h)
    bool m_ackScheduled = false;
    bool m_verified = false;
    bool m_headerReceived = false;
    bool m_ready = false;
    bool m_finished = false;
};

} // namespace fedgate::engine
