#pragma once

#include "Authenticator.h"

#include <QSet>

#include <functional>

namespace fedgate::topology {
struct Topology;
}

// The accounts are the published topology's users; the secrets are
// elsewhere (AccountStore, or a directory next). This Authenticator answers
// only for users of the topology it was last given and otherwise behaves
// exactly as for an unknown user: no SCRAM credentials (the mechanism then
// invents a salt) and a PLAIN check that still pays for one derivation.
// Either the gateway calls setUsers() at start and on every reload, or it
// gives a predicate that answers from its own current topology.
namespace fedgate::engine {

class TopologyAuthenticator : public Authenticator
{
public:
    using UserPredicate = std::function<bool(const Jid &bare)>;

    explicit TopologyAuthenticator(Authenticator &secrets);
    TopologyAuthenticator(Authenticator &secrets, UserPredicate isUser);

    // Replaces the predicate, if any, by the topology's users.
    void setUsers(const topology::Topology &topology);
    bool isUser(const Jid &bare) const
    {
        return m_isUser ? m_isUser(bare) : m_users.contains(bare);
    }
    qsizetype userCount() const { return m_users.size(); }

    std::optional<ScramCredentials>
    scramCredentials(const Jid &bare, QCryptographicHash::Algorithm algorithm) override;
    bool checkPlainPassword(const Jid &bare, const QString &password) override;

private:
    Authenticator &m_secrets;
    UserPredicate m_isUser;
    QSet<Jid> m_users;
};

} // namespace fedgate::engine
