#pragma once

#include "topology/Result.h"

#include <QByteArray>
#include <QString>

// Writes a file so that a crash or a full disk never leaves half of it behind,
// and so that a private key is never readable by others, not even for the
// moment between creating the file and changing its mode.
namespace fedgate::certs {

enum class FileMode
{
    OwnerOnly /* 0600 */,
    Public /* 0644 */
};

Status writeFileAtomically(const QString &path, const QByteArray &data,
                           FileMode mode = FileMode::OwnerOnly);
// Creates `path` (and parents) with mode 0700.
Status makePrivateDir(const QString &path);

} // namespace fedgate::certs
