#include "ServiceUnit.h"

#include "ServiceManager.h"

#include "certs/SecureFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

#include <pwd.h>
#include <unistd.h>

namespace fedgate::deploy {

namespace {
// installer/fedgated.service, compiled in by deploy/CMakeLists.txt: the unit
// the package installs is the one source of its text.
const QString kTemplateResource = QStringLiteral(":/fedgate/deploy/fedgated.service");
const QString kExecStartPlaceholder = QStringLiteral("@CMAKE_INSTALL_FULL_BINDIR@/fedgated");
constexpr qint64 kMaxUnitSize = 64 * 1024;
constexpr int kSystemctlTimeoutMs = 60000;

QString unitFileName()
{
    return kServiceUnit + QStringLiteral(".service");
}

// The unit's [Install] target (multi-user.target), whose .wants folder holds
// the link `systemctl enable` makes.
QString wantedBy(const QByteArray &unit)
{
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("^WantedBy=(\\S+)"), QRegularExpression::MultilineOption)
            .match(QString::fromUtf8(unit));
    return m.hasMatch() ? m.captured(1) : QStringLiteral("multi-user.target");
}

// The unit's User= (fedgate), "" when it sets none.
QString unitUser(const QByteArray &unit)
{
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("^User=(\\S+)"), QRegularExpression::MultilineOption)
            .match(QString::fromUtf8(unit));
    return m.hasMatch() ? m.captured(1) : QString();
}

// Whether `account` exists: the system's user database on the real machine,
// <root>/etc/passwd in a machine tree.
bool accountExists(const QString &account, const QString &machineRoot)
{
    if (machineRoot == QLatin1String("/"))
        return ::getpwnam(QFile::encodeName(account).constData()) != nullptr;
    QFile passwd(QDir(machineRoot).filePath(QStringLiteral("etc/passwd")));
    if (!passwd.open(QIODevice::ReadOnly))
        return false;
    const QByteArray prefix = QFile::encodeName(account) + ':';
    for (const QByteArray &line : passwd.read(kMaxUnitSize * 16).split('\n'))
        if (line.startsWith(prefix))
            return true;
    return false;
}

QString absoluteProgram(const QString &program)
{
    if (program.isEmpty())
        return {};
    if (!program.contains(QLatin1Char('/')))
        return QStandardPaths::findExecutable(program);
    return QFileInfo(program).absoluteFilePath();
}

Error failure(const QString &message)
{
    Error error;
    error.message = message;
    return error;
}
} // namespace

Result<QByteArray> serviceUnitText(const QString &fedgatedProgram)
{
    QFile file(kTemplateResource);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("The fedgated unit template is missing from this build (%1); "
                                      "rebuild fedgate.")
                           .arg(kTemplateResource));
    QString text = QString::fromUtf8(file.readAll());
    if (!text.contains(kExecStartPlaceholder))
        return failure(QStringLiteral("The fedgated unit template has no ExecStart=%1 to fill in.")
                           .arg(kExecStartPlaceholder));
    text.replace(kExecStartPlaceholder, fedgatedProgram);
    const QRegularExpressionMatch left =
        QRegularExpression(QStringLiteral("@[A-Z_]+@")).match(text);
    if (left.hasMatch())
        return failure(QStringLiteral("The fedgated unit template has %1, which only a package "
                                      "build fills in.")
                           .arg(left.captured(0)));
    return text.toUtf8();
}

struct ServiceUnit::Facts
{
    bool systemdRunning = false;
    bool systemDataDirectory = false;
    QString packageUnit; // its path in the tree, "" when the package did not install one
    bool localUnitExists = false;
    QByteArray localUnit;                   // its text (bounded)
    Result<QByteArray> unit = QByteArray(); // what fedgate writes
    QString program;                        // the absolute fedgated
    QString wantsLink; // <root>/etc/systemd/system/<target>.wants/fedgated.service
    bool enabled = false;
    bool root = false;
    QString account; // the unit's User=
    bool accountExists = false;
};

ServiceUnit::ServiceUnit(QString dataDirectory, QString fedgatedProgram, QString machineRoot)
    : m_dataDirectory(QDir::cleanPath(std::move(dataDirectory)))
    , m_program(std::move(fedgatedProgram))
    , m_machineRoot(QDir::cleanPath(std::move(machineRoot)))
{}

QString ServiceUnit::localUnitPath() const
{
    return QDir(m_machineRoot).filePath(QStringLiteral("etc/systemd/system/") + unitFileName());
}

ServiceUnit::Facts ServiceUnit::probe() const
{
    Facts f;
    const QDir root(m_machineRoot);
    const ServiceEnvironment environment = probeServiceEnvironment(m_dataDirectory, m_machineRoot);
    f.systemdRunning = environment.systemdRunning;
    f.systemDataDirectory =
        m_dataDirectory == kSystemDataDirectory ||
        (m_machineRoot != QLatin1String("/") &&
         m_dataDirectory == QDir::cleanPath(root.filePath(kSystemDataDirectory.mid(1))));
    for (const char *directory : {"lib/systemd/system", "usr/lib/systemd/system"}) {
        const QString path =
            root.filePath(QLatin1String(directory) + QLatin1Char('/') + unitFileName());
        if (f.packageUnit.isEmpty() && QFileInfo::exists(path))
            f.packageUnit = path;
    }
    QFile local(localUnitPath());
    f.localUnitExists = local.exists();
    if (f.localUnitExists && local.open(QIODevice::ReadOnly))
        f.localUnit = local.read(kMaxUnitSize);
    f.program = absoluteProgram(m_program);
    f.unit = serviceUnitText(f.program);
    f.wantsLink =
        root.filePath(QStringLiteral("etc/systemd/system/%1.wants/%2")
                          .arg(wantedBy(f.unit ? f.unit.value() : f.localUnit), unitFileName()));
    const QFileInfo link(f.wantsLink);
    f.enabled = link.isSymLink() || link.exists();
    f.root = m_root.value_or(::geteuid() == 0);
    if (f.unit) {
        f.account = unitUser(f.unit.value());
        f.accountExists = f.account.isEmpty() || deploy::accountExists(f.account, m_machineRoot);
    }
    return f;
}

namespace {
struct Decision
{
    DeployActionState state = DeployActionState::UpToDate;
    bool write = false;
    bool enable = false;
    QString description;
    QString reason;
};
} // namespace

static Decision decide(const QString &dataDirectory, const QString &localPath,
                       const QString &program, const auto &f, const QString &asRootCommand)
{
    Decision d;
    if (!f.systemdRunning || !f.systemDataDirectory) {
        d.description = QStringLiteral("Run fedgated under the built-in supervisor (no systemd "
                                       "unit)");
        d.reason =
            QStringLiteral("not needed: the built-in supervisor runs fedgated here (pid "
                           "file, %1/fedgated.log); %2")
                .arg(dataDirectory,
                     !f.systemdRunning ? QStringLiteral("systemd does not run on this machine")
                                       : QStringLiteral("the data directory is not %1, the one the "
                                                        "unit uses")
                                             .arg(kSystemDataDirectory));
        return d;
    }
    if (!f.packageUnit.isEmpty()) {
        d.description =
            QStringLiteral("Enable the fedgated systemd unit installed by the fedgate package");
        d.enable = !f.enabled;
        d.reason = f.enabled ? QStringLiteral("installed by the fedgate package (%1) and enabled")
                                   .arg(f.packageUnit)
                             : QStringLiteral("installed by the fedgate package (%1) but not "
                                              "enabled: systemctl enable %2")
                                   .arg(f.packageUnit, kServiceUnit);
    } else {
        if (!f.unit) {
            d.state = DeployActionState::Blocked;
            d.description = QStringLiteral("Write the fedgated systemd unit %1").arg(localPath);
            d.reason = f.unit.error().message;
            return d;
        }
        if (f.program.isEmpty()) {
            d.state = DeployActionState::Blocked;
            d.description = QStringLiteral("Write the fedgated systemd unit %1").arg(localPath);
            d.reason = QStringLiteral("fedgated cannot be found (%1) for the unit's ExecStart. "
                                      "Build or install fedgated first.")
                           .arg(program.isEmpty() ? QStringLiteral("not beside this program nor "
                                                                   "on PATH")
                                                  : program);
            return d;
        }
        if (!f.accountExists) {
            // The package's postinst creates it; a build from source has not.
            d.state = DeployActionState::Blocked;
            d.description = QStringLiteral("Write the fedgated systemd unit %1").arg(localPath);
            d.reason = QStringLiteral("the unit runs fedgated as the %1 account (User=%1), which "
                                      "does not exist on this machine. Create it as root, as the "
                                      "package does: adduser --system --group --home %2 "
                                      "--no-create-home %1; then deploy again")
                           .arg(f.account, kSystemDataDirectory);
            return d;
        }
        d.write = !f.localUnitExists || f.localUnit != f.unit.value();
        d.enable = d.write || !f.enabled;
        d.description =
            d.write
                ? QStringLiteral("Write the fedgated systemd unit %1 and enable it").arg(localPath)
                : QStringLiteral("Enable the fedgated systemd unit %1").arg(localPath);
        if (!f.localUnitExists)
            d.reason = QStringLiteral("fedgate was not installed by its package, so no fedgated "
                                      "unit exists; the package's unit is written with "
                                      "ExecStart=%1, then systemctl daemon-reload and systemctl "
                                      "enable %2")
                           .arg(f.program, kServiceUnit);
        else if (d.write)
            d.reason = QStringLiteral("%1 differs from the package's unit with ExecStart=%2; it "
                                      "is written again (local changes belong in %1.d/)")
                           .arg(localPath, f.program);
        else if (!f.enabled)
            d.reason = QStringLiteral("installed in %1 but not enabled: systemctl enable %2")
                           .arg(localPath, kServiceUnit);
        else
            d.reason = QStringLiteral("installed in %1 (ExecStart=%2) and enabled")
                           .arg(localPath, f.program);
    }
    if (!d.write && !d.enable)
        return d;
    d.state = DeployActionState::Pending;
    if (!f.root) {
        d.state = DeployActionState::Blocked;
        d.reason += QStringLiteral(". This needs root: run %1 as root (sudo %1)")
                        .arg(d.write ? asRootCommand
                                     : QStringLiteral("systemctl enable %1").arg(kServiceUnit));
    }
    return d;
}

DeployAction ServiceUnit::action(const QString &asRootCommand) const
{
    const Decision d = decide(m_dataDirectory, localUnitPath(), m_program, probe(), asRootCommand);
    DeployAction a;
    a.id = QStringLiteral("unit");
    a.step = QStringLiteral("components");
    a.description = d.description;
    a.state = d.state;
    a.reason = d.reason;
    return a;
}

Result<QString> ServiceUnit::apply(const Progress &progress) const
{
    const Facts f = probe();
    const Decision d =
        decide(m_dataDirectory, localUnitPath(), m_program, f, QStringLiteral("the deployment"));
    if (d.state == DeployActionState::Blocked)
        return failure(d.reason);
    if (d.state == DeployActionState::UpToDate)
        return d.reason;
    const auto say = [&](const QString &line) {
        if (progress)
            progress(line);
    };
    const auto systemctl = [&](const QStringList &args) -> Status {
        say(QStringLiteral("systemctl ") + args.join(QLatin1Char(' ')));
        const ServiceManager::Run r =
            ServiceManager::run(QStringLiteral("systemctl"), args, kSystemctlTimeoutMs);
        if (r.exitCode == 0)
            return Status::success();
        return failure(QStringLiteral("systemctl %1 failed (exit %2): %3")
                           .arg(args.join(QLatin1Char(' ')))
                           .arg(r.exitCode)
                           .arg(r.output.trimmed().left(500)));
    };
    QStringList done;
    if (d.write) {
        const QString path = localUnitPath();
        if (!QDir().mkpath(QFileInfo(path).absolutePath()))
            return failure(
                QStringLiteral("Cannot create the folder %1.").arg(QFileInfo(path).absolutePath()));
        if (Status s = certs::writeFileAtomically(path, f.unit.value(), certs::FileMode::Public);
            !s)
            return s.error();
        say(QStringLiteral("wrote %1 (ExecStart=%2)").arg(path, f.program));
        done << QStringLiteral("wrote %1").arg(path);
        if (Status s = systemctl({QStringLiteral("daemon-reload")}); !s)
            return s.error();
        done << QStringLiteral("reloaded systemd");
    }
    if (d.enable) {
        if (Status s = systemctl({QStringLiteral("enable"), kServiceUnit}); !s)
            return s.error();
        done << QStringLiteral("enabled %1").arg(kServiceUnit);
    }
    return done.join(QStringLiteral(", "));
}

} // namespace fedgate::deploy
