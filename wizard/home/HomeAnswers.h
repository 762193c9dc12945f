#pragma once

#include "deploy/DeploymentAnswers.h"
#include "topology/Topology.h"

#include <QStringList>

// The answers the home page deploys this machine with, kept in the data
// directory (<data>/wizard-answers.json) in the format `fedgatectl deploy
// --answers FILE` reads, so the window and the command line deploy the same
// way: the central store the wizard works on, which machine of the topology
// this is, and fedgated's extra options. Certificates are not answered:
// the deployment uses what the Certificates page assigned.
namespace fedgate::wizard {

class HomeAnswers
{
public:
    static QString path(const QString &dataDirectory);
    // The saved answers with the store set to `storeLocation`; defaults
    // (host name, no options) when nothing is saved or the file is unreadable.
    static deploy::DeploymentAnswers load(const QString &dataDirectory,
                                          const QString &storeLocation);
    static Status save(const QString &dataDirectory, const deploy::DeploymentAnswers &answers);

    // The machines of the topology this computer can be: the edge servers
    // (internal FQDN) and the front-end pool members, in topology order.
    static QStringList machines(const topology::Topology &topology);
};

} // namespace fedgate::wizard
