#include "TopologyAuthenticator.h"

#include "topology/Topology.h"

namespace fedgate::engine {

TopologyAuthenticator::TopologyAuthenticator(Authenticator &secrets)
    : m_secrets(secrets)
{}

TopologyAuthenticator::TopologyAuthenticator(Authenticator &secrets, UserPredicate isUser)
    : m_secrets(secrets)
    , m_isUser(std::move(isUser))
{}

void TopologyAuthenticator::setUsers(const topology::Topology &topology)
{
    QSet<Jid> users;
    for (const topology::User &user : topology.users)
        if (const Jid jid = Jid::fromString(user.xmppAddress);
            jid.isBare() && !jid.localpart().isEmpty())
            users.insert(jid);
    m_users = std::move(users);
    m_isUser = nullptr;
}

std::optional<ScramCredentials>
TopologyAuthenticator::scramCredentials(const Jid &bare, QCryptographicHash::Algorithm algorithm)
{
    if (!isUser(bare))
        return std::nullopt;
    return m_secrets.scramCredentials(bare, algorithm);
}

bool TopologyAuthenticator::checkPlainPassword(const Jid &bare, const QString &password)
{
    // An address outside the topology is checked as an unknown account (an
    // invalid Jid has none), so the time taken does not tell the difference.
    const bool ok = m_secrets.checkPlainPassword(isUser(bare) ? bare : Jid(), password);
    return ok && isUser(bare);
}

} // namespace fedgate::engine
