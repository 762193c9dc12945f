#pragma once

#include "DeploymentPlan.h"
#include "topology/Result.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <optional>

// The deployment's "unit" action (step "components"): on a machine where
// systemd runs and the data directory is the system one (/var/lib/fedgate),
// the fedgated unit must be installed and enabled. The package installs it
// (/lib/systemd/system); a build from source gets
// /etc/systemd/system/fedgated.service written from the same template
// (installer/fedgated.service, compiled in) with ExecStart naming the real
// fedgated, then `systemctl daemon-reload` and `systemctl enable fedgated`
// (Blocked until the unit's User= account exists, which the package's
// postinst creates and a build from source has not).
// Elsewhere (no systemd: containers, build machines; or a private data
// directory) the built-in supervisor runs fedgated and the action says so.
namespace fedgate::deploy {

// The packaged unit's text with ExecStart=`fedgatedProgram`.
Result<QByteArray> serviceUnitText(const QString &fedgatedProgram);

class ServiceUnit
{
public:
    // `machineRoot` lets tests use a fake machine tree (as
    // probeServiceEnvironment does); there `<root>/var/lib/fedgate` is the
    // system data directory too.
    ServiceUnit(QString dataDirectory, QString fedgatedProgram,
                QString machineRoot = QStringLiteral("/"));

    // Default: whether this process runs as root (effective uid 0).
    void setRunningAsRoot(bool root) { m_root = root; }

    // id "unit", step "components". `asRootCommand`: what a non-root user
    // runs as root instead (named in the Blocked reason).
    DeployAction action(const QString &asRootCommand) const;

    using Progress = std::function<void(const QString &line)>;
    // Writes the unit (temp file + rename) when it is missing or differs,
    // then daemon-reload, and enables it; a no-op where it is not needed.
    // The result says what was done.
    Result<QString> apply(const Progress &progress = {}) const;

    // <root>/etc/systemd/system/fedgated.service
    QString localUnitPath() const;

private:
    struct Facts;
    Facts probe() const;

    QString m_dataDirectory;
    QString m_program;
    QString m_machineRoot;
    std::optional<bool> m_root;
};

} // namespace fedgate::deploy
