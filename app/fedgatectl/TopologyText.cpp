#include "TopologyText.h"

#include "topology/ObjectNames.h"

#include "DraftEdit.h"

#include "topology/ExternalAccess.h"
#include "topology/NegotiationMatrix.h"
#include "topology/TopologyDocument.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace fedgate::cli {

using namespace fedgate::topology;

namespace {

QString onOff(bool value)
{
    return value ? QStringLiteral("on") : QStringLiteral("off");
}

QString listOrNone(const QStringList &list)
{
    return list.isEmpty() ? QStringLiteral("none") : list.join(QStringLiteral(", "));
}

QString edgeServerText(const EdgeServer &m)
{
    QStringList internal{m.internalIPv4, m.internalIPv6};
    internal.removeAll(QString());
    QStringList external{m.externalIPv4, m.externalIPv6};
    external.removeAll(QString());
    QString text =
        QStringLiteral("member %1 (internal %2), external %3 (%4)")
            .arg(m.internalFqdn, listOrNone(internal), m.externalFqdn, listOrNone(external));
    if (!m.natIPv4.isEmpty())
        text += QStringLiteral(", public NAT address %1").arg(m.natIPv4);
    return text;
}

QString policySwitches(const ExternalAccessPolicy &p)
{
    return QStringLiteral("federation %1, XMPP %2, public cloud %3, public cloud A/V %4, "
                          "outside access %5")
        .arg(onOff(p.enableFederationAccess), onOff(p.enableXmppAccess),
             onOff(p.enablePublicCloudAccess), onOff(p.enablePublicCloudAudioVideoAccess),
             onOff(p.enableOutsideAccess));
}

} // namespace

QJsonValue versionOrNull(int version)
{
    return version > 0 ? QJsonValue(version) : QJsonValue();
}

// The dialback secret is a key: shown as present or not, never printed
// (export writes it to the file the edge imports).
QJsonObject topologyJson(const Topology &topology)
{
    QJsonObject object = QJsonDocument::fromJson(TopologyDocument::toJson(topology)).object();
    QJsonObject gateway = object.value(QStringLiteral("gateway")).toObject();
    if (!gateway.value(QStringLiteral("dialbackSecret")).toString().isEmpty())
        gateway.insert(QStringLiteral("dialbackSecret"), QStringLiteral("(hidden)"));
    object.insert(QStringLiteral("gateway"), gateway);
    return object;
}

QJsonArray findingsJson(const QList<Finding> &findings)
{
    QJsonArray array;
    for (const Finding &f : findings)
        array.append(findingJson(f));
    return array;
}

int countOf(const QList<Finding> &findings, Severity severity)
{
    return static_cast<int>(std::count_if(findings.begin(), findings.end(), [&](const Finding &f) {
        return f.severity == severity;
    }));
}

QString findingsText(const QList<Finding> &findings, const Topology &topology)
{
    if (findings.isEmpty())
        return QStringLiteral("Validation: no findings.\n");
    QString text = QStringLiteral("Validation: %1 error(s), %2 warning(s):\n")
                       .arg(countOf(findings, Severity::Error))
                       .arg(countOf(findings, Severity::Warning));
    for (const Finding &f : findings)
        text += QStringLiteral("  %1 %2\n")
                    .arg(toString(f.severity).leftJustified(7),
                         describeFinding(topology, f.path, f.message));
    return text;
}

QString changesText(const QList<Change> &changes, const Topology &from, const Topology &to)
{
    QString text;
    for (const QString &line : describeChanges(changes, from, to))
        text += QStringLiteral("  ") + line + QLatin1Char('\n');
    return text;
}

QString changesSummary(const QList<Change> &changes, const Topology &from, const Topology &to)
{
    if (changes.isEmpty())
        return QStringLiteral("no changes");
    QString first = describeChange(changes.first(), from, to);
    if (changes.size() == 1)
        return first;
    return QStringLiteral("%1 changes; first: %2").arg(changes.size()).arg(first);
}

QJsonArray changesJson(const QList<Change> &changes)
{
    QJsonArray array;
    for (const Change &c : changes)
        array.append(QJsonObject{{QStringLiteral("kind"), toString(c.kind)},
                                 {QStringLiteral("path"), c.path},
                                 {QStringLiteral("oldValue"), c.oldValue},
                                 {QStringLiteral("newValue"), c.newValue}});
    return array;
}

QString indent(const QString &text, int spaces)
{
    QString out;
    const QString pad(spaces, QLatin1Char(' '));
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        out += pad + line + QLatin1Char('\n');
    return out;
}

// The readable form of `topology show` and `replica show`.
QString topologyText(const Topology &t)
{
    QString text;
    const Organisation &o = t.organisation;
    text += QStringLiteral("Organisation: %1\n")
                .arg(o.name.isEmpty() ? QStringLiteral("(no name)") : o.name);
    text += QStringLiteral("  SIP domains: %1\n").arg(listOrNone(o.sipDomains()));
    text += QStringLiteral("  XMPP domains: %1\n").arg(listOrNone(o.xmppDomains));

    text += QStringLiteral("\nSites (%1):\n").arg(t.sites.size());
    for (const Site &s : t.sites) {
        text += QStringLiteral("  %1%2\n")
                    .arg(s.name, s.description.isEmpty() ? QString()
                                                         : QStringLiteral(" - ") + s.description);
        for (const FrontEndPool &fe : s.frontEndPools)
            text += QStringLiteral("    Front-end pool %1: members %2\n")
                        .arg(fe.fqdn, listOrNone(fe.members));
        for (const EdgePool &e : s.edgePools) {
            text += QStringLiteral("    Edge pool %1 (external %2): XMPP federation %3, "
                                   "s2s port %4, internal port %5")
                        .arg(e.fqdn,
                             e.externalFqdn.isEmpty() ? QStringLiteral("not set") : e.externalFqdn,
                             onOff(e.xmppFederation))
                        .arg(e.xmppPort)
                        .arg(e.internalPort);
            if (e.directTls)
                text += QStringLiteral(", direct TLS port %1").arg(e.directTlsPort);
            if (!e.nextHopPool.isEmpty())
                text += QStringLiteral(", next hop %1").arg(e.nextHopPool);
            text += QLatin1Char('\n');
            for (const EdgeServer &m : e.members)
                text += QStringLiteral("      %1\n").arg(edgeServerText(m));
        }
        text += QStringLiteral("    XMPP federation route: %1\n")
                    .arg(s.xmppFederationRoute.isEmpty()
                             ? QStringLiteral("none (the site does not federate over XMPP)")
                             : s.xmppFederationRoute);
    }

    text += QStringLiteral("\nXMPP partners (%1):\n").arg(t.partners.size());
    for (const XmppPartner &p : t.partners) {
        text +=
            QStringLiteral("  %1 (%2)%3\n")
                .arg(p.domain, toString(p.type),
                     p.description.isEmpty() ? QString() : QStringLiteral(" - ") + p.description);
        if (!p.additionalDomains.isEmpty())
            text += QStringLiteral("    additional domains: %1\n")
                        .arg(p.additionalDomains.join(QStringLiteral(", ")));
        text += QStringLiteral("    TLS %1, SASL %2, dialback %3, connection limit %4, "
                               "keep-alive %5\n")
                    .arg(toString(p.tls), toString(p.sasl), onOff(p.dialback))
                    .arg(p.connectionLimit)
                    .arg(onOff(p.keepAlive));
        if (p.dane)
            text += QStringLiteral("    DANE on (certificate verified by TLSA when the zone is "
                                   "signed)\n");
        const NegotiationOutcome outcome = evaluateNegotiation(p);
        text +=
            QStringLiteral("    negotiation (row %1): %2\n").arg(outcome.row).arg(outcome.summary);
        if (outcome.verdict != NegotiationVerdict::Valid && !outcome.message.isEmpty())
            text +=
                QStringLiteral("    %1: %2\n")
                    .arg(outcome.verdict == NegotiationVerdict::Invalid ? QStringLiteral("invalid")
                                                                        : QStringLiteral("warning"),
                         outcome.message);
    }

    text += QStringLiteral("\nExternal access policies (%1):\n").arg(t.policies.size());
    for (const ExternalAccessPolicy &p : t.policies)
        text += QStringLiteral("  %1: %2%3\n")
                    .arg(p.identity, policySwitches(p),
                         p.description.isEmpty()
                             ? QString()
                             : QStringLiteral(" (") + p.description + QLatin1Char(')'));

    text += QStringLiteral("\nUsers (%1):\n").arg(t.users.size());
    for (const User &u : t.users) {
        const EffectivePolicy effective = effectivePolicy(t, u);
        text += QStringLiteral("  %1%2, site %3, granted policy %4; effective: %5\n")
                    .arg(u.xmppAddress,
                         u.displayName.isEmpty()
                             ? QString()
                             : QStringLiteral(" (") + u.displayName + QLatin1Char(')'),
                         u.site.isEmpty() ? QStringLiteral("none") : u.site,
                         u.grantedPolicy.isEmpty() ? QStringLiteral("none") : u.grantedPolicy,
                         effective.explanation);
    }

    const GatewaySettings &g = t.gateway;
    text += QStringLiteral("\nGateway: connection limit %1, partner connection limit %2, "
                           "keep-alive interval %3 s, stream establishment timeout %4 s, "
                           "stream inactivity timeout %5 s, subscription refresh %6 s, "
                           "logging of message bodies %7, dialback secret %8\n")
                .arg(g.connectionLimit)
                .arg(g.partnerConnectionLimit)
                .arg(g.keepAliveInterval)
                .arg(g.streamEstablishmentTimeout)
                .arg(g.streamInactivityTimeout)
                .arg(g.subscriptionRefreshInterval)
                .arg(onOff(g.enableLoggingAllMessageBodies),
                     g.dialbackSecret.isEmpty() ? QStringLiteral("not yet generated (made at the "
                                                                 "first publish)")
                                                : QStringLiteral("set"));
    return text;
}

} // namespace fedgate::cli
