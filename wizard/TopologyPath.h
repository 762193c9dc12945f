#pragma once

#include "topology/Topology.h"

#include <QString>

// Object paths as topology::validate() writes them ("sites/Paris",
// "sites/Paris/edgePools/edge.contoso.test/members/0", ...), resolved to the
// objects they name. The topology editor keys its tree items and forms by
// these paths, so a finding selects the object it is about.
namespace fedgate::wizard {

struct TopologyPath
{
    enum class Kind
    {
        None,
        Organisation,
        Site,
        FrontEndPool,
        EdgePool,
        EdgeServer
    };

    Kind kind = Kind::None;
    QString site;
    QString pool; // front-end or edge pool FQDN
    int member = -1;

    static TopologyPath parse(const QString &path);
    static QString organisation() { return QStringLiteral("organisation"); }
    static QString ofSite(const QString &site);
    static QString ofFrontEndPool(const QString &site, const QString &fqdn);
    static QString ofEdgePool(const QString &site, const QString &fqdn);
    static QString ofEdgeServer(const QString &site, const QString &pool, int index);

    // nullptr when the path names no such object (any more).
    topology::Site *siteIn(topology::Topology &t) const;
    topology::FrontEndPool *frontEndPoolIn(topology::Topology &t) const;
    topology::EdgePool *edgePoolIn(topology::Topology &t) const;
    topology::EdgeServer *edgeServerIn(topology::Topology &t) const;
};

} // namespace fedgate::wizard
