// fedgatectl site / edge-pool / route: the Topology Builder's objects.
#include "DraftEdit.h"

#include "topology/Removal.h"

#include <QJsonArray>

namespace fedgate::cli {

namespace {

using namespace fedgate::topology;

QString sitePath(const Site &s)
{
    return QStringLiteral("sites/") + s.name;
}

int siteIndex(const Topology &t, const QString &name)
{
    for (int i = 0; i < t.sites.size(); ++i)
        if (t.sites[i].name.compare(name, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

int unknownSite(Context &ctx, const Topology &t, const QString &name)
{
    QStringList names;
    for (const Site &s : t.sites)
        names << s.name;
    return ctx.fail(UsageOrValidation,
                    QStringLiteral("There is no site named %1. Sites: %2. Add it with 'fedgatectl "
                                   "site add %1'.")
                        .arg(name, names.isEmpty() ? QStringLiteral("none") : names.join(", ")));
}

// ---- site ---------------------------------------------------------------------

int siteAdd(Context &ctx)
{
    QCommandLineParser parser;
    const auto description = valueOption(QStringLiteral("description"),
                                         QStringLiteral("Description."), QStringLiteral("TEXT"));
    parser.addOption(description);
    return editDraft(
        ctx, parser, QStringLiteral("Add a site to the draft topology."), QStringLiteral("NAME"), 1,
        1, [&](DraftEdit &draft) -> int {
            const QString name = parser.positionalArguments().first().trimmed();
            if (name.isEmpty() || name.contains(QLatin1Char('/')))
                return ctx.fail(UsageOrValidation,
                                QStringLiteral("A site name must not be empty or contain '/'."));
            if (siteIndex(draft.topology(), name) >= 0)
                return ctx.fail(
                    UsageOrValidation,
                    QStringLiteral("A site named %1 already exists. Choose another name, or "
                                   "change it with 'fedgatectl site set %1'.")
                        .arg(name));
            Site site;
            site.name = name;
            site.description = parser.value(description);
            draft.topology().sites << site;
            return draft.commit(
                ctx, sitePath(site), QStringLiteral("Added site %1 to the draft.").arg(name),
                {{QStringLiteral("site"),
                  documentObject(
                      draft.topology(),
                      QStringLiteral("/sites/%1").arg(draft.topology().sites.size() - 1))}});
        });
}

int siteSet(Context &ctx)
{
    QCommandLineParser parser;
    const auto description = valueOption(QStringLiteral("description"),
                                         QStringLiteral("Description."), QStringLiteral("TEXT"));
    const auto rename = valueOption(
        QStringLiteral("name"), QStringLiteral("New name; routes, site policy and users follow."),
        QStringLiteral("NAME"));
    parser.addOption(description);
    parser.addOption(rename);
    return editDraft(
        ctx, parser, QStringLiteral("Change a site."), QStringLiteral("NAME"), 1, 1,
        [&](DraftEdit &draft) -> int {
            Topology &t = draft.topology();
            const int i = siteIndex(t, parser.positionalArguments().first());
            if (i < 0)
                return unknownSite(ctx, t, parser.positionalArguments().first());
            Site &site = t.sites[i];
            if (parser.isSet(description))
                site.description = parser.value(description);
            if (parser.isSet(rename)) {
                const QString newName = parser.value(rename).trimmed();
                if (newName.isEmpty() || newName.contains(QLatin1Char('/')))
                    return ctx.fail(
                        UsageOrValidation,
                        QStringLiteral("A site name must not be empty or contain '/'."));
                const int other = siteIndex(t, newName);
                if (other >= 0 && other != i)
                    return ctx.fail(UsageOrValidation,
                                    QStringLiteral("A site named %1 already exists.").arg(newName));
                // Rename what refers to the site by name, so nothing dangles.
                if (ExternalAccessPolicy *p = t.policy(QStringLiteral("site:") + site.name))
                    p->identity = QStringLiteral("site:") + newName;
                for (User &u : t.users)
                    if (u.site.compare(site.name, Qt::CaseInsensitive) == 0)
                        u.site = newName;
                site.name = newName;
            }
            return draft.commit(
                ctx, sitePath(site), QStringLiteral("Changed site %1.").arg(site.name),
                {{QStringLiteral("site"), documentObject(t, QStringLiteral("/sites/%1").arg(i))}});
        });
}

// Removes the object at `path` with what goes with it (topology::planRemoval)
// and says, as the wizard does before asking, what else was removed or
// cleared; --json lists the same effects by path.
int commitRemoval(Context &ctx, DraftEdit &draft, const QString &path, const QString &removed)
{
    const Removal removal = planRemoval(draft.topology(), path);
    draft.topology() = removal.result;
    QString human = QStringLiteral("Removed %1 from the draft.").arg(removal.description);
    QJsonArray effects;
    for (const RemovalEffect &e : removal.effects)
        effects.append(QJsonObject{{QStringLiteral("kind"), e.kind == RemovalEffect::Kind::Removed
                                                                ? QStringLiteral("removed")
                                                                : QStringLiteral("cleared")},
                                   {QStringLiteral("path"), e.path}});
    for (const QString &line : describeEffects(removal))
        human += QStringLiteral("\n  ") + line + QLatin1Char('.');
    return draft.commit(
        ctx, QString(), human,
        {{QStringLiteral("removed"), removed}, {QStringLiteral("alsoChanged"), effects}});
}

int siteRemove(Context &ctx)
{
    QCommandLineParser parser;
    return editDraft(ctx, parser,
                     QStringLiteral("Remove a site and its pools from the draft. What still refers "
                                    "to it is reported."),
                     QStringLiteral("NAME"), 1, 1, [&](DraftEdit &draft) -> int {
                         Topology &t = draft.topology();
                         const int i = siteIndex(t, parser.positionalArguments().first());
                         if (i < 0)
                             return unknownSite(ctx, t, parser.positionalArguments().first());
                         const QString name = t.sites[i].name;
                         return commitRemoval(ctx, draft, QStringLiteral("sites/") + name, name);
                     });
}

int siteList(Context &ctx)
{
    QCommandLineParser parser;
    return editDraft(
        ctx, parser, QStringLiteral("List the draft's sites with their pools and routes."), {}, 0,
        0, [&](DraftEdit &draft) -> int {
            const Topology &t = draft.topology();
            QString text;
            for (const Site &s : t.sites) {
                QStringList edges;
                for (const EdgePool &e : s.edgePools)
                    edges << e.fqdn + (e.xmppFederation ? QStringLiteral(" (XMPP)") : QString());
                text +=
                    QStringLiteral("%1\n  edge pools: %2\n  XMPP federation route: %3\n")
                        .arg(s.name, edges.isEmpty() ? QStringLiteral("none") : edges.join(", "),
                             s.xmppFederationRoute.isEmpty() ? QStringLiteral("none")
                                                             : s.xmppFederationRoute);
            }
            if (text.isEmpty())
                text = QStringLiteral("No sites. Add one with 'fedgatectl site add NAME'.");
            return ctx.succeed(text,
                               QJsonValue(documentObject(t, {}).value(QStringLiteral("sites"))));
        });
}

// ---- edge-pool --------------------------------------------------------------------

struct EdgePoolOptions
{
    QCommandLineOption site = valueOption(
        QStringLiteral("site"), QStringLiteral("Site of the pool."), QStringLiteral("SITE"));
    QCommandLineOption externalFqdn =
        valueOption(QStringLiteral("external-fqdn"),
                    QStringLiteral("External FQDN of the access edge (the XMPP SRV target)."),
                    QStringLiteral("FQDN"));
    QCommandLineOption xmpp = valueOption(QStringLiteral("xmpp-federation"),
                                          QStringLiteral("Enable XMPP federation (port 5269): true "
                                                         "or false."),
                                          QStringLiteral("BOOL"));
    QCommandLineOption member = valueOption(
        QStringLiteral("member"),
        QStringLiteral("A server of the pool (repeatable; replaces the members): "
                       "internal=FQDN,internal-ip=IPV4[,internal-ipv6=IPV6],external=FQDN,"
                       "external-ip=IPV4[,external-ipv6=IPV6][,nat-ip=PUBLIC_IPV4]"),
        QStringLiteral("SPEC"));
    QCommandLineOption nextHop =
        valueOption(QStringLiteral("next-hop"), QStringLiteral("Next-hop front-end pool FQDN."),
                    QStringLiteral("FQDN"));
    QCommandLineOption xmppPort =
        valueOption(QStringLiteral("xmpp-port"),
                    QStringLiteral("External s2s port (default 5269)."), QStringLiteral("PORT"));
    QCommandLineOption internalPort =
        valueOption(QStringLiteral("internal-port"),
                    QStringLiteral("Internal link port (default 23456)."), QStringLiteral("PORT"));
    QCommandLineOption directTls =
        valueOption(QStringLiteral("direct-tls"),
                    QStringLiteral("Offer direct TLS (XEP-0368): true or "
                                   "false."),
                    QStringLiteral("BOOL"));
    QCommandLineOption directTlsPort =
        valueOption(QStringLiteral("direct-tls-port"),
                    QStringLiteral("Direct TLS port (default 5270)."), QStringLiteral("PORT"));

    void addTo(QCommandLineParser &p) const
    {
        p.addOptions({site, externalFqdn, xmpp, member, nextHop, xmppPort, internalPort, directTls,
                      directTlsPort});
    }

    // Applies what was given to `pool`. Prints the error and returns false
    // on bad input.
    bool apply(Context &ctx, const QCommandLineParser &p, EdgePool *pool) const
    {
        if (p.isSet(externalFqdn))
            pool->externalFqdn = p.value(externalFqdn).trimmed();
        if (p.isSet(xmpp) && !parseBool(ctx, QStringLiteral("xmpp-federation"), p.value(xmpp),
                                        &pool->xmppFederation))
            return false;
        if (p.isSet(directTls) &&
            !parseBool(ctx, QStringLiteral("direct-tls"), p.value(directTls), &pool->directTls))
            return false;
        if (p.isSet(nextHop))
            pool->nextHopPool = p.value(nextHop).trimmed();
        const struct
        {
            const QCommandLineOption *option;
            quint16 *field;
        } ports[] = {{&xmppPort, &pool->xmppPort},
                     {&internalPort, &pool->internalPort},
                     {&directTlsPort, &pool->directTlsPort}};
        for (const auto &port : ports) {
            if (!p.isSet(*port.option))
                continue;
            int value = 0;
            if (!parseInt(ctx, port.option->names().first(), p.value(*port.option), 1, 65535,
                          &value))
                return false;
            *port.field = static_cast<quint16>(value);
        }
        if (p.isSet(member)) {
            pool->members.clear();
            for (const QString &spec : p.values(member)) {
                EdgeServer server;
                if (!parseMember(ctx, spec, &server))
                    return false;
                pool->members << server;
            }
        }
        return true;
    }

    static bool parseMember(Context &ctx, const QString &spec, EdgeServer *out)
    {
        const QHash<QString, QString *> fields{
            {QStringLiteral("internal"), &out->internalFqdn},
            {QStringLiteral("internal-ip"), &out->internalIPv4},
            {QStringLiteral("internal-ipv6"), &out->internalIPv6},
            {QStringLiteral("external"), &out->externalFqdn},
            {QStringLiteral("external-ip"), &out->externalIPv4},
            {QStringLiteral("external-ipv6"), &out->externalIPv6},
            {QStringLiteral("nat-ip"), &out->natIPv4},
        };
        for (const QString &part : splitList(spec)) {
            const qsizetype eq = part.indexOf(QLatin1Char('='));
            const QString key = part.left(eq).trimmed().toLower();
            if (eq < 0 || !fields.contains(key)) {
                ctx.fail(UsageOrValidation,
                         QStringLiteral("In --member \"%1\", \"%2\" is not KEY=VALUE with KEY one "
                                        "of internal, internal-ip, internal-ipv6, external, "
                                        "external-ip, external-ipv6, nat-ip.")
                             .arg(spec, part));
                return false;
            }
            *fields.value(key) = part.mid(eq + 1).trimmed();
        }
        if (out->internalFqdn.isEmpty()) {
            ctx.fail(UsageOrValidation,
                     QStringLiteral("--member \"%1\" needs internal=FQDN (the server's internal "
                                    "name).")
                         .arg(spec));
            return false;
        }
        return true;
    }
};

QString edgePath(const Topology &t, const QString &fqdn)
{
    const Site *s = t.siteOfEdgePool(fqdn);
    return s ? sitePath(*s) + QStringLiteral("/edgePools/") + fqdn : QString();
}

QJsonObject edgeJson(const Topology &t, const QString &fqdn)
{
    for (int si = 0; si < t.sites.size(); ++si)
        for (int pi = 0; pi < t.sites[si].edgePools.size(); ++pi)
            if (t.sites[si].edgePools[pi].fqdn.compare(fqdn, Qt::CaseInsensitive) == 0)
                return documentObject(t, QStringLiteral("/sites/%1/edgePools/%2").arg(si).arg(pi));
    return {};
}

int unknownEdgePool(Context &ctx, const QString &fqdn)
{
    return ctx.fail(UsageOrValidation,
                    QStringLiteral("There is no edge pool %1. 'fedgatectl edge-pool list' shows "
                                   "them; 'fedgatectl edge-pool add' creates one.")
                        .arg(fqdn));
}

int edgePoolAdd(Context &ctx)
{
    QCommandLineParser parser;
    const EdgePoolOptions o;
    o.addTo(parser);
    return editDraft(
        ctx, parser, QStringLiteral("Add an edge pool (FQDN = its internal pool FQDN) to a site."),
        QStringLiteral("FQDN"), 1, 1, [&](DraftEdit &draft) -> int {
            Topology &t = draft.topology();
            const QString fqdn = parser.positionalArguments().first().trimmed();
            if (!parser.isSet(o.site))
                return ctx.fail(
                    UsageOrValidation,
                    QStringLiteral("Say which site the pool belongs to with --site SITE."));
            const int si = siteIndex(t, parser.value(o.site));
            if (si < 0)
                return unknownSite(ctx, t, parser.value(o.site));
            if (t.edgePool(fqdn))
                return ctx.fail(UsageOrValidation,
                                QStringLiteral("An edge pool %1 already exists. Change it with "
                                               "'fedgatectl edge-pool set %1'.")
                                    .arg(fqdn));
            EdgePool pool;
            pool.fqdn = fqdn;
            if (!o.apply(ctx, parser, &pool))
                return UsageOrValidation;
            t.sites[si].edgePools << pool;
            return draft.commit(
                ctx, edgePath(t, fqdn),
                QStringLiteral("Added edge pool %1 to site %2%3.")
                    .arg(fqdn, t.sites[si].name,
                         pool.xmppFederation ? QStringLiteral(" with XMPP federation") : QString()),
                {{QStringLiteral("edgePool"), edgeJson(t, fqdn)}});
        });
}

int edgePoolSet(Context &ctx)
{
    QCommandLineParser parser;
    const EdgePoolOptions o;
    o.addTo(parser);
    return editDraft(
        ctx, parser, QStringLiteral("Change an edge pool; --site moves it to another site."),
        QStringLiteral("FQDN"), 1, 1, [&](DraftEdit &draft) -> int {
            Topology &t = draft.topology();
            const QString fqdn = parser.positionalArguments().first().trimmed();
            EdgePool *pool = t.edgePool(fqdn);
            if (!pool)
                return unknownEdgePool(ctx, fqdn);
            if (!o.apply(ctx, parser, pool))
                return UsageOrValidation;
            if (parser.isSet(o.site)) {
                const int target = siteIndex(t, parser.value(o.site));
                if (target < 0)
                    return unknownSite(ctx, t, parser.value(o.site));
                const EdgePool moved = *pool;
                for (Site &s : t.sites)
                    s.edgePools.removeIf([&](const EdgePool &e) { return e.fqdn == moved.fqdn; });
                t.sites[target].edgePools << moved;
            }
            return draft.commit(ctx, edgePath(t, fqdn),
                                QStringLiteral("Changed edge pool %1.").arg(fqdn),
                                {{QStringLiteral("edgePool"), edgeJson(t, fqdn)}});
        });
}

int edgePoolRemove(Context &ctx)
{
    QCommandLineParser parser;
    return editDraft(ctx, parser,
                     QStringLiteral("Remove an edge pool. Routes that named it are reported."),
                     QStringLiteral("FQDN"), 1, 1, [&](DraftEdit &draft) -> int {
                         Topology &t = draft.topology();
                         const QString fqdn = parser.positionalArguments().first().trimmed();
                         const EdgePool *pool = t.edgePool(fqdn);
                         if (!pool)
                             return unknownEdgePool(ctx, fqdn);
                         const QString path = QStringLiteral("sites/%1/edgePools/%2")
                                                  .arg(t.siteOfEdgePool(fqdn)->name, pool->fqdn);
                         return commitRemoval(ctx, draft, path, pool->fqdn);
                     });
}

int edgePoolList(Context &ctx)
{
    QCommandLineParser parser;
    return editDraft(
        ctx, parser, QStringLiteral("List the edge pools of the draft."), {}, 0, 0,
        [&](DraftEdit &draft) -> int {
            const Topology &t = draft.topology();
            QString text;
            QJsonArray json;
            for (const EdgePool *e : t.edgePools()) {
                text +=
                    QStringLiteral("%1 (site %2): external %3, %4 member(s), XMPP federation %5\n")
                        .arg(e->fqdn, t.siteOfEdgePool(e->fqdn)->name, e->externalFqdn)
                        .arg(e->members.size())
                        .arg(e->xmppFederation ? QStringLiteral("on, port %1").arg(e->xmppPort)
                                               : QStringLiteral("off"));
                QJsonObject o = edgeJson(t, e->fqdn);
                o.insert(QStringLiteral("site"), t.siteOfEdgePool(e->fqdn)->name);
                json.append(o);
            }
            if (text.isEmpty())
                text = QStringLiteral(
                    "No edge pools. Add one with 'fedgatectl edge-pool add FQDN --site "
                    "SITE'.");
            return ctx.succeed(text, json);
        });
}

// ---- route ----------------------------------------------------------------------

int routeSet(Context &ctx)
{
    QCommandLineParser parser;
    return editDraft(
        ctx, parser,
        QStringLiteral("Assign a site's XMPP federation route to an edge pool (\"none\" "
                       "clears it). The pool must have XMPP federation enabled."),
        QStringLiteral("SITE EDGEPOOL"), 2, 2, [&](DraftEdit &draft) -> int {
            Topology &t = draft.topology();
            const int si = siteIndex(t, parser.positionalArguments().at(0));
            if (si < 0)
                return unknownSite(ctx, t, parser.positionalArguments().at(0));
            const QString poolName = parser.positionalArguments().at(1).trimmed();
            Site &site = t.sites[si];
            if (poolName.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0) {
                site.xmppFederationRoute.clear();
                return draft.commit(
                    ctx, sitePath(site),
                    QStringLiteral("Site %1 no longer federates over XMPP.").arg(site.name),
                    {{QStringLiteral("site"), site.name},
                     {QStringLiteral("xmppFederationRoute"), QJsonValue::Null}});
            }
            const EdgePool *pool = t.edgePool(poolName);
            if (!pool)
                return unknownEdgePool(ctx, poolName);
            site.xmppFederationRoute = pool->fqdn;
            return draft.commit(
                ctx, sitePath(site),
                QStringLiteral(
                    "Site %1 now routes XMPP federation through edge pool %2. Republish the "
                    "topology and restart the edge for it to take effect.")
                    .arg(site.name, pool->fqdn),
                {{QStringLiteral("site"), site.name},
                 {QStringLiteral("xmppFederationRoute"), pool->fqdn}});
        });
}

int routeList(Context &ctx)
{
    QCommandLineParser parser;
    return editDraft(ctx, parser, QStringLiteral("Show each site's XMPP federation route."), {}, 0,
                     0, [&](DraftEdit &draft) -> int {
                         QString text;
                         QJsonArray json;
                         for (const Site &s : draft.topology().sites) {
                             text += QStringLiteral("%1 -> %2\n")
                                         .arg(s.name, s.xmppFederationRoute.isEmpty()
                                                          ? QStringLiteral("(none)")
                                                          : s.xmppFederationRoute);
                             json.append(QJsonObject{{QStringLiteral("site"), s.name},
                                                     {QStringLiteral("xmppFederationRoute"),
                                                      s.xmppFederationRoute.isEmpty()
                                                          ? QJsonValue::Null
                                                          : QJsonValue(s.xmppFederationRoute)}});
                         }
                         return ctx.succeed(text, json);
                     });
}

const Registrar registrar{
    {QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("Add a site."), siteAdd},
    {QStringLiteral("site"), QStringLiteral("set"), QStringLiteral("Change or rename a site."),
     siteSet},
    {QStringLiteral("site"), QStringLiteral("remove"), QStringLiteral("Remove a site."),
     siteRemove},
    {QStringLiteral("site"), QStringLiteral("list"), QStringLiteral("List the sites."), siteList},
    {QStringLiteral("edge-pool"), QStringLiteral("add"),
     QStringLiteral("Add an edge pool with its members."), edgePoolAdd},
    {QStringLiteral("edge-pool"), QStringLiteral("set"),
     QStringLiteral("Change an edge pool (--xmpp-federation, members...)."), edgePoolSet},
    {QStringLiteral("edge-pool"), QStringLiteral("remove"), QStringLiteral("Remove an edge pool."),
     edgePoolRemove},
    {QStringLiteral("edge-pool"), QStringLiteral("list"), QStringLiteral("List the edge pools."),
     edgePoolList},
    {QStringLiteral("route"), QStringLiteral("set"),
     QStringLiteral("Assign a site's XMPP federation route to an edge pool."), routeSet},
    {QStringLiteral("route"), QStringLiteral("list"),
     QStringLiteral("Show each site's XMPP federation route."), routeList},
};

} // namespace
} // namespace fedgate::cli
