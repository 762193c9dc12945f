#pragma once

#include "DeploymentAnswers.h"
#include "DeploymentPlan.h"
#include "ServiceManager.h"
#include "ServiceSupervisor.h"
#include "ServiceUnit.h"
#include "topology/Result.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

// The unattended deployment: from the answers and this machine's data
// directory, the plan (a dry run that reads state only), then apply: the
// actions in order, each idempotent, with progress and a log
// (<data>/deploy.log). Apply stops at the first failure, logs it and leaves
// no file half-written. The same core functions as fedgatectl's topology
// import, ca create, cert request --immediate, cert assign, user password
// and service restart do the work.
namespace fedgate::deploy {

class Deployer
{
public:
    explicit Deployer(QString dataDirectory);

    // Reads state only: the dry run.
    Result<DeploymentPlan> plan(const DeploymentAnswers &answers) const;

    using Progress = std::function<void(int done, int total, const QString &line)>;
    struct Report
    {
        QList<DeployAction> applied;
        QList<DeployAction> skipped; // UpToDate actions
        bool ok = false;
        QString error;
    };
    // Runs the plan's Pending actions in order. Refused (an error, nothing
    // done) when an action is Blocked. A failing action ends the run: the
    // report has ok = false and the error; the result is an error only when
    // the plan cannot be applied at all.
    Result<Report> apply(const DeploymentPlan &plan, const DeploymentAnswers &answers,
                         const Progress &progress = {});

    QString logFile() const; // <data>/deploy.log
    const QString &dataDirectory() const { return m_dataDirectory; }

    // The supervisor's layout of the data directory ("service-config" and
    // "service" use it).
    ServiceLayout serviceLayout() const;
    // The fedgated to start; default: ServiceLayout::forDataDirectory's.
    void setFedgatedProgram(const QString &program) { m_fedgatedProgram = program; }
    // The machine tree the "unit" action probes and writes ("/"; tests give
    // a fake tree, as ServiceManager's probe takes) and, for tests, whether
    // it runs as root (default: the effective uid).
    void setMachineRoot(const QString &root) { m_machineRoot = root; }
    void setRunningAsRoot(bool root) { m_runningAsRoot = root; }

private:
    QString m_dataDirectory;
    QString m_fedgatedProgram;
    QString m_machineRoot = QStringLiteral("/");
    std::optional<bool> m_runningAsRoot;

    ServiceUnit serviceUnit() const; // the "unit" action (ServiceUnit.h)
    // Who runs fedgated for the service action: systemd where it runs and
    // the unit is (or is about to be, by a Pending "unit" action) installed
    // for the system data directory, else the built-in supervisor.
    ServiceManager serviceManager(const QList<DeployAction> &actions) const;
};

} // namespace fedgate::deploy
