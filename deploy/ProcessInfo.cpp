#include "ProcessInfo.h"

#include <QFile>

#include <unistd.h>

namespace fedgate::deploy {

namespace {

QByteArray readProcFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.read(64 * 1024);
}

// The fields of /proc/PID/stat after the command name, which is in
// parentheses and may itself contain spaces and parentheses: field 3
// (state) is the first element.
QList<QByteArray> statFieldsAfterName(qint64 pid, const QString &procRoot)
{
    const QByteArray stat = readProcFile(QStringLiteral("%1/%2/stat").arg(procRoot).arg(pid));
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return {};
    return stat.mid(close + 2).split(' ');
}

} // namespace

bool ProcessInfo::isAlive(qint64 pid, const QString &procRoot)
{
    if (pid <= 0)
        return false;
    const QList<QByteArray> fields = statFieldsAfterName(pid, procRoot);
    return !fields.isEmpty() && fields.first() != "Z" && fields.first() != "X";
}

QString ProcessInfo::commandName(qint64 pid, const QString &procRoot)
{
    return QString::fromUtf8(readProcFile(QStringLiteral("%1/%2/comm").arg(procRoot).arg(pid)))
        .trimmed();
}

qint64 ProcessInfo::uptimeSeconds(qint64 pid, const QString &procRoot)
{
    // Field 22 (starttime, clock ticks after boot) is index 19 after the name.
    const QList<QByteArray> fields = statFieldsAfterName(pid, procRoot);
    bool ok = false;
    const qint64 startTicks = fields.size() > 19 ? fields[19].toLongLong(&ok) : 0;
    const QList<QByteArray> uptime = readProcFile(procRoot + QStringLiteral("/uptime")).split(' ');
    bool uptimeOk = false;
    const double systemUp = uptime.value(0).toDouble(&uptimeOk);
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    if (!ok || !uptimeOk || ticksPerSecond <= 0)
        return -1;
    return qMax<qint64>(0, qint64(systemUp) - startTicks / ticksPerSecond);
}

} // namespace fedgate::deploy
