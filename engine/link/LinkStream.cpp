#include "LinkStream.h"

#include "engine/s2s/InactivityDeadline.h"
#include "engine/s2s/XmppStream.h"
#include "engine/tls/CertificateChainVerifier.h"
#include "engine/tls/ServerIdentityVerifier.h"
#include "engine/xml/Namespaces.h"
#include "engine/xml/PeerText.h"

#include <QSslSocket>
#include <QUuid>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <utility>

namespace fedgate::engine {

namespace {
bool isStanza(const XmlElement &element)
{
    return element.ns() == ns::kServer &&
           (element.name() == QLatin1String("message") ||
            element.name() == QLatin1String("presence") || element.name() == QLatin1String("iq"));
}
} // namespace

LinkStream::LinkStream(QSslSocket *socket, Side side, QString localName, QString expectedPeer,
                       const CertificateChainVerifier *verifier, LinkTimers timers,
                       qint64 maxStanzaSize, QObject *parent)
    : QObject(parent)
    , m_stream(new XmppStream(socket, maxStanzaSize, this))
    , m_side(side)
    , m_localName(std::move(localName))
    , m_expectedPeer(std::move(expectedPeer))
    , m_verifier(verifier)
    , m_timers(timers)
    , m_created(QDateTime::currentDateTimeUtc())
    , m_lastActivity(m_created)
{
    m_id = (side == Side::Edge ? QStringLiteral("link-in-") : QStringLiteral("link-out-")) +
           QUuid::createUuid().toString(QUuid::Id128).left(8);
    m_startedMs = m_lastSentMs = m_lastReceivedMs = InactivityDeadline::nowMs();
    connect(socket, &QSslSocket::encrypted, this, &LinkStream::onEncrypted);
    connect(m_stream, &XmppStream::headerReceived, this, &LinkStream::onHeader);
    connect(m_stream, &XmppStream::elementReceived, this, &LinkStream::onElement);
    connect(m_stream, &XmppStream::whitespaceReceived, this,
            [this] { m_lastReceivedMs = InactivityDeadline::nowMs(); });
    connect(m_stream, &XmppStream::disconnected, this, [this] {
        if (m_reason.isEmpty())
            m_reason = m_stream->closeReason();
        m_tick.stop();
        m_ready = false;
        if (!m_finished) {
            m_finished = true;
            emit finished(m_reason);
        }
    });
    const int smallest =
        std::min({m_timers.keepAliveMs, m_timers.inactivityMs, m_timers.establishMs});
    m_tick.setInterval(std::clamp(smallest / 4, 25, 30000));
    connect(&m_tick, &QTimer::timeout, this, &LinkStream::onTick);
    m_tick.start();
}

LinkStream::~LinkStream() = default;

void LinkStream::acceptEncrypted()
{
    m_stream->socket()->startServerEncryption();
}

void LinkStream::connectEncrypted(const QString &address, quint16 port)
{
    // The name is checked after the handshake (onEncrypted), against the
    // edge pool FQDN, whatever address the pool member has.
    m_stream->socket()->connectToHostEncrypted(address, port, m_expectedPeer);
}

QString LinkStream::remoteEndpoint() const
{
    return m_stream->remoteEndpoint();
}

void LinkStream::onEncrypted()
{
    const QList<QByteArray> chain = m_stream->peerCertificateChainDer();
    QString detail;
    m_certificate = m_verifier->verify(chain, &detail);
    const QString who = m_side == Side::Edge ? QStringLiteral("gateway") : QStringLiteral("edge");
    if (chain.isEmpty())
        return refuse(QStringLiteral("the %1 presented no certificate").arg(who));
    const QString presented =
        ServerIdentityVerifier::presentedIdentities(chain.first()).join(QStringLiteral(", "));
    if (m_certificate != CertificateStatus::Valid)
        return refuse(QStringLiteral("the %1 certificate (%2) is %3 for the link's trust anchors%4")
                          .arg(who, presented, toString(m_certificate),
                               detail.isEmpty() ? QString() : QStringLiteral(": ") + detail));
    if (m_expectedPeer.isEmpty())
        return refuse(QStringLiteral("the topology names no front-end pool as this edge pool's "
                                     "next hop, so no gateway may connect (certificate %1)")
                          .arg(presented));
    if (!ServerIdentityVerifier::certificateNamesDomain(chain.first(), m_expectedPeer)) {
        m_certificate = CertificateStatus::Mismatch;
        return refuse(
            m_side == Side::Edge
                ? QStringLiteral("the gateway certificate names %1, not %2, the front-end pool "
                                 "the topology names as this edge pool's next hop")
                      .arg(presented, m_expectedPeer)
                : QStringLiteral("the edge certificate names %1, not the edge pool %2")
                      .arg(presented, m_expectedPeer));
    }
    m_verified = true;
    if (m_side == Side::Gateway)
        m_stream->sendHeader(m_localName, m_expectedPeer, {});
}

void LinkStream::onHeader(const XmlElement &header)
{
    m_lastReceivedMs = InactivityDeadline::nowMs();
    if (m_headerReceived)
        return fail(QStringLiteral("a second stream header"));
    m_headerReceived = true;
    if (m_side == Side::Gateway)
        return;      // <ready/> or a stream error follows
    if (!m_verified) // the handshake finished with a refusal already on its way
        return;
    Q_UNUSED(header);
    m_stream->setStreamId(m_id);
    m_stream->sendHeader(m_localName, m_expectedPeer, m_id);
    m_stream->send(XmlElement(QStringLiteral("ready"), kLinkNamespace));
    markReady();
}

void LinkStream::onElement(const XmlElement &element)
{
    m_lastReceivedMs = InactivityDeadline::nowMs();
    m_lastActivity = QDateTime::currentDateTimeUtc();
    if (element.is(QStringLiteral("error"), ns::kStreams)) {
        m_reason = m_stream->closeReason();
        return; // the closing tag follows; XmppStream closes
    }
    if (m_side == Side::Gateway && !m_ready &&
        element.is(QStringLiteral("ready"), kLinkNamespace)) {
        if (m_verified && m_headerReceived)
            markReady();
        return;
    }
    if (m_ready && element.is(QStringLiteral("a"), kLinkNamespace))
        return onAck(element);
    if (!m_ready || !isStanza(element)) {
        m_stream->closeWithError(StreamErrorCondition::UnsupportedStanzaType,
                                 QStringLiteral("The internal link carries message, presence and "
                                                "iq stanzas once it is ready."),
                                 m_localName);
        m_reason = QStringLiteral("the peer sent <%1/> in '%2'%3")
                       .arg(boundedPeerText(element.name()), boundedPeerText(element.ns()),
                            m_ready ? QString() : QStringLiteral(" before the link was ready"));
        return;
    }
    ++m_stanzasIn;
    if (!m_ackScheduled) {
        // One acknowledgement for everything this read brought.
        m_ackScheduled = true;
        QMetaObject::invokeMethod(this, &LinkStream::sendAck, Qt::QueuedConnection);
    }
    emit stanzaReceived(element);
}

void LinkStream::sendAck()
{
    m_ackScheduled = false;
    if (!m_ready || m_stream->isClosing())
        return;
    XmlElement ack(QStringLiteral("a"), kLinkNamespace);
    ack.setAttribute(QStringLiteral("h"), QString::number(quint32(m_stanzasIn)));
    m_stream->send(ack);
    m_lastSentMs = InactivityDeadline::nowMs();
}

void LinkStream::onAck(const XmlElement &ack)
{
    bool ok = false;
    const quint32 h = ack.attribute(QStringLiteral("h")).toUInt(&ok);
    const quint32 newlyAcked = h - m_ackedCount; // modulo 2^32
    if (!ok || newlyAcked > m_unacked.size()) {
        m_stream->closeWithError(StreamErrorCondition::UndefinedCondition,
                                 QStringLiteral("Acknowledged more stanzas than were sent."),
                                 m_localName);
        m_reason = QStringLiteral("the peer acknowledged %1 stanzas, %2 were unacknowledged")
                       .arg(boundedPeerText(ack.attribute(QStringLiteral("h"))))
                       .arg(m_unacked.size());
        return;
    }
    m_unacked.erase(m_unacked.begin(), m_unacked.begin() + newlyAcked);
    m_ackedCount = h;
}

std::deque<XmlElement> LinkStream::takeUnacknowledged()
{
    return std::exchange(m_unacked, {});
}

void LinkStream::markReady()
{
    m_ready = true;
    spdlog::info("internal link {} with {} ({}) ready: {} {}", m_id.toStdString(),
                 m_expectedPeer.toStdString(), remoteEndpoint().toStdString(),
                 m_stream->tlsVersion().toStdString(), m_stream->tlsCipher().toStdString());
    emit ready();
}

bool LinkStream::send(const XmlElement &stanza)
{
    if (!m_ready || m_stream->isClosing())
        return false;
    if (int(m_unacked.size()) >= kMaxUnacknowledged) {
        close(QStringLiteral("%1 stanzas unacknowledged: the peer is not keeping up")
                  .arg(m_unacked.size()));
        return false;
    }
    m_stream->send(stanza);
    if (m_stream->isClosing()) // the send found the connection gone or over the bound
        return false;
    m_unacked.push_back(stanza);
    ++m_stanzasOut;
    m_lastSentMs = InactivityDeadline::nowMs();
    m_lastActivity = QDateTime::currentDateTimeUtc();
    return true;
}

void LinkStream::onTick()
{
    const qint64 now = InactivityDeadline::nowMs();
    if (!m_ready) {
        if (now - m_startedMs >= m_timers.establishMs)
            fail(QStringLiteral("not established within %1 ms").arg(m_timers.establishMs));
        return;
    }
    if (now - m_lastReceivedMs >= m_timers.inactivityMs) {
        close(QStringLiteral("nothing received for %1 ms (inactivity timeout)")
                  .arg(m_timers.inactivityMs));
        return;
    }
    if (now - m_lastSentMs >= m_timers.keepAliveMs) {
        m_stream->sendRaw(" ");
        m_lastSentMs = now;
    }
}

void LinkStream::refuse(const QString &reason)
{
    m_reason = QStringLiteral("refused: ") + reason;
    spdlog::warn("internal link {} from {}: {}", m_id.toStdString(), remoteEndpoint().toStdString(),
                 m_reason.toStdString());
    m_ready = false;
    // The edge tells the gateway why; the gateway just leaves.
    if (m_side == Side::Edge)
        m_stream->closeWithError(StreamErrorCondition::NotAuthorized, reason, m_localName);
    else
        m_stream->close();
}

void LinkStream::fail(const QString &reason)
{
    if (m_reason.isEmpty())
        m_reason = reason;
    m_ready = false;
    if (m_stream->headerSent())
        m_stream->closeWithError(StreamErrorCondition::ConnectionTimeout, reason, m_localName);
    else
        m_stream->socket()->abort();
    // An aborted socket that never connected reports nothing more.
    if (m_stream->socket() && m_stream->socket()->state() == QAbstractSocket::UnconnectedState &&
        !m_finished) {
        m_finished = true;
        m_tick.stop();
        emit finished(m_reason);
    }
}

void LinkStream::close(const QString &reason)
{
    if (m_reason.isEmpty())
        m_reason = reason;
    m_ready = false;
    m_stream->close();
}

SessionInfo LinkStream::info() const
{
    SessionInfo s;
    s.id = m_id;
    s.kind = QStringLiteral("link");
    s.direction = m_side == Side::Edge ? SessionDirection::Inbound : SessionDirection::Outbound;
    s.localDomain = m_localName;
    s.remoteDomain = m_expectedPeer;
    s.remoteAddress = remoteEndpoint();
    s.tlsVersion = m_stream->tlsVersion();
    s.tlsCipher = m_stream->tlsCipher();
    s.auth = m_verified ? AuthStatus::MutualTls : AuthStatus::None;
    s.certificate = m_certificate;
    s.created = m_created;
    s.lastActivity = m_lastActivity;
    s.stanzasIn = m_stanzasIn;
    s.stanzasOut = m_stanzasOut;
    s.state = m_finished              ? QStringLiteral("closed")
              : m_ready               ? QStringLiteral("established")
              : m_stream->isClosing() ? QStringLiteral("closing")
                                      : QStringLiteral("negotiating");
    return s;
}

} // namespace fedgate::engine
