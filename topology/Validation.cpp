#include "Validation.h"

#include "NegotiationMatrix.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <arpa/inet.h>

namespace fedgate::topology {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Validation", text);
}

QString key(const QString &name)
{
    return name.trimmed().toLower();
}

class Checker
{
public:
    explicit Checker(const Topology &t)
        : m_t(t)
    {}

    QList<Finding> run()
    {
        checkOrganisation();
        checkSites();
        checkAddresses();
        checkRoutes();
        checkPartners();
        checkPolicies();
        checkUsers();
        checkGateway();
        return m_findings;
    }

private:
    void add(Severity s, const QString &rule, const QString &path, const QString &message)
    {
        m_findings.append(Finding{s, path, message, rule});
    }
    void error(const QString &rule, const QString &path, const QString &message)
    {
        add(Severity::Error, rule, path, message);
    }
    void warning(const QString &rule, const QString &path, const QString &message)
    {
        add(Severity::Warning, rule, path, message);
    }

    // Reports a syntax error for a required (or, if optional, non-empty) name.
    void checkName(const QString &path, const QString &what, const QString &name,
                   bool required = true)
    {
        if (name.trimmed().isEmpty()) {
            if (required)
                error(QStringLiteral("missing-name"), path,
                      tr("The %1 is empty. Enter a fully qualified domain name such as "
                         "host.contoso.com.")
                          .arg(what));
            return;
        }
        const QString reason = checkDomainName(name);
        if (!reason.isEmpty())
            error(QStringLiteral("fqdn-syntax"), path,
                  tr("The %1 \"%2\" is not a valid domain name: %3. Correct it.")
                      .arg(what, name, reason));
    }

    void checkIp(const QString &path, const QString &what, const QString &address, bool v6)
    {
        if (address.isEmpty())
            return;
        const QString reason = v6 ? checkIPv6(address) : checkIPv4(address);
        if (!reason.isEmpty())
            error(QStringLiteral("ip-syntax"), path,
                  tr("The %1 \"%2\" is not a valid address: %3. Correct it.")
                      .arg(what, address, reason));
    }

    // FQDNs must name one thing. A pool and its own members may share a name
    // (a single-computer pool), so names are owned by a pool.
    void claimFqdn(const QString &fqdn, const QString &owner, const QString &path,
                   const QString &description)
    {
        if (fqdn.isEmpty())
            return;
        const auto it = m_fqdnOwner.constFind(key(fqdn));
        if (it == m_fqdnOwner.constEnd()) {
            m_fqdnOwner.insert(key(fqdn), {owner, description});
        } else if (it->first != owner) {
            error(QStringLiteral("duplicate-fqdn"), path,
                  tr("The FQDN %1 is already used by %2. Each pool and server needs its own "
                     "name: rename one of them.")
                      .arg(fqdn, it->second));
        }
    }

    void checkOrganisation()
    {
        const Organisation &o = m_t.organisation;
        const QString path = QStringLiteral("organisation");
        checkName(path, tr("default SIP domain"), o.defaultSipDomain);
        for (const QString &d : o.additionalSipDomains)
            checkName(path, tr("SIP domain"), d);
        for (const QString &d : o.xmppDomains)
            checkName(path, tr("XMPP domain"), d);
        if (o.xmppDomains.isEmpty())
            warning(QStringLiteral("no-xmpp-domain"), path,
                    tr("No XMPP domain is listed, so no user can federate over XMPP. Add the "
                       "domain of your users' XMPP addresses (for example contoso.com)."));
        QSet<QString> seen;
        for (const QString &d : o.sipDomains()) {
            if (seen.contains(key(d)))
                error(QStringLiteral("duplicate-domain"), path,
                      tr("The SIP domain %1 is listed twice. Remove one.").arg(d));
            seen.insert(key(d));
        }
    }

    void checkSites()
    {
        QSet<QString> siteNames;
        for (const Site &site : m_t.sites) {
            const QString sitePath = QStringLiteral("sites/") + site.name;
            if (site.name.trimmed().isEmpty())
                error(QStringLiteral("missing-name"), sitePath,
                      tr("A site has no name. Give every site a unique name."));
            else if (siteNames.contains(key(site.name)))
                error(QStringLiteral("duplicate-site"), sitePath,
                      tr("There are two sites named %1. Rename one of them.").arg(site.name));
            siteNames.insert(key(site.name));

            for (const FrontEndPool &fe : site.frontEndPools) {
                const QString path = sitePath + QStringLiteral("/frontEndPools/") + fe.fqdn;
                checkName(path, tr("front-end pool FQDN"), fe.fqdn);
                claimFqdn(fe.fqdn, path, path, tr("front-end pool %1").arg(fe.fqdn));
                for (const QString &m : fe.members) {
                    checkName(path, tr("front-end server FQDN"), m);
                    claimFqdn(m, key(m) == key(fe.fqdn) ? path : path + QLatin1Char('/') + m, path,
                              tr("a server of front-end pool %1").arg(fe.fqdn));
                }
            }
            for (const EdgePool &pool : site.edgePools)
                checkEdgePool(sitePath, pool);
        }
    }

    void checkEdgePool(const QString &sitePath, const EdgePool &pool)
    {
        const QString path = sitePath + QStringLiteral("/edgePools/") + pool.fqdn;
        // Owner of the pool's names: unique per pool object, even when two
        // pools carry the same FQDN (that is the defect to find).
        const QString owner = QStringLiteral("edge#") + QString::number(m_poolCount++);
        checkName(path, tr("edge pool FQDN"), pool.fqdn);
        claimFqdn(pool.fqdn, owner, path, tr("edge pool %1").arg(pool.fqdn));
        checkName(path, tr("external FQDN"), pool.externalFqdn, pool.xmppFederation);
        claimFqdn(pool.externalFqdn, owner, path,
                  tr("the external side of edge pool %1").arg(pool.fqdn));
        if (pool.members.isEmpty())
            error(QStringLiteral("edge-pool-empty"), path,
                  tr("Edge pool %1 has no server. Add at least one member with its internal and "
                     "external addresses.")
                      .arg(pool.fqdn));
        if (!pool.nextHopPool.isEmpty() && !hasFrontEndPool(pool.nextHopPool))
            error(QStringLiteral("dangling-reference"), path,
                  tr("Edge pool %1 names %2 as its next-hop pool, but no front-end pool has that "
                     "name. Choose an existing front-end pool or clear the next hop.")
                      .arg(pool.fqdn, pool.nextHopPool));
        if (pool.directTls && pool.directTlsPort == pool.xmppPort)
            error(QStringLiteral("port-clash"), path,
                  tr("Edge pool %1 uses port %2 for both STARTTLS and direct TLS. Give direct "
                     "TLS its own port (5270 is usual).")
                      .arg(pool.fqdn)
                      .arg(pool.xmppPort));

        for (int i = 0; i < pool.members.size(); ++i) {
            const EdgeServer &m = pool.members.at(i);
            const QString mpath = path + QStringLiteral("/members/") + QString::number(i);
            checkName(mpath, tr("internal FQDN"), m.internalFqdn);
            checkName(mpath, tr("external FQDN"), m.externalFqdn, pool.xmppFederation);
            // Members may share the pool's names (a single-computer pool), not
            // each other's.
            claimFqdn(m.internalFqdn,
                      key(m.internalFqdn) == key(pool.fqdn)
                          ? owner
                          : owner + QLatin1Char('/') + QString::number(i),
                      mpath, tr("server %1 of edge pool %2").arg(i + 1).arg(pool.fqdn));
            if (key(m.externalFqdn) != key(pool.externalFqdn))
                claimFqdn(
                    m.externalFqdn, owner + QStringLiteral("/ext") + QString::number(i), mpath,
                    tr("the external side of server %1 of edge pool %2").arg(i + 1).arg(pool.fqdn));
            checkIp(mpath, tr("internal IPv4 address"), m.internalIPv4, false);
            checkIp(mpath, tr("internal IPv6 address"), m.internalIPv6, true);
            checkIp(mpath, tr("external IPv4 address"), m.externalIPv4, false);
            checkIp(mpath, tr("external IPv6 address"), m.externalIPv6, true);
            checkIp(mpath, tr("NAT public IPv4 address"), m.natIPv4, false);
            if (m.internalIPv4.isEmpty() && m.internalIPv6.isEmpty())
                error(QStringLiteral("missing-address"), mpath,
                      tr("Server %1 of edge pool %2 has no internal IP address. Enter the address "
                         "of its internal interface.")
                          .arg(i + 1)
                          .arg(pool.fqdn));
            if (pool.xmppFederation && m.externalIPv4.isEmpty() && m.externalIPv6.isEmpty())
                error(QStringLiteral("missing-address"), mpath,
                      tr("Server %1 of edge pool %2 has no external IP address, but the pool "
                         "carries XMPP federation. Enter the address of its external interface.")
                          .arg(i + 1)
                          .arg(pool.fqdn));
            m_addresses.append(
                {m.internalIPv4, mpath, tr("internal interface of %1").arg(m.internalFqdn)});
            m_addresses.append(
                {m.internalIPv6, mpath, tr("internal interface of %1").arg(m.internalFqdn)});
            m_addresses.append(
                {m.externalIPv4, mpath, tr("external interface of %1").arg(m.internalFqdn)});
            m_addresses.append(
                {m.externalIPv6, mpath, tr("external interface of %1").arg(m.internalFqdn)});
        }
    }

    bool hasFrontEndPool(const QString &fqdn) const
    {
        for (const Site &s : m_t.sites)
            for (const FrontEndPool &fe : s.frontEndPools)
                if (key(fe.fqdn) == key(fqdn))
                    return true;
        return false;
    }

    void checkAddresses()
    {
        QHash<QString, QString> owner;
        for (const Address &a : std::as_const(m_addresses)) {
            if (a.address.isEmpty())
                continue;
            const QString k = key(a.address);
            if (owner.contains(k))
                error(QStringLiteral("duplicate-ip"), a.path,
                      tr("The address %1 of the %2 is also used by the %3. Each interface needs "
                         "its own address: correct one of them.")
                          .arg(a.address, a.what, owner.value(k)));
            else
                owner.insert(k, a.what);
        }
    }

    void checkRoutes()
    {
        QSet<QString> routed;
        for (const Site &site : m_t.sites) {
            if (site.xmppFederationRoute.isEmpty())
                continue;
            const QString path = QStringLiteral("sites/") + site.name;
            const EdgePool *pool = m_t.edgePool(site.xmppFederationRoute);
            if (!pool) {
                error(QStringLiteral("route-missing-pool"), path,
                      tr("Site %1 routes XMPP federation through edge pool %2, which does not "
                         "exist. Assign the route to an existing edge pool with XMPP federation "
                         "enabled, or clear it.")
                          .arg(site.name, site.xmppFederationRoute));
                continue;
            }
            routed.insert(key(pool->fqdn));
            if (!pool->xmppFederation)
                error(QStringLiteral("route-pool-not-xmpp"), path,
                      tr("Site %1 routes XMPP federation through edge pool %2, but XMPP "
                         "federation is not enabled on that pool. Enable XMPP federation on %2 "
                         "or choose another pool.")
                          .arg(site.name, pool->fqdn));
        }
        for (const Site &site : m_t.sites) {
            for (const EdgePool &pool : site.edgePools) {
                if (pool.xmppFederation && !routed.contains(key(pool.fqdn)))
                    warning(QStringLiteral("xmpp-pool-unrouted"),
                            QStringLiteral("sites/") + site.name + QStringLiteral("/edgePools/") +
                                pool.fqdn,
                            tr("Edge pool %1 has XMPP federation enabled but no site routes its "
                               "XMPP federation through it, so it will carry no traffic. Assign "
                               "a site's XMPP federation route to it, or disable XMPP federation "
                               "on it.")
                                .arg(pool.fqdn));
            }
        }
    }

    void checkPartners()
    {
        QHash<QString, QString> domainOwner;
        for (const XmppPartner &p : m_t.partners) {
            const QString path = QStringLiteral("partners/") + p.domain;
            checkName(path, tr("partner domain"), p.domain);
            for (const QString &d : p.additionalDomains)
                checkName(path, tr("additional partner domain"), d);
            for (const QString &d : p.allDomains()) {
                if (d.isEmpty())
                    continue;
                if (m_t.isOwnDomain(d))
                    error(QStringLiteral("partner-own-domain"), path,
                          tr("The partner domain %1 is one of your own domains. A partner must "
                             "be another organisation: remove %1 from this partner.")
                              .arg(d));
                const QString owner = domainOwner.value(key(d));
                if (!owner.isEmpty())
                    error(QStringLiteral("partner-domain-duplicate"), path,
                          tr("The domain %1 is listed under partner %2 and partner %3. A domain "
                             "belongs to one partner: remove it from one of them.")
                              .arg(d, owner, p.domain));
                else
                    domainOwner.insert(key(d), p.domain);
            }
            const NegotiationOutcome n = evaluateNegotiation(p);
            if (n.verdict == NegotiationVerdict::Invalid)
                error(QStringLiteral("negotiation-invalid"), path,
                      tr("Partner %1: %2").arg(p.domain, n.message));
            else if (n.verdict == NegotiationVerdict::ValidWithWarning)
                warning(QStringLiteral("negotiation-warning"), path,
                        tr("Partner %1: %2").arg(p.domain, n.message));
            if (p.connectionLimit < 1)
                error(QStringLiteral("limit-range"), path,
                      tr("Partner %1 has a connection limit of %2. Set it to 1 or more.")
                          .arg(p.domain)
                          .arg(p.connectionLimit));
        }
    }

    void checkPolicies()
    {
        QSet<QString> seen;
        for (const ExternalAccessPolicy &p : m_t.policies) {
            const QString path = QStringLiteral("policies/") + p.identity;
            if (seen.contains(key(p.identity)))
                error(QStringLiteral("duplicate-policy"), path,
                      tr("The policy %1 is defined twice. Remove one.").arg(p.identity));
            seen.insert(key(p.identity));
            const bool wellFormed =
                key(p.identity) == QLatin1String("global") ||
                ((p.scope() == PolicyScope::Site || p.scope() == PolicyScope::User) &&
                 !p.scopeName().trimmed().isEmpty());
            if (!wellFormed) {
                error(QStringLiteral("policy-identity"), path,
                      tr("The policy identity \"%1\" is not valid. Use global, site:<site name> "
                         "or tag:<policy name>.")
                          .arg(p.identity));
                continue;
            }
            if (p.scope() == PolicyScope::Site && !m_t.site(p.scopeName()))
                error(QStringLiteral("dangling-reference"), path,
                      tr("The site policy %1 is for site %2, which does not exist. Delete the "
                         "policy or recreate the site.")
                          .arg(p.identity, p.scopeName()));
        }
    }

    void checkUsers()
    {
        static const QRegularExpression localPart(QStringLiteral("^[^@/\\s\"&'<>:]+$"));
        QSet<QString> seen;
        for (const User &u : m_t.users) {
            const QString path = QStringLiteral("users/") + u.xmppAddress;
            const qsizetype at = u.xmppAddress.indexOf(QLatin1Char('@'));
            const QString local = at > 0 ? u.xmppAddress.left(at) : QString();
            const QString domain = at > 0 ? u.xmppAddress.mid(at + 1) : QString();
            if (!localPart.match(local).hasMatch() || !checkDomainName(domain).isEmpty()) {
                error(QStringLiteral("user-address"), path,
                      tr("The XMPP address \"%1\" is not a bare address of the form "
                         "user@domain. Correct it.")
                          .arg(u.xmppAddress));
            } else if (!m_t.organisation.xmppDomains.contains(domain, Qt::CaseInsensitive)) {
                error(QStringLiteral("user-domain"), path,
                      tr("The user %1 is in domain %2, which is not one of your XMPP domains. Add "
                         "%2 to the organisation's XMPP domains or correct the address.")
                          .arg(u.xmppAddress, domain));
            }
            if (seen.contains(key(u.xmppAddress)))
                error(QStringLiteral("duplicate-user"), path,
                      tr("The user %1 is listed twice. Remove one.").arg(u.xmppAddress));
            seen.insert(key(u.xmppAddress));
            if (!u.site.isEmpty() && !m_t.site(u.site))
                error(QStringLiteral("dangling-reference"), path,
                      tr("The user %1 has home site %2, which does not exist. Choose an existing "
                         "site.")
                          .arg(u.xmppAddress, u.site));
            if (!u.grantedPolicy.isEmpty() && !m_t.policy(QStringLiteral("tag:") + u.grantedPolicy))
                error(QStringLiteral("policy-missing"), path,
                      tr("The user %1 is granted the policy tag:%2, which does not exist. Create "
                         "the policy or grant another one.")
                          .arg(u.xmppAddress, u.grantedPolicy));
        }
    }

    void checkGateway()
    {
        const GatewaySettings &g = m_t.gateway;
        const QString path = QStringLiteral("gateway");
        const struct
        {
            const char *name;
            int value;
        } positive[] = {
            {"ConnectionLimit", g.connectionLimit},
            {"PartnerConnectionLimit", g.partnerConnectionLimit},
            {"KeepAliveInterval", g.keepAliveInterval},
            {"StreamEstablishmentTimeout", g.streamEstablishmentTimeout},
            {"StreamInactivityTimeout", g.streamInactivityTimeout},
            {"SubscriptionRefreshInterval", g.subscriptionRefreshInterval},
        };
        for (const auto &setting : positive)
            if (setting.value < 1)
                error(QStringLiteral("limit-range"), path,
                      tr("The gateway setting %1 is %2. Set it to 1 or more.")
                          .arg(QLatin1String(setting.name))
                          .arg(setting.value));
        static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]{32,}$"));
        if (!g.dialbackSecret.isEmpty() && !hex.match(g.dialbackSecret).hasMatch())
            error(QStringLiteral("dialback-secret"), path,
                  tr("The dialback secret must be at least 32 hexadecimal digits. Clear it to "
                     "have a new one generated at publish."));
    }

    struct Address
    {
        QString address;
        QString path;
        QString what;
    };

    const Topology &m_t;
    QList<Finding> m_findings;
    QHash<QString, std::pair<QString, QString>> m_fqdnOwner; // name -> (owner, description)
    QList<Address> m_addresses;
    int m_poolCount = 0;
};
} // namespace

QList<Finding> validate(const Topology &topology)
{
    return Checker(topology).run();
}

bool hasErrors(const QList<Finding> &findings)
{
    for (const Finding &f : findings)
        if (f.severity == Severity::Error)
            return true;
    return false;
}

QString toString(Severity s)
{
    return s == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
}

QString checkDomainName(const QString &name)
{
    if (name.isEmpty())
        return tr("it is empty");
    if (name.endsWith(QLatin1Char('.')))
        return tr("remove the trailing dot");
    if (name.contains(QLatin1Char('*')))
        return tr("wildcards are not allowed here");
    const QByteArray ace = QUrl::toAce(name);
    if (ace.isEmpty())
        return tr("it is not a valid internationalised domain name");
    if (ace.size() > 253)
        return tr("it is longer than 253 characters");
    const QList<QByteArray> labels = ace.split('.');
    if (labels.size() < 2)
        return tr("a fully qualified name has at least two labels (host.domain)");
    for (const QByteArray &label : labels) {
        if (label.isEmpty())
            return tr("it has an empty label (two dots in a row)");
        if (label.size() > 63)
            return tr("the label \"%1\" is longer than 63 characters")
                .arg(QString::fromLatin1(label));
        if (label.startsWith('-') || label.endsWith('-'))
            return tr("the label \"%1\" starts or ends with a hyphen")
                .arg(QString::fromLatin1(label));
        for (char c : label) {
            const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                            (c >= '0' && c <= '9') || c == '-';
            if (!ok)
                return tr("the label \"%1\" has a character other than letters, digits and "
                          "hyphens")
                    .arg(QString::fromLatin1(label));
        }
    }
    if (std::all_of(labels.last().begin(), labels.last().end(),
                    [](char c) { return c >= '0' && c <= '9'; }))
        return tr("the last label is all digits (is this an IP address?)");
    return {};
}

QString checkIPv4(const QString &address)
{
    in_addr out{};
    if (inet_pton(AF_INET, address.toLatin1().constData(), &out) != 1)
        return tr("expected four numbers 0-255 separated by dots, such as 192.0.2.10");
    return {};
}

QString checkIPv6(const QString &address)
{
    in6_addr out{};
    if (inet_pton(AF_INET6, address.toLatin1().constData(), &out) != 1)
        return tr("expected an IPv6 address such as 2001:db8::10");
    return {};
}

} // namespace fedgate::topology
