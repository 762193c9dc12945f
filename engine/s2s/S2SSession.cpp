#include "S2SSession.h"

#include "engine/Engine.h"
#include "engine/SessionLoop.h"
#include "engine/xml/PeerText.h"

#include <QTimerEvent>

#include <spdlog/spdlog.h>

namespace fedgate::engine {

S2SSession::S2SSession(Engine *engine, SessionDirection direction, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_createdMs(InactivityDeadline::nowMs())
    , m_activity(qint64(std::max(1, engine->policy().gateway().streamInactivityTimeout)) * 1000,
                 m_createdMs)
{
    m_info.id = engine->newSessionId(direction);
    m_info.direction = direction;
    m_info.created = QDateTime::currentDateTimeUtc();
    m_info.lastActivity = m_info.created;
    m_info.state = QStringLiteral("connecting");
    const auto &gateway = engine->policy().gateway();
    m_establishmentMs = std::max(1, gateway.streamEstablishmentTimeout) * 1000;
    startEstablishmentTimer();
}

S2SSession::~S2SSession()
{
    // The stream is our child and goes after us: it must not call us then.
    if (m_stream)
        m_stream->setHandler(nullptr);
}

const SessionInfo &S2SSession::info() const
{
    m_info.lastActivity = m_info.created.addMSecs(m_activity.lastActivityMs() - m_createdMs);
    return m_info;
}

void S2SSession::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_establishmentTimer.timerId()) {
        m_establishmentTimer.stop(); // single shot
        onEstablishmentTimeout();
        return;
    }
    if (event->timerId() != m_inactivityTimer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    // Armed for the whole timeout at the last (re)arm; stanzas since then
    // only moved the deadline, so go on waiting for what is left of it.
    const qint64 left = m_activity.remainingMs(InactivityDeadline::nowMs());
    if (left > 0) {
        m_inactivityTimer.start(int(left), Qt::CoarseTimer, this);
        return;
    }
    m_inactivityTimer.stop();
    logEvent(QStringLiteral("idle for %1 s (StreamInactivityTimeout), closing")
                 .arg(m_activity.timeoutMs() / 1000));
    terminate(std::nullopt, {});
}

void S2SSession::attachNewStream(ByteStream *transport)
{
    const qint64 unauthenticatedLimit =
        std::min(m_engine->config().maxUnauthenticatedStanzaSize, m_engine->maxStanzaSize());
    // TCP_NODELAY: with Nagle, a small stanza waits for the ACK of the
    // previous one, which the peer delays (up to 40 ms) - a ping pipeline
    // then crawls. The option stays on the descriptor through STARTTLS.
    transport->setNoDelay();
    auto *stream = new XmppStream(transport, unauthenticatedLimit, this);
    stream->setMaxOutputBuffer(m_engine->config().maxOutputBuffer);
    attachStream(stream);
}

void S2SSession::attachStream(XmppStream *stream)
{
    m_stream = stream;
    m_stream->setParent(this);
    // Header, elements, whitespace and the end come to us by direct calls
    // (streamHeader() and the others), not four connections per session. A
    // peer that keeps an idle stream open with whitespace keep-alives (RFC
    // 6120 4.6.1) is active: StreamInactivityTimeout must not cut it.
    m_stream->setHandler(this);
    // Stream errors and the output bound go to the session's log through a
    // callback, not two more connections per session.
    m_stream->onWarning = [this](const QString &warning) { logWarning(warning); };
}

void S2SSession::onDisconnected()
{
    logEvent(QStringLiteral("closed: %1").arg(m_stream->closeReason()));
    onStreamGone();
    finish();
}

void S2SSession::onEstablishmentTimeout()
{
    logWarning(QStringLiteral("stream not established within %1 s (StreamEstablishmentTimeout)")
                   .arg(m_establishmentMs / 1000));
    terminate(StreamErrorCondition::ConnectionTimeout,
              QStringLiteral("Stream establishment timed out."));
}

void S2SSession::markEstablished(AuthStatus auth)
{
    m_info.auth = auth;
    m_info.state = QStringLiteral("established");
    if (m_stream)
        m_stream->setMaxStanzaSize(m_engine->maxStanzaSize());
    if (!m_established) {
        m_established = true;
        m_establishmentTimer.stop();
        touch();
        m_inactivityTimer.start(int(m_activity.timeoutMs()), Qt::CoarseTimer, this);
    }
    logEvent(QStringLiteral("established (%1, %2, certificate %3)")
                 .arg(toString(auth),
                      m_info.tlsVersion.isEmpty()
                          ? QStringLiteral("plain TCP")
                          : m_info.tlsVersion + QLatin1Char(' ') + m_info.tlsCipher,
                      toString(m_info.certificate)));
    onAuthenticated();
    if (m_loop)
        m_loop->onSessionAuthenticated(this);
    emit authenticated(this);
}

void S2SSession::recordTls()
{
    if (!m_stream)
        return;
    m_info.tlsVersion = m_stream->tlsVersion();
    m_info.tlsCipher = m_stream->tlsCipher();
}

void S2SSession::logEvent(const QString &what) const
{
    spdlog::info("s2s {} {} {} {} {}: {}", m_info.id.toStdString(),
                 toString(m_info.direction).toStdString(),
                 m_info.localDomain.isEmpty() ? "-" : m_info.localDomain.toStdString(),
                 m_info.remoteDomain.isEmpty() ? "-" : m_info.remoteDomain.toStdString(),
                 m_info.remoteAddress.toStdString(), what.toStdString());
}

void S2SSession::logWarning(const QString &what) const
{
    spdlog::warn("s2s {} {} {} {} {}: {}", m_info.id.toStdString(),
                 toString(m_info.direction).toStdString(),
                 m_info.localDomain.isEmpty() ? "-" : m_info.localDomain.toStdString(),
                 m_info.remoteDomain.isEmpty() ? "-" : m_info.remoteDomain.toStdString(),
                 m_info.remoteAddress.toStdString(), what.toStdString());
}

void S2SSession::terminate(std::optional<StreamErrorCondition> condition, const QString &text)
{
    m_info.state = QStringLiteral("closing");
    m_establishmentTimer.stop();
    m_inactivityTimer.stop();
    if (!m_stream || !m_stream->transport() || m_stream->transport()->isUnconnected()) {
        onStreamGone();
        finish();
        return;
    }
    if (condition)
        m_stream->closeWithError(*condition, text, m_info.localDomain);
    else
        m_stream->close();
}

bool S2SSession::acceptStanzaName(const XmlElement &stanza)
{
    const QString name = stanza.name();
    if (name == QLatin1String("message") || name == QLatin1String("presence") ||
        name == QLatin1String("iq"))
        return true;
    m_stream->closeWithError(StreamErrorCondition::UnsupportedStanzaType,
                             QStringLiteral("<%1/> is not a stanza.").arg(boundedPeerText(name)),
                             m_info.localDomain);
    return false;
}

void S2SSession::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_establishmentTimer.stop();
    m_inactivityTimer.stop();
    if (m_loop) // it deletes us later, not now
        m_loop->onSessionFinished(this);
    emit finished(this);
}

} // namespace fedgate::engine
