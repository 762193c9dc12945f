#include "Paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <cerrno>
#include <cstring>
#include <grp.h>
#include <pwd.h>
#include <unistd.h>

namespace fedgate {

namespace {

// User-facing text: French in the wizard, which installs a translator;
// English in fedgatectl and fedgated, which install none.
QString tr(const char *text)
{
    return QCoreApplication::translate("Paths", text);
}

enum class Origin
{
    Environment,
    System,
    User
};

Origin chooseOrigin()
{
    if (!qEnvironmentVariable("FEDGATE_DATA_DIR").isEmpty())
        return Origin::Environment;
    if (qEnvironmentVariable("FEDGATE_SYSTEM") == QLatin1String("1") ||
        QFileInfo(systemDataDir()).isDir())
        return Origin::System;
    return Origin::User;
}

} // namespace

QString systemDataDir()
{
    const QString overridden = qEnvironmentVariable("FEDGATE_SYSTEM_DATA_DIR");
    return overridden.isEmpty() ? QStringLiteral("/var/lib/fedgate") : overridden;
}

QString dataDir()
{
    QString dir;
    switch (chooseOrigin()) {
    case Origin::Environment:
        dir = qEnvironmentVariable("FEDGATE_DATA_DIR");
        break;
    case Origin::System:
        dir = systemDataDir();
        break;
    case Origin::User:
        dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
              QStringLiteral("/fedgate");
        break;
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

QString dataDirOrigin()
{
    switch (chooseOrigin()) {
    case Origin::Environment:
        return tr("set by FEDGATE_DATA_DIR");
    case Origin::System:
        return tr("the system service's data directory");
    case Origin::User:
        break;
    }
    return tr("your own data directory (no system service installed)");
}

Status useServiceAccount()
{
    if (geteuid() != 0 || chooseOrigin() != Origin::System)
        return Status::success();
    const passwd *account = getpwnam("fedgate");
    if (!account)
        return Status::success(); // no package account: root keeps the files
    if (initgroups(account->pw_name, account->pw_gid) != 0 || setgid(account->pw_gid) != 0 ||
        setuid(account->pw_uid) != 0)
        return Error{tr("Cannot continue as the service account 'fedgate' to work on "
                        "%1: %2. Run the command as that account (sudo -u fedgate).")
                         .arg(systemDataDir(), QString::fromLocal8Bit(std::strerror(errno))),
                     systemDataDir()};
    return Status::success();
}

} // namespace fedgate
