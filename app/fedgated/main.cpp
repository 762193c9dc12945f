// fedgated: runs the federation engine in the foreground (systemd runs it
// the same way as a service), in one of three roles (--role edge|gateway|all,
// see RoleOptions). SIGTERM/SIGINT stop it cleanly; SIGHUP reloads the
// topology (the local replica or --topology file) and the certificates
// (files or key store, as at start) without a restart.
#include "EdgeRole.h"
#include "GatewayRole.h"
#include "SignalWatcher.h"

#include "engine/Engine.h"
#include "engine/EngineConfig.h"
#include "engine/RoleOptions.h"
#include "engine/control/ControlServer.h"
#include "engine/runtime/EpollEventDispatcher.h"
#include "engine/tls/HeapTrim.h"

#include <QCoreApplication>
#include <QTimer>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/resource.h>

using fedgate::app::EdgeRole;
using fedgate::app::GatewayRole;
using fedgate::engine::ControlServer;
using fedgate::engine::EngineConfig;
using fedgate::engine::HeapTrim;
using fedgate::engine::RoleOptions;

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
    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
        std::fputs(qPrintable(EngineConfig::usage() + RoleOptions::usage()), stdout);
        return 0;
    }
    if (args.contains(QStringLiteral("--version"))) {
        std::printf("fedgated %s\nallocator: %s\n", FEDGATE_VERSION,
                    qPrintable(HeapTrim::allocatorName()));
        return 0;
    }
    const auto roles = RoleOptions::extract(&args);
    if (!roles) {
        std::fprintf(stderr, "fedgated: %s\n", qPrintable(roles.error().message));
        return 1;
    }
    auto config = EngineConfig::fromArguments(args);
    if (!config) {
        std::fprintf(stderr, "fedgated: %s\n", qPrintable(config.error().message));
        return 1;
    }
    setUpLogging(config.value());
    raiseDescriptorLimit();
    spdlog::info("memory allocator: {}", HeapTrim::setUpAllocator().toStdString());
    int topologyVersion = 0;
    auto topology = config.value().loadTopology(&topologyVersion);
    if (!topology) {
        spdlog::critical("cannot load the topology: {}", topology.error().toString().toStdString());
        return 2;
    }
    SignalWatcher signalWatcher;
    // The edge first, so that the gateway finds the link listener up.
    std::unique_ptr<EdgeRole> edge;
    std::unique_ptr<GatewayRole> gateway;
    if (roles.value().runsEdge()) {
        edge = std::make_unique<EdgeRole>(config.value(), roles.value());
        if (auto status = edge->start(topology.value()); !status) {
            spdlog::critical("{}", status.error().message.toStdString());
            return 2;
        }
    }
    if (roles.value().runsGateway()) {
        gateway = std::make_unique<GatewayRole>(config.value(), roles.value());
        bool skipped = false;
        if (auto status = gateway->start(topology.value(), &skipped); !status) {
            spdlog::critical("{}", status.error().message.toStdString());
            return 2;
        }
        if (skipped)
            gateway.reset();
    }
    ControlServer control(edge ? edge->engine() : nullptr);
    control.setRole(toString(roles.value().role));
    control.setVersion(QStringLiteral(FEDGATE_VERSION));
    control.setAllocator(HeapTrim::allocatorName());
    control.setTopologyVersion(topologyVersion);
    QStringList running;
    if (edge)
        running << QStringLiteral("edge");
    if (gateway)
        running << QStringLiteral("gateway");
    control.setRoles(running);
    if (edge)
        control.addSessionSource([&edge] { return edge->linkSessions(); });
    if (gateway)
        control.addSessionSource([&gateway] { return gateway->sessions(); });
    if (auto status = control.listen(config.value().controlSocketPath); !status) {
        spdlog::critical("{}", status.error().message.toStdString());
        return 2;
    }
    spdlog::info("fedgated {} ready (pid {}, role {}), control socket {}", FEDGATE_VERSION,
                 QCoreApplication::applicationPid(), toString(roles.value().role).toStdString(),
                 config.value().controlSocketPath.toStdString());

    // SIGHUP: the topology, then the certificates, each independently: what
    // fails to load is logged and the running one stays.
    QObject::connect(&signalWatcher, &SignalWatcher::reloadRequested, &app, [&] {
        spdlog::info("SIGHUP: reloading the topology and the certificates");
        int freshVersion = 0;
        auto fresh = config.value().loadTopology(&freshVersion);
        if (!fresh) {
            spdlog::error("topology reload failed, keeping the running one: {}",
                          fresh.error().toString().toStdString());
        } else {
            if (edge)
                if (auto status = edge->reload(fresh.value()); !status)
                    spdlog::error("reload failed: {}", status.error().message.toStdString());
            if (gateway)
                gateway->reload(fresh.value());
            control.setTopologyVersion(freshVersion);
            spdlog::info("topology version {} in use", freshVersion);
        }
        QStringList reloaded;
        QStringList errors;
        if (edge)
            edge->reloadCertificates(&reloaded, &errors);
        if (gateway)
            gateway->reloadCertificates(&reloaded, &errors);
        for (const QString &error : std::as_const(errors))
            spdlog::error("{}", error.toStdString());
        if (!reloaded.isEmpty())
            spdlog::info("certificates reloaded: {}",
                         reloaded.join(QStringLiteral(", ")).toStdString());
    });
    bool stopping = false;
    QObject::connect(&signalWatcher, &SignalWatcher::terminateRequested, &app, [&](int signal) {
        if (stopping)
            return;
        stopping = true;
        spdlog::info("signal {}: stopping", signal);
        control.close();
        if (gateway)
            gateway->stop();
        if (!edge) {
            QCoreApplication::quit();
            return;
        }
        edge->stop();
        // Give the closing streams a moment to flush, then leave.
        auto *poll = new QTimer(&app);
        int ticks = 0;
        QObject::connect(poll, &QTimer::timeout, &app, [&edge, poll, ticks]() mutable {
            if (edge->engine()->sessions().isEmpty() || ++ticks > 30) {
                poll->stop();
                QCoreApplication::quit();
            }
        });
        poll->start(100);
    });
    const int rc = QCoreApplication::exec();
    gateway.reset();
    edge.reset();
    spdlog::info("fedgated stopped");
    return rc;
}
