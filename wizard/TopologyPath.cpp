#include "TopologyPath.h"

#include <QStringList>

namespace fedgate::wizard {

using namespace fedgate::topology;

TopologyPath TopologyPath::parse(const QString &path)
{
    TopologyPath result;
    if (path == organisation()) {
        result.kind = Kind::Organisation;
        return result;
    }
    const QStringList parts = path.split(QLatin1Char('/'));
    if (parts.size() < 2 || parts.at(0) != QLatin1String("sites"))
        return result;
    result.site = parts.at(1);
    result.kind = Kind::Site;
    if (parts.size() >= 4 && parts.at(2) == QLatin1String("frontEndPools")) {
        result.pool = parts.at(3);
        result.kind = Kind::FrontEndPool;
    } else if (parts.size() >= 4 && parts.at(2) == QLatin1String("edgePools")) {
        result.pool = parts.at(3);
        result.kind = Kind::EdgePool;
        bool ok = false;
        if (parts.size() >= 6 && parts.at(4) == QLatin1String("members")) {
            const int index = parts.at(5).toInt(&ok);
            if (ok) {
                result.member = index;
                result.kind = Kind::EdgeServer;
            }
        }
    }
    return result;
}

QString TopologyPath::ofSite(const QString &site)
{
    return QStringLiteral("sites/") + site;
}

QString TopologyPath::ofFrontEndPool(const QString &site, const QString &fqdn)
{
    return ofSite(site) + QStringLiteral("/frontEndPools/") + fqdn;
}

QString TopologyPath::ofEdgePool(const QString &site, const QString &fqdn)
{
    return ofSite(site) + QStringLiteral("/edgePools/") + fqdn;
}

QString TopologyPath::ofEdgeServer(const QString &site, const QString &pool, int index)
{
    return ofEdgePool(site, pool) + QStringLiteral("/members/") + QString::number(index);
}

Site *TopologyPath::siteIn(Topology &t) const
{
    // Exact match first: the editor keys by the stored spelling, and a site
    // being renamed may briefly differ only in case from another.
    for (Site &s : t.sites) {
        if (s.name == site)
            return &s;
    }
    return t.site(site);
}

FrontEndPool *TopologyPath::frontEndPoolIn(Topology &t) const
{
    Site *s = siteIn(t);
    if (!s)
        return nullptr;
    for (FrontEndPool &p : s->frontEndPools) {
        if (p.fqdn == pool)
            return &p;
    }
    return nullptr;
}

EdgePool *TopologyPath::edgePoolIn(Topology &t) const
{
    Site *s = siteIn(t);
    if (!s)
        return nullptr;
    for (EdgePool &p : s->edgePools) {
        if (p.fqdn == pool)
            return &p;
    }
    return nullptr;
}

EdgeServer *TopologyPath::edgeServerIn(Topology &t) const
{
    EdgePool *p = edgePoolIn(t);
    if (!p || member < 0 || member >= p->members.size())
        return nullptr;
    return &p->members[member];
}

} // namespace fedgate::wizard
