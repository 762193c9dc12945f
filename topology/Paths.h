#pragma once

#include <QString>

// Where Fedgate keeps its files on this machine. FEDGATE_DATA_DIR overrides
// everything (tests and unattended installs use it); otherwise a desktop user
// gets the XDG data directory (~/.local/share/fedgate) and the packaged
// service (running as root without HOME, or with FEDGATE_SYSTEM=1) gets
// /var/lib/fedgate.
namespace fedgate {

QString dataDir();                             // created (0700) on first use
QString dataPath(const QString &relativePath); // dataDir() + "/" + relativePath

} // namespace fedgate
