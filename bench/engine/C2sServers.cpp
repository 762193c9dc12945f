#include "C2sServers.h"

#include "BenchServers.h"
#include "engine/link/LinkProcesses.h" // tests/engine/link: installTopology()
#include "support/Fedgatectl.h"
#include "support/PeerProcess.h"
#include "topology/TopologyDocument.h" // tests/engine/link: installTopology()

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QTcpSocket>
#include <QThread>

#include <algorithm>

namespace fedgate::bench {

using namespace fedgate::test;

namespace {
const QString kFedgatedDomain = QStringLiteral("contoso.test");
const QString kProsodyDomain = QStringLiteral("fabrikam.test");
const QString kFedgatedInternal = QStringLiteral("127.0.0.90"); // clients 5222, link 23456
const QString kFedgatedExternal = QStringLiteral("127.0.0.91"); // federation 5269
const QString kProsodyAddress = QStringLiteral("127.0.0.92");
constexpr int kServerFileLimit = 20000;

class FedgatedAll final : public ChatServer
{
public:
    FedgatedAll(const ChatEnvironment &env, QString executable)
        : m_env(env)
        , m_executable(std::move(executable))
    {}
    ~FedgatedAll() override { stop(); }
    QString name() const override { return QStringLiteral("fedgated"); }
    QString domain() const override { return kFedgatedDomain; }
    QString address() const override { return kFedgatedInternal; }
    qint64 pid() const override { return m_process ? m_process->processId() : 0; }
    QString version() const override
    {
        QString output;
        runCommand(m_executable, {QStringLiteral("--version")}, &output);
        return output.trimmed();
    }

    bool start(QString *error) override
    {
        stop();
        // One data directory (topology replica, gateway.db with the
        // accounts) for every start: setting dozens of passwords takes time.
        const QString dataDir = m_env.path(QStringLiteral("fedgated"));
        qputenv("FEDGATE_DATA_DIR", dataDir.toUtf8());
        if (!m_prepared) {
            QDir().mkpath(dataDir);
            if (!prepare(dataDir, error))
                return false;
            m_prepared = true;
        }
        const auto leaf = [this](const char *name) { return m_env.leaf(QLatin1String(name)); };
        const QStringList args{QStringLiteral("--role"),
                               QStringLiteral("all"),
                               QStringLiteral("--listen"),
                               kFedgatedExternal + QStringLiteral(":5269"),
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
                               kFedgatedInternal + QStringLiteral(":5222"),
                               QStringLiteral("--link-ca"),
                               m_env.ca().certificatePath(),
                               QStringLiteral("--control"),
                               dataDir + QStringLiteral("/fedgated.sock"),
                               QStringLiteral("--log-file"),
                               dataDir + QStringLiteral("/fedgated.log")};
        // Its log goes to a file (it also writes to stderr): a pipe nobody
        // reads would stall it.
        m_process = std::make_unique<QProcess>();
        m_process->setStandardOutputFile(dataDir + QStringLiteral("/fedgated.out"));
        m_process->setStandardErrorFile(dataDir + QStringLiteral("/fedgated.out"));
        m_process->start(m_executable, args);
        bool listening = false;
        for (int waited = 0; !listening && waited < 20000; waited += 100) {
            if (!m_process->waitForStarted(5000) || m_process->state() == QProcess::NotRunning)
                break;
            QTcpSocket socket;
            socket.connectToHost(QHostAddress(kFedgatedInternal), 5222);
            listening = socket.waitForConnected(200);
            if (!listening)
                QThread::msleep(100);
        }
        if (!listening) {
            QFile log(dataDir + QStringLiteral("/fedgated.out"));
            log.open(QIODevice::ReadOnly);
            *error = QStringLiteral("fedgated did not start listening on %1:5222: %2")
                         .arg(kFedgatedInternal, QString::fromUtf8(log.readAll().right(2000)));
            return false;
        }
        return true;
    }

    void stop() override
    {
        if (!m_process)
            return;
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(3000);
        }
        m_process.reset();
    }

private:
    // The published topology (our edge's internal address, the users) in
    // the data directory's replica, and each user's password.
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
        paris->members.first().internalIPv4 = kFedgatedInternal;
        paris->members.first().externalIPv4 = kFedgatedExternal;
        paris->members.first().externalIPv6.clear();
        t.edgePool(QStringLiteral("edge-mtl.contoso.test"))->members.first().internalIPv4 =
            QStringLiteral("127.0.0.94"); // nothing listens there
        t.partners.clear();
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

    const ChatEnvironment &m_env;
    QString m_executable;
    std::unique_ptr<QProcess> m_process;
    bool m_prepared = false;
};

class ProsodyChat final : public ChatServer
{
public:
    explicit ProsodyChat(const ChatEnvironment &env)
        : m_env(env)
    {}
    QString name() const override { return QStringLiteral("prosody"); }
    QString domain() const override { return kProsodyDomain; }
    QString address() const override { return kProsodyAddress; }
    qint64 pid() const override { return m_pid; }
    QString version() const override
    {
        QString output;
        runCommand(
            QStringLiteral("dpkg-query"),
            {QStringLiteral("-W"), QStringLiteral("-f=${Version}"), QStringLiteral("prosody")},
            &output);
        return QStringLiteral("Prosody ") + output.trimmed();
    }

    bool start(QString *error) override
    {
        stop();
        ProsodyServer::Options options;
        options.domain = kProsodyDomain;
        options.address = QHostAddress(kProsodyAddress);
        options.certificatePath = m_env.leaf(QStringLiteral("fabrikam")).certificatePath;
        options.keyPath = m_env.leaf(QStringLiteral("fabrikam")).keyPath;
        options.caPath = m_env.ca().certificatePath();
        options.debugLog = false;
        options.openFiles = kServerFileLimit;
        m_server = std::make_unique<ProsodyServer>();
        if (!m_server->start(options, error))
            return false;
        for (const QString &user : m_env.users())
            if (!m_server->registerUser(user, m_env.password(), error))
                return false;
        m_pid = prosodyPid(m_server->configPath());
        if (m_pid <= 0) {
            *error = QStringLiteral("cannot find Prosody's process");
            return false;
        }
        return true;
    }

    void stop() override
    {
        m_server.reset();
        m_pid = 0;
    }

private:
    const ChatEnvironment &m_env;
    std::unique_ptr<ProsodyServer> m_server;
    qint64 m_pid = 0;
};
} // namespace

bool ChatEnvironment::create(const QStringList &users, const QString &password, QString *error)
{
    m_users = users;
    m_password = password;
    if (!m_dir.isValid()) {
        *error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    makeWorldReadableDir(m_dir.path());
    if (!m_ca.create(m_dir.path(), QStringLiteral("Fedgate Bench CA"), error))
        return false;
    const QList<std::pair<QString, QStringList>> leaves{
        {QStringLiteral("contoso"), {kFedgatedDomain}},
        {QStringLiteral("fabrikam"), {kProsodyDomain}},
        {QStringLiteral("edge-paris"), {QStringLiteral("edge-paris.contoso.test")}},
        {QStringLiteral("fe-paris"), {QStringLiteral("fe-paris.contoso.test"), kFedgatedDomain}}};
    for (const auto &[name, names] : leaves) {
        auto leaf = m_ca.issue(name, names.first(), names, {}, error);
        if (!leaf)
            return false;
        m_leaves.insert(name, *leaf);
    }
    return true;
}

std::unique_ptr<ChatServer> makeFedgatedAll(const ChatEnvironment &env, const QString &executable)
{
    return std::make_unique<FedgatedAll>(env, executable);
}

std::unique_ptr<ChatServer> makeProsodyChat(const ChatEnvironment &env)
{
    return std::make_unique<ProsodyChat>(env);
}

} // namespace fedgate::bench
