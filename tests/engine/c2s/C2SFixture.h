#pragma once

#include "engine/gateway/Gateway.h"
#include "support/TestCa.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QTemporaryDir>

#include <functional>
#include <memory>

// An in-process Gateway for the c2s suites: a test CA and a gateway
// certificate for contoso.test, a topology with the users alice, bob and
// carol (dave has a password but is not a user of the topology), a fresh
// gateway database in a temporary directory, passwords set through the
// AccountStore, and the client listener on 127.0.0.210 (an ephemeral port).
// slixmpp clients run as child processes while the test's event loop serves
// them.
namespace fedgate::test {

class C2SFixture
{
public:
    static inline const QString kDomain = QStringLiteral("contoso.test");
    static inline const QString kPassword = QStringLiteral("correct horse 1");

    // Changes the suite makes to the base topology (partners, policies).
    std::function<void(topology::Topology &)> customiseTopology;

    // Changes to the gateway's configuration (shorter timeouts).
    std::function<void(engine::GatewayConfig &)> customiseConfig;

    // Empty on success, else what failed.
    QString start(const QString &address = QStringLiteral("127.0.0.210"));
    topology::Topology topology() const;
    // A new Gateway on the same database (as after a fedgated restart).
    QString restartGateway();
    engine::Gateway &gateway() { return *m_gateway; }
    quint16 port() const { return m_gateway->clientPort(); }
    QHostAddress address() const { return m_address; }
    QString caPath() const { return m_ca.certificatePath(); }
    QString user(const QString &localpart) const { return localpart + QLatin1Char('@') + kDomain; }

    // Runs tests/engine/c2s/c2s_clients.py SCENARIO with `args` while the
    // event loop runs; returns its JSON and sets *exitCode.
    QJsonObject runClients(const QString &scenario, const QStringList &args, int *exitCode);

private:
    QHostAddress m_address;
    QTemporaryDir m_dir;
    engine::GatewayConfig m_config;
    TestCa m_ca;
    std::unique_ptr<engine::Gateway> m_gateway;
};

} // namespace fedgate::test
