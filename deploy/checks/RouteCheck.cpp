// This site's XMPP federation route assigned to this machine's edge pool:
// the site of the edge pool (when the edge runs here) and the site of the
// gateway's front-end pool (when the gateway runs here) send their XMPP
// federation through it.
#include "CheckContext.h"

#include <QCoreApplication>

namespace fedgate::deploy::checks {

namespace {

// User-facing text: French in the wizard, which installs a translator;
// English in fedgatectl and fedgated, which install none.
QString tr(const char *text)
{
    return QCoreApplication::translate("RouteCheck", text);
}

QString routeFix(const QString &site, const QString &pool)
{
    return tr("Assign it: 'fedgatectl route set %1 %2', publish with 'fedgatectl "
              "topology publish', then import the new version here with "
              "'fedgatectl topology import'.")
        .arg(site.contains(QLatin1Char(' ')) ? QLatin1Char('"') + site + QLatin1Char('"') : site,
             pool);
}

// The site whose front-end pools include `fqdn`.
const topology::Site *siteOfFrontEndPool(const topology::Topology &t, const QString &fqdn)
{
    for (const topology::Site &site : t.sites)
        for (const topology::FrontEndPool &pool : site.frontEndPools)
            if (pool.fqdn.compare(fqdn, Qt::CaseInsensitive) == 0)
                return &site;
    return nullptr;
}

void checkSite(const topology::Site &site, const topology::EdgePool &pool, const QString &whose,
               CheckResult *result)
{
    if (site.xmppFederationRoute.compare(pool.fqdn, Qt::CaseInsensitive) == 0)
        return;
    fail(result,
         site.xmppFederationRoute.isEmpty()
             ? tr("Site %1 (%2) has no XMPP federation route; this machine's edge "
                  "pool is %3.")
                   .arg(site.name, whose, pool.fqdn)
             : tr("Site %1 (%2) routes its XMPP federation through %3, not through "
                  "this machine's edge pool %4.")
                   .arg(site.name, whose, site.xmppFederationRoute, pool.fqdn),
         routeFix(site.name, pool.fqdn));
}

// The gateway alone: its front-end pool's site routes through an edge pool
// that carries XMPP federation (the gateway connects to that pool's link).
void checkGatewaySite(const topology::Topology &topology, const topology::Site &site,
                      const QString &frontEnd, CheckResult *result)
{
    const topology::EdgePool *routed =
        site.xmppFederationRoute.isEmpty() ? nullptr : topology.edgePool(site.xmppFederationRoute);
    if (routed && routed->xmppFederation) {
        result->detail = tr("site %1 (the gateway's front-end pool %2) routes through "
                            "%3")
                             .arg(site.name, frontEnd, routed->fqdn);
        return;
    }
    fail(result,
         site.xmppFederationRoute.isEmpty()
             ? tr("Site %1 (the gateway's front-end pool %2) has no XMPP federation "
                  "route.")
                   .arg(site.name, frontEnd)
             : tr("Site %1 (the gateway's front-end pool %2) routes its XMPP "
                  "federation through %3, which is not an edge pool with XMPP "
                  "federation enabled.")
                   .arg(site.name, frontEnd, site.xmppFederationRoute),
         routeFix(site.name, QStringLiteral("EDGEPOOL")));
}

} // namespace

CheckResult checkRoute(Context &context)
{
    const QString id = QStringLiteral("route");
    QString why;
    const topology::Topology *topology = context.topology(&why);
    if (!topology)
        return notChecked(id, tr("no topology to read the route from (%1).").arg(why));
    const ServiceConfiguration *configuration = context.configuration(nullptr);
    const engine::RoleOptions &roles = configuration->roles;
    CheckResult result = makeResult(id);
    const topology::EdgePool *pool = nullptr;
    const topology::Site *edgeSite = nullptr;
    if (roles.runsEdge()) {
        pool = context.edgePool(&why);
        if (!pool) {
            fail(&result, why,
                 tr("Assign the site's XMPP federation route with 'fedgatectl route "
                    "set SITE EDGEPOOL', publish and import the topology again."));
            return result;
        }
        if (!pool->xmppFederation)
            fail(&result,
                 tr("XMPP federation is not enabled on this machine's edge pool %1.")
                     .arg(pool->fqdn),
                 tr("Enable it with 'fedgatectl edge-pool set %1 --xmpp-federation "
                    "true', publish and import the topology again.")
                     .arg(pool->fqdn));
        edgeSite = topology->siteOfEdgePool(pool->fqdn);
        if (edgeSite)
            checkSite(*edgeSite, *pool, tr("the edge pool's site"), &result);
        result.detail = result.status == CheckStatus::Pass
                            ? tr("%1 carries the XMPP federation of site %2")
                                  .arg(pool->fqdn, edgeSite ? edgeSite->name : QStringLiteral("?"))
                            : tr("this machine's edge pool is %1").arg(pool->fqdn);
    }
    if (roles.runsGateway()) {
        auto frontEnd = roles.selectFrontEndPool(configuration->engine, *topology);
        const topology::Site *site =
            frontEnd ? siteOfFrontEndPool(*topology, frontEnd.value()) : nullptr;
        if (!frontEnd)
            fail(&result, frontEnd.error().message,
                 tr("Give the edge pool a next hop with 'fedgatectl edge-pool set POOL "
                    "--next-hop FQDN'."));
        else if (site && pool && site != edgeSite)
            checkSite(*site, *pool, tr("the gateway's front-end pool %1").arg(frontEnd.value()),
                      &result);
        else if (site && !pool)
            checkGatewaySite(*topology, *site, frontEnd.value(), &result);
    }
    return result;
}

} // namespace fedgate::deploy::checks
