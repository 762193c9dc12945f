#include "OutboundSession.h"

#include "DaneCheck.h"
#include "FederationPolicy.h"
#include "S2STransport.h"
#include "engine/Engine.h"
#include "engine/dialback/DialbackKey.h"
#include "engine/tls/ServerIdentityVerifier.h"
#include "engine/xml/Namespaces.h"
#include "engine/xml/PeerText.h"
#include "engine/xmpp/Jid.h"

namespace fedgate::engine {

OutboundSession::OutboundSession(Engine *engine, const QString &localDomain,
                                 const QString &remoteDomain, QObject *parent)
    : S2SSession(engine, SessionDirection::Outbound, parent)
{
    m_info.localDomain = localDomain.toLower();
    m_info.remoteDomain = remoteDomain.toLower();
    m_establishmentTimer.stop(); // runs per connection attempt
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &OutboundSession::start);
    m_connectTimer.setSingleShot(true);
    m_connectTimer.setInterval(engine->config().connectTimeoutMs);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        emit progress(QStringLiteral("connect"), QStringLiteral("%1: no answer within %2 ms")
                                                     .arg(m_targets.value(m_targetIndex).describe())
                                                     .arg(m_connectTimer.interval()));
        m_lastFailure = FailureKind::Timeout;
        dropStream();
        ++m_targetIndex;
        tryNextTarget();
    });
    const topology::XmppPartner *partner = engine->policy().partner(remoteDomain);
    if (partner && partner->keepAlive) {
        m_keepAliveTimer.setInterval(std::max(1, engine->policy().gateway().keepAliveInterval) *
                                     1000);
        connect(&m_keepAliveTimer, &QTimer::timeout, this, [this] {
            if (m_stream && m_phase == Phase::Established)
                m_stream->sendRaw(" "); // RFC 6120 4.6.1 whitespace keep-alive
        });
    }
}

bool OutboundSession::permittedBy(const FederationPolicy &policy) const
{
    if (!policy.partner(m_info.remoteDomain) || !policy.isLocalDomain(m_info.localDomain))
        return false;
    const TlsState tls =
        m_stream && m_stream->isEncrypted() ? TlsState::Encrypted : TlsState::Plain;
    if (m_phase != Phase::Established)
        return true;
    if (policy.requireTls(m_info.remoteDomain) && tls == TlsState::Plain)
        return false;
    if (m_info.auth == AuthStatus::SaslExternal)
        return policy.allowsSasl(m_info.remoteDomain);
    if (m_info.auth == AuthStatus::Dialback)
        return policy.allowsDialback(m_info.remoteDomain, tls);
    return true;
}

void OutboundSession::start()
{
    if (m_phase == Phase::Established || m_phase == Phase::Failed)
        return;
    m_phase = Phase::Resolving;
    m_info.state = QStringLiteral("connecting");
    QPointer<OutboundSession> self(this);
    m_engine->resolver()->resolve(
        m_info.remoteDomain, [self](const QList<ConnectTarget> &targets, const QString &detail) {
            if (!self || self->m_phase != Phase::Resolving)
                return;
            QStringList list;
            for (const ConnectTarget &t : targets)
                list << t.describe();
            emit self->progress(QStringLiteral("dns"),
                                detail + (list.isEmpty() ? QString()
                                                         : QStringLiteral(" -> targets: ") +
                                                               list.join(QStringLiteral(", "))));
            if (targets.isEmpty()) {
                self->attemptFailed(FailureKind::NotFound,
                                    QStringLiteral("DNS gives no server for '%1' (%2)")
                                        .arg(self->m_info.remoteDomain, detail));
                return;
            }
            self->m_targets = targets;
            self->m_targetIndex = 0;
            self->m_lastFailure = FailureKind::NotFound;
            self->tryNextTarget();
        });
}

bool OutboundSession::enqueue(const XmlElement &stanza)
{
    if (m_phase == Phase::Established && m_stream) {
        m_stream->send(stanza);
        ++m_info.stanzasOut;
        touch();
        return true;
    }
    if (m_queue.size() >= m_engine->config().outboundQueueLimit)
        return false;
    // In bytes too: at most half the output bound (but always one stanza),
    // so that flushing the queue on the fresh stream stays under the bound.
    const qint64 bytes = stanza.toXml(ns::kServer).size();
    if (!m_queue.isEmpty() && m_queuedBytes + bytes > m_engine->config().maxOutputBuffer / 2)
        return false;
    m_queuedBytes += bytes;
    m_queue.append(stanza);
    if (m_phase == Phase::Idle && !m_retryTimer.isActive())
        start();
    return true;
}

void OutboundSession::verifyDialback(const QString &streamId, const QString &key,
                                     std::function<void(std::optional<bool>)> done)
{
    if (m_phase == Phase::Failed) {
        done(std::nullopt);
        return;
    }
    m_verifies.append(PendingVerify{streamId, key, std::move(done), false});
    if (m_phase == Phase::Established || m_phase == Phase::Authenticating)
        sendPendingVerifies();
    else if (m_phase == Phase::Idle && !m_retryTimer.isActive())
        start();
}

void OutboundSession::failPendingVerifies()
{
    auto verifies = std::exchange(m_verifies, {});
    for (PendingVerify &v : verifies)
        v.done(std::nullopt);
}

void OutboundSession::dropStream()
{
    m_connectTimer.stop();
    ++m_daneCheck;
    if (!m_stream)
        return;
    XmppStream *old = m_stream;
    m_stream = nullptr;
    old->disconnect(this);
    old->setHandler(nullptr);
    if (old->transport())
        old->transport()->disconnect(this);
    old->deleteLater();
}

void OutboundSession::tryNextTarget()
{
    if (m_targetIndex >= m_targets.size()) {
        attemptFailed(
            m_lastFailure,
            QStringLiteral("no server of '%1' could be reached").arg(m_info.remoteDomain));
        return;
    }
    const ConnectTarget target = m_targets.at(m_targetIndex);
    if (target.address.isNull() && m_engine->resolver()->hasNameserver()) {
        // --dns-server: the target's address comes from that server too, not
        // from the system resolver (which may not know the name at all).
        m_phase = Phase::Resolving;
        const qsizetype index = m_targetIndex;
        const QString server = m_engine->config().dnsServer.toString();
        QPointer<OutboundSession> self(this);
        m_engine->resolver()->resolveAddresses(
            target.host,
            [self, index, server](const QList<QHostAddress> &addresses, const QString &detail) {
                if (!self || self->m_phase != Phase::Resolving || self->m_targetIndex != index)
                    return;
                emit self->progress(QStringLiteral("dns"), detail);
                if (addresses.isEmpty()) {
                    self->m_lastFailure = FailureKind::NotFound;
                    ++self->m_targetIndex;
                    self->tryNextTarget();
                    return;
                }
                ConnectTarget &resolved = self->m_targets[index];
                resolved.address = addresses.first();
                resolved.addressOrigin = QStringLiteral("DNS server %1").arg(server);
                self->tryNextTarget();
            });
        return;
    }
    m_phase = Phase::Connecting;
    ByteStream *transport = newS2SStream();
    transport->setTlsConfiguration(m_engine->tlsConfiguration());
    transport->setPeerName(m_info.remoteDomain);
    attachNewStream(transport);
    connect(transport, &ByteStream::connected, this, &OutboundSession::onConnected);
    m_connectTimer.start();
    startEstablishmentTimer();
    const QString host = target.address.isNull() ? target.host : target.address.toString();
    if (target.directTls)
        transport->connectToHostEncrypted(host, target.port, m_info.remoteDomain);
    else
        transport->connectToHost(host, target.port);
}

void OutboundSession::onConnected()
{
    m_connectTimer.stop();
    m_info.remoteAddress = m_stream->remoteEndpoint();
    emit progress(QStringLiteral("connect"),
                  QStringLiteral("connected to %1 (%2)")
                      .arg(m_info.remoteAddress, m_targets.value(m_targetIndex).describe()));
    logEvent(QStringLiteral("connected"));
    m_phase = Phase::AwaitFeatures;
    m_info.state = QStringLiteral("negotiating");
    if (!m_targets.value(m_targetIndex).directTls)
        m_stream->sendHeader(m_info.localDomain, m_info.remoteDomain, {});
}

void OutboundSession::onEncrypted()
{
    recordTls();
    QString detail;
    m_info.certificate = m_engine->certificateStatus(m_stream->peerCertificateChainDer(), &detail);
    const auto chain = m_stream->peerCertificateChainDer();
    if (m_info.certificate == CertificateStatus::Valid &&
        (chain.isEmpty() ||
         !ServerIdentityVerifier::certificateNamesDomain(chain.first(), m_info.remoteDomain)))
        m_info.certificate = CertificateStatus::Mismatch;
    const topology::XmppPartner *partner = m_engine->policy().partner(m_info.remoteDomain);
    if (partner && partner->dane && !chain.isEmpty()) {
        checkDane(chain.first());
        return;
    }
    finishTls();
}

// RFC 7673: TLSA at _PORT._tcp.TARGET of the SRV target we connected to
// (its SRV records secure too), or of the domain itself when it has no SRV.
void OutboundSession::checkDane(const QByteArray &leafDer)
{
    const ConnectTarget target = m_targets.value(m_targetIndex);
    QPointer<OutboundSession> self(this);
    const quint64 check = ++m_daneCheck; // a verdict for an older stream is void
    m_engine->daneCheck()->check(
        m_info.remoteDomain, target, leafDer, [self, check](const DaneCheck::Result &r) {
            if (!self || self->m_daneCheck != check || !self->m_stream)
                return;
            emit self->progress(QStringLiteral("dane"), r.detail);
            if (r.verdict == DaneCheck::Verdict::Retry) {
                self->attemptFailed(FailureKind::Timeout, QStringLiteral("DANE: ") + r.detail);
                return;
            }
            if (r.verdict == DaneCheck::Verdict::Refused) {
                self->m_stream->closeWithError(
                    StreamErrorCondition::PolicyViolation,
                    QStringLiteral("Your certificate does not match your DANE TLSA records."),
                    self->m_info.localDomain);
                self->giveUp(FailureKind::Policy,
                             QStringLiteral("DANE refuses the certificate of '%1': %2")
                                 .arg(self->m_info.remoteDomain, r.detail));
                return;
            }
            if (r.verdict == DaneCheck::Verdict::Verified)
                self->m_info.certificate = CertificateStatus::Dane;
            self->logEvent(QStringLiteral("DANE: %1").arg(r.detail));
            self->finishTls();
        });
}

void OutboundSession::finishTls()
{
    const auto chain = m_stream->peerCertificateChainDer();
    const QString names =
        chain.isEmpty()
            ? QStringLiteral("none")
            : ServerIdentityVerifier::presentedIdentities(chain.first()).join(QLatin1Char(' '));
    emit progress(QStringLiteral("tls"), QStringLiteral("%1 %2, server certificate %3 (%4)")
                                             .arg(m_info.tlsVersion, m_info.tlsCipher,
                                                  toString(m_info.certificate), names));
    logEvent(QStringLiteral("TLS established (%1 %2), server certificate %3 [%4]")
                 .arg(m_info.tlsVersion, m_info.tlsCipher, toString(m_info.certificate), names));
    m_phase = Phase::AwaitFeatures;
    m_stream->sendHeader(m_info.localDomain, m_info.remoteDomain, {});
}

void OutboundSession::onHeader(const XmlElement &header)
{
    touch();
    m_remoteStreamId = header.attribute(QStringLiteral("id"));
}

bool OutboundSession::remoteCertificateAcceptable() const
{
    return m_info.certificate == CertificateStatus::Valid ||
           m_info.certificate == CertificateStatus::Dane;
}

void OutboundSession::startTlsClient()
{
    m_stream->restartParser();
    m_phase = Phase::TlsHandshake;
    m_stream->transport()->startClientEncryption();
}

void OutboundSession::onElement(const XmlElement &element)
{
    touch();
    const QString &nsUri = element.ns();
    const QString &name = element.name();
    if (nsUri == ns::kStreams && name == QLatin1String("features")) {
        onFeatures(element);
    } else if (nsUri == ns::kTls && name == QLatin1String("proceed")) {
        startTlsClient();
    } else if (nsUri == ns::kTls && name == QLatin1String("failure")) {
        giveUp(FailureKind::Policy, QStringLiteral("the server refused STARTTLS"));
    } else if (nsUri == ns::kSasl && name == QLatin1String("success")) {
        m_saslDone = true;
        m_stream->restartParser();
        m_stream->sendHeader(m_info.localDomain, m_info.remoteDomain, {});
    } else if (nsUri == ns::kSasl && name == QLatin1String("failure")) {
        const XmlElement *condition = element.firstChildElement();
        const QString why =
            condition ? boundedPeerText(condition->name()) : QStringLiteral("failure");
        if (m_engine->policy().allowsDialback(m_info.remoteDomain, TlsState::Encrypted)) {
            emit progress(QStringLiteral("auth"),
                          QStringLiteral("SASL EXTERNAL refused (%1), trying dialback").arg(why));
            startDialback();
        } else {
            giveUp(FailureKind::Policy,
                   QStringLiteral("the server refused SASL EXTERNAL (%1): it does not accept "
                                  "our certificate for '%2', and dialback is not allowed for "
                                  "this partner")
                       .arg(why, m_info.localDomain));
        }
    } else if (nsUri == ns::kDialback && name == QLatin1String("result")) {
        const QString type = element.attribute(QStringLiteral("type"));
        if (type == QLatin1String("valid")) {
            emit progress(QStringLiteral("auth"), QStringLiteral("dialback: key accepted"));
            m_phase = Phase::Established;
            markEstablished(AuthStatus::Dialback);
            m_keepAliveTimer.start();
            flushQueue();
        } else {
            giveUp(FailureKind::Policy,
                   QStringLiteral("the server refused our dialback key (type '%1')")
                       .arg(boundedPeerText(type)));
        }
    } else if (nsUri == ns::kDialback && name == QLatin1String("verify")) {
        const QString id = element.attribute(QStringLiteral("id"));
        const bool valid = element.attribute(QStringLiteral("type")) == QLatin1String("valid");
        for (qsizetype i = 0; i < m_verifies.size(); ++i) {
            if (m_verifies[i].sent && m_verifies[i].streamId == id) {
                auto done = std::move(m_verifies[i].done);
                m_verifies.removeAt(i);
                done(valid);
                break;
            }
        }
    } else if (nsUri == ns::kServer && m_bidi && m_phase == Phase::Established) {
        onBidiStanza(element);
    } else if (nsUri == ns::kServer) {
        // Stanzas belong on the partner's own stream to us unless it made
        // this one bidirectional (XEP-0288).
        m_stream->closeWithError(StreamErrorCondition::UnsupportedStanzaType,
                                 QStringLiteral("This stream is unidirectional."),
                                 m_info.localDomain);
    }
}

// XEP-0288: the partner's stanzas on our bidirectional stream, for the one
// pair authenticated on it in reverse (from its domain to ours); the same
// checks as an inbound stream's.
void OutboundSession::onBidiStanza(const XmlElement &stanza)
{
    if (!acceptStanzaName(stanza))
        return;
    const QString from = Jid::fromString(stanza.attribute(QStringLiteral("from"))).domain();
    const QString to = Jid::fromString(stanza.attribute(QStringLiteral("to"))).domain();
    if (from != m_info.remoteDomain || to != m_info.localDomain) {
        logWarning(QStringLiteral("bidirectional stream: stanza from '%1' to '%2' is not for "
                                  "the pair authenticated here")
                       .arg(boundedPeerText(from), boundedPeerText(to)));
        m_stream->closeWithError(from != m_info.remoteDomain ? StreamErrorCondition::InvalidFrom
                                                             : StreamErrorCondition::HostUnknown,
                                 QStringLiteral("Only stanzas from '%1' to '%2' may come back on "
                                                "this stream.")
                                     .arg(m_info.remoteDomain, m_info.localDomain),
                                 m_info.localDomain);
        return;
    }
    ++m_info.stanzasIn;
    m_engine->routeFromRemote(stanza, this);
}

void OutboundSession::onFeatures(const XmlElement &features)
{
    const FederationPolicy &policy = m_engine->policy();
    const QString &remote = m_info.remoteDomain;
    if (m_saslDone) {
        emit progress(QStringLiteral("auth"), QStringLiteral("SASL EXTERNAL succeeded"));
        m_phase = Phase::Established;
        markEstablished(AuthStatus::SaslExternal);
        m_keepAliveTimer.start();
        sendPendingVerifies();
        flushQueue();
        return;
    }
    const bool encrypted = m_stream->isEncrypted();
    const XmlElement *starttls = features.firstChild(QStringLiteral("starttls"), ns::kTls);
    if (!encrypted && starttls && policy.offerTls(remote) && m_engine->hasCertificate()) {
        m_stream->send(XmlElement(QStringLiteral("starttls"), ns::kTls));
        return;
    }
    if (!encrypted && policy.requireTls(remote)) {
        emit progress(QStringLiteral("tls"), QStringLiteral("the server offers no TLS"));
        m_stream->closeWithError(
            StreamErrorCondition::PolicyViolation,
            QStringLiteral("TLS is required for '%1' but was not offered.").arg(remote),
            m_info.localDomain);
        giveUp(FailureKind::Policy,
               QStringLiteral("TLS is required for partner '%1' but its server offers no TLS "
                              "(policy-violation)")
                   .arg(remote));
        return;
    }
    if (!encrypted)
        emit progress(QStringLiteral("tls"), QStringLiteral("plain TCP (TLS not negotiated for "
                                                            "this partner)"));
    // XEP-0288 2.2: before SASL or dialback, ask for a bidirectional stream
    // when offered, so that the partner answers on this connection.
    if (!m_bidi && features.firstChild(QStringLiteral("bidi"), ns::kBidiFeature)) {
        m_stream->send(XmlElement(QStringLiteral("bidi"), ns::kBidi));
        m_bidi = true;
        logEvent(QStringLiteral("bidirectional stream requested (XEP-0288)"));
    }
    m_phase = Phase::Authenticating;
    m_info.state = QStringLiteral("authenticating");
    sendPendingVerifies();
    bool externalOffered = false;
    if (const XmlElement *mechanisms = features.firstChild(QStringLiteral("mechanisms"), ns::kSasl))
        for (const XmlElement &m : mechanisms->children())
            if (m.text().trimmed() == QLatin1String("EXTERNAL"))
                externalOffered = true;
    const bool saslAllowed = encrypted && policy.allowsSasl(remote);
    const bool dialbackAllowed =
        policy.allowsDialback(remote, encrypted ? TlsState::Encrypted : TlsState::Plain);
    if (saslAllowed && externalOffered) {
        if (!remoteCertificateAcceptable() && !dialbackAllowed) {
            m_stream->closeWithError(
                StreamErrorCondition::PolicyViolation,
                QStringLiteral("Your certificate is not valid for '%1'.").arg(remote),
                m_info.localDomain);
            giveUp(FailureKind::Policy,
                   QStringLiteral("the server certificate is not valid for '%1' (%2)")
                       .arg(remote, toString(m_info.certificate)));
            return;
        }
        if (remoteCertificateAcceptable()) {
            XmlElement auth(QStringLiteral("auth"), ns::kSasl);
            auth.setAttribute(QStringLiteral("mechanism"), QStringLiteral("EXTERNAL"));
            auth.addText(QString::fromLatin1(m_info.localDomain.toUtf8().toBase64()));
            m_stream->send(auth);
            emit progress(QStringLiteral("auth"), QStringLiteral("SASL EXTERNAL requested"));
            return;
        }
    }
    if (dialbackAllowed) {
        startDialback();
        return;
    }
    const QString why =
        saslAllowed ? QStringLiteral("the server does not offer SASL EXTERNAL to us (it does not "
                                     "accept our certificate for '%1') and dialback is not "
                                     "allowed for this partner")
                          .arg(m_info.localDomain)
                    : QStringLiteral("no authentication method allowed for this partner is "
                                     "possible on this stream");
    m_stream->closeWithError(StreamErrorCondition::PolicyViolation, why, m_info.localDomain);
    giveUp(FailureKind::Policy, why);
}

void OutboundSession::startDialback()
{
    if (m_dialbackSent)
        return;
    m_dialbackSent = true;
    m_phase = Phase::Authenticating;
    XmlElement result(QStringLiteral("result"), ns::kDialback);
    result.setAttribute(QStringLiteral("from"), m_info.localDomain);
    result.setAttribute(QStringLiteral("to"), m_info.remoteDomain);
    result.addText(DialbackKey::generate(m_engine->policy().dialbackSecret(), m_info.remoteDomain,
                                         m_info.localDomain, m_remoteStreamId));
    m_stream->send(result);
    emit progress(QStringLiteral("auth"), QStringLiteral("dialback key sent, waiting for the "
                                                         "server to verify it"));
}

void OutboundSession::sendPendingVerifies()
{
    if (!m_stream)
        return;
    for (PendingVerify &v : m_verifies) {
        if (v.sent)
            continue;
        XmlElement verify(QStringLiteral("verify"), ns::kDialback);
        verify.setAttribute(QStringLiteral("from"), m_info.localDomain);
        verify.setAttribute(QStringLiteral("to"), m_info.remoteDomain);
        verify.setAttribute(QStringLiteral("id"), v.streamId);
        verify.addText(v.key);
        m_stream->send(verify);
        v.sent = true;
    }
}

QList<XmlElement> OutboundSession::takeQueue()
{
    m_queuedBytes = 0;
    return std::exchange(m_queue, {});
}

void OutboundSession::flushQueue()
{
    const QList<XmlElement> queued = takeQueue();
    for (const XmlElement &stanza : queued) {
        m_stream->send(stanza);
        ++m_info.stanzasOut;
    }
}

void OutboundSession::attemptFailed(FailureKind kind, const QString &reason)
{
    m_establishmentTimer.stop();
    dropStream();
    failPendingVerifies();
    if (m_attempt >= m_engine->config().retryAttempts) {
        giveUp(kind, reason);
        return;
    }
    ++m_attempt;
    const int delay = std::min(m_engine->config().retryInitialDelayMs << (m_attempt - 1),
                               m_engine->config().retryMaxDelayMs);
    m_phase = Phase::Idle;
    m_info.state = QStringLiteral("retrying");
    m_saslDone = false;
    m_dialbackSent = false;
    m_bidi = false;
    logWarning(QStringLiteral("%1; retry %2 of %3 in %4 ms")
                   .arg(reason)
                   .arg(m_attempt)
                   .arg(m_engine->config().retryAttempts)
                   .arg(delay));
    emit progress(QStringLiteral("retry"),
                  QStringLiteral("%1; retrying in %2 ms").arg(reason).arg(delay));
    m_retryTimer.start(delay);
}

void OutboundSession::giveUp(FailureKind kind, const QString &reason)
{
    if (m_phase == Phase::Failed)
        return;
    m_phase = Phase::Failed;
    m_retryTimer.stop();
    m_establishmentTimer.stop();
    logWarning(QStringLiteral("giving up: %1; bouncing %2 queued stanza(s)")
                   .arg(reason)
                   .arg(m_queue.size()));
    const QString condition = kind == FailureKind::Timeout
                                  ? QStringLiteral("remote-server-timeout")
                                  : QStringLiteral("remote-server-not-found");
    const QList<XmlElement> queued = takeQueue();
    for (const XmlElement &stanza : queued)
        m_engine->bounce(stanza, condition, reason);
    failPendingVerifies();
    emit failed(reason);
    if (m_stream && m_stream->transport() && !m_stream->transport()->isUnconnected()) {
        m_stream->close(); // finish() follows when the connection is gone
        return;
    }
    finish();
}

void OutboundSession::onStreamGone()
{
    m_keepAliveTimer.stop();
}

void OutboundSession::onDisconnected()
{
    const QString reason = m_stream ? m_stream->closeReason() : QStringLiteral("connection lost");
    if (m_phase == Phase::Established || m_phase == Phase::Failed) {
        logEvent(QStringLiteral("closed: %1").arg(reason));
        onStreamGone();
        failPendingVerifies();
        // Stanzas queued meanwhile are not lost: the engine opens a new session.
        const QList<XmlElement> queued = takeQueue();
        finish();
        for (const XmlElement &stanza : queued)
            m_engine->sendToRemote(stanza);
        return;
    }
    if (m_phase == Phase::Connecting) {
        emit progress(
            QStringLiteral("connect"),
            QStringLiteral("%1: %2").arg(m_targets.value(m_targetIndex).describe(), reason));
        m_lastFailure = FailureKind::NotFound;
        dropStream();
        ++m_targetIndex;
        tryNextTarget();
        return;
    }
    attemptFailed(FailureKind::NotFound,
                  QStringLiteral("connection to '%1' lost during negotiation: %2")
                      .arg(m_info.remoteDomain, reason));
}

void OutboundSession::onEstablishmentTimeout()
{
    attemptFailed(FailureKind::Timeout, QStringLiteral("stream to '%1' not established within %2 s "
                                                       "(StreamEstablishmentTimeout)")
                                            .arg(m_info.remoteDomain)
                                            .arg(m_establishmentMs / 1000));
}

} // namespace fedgate::engine
