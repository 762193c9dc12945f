#pragma once

#include "S2SSession.h"
#include "SrvResolver.h"

#include <QHash>
#include <QList>

#include <functional>

// Our stream to a partner (RFC 6120 as the initiating entity) for one pair
// of domains: resolve, connect to each target in order, STARTTLS, then SASL
// EXTERNAL or dialback as the partner's settings allow. Stanzas wait in a
// bounded queue while it connects; failed attempts are retried with backoff
// and, when the budget is spent, every queued stanza is bounced with an
// error. It also carries db:verify requests for inbound dialback.
namespace fedgate::engine {

class OutboundSession : public S2SSession
{
    Q_OBJECT
public:
    OutboundSession(Engine *engine, const QString &localDomain, const QString &remoteDomain,
                    QObject *parent = nullptr);

    void start();
    // Queues or sends. Returns false when the queue is full (the caller bounces).
    bool enqueue(const XmlElement &stanza);
    // Asks the remote (authoritative) server whether `key` is genuine for a
    // stream it opened to us (XEP-0220 db:verify). `done(valid?)`; nullopt
    // when the server could not be asked.
    void verifyDialback(const QString &streamId, const QString &key,
                        std::function<void(std::optional<bool>)> done);
    bool permittedBy(const FederationPolicy &policy) const override;
    // Gave up (stanzas bounced); closing. The engine starts a fresh session
    // for new traffic instead of queueing on this one.
    bool hasFailed() const { return m_phase == Phase::Failed; }

signals:
    // Each step for `fedgatectl ping`: "dns", "connect", "tls", "dane", "auth".
    void progress(const QString &step, const QString &detail);
    void failed(const QString &reason);

private:
    enum class Phase
    {
        Idle,
        Resolving,
        Connecting,
        AwaitFeatures,
        TlsHandshake,
        Authenticating,
        Established,
        Failed
    };
    enum class FailureKind
    {
        NotFound,
        Timeout,
        Policy
    };

    void tryNextTarget();
    void onConnected();
    void onEncrypted() override;
    void checkDane(const QByteArray &leafDer); // partners with DANE on
    void finishTls();
    void onHeader(const XmlElement &header) override;
    void onElement(const XmlElement &element) override;
    void onFeatures(const XmlElement &features);
    void startDialback();
    void onBidiStanza(const XmlElement &stanza); // XEP-0288
    void sendPendingVerifies();
    void attemptFailed(FailureKind kind, const QString &reason);
    void giveUp(FailureKind kind, const QString &reason);
    void flushQueue();
    QList<XmlElement> takeQueue(); // empties the queue
    void onStreamGone() override;
    void onDisconnected() override;
    void onEstablishmentTimeout() override;
    void dropStream();
    void failPendingVerifies();
    void startTlsClient();
    bool remoteCertificateAcceptable() const;

    QString m_remoteStreamId;
    QList<ConnectTarget> m_targets;
    qsizetype m_targetIndex = 0;
    int m_attempt = 0;
    Phase m_phase = Phase::Idle;
    bool m_saslDone = false;
    bool m_dialbackSent = false;
    bool m_bidi = false;     // XEP-0288 requested on this stream
    quint64 m_daneCheck = 0; // the DANE lookup in flight, for this stream only
    FailureKind m_lastFailure = FailureKind::NotFound;
    QList<XmlElement> m_queue;
    qint64 m_queuedBytes = 0; // serialized size of m_queue
    struct PendingVerify
    {
        QString streamId;
        QString key;
        std::function<void(std::optional<bool>)> done;
        bool sent = false;
    };
    QList<PendingVerify> m_verifies;
    QTimer m_retryTimer;
    QTimer m_connectTimer;
    QTimer m_keepAliveTimer;
};

} // namespace fedgate::engine
