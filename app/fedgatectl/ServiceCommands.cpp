// fedgatectl service start | stop | restart | status | log | listeners: the
// engine as a service of this machine. deploy/ServiceManager decides who runs
// it: systemd (systemctl, the packaged unit) where systemd runs, the unit is
// installed and the data directory is /var/lib/fedgate; otherwise
// (containers, build machines, a user's own data directory) the built-in
// supervisor (deploy/ServiceSupervisor) runs fedgated detached with a pid
// file and a log in the data directory. The listener status reads the
// sockets from the operating system.
#include "Cli.h"

#include "deploy/ListenerStatus.h"
#include "deploy/ServiceConfiguration.h"
#include "deploy/ServiceManager.h"
#include "deploy/ServiceSupervisor.h"
#include "deploy/SocketTable.h"
#include "topology/Paths.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace fedgate::cli {

namespace {

using deploy::ServiceLayout;
using deploy::ServiceManager;
using deploy::ServiceState;
using deploy::ServiceSupervisor;

QCommandLineOption controlOption()
{
    return valueOption(QStringLiteral("control"),
                       QStringLiteral("fedgated's control socket, when it is not the data "
                                      "directory's fedgated.sock."),
                       QStringLiteral("PATH"));
}

ServiceManager manager(const QString &control = {})
{
    ServiceLayout layout = ServiceLayout::forDataDirectory(dataDir());
    layout.control = control;
    return ServiceManager(layout);
}

QString uptimeText(qint64 seconds)
{
    if (seconds < 0)
        return QStringLiteral("unknown");
    if (seconds < 120)
        return QStringLiteral("%1 s").arg(seconds);
    if (seconds < 7200)
        return QStringLiteral("%1 min").arg(seconds / 60);
    return QStringLiteral("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

QJsonObject stateJson(const ServiceState &state, const ServiceManager &service)
{
    const ServiceLayout &layout = service.layout();
    QJsonObject o{{QStringLiteral("running"), state.running},
                  {QStringLiteral("manager"), service.backend() == deploy::ServiceBackend::Systemd
                                                  ? QStringLiteral("systemd")
                                                  : QStringLiteral("built-in")},
                  {QStringLiteral("answering"), state.answering},
                  {QStringLiteral("dataDirectory"), layout.dataDirectory},
                  {QStringLiteral("dataDirectoryOrigin"), dataDirOrigin()},
                  {QStringLiteral("log"), layout.logFile()}};
    if (state.running) {
        o.insert(QStringLiteral("pid"), state.pid);
        o.insert(QStringLiteral("uptimeSeconds"), state.uptimeSeconds);
    }
    if (state.answering)
        o.insert(QStringLiteral("engine"), state.engine);
    if (!state.note.isEmpty())
        o.insert(QStringLiteral("note"), state.note);
    return o;
}

QString stateText(const ServiceState &state, const ServiceManager &service)
{
    const ServiceLayout &layout = service.layout();
    QString text;
    if (!state.note.isEmpty())
        text += state.note + QLatin1Char('\n');
    if (!state.running)
        return text +
               QStringLiteral("fedgated is not running (data directory %1, %2; %3).\n"
                              "Start it: fedgatectl service start")
                   .arg(layout.dataDirectory, dataDirOrigin(), deploy::describe(service.backend()));
    const QJsonObject e = state.engine;
    text += QStringLiteral("fedgated is running (pid %1, up %2), %3\n")
                .arg(state.pid)
                .arg(uptimeText(state.uptimeSeconds))
                .arg(deploy::describe(service.backend()));
    if (!state.answering)
        return text + QStringLiteral("It does not answer on its control socket %1: it may be "
                                     "starting or stuck. Read its log: fedgatectl service log")
                          .arg(layout.controlSocket());
    QStringList domains;
    for (const QJsonValue &d : e.value(QStringLiteral("domains")).toArray())
        domains << d.toString();
    QStringList roles;
    for (const QJsonValue &r : e.value(QStringLiteral("roles")).toArray())
        roles << r.toString();
    if (e.contains(QStringLiteral("version")))
        text += QStringLiteral("version: %1\n").arg(e.value(QStringLiteral("version")).toString());
    if (e.contains(QStringLiteral("allocator")))
        text += QStringLiteral("memory allocator: %1\n")
                    .arg(e.value(QStringLiteral("allocator")).toString());
    if (!roles.isEmpty())
        text += QStringLiteral("roles: %1\n").arg(roles.join(QStringLiteral(", ")));
    if (e.contains(QStringLiteral("topologyVersion")))
        text += QStringLiteral("topology version in use: %1\n")
                    .arg(e.value(QStringLiteral("topologyVersion")).toInt());
    text +=
        QStringLiteral("listening: %1\ndomains: %2\npartners: %3\nsessions: %4\n")
            .arg(e.value(QStringLiteral("listen")).toString(), domains.join(QStringLiteral(", ")))
            .arg(e.value(QStringLiteral("partners")).toInt())
            .arg(e.value(QStringLiteral("sessions")).toInt());
    text += QStringLiteral("data directory: %1 (%2)").arg(layout.dataDirectory, dataDirOrigin());
    return text;
}

ServiceSupervisor::Progress progressPrinter(Context &ctx)
{
    return [&ctx](const QString &line) {
        if (ctx.json())
            return;
        ctx.out() << line << '\n';
        ctx.out().flush();
    };
}

int readyTimeout(const QCommandLineParser &parser, bool *ok)
{
    const int seconds = parser.value(QStringLiteral("timeout")).toInt(ok);
    *ok = *ok && seconds > 0 && seconds <= 600;
    return seconds * 1000;
}

QCommandLineOption timeoutOption()
{
    return valueOption(QStringLiteral("timeout"),
                       QStringLiteral("Seconds to wait for fedgated to be ready (default 30)."),
                       QStringLiteral("SECONDS"));
}

int startOrRestart(Context &ctx, bool restart)
{
    QCommandLineParser parser;
    QCommandLineOption timeout = timeoutOption();
    timeout.setDefaultValue(QStringLiteral("30"));
    parser.addOption(timeout);
    if (!ctx.parse(parser, restart ? QStringLiteral("Stops fedgated if it runs, then starts it "
                                                    "and waits until it is ready.")
                                   : QStringLiteral("Starts fedgated from this data directory's "
                                                    "service configuration and waits until its "
                                                    "control socket answers.")))
        return ctx.exitCode();
    bool ok = false;
    const int timeoutMs = readyTimeout(parser, &ok);
    if (!ok)
        return ctx.fail(UsageOrValidation,
                        QStringLiteral("--timeout needs a number of seconds from 1 to 600."));
    ServiceManager service = manager();
    if (Status ready = service.certificatesReady(); !ready)
        return ctx.fail(UsageOrValidation, ready.error().message);
    auto started = restart ? service.restart(progressPrinter(ctx), timeoutMs)
                           : service.start(progressPrinter(ctx), timeoutMs);
    if (!started)
        return ctx.fail(StoreError, started.error().message);
    return ctx.succeed(stateText(started.value(), service), stateJson(started.value(), service));
}

int start(Context &ctx)
{
    return startOrRestart(ctx, false);
}
int restart(Context &ctx)
{
    return startOrRestart(ctx, true);
}

int stop(Context &ctx)
{
    QCommandLineParser parser;
    if (!ctx.parse(parser, QStringLiteral("Stops fedgated: SIGTERM, then SIGKILL after 15 s.")))
        return ctx.exitCode();
    ServiceManager service = manager();
    if (auto stopped = service.stop(progressPrinter(ctx)); !stopped)
        return ctx.fail(StoreError, stopped.error().message);
    return ctx.succeed({}, QJsonObject{{QStringLiteral("running"), false}});
}

int status(Context &ctx)
{
    QCommandLineParser parser;
    parser.addOption(controlOption());
    if (!ctx.parse(parser, QStringLiteral("Shows whether fedgated runs: pid, uptime, version, "
                                          "roles, topology version, listeners, sessions, and "
                                          "whether systemd or the built-in supervisor manages "
                                          "it. Exit 0 when it runs and answers, 1 otherwise.")))
        return ctx.exitCode();
    ServiceManager service = manager(parser.value(QStringLiteral("control")));
    const ServiceState state = service.status();
    ctx.succeed(stateText(state, service), stateJson(state, service));
    return state.running && state.answering ? Ok : UsageOrValidation;
}

int log(Context &ctx)
{
    QCommandLineParser parser;
    QCommandLineOption lines =
        valueOption(QStringLiteral("lines"), QStringLiteral("How many lines (default 50)."),
                    QStringLiteral("N"));
    lines.setDefaultValue(QStringLiteral("50"));
    parser.addOption(lines);
    if (!ctx.parse(parser, QStringLiteral("Prints the end of fedgated's log.")))
        return ctx.exitCode();
    bool ok = false;
    const int count = parser.value(lines).toInt(&ok);
    if (!ok || count <= 0 || count > 100000)
        return ctx.fail(UsageOrValidation,
                        QStringLiteral("--lines needs a number from 1 to 100000."));
    auto tail = manager().logTail(count);
    if (!tail)
        return ctx.fail(UsageOrValidation, tail.error().message);
    QJsonArray array;
    for (const QString &line : tail.value())
        array << line;
    return ctx.succeed(tail.value().join(QLatin1Char('\n')), array);
}

// What fedgated will open (deploy/ServiceConfiguration: the same choices
// fedgated makes at start).
QList<deploy::ExpectedListener> expectedListeners(const ServiceSupervisor &service, QString *why)
{
    auto configuration = deploy::ServiceConfiguration::load(service.layout());
    auto expected = configuration ? configuration.value().expectedListeners()
                                  : Result<QList<deploy::ExpectedListener>>(configuration.error());
    if (!expected) {
        *why = expected.error().message;
        return {};
    }
    return expected.value();
}

int listeners(Context &ctx)
{
    QCommandLineParser parser;
    if (!ctx.parse(parser,
                   QStringLiteral("Lists fedgated's sockets as the operating system reports them "
                                  "(netstat-style: local and remote address, state, pid, purpose) "
                                  "and compares them with what this machine should run. Exit 0 "
                                  "when they match.")))
        return ctx.exitCode();
    ServiceManager service = manager();
    const ServiceState state = service.status();
    auto sockets = deploy::SocketTable::read();
    if (!sockets)
        return ctx.fail(StoreError, sockets.error().message);
    QString why;
    const QList<deploy::ExpectedListener> expected = expectedListeners(service.supervisor(), &why);
    QSet<qint64> pids;
    if (state.running)
        pids.insert(state.pid);
    const QList<deploy::ListenerRow> rows =
        deploy::ListenerStatus::rows(sockets.value(), expected, pids);
    QList<deploy::ListenerFinding> findings;
    if (!why.isEmpty())
        findings.append(
            {QStringLiteral("Cannot tell which listeners this machine should have: %1").arg(why),
             QStringLiteral("Deploy the topology on this machine first.")});
    else
        findings += deploy::ListenerStatus::compare(sockets.value(), expected, pids);
    if (!state.running)
        findings.prepend({QStringLiteral("fedgated is not running."),
                          QStringLiteral("Start it: fedgatectl service start")});

    QJsonArray rowsJson;
    QString text =
        QStringLiteral("%1 %2 %3 %4 %5\n")
            .arg(QStringLiteral("Local address").leftJustified(26),
                 QStringLiteral("Remote address").leftJustified(26),
                 QStringLiteral("State").leftJustified(12),
                 QStringLiteral("PID/Program").leftJustified(20), QStringLiteral("Purpose"));
    for (const deploy::ListenerRow &row : rows) {
        const QString owner =
            row.socket.pid < 0
                ? QStringLiteral("-")
                : QStringLiteral("%1/%2").arg(row.socket.pid).arg(row.socket.process);
        text += QStringLiteral("%1 %2 %3 %4 %5\n")
                    .arg(row.socket.localEndpoint().leftJustified(26),
                         row.socket.remoteEndpoint().leftJustified(26),
                         deploy::toString(row.socket.state).leftJustified(12),
                         owner.leftJustified(20), deploy::describe(row.purpose));
        rowsJson << QJsonObject{{QStringLiteral("local"), row.socket.localEndpoint()},
                                {QStringLiteral("remote"), row.socket.remoteEndpoint()},
                                {QStringLiteral("state"), deploy::toString(row.socket.state)},
                                {QStringLiteral("pid"), row.socket.pid},
                                {QStringLiteral("program"), row.socket.process},
                                {QStringLiteral("purpose"), deploy::describe(row.purpose)}};
    }
    if (rows.isEmpty())
        text += QStringLiteral("(no socket)\n");
    QJsonArray findingsJson;
    for (const deploy::ListenerFinding &f : findings) {
        text += QStringLiteral("\nPROBLEM: %1\n  Fix: %2").arg(f.problem, f.fix);
        findingsJson << QJsonObject{{QStringLiteral("problem"), f.problem},
                                    {QStringLiteral("fix"), f.fix}};
    }
    if (findings.isEmpty())
        text += QStringLiteral("\nEvery planned listener is open.");
    ctx.succeed(text, QJsonObject{{QStringLiteral("sockets"), rowsJson},
                                  {QStringLiteral("findings"), findingsJson}});
    return findings.isEmpty() ? Ok : UsageOrValidation;
}

const Registrar registrar{
    {QStringLiteral("service"), QStringLiteral("start"),
     QStringLiteral("Start fedgated and wait until it is ready"), start},
    {QStringLiteral("service"), QStringLiteral("stop"), QStringLiteral("Stop fedgated"), stop},
    {QStringLiteral("service"), QStringLiteral("restart"),
     QStringLiteral("Stop fedgated if it runs, then start it"), restart},
    {QStringLiteral("service"), QStringLiteral("status"),
     QStringLiteral("Is fedgated running: pid, uptime, version, roles, sessions"), status},
    {QStringLiteral("service"), QStringLiteral("log"), QStringLiteral("The end of fedgated's log"),
     log},
    {QStringLiteral("service"), QStringLiteral("listeners"),
     QStringLiteral("fedgated's sockets as the system sees them, against the plan"), listeners},
};

} // namespace

} // namespace fedgate::cli
