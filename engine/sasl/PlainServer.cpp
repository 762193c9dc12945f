#include "PlainServer.h"

#include "SaslText.h"
#include "engine/gateway/Authenticator.h"

#include <QList>

namespace fedgate::engine {

PlainServer::PlainServer(Authenticator &authenticator, const QString &domain)
    : m_authenticator(authenticator)
    , m_domain(domain)
{}

SaslStep PlainServer::start(const QByteArray &initialResponse)
{
    if (m_started) {
        m_done = true;
        return SaslStep::failure(QStringLiteral("malformed-request"));
    }
    m_started = true;
    if (initialResponse.isEmpty())
        return SaslStep::challenge({});
    return check(initialResponse);
}

SaslStep PlainServer::respond(const QByteArray &response)
{
    if (!m_started || m_done) {
        m_done = true;
        return SaslStep::failure(QStringLiteral("malformed-request"));
    }
    return check(response);
}

SaslStep PlainServer::check(const QByteArray &message)
{
    m_done = true;
    const QList<QByteArray> parts = message.split('\0');
    if (message.size() > kMaxMessageBytes || parts.size() != 3 || parts.at(1).isEmpty() ||
        parts.at(2).isEmpty())
        return SaslStep::failure(QStringLiteral("malformed-request"));
    const std::optional<QString> authzid = sasl::decodeUtf8(parts.at(0));
    const std::optional<QString> authcid = sasl::decodeUtf8(parts.at(1));
    const std::optional<QString> password = sasl::decodeUtf8(parts.at(2));
    if (!authzid || !authcid || !password)
        return SaslStep::failure(QStringLiteral("malformed-request"));

    // A bad name is checked like an unknown user: same derivation, same answer.
    const Jid user = sasl::userJid(*authcid, m_domain);
    const bool passwordOk = m_authenticator.checkPlainPassword(user, *password);
    if (!passwordOk || !user.isValid())
        return SaslStep::failure(QStringLiteral("not-authorized"));
    if (!authzid->isEmpty() && Jid::fromString(*authzid) != user)
        return SaslStep::failure(QStringLiteral("invalid-authzid"));
    return SaslStep::success(user.localpart());
}

} // namespace fedgate::engine
