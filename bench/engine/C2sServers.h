#pragma once

#include "BenchServers.h"

#include <QString>

#include <memory>

// fedgated --role all for the client workloads (bench_c2s): contoso.test,
// its gateway's clients and the internal link on one address, federation on
// another, the environment's users with their passwords set by 'fedgatectl
// user password' in its gateway.db, and the generator's domains as partners
// when the setup names the generator's address. It offers STARTTLS with a
// certificate of the bench's own CA and SASL PLAIN over TLS, as Prosody does
// (makeProsody() with the same environment).
namespace fedgate::bench {

inline const QString kClientSource = QStringLiteral("127.0.0.93");

struct GatewaySetup
{
    QString clientAddress = QStringLiteral("127.0.0.90");     // clients 5222, link 23456
    QString federationAddress = QStringLiteral("127.0.0.91"); // 5269
    // The example topology's second edge pool: its internal address, where
    // nothing listens on 23456.
    QString idleEdgeAddress = QStringLiteral("127.0.0.94");
    QString generatorAddress; // the partners' streams come from here; empty: no partners
};

std::unique_ptr<ServerUnderTest> makeFedgatedAll(const BenchEnvironment &env,
                                                 const QString &executable,
                                                 const GatewaySetup &setup = {});

} // namespace fedgate::bench
