// What each home step's state is, read from the core libraries' answers
// the page holds (the plan's dry run, the listener snapshot, the saved DNS
// check, the checklist's last result): a step is Done only when what it
// claims was checked.
#include "wizard/HomePage.h"

#include "wizard/Workspace.h"
#include "wizard/home/ListenerMonitor.h"
#include "wizard/home/StepJob.h"

#include <QLocale>

namespace fedgate::wizard {

namespace {
HomePage::Step makeStep(const QString &id, const QString &title, const QString &description)
{
    HomePage::Step step;
    step.id = id;
    step.title = title;
    step.description = description;
    return step;
}
} // namespace

QString HomePage::formatTime(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}

HomePage::Step HomePage::publishStep() const
{
    Step step = makeStep(QStringLiteral("publish"), tr("Publish the topology"),
                         tr("Describe sites, pools and the XMPP federation route, then publish "
                            "them to the central store. Run opens the Publish dialog."));
    step.canRun = true;
    auto versions = m_workspace->versions();
    if (!versions.ok()) {
        step.state = StepState::Failed;
        step.stateText = versions.error().message;
    } else if (versions.value().isEmpty()) {
        step.stateText = tr("Not published yet.");
    } else {
        const topology::VersionInfo &last = versions.value().constLast();
        step.state = StepState::Done;
        step.stateText =
            tr("Version %1 published on %2.").arg(last.version).arg(formatTime(last.publishedAt));
        if (m_workspace->hasUnpublishedChanges())
            step.stateText += QLatin1Char(' ') + tr("The draft has unpublished changes.");
    }
    return step;
}

HomePage::Step HomePage::planStep(const QString &id, const QString &planStep, const QString &title,
                                  const QString &description) const
{
    Step step = makeStep(id, title, description);
    if (!m_plan) {
        step.stateText = tr("Reading the deployment plan...");
        step.blockedReason = step.stateText;
        return step;
    }
    if (!m_plan->ok) {
        // Said once, on the first step that needs the plan.
        step.stateText = id == QLatin1String("replica")
                             ? m_plan->error
                             : tr("The deployment plan cannot be made yet: see \"%1\".")
                                   .arg(tr("Install the local replica"));
        step.blockedReason = m_plan->error;
        return step;
    }
    QList<deploy::DeployAction> pending, blocked, done;
    QStringList details;
    for (const deploy::DeployAction &a : m_plan->plan.actions) {
        if (a.step != planStep)
            continue;
        details << (a.reason.isEmpty() ? a.description : tr("%1: %2").arg(a.description, a.reason));
        if (a.state == deploy::DeployActionState::Blocked)
            blocked << a;
        else if (a.state == deploy::DeployActionState::Pending)
            pending << a;
        else
            done << a;
    }
    // The state column keeps one sentence; every action is in the tooltip.
    step.details = details.join(QLatin1Char('\n'));
    auto more = [](const QList<deploy::DeployAction> &actions) {
        return actions.size() > 1
                   ? QLatin1Char(' ') + tr("(and %n more)", nullptr, int(actions.size() - 1))
                   : QString();
    };
    step.canRun = blocked.isEmpty() && !(pending.isEmpty() && done.isEmpty());
    if (!blocked.isEmpty()) {
        step.state = StepState::Failed;
        step.stateText = blocked.constFirst().reason + more(blocked);
        step.blockedReason = step.stateText;
    } else if (!pending.isEmpty()) {
        step.stateText = tr("To do: %1").arg(pending.constFirst().description) + more(pending);
    } else if (!done.isEmpty()) {
        step.state = StepState::Done;
        step.stateText = doneText(id, done);
    } else {
        step.stateText = tr("Nothing is planned for this machine.");
        step.blockedReason = step.stateText;
    }
    return step;
}

QString HomePage::doneText(const QString &id, const QList<deploy::DeployAction> &done) const
{
    if (id == QLatin1String("replica"))
        return tr("Topology version %1 is installed.").arg(m_plan->plan.topologyVersion);
    if (id == QLatin1String("certificates")) {
        int certificates = 0;
        for (const deploy::DeployAction &a : done)
            certificates += a.id.startsWith(QLatin1String("cert:")) ? 1 : 0;
        return tr("%n certificate(s) assigned, each covering the topology's names.", nullptr,
                  certificates);
    }
    return tr("The service configuration is written (roles: %1).")
        .arg(m_plan->plan.roles.join(QStringLiteral(", ")));
}

HomePage::Step HomePage::servicesStep() const
{
    Step step = makeStep(
        QStringLiteral("services"), tr("Start services"),
        tr("Start fedgated, then check in the operating system's socket table that it listens "
           "on the planned ports (5269 federation, 23456 internal link) and that the internal "
           "link is established. Run Again restarts it."));
    step.canRun = true;
    const ListenerSnapshot &s = m_monitor->snapshot();
    if (!s.valid) {
        step.stateText = tr("Looking at the service and its sockets...");
        return step;
    }
    step.details = s.backend == deploy::ServiceBackend::Systemd
                       ? tr("fedgated is managed by systemd (unit fedgated).")
                       : tr("fedgated runs under Fedgate's built-in supervisor (pid file and "
                            "log in the data directory).");
    if (!s.service.running) {
        step.stateText = tr("Not running.");
        return step;
    }
    const qint64 uptime = qMax<qint64>(0, s.service.uptimeSeconds);
    const QString running =
        (uptime < 120 ? tr("Running as process %1 for %n second(s).", nullptr, int(uptime))
                      : tr("Running as process %1 for %n minute(s).", nullptr, int(uptime / 60)))
            .arg(s.service.pid);
    if (s.healthy()) {
        step.state = StepState::Done;
        step.stateText = running + QLatin1Char(' ') +
                         tr("Every planned listener is open, and the internal link is "
                            "established where it is planned.");
    } else {
        step.state = StepState::Failed;
        QString problem = s.expectedError;
        if (problem.isEmpty())
            problem = s.socketsError;
        if (problem.isEmpty() && !s.findings.isEmpty())
            problem = s.findings.constFirst().problem;
        step.stateText = running + QLatin1Char(' ') + tr("But: %1").arg(problem);
    }
    return step;
}

HomePage::Step HomePage::dnsStep() const
{
    Step step = makeStep(QStringLiteral("dns"), tr("Check DNS records"),
                         tr("Check the SRV and address records partners use to find this edge. "
                            "The last result is kept when Fedgate restarts."));
    auto latest = m_workspace->latestVersion();
    step.canRun = latest.ok() && latest.value() > 0;
    step.blockedReason = tr("Publish the topology first.");
    const std::optional<topology::DnsCheckReport> &last = m_lastDns;
    if (!last) {
        step.stateText = tr("Not checked yet.");
        return step;
    }
    int ok = 0;
    int total = 0;
    for (const topology::DnsCheckResult &r : last->results) {
        total += r.status != topology::DnsCheckStatus::NotChecked ? 1 : 0;
        ok += r.status == topology::DnsCheckStatus::Ok ? 1 : 0;
    }
    step.state = last->allOk() ? StepState::Done : StepState::Failed;
    step.stateText =
        tr("%n of %1 record(s) correct, checked %2 against %3.", nullptr, ok)
            .arg(total)
            .arg(formatTime(QDateTime::fromString(last->checkedAt, Qt::ISODate)), last->server);
    return step;
}

HomePage::Step HomePage::verifyStep() const
{
    Step step = makeStep(QStringLiteral("verify"), tr("Verify"),
                         tr("Run the whole troubleshooting checklist: service, local replica, "
                            "route, listeners, internal link, certificates, DNS and partners."));
    step.canRun = true;
    if (!m_verified) {
        step.stateText = tr("Not verified since Fedgate started.");
        return step;
    }
    step.state = *m_verified ? StepState::Done : StepState::Failed;
    step.stateText = m_result.value(step.id);
    return step;
}

void HomePage::updateSteps()
{
    Step publish = publishStep();
    Step replica = planStep(
        QStringLiteral("replica"), QStringLiteral("replica"), tr("Install the local replica"),
        tr("Copy the latest published topology into this machine's local store; the "
           "services read only this copy."));
    Step certificates =
        planStep(QStringLiteral("certificates"), QStringLiteral("certificates"), tr("Certificates"),
                 tr("Each interface this machine serves needs an assigned certificate with the "
                    "topology's names. Run opens the Certificates page: choosing the certification "
                    "authority (public, your own, or Fedgate's internal one) is your decision."));
    // Opening the page is always possible, whatever the plan says; a
    // missing certificate is the next thing to do, not a failure.
    const bool planned = m_plan && m_plan->ok;
    certificates.canRun = true;
    if (certificates.state != StepState::Done && planned) {
        int missing = 0;
        for (const deploy::DeployAction &a : m_plan->plan.actions)
            missing += a.id.startsWith(QLatin1String("cert:")) &&
                               a.state != deploy::DeployActionState::UpToDate
                           ? 1
                           : 0;
        certificates.state = StepState::NotDone;
        // The core's reasons name fedgatectl commands: they stay in the
        // tooltip; the page says what to do here.
        certificates.stateText =
            tr("%n certificate(s) missing or not covering the topology's names.", nullptr,
               missing) +
            QLatin1Char(' ') + tr("Run to choose them, or Internal CA... to issue them at once.");
    }
    Step components = planStep(
        QStringLiteral("components"), QStringLiteral("components"), tr("Set up components"),
        tr("Write the service configuration for the roles this machine runs (edge, "
           "gateway): listeners, certificates and the local replica."));
    m_steps = {publish, replica, certificates, components, servicesStep(), dnsStep(), verifyStep()};
    for (Step &step : m_steps)
        step = adjusted(step);
}

HomePage::Step HomePage::adjusted(Step step) const
{
    const bool busy = m_job->isRunning();
    if (busy && step.id == m_running) {
        step.state = StepState::Running;
        step.stateText = tr("Running: %1").arg(m_result.value(step.id));
    } else if (m_resultOk.contains(step.id) && !m_resultOk.value(step.id) &&
               step.state != StepState::Done) {
        // The last run's error stays until the step is done.
        step.state = StepState::Failed;
        step.stateText = tr("The last run failed: %1").arg(m_result.value(step.id));
    }
    if (busy) {
        step.canRun = false;
        step.blockedReason = tr("Another step is running.");
    }
    return step;
}

} // namespace fedgate::wizard
