// bench_c2s: fedgated (--role all, its gateway's client listener) against
// Prosody 0.12 on client workloads, side by side in the same run (issues 10
// and 14, target 5). Both servers run on loopback (fedgated 127.0.0.90 as
// contoso.test, Prosody 127.0.0.92 as fabrikam.test) with the accounts alice
// and bob; the load generator (C2sLoadGenerator, epoll, one thread) logs in
// TLS clients from 127.0.0.93. Workloads: "chat", one client sending
// 100-byte chat messages to another, pipelined with a window, and "logins",
// N clients logging in at once (STARTTLS, SASL PLAIN, bind, presence, ping);
// and, when asked for, "inbound" (s2s inbound to a local client): the
// generator plays the partner domain gen1.test, authenticated with dialback
// on a plain s2s stream as bench_s2s does, and sends 100-byte chat messages
// to bob logged in as a TLS client, to a second pair of servers that know
// gen1.test (fedgated --role all 127.0.0.50-51, Prosody 127.0.0.52, the
// generator 127.0.0.70). Both servers stay up; each repetition alternates
// which goes first,
// and the table gives medians, ranges and the CPU-seconds of each server and
// of the generator (from /proc). Figures: bench/RESULTS.md, section "c2s".
// Run as root (Prosody runs as its own user). Not a test: no assertions.
#include "BenchOptions.h"
#include "BenchServers.h"
#include "BenchStats.h"
#include "C2sLoadGenerator.h"
#include "C2sServers.h"
#include "S2sLoadGenerator.h"
#include "support/TestPaths.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QLocale>
#include <QThread>

#include <arpa/inet.h>
#include <sys/epoll.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <map>

using namespace fedgate::bench;

namespace {

// "inbound": fedgated --role all (clients and link 127.0.0.50, federation
// 127.0.0.51) and Prosody (127.0.0.52) of their own, the partner domain
// gen1.test (the generator's dialback listener, its s2s stream and its
// client) on 127.0.0.70.
const QString kPartnerAddress = QStringLiteral("127.0.0.70");
const GatewaySetup kInboundGateway{QStringLiteral("127.0.0.50"), QStringLiteral("127.0.0.51"),
                                   kPartnerAddress, kPartnerAddress};
const ProsodySetup kInboundProsody{QHostAddress(QStringLiteral("127.0.0.52")), kPartnerAddress};

struct Options : CommonOptions
{
    Options() { workloads = QStringList{QStringLiteral("chat"), QStringLiteral("logins")}; }
    std::uint64_t messages = 30000;
    int bodyBytes = 100;
    int logins = 1000;
    // fedgated accepts at most 32 streams not yet bound per client address.
    int loginsInFlight = 30;
    int users = 64; // accounts on each server (fedgated: 16 resources each at most)
};

const char *kUsage =
    "usage: bench_c2s [--workload chat,logins,inbound] [--repeat N] [--messages N]\n"
    "                 [--window N] [--body BYTES] [--logins N] [--in-flight N] [--users N]\n"
    "                 [--server fedgated,prosody] [--quick]\n"
    "Run as root; fedgated and fedgatectl are taken from this build tree's bin/.\n";

bool parse(const QStringList &args, Options *o)
{
    const OptionSetters own{
        {QStringLiteral("--messages"), [o](const QString &v) { o->messages = v.toULongLong(); }},
        {QStringLiteral("--body"),
         [o](const QString &v) { o->bodyBytes = std::clamp(v.toInt(), 1, 60000); }},
        {QStringLiteral("--logins"),
         [o](const QString &v) { o->logins = std::clamp(v.toInt(), 1, 15000); }},
        {QStringLiteral("--users"),
         [o](const QString &v) { o->users = std::clamp(v.toInt(), 2, 2000); }},
        {QStringLiteral("--in-flight"),
         [o](const QString &v) { o->loginsInFlight = std::max(1, v.toInt()); }}};
    return parseOptions(args, o, own,
                        [o] {
                            o->messages = 3000;
                            o->logins = 50;
                        }) &&
           o->messages > 0;
}

class Bench
{
public:
    explicit Bench(const Options &options)
        : m_o(options)
    {}
    int run();

private:
    std::vector<ClientAccount> accounts(const ServerUnderTest &server, int count) const;
    const Series &record(const QString &workload, const ServerUnderTest &server, double count,
                         double seconds, double cpu, double generatorCpu);
    void chat(ServerUnderTest &server);
    void inbound(ServerUnderTest &server);
    void logins(ServerUnderTest &server);
    void print(const QString &workload, const QString &unit, const QString &perCpuUnit);
    static void note(const QString &line)
    {
        std::printf("%s\n", qPrintable(line));
        std::fflush(stdout);
    }

    Options m_o;
    BenchEnvironment m_env;
    std::map<QString, std::map<QString, Series>> m_series; // workload -> server -> series
};

std::vector<ClientAccount> Bench::accounts(const ServerUnderTest &server, int count) const
{
    std::vector<ClientAccount> list;
    // Spread over the users: fedgated binds at most 16 resources per user.
    const int users = int(m_env.users().size());
    for (int i = 0; i < count; ++i) {
        ClientAccount a;
        a.address = ::inet_addr(server.clientAddress().toString().toLatin1().constData());
        a.domain = server.domain().toStdString();
        a.user = m_env.users().at(i % users).toStdString();
        a.password = m_env.password().toStdString();
        a.resource = "bench" + std::to_string(i / users);
        list.push_back(std::move(a));
    }
    return list;
}

// Waits (at most 20 s) until the server has finished the work of the last
// run (closing a thousand sessions takes Prosody seconds): its CPU time
// stays still for 300 ms.
void settle(const ServerUnderTest &server)
{
    double last = sampleProcess(server.pid()).cpuSeconds;
    for (int i = 0; i < 66; ++i) {
        QThread::msleep(300);
        const double now = sampleProcess(server.pid()).cpuSeconds;
        if (now - last < 0.015)
            return;
        last = now;
    }
}

const Series &Bench::record(const QString &workload, const ServerUnderTest &server, double count,
                            double seconds, double cpu, double generatorCpu)
{
    Series &s = m_series[workload][server.name()];
    s.values.push_back(count / seconds);
    s.serverCpu.push_back(cpu);
    s.perCpuSecond.push_back(cpu > 0 ? count / cpu : 0);
    s.generatorCpu.push_back(generatorCpu);
    return s;
}

void Bench::chat(ServerUnderTest &server)
{
    settle(server);
    C2sLoadGenerator gen;
    gen.setSourceAddress(::inet_addr(kClientSource.toLatin1().constData()));
    const std::vector<int> ids = gen.login(accounts(server, 2), 2, 30000);
    if (ids.size() != 2) {
        note(QStringLiteral("  %1: chat clients did not log in: %2")
                 .arg(server.name(), QString::fromStdString(gen.lastError())));
        return;
    }
    const ProcessSample s0 = sampleProcess(server.pid());
    const ProcessSample g0 = sampleProcess(0);
    const MessageRun run =
        gen.pipelinedMessages(ids[0], ids[1], m_o.messages, m_o.window, m_o.bodyBytes, 300000);
    const ProcessSample s1 = sampleProcess(server.pid());
    const ProcessSample g1 = sampleProcess(0);
    gen.closeAll();
    if (run.received != m_o.messages) {
        note(QStringLiteral("  %1: %2 of %3 messages received, %4 errors, in %5 s")
                 .arg(server.name())
                 .arg(run.received)
                 .arg(m_o.messages)
                 .arg(run.errors)
                 .arg(run.seconds));
        return;
    }
    const double cpu = s1.cpuSeconds - s0.cpuSeconds;
    const Series &s = record(QStringLiteral("chat"), server, double(run.received), run.seconds, cpu,
                             g1.cpuSeconds - g0.cpuSeconds);
    note(QStringLiteral("  %1 chat: %2 msg/s, server %3 CPU-s, generator %4 CPU-s")
             .arg(server.name(), number(s.values.back()), QString::number(cpu, 'f', 2),
                  QString::number(s.generatorCpu.back(), 'f', 2)));
}

// The loop of "inbound": `partner` sends `total` copies of `stanza` on its
// authenticated stream `stream`, at most `window` of them neither received
// by client `to` nor bounced back as errors; one wait on both generators'
// epoll sets.
MessageRun relayMessages(S2sLoadGenerator &partner, int stream, C2sLoadGenerator &clients, int to,
                         const std::string &stanza, std::uint64_t total, int window, int timeoutMs)
{
    MessageRun run;
    clients.countMessages(to, &run);
    const int both = ::epoll_create1(EPOLL_CLOEXEC);
    for (const int fd : {partner.epollFd(), clients.epollFd()}) {
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.fd = fd;
        ::epoll_ctl(both, EPOLL_CTL_ADD, fd, &ev);
    }
    const std::uint64_t errorsBefore = partner.messageErrors();
    const std::int64_t start = monotonicNs();
    const std::int64_t deadline = start + std::int64_t(timeoutMs) * 1000000;
    std::string batch;
    while (run.received + run.errors < total && monotonicNs() < deadline &&
           partner.isOpen(stream) && clients.isOpen(to)) {
        const std::uint64_t outstanding = run.sent - run.received - run.errors;
        // As the chat workload: what the window allows, in one write of at
        // most 256 stanzas, while the socket takes it.
        if (run.sent < total && outstanding < std::uint64_t(window) &&
            partner.queuedBytes(stream) <= 65536) {
            const std::uint64_t n = std::min<std::uint64_t>(
                {total - run.sent, std::uint64_t(window) - outstanding, 256});
            batch.clear();
            for (std::uint64_t i = 0; i < n; ++i)
                batch += stanza;
            partner.sendStanzas(stream, batch);
            run.sent += n;
        }
        epoll_event ready[2];
        ::epoll_wait(both, ready, 2, 20);
        partner.pollOnce(0);
        clients.pollOnce(0);
        run.errors = partner.messageErrors() - errorsBefore;
    }
    run.seconds = double(monotonicNs() - start) / 1e9;
    clients.stopCounting();
    ::close(both);
    return run;
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly)
               ? QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 0)
               : QString();
}

void Bench::inbound(ServerUnderTest &server)
{
    settle(server);
    const in_addr_t generator = ::inet_addr(kPartnerAddress.toLatin1().constData());
    C2sLoadGenerator clients;
    clients.setSourceAddress(generator);
    const std::vector<int> ids = clients.login(accounts(server, 2), 2, 30000);
    S2sLoadGenerator partner;
    std::string error;
    if (ids.size() != 2 || !partner.listen(generator, &error)) {
        note(QStringLiteral("  %1: inbound: %2%3")
                 .arg(server.name(), QString::fromStdString(clients.lastError()),
                      QString::fromStdString(error)));
        return;
    }
    partner.setSourceAddresses({generator});
    const std::string domain = m_env.generatorDomains().first().toStdString();
    const std::vector<int> streams =
        partner.openStreams({::inet_addr(server.address().toString().toLatin1().constData()),
                             server.domain().toStdString()},
                            domain, 1, false, 1, 30000);
    if (streams.empty()) {
        note(QStringLiteral("  %1: no authenticated stream from %2: %3")
                 .arg(server.name(), m_env.generatorDomains().first(),
                      QString::fromStdString(partner.lastError())));
        return;
    }
    // bob receives; a warm-up first (the routes, the gateway's first use).
    const std::string stanza =
        chatMessage(clients.jid(ids[1]), m_o.bodyBytes, "sender@" + domain + "/bench");
    relayMessages(partner, streams[0], clients, ids[1], stanza, 500, m_o.window, 30000);
    const QString load = loadAverage();
    const ProcessSample s0 = sampleProcess(server.pid());
    const ProcessSample g0 = sampleProcess(0);
    const MessageRun run = relayMessages(partner, streams[0], clients, ids[1], stanza, m_o.messages,
                                         m_o.window, 300000);
    const ProcessSample s1 = sampleProcess(server.pid());
    const ProcessSample g1 = sampleProcess(0);
    partner.closeAll();
    clients.closeAll();
    if (run.received != m_o.messages) {
        note(QStringLiteral("  %1: inbound: %2 of %3 messages received, %4 errors, in %5 s (%6)")
                 .arg(server.name())
                 .arg(run.received)
                 .arg(m_o.messages)
                 .arg(run.errors)
                 .arg(run.seconds)
                 .arg(QString::fromStdString(partner.lastError())));
        return;
    }
    const double cpu = s1.cpuSeconds - s0.cpuSeconds;
    const Series &s = record(QStringLiteral("inbound"), server, double(run.received), run.seconds,
                             cpu, g1.cpuSeconds - g0.cpuSeconds);
    note(QStringLiteral("  %1 inbound: %2 msg/s, server %3 CPU-s, generator %4 CPU-s, "
                        "load average %5")
             .arg(server.name(), number(s.values.back()), QString::number(cpu, 'f', 2),
                  QString::number(s.generatorCpu.back(), 'f', 2), load));
}

void Bench::logins(ServerUnderTest &server)
{
    settle(server);
    C2sLoadGenerator gen;
    gen.setSourceAddress(::inet_addr(kClientSource.toLatin1().constData()));
    const ProcessSample s0 = sampleProcess(server.pid());
    const ProcessSample g0 = sampleProcess(0);
    const std::int64_t start = monotonicNs();
    const std::vector<int> ids =
        gen.login(accounts(server, m_o.logins), m_o.loginsInFlight, 300000);
    const double seconds = double(monotonicNs() - start) / 1e9;
    const ProcessSample s1 = sampleProcess(server.pid());
    const ProcessSample g1 = sampleProcess(0);
    const ProcessSample resident = sampleProcess(server.pid());
    gen.closeAll();
    if (int(ids.size()) != m_o.logins) {
        note(QStringLiteral("  %1: %2 of %3 clients logged in (%4 failures; last: %5)")
                 .arg(server.name())
                 .arg(ids.size())
                 .arg(m_o.logins)
                 .arg(gen.failures())
                 .arg(QString::fromStdString(gen.lastError())));
        return;
    }
    const double cpu = s1.cpuSeconds - s0.cpuSeconds;
    const Series &s = record(QStringLiteral("logins"), server, double(ids.size()), seconds, cpu,
                             g1.cpuSeconds - g0.cpuSeconds);
    note(QStringLiteral("  %1 logins: %2 /s, server %3 CPU-s (RSS %4 MiB with %5 clients), "
                        "generator %6 CPU-s")
             .arg(server.name(), number(s.values.back()), QString::number(cpu, 'f', 2),
                  QString::number(resident.rssKiB / 1024, 'f', 1))
             .arg(ids.size())
             .arg(QString::number(s.generatorCpu.back(), 'f', 2)));
}

void Bench::print(const QString &workload, const QString &unit, const QString &perCpuUnit)
{
    const auto &byServer = m_series[workload];
    std::map<QString, double> perSecond, perCpu;
    for (const auto &[name, s] : byServer) {
        if (s.values.empty())
            continue;
        const auto [lo, hi] = std::minmax_element(s.values.begin(), s.values.end());
        perSecond[name] = median(s.values);
        perCpu[name] = median(s.perCpuSecond);
        note(QStringLiteral("| %1 | %2 | %3 %4 | %5–%6 | %7 | %8 %9 | %10 |")
                 .arg(workload, name, number(perSecond[name]), unit, number(*lo), number(*hi),
                      QString::number(median(s.serverCpu), 'f', 2), number(perCpu[name]),
                      perCpuUnit)
                 .arg(QString::number(median(s.generatorCpu), 'f', 2)));
    }
    const QString f = QStringLiteral("fedgated"), p = QStringLiteral("prosody");
    if (perSecond.count(f) && perSecond.count(p) && perSecond[p] > 0 && perCpu[p] > 0)
        note(QStringLiteral("| %1 | fedgated / prosody | %2x | | | %3x | |")
                 .arg(workload, QString::number(perSecond[f] / perSecond[p], 'f', 2),
                      QString::number(perCpu[f] / perCpu[p], 'f', 2)));
}

int Bench::run()
{
    QString error;
    // alice and bob chat; all users carry the logins (16 resources each at
    // most on fedgated: 64 users for 1,000 clients, 625 for 10,000).
    QStringList users{QStringLiteral("alice"), QStringLiteral("bob")};
    for (int i = 2; i < m_o.users; ++i)
        users << QStringLiteral("user%1").arg(i, 3, 10, QLatin1Char('0'));
    if (!m_env.create({QStringLiteral("gen1.test")}, &error, users,
                      QStringLiteral("bench-secret-1"))) {
        note(QStringLiteral("bench_c2s: %1").arg(error));
        return 1;
    }
    raiseFileLimit(20000);
    // The client workloads' pair, and the pair that also federates with
    // gen1.test for "inbound"; each is started only for its workloads.
    std::vector<std::unique_ptr<ServerUnderTest>> servers, inboundServers;
    for (const QString &name : m_o.servers) {
        if (name == QLatin1String("fedgated")) {
            servers.push_back(makeFedgatedAll(m_env, fedgate::test::executable(name)));
            inboundServers.push_back(
                makeFedgatedAll(m_env, fedgate::test::executable(name), kInboundGateway));
        } else if (name == QLatin1String("prosody")) {
            servers.push_back(makeProsody(m_env, {QHostAddress(QStringLiteral("127.0.0.92")), {}}));
            inboundServers.push_back(makeProsody(m_env, kInboundProsody));
        }
    }
    const bool clientWorkloads = m_o.workloads.contains(QLatin1String("chat")) ||
                                 m_o.workloads.contains(QLatin1String("logins"));
    const bool inboundWorkload = m_o.workloads.contains(QLatin1String("inbound"));
    if (!clientWorkloads)
        servers.clear();
    if (!inboundWorkload)
        inboundServers.clear();
    const auto &named = servers.empty() ? inboundServers : servers;
    note(QStringLiteral("bench_c2s %1, %2 CPUs; %3; %4")
             .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate))
             .arg(QThread::idealThreadCount())
             .arg(named.empty() ? QString() : named.front()->version(),
                  named.size() > 1 ? named.back()->version() : QString()));
    if (clientWorkloads)
        note(QStringLiteral("chat: %1 messages of %2-byte bodies, window %3; logins: %4 clients, "
                            "%5 at a time; %6 repetitions")
                 .arg(m_o.messages)
                 .arg(m_o.bodyBytes)
                 .arg(m_o.window)
                 .arg(m_o.logins)
                 .arg(m_o.loginsInFlight)
                 .arg(m_o.repeat));
    if (inboundWorkload)
        note(QStringLiteral("inbound (s2s inbound to a local client): %1 messages of %2-byte "
                            "bodies from gen1.test (dialback, plain s2s) to a logged-in TLS "
                            "client, window %3; %4 repetitions; load average at start %5")
                 .arg(m_o.messages)
                 .arg(m_o.bodyBytes)
                 .arg(m_o.window)
                 .arg(m_o.repeat)
                 .arg(loadAverage()));
    // Both servers stay up for the whole run (an idle one costs nothing);
    // each repetition alternates which goes first.
    for (const auto *list : {&servers, &inboundServers})
        for (auto &server : *list)
            if (!server->start(&error)) {
                note(QStringLiteral("bench_c2s: %1: %2").arg(server->name(), error));
                return 1;
            }
    for (int r = 0; r < m_o.repeat; ++r) {
        for (std::size_t k = 0; k < servers.size(); ++k) {
            ServerUnderTest &server = *servers[(k + std::size_t(r)) % servers.size()];
            if (m_o.workloads.contains(QLatin1String("chat")))
                chat(server);
            if (m_o.workloads.contains(QLatin1String("logins")))
                logins(server);
        }
        for (std::size_t k = 0; k < inboundServers.size(); ++k)
            inbound(*inboundServers[(k + std::size_t(r)) % inboundServers.size()]);
    }
    for (const auto *list : {&servers, &inboundServers})
        for (auto &server : *list)
            server->stop();
    note(QStringLiteral("\n| workload | server | median | range | server CPU-s | per server "
                        "CPU-s | generator CPU-s |\n|---|---|---|---|---|---|---|"));
    print(QStringLiteral("chat"), QStringLiteral("msg/s"), QStringLiteral("msg"));
    print(QStringLiteral("logins"), QStringLiteral("logins/s"), QStringLiteral("logins"));
    print(QStringLiteral("inbound"), QStringLiteral("msg/s"), QStringLiteral("msg"));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // fedgated and fedgatectl (support/TestPaths, support/Fedgatectl) from
    // this build tree's bin/, where bench_c2s is too.
    if (qEnvironmentVariableIsEmpty("FEDGATE_BINARY_DIR"))
        qputenv("FEDGATE_BINARY_DIR",
                QDir(QCoreApplication::applicationDirPath() + QStringLiteral("/.."))
                    .absolutePath()
                    .toUtf8());
    Options options;
    if (!parse(app.arguments(), &options)) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    return Bench(options).run();
}
