#include "StepWork.h"

#include "deploy/Checklist.h"
#include "deploy/Deployer.h"
#include "deploy/DeploymentLog.h"
#include "deploy/ServiceManager.h"
#include "topology/DnsCheckReport.h"

#include <QCoreApplication>

namespace fedgate::wizard {

JobOutcome StepWork::applyStep(const QString &dataDirectory,
                               const deploy::DeploymentAnswers &answers, const QString &step,
                               const StepJob::Report &report)
{
    deploy::Deployer deployer(dataDirectory);
    auto plan = deployer.plan(answers);
    if (!plan)
        return {false, plan.error().message, {}};
    deploy::DeploymentPlan mine = plan.value();
    mine.actions.removeIf([&step](const deploy::DeployAction &a) { return a.step != step; });
    if (mine.actions.isEmpty())
        return {true, tr("Nothing to do for this machine."), {}};
    auto applied =
        deployer.apply(mine, answers, [&report](int done, int total, const QString &line) {
            report(QStringLiteral("[%1/%2] %3").arg(done).arg(total).arg(line));
        });
    if (!applied)
        return {false, applied.error().message, {}};
    if (!applied.value().ok)
        return {false, applied.value().error, {}};
    const int changed = int(applied.value().applied.size());
    if (changed == 0)
        return {true, tr("Already up to date: nothing changed."), {}};
    return {true,
            tr("%n action(s) applied", nullptr, changed) + QStringLiteral(", ") +
                tr("%n already up to date.", nullptr, int(applied.value().skipped.size())),
            {}};
}

JobOutcome StepWork::startService(const QString &dataDirectory, const StepJob::Report &report)
{
    // systemd where it manages the service, else the built-in supervisor.
    deploy::ServiceManager manager(deploy::ServiceLayout::forDataDirectory(dataDirectory));
    auto note = [&](const QString &line) {
        report(line);
        deploy::DeploymentLog::append(dataDirectory, QStringLiteral("service"), line);
    };
    if (Status ready = manager.certificatesReady(); !ready)
        return {false, ready.error().message, {}};
    const bool running = manager.status().running;
    if (running)
        note(tr("Restarting fedgated."));
    auto started = running ? manager.restart(note) : manager.start(note);
    if (!started)
        return {false, started.error().message, {}};
    return {true, tr("fedgated started (process %1).").arg(started.value().pid), {}};
}

JobOutcome StepWork::checkDns(const topology::DnsRecordPlan &plan,
                              const topology::DnsChecker::Options &options,
                              const StepJob::Report &report)
{
    report(tr("Asking %1 for %n record(s).", nullptr, int(plan.records().size()))
               .arg(topology::DnsChecker::serverLabel(options.server)));
    const topology::DnsCheckReport result = topology::DnsChecker::check(plan, options);
    QString error;
    if (!topology::saveLastDnsCheck(result, &error))
        report(error);
    QStringList details;
    for (const topology::DnsFinding &f : result.findings)
        details << f.message;
    return {result.allOk(),
            result.allOk()
                ? tr("Every record is as planned.")
                : tr("%n finding(s): see the DNS page.", nullptr, int(result.findings.size())),
            details};
}

JobOutcome StepWork::verify(const QString &dataDirectory, const StepJob::Report &report)
{
    deploy::CheckOptions options;
    options.dataDirectory = dataDirectory;
    QStringList details;
    const QList<deploy::CheckResult> results =
        deploy::Checklist::run(options, [&](const deploy::CheckResult &r) {
            const QString line =
                QStringLiteral("[%1] %2: %3").arg(deploy::toString(r.status), r.title, r.detail);
            report(line);
            details << line;
            for (const deploy::CheckFinding &f : r.findings)
                details << QStringLiteral("    %1 %2").arg(f.problem, f.fix);
        });
    int passed = 0;
    for (const deploy::CheckResult &r : results)
        passed += r.status == deploy::CheckStatus::Pass ? 1 : 0;
    const bool ok = deploy::Checklist::allPassed(results);
    return {ok,
            tr("%1 of %n check(s) passed.", nullptr, int(results.size())).arg(passed) +
                (ok ? QString() : QLatin1Char(' ') + tr("Open the log for the fixes.")),
            details};
}

} // namespace fedgate::wizard
