#include "InboundSession.h"

#include "FederationPolicy.h"
#include "engine/Engine.h"
#include "engine/xml/Namespaces.h"
#include "engine/xml/PeerText.h"
#include "engine/xmpp/Jid.h"

#include "engine/dialback/DialbackKey.h"
#include "engine/tls/QtSslByteStream.h"
#include "engine/tls/ServerIdentityVerifier.h"

namespace fedgate::engine {

using topology::AuthMethod;

namespace {
// The prepared domainpart of an address; empty when it is not an RFC 7622
// address, which closes the stream with improper-addressing.
QString domainOf(const QString &jid)
{
    return Jid::fromString(jid).domain();
}

QString pairKey(const QString &local, const QString &remote)
{
    return local.toLower() + QLatin1Char(' ') + remote.toLower();
}
} // namespace

InboundSession::InboundSession(Engine *engine, QSslSocket *socket, QObject *parent)
    : InboundSession(engine, new QtSslByteStream(socket), parent)
{}

InboundSession::InboundSession(Engine *engine, ByteStream *transport, QObject *parent)
    : S2SSession(engine, SessionDirection::Inbound, parent)
{
    attachNewStream(transport);
    m_stream->setStreamId(engine->newStreamId());
    m_info.remoteAddress = m_stream->remoteEndpoint();
    m_info.state = QStringLiteral("negotiating");
    logEvent(QStringLiteral("connection accepted"));
}

void InboundSession::onBidiRequest()
{
    // XEP-0288 2.2: asked before authentication; later it changes nothing.
    if (m_bidi || m_phase == Phase::Authenticated)
        return;
    m_bidi = true;
    logEvent(QStringLiteral("bidirectional stream requested (XEP-0288)"));
}

bool InboundSession::sendReverse(const XmlElement &stanza)
{
    // Only for a pair authenticated here, in reverse: with SASL our domain
    // is the stream's 'to', with dialback the pairs the partner asked for.
    if (!m_bidi || !m_stream || m_stream->isClosing() || m_phase != Phase::Authenticated)
        return false;
    const QString from = domainOf(stanza.attribute(QStringLiteral("from")));
    const QString to = domainOf(stanza.attribute(QStringLiteral("to")));
    if (!m_authenticated.contains(pairKey(from, to)))
        return false;
    m_stream->send(stanza);
    ++m_info.stanzasOut;
    touch();
    return true;
}

void InboundSession::addAuthenticatedPair(const QString &local, const QString &remote)
{
    const QString key = pairKey(local, remote);
    if (!m_authenticated.contains(key))
        m_authenticated.append(key);
}

void InboundSession::onAuthenticated()
{
    // XEP-0288: once a pair is authenticated on a bidirectional stream, our
    // stanzas for it go back on this stream (Engine::sendToRemote).
    if (!m_bidi)
        return;
    for (const QString &pair : std::as_const(m_authenticated))
        m_engine->addBidiRoute(pair.section(QLatin1Char(' '), 0, 0),
                               pair.section(QLatin1Char(' '), 1), this);
}

void InboundSession::onStreamGone()
{
    if (m_bidi)
        m_engine->removeBidiRoutes(this);
}

QStringList InboundSession::authenticatedDomains() const
{
    QStringList domains;
    for (const QString &pair : m_authenticated)
        domains << pair.section(QLatin1Char(' '), 1);
    domains.removeDuplicates();
    return domains;
}

bool InboundSession::isAuthenticatedFor(const QString &remoteDomain) const
{
    const qsizetype n = remoteDomain.size();
    for (const QString &pair : m_authenticated) // "local remote"
        if (pair.size() > n && pair.at(pair.size() - n - 1) == QLatin1Char(' ') &&
            pair.endsWith(remoteDomain, Qt::CaseInsensitive))
            return true;
    return false;
}

bool InboundSession::permittedBy(const FederationPolicy &policy) const
{
    const TlsState tls = m_stream->isEncrypted() ? TlsState::Encrypted : TlsState::Plain;
    const QString remote = m_info.remoteDomain;
    if (remote.isEmpty())
        return true; // nothing claimed yet; the negotiation applies the new policy
    if (!policy.partner(remote) || !policy.isLocalDomain(m_info.localDomain))
        return false;
    if (policy.requireTls(remote) && tls == TlsState::Plain)
        return false;
    if (m_info.auth == AuthStatus::SaslExternal)
        return policy.allowsSasl(remote);
    if (m_info.auth == AuthStatus::Dialback)
        return policy.allowsDialback(remote, tls);
    return true;
}

void InboundSession::onHeader(const XmlElement &header)
{
    touch();
    const FederationPolicy &policy = m_engine->policy();
    const QString to = header.attribute(QStringLiteral("to")).toLower();
    const QString from = header.attribute(QStringLiteral("from")).toLower();
    if (to.isEmpty()) {
        logWarning(QStringLiteral("stream header without 'to'"));
        m_stream->closeWithError(StreamErrorCondition::HostUnknown,
                                 QStringLiteral("The stream header has no 'to' attribute; name "
                                                "the domain you want to reach."),
                                 policy.localDomains().value(0));
        return;
    }
    if (!policy.isLocalDomain(to)) {
        logWarning(QStringLiteral("stream for unknown domain '%1'").arg(boundedPeerText(to)));
        m_stream->closeWithError(
            StreamErrorCondition::HostUnknown,
            QStringLiteral("This server does not serve '%1'.").arg(boundedPeerText(to)),
            policy.localDomains().value(0));
        return;
    }
    if (m_info.localDomain.isEmpty())
        m_info.localDomain = to;
    if (header.attribute(QStringLiteral("version")) != QLatin1String("1.0")) {
        m_stream->closeWithError(StreamErrorCondition::UnsupportedVersion,
                                 QStringLiteral("Only XMPP streams version 1.0 are supported."),
                                 to);
        return;
    }
    if (!from.isEmpty()) {
        if (!policy.partner(from)) {
            refuseNonPartner(from);
            return;
        }
        if (!m_info.remoteDomain.isEmpty() && m_info.remoteDomain != from) {
            m_stream->closeWithError(StreamErrorCondition::InvalidFrom,
                                     QStringLiteral("The restarted stream names another domain."),
                                     to);
            return;
        }
        m_headerFrom = from;
        m_info.remoteDomain = from;
    }
    if (m_stream->headerSent()) // a restart after TLS or SASL gets a fresh id
        m_stream->setStreamId(m_engine->newStreamId());
    m_stream->sendHeader(to, from, m_stream->streamId());
    m_phase = m_saslDone ? Phase::Authenticated : Phase::Negotiating;
    sendFeatures();
}

void InboundSession::refuseNonPartner(const QString &domain)
{
    logWarning(
        QStringLiteral("refused: '%1' is not a federated partner").arg(boundedPeerText(domain)));
    m_stream->closeWithError(StreamErrorCondition::PolicyViolation,
                             QStringLiteral("'%1' is not a federation partner of this server.")
                                 .arg(boundedPeerText(domain)),
                             m_info.localDomain);
}

bool InboundSession::overPartnerLimit(const QString &domain)
{
    // The partner's own ConnectionLimit, capped by the gateway-wide
    // PartnerConnectionLimit. Checked when the domain is authenticated: only
    // streams authenticated for it count (one that merely names it in its
    // header uses up nothing), and this one is not counted yet.
    const FederationPolicy &policy = m_engine->policy();
    const topology::XmppPartner *partner = policy.partner(domain);
    int limit = policy.gateway().partnerConnectionLimit;
    if (partner && partner->connectionLimit > 0)
        limit = limit > 0 ? std::min(limit, partner->connectionLimit) : partner->connectionLimit;
    if (limit <= 0 || m_engine->sessionCount(domain, SessionDirection::Inbound) < limit)
        return false;
    logWarning(QStringLiteral("refused: '%1' already has %2 authenticated inbound stream(s) "
                              "(PartnerConnectionLimit)")
                   .arg(domain)
                   .arg(limit));
    m_stream->closeWithError(
        StreamErrorCondition::PolicyViolation,
        QStringLiteral("Too many streams from '%1'; at most %2.").arg(domain).arg(limit),
        m_info.localDomain);
    return true;
}

bool InboundSession::certificateValidFor(const QString &domain) const
{
    if (m_info.certificate != CertificateStatus::Valid)
        return false;
    const auto chain = m_stream->peerCertificateChainDer();
    return !chain.isEmpty() &&
           ServerIdentityVerifier::certificateNamesDomain(chain.first(), domain);
}

void InboundSession::sendFeatures()
{
    const FederationPolicy &policy = m_engine->policy();
    const QString remote = m_headerFrom;
    XmlElement features(QStringLiteral("features"), ns::kStreams);
    if (m_saslDone) {
        // RFC 6120 6.4.6: after SASL the features are empty for servers.
        m_stream->send(features);
        return;
    }
    const bool encrypted = m_stream->isEncrypted();
    if (!encrypted) {
        // Unknown initiator (no 'from'): offer TLS when we can; the partner's
        // rules apply once it names itself in db:result.
        const bool offer =
            m_engine->hasCertificate() && (remote.isEmpty() || policy.offerTls(remote));
        if (offer) {
            XmlElement &starttls =
                features.addChild(XmlElement(QStringLiteral("starttls"), ns::kTls));
            if (!remote.isEmpty() && policy.requireTls(remote))
                starttls.addChild(XmlElement(QStringLiteral("required"), ns::kTls));
        } else if (!remote.isEmpty() && policy.requireTls(remote)) {
            m_stream->closeWithError(StreamErrorCondition::PolicyViolation,
                                     QStringLiteral("TLS is required for '%1' but this server has "
                                                    "no certificate configured.")
                                         .arg(remote),
                                     m_info.localDomain);
            return;
        }
        if (remote.isEmpty() || policy.allowsDialback(remote, TlsState::Plain))
            features.addChild(XmlElement(QStringLiteral("dialback"), ns::kDialbackFeature));
        features.addChild(XmlElement(QStringLiteral("bidi"), ns::kBidiFeature)); // XEP-0288
        m_stream->send(features);
        return;
    }
    bool any = false;
    if (!remote.isEmpty() && policy.allowsSasl(remote) && certificateValidFor(remote)) {
        XmlElement &mechanisms =
            features.addChild(XmlElement(QStringLiteral("mechanisms"), ns::kSasl));
        mechanisms.addChild(XmlElement(QStringLiteral("mechanism"), ns::kSasl))
            .addText(QStringLiteral("EXTERNAL"));
        any = true;
    }
    if (remote.isEmpty() || policy.allowsDialback(remote, TlsState::Encrypted)) {
        features.addChild(XmlElement(QStringLiteral("dialback"), ns::kDialbackFeature));
        any = true;
    }
    if (!any) {
        logWarning(QStringLiteral("refused: certificate %1 (%2) not acceptable for SASL EXTERNAL, "
                                  "and dialback is not allowed for this partner")
                       .arg(toString(m_info.certificate),
                            m_stream->peerCertificateChainDer().isEmpty()
                                ? QStringLiteral("none presented")
                                : ServerIdentityVerifier::presentedIdentities(
                                      m_stream->peerCertificateChainDer().first())
                                      .join(QLatin1Char(' '))));
        m_stream->closeWithError(StreamErrorCondition::NotAuthorized,
                                 QStringLiteral("Your certificate is not valid for '%1' (status: "
                                                "%2), and this partner may only authenticate "
                                                "with SASL EXTERNAL.")
                                     .arg(remote, toString(m_info.certificate)),
                                 m_info.localDomain);
        return;
    }
    features.addChild(XmlElement(QStringLiteral("bidi"), ns::kBidiFeature)); // XEP-0288
    m_stream->send(features);
}

void InboundSession::onElement(const XmlElement &element)
{
    touch();
    if (m_phase != Phase::Negotiating && m_phase != Phase::Authenticated)
        return;
    const QString &nsUri = element.ns();
    if (nsUri == ns::kStreams) {
        if (element.name() == QLatin1String("error"))
            m_stream->close();
        return;
    }
    if (nsUri == ns::kTls && element.name() == QLatin1String("starttls")) {
        onStartTls();
        return;
    }
    if (nsUri == ns::kBidi && element.name() == QLatin1String("bidi")) {
        onBidiRequest();
        return;
    }
    if (nsUri == ns::kSasl && element.name() == QLatin1String("auth")) {
        onSaslAuth(element);
        return;
    }
    if (nsUri == ns::kDialback && element.name() == QLatin1String("result")) {
        onDialbackResult(element);
        return;
    }
    if (nsUri == ns::kDialback && element.name() == QLatin1String("verify")) {
        onDialbackVerify(element);
        return;
    }
    if (nsUri == ns::kServer) {
        onStanza(element);
        return;
    }
    m_stream->closeWithError(StreamErrorCondition::UnsupportedStanzaType,
                             QStringLiteral("Unexpected element <%1 xmlns='%2'>.")
                                 .arg(boundedPeerText(element.name()), boundedPeerText(nsUri)),
                             m_info.localDomain);
}

void InboundSession::onStartTls()
{
    const FederationPolicy &policy = m_engine->policy();
    if (m_stream->isEncrypted() || !m_engine->hasCertificate() ||
        (!m_headerFrom.isEmpty() && !policy.offerTls(m_headerFrom))) {
        m_stream->send(XmlElement(QStringLiteral("failure"), ns::kTls));
        m_stream->close();
        return;
    }
    m_stream->send(XmlElement(QStringLiteral("proceed"), ns::kTls));
    m_stream->restartParser();
    m_phase = Phase::TlsHandshake;
    ByteStream *transport = m_stream->transport();
    transport->setTlsConfiguration(m_engine->tlsConfiguration());
    transport->startServerEncryption();
}

void InboundSession::onEncrypted()
{
    recordTls();
    m_info.certificate = m_engine->certificateStatus(m_stream->peerCertificateChainDer());
    if (!m_headerFrom.isEmpty() && m_info.certificate == CertificateStatus::Valid &&
        !certificateValidFor(m_headerFrom))
        m_info.certificate = CertificateStatus::Mismatch;
    logEvent(QStringLiteral("TLS established (%1 %2), peer certificate %3")
                 .arg(m_info.tlsVersion, m_info.tlsCipher, toString(m_info.certificate)));
    m_phase = Phase::Negotiating; // the peer restarts the stream next
}

void InboundSession::onSaslAuth(const XmlElement &auth)
{
    const FederationPolicy &policy = m_engine->policy();
    auto failure = [this](const QString &condition) {
        XmlElement f(QStringLiteral("failure"), ns::kSasl);
        f.addChild(XmlElement(condition, ns::kSasl));
        m_stream->send(f);
    };
    if (auth.attribute(QStringLiteral("mechanism")) != QLatin1String("EXTERNAL")) {
        failure(QStringLiteral("invalid-mechanism"));
        return;
    }
    const QString payload = auth.text().trimmed();
    QString authzid = m_headerFrom;
    if (!payload.isEmpty() && payload != QLatin1String("="))
        authzid = QString::fromUtf8(QByteArray::fromBase64(payload.toLatin1())).toLower();
    if (m_headerFrom.isEmpty() || !m_stream->isEncrypted() || !policy.allowsSasl(m_headerFrom) ||
        authzid != m_headerFrom || !certificateValidFor(m_headerFrom)) {
        logWarning(QStringLiteral("SASL EXTERNAL refused for '%1' (certificate %2)")
                       .arg(boundedPeerText(authzid), toString(m_info.certificate)));
        failure(QStringLiteral("not-authorized"));
        return;
    }
    if (overPartnerLimit(m_headerFrom))
        return;
    m_stream->send(XmlElement(QStringLiteral("success"), ns::kSasl));
    m_stream->restartParser();
    m_saslDone = true;
    if (!isAuthenticatedFor(m_headerFrom))
        m_engine->countInboundAuthenticated(m_headerFrom);
    addAuthenticatedPair(m_info.localDomain, m_headerFrom);
    m_phase = Phase::Authenticated;
    markEstablished(AuthStatus::SaslExternal);
}

void InboundSession::onDialbackResult(const XmlElement &result)
{
    const int maxPending = m_engine->config().maxPendingDialback;
    if (m_pendingDialback >= maxPending) {
        // Each db:result costs a db:verify to the partner's server: a stream
        // may not turn us into an amplifier.
        logWarning(QStringLiteral("refused: %1 dialback verifications already pending on this "
                                  "stream (maxPendingDialback)")
                       .arg(m_pendingDialback));
        m_stream->closeWithError(StreamErrorCondition::PolicyViolation,
                                 QStringLiteral("Too many dialback requests pending on this "
                                                "stream; at most %1.")
                                     .arg(maxPending),
                                 m_info.localDomain);
        return;
    }
    const FederationPolicy &policy = m_engine->policy();
    const QString from = result.attribute(QStringLiteral("from")).toLower();
    const QString to = result.attribute(QStringLiteral("to")).toLower();
    const QString key = result.text().trimmed();
    if (!policy.isLocalDomain(to)) {
        m_stream->closeWithError(
            StreamErrorCondition::HostUnknown,
            QStringLiteral("This server does not serve '%1'.").arg(boundedPeerText(to)),
            m_info.localDomain);
        return;
    }
    if (!policy.partner(from)) {
        refuseNonPartner(from);
        return;
    }
    if (!m_headerFrom.isEmpty() && from != m_headerFrom && !m_saslDone &&
        m_info.remoteDomain != from && m_authenticated.isEmpty()) {
        // A stream that named itself may only ask for another domain once
        // the first is authenticated (XEP-0220 multiplexing).
        m_stream->closeWithError(StreamErrorCondition::InvalidFrom,
                                 QStringLiteral("db:result from '%1' on a stream opened by '%2'.")
                                     .arg(from, m_headerFrom),
                                 m_info.localDomain);
        return;
    }
    const TlsState tls = m_stream->isEncrypted() ? TlsState::Encrypted : TlsState::Plain;
    if (policy.requireTls(from) && tls == TlsState::Plain) {
        logWarning(
            QStringLiteral("refused dialback from '%1' without TLS (TLS Required)").arg(from));
        m_stream->closeWithError(
            StreamErrorCondition::PolicyViolation,
            QStringLiteral("TLS is required before authenticating '%1'.").arg(from),
            m_info.localDomain);
        return;
    }
    if (!policy.allowsDialback(from, tls)) {
        logWarning(QStringLiteral("refused dialback from '%1': not allowed by its partner "
                                  "settings")
                       .arg(from));
        m_stream->closeWithError(StreamErrorCondition::NotAuthorized,
                                 QStringLiteral("Dialback is not allowed for '%1' here; "
                                                "authenticate with SASL EXTERNAL.")
                                     .arg(from),
                                 m_info.localDomain);
        return;
    }
    if (m_info.localDomain.isEmpty())
        m_info.localDomain = to;
    if (m_info.remoteDomain.isEmpty())
        m_info.remoteDomain = from;
    ++m_pendingDialback;
    logEvent(
        QStringLiteral("dialback: verifying key for '%1' with its authoritative server").arg(from));
    QPointer<InboundSession> self(this);
    const QString streamId = m_stream->streamId();
    m_engine->verifyDialbackKey(
        to, from, streamId, key, [self, from, to](Engine::DialbackVerdict verdict) {
            if (!self || !self->m_stream || self->m_stream->isClosing())
                return;
            --self->m_pendingDialback;
            XmlElement answer(QStringLiteral("result"), ns::kDialback);
            answer.setAttribute(QStringLiteral("from"), to);
            answer.setAttribute(QStringLiteral("to"), from);
            if (verdict == Engine::DialbackVerdict::Valid) {
                if (!self->authenticatedDomains().contains(from) && self->overPartnerLimit(from))
                    return;
                answer.setAttribute(QStringLiteral("type"), QStringLiteral("valid"));
                self->m_stream->send(answer);
                if (!self->isAuthenticatedFor(from))
                    self->m_engine->countInboundAuthenticated(from);
                self->addAuthenticatedPair(to, from);
                self->m_phase = Phase::Authenticated;
                self->markEstablished(AuthStatus::Dialback);
                return;
            }
            answer.setAttribute(QStringLiteral("type"), verdict == Engine::DialbackVerdict::Invalid
                                                            ? QStringLiteral("invalid")
                                                            : QStringLiteral("error"));
            if (verdict != Engine::DialbackVerdict::Invalid) {
                XmlElement error(QStringLiteral("error"), ns::kServer);
                error.setAttribute(QStringLiteral("type"), QStringLiteral("cancel"));
                error.addChild(
                    XmlElement(QStringLiteral("remote-server-not-found"), ns::kStanzaErrors));
                answer.addChild(std::move(error));
            }
            self->logWarning(QStringLiteral("dialback for '%1' failed (%2)")
                                 .arg(from, verdict == Engine::DialbackVerdict::Invalid
                                                ? QStringLiteral("key invalid")
                                                : QStringLiteral("authoritative server "
                                                                 "unreachable")));
            self->m_stream->send(answer);
            if (self->m_authenticated.isEmpty())
                self->m_stream->close();
        });
}

void InboundSession::onDialbackVerify(const XmlElement &verify)
{
    // We are the authoritative server: the remote (receiving) server asks
    // whether a key our domain sent it is genuine.
    const FederationPolicy &policy = m_engine->policy();
    const QString from = verify.attribute(QStringLiteral("from")).toLower(); // receiving server
    const QString to = verify.attribute(QStringLiteral("to")).toLower();     // originating (us)
    const QString id = verify.attribute(QStringLiteral("id"));
    if (!policy.isLocalDomain(to)) {
        m_stream->closeWithError(
            StreamErrorCondition::HostUnknown,
            QStringLiteral("This server does not serve '%1'.").arg(boundedPeerText(to)),
            m_info.localDomain);
        return;
    }
    if (!policy.partner(from)) {
        refuseNonPartner(from);
        return;
    }
    const bool valid =
        DialbackKey::verify(policy.dialbackSecret(), from, to, id, verify.text().trimmed());
    XmlElement answer(QStringLiteral("verify"), ns::kDialback);
    answer.setAttribute(QStringLiteral("from"), to);
    answer.setAttribute(QStringLiteral("to"), from);
    answer.setAttribute(QStringLiteral("id"), id);
    answer.setAttribute(QStringLiteral("type"),
                        valid ? QStringLiteral("valid") : QStringLiteral("invalid"));
    m_stream->send(answer);
    logEvent(QStringLiteral("dialback: answered db:verify from '%1' for '%2': %3")
                 .arg(from, to, valid ? QStringLiteral("valid") : QStringLiteral("invalid")));
}

void InboundSession::onStanza(const XmlElement &stanza)
{
    if (!acceptStanzaName(stanza))
        return;
    if (m_phase != Phase::Authenticated || m_authenticated.isEmpty()) {
        logWarning(QStringLiteral("stanza before authentication"));
        m_stream->closeWithError(StreamErrorCondition::NotAuthorized,
                                 QStringLiteral("Authenticate (SASL EXTERNAL or dialback) before "
                                                "sending stanzas."),
                                 m_info.localDomain);
        return;
    }
    const QString fromDomain = domainOf(stanza.attribute(QStringLiteral("from")));
    const QString toDomain = domainOf(stanza.attribute(QStringLiteral("to")));
    if (fromDomain.isEmpty() || toDomain.isEmpty()) {
        m_stream->closeWithError(StreamErrorCondition::ImproperAddressing,
                                 QStringLiteral("Stanzas between servers need 'from' and 'to' "
                                                "that are valid XMPP addresses (RFC 7622)."),
                                 m_info.localDomain);
        return;
    }
    if (!m_authenticated.contains(pairKey(toDomain, fromDomain))) {
        const bool fromKnown = authenticatedDomains().contains(fromDomain);
        logWarning(QStringLiteral("stanza from '%1' to '%2' not authenticated on this stream")
                       .arg(boundedPeerText(fromDomain), boundedPeerText(toDomain)));
        if (fromKnown)
            m_stream->closeWithError(StreamErrorCondition::HostUnknown,
                                     QStringLiteral("'%1' was not authenticated on this stream.")
                                         .arg(boundedPeerText(toDomain)),
                                     m_info.localDomain);
        else
            m_stream->closeWithError(StreamErrorCondition::InvalidFrom,
                                     QStringLiteral("'%1' is not authenticated on this stream.")
                                         .arg(boundedPeerText(fromDomain)),
                                     m_info.localDomain);
        return;
    }
    ++m_info.stanzasIn;
    m_engine->routeFromRemote(stanza, this);
}

} // namespace fedgate::engine
