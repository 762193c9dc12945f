#pragma once

#include "topology/Result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>

// The built-in supervisor for fedgated where no systemd runs (containers,
// build machines), as prosodyctl and ejabberdctl do it: fedgated started
// detached in its own session with its output appended to a log file, a pid
// file, readiness awaited on the control socket, and a stop that asks
// (SIGTERM) before it forces (SIGKILL). Every path comes from one data
// directory, the same one fedgatectl, the wizard and fedgated use.
namespace fedgate::deploy {

struct ServiceLayout
{
    QString dataDirectory;
    QString program; // the fedgated executable
    QString control; // the control socket when not the data directory's (--control)

    QString pidFile() const;       // <data>/fedgated.pid
    QString logFile() const;       // <data>/fedgated.log
    QString controlSocket() const; // `control`, else <data>/fedgated.sock
    // The service configuration the deployment writes: a JSON object whose
    // "arguments" array is fedgated's command line. Absent = no arguments
    // (fedgated then runs the local replica of the data directory).
    QString configFile() const; // <data>/service.json

    // The layout of `dataDirectory`, with fedgated taken from beside the
    // running program (the build tree or /usr/bin), else from PATH.
    static ServiceLayout forDataDirectory(const QString &dataDirectory);
};

struct ServiceState
{
    bool running = false;
    qint64 pid = -1;
    qint64 uptimeSeconds = -1;
    bool answering = false; // the control socket answered "status"
    QJsonObject engine;     // that answer (version, roles, listen, sessions...)
    QString note;           // e.g. a stale pid file that was removed
};

class ServiceSupervisor
{
public:
    using Progress = std::function<void(const QString &)>;

    explicit ServiceSupervisor(ServiceLayout layout);
    const ServiceLayout &layout() const { return m_layout; }

    // Reads the pid file and asks the control socket; removes a pid file
    // whose process is gone (and says so in `note`).
    ServiceState status() const;

    // Starts fedgated and waits until its control socket answers. Refused
    // when it already runs. When it exits during start-up or does not answer
    // within `readyTimeoutMs` (then it is stopped again), the error quotes
    // the end of its log.
    Result<ServiceState> start(const Progress &progress = {}, int readyTimeoutMs = 30000);
    // SIGTERM, then SIGKILL after `timeoutMs`. Stopping a stopped service
    // is not an error (it says so through `progress`).
    Status stop(const Progress &progress = {}, int timeoutMs = 15000);

    // The control socket's "status" answer; empty when nothing answers
    // within `timeoutMs` (or the answer is not ok).
    static QJsonObject askStatus(const QString &socket, int timeoutMs);

    // The last `lines` lines of the log (fewer when the log is shorter).
    Result<QStringList> logTail(int lines) const;
    // The arguments from configFile(); an error names the file and the
    // problem.
    Result<QStringList> serviceArguments() const;

private:
    Result<qint64> launch(const QStringList &arguments);
    QString failureFromLog(qint64 pid) const;

    ServiceLayout m_layout;
};

} // namespace fedgate::deploy
