#pragma once

#include "topology/Result.h"

#include <QByteArray>
#include <QString>

// The passphrase that encrypts every private key Fedgate keeps (pending
// requests, imported and assigned certificates, the internal CA).
// FEDGATE_KEYSTORE_PASSPHRASE wins when set; otherwise a random secret kept in
// <certs>/keystore.secret (0600), created on first use. See certs/README.md
// for what this protects against and what it does not.
namespace fedgate::certs {

class KeyStoreSecret
{
public:
    static constexpr const char *kEnvironmentVariable = "FEDGATE_KEYSTORE_PASSPHRASE";

    // `secretPath`: where the generated secret lives.
    static Result<QByteArray> passphrase(const QString &secretPath);
};

} // namespace fedgate::certs
