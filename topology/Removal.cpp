#include "Removal.h"

#include "ObjectNames.h"

#include <QCoreApplication>

namespace fedgate::topology {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Removal", text);
}

bool same(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

class Planner
{
public:
    Planner(const Topology &t)
        : m_before(t)
    {}

    void removed(const QString &path, const QString &description = {})
    {
        m_effects.append({RemovalEffect::Kind::Removed, path,
                          description.isEmpty() ? describeObject(m_before, path) : description});
    }
    void cleared(const QString &path, const QString &description)
    {
        m_effects.append({RemovalEffect::Kind::Cleared, path, description});
    }

    // Routes and next hops that name edge pool `fqdn`.
    void clearRoutesTo(Topology &t, const QString &fqdn, const QString &exceptSite = {})
    {
        for (Site &s : t.sites) {
            if (!exceptSite.isNull() && s.name == exceptSite)
                continue;
            if (!s.xmppFederationRoute.isEmpty() && same(s.xmppFederationRoute, fqdn)) {
                s.xmppFederationRoute.clear();
                cleared(QStringLiteral("sites/") + s.name,
                        tr("the XMPP federation route of site %1 (it goes through edge pool %2)")
                            .arg(s.name, fqdn));
            }
        }
    }

    void removeEdgePoolContents(const Site &site, const EdgePool &pool)
    {
        const QString base = QStringLiteral("sites/%1/edgePools/%2").arg(site.name, pool.fqdn);
        for (int i = 0; i < pool.members.size(); ++i)
            removed(base + QStringLiteral("/members/") + QString::number(i));
    }

    void clearNextHops(Topology &t, const QString &frontEndFqdn)
    {
        for (Site &s : t.sites) {
            for (EdgePool &e : s.edgePools) {
                if (!e.nextHopPool.isEmpty() && same(e.nextHopPool, frontEndFqdn)) {
                    e.nextHopPool.clear();
                    cleared(QStringLiteral("sites/%1/edgePools/%2").arg(s.name, e.fqdn),
                            tr("the next hop of edge pool %1 (it names front-end pool %2)")
                                .arg(e.fqdn, frontEndFqdn));
                }
            }
        }
    }

    QList<RemovalEffect> effects() const { return m_effects; }

private:
    const Topology &m_before;
    QList<RemovalEffect> m_effects;
};

Site *findSite(Topology &t, const QString &name)
{
    for (Site &s : t.sites)
        if (s.name == name)
            return &s;
    return t.site(name);
}

} // namespace

Removal planRemoval(const Topology &topology, const QString &path)
{
    Removal r;
    r.result = topology;
    Topology &t = r.result;
    Planner plan(topology);
    QStringList parts = path.split(QLatin1Char('/'));
    if (parts.size() < 2)
        return r;
    const QString head = parts.at(0);
    const QString id = parts.at(1);
    r.description = describeObject(topology, path);

    if (head == QLatin1String("partners") && parts.size() == 2) {
        const XmppPartner *p = topology.partner(id);
        if (!p)
            return r;
        for (const QString &d : p->additionalDomains)
            plan.removed(path + QStringLiteral("/additionalDomains/") + d,
                         tr("the additional domain %1 of partner %2").arg(d, p->domain));
        t.partners.removeIf([&](const XmppPartner &x) { return same(x.domain, id); });
    } else if (head == QLatin1String("users") && parts.size() == 2) {
        if (!topology.user(id))
            return r;
        t.users.removeIf([&](const User &u) { return same(u.xmppAddress, id); });
    } else if (head == QLatin1String("policies") && parts.size() == 2) {
        if (!topology.policy(id) || same(id, QStringLiteral("global")))
            return r;
        if (id.startsWith(QLatin1String("tag:"), Qt::CaseInsensitive)) {
            const QString tag = id.mid(4);
            for (User &u : t.users) {
                if (!u.grantedPolicy.isEmpty() && same(u.grantedPolicy, tag)) {
                    u.grantedPolicy.clear();
                    plan.cleared(QStringLiteral("users/") + u.xmppAddress,
                                 tr("the policy granted to user %1").arg(u.xmppAddress));
                }
            }
        }
        t.policies.removeIf([&](const ExternalAccessPolicy &p) { return same(p.identity, id); });
    } else if (head == QLatin1String("sites")) {
        const Site *before = nullptr;
        for (const Site &s : topology.sites)
            if (s.name == id)
                before = &s;
        if (!before)
            before = topology.site(id);
        if (!before)
            return r;
        const QString siteName = before->name;
        const QString sitePath = QStringLiteral("sites/") + siteName;
        if (parts.size() == 2) {
            for (const FrontEndPool &f : before->frontEndPools) {
                plan.removed(sitePath + QStringLiteral("/frontEndPools/") + f.fqdn);
                plan.clearNextHops(t, f.fqdn);
            }
            for (const EdgePool &e : before->edgePools) {
                plan.removed(sitePath + QStringLiteral("/edgePools/") + e.fqdn);
                plan.removeEdgePoolContents(*before, e);
                plan.clearRoutesTo(t, e.fqdn, siteName);
            }
            const QString sitePolicy = QStringLiteral("site:") + siteName;
            if (topology.policy(sitePolicy)) {
                plan.removed(QStringLiteral("policies/") + sitePolicy);
                t.policies.removeIf(
                    [&](const ExternalAccessPolicy &p) { return same(p.identity, sitePolicy); });
            }
            for (User &u : t.users) {
                if (same(u.site, siteName)) {
                    u.site.clear();
                    plan.cleared(QStringLiteral("users/") + u.xmppAddress,
                                 tr("the home site of user %1").arg(u.xmppAddress));
                }
            }
            t.sites.removeIf([&](const Site &s) { return s.name == siteName; });
        } else if (parts.size() == 4 && parts.at(2) == QLatin1String("frontEndPools")) {
            Site *site = findSite(t, siteName);
            const qsizetype n = site->frontEndPools.removeIf(
                [&](const FrontEndPool &f) { return f.fqdn == parts.at(3); });
            if (n == 0)
                return r;
            plan.clearNextHops(t, parts.at(3));
        } else if (parts.size() >= 4 && parts.at(2) == QLatin1String("edgePools")) {
            const QString fqdn = parts.at(3);
            const EdgePool *pool = nullptr;
            for (const EdgePool &e : before->edgePools)
                if (e.fqdn == fqdn)
                    pool = &e;
            if (!pool)
                return r;
            Site *site = findSite(t, siteName);
            if (parts.size() == 4) {
                plan.removeEdgePoolContents(*before, *pool);
                plan.clearRoutesTo(t, fqdn);
                site->edgePools.removeIf([&](const EdgePool &e) { return e.fqdn == fqdn; });
            } else if (parts.size() == 6 && parts.at(4) == QLatin1String("members")) {
                bool ok = false;
                const int index = parts.at(5).toInt(&ok);
                if (!ok || index < 0 || index >= pool->members.size())
                    return r;
                for (EdgePool &e : site->edgePools)
                    if (e.fqdn == fqdn)
                        e.members.removeAt(index);
            } else {
                return r;
            }
        } else {
            return r;
        }
    } else {
        return r;
    }
    r.found = true;
    r.effects = plan.effects();
    return r;
}

QStringList describeEffects(const Removal &removal)
{
    QStringList lines;
    for (const RemovalEffect &e : removal.effects) {
        lines << (e.kind == RemovalEffect::Kind::Removed
                      ? tr("%1 is removed too").arg(e.description)
                      : tr("%1 is cleared").arg(e.description));
    }
    return lines;
}

} // namespace fedgate::topology
