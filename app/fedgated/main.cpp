// fedgated: runs the federation engine in the foreground (systemd runs it
// the same way as a service). SIGTERM/SIGINT stop it cleanly; SIGHUP reloads
// the topology (the local replica or --topology file) without a restart.
#include "SignalWatcher.h"

#include "engine/Engine.h"
#include "engine/EngineConfig.h"
#include "engine/control/ControlServer.h"
#include "engine/runtime/EpollEventDispatcher.h"

#include <QCoreApplication>
#include <QTimer>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/resource.h>

using fedgate::engine::ControlServer;
using fedgate::engine::Engine;
using fedgate::engine::EngineConfig;

namespace {
void setUpLogging(const EngineConfig &config)
{
    std::vector<spdlog::sink_ptr> sinks;
    sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    if (!config.logFile.isEmpty())
        sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
            config.logFile.toStdString(), 10 * 1024 * 1024, 5));
    auto logger = std::make_shared<spdlog::logger>("fedgated", sinks.begin(), sinks.end());
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
    logger->set_level(config.verbose ? spdlog::level::debug : spdlog::level::info);
    logger->flush_on(spdlog::level::info);
    spdlog::set_default_logger(logger);
}

// Each s2s stream is a descriptor: raise the soft limit to the hard one so
// that thousands of sessions (or an attack) do not run out of them.
void raiseDescriptorLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) {
        spdlog::warn("cannot read the file descriptor limit: {}", std::strerror(errno));
        return;
    }
    const rlim_t before = limit.rlim_cur;
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
        else
            spdlog::warn("cannot raise the file descriptor limit from {} to {}: {}", limit.rlim_cur,
                         limit.rlim_max, std::strerror(errno));
    }
    if (limit.rlim_cur == RLIM_INFINITY)
        spdlog::info("file descriptor limit: unlimited");
    else
        spdlog::info("file descriptor limit: {} ({}hard limit {})", limit.rlim_cur,
                     before != limit.rlim_cur ? fmt::format("raised from {}, ", before)
                                              : std::string(),
                     limit.rlim_max == RLIM_INFINITY ? std::string("unlimited")
                                                     : std::to_string(limit.rlim_max));
}
} // namespace

int main(int argc, char *argv[])
{
    // Per-wake-up cost follows ready sockets, not open ones (issue 14).
    fedgate::engine::installEpollEventDispatcher();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fedgate"));
    QCoreApplication::setOrganizationName(QStringLiteral("fedgate"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FEDGATE_VERSION));
    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
        std::fputs(qPrintable(EngineConfig::usage()), stdout);
        return 0;
    }
    if (args.contains(QStringLiteral("--version"))) {
        std::printf("fedgated %s\n", FEDGATE_VERSION);
        return 0;
    }
    auto config = EngineConfig::fromArguments(args);
    if (!config) {
        std::fprintf(stderr, "fedgated: %s\n", qPrintable(config.error().message));
        return 1;
    }
    setUpLogging(config.value());
    raiseDescriptorLimit();
    auto topology = config.value().loadTopology();
    if (!topology) {
        spdlog::critical("cannot load the topology: {}", topology.error().toString().toStdString());
        return 2;
    }
    SignalWatcher signalWatcher;
    Engine engine(config.value());
    if (auto status = engine.start(topology.value()); !status) {
        spdlog::critical("{}", status.error().message.toStdString());
        return 2;
    }
    ControlServer control(&engine);
    if (auto status = control.listen(config.value().controlSocketPath); !status) {
        spdlog::critical("{}", status.error().message.toStdString());
        return 2;
    }
    spdlog::info("fedgated {} ready (pid {}), control socket {}", FEDGATE_VERSION,
                 QCoreApplication::applicationPid(),
                 config.value().controlSocketPath.toStdString());

    QObject::connect(&signalWatcher, &SignalWatcher::reloadRequested, &engine, [&] {
        spdlog::info("SIGHUP: reloading the topology");
        auto fresh = config.value().loadTopology();
        if (!fresh) {
            spdlog::error("reload failed, keeping the running configuration: {}",
                          fresh.error().toString().toStdString());
            return;
        }
        if (auto status = engine.reload(fresh.value()); !status)
            spdlog::error("reload failed: {}", status.error().message.toStdString());
    });
    bool stopping = false;
    QObject::connect(&signalWatcher, &SignalWatcher::terminateRequested, &engine, [&](int signal) {
        if (stopping)
            return;
        stopping = true;
        spdlog::info("signal {}: stopping", signal);
        control.close();
        engine.stop();
        // Give the closing streams a moment to flush, then leave.
        auto *poll = new QTimer(&engine);
        int ticks = 0;
        QObject::connect(poll, &QTimer::timeout, &engine, [&engine, poll, ticks]() mutable {
            if (engine.sessions().isEmpty() || ++ticks > 30) {
                poll->stop();
                QCoreApplication::quit();
            }
        });
        poll->start(100);
    });
    const int rc = QCoreApplication::exec();
    spdlog::info("fedgated stopped");
    return rc;
}
