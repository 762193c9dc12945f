#pragma once

#include <QString>

// What /proc says about one process: whether it is alive (a zombie is not),
// its command name and how long it has run. Linux only, as the rest of the
// supervisor.
namespace fedgate::deploy {

class ProcessInfo
{
public:
    // True while `pid` exists and is not a zombie.
    static bool isAlive(qint64 pid, const QString &procRoot = QStringLiteral("/proc"));
    // /proc/PID/comm ("fedgated"); empty when the process is gone.
    static QString commandName(qint64 pid, const QString &procRoot = QStringLiteral("/proc"));
    // Seconds since the process started; -1 when unknown.
    static qint64 uptimeSeconds(qint64 pid, const QString &procRoot = QStringLiteral("/proc"));
};

} // namespace fedgate::deploy
