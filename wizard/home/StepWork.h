#pragma once

#include "StepJob.h"

#include <QCoreApplication>

#include "deploy/DeploymentAnswers.h"
#include "topology/DnsChecker.h"
#include "topology/DnsRecordPlan.h"

// What the home page's Run buttons do, each a blocking function for a
// StepJob's worker thread, built on the same core calls as fedgatectl:
// the deployment's actions of one step (Deployer), starting the service
// (ServiceSupervisor), the DNS check (DnsChecker, saved as the last result
// for `fedgatectl dns check --last`) and the checklist (Checklist).
namespace fedgate::wizard {

class StepWork
{
    Q_DECLARE_TR_FUNCTIONS(fedgate::wizard::StepWork)
public:
    // Plans afresh and applies the Pending actions whose step is `step`
    // ("replica", "components", ...); the other steps' actions are left alone.
    static JobOutcome applyStep(const QString &dataDirectory,
                                const deploy::DeploymentAnswers &answers, const QString &step,
                                const StepJob::Report &report);

    // Starts fedgated under the built-in supervisor, or restarts it when it runs.
    static JobOutcome startService(const QString &dataDirectory, const StepJob::Report &report);

    // Checks the planned records and saves the report as the last check.
    static JobOutcome checkDns(const topology::DnsRecordPlan &plan,
                               const topology::DnsChecker::Options &options,
                               const StepJob::Report &report);

    // Runs the whole checklist; ok only when Checklist::allPassed.
    static JobOutcome verify(const QString &dataDirectory, const StepJob::Report &report);
};

} // namespace fedgate::wizard
