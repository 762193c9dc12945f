#include "SecureFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace fedgate::certs {

namespace {
Error writeError(const QString &path, const QString &reason)
{
    Error error;
    error.message = QStringLiteral("Could not write %1: %2. Check the free space and the "
                                   "permissions of %3.")
                        .arg(path, reason, QFileInfo(path).absolutePath());
    error.source = path;
    return error;
}
} // namespace

Status writeFileAtomically(const QString &path, const QByteArray &data, FileMode mode)
{
    const QString dir = QFileInfo(path).absolutePath();
    if (Status s = makePrivateDir(dir); !s)
        return s;
    const QFileDevice::Permissions permissions =
        mode == FileMode::OwnerOnly ? (QFileDevice::ReadOwner | QFileDevice::WriteOwner)
                                    : (QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                       QFileDevice::ReadGroup | QFileDevice::ReadOther);
    // The temporary is created with its final mode (O_CREAT|O_EXCL, 0600), so
    // a key is never readable by others, and renamed over the target only
    // once it is complete and on disk.
    const QString temporary =
        QStringLiteral("%1.tmp-%2")
            .arg(path)
            .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, permissions))
        return writeError(path, file.errorString());
    const bool written =
        file.write(data) == data.size() && file.flush() && ::fsync(file.handle()) == 0;
    const QString reason = file.errorString();
    file.close();
    if (!written) {
        QFile::remove(temporary);
        return writeError(path, reason);
    }
    if (std::rename(QFile::encodeName(temporary).constData(),
                    QFile::encodeName(path).constData()) != 0) {
        const QString renameReason = QString::fromLocal8Bit(std::strerror(errno));
        QFile::remove(temporary);
        return writeError(path, renameReason);
    }
    return Status::success();
}

Status makePrivateDir(const QString &path)
{
    if (QFileInfo(path).isDir())
        return Status::success();
    // Every folder this creates is 0700, not only the last one: a key store
    // folder readable by others would at least list what keys exist.
    QStringList missing;
    QString current = QFileInfo(path).absoluteFilePath();
    while (!QFileInfo::exists(current) && missing.size() < 64) {
        missing.prepend(current);
        current = QFileInfo(current).absolutePath();
    }
    for (const QString &dir : missing) {
        if (!QDir().mkdir(dir) && !QFileInfo(dir).isDir()) {
            Error error;
            error.message = QStringLiteral("Could not create the folder %1. Check the permissions "
                                           "of its parent.")
                                .arg(dir);
            error.source = dir;
            return error;
        }
        QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                       QFileDevice::ExeOwner);
    }
    return Status::success();
}

} // namespace fedgate::certs
