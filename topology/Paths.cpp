#include "Paths.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace fedgate {

QString dataDir()
{
    QString dir = qEnvironmentVariable("FEDGATE_DATA_DIR");
    if (dir.isEmpty()) {
        if (qEnvironmentVariable("FEDGATE_SYSTEM") == QLatin1String("1"))
            dir = QStringLiteral("/var/lib/fedgate");
        else
            dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                  QStringLiteral("/fedgate");
    }
    if (!QDir(dir).exists()) {
        QDir().mkpath(dir);
        QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                       QFileDevice::ExeOwner);
    }
    return dir;
}

QString dataPath(const QString &relativePath)
{
    return dataDir() + QLatin1Char('/') + relativePath;
}

} // namespace fedgate
