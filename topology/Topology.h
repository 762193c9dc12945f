#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// The deployment's configuration as one value: organisation, sites and pools,
// federation routes, XMPP partners, external access policies, users and the
// gateway-wide settings. It is what gets validated, published as a numbered
// version in the central store, exported, and imported into an edge's local
// replica. Plain value types: copy them, compare them, edit them.
namespace fedgate::topology {

enum class PartnerType
{
    Federated,
    PublicVerified,
    PublicUnverified
};
enum class Negotiation
{
    Required,
    Optional,
    NotSupported
};
enum class PolicyScope
{
    Global,
    Site,
    User
};

struct Organisation
{
    QString name;
    QString defaultSipDomain;
    QStringList additionalSipDomains;
    // Domains whose users federate over XMPP (the edge answers for them).
    QStringList xmppDomains;

    QStringList sipDomains() const; // default first, then the additional ones
    bool operator==(const Organisation &) const = default;
};

struct FrontEndPool
{
    QString fqdn;
    QStringList members; // member FQDNs; one member = single-computer pool
    bool operator==(const FrontEndPool &) const = default;
};

struct EdgeServer
{
    QString internalFqdn;
    QString internalIPv4;
    QString internalIPv6;
    QString externalFqdn;
    QString externalIPv4;
    QString externalIPv6;
    // Public IPv4 address when the external interface sits behind NAT; DNS
    // must publish this one, not externalIPv4.
    QString natIPv4;

    QString publicIPv4() const { return natIPv4.isEmpty() ? externalIPv4 : natIPv4; }
    bool operator==(const EdgeServer &) const = default;
};

struct EdgePool
{
    QString fqdn;         // the pool's internal FQDN (its identity)
    QString externalFqdn; // the access edge's external FQDN, the XMPP SRV target
    QList<EdgeServer> members;
    bool xmppFederation = false;
    quint16 xmppPort = 5269;      // external s2s listener
    quint16 internalPort = 23456; // internal mutual-TLS link from the gateway
    bool directTls = false;       // XEP-0368 direct TLS listener
    quint16 directTlsPort = 5270;
    QString nextHopPool; // FQDN of a front-end pool
    bool operator==(const EdgePool &) const = default;
};

struct Site
{
    QString name;
    QString description;
    QList<FrontEndPool> frontEndPools;
    QList<EdgePool> edgePools;
    // FQDN of the edge pool (in this or another site) that carries this site's
    // XMPP federation traffic; empty = the site does not federate over XMPP.
    QString xmppFederationRoute;
    bool operator==(const Site &) const = default;
};

struct XmppPartner
{
    QString domain; // primary domain, unique
    QString description;
    QStringList additionalDomains;
    PartnerType type = PartnerType::PublicUnverified;
    Negotiation tls = Negotiation::Required;
    Negotiation sasl = Negotiation::Required;
    bool dialback = true;
    int connectionLimit = 20;
    bool keepAlive = true;
    QString proxyFqdn;
    // Verify the partner's certificate by DANE (RFC 6698/7671/7673) when its
    // zone is signed and publishes TLSA for its SRV target. Off by default;
    // written to the document only when on, so documents stay readable by
    // older versions unless the option is used.
    bool dane = false;

    QStringList allDomains() const; // primary first
    bool operator==(const XmppPartner &) const = default;
};

struct ExternalAccessPolicy
{
    // "global", "site:<site name>" or "tag:<name>" (a user policy).
    QString identity = QStringLiteral("global");
    QString description;
    bool enableFederationAccess = false;
    bool enableXmppAccess = false;
    bool enablePublicCloudAccess = false;
    bool enablePublicCloudAudioVideoAccess = false;
    bool enableOutsideAccess = false;

    PolicyScope scope() const;
    QString scopeName() const; // site name or tag name; empty for global
    bool operator==(const ExternalAccessPolicy &) const = default;
};

struct User
{
    QString xmppAddress; // bare JID, e.g. alice@contoso.test
    QString displayName;
    QString site;          // home site name
    QString grantedPolicy; // tag name of a user policy; empty = none granted
    bool operator==(const User &) const = default;
};

struct GatewaySettings
{
    int connectionLimit = 1000;
    int partnerConnectionLimit = 20;
    int keepAliveInterval = 300;             // seconds
    int streamEstablishmentTimeout = 60;     // seconds
    int streamInactivityTimeout = 600;       // seconds
    int subscriptionRefreshInterval = 28800; // seconds
    bool enableLoggingAllMessageBodies = false;
    // Hex secret for dialback keys (XEP-0185); generated at first publish so
    // every member of an edge pool derives the same keys.
    QString dialbackSecret;
    bool operator==(const GatewaySettings &) const = default;
};

struct Topology
{
    static constexpr int kSchemaVersion = 1;

    Organisation organisation;
    QList<Site> sites;
    GatewaySettings gateway;
    QList<XmppPartner> partners;
    QList<ExternalAccessPolicy> policies; // always holds "global" once normalised
    QList<User> users;

    bool operator==(const Topology &) const = default;

    // Lookups (nullptr when absent). Names and domains compare
    // case-insensitively, as DNS does.
    Site *site(const QString &name);
    const Site *site(const QString &name) const;
    EdgePool *edgePool(const QString &fqdn);
    const EdgePool *edgePool(const QString &fqdn) const;
    const Site *siteOfEdgePool(const QString &fqdn) const;
    XmppPartner *partner(const QString &primaryDomain);
    const XmppPartner *partner(const QString &primaryDomain) const;
    // The partner whose primary or additional domains include `domain`.
    const XmppPartner *partnerForDomain(const QString &domain) const;
    ExternalAccessPolicy *policy(const QString &identity);
    const ExternalAccessPolicy *policy(const QString &identity) const;
    User *user(const QString &xmppAddress);
    const User *user(const QString &xmppAddress) const;

    // All edge pools of all sites, in document order.
    QList<const EdgePool *> edgePools() const;
    // Edge pools that carry XMPP federation, in the order the sites' routes
    // name them (first route = preferred pool, lowest SRV priority value).
    QList<const EdgePool *> xmppRoutedEdgePools() const;
    // Is `domain` one of ours (a SIP or XMPP domain)?
    bool isOwnDomain(const QString &domain) const;

    // Adds the global policy when missing. Idempotent.
    void normalise();
};

QString toString(PartnerType);
QString toString(Negotiation);
QString toString(PolicyScope);
// Parse the cmdlet spellings, case-insensitively ("Federated",
// "PublicVerified", "PublicUnverified"; "Required", "Optional",
// "NotSupported"). Return false when the text is none of them.
bool parsePartnerType(const QString &text, PartnerType *out);
bool parseNegotiation(const QString &text, Negotiation *out);

} // namespace fedgate::topology
