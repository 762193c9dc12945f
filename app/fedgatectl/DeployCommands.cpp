// fedgatectl deploy --answers FILE [--dry-run] and fedgatectl deploy log:
// the unattended deployment (issue 11 item 5). The plan, its actions and
// their application are deploy/Deployer's; this file prints the plan, the
// progress and the listener status at the end.
#include "Cli.h"

#include "deploy/Deployer.h"
#include "deploy/DeploymentLog.h"
#include "deploy/ListenerStatus.h"
#include "deploy/ServiceSupervisor.h"
#include "deploy/SocketTable.h"
#include "topology/Paths.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QThread>

namespace fedgate::cli {

namespace {

using deploy::DeployAction;
using deploy::DeployActionState;
using deploy::DeploymentPlan;

QString planText(const DeploymentPlan &plan)
{
    QString text = QStringLiteral("Deployment plan for %1 (roles: %2), topology version %3, data "
                                  "directory %4:\n")
                       .arg(plan.machine, plan.roles.join(QStringLiteral(", ")))
                       .arg(plan.topologyVersion)
                       .arg(plan.dataDirectory);
    for (const DeployAction &a : plan.actions)
        text += QStringLiteral("  %1 %2: %3\n            %4\n")
                    .arg(deploy::toString(a.state).leftJustified(9), a.id, a.description, a.reason);
    text += QStringLiteral("Listeners planned on this machine:\n");
    for (const deploy::ExpectedListener &l : plan.listeners)
        text +=
            QStringLiteral("  %1 %2%3\n")
                .arg(deploy::endpointText(l.address, l.port).leftJustified(22),
                     deploy::describe(l.purpose),
                     l.expectEstablished ? QStringLiteral(" (LISTEN and ESTABLISHED)") : QString());
    return text;
}

QJsonArray actionsJson(const QList<DeployAction> &actions)
{
    QJsonArray array;
    for (const DeployAction &a : actions)
        array << a.toJson();
    return array;
}

struct ListenerCheck
{
    QList<deploy::ListenerRow> rows;
    QList<deploy::ListenerFinding> findings;
    QString error;
};

// The sockets of the running fedgated against the plan. Right after a start
// the gateway may still be connecting over the internal link: asked again
// for a few seconds (bounded) until everything planned is there.
ListenerCheck checkListeners(const DeploymentPlan &plan, const deploy::ServiceLayout &layout)
{
    ListenerCheck check;
    for (int attempt = 0; attempt < 60; ++attempt) {
        const deploy::ServiceState state = deploy::ServiceSupervisor(layout).status();
        auto sockets = deploy::SocketTable::read();
        if (!sockets) {
            check.error = sockets.error().message;
            return check;
        }
        QSet<qint64> pids;
        if (state.running)
            pids.insert(state.pid);
        check.rows = deploy::ListenerStatus::rows(sockets.value(), plan.listeners, pids);
        check.findings = deploy::ListenerStatus::compare(sockets.value(), plan.listeners, pids);
        if (!state.running)
            check.findings.prepend({QStringLiteral("fedgated is not running."),
                                    QStringLiteral("Start it: fedgatectl service start")});
        if (check.findings.isEmpty() || !state.running)
            return check;
        QThread::msleep(250);
    }
    return check;
}

QString listenerText(const ListenerCheck &check)
{
    if (!check.error.isEmpty())
        return QStringLiteral("The sockets cannot be read: %1\n").arg(check.error);
    QString text = QStringLiteral("Listener status (from the operating system):\n  %1 %2 %3 %4\n")
                       .arg(QStringLiteral("Local address").leftJustified(24),
                            QStringLiteral("Remote address").leftJustified(24),
                            QStringLiteral("State").leftJustified(12), QStringLiteral("Purpose"));
    for (const deploy::ListenerRow &row : check.rows)
        text += QStringLiteral("  %1 %2 %3 %4\n")
                    .arg(row.socket.localEndpoint().leftJustified(24),
                         row.socket.remoteEndpoint().leftJustified(24),
                         deploy::toString(row.socket.state).leftJustified(12),
                         deploy::describe(row.purpose));
    for (const deploy::ListenerFinding &f : check.findings)
        text += QStringLiteral("PROBLEM: %1\n  Fix: %2\n").arg(f.problem, f.fix);
    if (check.findings.isEmpty())
        text += QStringLiteral("Every planned listener is open.\n");
    return text;
}

QJsonObject listenerJson(const ListenerCheck &check)
{
    QJsonArray rows;
    for (const deploy::ListenerRow &row : check.rows)
        rows << QJsonObject{{QStringLiteral("local"), row.socket.localEndpoint()},
                            {QStringLiteral("remote"), row.socket.remoteEndpoint()},
                            {QStringLiteral("state"), deploy::toString(row.socket.state)},
                            {QStringLiteral("pid"), row.socket.pid},
                            {QStringLiteral("purpose"), deploy::describe(row.purpose)}};
    QJsonArray findings;
    for (const deploy::ListenerFinding &f : check.findings)
        findings << QJsonObject{{QStringLiteral("problem"), f.problem},
                                {QStringLiteral("fix"), f.fix}};
    QJsonObject o{{QStringLiteral("sockets"), rows}, {QStringLiteral("findings"), findings}};
    if (!check.error.isEmpty())
        o.insert(QStringLiteral("error"), check.error);
    return o;
}

int deployRun(Context &ctx)
{
    QCommandLineParser parser;
    const auto answersOption = valueOption(
        QStringLiteral("answers"),
        QStringLiteral("The answers file (JSON): topology, machine, certificates, passwords, "
                       "service arguments. See resources/examples/contoso-answers.json."),
        QStringLiteral("FILE"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    QStringLiteral("Print the plan only; change nothing."));
    parser.addOption(answersOption);
    parser.addOption(dryRun);
    if (!ctx.parse(parser,
                   QStringLiteral("Deploy this machine unattended from an answers file: import "
                                  "the topology, the internal CA and certificates, users' "
                                  "passwords, the service configuration, and start fedgated. "
                                  "Each action runs only when needed, so a second run changes "
                                  "nothing. Other verbs: 'fedgatectl deploy log'.")))
        return ctx.exitCode();
    if (!parser.isSet(answersOption))
        return ctx.fail(UsageOrValidation,
                        QStringLiteral("Give the answers file: fedgatectl deploy --answers FILE "
                                       "[--dry-run]."));
    if (!ctx.store().isEmpty() || !ctx.replica().isEmpty())
        return ctx.fail(
            UsageOrValidation,
            QStringLiteral("deploy takes the topology from the answers file (\"store\" "
                           "or \"topologyFile\"); --store and --replica do not apply."));
    auto answers = deploy::DeploymentAnswers::fromFile(parser.value(answersOption));
    if (!answers)
        return ctx.fail(UsageOrValidation, describeError(answers.error()));
    deploy::Deployer deployer(dataDir());
    auto plan = deployer.plan(answers.value());
    if (!plan)
        return ctx.fail(UsageOrValidation, describeError(plan.error()));
    const DeploymentPlan &p = plan.value();
    QJsonObject json = p.toJson();
    json.insert(QStringLiteral("dryRun"), parser.isSet(dryRun));
    if (!ctx.json()) {
        ctx.out() << planText(p);
        ctx.out().flush();
    }
    if (p.blocked()) {
        int count = 0;
        for (const DeployAction &a : p.actions)
            count += a.state == DeployActionState::Blocked ? 1 : 0;
        if (ctx.json()) {
            json.insert(QStringLiteral("ok"), false);
            ctx.printJson(json);
            return UsageOrValidation;
        }
        return ctx.fail(UsageOrValidation,
                        QStringLiteral("%1 action(s) are Blocked (see their reasons above); "
                                       "nothing was changed. Fix them and run the same command "
                                       "again.")
                            .arg(count));
    }
    if (parser.isSet(dryRun)) {
        json.insert(QStringLiteral("ok"), true);
        return ctx.succeed(p.changesNothing()
                               ? QStringLiteral("Dry run: nothing to change.")
                               : QStringLiteral("Dry run: nothing was changed. Run without "
                                                "--dry-run to apply the Pending actions."),
                           json);
    }

    auto applied =
        deployer.apply(p, answers.value(), [&ctx](int done, int total, const QString &line) {
            if (ctx.json() || total == 0)
                return;
            ctx.out() << QStringLiteral("[%1/%2] %3\n").arg(done).arg(total).arg(line);
            ctx.out().flush();
        });
    if (!applied)
        return ctx.fail(StoreError, describeError(applied.error()));
    const deploy::Deployer::Report &report = applied.value();
    json.insert(QStringLiteral("applied"), actionsJson(report.applied));
    json.insert(QStringLiteral("skipped"), actionsJson(report.skipped));
    json.insert(QStringLiteral("ok"), report.ok);
    json.insert(QStringLiteral("log"), deployer.logFile());
    if (!report.ok) {
        json.insert(QStringLiteral("error"), report.error);
        if (ctx.json()) {
            ctx.printJson(json);
            return StoreError;
        }
        return ctx.fail(StoreError, QStringLiteral("%1\nThe log: %2 (fedgatectl deploy log).")
                                        .arg(report.error, deployer.logFile()));
    }
    QString text = p.changesNothing()
                       ? QStringLiteral("Nothing to change: this machine already runs topology "
                                        "version %1 as answered (%2 actions up to date).\n")
                             .arg(p.topologyVersion)
                             .arg(report.skipped.size())
                       : QStringLiteral("Applied %1 action(s); %2 were up to date. Log: %3\n")
                             .arg(report.applied.size())
                             .arg(report.skipped.size())
                             .arg(deployer.logFile());
    bool listenersOk = true;
    if (answers.value().startService) {
        const ListenerCheck check = checkListeners(p, deployer.serviceLayout());
        listenersOk = check.error.isEmpty() && check.findings.isEmpty();
        json.insert(QStringLiteral("listeners"), listenerJson(check));
        text += QLatin1Char('\n') + listenerText(check);
    }
    ctx.succeed(text, json);
    return listenersOk ? Ok : UsageOrValidation;
}

int deployLog(Context &ctx)
{
    QCommandLineParser parser;
    const auto step = valueOption(QStringLiteral("step"),
                                  QStringLiteral("Only this step's lines: replica, certificates, "
                                                 "users, components, service or deploy."),
                                  QStringLiteral("STEP"));
    parser.addOption(step);
    if (!ctx.parse(parser, QStringLiteral("Print the deployment log (<data>/deploy.log).")))
        return ctx.exitCode();
    auto lines = deploy::DeploymentLog::read(dataDir(), parser.value(step));
    if (!lines)
        return ctx.fail(StoreError, lines.error().message);
    QString text = lines.value().join(QLatin1Char('\n'));
    if (lines.value().isEmpty())
        text = parser.isSet(step)
                   ? QStringLiteral("The deployment log has no line for step '%1'.")
                         .arg(parser.value(step))
                   : QStringLiteral("Nothing was deployed yet (no %1). Deploy with 'fedgatectl "
                                    "deploy --answers FILE'.")
                         .arg(deploy::DeploymentLog::path(dataDir()));
    return ctx.succeed(text, QJsonArray::fromStringList(lines.value()));
}

const Registrar registrar{
    {QStringLiteral("deploy"), QString(),
     QStringLiteral("Deploy this machine from an answers file (--answers FILE [--dry-run])"),
     deployRun},
    {QStringLiteral("deploy"), QStringLiteral("log"),
     QStringLiteral("The deployment log, all or one step"), deployLog},
};

} // namespace

} // namespace fedgate::cli
