#pragma once

#include "deploy/Checklist.h"
#include "deploy/ServiceConfiguration.h"
#include "deploy/ServiceSupervisor.h"

#include "topology/Topology.h"

#include <QJsonObject>
#include <QString>

#include <optional>

// What the checks of the checklist share: the data directory's layout, the
// service configuration, the topology fedgated runs and the service's state,
// each read once, when the first check needs it. One file per check beside
// this one (ServiceCheck.cpp, ReplicaCheck.cpp, ...).
namespace fedgate::deploy::checks {

class Context
{
public:
    explicit Context(CheckOptions options);

    const CheckOptions &options() const { return m_options; }
    const QString &dataDirectory() const { return m_layout.dataDirectory; }
    const ServiceLayout &layout() const { return m_layout; }

    // The supervisor's view (pid file, control socket "status").
    const ServiceState &service();
    // The parsed service configuration; nullptr with `why` when it cannot
    // be read.
    const ServiceConfiguration *configuration(QString *why) const;
    // The topology fedgated loads (the --topology file, else the local
    // replica); nullptr with `why`.
    const topology::Topology *topology(QString *why);
    // This machine's edge pool: --edge-pool, else the pool that has this
    // machine (--edge-member, else the host name) as a member, else the
    // pool fedgated picks. nullptr with `why`.
    const topology::EdgePool *edgePool(QString *why);
    // The local replica's file (--replica of the service, else the data
    // directory's).
    QString replicaPath() const;

    // One request on the control socket; an empty object with `why` when
    // fedgated does not answer.
    QJsonObject control(const QJsonObject &request, int timeoutMs, QString *why) const;

private:
    CheckOptions m_options;
    ServiceLayout m_layout;
    std::optional<ServiceConfiguration> m_configuration;
    QString m_configurationError;
    std::optional<ServiceState> m_service;
    std::optional<topology::Topology> m_topology;
    QString m_topologyError;
    bool m_topologyLoaded = false;
};

// A result with its id and title filled in.
CheckResult makeResult(const QString &id);
// NotChecked because a prerequisite failed: `why` says which.
CheckResult notChecked(const QString &id, const QString &why);
// Adds a finding and sets the status to Fail (or keeps a worse one).
void fail(CheckResult *result, const QString &problem, const QString &fix);
// Adds a finding and lowers Pass to Warning.
void warn(CheckResult *result, const QString &problem, const QString &fix);

CheckResult checkService(Context &context);
CheckResult checkReplica(Context &context);
CheckResult checkRoute(Context &context);
CheckResult checkListeners(Context &context);
CheckResult checkLink(Context &context);
CheckResult checkCertificates(Context &context);
CheckResult checkDns(Context &context);
CheckResult checkPartners(Context &context);

} // namespace fedgate::deploy::checks
