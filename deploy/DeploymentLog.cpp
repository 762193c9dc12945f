#include "DeploymentLog.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace fedgate::deploy {

namespace {
// A log larger than this is read from its end only.
constexpr qint64 kMaxReadBytes = 8 * 1024 * 1024;
} // namespace

QString DeploymentLog::path(const QString &dataDirectory)
{
    return QDir::cleanPath(dataDirectory) + QStringLiteral("/deploy.log");
}

Status DeploymentLog::append(const QString &dataDirectory, const QString &step, const QString &line)
{
    if (!QDir().mkpath(dataDirectory))
        return Error{QStringLiteral("Cannot create the data directory %1 for the deployment log.")
                         .arg(dataDirectory),
                     dataDirectory};
    QFile file(path(dataDirectory));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        return Error{QStringLiteral("Cannot write the deployment log %1: %2.")
                         .arg(file.fileName(), file.errorString()),
                     file.fileName()};
    QString text = line;
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    const QString stamp = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    const QByteArray bytes = QStringLiteral("%1 [%2] %3\n")
                                 .arg(stamp, step.isEmpty() ? QStringLiteral("deploy") : step, text)
                                 .toUtf8();
    if (file.write(bytes) != bytes.size() || !file.flush())
        return Error{QStringLiteral("Cannot write the deployment log %1: %2.")
                         .arg(file.fileName(), file.errorString()),
                     file.fileName()};
    return {};
}

Result<QStringList> DeploymentLog::read(const QString &dataDirectory, const QString &step)
{
    QFile file(path(dataDirectory));
    if (!file.exists())
        return QStringList();
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("Cannot read the deployment log %1: %2.")
                         .arg(file.fileName(), file.errorString()),
                     file.fileName()};
    if (file.size() > kMaxReadBytes)
        file.seek(file.size() - kMaxReadBytes);
    const QString text = QString::fromUtf8(file.readAll());
    const QString tag = QStringLiteral("[%1]").arg(step);
    QStringList lines;
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        if (step.isEmpty() || line.section(QLatin1Char(' '), 1, 1) == tag)
            lines << line;
    return lines;
}

} // namespace fedgate::deploy
