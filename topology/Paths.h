#pragma once

#include "Result.h"

#include <QString>

// Where Fedgate keeps its files on this machine: one place that the wizard,
// fedgatectl and the service always agree on.
//
//  1. FEDGATE_DATA_DIR, when set (tests, unattended installs);
//  2. the system data directory (/var/lib/fedgate, created by the Debian
//     package for the fedgated service) when FEDGATE_SYSTEM=1 or when it
//     exists: once the package is installed, every tool works on the
//     service's files, never on a private copy the service cannot see;
//  3. otherwise the desktop user's XDG data directory
//     (~/.local/share/fedgate), where the built-in supervisor also runs
//     fedgated.
namespace fedgate {

QString dataDir();                             // created (0700) on first use
QString dataPath(const QString &relativePath); // dataDir() + "/" + relativePath

// /var/lib/fedgate, or FEDGATE_SYSTEM_DATA_DIR (packagers and tests).
QString systemDataDir();
// Which rule of the list above chose dataDir(), in words for the wizard's
// status bar and `fedgatectl service status`: "the system service's data
// directory", "FEDGATE_DATA_DIR", "your own data directory".
QString dataDirOrigin();

// When the process runs as root on the system data directory, it continues
// as the service account ("fedgate", created by the package), so that the
// files it writes belong to the account fedgated runs as. Does nothing in
// any other case; an error when the switch itself fails.
Status useServiceAccount();

} // namespace fedgate
