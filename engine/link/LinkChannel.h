#pragma once

#include "LinkStream.h"

#include "engine/AssignedTlsIdentity.h"

#include "engine/s2s/SessionInfo.h"
#include "engine/xml/XmlElement.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>

#include <deque>

// The gateway's link towards one ordered list of edge pool members: the
// pools of a site's XMPP federation route, preferred first (see
// InternalLinkClient). One LinkStream is active at a time:
// - it connects to the targets in order and keeps the first that becomes
//   ready; when every target failed it waits (exponential backoff from
//   retryInitialMs, doubling up to retryMaxMs) and starts again from the top;
// - while the active target is not the preferred one it probes the better
//   ones on the same backoff and moves back as soon as one is ready;
// - stanzas sent while no link is ready are queued (at most queueLimit, the
//   next one is undeliverable with resource-constraint) and flushed in order
//   once a link is ready; a stanza queued for the establishment timeout is
//   undeliverable with remote-server-timeout. What a link that ended had
//   sent but the edge had not acknowledged goes back to the head of the
//   queue.
namespace fedgate::engine {

class CertificateChainVerifier;

struct LinkTarget
{
    QString pool;    // the edge pool FQDN its certificate must name
    QString address; // a member's internal address
    quint16 port = 23456;
    bool operator==(const LinkTarget &) const = default;
};

struct LinkChannelSettings
{
    QString localPool; // our front-end pool FQDN (the stream's 'from')
    // The address connections leave from; null = the system's choice.
    QHostAddress sourceAddress;
    LinkTimers timers;
    qint64 maxStanzaSize = 512 * 1024;
    int queueLimit = 1000;
    int retryInitialMs = 1000;
    int retryMaxMs = 30000;
    int connectTimeoutMs = 10000; // per attempt, at most the establishment timeout
};

class LinkChannel : public QObject
{
    Q_OBJECT
public:
    LinkChannel(QString name, LinkChannelSettings settings, QSslConfiguration tls,
                const CertificateChainVerifier *verifier, QObject *parent = nullptr);
    ~LinkChannel() override;

    QString name() const { return m_name; }
    // Priority order, preferred first. Starts connecting if not connected;
    // an active link to a target no longer listed is closed.
    void setTargets(const QList<LinkTarget> &targets);
    void setSettings(const LinkChannelSettings &settings);
    void send(const XmlElement &stanza);
    void stop();
    // SIGHUP: the certificate the next connection presents (a connected
    // link keeps the one it started with).
    void setTlsIdentity(const TlsIdentity &identity) { identity.applyTo(m_tls); }

    bool isReady() const;
    int queued() const { return int(m_queue.size()); }
    QList<SessionInfo> sessions() const;

signals:
    void stanzaReceived(const fedgate::engine::XmlElement &stanza);
    void undeliverable(const fedgate::engine::XmlElement &stanza, const QString &condition);
    void sessionsChanged();

private:
    struct Queued
    {
        XmlElement stanza;
        qint64 sinceMs;
    };

    void attempt(int index);
    void onAttemptReady();
    void onAttemptFinished(const QString &reason);
    void onActiveFinished(const QString &reason);
    void scheduleRetry();
    void flush();
    void expire();
    void requeue(LinkStream *link);
    LinkStream *open(const LinkTarget &target);

    QString m_name;
    LinkChannelSettings m_settings;
    QSslConfiguration m_tls;
    const CertificateChainVerifier *m_verifier;
    QList<LinkTarget> m_targets;
    LinkStream *m_active = nullptr;
    int m_activeIndex = -1;
    LinkStream *m_attempt = nullptr;
    int m_attemptIndex = -1;
    QList<LinkStream *> m_closing;
    std::deque<Queued> m_queue;
    QTimer m_retry;
    QTimer m_expiry;
    int m_delayMs = 0;
    bool m_stopped = false;
};

} // namespace fedgate::engine
