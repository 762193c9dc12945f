#include "C2sServers.h"

#include "engine/link/LinkProcesses.h" // tests/engine/link: installTopology()
#include "support/Fedgatectl.h"
#include "topology/TopologyDocument.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>

#include <algorithm>

namespace fedgate::bench {

using namespace fedgate::test;

namespace {
const QString kFedgatedDomain = QStringLiteral("contoso.test");

class FedgatedAll final : public FedgatedProcess
{
public:
    FedgatedAll(const BenchEnvironment &env, QString executable, GatewaySetup setup)
        : FedgatedProcess(std::move(executable))
        , m_env(env)
        , m_setup(std::move(setup))
    {}
    QString domain() const override { return kFedgatedDomain; }
    QHostAddress address() const override { return QHostAddress(m_setup.federationAddress); }
    QHostAddress clientAddress() const override { return QHostAddress(m_setup.clientAddress); }

    bool start(QString *error) override
    {
        // One data directory (topology replica, gateway.db with the
        // accounts) for every start: setting dozens of passwords takes time.
        const QString dataDir = m_env.path(QStringLiteral("fedgated-") + m_setup.clientAddress);
        qputenv("FEDGATE_DATA_DIR", dataDir.toUtf8());
        if (!m_prepared) {
            QDir().mkpath(dataDir);
            if (!prepare(dataDir, error))
                return false;
            m_prepared = true;
        }
        const auto leaf = [this](const char *name) { return m_env.leaf(QLatin1String(name)); };
        QStringList args{QStringLiteral("--role"),
                         QStringLiteral("all"),
                         QStringLiteral("--listen"),
                         m_setup.federationAddress + QStringLiteral(":5269"),
                         QStringLiteral("--cert"),
                         leaf("contoso").certificatePath,
                         QStringLiteral("--key"),
                         leaf("contoso").keyPath,
                         QStringLiteral("--ca"),
                         m_env.ca().certificatePath(),
                         QStringLiteral("--internal-cert"),
                         leaf("edge-paris").certificatePath,
                         QStringLiteral("--internal-key"),
                         leaf("edge-paris").keyPath,
                         QStringLiteral("--gateway-cert"),
                         leaf("fe-paris").certificatePath,
                         QStringLiteral("--gateway-key"),
                         leaf("fe-paris").keyPath,
                         QStringLiteral("--client-listen"),
                         m_setup.clientAddress + QStringLiteral(":5222"),
                         QStringLiteral("--link-ca"),
                         m_env.ca().certificatePath(),
                         QStringLiteral("--control"),
                         dataDir + QStringLiteral("/fedgated.sock"),
                         QStringLiteral("--log-file"),
                         dataDir + QStringLiteral("/fedgated.log")};
        if (!m_setup.generatorAddress.isEmpty())
            args << hostArguments(m_env.generatorDomains(), m_setup.generatorAddress);
        // (It also writes its log to stderr.)
        return launch(args, dataDir + QStringLiteral("/fedgated.out"),
                      QHostAddress(m_setup.clientAddress), 5222, error);
    }

private:
    // The published topology (our edge's internal address, the users, the
    // partners) in the data directory's replica, and each user's password.
    bool prepare(const QString &dataDir, QString *error) const
    {
        auto base = topology::TopologyDocument::readFile(
            QStringLiteral(FEDGATE_SOURCE_DIR "/resources/examples/contoso.json"));
        if (!base) {
            *error = QStringLiteral("cannot read the example topology");
            return false;
        }
        topology::Topology t = base.value();
        topology::EdgePool *paris = t.edgePool(QStringLiteral("edge-paris.contoso.test"));
        paris->members.first().internalIPv4 = m_setup.clientAddress;
        paris->members.first().externalIPv4 = m_setup.federationAddress;
        paris->members.first().externalIPv6.clear();
        t.edgePool(QStringLiteral("edge-mtl.contoso.test"))->members.first().internalIPv4 =
            m_setup.idleEdgeAddress;
        t.partners.clear();
        if (!m_setup.generatorAddress.isEmpty())
            addGeneratorPartners(t, m_env.generatorDomains());
        // The bench's users beyond those of the example (alice, bob, carol).
        for (const QString &user : m_env.users()) {
            const QString address = user + QLatin1Char('@') + kFedgatedDomain;
            if (std::none_of(t.users.begin(), t.users.end(),
                             [&](const topology::User &u) { return u.xmppAddress == address; }))
                t.users << topology::User{address, user, t.users.first().site, {}};
        }
        if (!installTopology(t, dataDir)) {
            *error = QStringLiteral("cannot publish the topology into %1").arg(dataDir);
            return false;
        }
        const QString passwordFile = dataDir + QStringLiteral("/password");
        QFile pw(passwordFile);
        if (!pw.open(QIODevice::WriteOnly) || pw.write(m_env.password().toUtf8() + '\n') < 0)
            return false;
        pw.close();
        for (const QString &user : m_env.users()) {
            const CliResult result =
                runFedgatectl({QStringLiteral("user"), QStringLiteral("password"),
                               user + QLatin1Char('@') + kFedgatedDomain,
                               QStringLiteral("--password-file"), passwordFile},
                              dataDir);
            if (result.exitCode != 0) {
                *error = QStringLiteral("fedgatectl user password: ") + result.text();
                return false;
            }
        }
        return true;
    }

    const BenchEnvironment &m_env;
    GatewaySetup m_setup;
    bool m_prepared = false;
};
} // namespace

std::unique_ptr<ServerUnderTest>
makeFedgatedAll(const BenchEnvironment &env, const QString &executable, const GatewaySetup &setup)
{
    return std::make_unique<FedgatedAll>(env, executable, setup);
}

} // namespace fedgate::bench
