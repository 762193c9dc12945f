#pragma once

#include "Authenticator.h"
#include "topology/Result.h"

#include <QList>

#include <memory>

// The gateway's own account secrets: for each user that has a password, the
// SCRAM-SHA-1 and SCRAM-SHA-256 credentials (random salt, iteration count,
// StoredKey, ServerKey) computed when the password is set. The password
// itself is never stored. Who is a user is the topology's business
// (Topology::users); this store only holds secrets, and the gateway checks
// that a user is in the published topology before asking it.
namespace fedgate::engine {

class GatewayDatabase;

class AccountStore : public Authenticator
{
public:
    // RFC 7677 asks for at least 4096.
    static constexpr int kDefaultIterations = 4096;
    static constexpr int kSaltBytes = 16;
    // Bounds the PBKDF2 input a client can make us hash (PLAIN).
    static constexpr int kMaxPasswordBytes = 1023;
    static constexpr int kSchemaVersion = 1;

    // Creates the accounts table when it is missing.
    static Result<std::unique_ptr<AccountStore>> open(GatewayDatabase &database);

    // Computes and stores new credentials (a fresh salt for each algorithm).
    // `iterations` below kDefaultIterations is refused.
    Status setPassword(const Jid &bare, const QString &password,
                       int iterations = kDefaultIterations);
    // Forgets the user's credentials; not an error when there were none.
    Status removeAccount(const Jid &bare);
    Result<bool> hasPassword(const Jid &bare);
    // The bare addresses that have a password, sorted.
    Result<QList<Jid>> accountsWithPassword();

    std::optional<ScramCredentials>
    scramCredentials(const Jid &bare, QCryptographicHash::Algorithm algorithm) override;
    // Derives with the stored salt and compares in constant time. An unknown
    // user costs the same derivation (against a fixed fake credential).
    bool checkPlainPassword(const Jid &bare, const QString &password) override;

private:
    explicit AccountStore(GatewayDatabase &database);

    GatewayDatabase &m_db;
};

} // namespace fedgate::engine
