#include "ObjectNames.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace fedgate::topology {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ObjectNames", text);
}

// A path segment as TopologyDiff writes it ('/' inside an identity is %2F).
QString unescape(const QString &segment)
{
    QString s = segment;
    return s.replace(QStringLiteral("%2F"), QStringLiteral("/"), Qt::CaseInsensitive);
}

// The object part of a path and what follows it (a field, a list element).
struct Parsed
{
    QString object;   // in words
    QStringList rest; // the segments after the object
};

QString sitePhrase(const QString &site)
{
    return tr("site %1").arg(site);
}

QString edgeServerName(const Topology &t, const QString &pool, const QString &member)
{
    bool isIndex = false;
    const int index = member.toInt(&isIndex);
    if (!isIndex)
        return member;
    const EdgePool *p = t.edgePool(pool);
    if (p && index >= 0 && index < p->members.size()) {
        const EdgeServer &s = p->members.at(index);
        if (!s.internalFqdn.isEmpty())
            return s.internalFqdn;
        if (!s.externalFqdn.isEmpty())
            return s.externalFqdn;
    }
    return tr("number %1").arg(index + 1);
}

QString policyPhrase(const QString &identity)
{
    if (identity.compare(QLatin1String("global"), Qt::CaseInsensitive) == 0)
        return tr("the global external access policy");
    if (identity.startsWith(QLatin1String("site:"), Qt::CaseInsensitive))
        return tr("the external access policy of site %1").arg(identity.mid(5));
    if (identity.startsWith(QLatin1String("tag:"), Qt::CaseInsensitive))
        return tr("the user policy %1").arg(identity.mid(4));
    return tr("the external access policy %1").arg(identity);
}

Parsed parse(const Topology &t, const QString &path)
{
    QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (QString &p : parts)
        p = unescape(p);
    Parsed r;
    if (parts.isEmpty())
        return {tr("the topology"), {}};
    const QString head = parts.takeFirst();
    if (head == QLatin1String("organisation")) {
        r.object = t.organisation.name.isEmpty()
                       ? tr("the organisation")
                       : tr("the organisation %1").arg(t.organisation.name);
        r.rest = parts;
        return r;
    }
    if (head == QLatin1String("gateway")) {
        r.object = tr("the gateway settings");
        r.rest = parts;
        return r;
    }
    if (parts.isEmpty()) {
        // A whole list: "sites", "partners", ...
        r.object = tr("the topology");
        r.rest = {head};
        return r;
    }
    const QString id = parts.takeFirst();
    if (head == QLatin1String("partners")) {
        r.object = tr("partner %1").arg(id);
    } else if (head == QLatin1String("policies")) {
        r.object = policyPhrase(id);
    } else if (head == QLatin1String("users")) {
        r.object = tr("user %1").arg(id);
    } else if (head == QLatin1String("sites")) {
        r.object = sitePhrase(id);
        if (parts.size() >= 2 && parts.at(0) == QLatin1String("frontEndPools")) {
            const QString pool = parts.at(1);
            parts = parts.mid(2);
            r.object = tr("front-end pool %1 in site %2").arg(pool, id);
            if (parts.size() >= 2 && parts.at(0) == QLatin1String("members")) {
                r.object =
                    tr("front-end server %1 of pool %2 in site %3").arg(parts.at(1), pool, id);
                parts = parts.mid(2);
            }
        } else if (parts.size() >= 2 && parts.at(0) == QLatin1String("edgePools")) {
            const QString pool = parts.at(1);
            parts = parts.mid(2);
            r.object = tr("edge pool %1 in site %2").arg(pool, id);
            if (parts.size() >= 2 && parts.at(0) == QLatin1String("members")) {
                r.object = tr("edge server %1 of pool %2 in site %3")
                               .arg(edgeServerName(t, pool, parts.at(1)), pool, id);
                parts = parts.mid(2);
            }
        }
    } else {
        r.object = id;
    }
    r.rest = parts;
    return r;
}

// A compact JSON value as a person reads it.
QString plainValue(const QString &key, const QString &json)
{
    if (json.isEmpty())
        return tr("(none)");
    const QJsonDocument doc = QJsonDocument::fromJson(("[" + json + "]").toUtf8());
    if (!doc.isArray() || doc.array().isEmpty())
        return json;
    const QJsonValue v = doc.array().at(0);
    if (v.isBool())
        return v.toBool() ? tr("on") : tr("off");
    if (v.isDouble())
        return QString::number(v.toDouble());
    if (v.isArray()) {
        QStringList items;
        for (const QJsonValue &item : v.toArray())
            items << (item.isString() ? item.toString() : QString());
        return items.join(QStringLiteral(", "));
    }
    if (!v.isString())
        return {};
    const QString s = v.toString();
    if (s.isEmpty())
        return tr("(none)");
    if (key == QLatin1String("tlsNegotiation") || key == QLatin1String("saslNegotiation")) {
        Negotiation n;
        if (parseNegotiation(s, &n))
            return negotiationLabel(n);
    }
    if (key == QLatin1String("partnerType")) {
        PartnerType p;
        if (parsePartnerType(s, &p))
            return partnerTypeLabel(p);
    }
    return s;
}

// Keys whose values are lists of strings: their elements appear in paths.
bool isStringList(const QString &key)
{
    static const QStringList keys{QStringLiteral("additionalSipDomains"),
                                  QStringLiteral("xmppDomains"), QStringLiteral("members"),
                                  QStringLiteral("additionalDomains")};
    return keys.contains(key);
}

// Kinds of object a list holds, for an element added or removed as a whole.
QString elementPhrase(const Topology &t, const QString &path)
{
    return describeObject(t, path);
}

} // namespace

QString describeField(const QString &key)
{
    if (key == QLatin1String("name"))
        return tr("name");
    if (key == QLatin1String("description"))
        return tr("description");
    if (key == QLatin1String("defaultSipDomain"))
        return tr("default SIP domain");
    if (key == QLatin1String("additionalSipDomains"))
        return tr("additional SIP domains");
    if (key == QLatin1String("xmppDomains"))
        return tr("XMPP domains");
    if (key == QLatin1String("sites"))
        return tr("sites");
    if (key == QLatin1String("frontEndPools"))
        return tr("front-end pools");
    if (key == QLatin1String("edgePools"))
        return tr("edge pools");
    if (key == QLatin1String("partners"))
        return tr("XMPP partners");
    if (key == QLatin1String("policies"))
        return tr("external access policies");
    if (key == QLatin1String("users"))
        return tr("users");
    if (key == QLatin1String("fqdn"))
        return tr("FQDN");
    if (key == QLatin1String("members"))
        return tr("members");
    if (key == QLatin1String("externalFqdn"))
        return tr("external FQDN");
    if (key == QLatin1String("xmppFederation"))
        return tr("XMPP federation");
    if (key == QLatin1String("xmppPort"))
        return tr("XMPP port");
    if (key == QLatin1String("internalPort"))
        return tr("internal link port");
    if (key == QLatin1String("directTls"))
        return tr("direct TLS");
    if (key == QLatin1String("directTlsPort"))
        return tr("direct TLS port");
    if (key == QLatin1String("nextHopPool"))
        return tr("next hop pool");
    if (key == QLatin1String("internalFqdn"))
        return tr("internal FQDN");
    if (key == QLatin1String("internalIPv4"))
        return tr("internal IPv4 address");
    if (key == QLatin1String("internalIPv6"))
        return tr("internal IPv6 address");
    if (key == QLatin1String("externalIPv4"))
        return tr("external IPv4 address");
    if (key == QLatin1String("externalIPv6"))
        return tr("external IPv6 address");
    if (key == QLatin1String("natIPv4"))
        return tr("public IPv4 address behind NAT");
    if (key == QLatin1String("xmppFederationRoute"))
        return tr("XMPP federation route");
    if (key == QLatin1String("domain"))
        return tr("domain");
    if (key == QLatin1String("additionalDomains"))
        return tr("additional domains");
    if (key == QLatin1String("partnerType"))
        return tr("partner type");
    if (key == QLatin1String("tlsNegotiation"))
        return tr("TLS");
    if (key == QLatin1String("saslNegotiation"))
        return tr("SASL");
    if (key == QLatin1String("dialback"))
        return tr("dialback");
    if (key == QLatin1String("connectionLimit"))
        return tr("connection limit");
    if (key == QLatin1String("keepAlive"))
        return tr("keep-alive");
    if (key == QLatin1String("proxyFqdn"))
        return tr("proxy FQDN");
    if (key == QLatin1String("dane"))
        return tr("DANE");
    if (key == QLatin1String("identity"))
        return tr("identity");
    if (key == QLatin1String("enableFederationAccess"))
        return tr("federation with other organisations");
    if (key == QLatin1String("enableXmppAccess"))
        return tr("XMPP federation access");
    if (key == QLatin1String("enablePublicCloudAccess"))
        return tr("public IM providers");
    if (key == QLatin1String("enablePublicCloudAudioVideoAccess"))
        return tr("audio and video with public providers");
    if (key == QLatin1String("enableOutsideAccess"))
        return tr("access from outside the network");
    if (key == QLatin1String("xmppAddress"))
        return tr("XMPP address");
    if (key == QLatin1String("displayName"))
        return tr("display name");
    if (key == QLatin1String("site"))
        return tr("home site");
    if (key == QLatin1String("grantedPolicy"))
        return tr("granted policy");
    if (key == QLatin1String("partnerConnectionLimit"))
        return tr("connection limit per partner");
    if (key == QLatin1String("keepAliveInterval"))
        return tr("keep-alive interval");
    if (key == QLatin1String("streamEstablishmentTimeout"))
        return tr("stream establishment timeout");
    if (key == QLatin1String("streamInactivityTimeout"))
        return tr("stream inactivity timeout");
    if (key == QLatin1String("subscriptionRefreshInterval"))
        return tr("subscription refresh interval");
    if (key == QLatin1String("enableLoggingAllMessageBodies"))
        return tr("logging of all message bodies");
    if (key == QLatin1String("dialbackSecret"))
        return tr("dialback secret");
    return key;
}

QString describeObject(const Topology &topology, const QString &path)
{
    return parse(topology, path).object;
}

QString negotiationLabel(Negotiation value)
{
    switch (value) {
    case Negotiation::Required:
        return tr("Required");
    case Negotiation::Optional:
        return tr("Optional");
    case Negotiation::NotSupported:
        break;
    }
    return tr("Not supported");
}

QString partnerTypeLabel(PartnerType type)
{
    switch (type) {
    case PartnerType::Federated:
        return tr("Federated");
    case PartnerType::PublicVerified:
        return tr("Public, verified");
    case PartnerType::PublicUnverified:
        break;
    }
    return tr("Public, unverified");
}

QString describeFinding(const Topology &topology, const QString &path, const QString &message)
{
    QString object = describeObject(topology, path);
    if (!object.isEmpty())
        object[0] = object.at(0).toUpper();
    // Some messages already start with their object ("Partner x: ...").
    if (message.startsWith(object + QLatin1Char(':'), Qt::CaseInsensitive) ||
        message.startsWith(object + QStringLiteral(" :"), Qt::CaseInsensitive) ||
        message.startsWith(object + QStringLiteral("\u00a0:"), Qt::CaseInsensitive))
        return message;
    return tr("%1: %2").arg(object, message);
}

QString describeChange(const Change &change, const Topology &from, const Topology &to)
{
    const Topology &where = change.kind == Change::Kind::Removed ? from : to;
    const Parsed p = parse(where, change.path);
    const QString object = p.object;
    if (p.rest.isEmpty()) {
        switch (change.kind) {
        case Change::Kind::Added:
            return tr("Added %1.").arg(elementPhrase(where, change.path));
        case Change::Kind::Removed:
            return tr("Removed %1.").arg(elementPhrase(where, change.path));
        case Change::Kind::Modified:
            break;
        }
        return tr("Changed %1.").arg(object);
    }
    const QString key = p.rest.at(0);
    const QString field = describeField(key);
    if (p.rest.size() >= 2 && isStringList(key)) {
        const QString element = p.rest.at(1);
        if (change.kind == Change::Kind::Removed)
            return tr("Removed %1 from the %2 of %3.").arg(element, field, object);
        return tr("Added %1 to the %2 of %3.").arg(element, field, object);
    }
    if (p.rest.size() == 1 && change.kind == Change::Kind::Modified &&
        change.oldValue.startsWith(QLatin1Char('[')) && !isStringList(key))
        return tr("Changed the order of the %1 of %2.").arg(field, object);
    if (p.rest.size() >= 2) {
        // An element of a list of objects inside (the pools of a site are
        // handled by parse()); describe by the list's name.
        const QString element = p.rest.at(1);
        switch (change.kind) {
        case Change::Kind::Added:
            return tr("Added %1 to the %2 of %3.").arg(element, field, object);
        case Change::Kind::Removed:
            return tr("Removed %1 from the %2 of %3.").arg(element, field, object);
        case Change::Kind::Modified:
            break;
        }
        return tr("Changed %1 in the %2 of %3.").arg(element, field, object);
    }
    if (key == QLatin1String("dialbackSecret"))
        return tr("Changed the %1 of %2.").arg(field, object);
    return tr("Changed the %1 of %2 from %3 to %4.")
        .arg(field, object, plainValue(key, change.oldValue), plainValue(key, change.newValue));
}

QStringList describeChanges(const QList<Change> &changes, const Topology &from, const Topology &to)
{
    QStringList lines;
    for (const Change &c : changes)
        lines << describeChange(c, from, to);
    return lines;
}

} // namespace fedgate::topology
