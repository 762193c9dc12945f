// bench_s2s: fedgated against Prosody 0.12 on server-to-server workloads,
// side by side in the same run (issue 14). Both servers run on loopback
// (fedgated 127.0.0.160 as contoso.test, Prosody 127.0.0.161 as
// fabrikam.test); the load generator (S2sLoadGenerator, epoll, one thread)
// plays the partner domains gen1.test... with its authoritative listener on
// 127.0.0.162 and its streams leaving from 127.0.0.163-170. Each workload
// alternates the two servers, repeats, and prints medians, ranges and the
// CPU-seconds of each server and of the generator (from /proc). Figures:
// RESULTS-s2s.md. Run as root (Prosody runs as its own user).
#include "BenchOptions.h"
#include "BenchServers.h"
#include "BenchStats.h"
#include "S2sLoadGenerator.h"
#include "support/TestPaths.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QThread>

#include <arpa/inet.h>

#include <algorithm>
#include <cstdio>
#include <map>

using namespace fedgate::bench;

namespace {

struct Options : CommonOptions
{
    Options()
    {
        workloads = QStringList{QStringLiteral("pings"),   QStringLiteral("mss"),
                                QStringLiteral("streams"), QStringLiteral("idle"),
                                QStringLiteral("memory"),  QStringLiteral("latency")};
    }
    std::uint64_t pings = 50000;
    int streams = 4;
    QList<int> idleSessions{0, 1000, 10000};
    int memorySessions = 10000;
    int tlsSessions = 2000; // fedgated opens fewer than 100 EXTERNAL sessions a second here
    int latencyPings = 500;
    double latencyRate = 100;
};

const char *kUsage =
    "usage: bench_s2s [--workload pings,mss,streams,idle,memory,latency] [--repeat N]\n"
    "                 [--pings N] [--window N] [--streams N] [--sessions 0,1000,10000]\n"
    "                 [--memory-sessions N] [--tls-sessions N] [--latency-pings N]\n"
    "                 [--server fedgated,fedgated-loops1,fedgated-loops2,prosody] [--quick]\n"
    "Run as root from anywhere; fedgated is taken from this build tree's bin/.\n";

QList<int> intList(const QString &text)
{
    QList<int> values;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        values << part.toInt();
    return values;
}

bool parse(const QStringList &args, Options *o)
{
    const OptionSetters own{
        {QStringLiteral("--pings"), [o](const QString &v) { o->pings = v.toULongLong(); }},
        {QStringLiteral("--streams"),
         [o](const QString &v) { o->streams = std::clamp(v.toInt(), 1, 8); }},
        {QStringLiteral("--sessions"), [o](const QString &v) { o->idleSessions = intList(v); }},
        {QStringLiteral("--memory-sessions"),
         [o](const QString &v) { o->memorySessions = std::max(1, v.toInt()); }},
        {QStringLiteral("--tls-sessions"),
         [o](const QString &v) { o->tlsSessions = std::max(1, v.toInt()); }},
        {QStringLiteral("--latency-pings"),
         [o](const QString &v) { o->latencyPings = std::max(10, v.toInt()); }}};
    return parseOptions(args, o, own,
                        [o] {
                            o->pings = 5000;
                            o->idleSessions = {0, 100};
                            o->memorySessions = 200;
                            o->tlsSessions = 100;
                            o->latencyPings = 100;
                        }) &&
           o->pings > 0;
}

in_addr_t ipv4(const QString &address)
{
    return ::inet_addr(address.toLatin1().constData());
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const auto index = std::size_t(p / 100.0 * double(v.size() - 1) + 0.5);
    return v[std::min(index, v.size() - 1)];
}

// One printed line: a figure over the repetitions, plus CPU-seconds.
struct Row : Series
{
    QString workload;
    QString server;
    QString unit;
};

class Bench
{
public:
    explicit Bench(Options options)
        : m_o(std::move(options))
    {}
    int run();

private:
    bool startServers(ServerUnderTest *only = nullptr);
    bool authenticateStream(ServerUnderTest &server, const QString &domain, int *stream);
    GeneratorTarget target(const ServerUnderTest &server) const
    {
        return {ipv4(server.address().toString()), server.domain().toStdString()};
    }
    void pingRows(const QString &label,
                  const std::map<ServerUnderTest *, std::vector<int>> &streams);
    void workloadPings(int streamCount, const QString &label);
    void workloadIdle();
    void workloadMemory(bool tls);
    void workloadLatency();
    void print(const Row &row);
    void ratio(const QString &what, const Row &a, const Row &b);
    void note(const QString &line);

    Options m_o;
    BenchEnvironment m_env;
    std::vector<std::unique_ptr<ServerUnderTest>> m_servers;
    std::unique_ptr<S2sLoadGenerator> m_gen;
    QString m_error;
    int m_maxSegment = 0; // TCP_MAXSEG of the generator's sockets; 0 = loopback's
    std::map<QString, std::map<QString, double>> m_medians; // workload -> server -> median
};

void Bench::note(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

void Bench::print(const Row &row)
{
    const auto [lo, hi] = std::minmax_element(row.values.begin(), row.values.end());
    const double med = median(row.values);
    m_medians[row.workload][row.server] = med;
    note(QStringLiteral("| %1 | %2 | %3 %4 | %5–%6 | %7 | %8 | %9 |")
             .arg(row.workload, row.server, number(med), row.unit,
                  row.values.empty() ? QString() : number(*lo),
                  row.values.empty() ? QString() : number(*hi),
                  row.serverCpu.empty() ? QStringLiteral("–")
                                        : QString::number(median(row.serverCpu), 'f', 2),
                  row.perCpuSecond.empty() ? QStringLiteral("–") : number(median(row.perCpuSecond)),
                  row.generatorCpu.empty() ? QStringLiteral("–")
                                           : QString::number(median(row.generatorCpu), 'f', 2)));
}

bool Bench::startServers(ServerUnderTest *only)
{
    for (auto &server : m_servers) {
        if (only && server.get() != only) {
            server->stop();
            continue;
        }
        if (!server->start(&m_error)) {
            note(QStringLiteral("ERROR: %1 did not start: %2").arg(server->name(), m_error));
            return false;
        }
    }
    m_gen = std::make_unique<S2sLoadGenerator>();
    m_gen->setMaxSegment(m_maxSegment);
    const auto generatorLeaf = m_env.leaf(QStringLiteral("generator"));
    m_gen->setClientCertificate(generatorLeaf.certificatePath.toStdString(),
                                generatorLeaf.keyPath.toStdString());
    std::string error;
    if (!m_gen->listen(ipv4(kGeneratorAddress), &error)) {
        note(QStringLiteral("ERROR: generator: %1").arg(QString::fromStdString(error)));
        return false;
    }
    std::vector<in_addr_t> sources;
    for (int i = 163; i <= 170; ++i)
        sources.push_back(ipv4(QStringLiteral("127.0.0.%1").arg(i)));
    m_gen->setSourceAddresses(sources);
    return true;
}

bool Bench::authenticateStream(ServerUnderTest &server, const QString &domain, int *stream)
{
    const auto ids = m_gen->openStreams(target(server), domain.toStdString(), 1, false, 1, 20000);
    if (ids.empty()) {
        note(QStringLiteral("ERROR: no authenticated stream %1 -> %2: %3")
                 .arg(domain, server.name(), QString::fromStdString(m_gen->lastError())));
        return false;
    }
    *stream = ids.front();
    // Warm-up: the server's outbound stream back to `domain` gets set up.
    const PingRun warm = m_gen->pipelinedPings({*stream}, 200, 50, 20000);
    if (warm.answered < warm.sent) {
        note(QStringLiteral("ERROR: %1 answered %2 of %3 warm-up pings from %4")
                 .arg(server.name())
                 .arg(warm.answered)
                 .arg(warm.sent)
                 .arg(domain));
        return false;
    }
    return true;
}

void Bench::pingRows(const QString &label,
                     const std::map<ServerUnderTest *, std::vector<int>> &streams)
{
    std::map<ServerUnderTest *, Row> rows;
    for (int rep = 0; rep < m_o.repeat; ++rep) {
        for (auto &server : m_servers) {
            if (!streams.count(server.get()))
                continue;
            Row &row = rows[server.get()];
            row.workload = label;
            row.server = server->name();
            row.unit = QStringLiteral("pings/s");
            const ProcessSample before = sampleProcess(server->pid());
            const ProcessSample genBefore = sampleProcess(0);
            const PingRun run =
                m_gen->pipelinedPings(streams.at(server.get()), m_o.pings, m_o.window, 120000);
            const ProcessSample after = sampleProcess(server->pid());
            const ProcessSample genAfter = sampleProcess(0);
            const double cpu = after.cpuSeconds - before.cpuSeconds;
            if (run.answered < run.sent || run.errors)
                note(QStringLiteral("WARNING: %1 %2: %3 of %4 pings answered, %5 errors (%6)")
                         .arg(label, server->name())
                         .arg(run.answered)
                         .arg(run.sent)
                         .arg(run.errors)
                         .arg(QString::fromStdString(m_gen->lastError())));
            row.values.push_back(double(run.answered) / run.seconds);
            // Each run with the box's load: other builds on a shared box
            // change what a second core can add (issue 14 target 4).
            QFile loadavg(QStringLiteral("/proc/loadavg"));
            loadavg.open(QIODevice::ReadOnly);
            note(QStringLiteral("#   %1 %2 run %3: %4 pings/s, %5 CPU-s, load %6")
                     .arg(label, server->name())
                     .arg(rep + 1)
                     .arg(number(row.values.back()))
                     .arg(cpu, 0, 'f', 2)
                     .arg(QString::fromLatin1(loadavg.readAll()).section(QLatin1Char(' '), 0, 0)));
            row.serverCpu.push_back(cpu);
            row.perCpuSecond.push_back(cpu > 0 ? double(run.answered) / cpu : 0);
            row.generatorCpu.push_back(genAfter.cpuSeconds - genBefore.cpuSeconds);
        }
    }
    for (auto &server : m_servers)
        if (streams.count(server.get()))
            print(rows[server.get()]);
}

void Bench::workloadPings(int streamCount, const QString &label)
{
    if (!startServers())
        return;
    std::map<ServerUnderTest *, std::vector<int>> streams;
    for (auto &server : m_servers)
        for (int i = 0; i < streamCount; ++i) {
            int id = -1;
            if (!authenticateStream(*server, m_env.generatorDomains()[i], &id))
                return;
            streams[server.get()].push_back(id);
        }
    pingRows(label, streams);
    m_gen.reset();
}

void Bench::workloadIdle()
{
    // One server at a time: the generator holds every idle session, and its
    // open-file limit (20,000 here) cannot hold 10,000 for both at once.
    for (int sessions : m_o.idleSessions) {
        for (auto &server : m_servers) {
            if (!startServers(server.get()))
                return;
            int id = -1;
            if (!authenticateStream(*server, m_env.generatorDomains()[0], &id))
                return;
            const std::int64_t start = monotonicNs();
            std::size_t opened = 0;
            const int perDomain = sessions / m_o.streams;
            for (int d = 0; d < m_o.streams; ++d) {
                const int count = perDomain + (d < sessions % m_o.streams ? 1 : 0);
                opened +=
                    m_gen
                        ->openStreams(target(*server), m_env.generatorDomains()[d].toStdString(),
                                      count, false, 64, 300000)
                        .size();
            }
            const double seconds = double(monotonicNs() - start) / 1e9;
            if (sessions > 0)
                note(QStringLiteral("# %1: %2 of %3 idle sessions authenticated in %4 s (%5/s)%6")
                         .arg(server->name())
                         .arg(opened)
                         .arg(sessions)
                         .arg(seconds, 0, 'f', 1)
                         .arg(double(opened) / seconds, 0, 'f', 0)
                         .arg(opened < std::size_t(sessions)
                                  ? QStringLiteral("; last failure: ") +
                                        QString::fromStdString(m_gen->lastError())
                                  : QString()));
            pingRows(QStringLiteral("c) pings, %1 idle sessions").arg(sessions),
                     {{server.get(), {id}}});
            m_gen.reset();
            server->stop();
        }
    }
}

void Bench::workloadMemory(bool tls)
{
    const QString kind =
        tls ? QStringLiteral("TLS (STARTTLS + SASL EXTERNAL)") : QStringLiteral("plain (dialback)");
    if (!startServers())
        return;
    for (auto &server : m_servers) {
        int id = -1;
        if (!authenticateStream(*server, m_env.generatorDomains()[0], &id))
            return;
        QThread::msleep(1000);
        const int filesAtStart = openFileCount(server->pid());
        const ProcessSample start = sampleProcess(server->pid());
        const std::int64_t t0 = monotonicNs();
        const int externalBefore = m_gen->externalCount();
        std::vector<int> ids;
        const int sessions = tls ? m_o.tlsSessions : m_o.memorySessions;
        const int perDomain = sessions / m_o.streams;
        for (int d = 0; d < m_o.streams; ++d) {
            const int count = perDomain + (d < sessions % m_o.streams ? 1 : 0);
            const auto got = m_gen->openStreams(
                target(*server), m_env.generatorDomains()[d].toStdString(), count, tls, 64, 300000);
            ids.insert(ids.end(), got.begin(), got.end());
        }
        const double seconds = double(monotonicNs() - t0) / 1e9;
        const int external = m_gen->externalCount() - externalBefore;
        QThread::msleep(1000);
        const ProcessSample open = sampleProcess(server->pid());
        m_gen->closeStreams(ids);
        // Until the server has closed its side (at most 60 s), then a moment.
        for (int waited = 0; waited < 60000 && openFileCount(server->pid()) > filesAtStart + 10;
             waited += 200)
            QThread::msleep(200);
        QThread::msleep(2000);
        if (openFileCount(server->pid()) > filesAtStart + 10)
            note(QStringLiteral("# %1 still has %2 open files 60 s after the close (%3 before)")
                     .arg(server->name())
                     .arg(openFileCount(server->pid()))
                     .arg(filesAtStart));
        const ProcessSample closed = sampleProcess(server->pid());
        const double perSession =
            ids.empty() ? 0 : (open.rssKiB - start.rssKiB) / double(ids.size());
        if (tls && std::size_t(external) != ids.size())
            note(QStringLiteral(
                     "# %1: %2 of %3 TLS sessions used SASL EXTERNAL, the others dialback")
                     .arg(server->name())
                     .arg(external)
                     .arg(ids.size()));
        m_medians[QStringLiteral("d) ") + kind][server->name()] = perSession;
        m_medians[QStringLiteral("d) after close ") + kind][server->name()] =
            closed.rssKiB - start.rssKiB;
        note(QStringLiteral("| d) idle %1 session memory | %2 | %3 KiB/session | %4 sessions, "
                            "RSS %5 → %6 MiB, after close %7 MiB | %8 | %9/s opened | – |")
                 .arg(kind, server->name(), QString::number(perSession, 'f', 1))
                 .arg(ids.size())
                 .arg(start.rssKiB / 1024, 0, 'f', 1)
                 .arg(open.rssKiB / 1024, 0, 'f', 1)
                 .arg(closed.rssKiB / 1024, 0, 'f', 1)
                 .arg(closed.cpuSeconds - start.cpuSeconds, 0, 'f', 2)
                 .arg(double(ids.size()) / seconds, 0, 'f', 0));
        if (ids.size() < std::size_t(sessions))
            note(QStringLiteral("# %1: only %2 of %3 %4 sessions authenticated; last failure: %5")
                     .arg(server->name())
                     .arg(ids.size())
                     .arg(sessions)
                     .arg(kind, QString::fromStdString(m_gen->lastError())));
    }
    m_gen.reset();
}

void Bench::workloadLatency()
{
    if (!startServers())
        return;
    std::map<ServerUnderTest *, int> streams;
    for (auto &server : m_servers) {
        int id = -1;
        if (!authenticateStream(*server, m_env.generatorDomains()[0], &id))
            return;
        streams[server.get()] = id;
    }
    std::map<ServerUnderTest *, std::vector<double>> p50, p90, p99;
    for (int rep = 0; rep < m_o.repeat; ++rep)
        for (auto &server : m_servers) {
            const PingRun run = m_gen->pacedPings(
                streams[server.get()], std::uint64_t(m_o.latencyPings), m_o.latencyRate, 10000);
            p50[server.get()].push_back(percentile(run.latencyMs, 50));
            p90[server.get()].push_back(percentile(run.latencyMs, 90));
            p99[server.get()].push_back(percentile(run.latencyMs, 99));
        }
    for (auto &server : m_servers) {
        const auto &v = p99[server.get()];
        const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
        m_medians[QStringLiteral("e) p99")][server->name()] = median(v);
        note(QStringLiteral("| e) ping latency at %1/s | %2 | p50 %3 / p90 %4 / p99 %5 ms | p99 "
                            "%6–%7 | – | – | – |")
                 .arg(m_o.latencyRate)
                 .arg(server->name())
                 .arg(median(p50[server.get()]), 0, 'f', 3)
                 .arg(median(p90[server.get()]), 0, 'f', 3)
                 .arg(median(v), 0, 'f', 3)
                 .arg(*lo, 0, 'f', 3)
                 .arg(*hi, 0, 'f', 3));
    }
    m_gen.reset();
}

int Bench::run()
{
    QStringList domains;
    for (int i = 1; i <= 8; ++i)
        domains << QStringLiteral("gen%1.test").arg(i);
    if (!m_env.create(domains, &m_error)) {
        note(QStringLiteral("ERROR: %1").arg(m_error));
        return 1;
    }
    const QString fedgated = QCoreApplication::applicationDirPath() + QStringLiteral("/fedgated");
    for (const QString &name : m_o.servers) {
        if (name == QLatin1String("fedgated"))
            m_servers.push_back(makeFedgated(m_env, fedgated));
        else if (name.startsWith(QLatin1String("fedgated-loops")) && name.mid(14).toInt() >= 1 &&
                 name.mid(14).toInt() <= 9)
            m_servers.push_back(makeFedgated(m_env, fedgated, name.mid(14).toInt()));
        else if (name == QLatin1String("prosody"))
            m_servers.push_back(makeProsody(m_env));
    }
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    cpuinfo.open(QIODevice::ReadOnly);
    QString model;
    for (const QString &line : QString::fromUtf8(cpuinfo.readAll()).split(QLatin1Char('\n')))
        if (line.startsWith(QLatin1String("model name"))) {
            model = line.section(QLatin1Char(':'), 1).trimmed();
            break;
        }
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    loadavg.open(QIODevice::ReadOnly);
    note(QStringLiteral("# bench_s2s %1")
             .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate)));
    note(QStringLiteral("# machine: %1 cores, %2; load average at start: %3")
             .arg(QThread::idealThreadCount())
             .arg(model, QString::fromLatin1(loadavg.readAll()).section(QLatin1Char(' '), 0, 2)));
    QProcess git;
    git.start(QStringLiteral("git"),
              {QStringLiteral("-C"), QStringLiteral(FEDGATE_SOURCE_DIR), QStringLiteral("describe"),
               QStringLiteral("--always"), QStringLiteral("--dirty")});
    git.waitForFinished(10000);
    note(QStringLiteral("# source tree: %1").arg(QString::fromUtf8(git.readAll()).trimmed()));
    for (auto &server : m_servers)
        note(QStringLiteral("# %1: %2").arg(server->name(), server->version()));
    note(QStringLiteral("# %1 repetitions, %2 pings, window %3, %4 streams for b)")
             .arg(m_o.repeat)
             .arg(m_o.pings)
             .arg(m_o.window)
             .arg(m_o.streams));
    note(QStringLiteral("\n| workload | server | median | range | server CPU-s | per server "
                        "CPU-s | generator CPU-s |\n|---|---|---:|---:|---:|---:|---:|"));
    for (const QString &w : m_o.workloads) {
        if (w == QLatin1String("pings"))
            workloadPings(1, QStringLiteral("a) pings, 1 stream"));
        else if (w == QLatin1String("mss")) {
            // The same workload as a), segments the size of Ethernet's: no
            // 64 KiB loopback segments for Nagle and delayed ACKs to stall on.
            m_maxSegment = 1448;
            workloadPings(1, QStringLiteral("a2) pings, 1 stream, MSS 1448"));
            m_maxSegment = 0;
        } else if (w == QLatin1String("streams"))
            workloadPings(m_o.streams, QStringLiteral("b) pings, %1 streams").arg(m_o.streams));
        else if (w == QLatin1String("idle"))
            workloadIdle();
        else if (w == QLatin1String("memory")) {
            workloadMemory(false);
            workloadMemory(true);
        } else if (w == QLatin1String("latency"))
            workloadLatency();
        else
            note(QStringLiteral("ERROR: unknown workload '%1'").arg(w));
    }
    for (auto &server : m_servers)
        server->stop();
    note(QStringLiteral("\n# ratios (fedgated / prosody, medians)"));
    for (const auto &[workload, byServer] : m_medians)
        if (byServer.count(QStringLiteral("fedgated")) &&
            byServer.count(QStringLiteral("prosody")) &&
            byServer.at(QStringLiteral("prosody")) != 0)
            note(QStringLiteral("# %1: %2")
                     .arg(workload)
                     .arg(byServer.at(QStringLiteral("fedgated")) /
                              byServer.at(QStringLiteral("prosody")),
                          0, 'f', 2));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Options options;
    if (!parse(app.arguments(), &options)) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    raiseFileLimit(20000); // the hard limit here; the generator holds every session
    return Bench(options).run();
}
