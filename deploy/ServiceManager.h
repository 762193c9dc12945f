#pragma once

#include "ServiceSupervisor.h"

#include <QString>
#include <QStringList>

// Who runs fedgated on this machine (issue 11 item 2): systemd through the
// packaged unit where systemd runs, the unit is installed and the data
// directory is the system one (/var/lib/fedgate, which the unit uses);
// otherwise the built-in supervisor (containers, build machines, a desktop
// user's own data directory). fedgatectl service, the deployment and the
// wizard ask ServiceManager, which hands each verb to the one in charge.
namespace fedgate::deploy {

enum class ServiceBackend
{
    BuiltIn,
    Systemd
};

// The data directory of the packaged service (StateDirectory=fedgate).
inline const QString kSystemDataDirectory = QStringLiteral("/var/lib/fedgate");
// The unit's name as systemctl takes it.
inline const QString kServiceUnit = QStringLiteral("fedgated");

struct ServiceEnvironment
{
    bool systemdRunning = false; // /run/systemd/system exists (sd_booted's test)
    bool unitInstalled = false;  // fedgated.service in a unit directory
    QString dataDirectory;
};

// The decision itself, a pure function of the three facts.
ServiceBackend chooseServiceBackend(const ServiceEnvironment &environment);
// "managed by systemd" / "built-in supervisor".
QString describe(ServiceBackend backend);
// The facts as this machine has them; `root` lets tests use a fake tree.
ServiceEnvironment probeServiceEnvironment(const QString &dataDirectory,
                                           const QString &root = QStringLiteral("/"));

class ServiceManager
{
public:
    using Progress = ServiceSupervisor::Progress;

    // The backend chosen for this machine and `layout`'s data directory.
    explicit ServiceManager(ServiceLayout layout);
    ServiceManager(ServiceLayout layout, ServiceBackend backend);

    ServiceBackend backend() const { return m_backend; }
    const ServiceLayout &layout() const { return m_supervisor.layout(); }
    const ServiceSupervisor &supervisor() const { return m_supervisor; }

    ServiceState status() const;
    // Refuses a start (or restart) while a certificate the service
    // configuration's roles need is missing: the edge needs its external and
    // internal certificates, the gateway its own, each given to fedgated as
    // a file or assigned in the key store. The error names every missing
    // interface and the commands that give one. fedgatectl service and the
    // wizard's Start services ask it first. Success when the configuration
    // cannot be read: fedgated's own start-up then says why.
    Status certificatesReady() const;
    Result<ServiceState> start(const Progress &progress = {}, int readyTimeoutMs = 30000);
    Status stop(const Progress &progress = {}, int timeoutMs = 15000);
    Result<ServiceState> restart(const Progress &progress = {}, int readyTimeoutMs = 30000);
    // The built-in supervisor's log file; under systemd the journal's lines
    // of the unit (journalctl -u fedgated).
    Result<QStringList> logTail(int lines) const;

    struct Run
    {
        int exitCode = -1; // -1: could not run
        QString output;    // stdout and stderr
    };
    // `program args` from PATH (systemctl, journalctl), bounded in time
    // (ServiceUnit runs daemon-reload and enable through it too).
    static Run run(const QString &program, const QStringList &args, int timeoutMs);

private:
    Result<ServiceState> systemctlStart(const QString &verb, const Progress &progress,
                                        int readyTimeoutMs);

    ServiceSupervisor m_supervisor;
    ServiceBackend m_backend;
};

} // namespace fedgate::deploy
