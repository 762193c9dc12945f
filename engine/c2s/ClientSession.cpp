#include "ClientSession.h"

#include "ClientNamespaces.h"
#include "ClientSessionHost.h"
#include "StanzaNamespace.h"
#include "engine/s2s/XmppStream.h"
#include "engine/sasl/SaslMechanisms.h"
#include "engine/sasl/SaslServerMechanism.h"
#include "engine/xml/Namespaces.h"
#include "engine/xml/PeerText.h"
#include "engine/xml/StanzaError.h"

#include <spdlog/spdlog.h>

namespace fedgate::engine {

namespace {
XmlElement saslElement(const QString &name, const QByteArray &data)
{
    XmlElement e(name, ns::kSasl);
    if (!data.isEmpty())
        e.addText(QString::fromLatin1(data.toBase64()));
    return e;
}

// A SASL element's base64 payload ("=" is an empty one); nullopt when it is
// not base64.
std::optional<QByteArray> decodeSaslPayload(const XmlElement &element)
{
    const QString payload = element.text().trimmed();
    const auto decoded = QByteArray::fromBase64Encoding(
        payload == QLatin1String("=") ? QByteArray() : payload.toLatin1(),
        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

bool isStanzaName(const QString &name)
{
    return name == QLatin1String("message") || name == QLatin1String("presence") ||
           name == QLatin1String("iq");
}
} // namespace

ClientSession::ClientSession(ClientSessionHost &host, QSslSocket *socket,
                             const ClientLimits &limits, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_limits(limits)
    , m_stream(new XmppStream(socket, limits.maxPreAuthStanzaSize, this))
    , m_idle(limits.inactivityTimeoutMs)
{
    m_stream->setContentNamespace(ns::kClient);
    m_stream->setMaxOutputBuffer(limits.maxOutputBuffer);
    m_stream->setStreamId(host.newStreamId());
    m_remote = m_stream->remoteEndpoint();
    attachStream();
    connect(socket, &QSslSocket::encrypted, this, &ClientSession::onEncrypted);
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, &ClientSession::onIdleTimer);
    m_idleTimer.start(int(limits.inactivityTimeoutMs));
    m_establishTimer.setSingleShot(true);
    connect(&m_establishTimer, &QTimer::timeout, this, [this] {
        if (m_phase != Phase::Bound)
            closeWithError(StreamErrorCondition::ConnectionTimeout,
                           QStringLiteral("The stream was not established (TLS, authentication "
                                          "and resource binding) within %1 seconds.")
                               .arg(m_limits.establishmentTimeoutMs / 1000));
    });
    m_establishTimer.start(int(limits.establishmentTimeoutMs));
    m_hibernateTimer.setSingleShot(true);
    connect(&m_hibernateTimer, &QTimer::timeout, this, [this] {
        spdlog::info("c2s {}: not resumed within {} s; session ended",
                     m_jid.toString().toStdString(), m_limits.resumeTimeoutMs / 1000);
        end();
    });
}

void ClientSession::attachStream()
{
    connect(m_stream, &XmppStream::headerReceived, this, &ClientSession::onHeader);
    connect(m_stream, &XmppStream::elementReceived, this, &ClientSession::onElement);
    connect(m_stream, &XmppStream::whitespaceReceived, this, [this] { touch(); });
    connect(m_stream, &XmppStream::peerClosedStream, this, [this] { m_peerClosed = true; });
    connect(m_stream, &XmppStream::disconnected, this, &ClientSession::onDisconnected);
}

ClientSession::~ClientSession() = default;

QString ClientSession::tlsVersion() const
{
    return m_stream ? m_stream->tlsVersion() : QString();
}

bool ClientSession::isClosing() const
{
    return m_phase == Phase::Closed || !m_stream || m_stream->isClosing();
}

void ClientSession::deliver(const XmlElement &stanza)
{
    if (m_ended)
        return;
    const XmlElement out = withStanzaNamespace(stanza, ns::kClient);
    if (m_sm.enabled() && !m_sm.track(out)) {
        spdlog::warn("c2s {}: {} stanzas unacknowledged; session ended",
                     m_jid.toString().toStdString(), StreamManagement::kMaxUnacked);
        closeWithError(StreamErrorCondition::ResourceConstraint,
                       QStringLiteral("Too many stanzas left unacknowledged."));
        if (m_hibernating)
            QMetaObject::invokeMethod(this, &ClientSession::end, Qt::QueuedConnection);
        return;
    }
    if (m_hibernating || isClosing())
        return; // kept for the resumption (or delivered elsewhere at the end)
    m_stream->send(out);
    if (m_sm.enabled())
        requestAckSoon();
}

void ClientSession::requestAckSoon()
{
    if (m_ackRequested)
        return;
    m_ackRequested = true;
    // One <r/> after the stanzas of this turn of the event loop.
    QTimer::singleShot(0, this, [this] {
        m_ackRequested = false;
        if (!isClosing() && !m_sm.unacked().empty())
            m_stream->send(StreamManagement::element(QStringLiteral("r")));
    });
}

void ClientSession::closeWithError(StreamErrorCondition condition, const QString &text)
{
    if (m_phase == Phase::Closed)
        return;
    m_phase = Phase::Closed;
    if (m_stream)
        m_stream->closeWithError(condition, text, m_domain);
    else if (m_hibernating)
        QMetaObject::invokeMethod(this, &ClientSession::end, Qt::QueuedConnection);
}

void ClientSession::onIdleTimer()
{
    const qint64 remaining = m_idle.remainingMs(InactivityDeadline::nowMs());
    if (remaining > 0) {
        m_idleTimer.start(int(remaining));
        return;
    }
    closeWithError(StreamErrorCondition::ConnectionTimeout,
                   QStringLiteral("Nothing received for %1 seconds.")
                       .arg(m_limits.inactivityTimeoutMs / 1000));
}

void ClientSession::onDisconnected()
{
    if (m_ended || m_hibernating)
        return;
    const QString reason = m_stream->closeReason();
    if (m_phase == Phase::Bound && m_sm.resumable() && !m_peerClosed) {
        // XEP-0198: wait for the client to resume; stanzas queue meanwhile.
        spdlog::info("c2s {} {}: connection lost ({}); waiting {} s for a resumption",
                     m_remote.toStdString(), m_jid.toString().toStdString(), reason.toStdString(),
                     m_limits.resumeTimeoutMs / 1000);
        m_hibernating = true;
        m_idleTimer.stop();
        m_stream->disconnect(this);
        m_stream->deleteLater();
        m_stream = nullptr;
        m_hibernateTimer.start(int(m_limits.resumeTimeoutMs));
        return;
    }
    spdlog::info("c2s {} {}: stream ended: {}", m_remote.toStdString(),
                 m_jid.isValid() ? m_jid.toString().toStdString() : std::string("-"),
                 reason.toStdString());
    end();
}

void ClientSession::end()
{
    if (m_ended)
        return;
    m_ended = true;
    m_phase = Phase::Closed;
    m_hibernating = false;
    m_idleTimer.stop();
    m_establishTimer.stop();
    m_hibernateTimer.stop();
    m_host.sessionEnded(this);
}

void ClientSession::resumeFrom(ClientSession *fresh, quint32 h)
{
    XmppStream *stream = fresh->m_stream;
    stream->disconnect(fresh);
    stream->socket()->disconnect(fresh);
    fresh->m_stream = nullptr;
    fresh->end();
    if (m_stream) { // the old connection is not known to be dead yet
        m_stream->disconnect(this);
        m_stream->close();
        m_stream->deleteLater();
    }
    stream->setParent(this);
    m_stream = stream;
    attachStream();
    m_remote = fresh->m_remote;
    m_hibernating = false;
    m_peerClosed = false;
    m_hibernateTimer.stop();
    m_phase = Phase::Bound;
    m_idle.touch();
    m_idleTimer.start(int(m_limits.inactivityTimeoutMs));
    m_sm.acknowledge(h);
    XmlElement resumed = StreamManagement::element(QStringLiteral("resumed"));
    resumed.setAttribute(QStringLiteral("previd"), m_sm.id());
    resumed.setAttribute(QStringLiteral("h"), QString::number(m_sm.inbound()));
    m_stream->send(resumed);
    for (const XmlElement &stanza : m_sm.unacked())
        m_stream->send(stanza);
    if (!m_sm.unacked().empty())
        requestAckSoon();
    spdlog::info("c2s {} {}: stream resumed, {} stanza(s) sent again", m_remote.toStdString(),
                 m_jid.toString().toStdString(), m_sm.unacked().size());
}

void ClientSession::onStreamManagement(const XmlElement &element)
{
    const QString &name = element.name();
    auto failed = [this](const QString &condition) {
        XmlElement f = StreamManagement::element(QStringLiteral("failed"));
        f.addChild(XmlElement(condition, ns::kStanzaErrors));
        m_stream->send(f);
    };
    if (name == QLatin1String("enable")) {
        if (m_phase != Phase::Bound || m_sm.enabled()) {
            failed(QStringLiteral("unexpected-request"));
            return;
        }
        const QString resume = element.attribute(QStringLiteral("resume"));
        const bool wantsResume = resume == QLatin1String("true") || resume == QLatin1String("1");
        m_sm.enable(wantsResume ? m_host.newStreamId() : QString());
        XmlElement enabled = StreamManagement::element(QStringLiteral("enabled"));
        if (wantsResume) {
            enabled.setAttribute(QStringLiteral("id"), m_sm.id());
            enabled.setAttribute(QStringLiteral("resume"), QStringLiteral("true"));
            enabled.setAttribute(QStringLiteral("max"),
                                 QString::number(m_limits.resumeTimeoutMs / 1000));
        }
        m_stream->send(enabled);
        return;
    }
    if (name == QLatin1String("resume")) {
        if (m_phase != Phase::Authenticated) {
            failed(QStringLiteral("unexpected-request"));
            return;
        }
        const std::optional<quint32> h = StreamManagement::parseH(element);
        ClientSession *old =
            m_host.resumableSession(m_authenticated, element.attribute(QStringLiteral("previd")));
        if (!h || !old) {
            failed(QStringLiteral("item-not-found"));
            return;
        }
        old->resumeFrom(this, *h);
        return;
    }
    if (!m_sm.enabled()) {
        failed(QStringLiteral("unexpected-request"));
        return;
    }
    if (name == QLatin1String("r")) {
        m_stream->send(m_sm.ackElement());
        return;
    }
    if (name == QLatin1String("a")) {
        const std::optional<quint32> h = StreamManagement::parseH(element);
        if (!h || !m_sm.acknowledge(*h))
            closeWithError(StreamErrorCondition::UndefinedCondition,
                           QStringLiteral("The acknowledgement counts more stanzas than were "
                                          "sent (XEP-0198 h)."));
    }
}

void ClientSession::onHeader(const XmlElement &header)
{
    touch();
    const QString to = header.attribute(QStringLiteral("to")).toLower();
    const QString domain =
        Jid::fromString(to).isDomain() ? Jid::fromString(to).domain() : QString();
    if (domain.isEmpty() || !m_host.servesDomain(domain)) {
        closeWithError(
            StreamErrorCondition::HostUnknown,
            to.isEmpty()
                ? QStringLiteral("The stream header has no 'to' attribute; "
                                 "name your server's domain.")
                : QStringLiteral("This server does not serve '%1'.").arg(boundedPeerText(to)));
        return;
    }
    if (!m_domain.isEmpty() && m_domain != domain) {
        closeWithError(StreamErrorCondition::HostUnknown,
                       QStringLiteral("The restarted stream names another domain."));
        return;
    }
    m_domain = domain;
    if (header.attribute(QStringLiteral("version")) != QLatin1String("1.0")) {
        closeWithError(StreamErrorCondition::UnsupportedVersion,
                       QStringLiteral("Only XMPP streams version 1.0 are supported."));
        return;
    }
    if (m_stream->headerSent())
        m_stream->setStreamId(m_host.newStreamId()); // a restart gets a fresh id
    m_stream->sendHeader(m_domain, {}, m_stream->streamId());
    if (m_phase == Phase::AwaitHeader)
        m_phase = Phase::Negotiating;
    sendFeatures();
}

void ClientSession::sendFeatures()
{
    XmlElement features(QStringLiteral("features"), ns::kStreams);
    if (!m_stream->isEncrypted()) {
        XmlElement &starttls = features.addChild(XmlElement(QStringLiteral("starttls"), ns::kTls));
        starttls.addChild(XmlElement(QStringLiteral("required"), ns::kTls));
    } else if (!m_authenticated.isValid()) {
        XmlElement &mechanisms =
            features.addChild(XmlElement(QStringLiteral("mechanisms"), ns::kSasl));
        for (const QString &name : offeredSaslMechanisms(true))
            mechanisms.addChild(XmlElement(QStringLiteral("mechanism"), ns::kSasl)).addText(name);
    } else {
        features.addChild(XmlElement(QStringLiteral("bind"), ns::kBind));
        XmlElement &session =
            features.addChild(XmlElement(QStringLiteral("session"), ns::kSession));
        session.addChild(XmlElement(QStringLiteral("optional"), ns::kSession));
        features.addChild(StreamManagement::element(QStringLiteral("sm")));
        features.addChild(XmlElement(QStringLiteral("ver"), ns::kRosterVersioning));
    }
    m_stream->send(features);
}

void ClientSession::onElement(const XmlElement &element)
{
    touch();
    if (m_phase == Phase::Closed || m_phase == Phase::AwaitHeader || m_phase == Phase::TlsHandshake)
        return;
    if (element.ns() == ns::kStreams) {
        if (element.name() == QLatin1String("error"))
            m_stream->close();
        return;
    }
    if (element.is(QStringLiteral("starttls"), ns::kTls)) {
        onStartTls();
        return;
    }
    if (m_phase == Phase::Negotiating) {
        // RFC 6120 5.3.1: TLS is mandatory-to-negotiate here.
        if (element.ns() == ns::kSasl) {
            spdlog::warn("c2s {}: SASL attempted before STARTTLS", m_remote.toStdString());
            XmlElement failure(QStringLiteral("failure"), ns::kSasl);
            failure.addChild(XmlElement(QStringLiteral("encryption-required"), ns::kSasl));
            m_stream->send(failure);
            if (++m_authFailures >= m_limits.maxAuthFailures)
                closeWithError(StreamErrorCondition::PolicyViolation,
                               QStringLiteral("STARTTLS is required before authentication."));
            return;
        }
        closeWithError(StreamErrorCondition::PolicyViolation,
                       QStringLiteral("STARTTLS is required before anything else."));
        return;
    }
    if (element.ns() == ns::kSasl) {
        if (m_phase != Phase::Authenticating) {
            saslFailure(QStringLiteral("not-authorized"));
            return;
        }
        if (element.name() == QLatin1String("auth"))
            onSaslAuth(element);
        else if (element.name() == QLatin1String("response"))
            onSaslResponse(element);
        else if (element.name() == QLatin1String("abort"))
            saslFailure(QStringLiteral("aborted"));
        else
            saslFailure(QStringLiteral("malformed-request"));
        return;
    }
    if (element.ns() == ns::kStreamManagement &&
        (m_phase == Phase::Authenticated || m_phase == Phase::Bound)) {
        onStreamManagement(element);
        return;
    }
    if (!isStanzaName(element.name())) {
        closeWithError(StreamErrorCondition::UnsupportedStanzaType,
                       QStringLiteral("Unexpected element <%1 xmlns='%2'>.")
                           .arg(boundedPeerText(element.name()), boundedPeerText(element.ns())));
        return;
    }
    if (element.ns() != ns::kClient) {
        closeWithError(StreamErrorCondition::InvalidNamespace,
                       QStringLiteral("Stanzas on a client stream are in jabber:client."));
        return;
    }
    if (m_phase == Phase::Authenticated && element.name() == QLatin1String("iq")) {
        onBindOrSession(element);
        return;
    }
    if (m_phase != Phase::Bound) {
        spdlog::warn("c2s {}: <{}/> before resource binding", m_remote.toStdString(),
                     element.name().toStdString());
        closeWithError(StreamErrorCondition::NotAuthorized,
                       QStringLiteral("Authenticate and bind a resource before sending stanzas."));
        return;
    }
    if (m_sm.enabled())
        m_sm.countInbound();
    onStanza(element);
}

void ClientSession::onStartTls()
{
    if (m_phase != Phase::Negotiating || m_stream->isEncrypted()) {
        m_stream->send(XmlElement(QStringLiteral("failure"), ns::kTls));
        m_phase = Phase::Closed;
        m_stream->close();
        return;
    }
    const QSslConfiguration tls = m_host.clientTlsConfiguration();
    if (tls.localCertificate().isNull()) {
        m_stream->send(XmlElement(QStringLiteral("failure"), ns::kTls));
        m_phase = Phase::Closed;
        m_stream->close();
        spdlog::error("c2s: no gateway certificate configured; STARTTLS refused");
        return;
    }
    m_stream->send(XmlElement(QStringLiteral("proceed"), ns::kTls));
    m_stream->restartParser();
    m_phase = Phase::TlsHandshake;
    QSslSocket *socket = m_stream->socket();
    socket->setSslConfiguration(tls);
    socket->startServerEncryption();
}

void ClientSession::onEncrypted()
{
    touch();
    m_phase = Phase::Authenticating; // the client restarts the stream next
}

void ClientSession::saslFailure(const QString &condition, const QString &username)
{
    m_sasl.reset();
    m_saslStarted = false;
    XmlElement failure(QStringLiteral("failure"), ns::kSasl);
    failure.addChild(XmlElement(condition, ns::kSasl));
    m_stream->send(failure);
    if (condition == QLatin1String("aborted"))
        return;
    m_host.authenticationFailed(this, username);
    if (++m_authFailures >= m_limits.maxAuthFailures)
        closeWithError(StreamErrorCondition::PolicyViolation,
                       QStringLiteral("Too many failed authentication attempts."));
}

void ClientSession::onSaslAuth(const XmlElement &auth)
{
    if (m_sasl) {
        saslFailure(QStringLiteral("malformed-request")); // an exchange is under way
        return;
    }
    const QString mechanism = auth.attribute(QStringLiteral("mechanism"));
    if (!offeredSaslMechanisms(true).contains(mechanism)) {
        saslFailure(QStringLiteral("invalid-mechanism"));
        return;
    }
    m_sasl = createSaslMechanism(mechanism, m_host.authenticator(), m_domain, true);
    if (!m_sasl) {
        saslFailure(QStringLiteral("invalid-mechanism"));
        return;
    }
    if (auth.text().trimmed().isEmpty()) {
        // No initial response: an empty challenge asks for it (RFC 6120 6.4.2).
        m_stream->send(XmlElement(QStringLiteral("challenge"), ns::kSasl));
        return;
    }
    const std::optional<QByteArray> decoded = decodeSaslPayload(auth);
    if (!decoded) {
        saslFailure(QStringLiteral("incorrect-encoding"));
        return;
    }
    m_saslStarted = true;
    handleSaslStep(m_sasl->start(*decoded));
}

void ClientSession::onSaslResponse(const XmlElement &response)
{
    if (!m_sasl) {
        saslFailure(QStringLiteral("malformed-request"));
        return;
    }
    const std::optional<QByteArray> decoded = decodeSaslPayload(response);
    if (!decoded) {
        saslFailure(QStringLiteral("incorrect-encoding"));
        return;
    }
    if (!m_saslStarted) {
        m_saslStarted = true;
        handleSaslStep(m_sasl->start(*decoded));
        return;
    }
    handleSaslStep(m_sasl->respond(*decoded));
}

void ClientSession::handleSaslStep(const SaslStep &step)
{
    switch (step.kind) {
    case SaslStep::Challenge:
        m_stream->send(saslElement(QStringLiteral("challenge"), step.data));
        return;
    case SaslStep::Failure:
        saslFailure(step.condition.isEmpty() ? QStringLiteral("not-authorized") : step.condition,
                    step.username);
        return;
    case SaslStep::Success:
        break;
    }
    const Jid bare = Jid::fromString(QString(step.username + QLatin1Char('@') + m_domain));
    m_sasl.reset();
    if (!bare.isValid() || !bare.isBare()) {
        saslFailure(QStringLiteral("not-authorized"), step.username);
        return;
    }
    m_authenticated = bare;
    m_stream->send(saslElement(QStringLiteral("success"), step.data));
    m_stream->restartParser();
    m_stream->setMaxStanzaSize(m_limits.maxStanzaSize);
    m_phase = Phase::Authenticated;
    spdlog::info("c2s {}: authenticated as {}", m_remote.toStdString(),
                 bare.toString().toStdString());
}

void ClientSession::onBindOrSession(const XmlElement &iq)
{
    const QString type = iq.attribute(QStringLiteral("type"));
    const XmlElement *bind = iq.firstChild(QStringLiteral("bind"), ns::kBind);
    XmlElement reply(QStringLiteral("iq"), ns::kClient);
    reply.setAttribute(QStringLiteral("id"), iq.attribute(QStringLiteral("id")));
    if (type != QLatin1String("set") || !bind) {
        XmlElement stamped = iq;
        stamped.setAttribute(QStringLiteral("from"), m_authenticated.toString());
        if (mayAnswerWithError(stamped))
            m_stream->send(makeStanzaError(stamped, QStringLiteral("not-authorized"),
                                           QStringLiteral("Bind a resource first."), ns::kClient));
        return;
    }
    const XmlElement *resourceElement = bind->firstChild(QStringLiteral("resource"), ns::kBind);
    const QString requested = resourceElement ? resourceElement->text().trimmed() : QString();
    QString condition;
    const Jid full = m_host.bindResource(this, m_authenticated, requested, &condition);
    if (!full.isValid()) {
        XmlElement stamped = iq;
        stamped.setAttribute(QStringLiteral("from"), m_authenticated.toString());
        m_stream->send(makeStanzaError(stamped, condition, {}, ns::kClient));
        return;
    }
    m_jid = full;
    m_phase = Phase::Bound;
    m_establishTimer.stop();
    reply.setAttribute(QStringLiteral("type"), QStringLiteral("result"));
    XmlElement &b = reply.addChild(XmlElement(QStringLiteral("bind"), ns::kBind));
    b.addChild(XmlElement(QStringLiteral("jid"), ns::kBind)).addText(full.toString());
    m_stream->send(reply);
    spdlog::info("c2s {}: bound {}", m_remote.toStdString(), full.toString().toStdString());
}

void ClientSession::onStanza(const XmlElement &stanza)
{
    // RFC 6120 8.1.2.1: the server stamps 'from'; a client may name its own
    // full or bare JID, anything else is a spoof.
    const QString fromText = stanza.attribute(QStringLiteral("from"));
    if (!fromText.isEmpty()) {
        const Jid from = Jid::fromString(fromText);
        if (!(from == m_jid || from == m_jid.bare())) {
            spdlog::warn("c2s {} {}: stanza with spoofed from '{}'", m_remote.toStdString(),
                         m_jid.toString().toStdString(), boundedPeerText(fromText).toStdString());
            closeWithError(
                StreamErrorCondition::InvalidFrom,
                QStringLiteral("'from' must be your own address (%1).").arg(m_jid.toString()));
            return;
        }
    }
    // Session establishment (RFC 3921, still sent by old clients): a no-op.
    if (stanza.name() == QLatin1String("iq") &&
        stanza.firstChild(QStringLiteral("session"), ns::kSession) &&
        stanza.attribute(QStringLiteral("to")).isEmpty()) {
        XmlElement reply(QStringLiteral("iq"), ns::kClient);
        reply.setAttribute(QStringLiteral("type"), QStringLiteral("result"));
        reply.setAttribute(QStringLiteral("id"), stanza.attribute(QStringLiteral("id")));
        m_stream->send(reply);
        return;
    }
    XmlElement stamped = stanza;
    stamped.setAttribute(QStringLiteral("from"), m_jid.toString());
    m_host.stanzaFromClient(this, stamped);
}

} // namespace fedgate::engine
