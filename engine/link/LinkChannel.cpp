#include "LinkChannel.h"

#include "engine/s2s/InactivityDeadline.h"

#include <QSslSocket>

#include <spdlog/spdlog.h>

#include <algorithm>

namespace fedgate::engine {

LinkChannel::LinkChannel(QString name, LinkChannelSettings settings, QSslConfiguration tls,
                         const CertificateChainVerifier *verifier, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
    , m_settings(std::move(settings))
    , m_tls(std::move(tls))
    , m_verifier(verifier)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, [this] {
        if (!m_attempt && !m_stopped)
            attempt(0);
    });
    connect(&m_expiry, &QTimer::timeout, this, &LinkChannel::expire);
}

LinkChannel::~LinkChannel() = default;

void LinkChannel::setSettings(const LinkChannelSettings &settings)
{
    m_settings = settings;
}

void LinkChannel::setTargets(const QList<LinkTarget> &targets)
{
    const LinkTarget activeTarget =
        m_active && m_activeIndex >= 0 ? m_targets.value(m_activeIndex) : LinkTarget{};
    m_targets = targets;
    if (m_active) {
        m_activeIndex = int(m_targets.indexOf(activeTarget));
        if (m_activeIndex < 0) {
            m_active->close(
                QStringLiteral("the topology no longer routes through %1").arg(activeTarget.pool));
            return; // onActiveFinished reconnects
        }
        if (m_activeIndex > 0 && !m_retry.isActive() && !m_attempt)
            scheduleRetry();
        return;
    }
    if (!m_attempt && !m_stopped) {
        m_retry.stop();
        attempt(0);
    }
}

LinkStream *LinkChannel::open(const LinkTarget &target)
{
    auto *socket = new QSslSocket;
    socket->setSslConfiguration(m_tls);
    LinkTimers timers = m_settings.timers;
    timers.establishMs = std::min(timers.establishMs, m_settings.connectTimeoutMs);
    auto *link = new LinkStream(socket, LinkStream::Side::Gateway, m_settings.localPool,
                                target.pool, m_verifier, timers, m_settings.maxStanzaSize, this);
    connect(link, &LinkStream::stanzaReceived, this, &LinkChannel::stanzaReceived);
    connect(link, &LinkStream::ready, this, [this, link] {
        if (link == m_attempt)
            onAttemptReady();
    });
    connect(link, &LinkStream::finished, this, [this, link](const QString &reason) {
        if (link == m_attempt) {
            onAttemptFinished(reason);
        } else if (link == m_active) {
            onActiveFinished(reason);
        } else {
            requeue(link); // a link we moved away from: sent again on the active one
            flush();
            m_closing.removeOne(link);
            link->deleteLater();
            emit sessionsChanged();
        }
    });
    if (!m_settings.sourceAddress.isNull() && !socket->bind(m_settings.sourceAddress, 0))
        spdlog::warn("internal link ({}): cannot leave from {} ({}); the system chooses",
                     m_name.toStdString(), m_settings.sourceAddress.toString().toStdString(),
                     socket->errorString().toStdString());
    link->connectEncrypted(target.address, target.port);
    return link;
}

void LinkChannel::attempt(int index)
{
    // A round ends at the end of the list, or, while a link is active, at
    // the active target (only better ones are probed).
    const int end = m_active ? m_activeIndex : int(m_targets.size());
    if (m_stopped || index >= end) {
        if (!m_stopped && (!m_active || m_activeIndex > 0))
            scheduleRetry();
        return;
    }
    m_attemptIndex = index;
    m_attempt = open(m_targets.at(index));
    emit sessionsChanged();
}

void LinkChannel::onAttemptReady()
{
    LinkStream *previous = m_active;
    const LinkTarget target = m_targets.value(m_attemptIndex);
    m_active = m_attempt;
    m_activeIndex = m_attemptIndex;
    m_attempt = nullptr;
    m_attemptIndex = -1;
    m_delayMs = 0;
    m_retry.stop();
    spdlog::info("internal link ({}): using edge pool {} at {}:{}{}", m_name.toStdString(),
                 target.pool.toStdString(), target.address.toStdString(), target.port,
                 m_activeIndex > 0 ? " (failover: a preferred pool is down)" : "");
    if (previous) {
        m_closing << previous;
        previous->close(QStringLiteral("moved to the preferred edge pool %1").arg(target.pool));
    }
    flush();
    if (m_activeIndex > 0)
        scheduleRetry();
    emit sessionsChanged();
}

void LinkChannel::onAttemptFinished(const QString &reason)
{
    const LinkTarget target = m_targets.value(m_attemptIndex);
    spdlog::warn("internal link ({}): edge pool {} at {}:{} not reached: {}", m_name.toStdString(),
                 target.pool.toStdString(), target.address.toStdString(), target.port,
                 reason.toStdString());
    m_attempt->deleteLater();
    m_attempt = nullptr;
    const int next = m_attemptIndex + 1;
    m_attemptIndex = -1;
    attempt(next);
    emit sessionsChanged();
}

void LinkChannel::onActiveFinished(const QString &reason)
{
    spdlog::warn("internal link ({}): the link to edge pool {} closed: {}; {} stanza(s) queued",
                 m_name.toStdString(), m_targets.value(m_activeIndex).pool.toStdString(),
                 reason.toStdString(), m_queue.size());
    requeue(m_active);
    m_active->deleteLater();
    m_active = nullptr;
    m_activeIndex = -1;
    if (!m_attempt && !m_stopped) {
        m_retry.stop();
        attempt(0);
    }
    emit sessionsChanged();
}

void LinkChannel::requeue(LinkStream *link)
{
    std::deque<XmlElement> unacked = link->takeUnacknowledged();
    if (unacked.empty())
        return;
    spdlog::info("internal link ({}): {} stanza(s) the edge did not acknowledge are sent again",
                 m_name.toStdString(), unacked.size());
    const qint64 now = InactivityDeadline::nowMs();
    for (auto it = unacked.rbegin(); it != unacked.rend(); ++it)
        m_queue.push_front({std::move(*it), now});
    if (!m_expiry.isActive())
        m_expiry.start(std::clamp(m_settings.timers.establishMs / 10, 50, 1000));
}

void LinkChannel::scheduleRetry()
{
    m_delayMs =
        m_delayMs == 0 ? m_settings.retryInitialMs : std::min(m_delayMs * 2, m_settings.retryMaxMs);
    m_retry.start(m_delayMs);
}

bool LinkChannel::isReady() const
{
    return m_active && m_active->isReady();
}

void LinkChannel::send(const XmlElement &stanza)
{
    if (m_queue.empty() && isReady() && m_active->send(stanza))
        return;
    if (int(m_queue.size()) >= m_settings.queueLimit) {
        emit undeliverable(stanza, QStringLiteral("resource-constraint"));
        return;
    }
    m_queue.push_back({stanza, InactivityDeadline::nowMs()});
    if (!m_expiry.isActive())
        m_expiry.start(std::clamp(m_settings.timers.establishMs / 10, 50, 1000));
    if (!m_active && !m_attempt && !m_retry.isActive() && !m_stopped)
        attempt(0);
}

void LinkChannel::flush()
{
    while (!m_queue.empty() && isReady()) {
        if (!m_active->send(m_queue.front().stanza))
            break;
        m_queue.pop_front();
    }
    if (m_queue.empty())
        m_expiry.stop();
}

void LinkChannel::expire()
{
    const qint64 now = InactivityDeadline::nowMs();
    while (!m_queue.empty() && now - m_queue.front().sinceMs >= m_settings.timers.establishMs) {
        const XmlElement stanza = std::move(m_queue.front().stanza);
        m_queue.pop_front();
        emit undeliverable(stanza, QStringLiteral("remote-server-timeout"));
    }
    if (m_queue.empty())
        m_expiry.stop();
}

void LinkChannel::stop()
{
    m_stopped = true;
    m_retry.stop();
    m_expiry.stop();
    for (LinkStream *link : {m_active, m_attempt})
        if (link)
            link->close(QStringLiteral("the gateway is stopping"));
    while (!m_queue.empty()) {
        const XmlElement stanza = std::move(m_queue.front().stanza);
        m_queue.pop_front();
        emit undeliverable(stanza, QStringLiteral("service-unavailable"));
    }
}

QList<SessionInfo> LinkChannel::sessions() const
{
    QList<SessionInfo> rows;
    for (const LinkStream *link : {m_active, m_attempt})
        if (link)
            rows << link->info();
    for (const LinkStream *link : m_closing)
        rows << link->info();
    return rows;
}

} // namespace fedgate::engine
