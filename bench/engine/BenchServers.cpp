#include "BenchServers.h"

#include "support/PeerProcess.h"
#include "topology/TopologyDocument.h"

#include <QDir>
#include <QFile>
#include <QTcpSocket>
#include <QThread>

#include <sys/resource.h>
#include <unistd.h>

namespace fedgate::bench {

using namespace fedgate::test;

namespace {
const QString kFedgatedDomain = QStringLiteral("contoso.test");
const QString kProsodyDomain = QStringLiteral("fabrikam.test");
const QHostAddress kFedgatedAddress(QStringLiteral("127.0.0.160"));
// The container's hard limit (no CAP_SYS_RESOURCE to raise it).
constexpr int kServerFileLimit = 20000;

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

bool waitForTcp(const QHostAddress &address, quint16 port, const QProcess *process, int timeoutMs)
{
    for (int waited = 0; waited < timeoutMs; waited += 50) {
        if (process && process->state() == QProcess::NotRunning)
            return false;
        QTcpSocket socket;
        socket.connectToHost(address, port);
        if (socket.waitForConnected(200))
            return true;
        QThread::msleep(50);
    }
    return false;
}

class Fedgated final : public FedgatedProcess
{
public:
    Fedgated(const BenchEnvironment &env, QString executable, int sessionLoops)
        : FedgatedProcess(std::move(executable))
        , m_env(env)
        , m_sessionLoops(sessionLoops)
    {
        QProcess help;
        help.start(this->executable(), {QStringLiteral("--help")});
        help.waitForFinished(5000);
        m_hasRoles = help.readAllStandardOutput().contains("--role");
    }
    // With a loop count (issue 14 target 4) it is another instance of
    // contoso.test on 127.0.0.18N, so that it can run beside the default one.
    QString name() const override
    {
        return m_sessionLoops ? QStringLiteral("fedgated-loops%1").arg(m_sessionLoops)
                              : FedgatedProcess::name();
    }
    QString domain() const override { return kFedgatedDomain; }
    QHostAddress address() const override
    {
        return m_sessionLoops ? QHostAddress(QStringLiteral("127.0.0.%1").arg(180 + m_sessionLoops))
                              : kFedgatedAddress;
    }

    bool start(QString *error) override
    {
        ++m_run;
        const QString topologyPath = m_env.path(QStringLiteral("topology.json"));
        if (!writeTopology(topologyPath, error))
            return false;
        QStringList args{
            QStringLiteral("--topology"), topologyPath, QStringLiteral("--listen"),
            address().toString() + QStringLiteral(":5269"), QStringLiteral("--cert"),
            m_env.leaf(QStringLiteral("contoso")).certificatePath, QStringLiteral("--key"),
            m_env.leaf(QStringLiteral("contoso")).keyPath, QStringLiteral("--ca"),
            m_env.ca().certificatePath(), QStringLiteral("--control"),
            m_env.path(QStringLiteral("%1-%2.sock").arg(name()).arg(m_run)),
            // More unauthenticated streams from one address than the default
            // 16: the generator opens its sessions in batches.
            QStringLiteral("--max-unauthenticated-per-address"), QStringLiteral("1000")};
        // Since issue 10 fedgated also runs the gateway unless told to be
        // the edge alone, and the edge's end of the internal link needs a
        // certificate: the s2s workloads measure the edge.
        if (m_hasRoles)
            args << QStringLiteral("--role") << QStringLiteral("edge")
                 << QStringLiteral("--internal-listen")
                 << address().toString() + QStringLiteral(":23456")
                 << QStringLiteral("--internal-cert")
                 << m_env.leaf(QStringLiteral("contoso")).certificatePath
                 << QStringLiteral("--internal-key")
                 << m_env.leaf(QStringLiteral("contoso")).keyPath << QStringLiteral("--link-ca")
                 << m_env.ca().certificatePath();
        args << hostArguments(m_env.generatorDomains(), kGeneratorAddress);
        if (m_sessionLoops)
            args << QStringLiteral("--session-loops") << QString::number(m_sessionLoops);
        return launch(args, m_env.path(QStringLiteral("%1-%2.out").arg(name()).arg(m_run)),
                      address(), 5269, error);
    }

private:
    bool writeTopology(const QString &path, QString *error) const
    {
        auto base = topology::TopologyDocument::readFile(exampleTopology());
        if (!base) {
            *error = QStringLiteral("cannot read the example topology %1").arg(exampleTopology());
            return false;
        }
        topology::Topology t = base.value();
        addGeneratorPartners(t, m_env.generatorDomains());
        const auto status = topology::TopologyDocument::writeFile(t, path);
        if (!status.ok())
            *error = QStringLiteral("cannot write %1").arg(path);
        return status.ok();
    }
    static QString exampleTopology()
    {
        return QStringLiteral(FEDGATE_SOURCE_DIR "/resources/examples/contoso.json");
    }

    const BenchEnvironment &m_env;
    int m_sessionLoops = 0;  // 0: fedgated's default
    bool m_hasRoles = false; // --role edge and the internal link's certificate
    int m_run = 0;
};

class Prosody final : public ServerUnderTest
{
public:
    Prosody(const BenchEnvironment &env, ProsodySetup setup)
        : m_env(env)
        , m_setup(std::move(setup))
    {}
    QString name() const override { return QStringLiteral("prosody"); }
    QString domain() const override { return kProsodyDomain; }
    QHostAddress address() const override { return m_setup.address; }
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
        options.address = m_setup.address;
        options.certificatePath = m_env.leaf(QStringLiteral("fabrikam")).certificatePath;
        options.keyPath = m_env.leaf(QStringLiteral("fabrikam")).keyPath;
        options.caPath = m_env.ca().certificatePath();
        options.debugLog = false;
        options.openFiles = kServerFileLimit;
        if (!m_setup.generatorAddress.isEmpty())
            for (const QString &domain : m_env.generatorDomains())
                options.hosts.insert(domain, m_setup.generatorAddress);
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
    const BenchEnvironment &m_env;
    ProsodySetup m_setup;
    std::unique_ptr<ProsodyServer> m_server;
    qint64 m_pid = 0;
};
} // namespace

QString FedgatedProcess::version() const
{
    QString output;
    runCommand(m_executable, {QStringLiteral("--version")}, &output);
    // "fedgated 0.1.0, allocator: mimalloc 2.0.9" on the table's one line.
    return output.trimmed().replace(QLatin1Char('\n'), QStringLiteral(", "));
}

bool FedgatedProcess::launch(const QStringList &args, const QString &outputPath,
                             const QHostAddress &address, quint16 port, QString *error)
{
    stop();
    m_process = std::make_unique<QProcess>();
    // Its log goes to a file: a pipe nobody reads would stall it.
    m_process->setStandardOutputFile(outputPath);
    m_process->setStandardErrorFile(outputPath);
    m_process->start(m_executable, args);
    if (!m_process->waitForStarted(10000) || !waitForTcp(address, port, m_process.get(), 20000)) {
        *error = QStringLiteral("fedgated did not start listening on %1:%2: %3")
                     .arg(address.toString())
                     .arg(port)
                     .arg(readText(outputPath).right(2000));
        return false;
    }
    return true;
}

void FedgatedProcess::stop()
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

void addGeneratorPartners(topology::Topology &t, const QStringList &domains)
{
    t.partners.clear();
    for (const QString &domain : domains) {
        topology::XmppPartner partner;
        partner.domain = domain;
        partner.type = topology::PartnerType::Federated;
        partner.tls = topology::Negotiation::Optional;
        partner.sasl = topology::Negotiation::Optional; // EXTERNAL after STARTTLS
        partner.dialback = true;
        partner.connectionLimit = 30000;
        t.partners << partner;
    }
    t.gateway.connectionLimit = 30000;
    t.gateway.partnerConnectionLimit = 30000;
    t.gateway.dialbackSecret = QStringLiteral("5ec7e75ec7e75ec7e75ec7e75ec7e75e");
}

QStringList hostArguments(const QStringList &domains, const QString &generatorAddress)
{
    QStringList args;
    for (const QString &domain : domains)
        args << QStringLiteral("--host")
             << domain + QLatin1Char('=') + generatorAddress + QStringLiteral(":5269");
    return args;
}

ProcessSample sampleProcess(qint64 pid)
{
    ProcessSample sample;
    const QString base =
        pid > 0 ? QStringLiteral("/proc/%1").arg(pid) : QStringLiteral("/proc/self");
    const QString stat = readText(base + QStringLiteral("/stat"));
    // Fields after the command name (which may hold spaces): utime is the
    // 14th field of the line, stime the 15th.
    const QStringList fields =
        stat.mid(stat.lastIndexOf(QLatin1Char(')')) + 2).split(QLatin1Char(' '));
    if (fields.size() > 12)
        sample.cpuSeconds = double(fields[11].toLongLong() + fields[12].toLongLong()) /
                            double(::sysconf(_SC_CLK_TCK));
    for (const QString &line : readText(base + QStringLiteral("/status")).split(QLatin1Char('\n')))
        if (line.startsWith(QLatin1String("VmRSS:")))
            sample.rssKiB = line.mid(6).trimmed().section(QLatin1Char(' '), 0, 0).toDouble();
    return sample;
}

int openFileCount(qint64 pid)
{
    return int(QDir(QStringLiteral("/proc/%1/fd").arg(pid))
                   .entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System)
                   .size());
}

void raiseFileLimit(long limit)
{
    const rlimit wanted{rlim_t(limit), rlim_t(limit)};
    if (::setrlimit(RLIMIT_NOFILE, &wanted) != 0) {
        rlimit current{};
        ::getrlimit(RLIMIT_NOFILE, &current);
        current.rlim_cur = current.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &current);
    }
}

qint64 prosodyPid(const QString &configPath)
{
    const QByteArray needle = configPath.toUtf8();
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        const QByteArray args = cmdline.readAll();
        // Not runuser, nor the shell that raised the limit before exec.
        const QByteArray program = args.left(args.indexOf('\0'));
        if (args.contains(needle) && !program.endsWith("runuser") && !program.endsWith("sh"))
            return pid;
    }
    return 0;
}

bool BenchEnvironment::create(const QStringList &generatorDomains, QString *error,
                              const QStringList &users, const QString &password)
{
    m_domains = generatorDomains;
    m_users = users;
    m_password = password;
    if (!m_dir.isValid()) {
        *error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    makeWorldReadableDir(m_dir.path());
    qputenv("FEDGATE_DATA_DIR", m_dir.filePath(QStringLiteral("data")).toUtf8());
    if (!m_ca.create(m_dir.path(), QStringLiteral("Fedgate Bench CA"), error))
        return false;
    // fedgated --role all adds its edge's internal and its gateway's
    // certificates; the generator's names every domain it plays, for SASL
    // EXTERNAL.
    QList<std::pair<QString, QStringList>> leaves{
        {QStringLiteral("contoso"), {kFedgatedDomain}},
        {QStringLiteral("fabrikam"), {kProsodyDomain}},
        {QStringLiteral("edge-paris"), {QStringLiteral("edge-paris.contoso.test")}},
        {QStringLiteral("fe-paris"), {QStringLiteral("fe-paris.contoso.test"), kFedgatedDomain}}};
    if (!m_domains.isEmpty())
        leaves.append({QStringLiteral("generator"), m_domains});
    for (const auto &[name, names] : leaves) {
        auto leaf = m_ca.issue(name, names.first(), names, {}, error);
        if (!leaf)
            return false;
        m_leaves.insert(name, *leaf);
    }
    return true;
}

std::unique_ptr<ServerUnderTest> makeFedgated(const BenchEnvironment &env,
                                              const QString &executable, int sessionLoops)
{
    return std::make_unique<Fedgated>(env, executable, sessionLoops);
}

std::unique_ptr<ServerUnderTest> makeProsody(const BenchEnvironment &env, const ProsodySetup &setup)
{
    return std::make_unique<Prosody>(env, setup);
}

} // namespace fedgate::bench
