#include "Topology.h"

namespace fedgate::topology {

namespace {
bool sameName(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

template <typename List, typename Key> auto findIn(List &list, Key key) -> decltype(&list[0])
{
    for (auto &item : list)
        if (key(item))
            return &item;
    return nullptr;
}
} // namespace

QStringList Organisation::sipDomains() const
{
    QStringList all;
    if (!defaultSipDomain.isEmpty())
        all << defaultSipDomain;
    all += additionalSipDomains;
    return all;
}

QStringList XmppPartner::allDomains() const
{
    return QStringList{domain} + additionalDomains;
}

PolicyScope ExternalAccessPolicy::scope() const
{
    if (identity.startsWith(QLatin1String("site:"), Qt::CaseInsensitive))
        return PolicyScope::Site;
    if (identity.startsWith(QLatin1String("tag:"), Qt::CaseInsensitive))
        return PolicyScope::User;
    return PolicyScope::Global;
}

QString ExternalAccessPolicy::scopeName() const
{
    const qsizetype colon = identity.indexOf(QLatin1Char(':'));
    return colon < 0 ? QString() : identity.mid(colon + 1);
}

Site *Topology::site(const QString &name)
{
    return findIn(sites, [&](const Site &s) { return sameName(s.name, name); });
}
const Site *Topology::site(const QString &name) const
{
    return const_cast<Topology *>(this)->site(name);
}

EdgePool *Topology::edgePool(const QString &fqdn)
{
    for (Site &s : sites)
        if (EdgePool *p =
                findIn(s.edgePools, [&](const EdgePool &e) { return sameName(e.fqdn, fqdn); }))
            return p;
    return nullptr;
}
const EdgePool *Topology::edgePool(const QString &fqdn) const
{
    return const_cast<Topology *>(this)->edgePool(fqdn);
}

const Site *Topology::siteOfEdgePool(const QString &fqdn) const
{
    for (const Site &s : sites)
        for (const EdgePool &e : s.edgePools)
            if (sameName(e.fqdn, fqdn))
                return &s;
    return nullptr;
}

XmppPartner *Topology::partner(const QString &primaryDomain)
{
    return findIn(partners,
                  [&](const XmppPartner &p) { return sameName(p.domain, primaryDomain); });
}
const XmppPartner *Topology::partner(const QString &primaryDomain) const
{
    return const_cast<Topology *>(this)->partner(primaryDomain);
}

const XmppPartner *Topology::partnerForDomain(const QString &domain) const
{
    for (const XmppPartner &p : partners)
        for (const QString &d : p.allDomains())
            if (sameName(d, domain))
                return &p;
    return nullptr;
}

ExternalAccessPolicy *Topology::policy(const QString &identity)
{
    return findIn(policies,
                  [&](const ExternalAccessPolicy &p) { return sameName(p.identity, identity); });
}
const ExternalAccessPolicy *Topology::policy(const QString &identity) const
{
    return const_cast<Topology *>(this)->policy(identity);
}

User *Topology::user(const QString &xmppAddress)
{
    return findIn(users, [&](const User &u) { return sameName(u.xmppAddress, xmppAddress); });
}
const User *Topology::user(const QString &xmppAddress) const
{
    return const_cast<Topology *>(this)->user(xmppAddress);
}

QList<const EdgePool *> Topology::edgePools() const
{
    QList<const EdgePool *> all;
    for (const Site &s : sites)
        for (const EdgePool &e : s.edgePools)
            all << &e;
    return all;
}

QList<const EdgePool *> Topology::xmppRoutedEdgePools() const
{
    QList<const EdgePool *> routed;
    for (const Site &s : sites) {
        if (s.xmppFederationRoute.isEmpty())
            continue;
        const EdgePool *pool = edgePool(s.xmppFederationRoute);
        if (pool && pool->xmppFederation && !routed.contains(pool))
            routed << pool;
    }
    return routed;
}

bool Topology::isOwnDomain(const QString &domain) const
{
    for (const QString &d : organisation.sipDomains() + organisation.xmppDomains)
        if (sameName(d, domain))
            return true;
    return false;
}

void Topology::normalise()
{
    if (!policy(QStringLiteral("global"))) {
        ExternalAccessPolicy global;
        global.identity = QStringLiteral("global");
        policies.prepend(global);
    }
}

QString toString(PartnerType t)
{
    switch (t) {
    case PartnerType::Federated:
        return QStringLiteral("Federated");
    case PartnerType::PublicVerified:
        return QStringLiteral("PublicVerified");
    case PartnerType::PublicUnverified:
        return QStringLiteral("PublicUnverified");
    }
    return {};
}

QString toString(Negotiation n)
{
    switch (n) {
    case Negotiation::Required:
        return QStringLiteral("Required");
    case Negotiation::Optional:
        return QStringLiteral("Optional");
    case Negotiation::NotSupported:
        return QStringLiteral("NotSupported");
    }
    return {};
}

QString toString(PolicyScope s)
{
    switch (s) {
    case PolicyScope::Global:
        return QStringLiteral("Global");
    case PolicyScope::Site:
        return QStringLiteral("Site");
    case PolicyScope::User:
        return QStringLiteral("User");
    }
    return {};
}

bool parsePartnerType(const QString &text, PartnerType *out)
{
    for (PartnerType t :
         {PartnerType::Federated, PartnerType::PublicVerified, PartnerType::PublicUnverified}) {
        if (sameName(text, toString(t))) {
            *out = t;
            return true;
        }
    }
    return false;
}

bool parseNegotiation(const QString &text, Negotiation *out)
{
    for (Negotiation n :
         {Negotiation::Required, Negotiation::Optional, Negotiation::NotSupported}) {
        if (sameName(text, toString(n))) {
            *out = n;
            return true;
        }
    }
    return false;
}

} // namespace fedgate::topology
