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
const QHostAddress kProsodyAddress(QStringLiteral("127.0.0.161"));
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

class Fedgated final : public ServerUnderTest
{
public:
    Fedgated(const BenchEnvironment &env, QString executable)
        : m_env(env)
        , m_executable(std::move(executable))
    {
        QProcess help;
        help.start(m_executable, {QStringLiteral("--help")});
        help.waitForFinished(5000);
        m_hasRoles = help.readAllStandardOutput().contains("--role");
    }
    ~Fedgated() override { stop(); }
    QString name() const override { return QStringLiteral("fedgated"); }
    QString domain() const override { return kFedgatedDomain; }
    QHostAddress address() const override { return kFedgatedAddress; }
    qint64 pid() const override { return m_process ? m_process->processId() : 0; }
    QString version() const override
    {
        QProcess p;
        p.start(m_executable, {QStringLiteral("--version")});
        p.waitForFinished(5000);
        return QString::fromUtf8(p.readAll()).trimmed();
    }

    bool start(QString *error) override
    {
        stop();
        ++m_run;
        const QString topologyPath = m_env.path(QStringLiteral("topology.json"));
        if (!writeTopology(topologyPath, error))
            return false;
        QStringList args{
            QStringLiteral("--topology"), topologyPath, QStringLiteral("--listen"),
            kFedgatedAddress.toString() + QStringLiteral(":5269"), QStringLiteral("--cert"),
            m_env.leaf(QStringLiteral("contoso")).certificatePath, QStringLiteral("--key"),
            m_env.leaf(QStringLiteral("contoso")).keyPath, QStringLiteral("--ca"),
            m_env.ca().certificatePath(), QStringLiteral("--control"),
            m_env.path(QStringLiteral("fedgated-%1.sock").arg(m_run)),
            // More unauthenticated streams from one address than the default
            // 16: the generator opens its sessions in batches.
            QStringLiteral("--max-unauthenticated-per-address"), QStringLiteral("1000")};
        // Since issue 10 fedgated also runs the gateway unless told to be
        // the edge alone, and the edge's end of the internal link needs a
        // certificate: the s2s workloads measure the edge.
        if (m_hasRoles)
            args << QStringLiteral("--role") << QStringLiteral("edge")
                 << QStringLiteral("--internal-listen")
                 << kFedgatedAddress.toString() + QStringLiteral(":23456")
                 << QStringLiteral("--internal-cert")
                 << m_env.leaf(QStringLiteral("contoso")).certificatePath
                 << QStringLiteral("--internal-key")
                 << m_env.leaf(QStringLiteral("contoso")).keyPath << QStringLiteral("--link-ca")
                 << m_env.ca().certificatePath();
        for (const QString &domain : m_env.generatorDomains())
            args << QStringLiteral("--host")
                 << domain + QLatin1Char('=') + kGeneratorAddress + QStringLiteral(":5269");
        m_process = std::make_unique<QProcess>();
        // Its log goes to a file: a pipe nobody reads would stall it.
        m_process->setStandardOutputFile(m_env.path(QStringLiteral("fedgated-%1.out").arg(m_run)));
        m_process->setStandardErrorFile(m_env.path(QStringLiteral("fedgated-%1.out").arg(m_run)));
        m_process->start(m_executable, args);
        if (!m_process->waitForStarted(10000) ||
            !waitForTcp(kFedgatedAddress, 5269, m_process.get(), 15000)) {
            *error = QStringLiteral("fedgated did not start listening on %1:5269: %2")
                         .arg(kFedgatedAddress.toString(),
                              readText(m_env.path(QStringLiteral("fedgated-%1.out").arg(m_run)))
                                  .right(2000));
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
    bool writeTopology(const QString &path, QString *error) const
    {
        auto base = topology::TopologyDocument::readFile(exampleTopology());
        if (!base) {
            *error = QStringLiteral("cannot read the example topology %1").arg(exampleTopology());
            return false;
        }
        topology::Topology t = base.value();
        t.partners.clear();
        for (const QString &domain : m_env.generatorDomains()) {
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
    QString m_executable;
    bool m_hasRoles = false; // --role edge and the internal link's certificate
    std::unique_ptr<QProcess> m_process;
    int m_run = 0;
};

class Prosody final : public ServerUnderTest
{
public:
    explicit Prosody(const BenchEnvironment &env)
        : m_env(env)
    {}
    QString name() const override { return QStringLiteral("prosody"); }
    QString domain() const override { return kProsodyDomain; }
    QHostAddress address() const override { return kProsodyAddress; }
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
        ProsodyServer::Options options;
        options.domain = kProsodyDomain;
        options.address = kProsodyAddress;
        options.certificatePath = m_env.leaf(QStringLiteral("fabrikam")).certificatePath;
        options.keyPath = m_env.leaf(QStringLiteral("fabrikam")).keyPath;
        options.caPath = m_env.ca().certificatePath();
        options.debugLog = false;
        options.openFiles = kServerFileLimit;
        for (const QString &domain : m_env.generatorDomains())
            options.hosts.insert(domain, kGeneratorAddress);
        m_server = std::make_unique<ProsodyServer>();
        if (!m_server->start(options, error))
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
    std::unique_ptr<ProsodyServer> m_server;
    qint64 m_pid = 0;
};
} // namespace

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

bool BenchEnvironment::create(const QStringList &generatorDomains, QString *error)
{
    m_domains = generatorDomains;
    if (!m_dir.isValid()) {
        *error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    makeWorldReadableDir(m_dir.path());
    qputenv("FEDGATE_DATA_DIR", m_dir.filePath(QStringLiteral("data")).toUtf8());
    if (!m_ca.create(m_dir.path(), QStringLiteral("Fedgate Bench CA"), error))
        return false;
    for (const auto &[name, domain] : {std::pair{QStringLiteral("contoso"), kFedgatedDomain},
                                       std::pair{QStringLiteral("fabrikam"), kProsodyDomain}}) {
        auto leaf = m_ca.issue(name, domain, {domain}, {}, error);
        if (!leaf)
            return false;
        m_leaves.insert(name, *leaf);
    }
    // The generator's certificate, for SASL EXTERNAL: every domain it plays.
    auto leaf = m_ca.issue(QStringLiteral("generator"), m_domains.value(0), m_domains, {}, error);
    if (!leaf)
        return false;
    m_leaves.insert(QStringLiteral("generator"), *leaf);
    return true;
}

std::unique_ptr<ServerUnderTest> makeFedgated(const BenchEnvironment &env,
                                              const QString &executable)
{
    return std::make_unique<Fedgated>(env, executable);
}

std::unique_ptr<ServerUnderTest> makeProsody(const BenchEnvironment &env)
{
    return std::make_unique<Prosody>(env);
}

} // namespace fedgate::bench
