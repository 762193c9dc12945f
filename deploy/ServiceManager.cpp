#include "ServiceManager.h"

#include "ProcessInfo.h"
#include "ServiceConfiguration.h"

#include "certs/KeyStore.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QThread>

namespace fedgate::deploy {

namespace {

// User-facing text: French in the wizard, which installs a translator;
// English in fedgatectl and fedgated, which install none.
QString tr(const char *text)
{
    return QCoreApplication::translate("ServiceManager", text);
}

constexpr int kSystemctlTimeoutMs = 120000; // systemd's own start/stop timeouts are 90 s
constexpr int kPollMs = 100;

void tell(const ServiceManager::Progress &progress, const QString &text)
{
    if (progress)
        progress(text);
}

QString firstLines(const QString &text, int count)
{
    return text.trimmed().split(QLatin1Char('\n')).mid(0, count).join(QStringLiteral("\n  "));
}
} // namespace

ServiceBackend chooseServiceBackend(const ServiceEnvironment &environment)
{
    const bool systemDirectory =
        QDir::cleanPath(environment.dataDirectory) == QDir::cleanPath(kSystemDataDirectory);
    return environment.systemdRunning && environment.unitInstalled && systemDirectory
               ? ServiceBackend::Systemd
               : ServiceBackend::BuiltIn;
}

QString describe(ServiceBackend backend)
{
    return backend == ServiceBackend::Systemd ? tr("managed by systemd")
                                              : tr("built-in supervisor");
}

ServiceEnvironment probeServiceEnvironment(const QString &dataDirectory, const QString &root)
{
    ServiceEnvironment environment;
    environment.dataDirectory = dataDirectory;
    const QDir base(root);
    environment.systemdRunning =
        QFileInfo(base.filePath(QStringLiteral("run/systemd/system"))).isDir();
    for (const char *directory :
         {"etc/systemd/system", "run/systemd/system", "usr/local/lib/systemd/system",
          "usr/lib/systemd/system", "lib/systemd/system"})
        if (QFileInfo::exists(base.filePath(QLatin1String(directory) + QLatin1Char('/') +
                                            kServiceUnit + QStringLiteral(".service"))))
            environment.unitInstalled = true;
    return environment;
}

ServiceManager::ServiceManager(ServiceLayout layout)
    : m_supervisor(layout)
    , m_backend(chooseServiceBackend(probeServiceEnvironment(layout.dataDirectory)))
{}

ServiceManager::ServiceManager(ServiceLayout layout, ServiceBackend backend)
    : m_supervisor(std::move(layout))
    , m_backend(backend)
{}

ServiceManager::Run ServiceManager::run(const QString &program, const QStringList &args,
                                        int timeoutMs)
{
    Run result;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    if (!process.waitForStarted(10000)) {
        result.output = tr("%1 cannot be run: %2").arg(program, process.errorString());
        return result;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        result.output = tr("%1 %2 did not finish within %3 s")
                            .arg(program, args.join(QLatin1Char(' ')))
                            .arg(timeoutMs / 1000);
        return result;
    }
    result.output = QString::fromUtf8(process.readAll());
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return result;
}

ServiceState ServiceManager::status() const
{
    if (m_backend == ServiceBackend::BuiltIn)
        return m_supervisor.status();
    // systemctl status: exit 0 while the unit is active, 3 when it is not;
    // the main process is on the "Main PID:" line.
    const Run r = run(QStringLiteral("systemctl"), {QStringLiteral("status"), kServiceUnit}, 30000);
    ServiceState state;
    const QRegularExpressionMatch pid =
        QRegularExpression(QStringLiteral("Main PID: (\\d+)")).match(r.output);
    if (r.exitCode == 0 && pid.hasMatch()) {
        state.running = true;
        state.pid = pid.captured(1).toLongLong();
        state.uptimeSeconds = ProcessInfo::uptimeSeconds(state.pid);
    } else if (r.exitCode != 0 && r.exitCode != 3) {
        state.note = tr("systemctl status %1 failed (exit %2): %3")
                         .arg(kServiceUnit)
                         .arg(r.exitCode)
                         .arg(firstLines(r.output, 3));
    }
    state.engine = ServiceSupervisor::askStatus(layout().controlSocket(), 3000);
    state.answering = !state.engine.isEmpty();
    return state;
}

Result<ServiceState> ServiceManager::systemctlStart(const QString &verb, const Progress &progress,
                                                    int readyTimeoutMs)
{
    tell(progress, QStringLiteral("systemctl %1 %2").arg(verb, kServiceUnit));
    const Run r = run(QStringLiteral("systemctl"), {verb, kServiceUnit}, kSystemctlTimeoutMs);
    if (r.exitCode != 0)
        return Error{tr("systemctl %1 %2 failed (exit %3): %4\nRead the service's "
                        "log: fedgatectl service log (or journalctl -u %2).")
                         .arg(verb, kServiceUnit)
                         .arg(r.exitCode)
                         .arg(firstLines(r.output, 5)),
                     QString()};
    tell(progress, tr("waiting for fedgated's control socket %1").arg(layout().controlSocket()));
    QDeadlineTimer deadline(readyTimeoutMs);
    while (!deadline.hasExpired()) {
        ServiceState state = status();
        if (state.running && state.answering) {
            tell(progress, tr("fedgated is ready"));
            return state;
        }
        QThread::msleep(kPollMs);
    }
    return Error{tr("systemd started %1 but it did not answer on its control socket "
                    "%2 within %3 s. Read its log: fedgatectl service log.")
                     .arg(kServiceUnit, layout().controlSocket())
                     .arg(readyTimeoutMs / 1000),
                 QString()};
}

Status ServiceManager::certificatesReady() const
{
    auto configuration = ServiceConfiguration::load(layout());
    if (!configuration)
        return Status::success();
    const engine::RoleOptions &roles = configuration.value().roles;
    QList<QPair<certs::CertificateUsage, QString>> needed; // usage, file given to fedgated
    if (roles.runsEdge()) {
        needed.append(
            {certs::CertificateUsage::ExternalEdge, configuration.value().engine.certificatePath});
        needed.append({certs::CertificateUsage::InternalEdge, roles.internalCert});
    }
    if (roles.runsGateway())
        needed.append({certs::CertificateUsage::Gateway, roles.gatewayCert});
    const certs::KeyStore store(layout().dataDirectory);
    QStringList missing;
    QStringList usages;
    for (const auto &[usage, file] : needed) {
        if (!file.isEmpty())
            continue;
        auto assignment = store.assignment(usage);
        if (assignment && assignment.value())
            continue;
        missing << certs::displayName(usage);
        usages << certs::toString(usage);
    }
    if (missing.isEmpty())
        return Status::success();
    return Error{tr("fedgated is not started: the roles of its service configuration (%1) need a "
                    "certificate for %2, and none is assigned. For each USAGE of %3, request one "
                    "('fedgatectl cert request --usage USAGE', with --immediate for the internal "
                    "CA) and assign it ('fedgatectl cert assign ID --usage USAGE'), or give its "
                    "files to fedgated in %4.")
                     .arg(engine::toString(roles.role), missing.join(QStringLiteral(", ")),
                          usages.join(QStringLiteral(", ")), layout().configFile()),
                 QString()};
}

Result<ServiceState> ServiceManager::start(const Progress &progress, int readyTimeoutMs)
{
    if (m_backend == ServiceBackend::BuiltIn)
        return m_supervisor.start(progress, readyTimeoutMs);
    const ServiceState before = status();
    if (before.running)
        return Error{tr("fedgated already runs (pid %1, managed by systemd). Use "
                        "'fedgatectl service restart' to restart it.")
                         .arg(before.pid),
                     QString()};
    return systemctlStart(QStringLiteral("start"), progress, readyTimeoutMs);
}

Result<ServiceState> ServiceManager::restart(const Progress &progress, int readyTimeoutMs)
{
    if (m_backend == ServiceBackend::Systemd)
        return systemctlStart(QStringLiteral("restart"), progress, readyTimeoutMs);
    if (Status stopped = m_supervisor.stop(progress); !stopped)
        return stopped.error();
    return m_supervisor.start(progress, readyTimeoutMs);
}

Status ServiceManager::stop(const Progress &progress, int timeoutMs)
{
    if (m_backend == ServiceBackend::BuiltIn)
        return m_supervisor.stop(progress, timeoutMs);
    tell(progress, QStringLiteral("systemctl stop %1").arg(kServiceUnit));
    const Run r = run(QStringLiteral("systemctl"), {QStringLiteral("stop"), kServiceUnit},
                      kSystemctlTimeoutMs);
    if (r.exitCode != 0)
        return Error{tr("systemctl stop %1 failed (exit %2): %3\nRun fedgatectl as "
                        "root (or with the rights to manage the unit).")
                         .arg(kServiceUnit)
                         .arg(r.exitCode)
                         .arg(firstLines(r.output, 5)),
                     QString()};
    tell(progress, tr("fedgated stopped"));
    return Status::success();
}

Result<QStringList> ServiceManager::logTail(int lines) const
{
    if (m_backend == ServiceBackend::BuiltIn)
        return m_supervisor.logTail(lines);
    const Run r = run(QStringLiteral("journalctl"),
                      {QStringLiteral("-u"), kServiceUnit, QStringLiteral("-n"),
                       QString::number(lines), QStringLiteral("--no-pager")},
                      30000);
    if (r.exitCode != 0)
        return Error{tr("journalctl -u %1 failed (exit %2): %3 Run fedgatectl as root "
                        "or as a member of the systemd-journal group.")
                         .arg(kServiceUnit)
                         .arg(r.exitCode)
                         .arg(firstLines(r.output, 3)),
                     QString()};
    QStringList all = r.output.split(QLatin1Char('\n'));
    while (!all.isEmpty() && all.last().isEmpty())
        all.removeLast();
    return all;
}

} // namespace fedgate::deploy
