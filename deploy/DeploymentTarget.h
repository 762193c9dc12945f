#pragma once

#include "DeploymentAnswers.h"
#include "ListenerStatus.h"

#include "certs/CertificateRequest.h"
#include "topology/Result.h"
#include "topology/Topology.h"

#include <QList>
#include <QString>
#include <QStringList>

// What the answers mean on this machine, resolved once for the plan and
// again for apply: the topology to import (and its version and source),
// which member of the topology this machine is, the roles it runs, the
// certificates those roles need, fedgated's arguments and the listeners
// they give. Reads only; an error names the answer to fix.
namespace fedgate::deploy {

struct DeploymentTarget
{
    QString dataDirectory;
    QString replicaPath;  // <data>/replica.sqlite
    QString gatewayStore; // --gateway-db from the arguments, else <data>/gateway.db
    QString passwordsFile;

    topology::Topology topology;
    int version = 0;
    QString source;      // the exported file, or the store location
    QString sourceLabel; // the same for messages (a store URL without its password)
    bool fromFile = false;

    QString machine;      // the member FQDN as the topology spells it
    QString edgePool;     // the edge pool this machine serves (edge role)
    QString edgeMember;   // its internal FQDN
    QString frontEndPool; // the front-end pool this gateway serves (gateway role)
    QStringList roles;    // "edge", "gateway"
    QList<certs::CertificateUsage> certificateUsages;

    QStringList serviceArguments; // fedgated's command line (service.json)
    QList<ExpectedListener> listeners;

    static Result<DeploymentTarget> resolve(const QString &dataDirectory,
                                            const DeploymentAnswers &answers);
};

} // namespace fedgate::deploy
