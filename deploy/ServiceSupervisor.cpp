#include "ServiceSupervisor.h"

#include "ProcessInfo.h"

#include "engine/control/ControlClient.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vector>

namespace fedgate::deploy {

namespace {

// User-facing text: French in the wizard, which installs a translator;
// English in fedgatectl and fedgated, which install none.
QString tr(const char *text)
{
    return QCoreApplication::translate("ServiceSupervisor", text);
}

constexpr qint64 kLogRotateBytes = 10 * 1024 * 1024;
constexpr int kPollMs = 100;

void tell(const ServiceSupervisor::Progress &progress, const QString &text)
{
    if (progress)
        progress(text);
}

qint64 readPid(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    bool ok = false;
    const qint64 pid = file.read(32).trimmed().toLongLong(&ok);
    return ok && pid > 0 ? pid : -1;
}

// A pid file names fedgated only while that process runs fedgated: after a
// reboot the number may belong to anything.
bool isFedgated(qint64 pid)
{
    return ProcessInfo::isAlive(pid) && ProcessInfo::commandName(pid) == QLatin1String("fedgated");
}

// Keeps the log bounded across starts: past 10 MiB it becomes .1.
void rotateLog(const QString &path)
{
    if (QFileInfo(path).size() < kLogRotateBytes)
        return;
    QFile::remove(path + QStringLiteral(".1"));
    QFile::rename(path, path + QStringLiteral(".1"));
}

} // namespace

QString ServiceLayout::pidFile() const
{
    return dataDirectory + QStringLiteral("/fedgated.pid");
}
QString ServiceLayout::logFile() const
{
    return dataDirectory + QStringLiteral("/fedgated.log");
}
QString ServiceLayout::controlSocket() const
{
    return control.isEmpty() ? dataDirectory + QStringLiteral("/fedgated.sock") : control;
}
QString ServiceLayout::configFile() const
{
    return dataDirectory + QStringLiteral("/service.json");
}

ServiceLayout ServiceLayout::forDataDirectory(const QString &dataDirectory)
{
    ServiceLayout layout;
    layout.dataDirectory = QDir::cleanPath(dataDirectory);
    const QString beside = QCoreApplication::applicationDirPath() + QStringLiteral("/fedgated");
    if (QFileInfo(beside).isExecutable())
        layout.program = beside;
    else
        layout.program = QStandardPaths::findExecutable(QStringLiteral("fedgated"));
    return layout;
}

QJsonObject ServiceSupervisor::askStatus(const QString &socket, int timeoutMs)
{
    auto answer = engine::ControlClient::request(
        socket, {{QStringLiteral("command"), QStringLiteral("status")}}, timeoutMs);
    if (!answer || !answer.value().value(QStringLiteral("ok")).toBool())
        return {};
    return answer.value();
}

ServiceSupervisor::ServiceSupervisor(ServiceLayout layout)
    : m_layout(std::move(layout))
{}

ServiceState ServiceSupervisor::status() const
{
    ServiceState state;
    const qint64 pid = readPid(m_layout.pidFile());
    if (pid > 0 && !isFedgated(pid)) {
        QFile::remove(m_layout.pidFile());
        state.note = tr("Removed a stale pid file (process %1 no longer runs fedgated).").arg(pid);
    } else if (pid > 0) {
        state.running = true;
        state.pid = pid;
        state.uptimeSeconds = ProcessInfo::uptimeSeconds(pid);
    }
    state.engine = askStatus(m_layout.controlSocket(), 3000);
    state.answering = !state.engine.isEmpty();
    if (state.answering && !state.running) {
        // Started by hand or by another supervisor: still this data
        // directory's engine, so report it.
        state.running = true;
        state.pid = state.engine.value(QStringLiteral("pid")).toInteger(-1);
        state.uptimeSeconds = ProcessInfo::uptimeSeconds(state.pid);
    }
    return state;
}

Result<QStringList> ServiceSupervisor::serviceArguments() const
{
    QFile file(m_layout.configFile());
    if (!file.exists())
        return QStringList{};
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("Cannot read the service configuration %1: %2.")
                         .arg(file.fileName(), file.errorString()),
                     file.fileName()};
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(1024 * 1024), &parseError);
    const QJsonValue arguments = doc.object().value(QStringLiteral("arguments"));
    if (parseError.error != QJsonParseError::NoError || !arguments.isArray())
        return Error{tr("The service configuration %1 is not a JSON object with an "
                        "\"arguments\" array (%2). Deploy again to rewrite it.")
                         .arg(file.fileName(), parseError.error != QJsonParseError::NoError
                                                   ? parseError.errorString()
                                                   : tr("no arguments array")),
                     file.fileName()};
    QStringList list;
    for (const QJsonValue &v : arguments.toArray()) {
        if (!v.isString())
            return Error{tr("The service configuration %1 has an argument that is not "
                            "a string. Deploy again to rewrite it.")
                             .arg(file.fileName()),
                         file.fileName()};
        list << v.toString();
    }
    return list;
}

Result<qint64> ServiceSupervisor::launch(const QStringList &arguments)
{
    // Everything the child needs is prepared before fork(): after it, only
    // async-signal-safe calls (the parent may have threads).
    std::vector<QByteArray> argStore;
    argStore.push_back(QFile::encodeName(m_layout.program));
    for (const QString &a : arguments)
        argStore.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &a : argStore)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    std::vector<QByteArray> envStore;
    for (char **e = environ; *e; ++e)
        if (std::strncmp(*e, "FEDGATE_DATA_DIR=", 17) != 0)
            envStore.emplace_back(*e);
    envStore.push_back("FEDGATE_DATA_DIR=" + QFile::encodeName(m_layout.dataDirectory));
    std::vector<char *> envp;
    for (QByteArray &e : envStore)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    const QByteArray logPath = QFile::encodeName(m_layout.logFile());
    const QByteArray workDir = QFile::encodeName(m_layout.dataDirectory);
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0)
        return Error{tr("Cannot start fedgated: pipe: %1.")
                         .arg(QString::fromLocal8Bit(std::strerror(errno))),
                     QString()};

    const pid_t child = fork();
    if (child < 0) {
        ::close(report[0]);
        ::close(report[1]);
        return Error{tr("Cannot start fedgated: fork: %1.")
                         .arg(QString::fromLocal8Bit(std::strerror(errno))),
                     QString()};
    }
    if (child == 0) {
        // First child: a new session, then fork again so that fedgated is
        // not our child (it outlives fedgatectl and no terminal owns it).
        ::close(report[0]);
        setsid();
        const pid_t daemon = fork();
        if (daemon != 0)
            _exit(daemon > 0 ? 0 : 1);
        const qint64 self = getpid();
        if (write(report[1], &self, sizeof self) != sizeof self)
            _exit(126);
        const int log = open(logPath.constData(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        const int null = open("/dev/null", O_RDONLY);
        if (log < 0 || null < 0 || chdir(workDir.constData()) != 0) {
            const int error = errno;
            (void)!write(report[1], &error, sizeof error);
            _exit(126);
        }
        dup2(null, 0);
        dup2(log, 1);
        dup2(log, 2);
        umask(077);
        execve(argv[0], argv.data(), envp.data());
        const int error = errno;
        (void)!write(report[1], &error, sizeof error);
        _exit(127);
    }
    ::close(report[1]);
    int childStatus = 0;
    waitpid(child, &childStatus, 0);
    qint64 pid = -1;
    int execError = 0;
    const bool gotPid = read(report[0], &pid, sizeof pid) == sizeof pid;
    const bool failed = gotPid && read(report[0], &execError, sizeof execError) == sizeof execError;
    ::close(report[0]);
    if (!gotPid)
        return Error{tr("Cannot start fedgated: the detached process did not start."), QString()};
    if (failed)
        return Error{tr("Cannot start %1: %2. Check the installation (fedgated must "
                        "be executable) and the data directory %3.")
                         .arg(m_layout.program, QString::fromLocal8Bit(std::strerror(execError)),
                              m_layout.dataDirectory),
                     QString()};
    return pid;
}

QString ServiceSupervisor::failureFromLog(qint64 pid) const
{
    const auto tail = logTail(40);
    QStringList lines = tail ? tail.value() : QStringList{};
    // The lines that say why, else the last ones.
    QStringList why;
    for (const QString &line : lines)
        if (line.contains(QLatin1String("critical")) || line.contains(QLatin1String("error")) ||
            line.startsWith(QLatin1String("fedgated: ")))
            why << line;
    if (why.isEmpty())
        why = lines.mid(qMax(0, int(lines.size()) - 3));
    return tr("fedgated (pid %1) exited during start-up. Its log %2 says:\n  %3")
        .arg(pid)
        .arg(m_layout.logFile(),
             why.mid(qMax(0, int(why.size()) - 5)).join(QStringLiteral("\n  ")));
}

Result<ServiceState> ServiceSupervisor::start(const Progress &progress, int readyTimeoutMs)
{
    const ServiceState before = status();
    if (!before.note.isEmpty())
        tell(progress, before.note);
    if (before.running)
        return Error{tr("fedgated already runs (pid %1). Use 'fedgatectl service "
                        "restart' to restart it, or 'fedgatectl service stop' first.")
                         .arg(before.pid),
                     QString()};
    if (m_layout.program.isEmpty() || !QFileInfo(m_layout.program).isExecutable())
        return Error{tr("Cannot find the fedgated program (looked beside %1 and in "
                        "PATH). Install Fedgate's package or build it first.")
                         .arg(QCoreApplication::applicationDirPath()),
                     QString()};
    auto arguments = serviceArguments();
    if (!arguments)
        return arguments.error();
    if (!QDir().mkpath(m_layout.dataDirectory))
        return Error{tr("Cannot create the data directory %1.").arg(m_layout.dataDirectory),
                     QString()};
    rotateLog(m_layout.logFile());

    tell(progress, QStringLiteral("Starting %1").arg(m_layout.program));
    auto pid = launch(arguments.value());
    if (!pid)
        return pid.error();
    QSaveFile pidFile(m_layout.pidFile());
    if (!pidFile.open(QIODevice::WriteOnly) ||
        pidFile.write(QByteArray::number(pid.value()) + '\n') < 0 || !pidFile.commit()) {
        ::kill(pid_t(pid.value()), SIGTERM);
        return Error{tr("Cannot write the pid file %1: %2. fedgated was stopped again.")
                         .arg(m_layout.pidFile(), pidFile.errorString()),
                     QString()};
    }
    tell(progress, tr("fedgated started (pid %1); waiting for its control socket %2")
                       .arg(pid.value())
                       .arg(m_layout.controlSocket()));

    QDeadlineTimer deadline(readyTimeoutMs);
    while (!deadline.hasExpired()) {
        if (!ProcessInfo::isAlive(pid.value())) {
            QFile::remove(m_layout.pidFile());
            return Error{failureFromLog(pid.value()), QString()};
        }
        ServiceState state;
        state.engine = askStatus(m_layout.controlSocket(), 1000);
        if (!state.engine.isEmpty() &&
            state.engine.value(QStringLiteral("pid")).toInteger() == pid.value()) {
            state.running = true;
            state.answering = true;
            state.pid = pid.value();
            state.uptimeSeconds = ProcessInfo::uptimeSeconds(pid.value());
            tell(progress, tr("fedgated is ready"));
            return state;
        }
        QThread::msleep(kPollMs);
    }
    stop({}, 5000);
    return Error{tr("fedgated (pid %1) did not answer on its control socket %2 within "
                    "%3 s, so it was stopped again. Read its log: fedgatectl service "
                    "log.")
                     .arg(pid.value())
                     .arg(m_layout.controlSocket())
                     .arg(readyTimeoutMs / 1000),
                 QString()};
}

Status ServiceSupervisor::stop(const Progress &progress, int timeoutMs)
{
    const ServiceState state = status();
    if (!state.note.isEmpty())
        tell(progress, state.note);
    if (!state.running) {
        tell(progress, tr("fedgated is not running."));
        return Status::success();
    }
    tell(progress, tr("Stopping fedgated (pid %1)").arg(state.pid));
    if (::kill(pid_t(state.pid), SIGTERM) != 0 && errno != ESRCH)
        return Error{tr("Cannot stop fedgated (pid %1): %2. Run fedgatectl as the "
                        "user the service runs as (or root).")
                         .arg(state.pid)
                         .arg(QString::fromLocal8Bit(std::strerror(errno))),
                     QString()};
    QDeadlineTimer deadline(timeoutMs);
    while (ProcessInfo::isAlive(state.pid) && !deadline.hasExpired())
        QThread::msleep(kPollMs);
    if (ProcessInfo::isAlive(state.pid)) {
        tell(progress, tr("fedgated did not stop within %1 s; killing it").arg(timeoutMs / 1000));
        ::kill(pid_t(state.pid), SIGKILL);
        QDeadlineTimer killDeadline(5000);
        while (ProcessInfo::isAlive(state.pid) && !killDeadline.hasExpired())
            QThread::msleep(kPollMs);
    }
    if (readPid(m_layout.pidFile()) == state.pid)
        QFile::remove(m_layout.pidFile());
    tell(progress, tr("fedgated stopped"));
    return Status::success();
}

Result<QStringList> ServiceSupervisor::logTail(int lines) const
{
    QFile file(m_layout.logFile());
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("There is no log yet at %1: the service has not been started "
                        "from this data directory.")
                         .arg(file.fileName()),
                     file.fileName()};
    // Enough of the end for `lines` ordinary lines, without reading a
    // large file whole.
    const qint64 window = qMin<qint64>(file.size(), qint64(qMax(1, lines)) * 1024 + 4096);
    file.seek(file.size() - window);
    QStringList all = QString::fromUtf8(file.read(window)).split(QLatin1Char('\n'));
    if (window < file.size() && !all.isEmpty())
        all.removeFirst(); // a partial line
    while (!all.isEmpty() && all.last().isEmpty())
        all.removeLast();
    return all.mid(qMax(0, int(all.size()) - lines));
}

} // namespace fedgate::deploy
