#include "TopologyDocument.h"

#include "JsonLocator.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>
#include <functional>

namespace fedgate::topology {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("TopologyDocument", text);
}

const QString kSchemaName = QStringLiteral("fedgate-topology");

// ---- writing ---------------------------------------------------------------

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject write(const EdgeServer &m)
{
    return {{QStringLiteral("internalFqdn"), m.internalFqdn},
            {QStringLiteral("internalIPv4"), m.internalIPv4},
            {QStringLiteral("internalIPv6"), m.internalIPv6},
            {QStringLiteral("externalFqdn"), m.externalFqdn},
            {QStringLiteral("externalIPv4"), m.externalIPv4},
            {QStringLiteral("externalIPv6"), m.externalIPv6},
            {QStringLiteral("natIPv4"), m.natIPv4}};
}

QJsonObject write(const EdgePool &p)
{
    QJsonArray members;
    for (const EdgeServer &m : p.members)
        members.append(write(m));
    return {{QStringLiteral("fqdn"), p.fqdn},
            {QStringLiteral("externalFqdn"), p.externalFqdn},
            {QStringLiteral("members"), members},
            {QStringLiteral("xmppFederation"), p.xmppFederation},
            {QStringLiteral("xmppPort"), p.xmppPort},
            {QStringLiteral("internalPort"), p.internalPort},
            {QStringLiteral("directTls"), p.directTls},
            {QStringLiteral("directTlsPort"), p.directTlsPort},
            {QStringLiteral("nextHopPool"), p.nextHopPool}};
}

QJsonObject write(const Site &s)
{
    QJsonArray fe;
    for (const FrontEndPool &p : s.frontEndPools)
        fe.append(QJsonObject{{QStringLiteral("fqdn"), p.fqdn},
                              {QStringLiteral("members"), strings(p.members)}});
    QJsonArray edges;
    for (const EdgePool &p : s.edgePools)
        edges.append(write(p));
    return {{QStringLiteral("name"), s.name},
            {QStringLiteral("description"), s.description},
            {QStringLiteral("frontEndPools"), fe},
            {QStringLiteral("edgePools"), edges},
            {QStringLiteral("xmppFederationRoute"), s.xmppFederationRoute}};
}

QJsonObject write(const XmppPartner &p)
{
    QJsonObject o{{QStringLiteral("domain"), p.domain},
                  {QStringLiteral("description"), p.description},
                  {QStringLiteral("additionalDomains"), strings(p.additionalDomains)},
                  {QStringLiteral("partnerType"), toString(p.type)},
                  {QStringLiteral("tlsNegotiation"), toString(p.tls)},
                  {QStringLiteral("saslNegotiation"), toString(p.sasl)},
                  {QStringLiteral("dialback"), p.dialback},
                  {QStringLiteral("connectionLimit"), p.connectionLimit},
                  {QStringLiteral("keepAlive"), p.keepAlive},
                  {QStringLiteral("proxyFqdn"), p.proxyFqdn}};
    if (p.dane)
        o.insert(QStringLiteral("dane"), true);
    return o;
}

QJsonObject write(const ExternalAccessPolicy &p)
{
    return {
        {QStringLiteral("identity"), p.identity},
        {QStringLiteral("description"), p.description},
        {QStringLiteral("enableFederationAccess"), p.enableFederationAccess},
        {QStringLiteral("enableXmppAccess"), p.enableXmppAccess},
        {QStringLiteral("enablePublicCloudAccess"), p.enablePublicCloudAccess},
        {QStringLiteral("enablePublicCloudAudioVideoAccess"), p.enablePublicCloudAudioVideoAccess},
        {QStringLiteral("enableOutsideAccess"), p.enableOutsideAccess}};
}

QJsonObject write(const User &u)
{
    return {{QStringLiteral("xmppAddress"), u.xmppAddress},
            {QStringLiteral("displayName"), u.displayName},
            {QStringLiteral("site"), u.site},
            {QStringLiteral("grantedPolicy"), u.grantedPolicy}};
}

QJsonObject write(const GatewaySettings &g)
{
    return {{QStringLiteral("connectionLimit"), g.connectionLimit},
            {QStringLiteral("partnerConnectionLimit"), g.partnerConnectionLimit},
            {QStringLiteral("keepAliveInterval"), g.keepAliveInterval},
            {QStringLiteral("streamEstablishmentTimeout"), g.streamEstablishmentTimeout},
            {QStringLiteral("streamInactivityTimeout"), g.streamInactivityTimeout},
            {QStringLiteral("subscriptionRefreshInterval"), g.subscriptionRefreshInterval},
            {QStringLiteral("enableLoggingAllMessageBodies"), g.enableLoggingAllMessageBodies},
            {QStringLiteral("dialbackSecret"), g.dialbackSecret}};
}

template <typename T> QJsonArray writeAll(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(write(item));
    return array;
}

// ---- reading ---------------------------------------------------------------

// Reads one JSON document into a Topology, strictly: every key must be known,
// every value of the right type. The first problem stops the read; its JSON
// path is turned into a line and column by JsonLocator.
class Reader
{
public:
    Reader(const QByteArray &raw, const QString &source)
        : m_raw(raw)
        , m_source(source)
    {}

    std::optional<Error> error() const { return m_error; }

    Topology read(const QJsonObject &root)
    {
        Topology t;
        expectKeys(root,
                   {QStringLiteral("schema"), QStringLiteral("schemaVersion"),
                    QStringLiteral("publishedVersion"), QStringLiteral("organisation"),
                    QStringLiteral("sites"), QStringLiteral("gateway"), QStringLiteral("partners"),
                    QStringLiteral("policies"), QStringLiteral("users")});
        object(root, QStringLiteral("organisation"), [&](const QJsonObject &o) {
            expectKeys(o, {QStringLiteral("name"), QStringLiteral("defaultSipDomain"),
                           QStringLiteral("additionalSipDomains"), QStringLiteral("xmppDomains")});
            t.organisation.name = string(o, QStringLiteral("name"));
            t.organisation.defaultSipDomain = string(o, QStringLiteral("defaultSipDomain"));
            t.organisation.additionalSipDomains =
                stringList(o, QStringLiteral("additionalSipDomains"));
            t.organisation.xmppDomains = stringList(o, QStringLiteral("xmppDomains"));
        });
        array(root, QStringLiteral("sites"), [&](const QJsonObject &o) { t.sites << site(o); });
        object(root, QStringLiteral("gateway"),
               [&](const QJsonObject &o) { t.gateway = gateway(o); });
        array(root, QStringLiteral("partners"),
              [&](const QJsonObject &o) { t.partners << partner(o); });
        array(root, QStringLiteral("policies"),
              [&](const QJsonObject &o) { t.policies << policy(o); });
        array(root, QStringLiteral("users"), [&](const QJsonObject &o) {
            expectKeys(o, {QStringLiteral("xmppAddress"), QStringLiteral("displayName"),
                           QStringLiteral("site"), QStringLiteral("grantedPolicy")});
            User u;
            u.xmppAddress = string(o, QStringLiteral("xmppAddress"));
            u.displayName = string(o, QStringLiteral("displayName"));
            u.site = string(o, QStringLiteral("site"));
            u.grantedPolicy = string(o, QStringLiteral("grantedPolicy"));
            t.users << u;
        });
        t.normalise();
        return t;
    }

    void fail(const QString &message, const QStringList &path)
    {
        if (m_error)
            return;
        const JsonLocator::Position pos = JsonLocator::locate(m_raw, path);
        m_error = Error{message, m_source, pos.line, pos.column};
    }

    QString pathText(const QString &key = {}) const
    {
        QStringList p = m_path;
        if (!key.isEmpty())
            p << key;
        return p.join(QLatin1Char('.'));
    }

private:
    Site site(const QJsonObject &o)
    {
        expectKeys(o, {QStringLiteral("name"), QStringLiteral("description"),
                       QStringLiteral("frontEndPools"), QStringLiteral("edgePools"),
                       QStringLiteral("xmppFederationRoute")});
        Site s;
        s.name = string(o, QStringLiteral("name"));
        s.description = string(o, QStringLiteral("description"));
        s.xmppFederationRoute = string(o, QStringLiteral("xmppFederationRoute"));
        array(o, QStringLiteral("frontEndPools"), [&](const QJsonObject &fe) {
            expectKeys(fe, {QStringLiteral("fqdn"), QStringLiteral("members")});
            s.frontEndPools << FrontEndPool{string(fe, QStringLiteral("fqdn")),
                                            stringList(fe, QStringLiteral("members"))};
        });
        array(o, QStringLiteral("edgePools"),
              [&](const QJsonObject &e) { s.edgePools << edgePool(e); });
        return s;
    }

    EdgePool edgePool(const QJsonObject &o)
    {
        expectKeys(o, {QStringLiteral("fqdn"), QStringLiteral("externalFqdn"),
                       QStringLiteral("members"), QStringLiteral("xmppFederation"),
                       QStringLiteral("xmppPort"), QStringLiteral("internalPort"),
                       QStringLiteral("directTls"), QStringLiteral("directTlsPort"),
                       QStringLiteral("nextHopPool")});
        EdgePool p;
        p.fqdn = string(o, QStringLiteral("fqdn"));
        p.externalFqdn = string(o, QStringLiteral("externalFqdn"));
        p.xmppFederation = boolean(o, QStringLiteral("xmppFederation"), false);
        p.xmppPort = port(o, QStringLiteral("xmppPort"), p.xmppPort);
        p.internalPort = port(o, QStringLiteral("internalPort"), p.internalPort);
        p.directTls = boolean(o, QStringLiteral("directTls"), false);
        p.directTlsPort = port(o, QStringLiteral("directTlsPort"), p.directTlsPort);
        p.nextHopPool = string(o, QStringLiteral("nextHopPool"));
        array(o, QStringLiteral("members"), [&](const QJsonObject &m) {
            expectKeys(m, {QStringLiteral("internalFqdn"), QStringLiteral("internalIPv4"),
                           QStringLiteral("internalIPv6"), QStringLiteral("externalFqdn"),
                           QStringLiteral("externalIPv4"), QStringLiteral("externalIPv6"),
                           QStringLiteral("natIPv4")});
            EdgeServer s;
            s.internalFqdn = string(m, QStringLiteral("internalFqdn"));
            s.internalIPv4 = string(m, QStringLiteral("internalIPv4"));
            s.internalIPv6 = string(m, QStringLiteral("internalIPv6"));
            s.externalFqdn = string(m, QStringLiteral("externalFqdn"));
            s.externalIPv4 = string(m, QStringLiteral("externalIPv4"));
            s.externalIPv6 = string(m, QStringLiteral("externalIPv6"));
            s.natIPv4 = string(m, QStringLiteral("natIPv4"));
            p.members << s;
        });
        return p;
    }

    XmppPartner partner(const QJsonObject &o)
    {
        expectKeys(o, {QStringLiteral("domain"), QStringLiteral("description"),
                       QStringLiteral("additionalDomains"), QStringLiteral("partnerType"),
                       QStringLiteral("tlsNegotiation"), QStringLiteral("saslNegotiation"),
                       QStringLiteral("dialback"), QStringLiteral("connectionLimit"),
                       QStringLiteral("keepAlive"), QStringLiteral("proxyFqdn"),
                       QStringLiteral("dane")});
        XmppPartner p;
        p.domain = string(o, QStringLiteral("domain"));
        p.description = string(o, QStringLiteral("description"));
        p.additionalDomains = stringList(o, QStringLiteral("additionalDomains"));
        const QString type = string(o, QStringLiteral("partnerType"));
        if (!type.isEmpty() && !parsePartnerType(type, &p.type))
            fail(tr("\"%1\" is not a partner type; use Federated, PublicVerified or "
                    "PublicUnverified.")
                     .arg(type),
                 m_path + QStringList{QStringLiteral("partnerType")});
        p.tls = negotiation(o, QStringLiteral("tlsNegotiation"));
        p.sasl = negotiation(o, QStringLiteral("saslNegotiation"));
        p.dialback = boolean(o, QStringLiteral("dialback"), true);
        p.connectionLimit = integer(o, QStringLiteral("connectionLimit"), p.connectionLimit);
        p.keepAlive = boolean(o, QStringLiteral("keepAlive"), true);
        p.proxyFqdn = string(o, QStringLiteral("proxyFqdn"));
        p.dane = boolean(o, QStringLiteral("dane"), false);
        return p;
    }

    ExternalAccessPolicy policy(const QJsonObject &o)
    {
        expectKeys(o, {QStringLiteral("identity"), QStringLiteral("description"),
                       QStringLiteral("enableFederationAccess"), QStringLiteral("enableXmppAccess"),
                       QStringLiteral("enablePublicCloudAccess"),
                       QStringLiteral("enablePublicCloudAudioVideoAccess"),
                       QStringLiteral("enableOutsideAccess")});
        ExternalAccessPolicy p;
        p.identity = string(o, QStringLiteral("identity"));
        p.description = string(o, QStringLiteral("description"));
        p.enableFederationAccess = boolean(o, QStringLiteral("enableFederationAccess"), false);
        p.enableXmppAccess = boolean(o, QStringLiteral("enableXmppAccess"), false);
        p.enablePublicCloudAccess = boolean(o, QStringLiteral("enablePublicCloudAccess"), false);
        p.enablePublicCloudAudioVideoAccess =
            boolean(o, QStringLiteral("enablePublicCloudAudioVideoAccess"), false);
        p.enableOutsideAccess = boolean(o, QStringLiteral("enableOutsideAccess"), false);
        return p;
    }

    GatewaySettings gateway(const QJsonObject &o)
    {
        expectKeys(
            o, {QStringLiteral("connectionLimit"), QStringLiteral("partnerConnectionLimit"),
                QStringLiteral("keepAliveInterval"), QStringLiteral("streamEstablishmentTimeout"),
                QStringLiteral("streamInactivityTimeout"),
                QStringLiteral("subscriptionRefreshInterval"),
                QStringLiteral("enableLoggingAllMessageBodies"), QStringLiteral("dialbackSecret")});
        GatewaySettings g;
        g.connectionLimit = integer(o, QStringLiteral("connectionLimit"), g.connectionLimit);
        g.partnerConnectionLimit =
            integer(o, QStringLiteral("partnerConnectionLimit"), g.partnerConnectionLimit);
        g.keepAliveInterval = integer(o, QStringLiteral("keepAliveInterval"), g.keepAliveInterval);
        g.streamEstablishmentTimeout =
            integer(o, QStringLiteral("streamEstablishmentTimeout"), g.streamEstablishmentTimeout);
        g.streamInactivityTimeout =
            integer(o, QStringLiteral("streamInactivityTimeout"), g.streamInactivityTimeout);
        g.subscriptionRefreshInterval = integer(o, QStringLiteral("subscriptionRefreshInterval"),
                                                g.subscriptionRefreshInterval);
        g.enableLoggingAllMessageBodies =
            boolean(o, QStringLiteral("enableLoggingAllMessageBodies"), false);
        g.dialbackSecret = string(o, QStringLiteral("dialbackSecret"));
        return g;
    }

    void expectKeys(const QJsonObject &o, std::initializer_list<QString> known)
    {
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (std::find(known.begin(), known.end(), it.key()) == known.end()) {
                QStringList names(known);
                fail(tr("unknown element \"%1\" in %2. Known elements here: %3. Check the "
                        "spelling, or whether the file was written by a newer Fedgate.")
                         .arg(it.key(), pathText().isEmpty() ? tr("the document") : pathText(),
                              names.join(QStringLiteral(", "))),
                     m_path + QStringList{it.key()});
                return;
            }
        }
    }

    void typeError(const QString &key, const QString &expected)
    {
        fail(tr("\"%1\" must be %2.").arg(pathText(key), expected), m_path + QStringList{key});
    }

    QString string(const QJsonObject &o, const QString &key)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isString())
            typeError(key, tr("a string"));
        return v.toString().trimmed();
    }

    bool boolean(const QJsonObject &o, const QString &key, bool fallback)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return fallback;
        if (!v.isBool())
            typeError(key, tr("true or false"));
        return v.toBool(fallback);
    }

    int integer(const QJsonObject &o, const QString &key, int fallback)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return fallback;
        // Range first: casting a double outside qint64 is undefined.
        const double d = v.toDouble(-1e300);
        if (!v.isDouble() || !(d >= -2147483648.0 && d <= 2147483647.0) || d != std::trunc(d)) {
            typeError(key, tr("a whole number"));
            return fallback;
        }
        return static_cast<int>(d);
    }

    quint16 port(const QJsonObject &o, const QString &key, quint16 fallback)
    {
        const int value = integer(o, key, fallback);
        if (value < 1 || value > 65535) {
            typeError(key, tr("a port number from 1 to 65535"));
            return fallback;
        }
        return static_cast<quint16>(value);
    }

    Negotiation negotiation(const QJsonObject &o, const QString &key)
    {
        const QString text = string(o, key);
        Negotiation n = Negotiation::Required;
        if (!text.isEmpty() && !parseNegotiation(text, &n))
            fail(tr("\"%1\" is \"%2\"; use Required, Optional or NotSupported.")
                     .arg(pathText(key), text),
                 m_path + QStringList{key});
        return n;
    }

    QStringList stringList(const QJsonObject &o, const QString &key)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray()) {
            typeError(key, tr("a list of strings"));
            return {};
        }
        QStringList out;
        const QJsonArray a = v.toArray();
        for (int i = 0; i < a.size(); ++i) {
            if (!a.at(i).isString()) {
                fail(tr("\"%1\" must hold only strings.").arg(pathText(key)),
                     m_path + QStringList{key, QString::number(i)});
                return out;
            }
            out << a.at(i).toString().trimmed();
        }
        return out;
    }

    void object(const QJsonObject &parent, const QString &key,
                const std::function<void(const QJsonObject &)> &body)
    {
        const QJsonValue v = parent.value(key);
        if (v.isUndefined())
            return;
        if (!v.isObject()) {
            typeError(key, tr("an object"));
            return;
        }
        m_path << key;
        body(v.toObject());
        m_path.removeLast();
    }

    void array(const QJsonObject &parent, const QString &key,
               const std::function<void(const QJsonObject &)> &body)
    {
        const QJsonValue v = parent.value(key);
        if (v.isUndefined())
            return;
        if (!v.isArray()) {
            typeError(key, tr("a list"));
            return;
        }
        const QJsonArray a = v.toArray();
        for (int i = 0; i < a.size() && !m_error; ++i) {
            m_path << key << QString::number(i);
            if (a.at(i).isObject())
                body(a.at(i).toObject());
            else
                fail(tr("each entry of \"%1\" must be an object.")
                         .arg(pathText().section(QLatin1Char('.'), 0, -2)),
                     m_path);
            m_path.removeLast();
            m_path.removeLast();
        }
    }

    const QByteArray &m_raw;
    QString m_source;
    QStringList m_path;
    std::optional<Error> m_error;
};

// Upgrades a document of an older schema version to the next one, in place.
// migrations[k] takes version k+1 to k+2. Schema 1 is the first published
// format, so the list is empty; a format change appends its step here and
// bumps Topology::kSchemaVersion.
using Migration = std::function<void(QJsonObject &)>;
const QList<Migration> &migrations()
{
    static const QList<Migration> steps;
    return steps;
}

// Returns the byte offset of the first invalid UTF-8 sequence, or -1.
qsizetype invalidUtf8Offset(const QByteArray &data)
{
    const auto *p = reinterpret_cast<const unsigned char *>(data.constData());
    const qsizetype n = data.size();
    for (qsizetype i = 0; i < n;) {
        const unsigned char c = p[i];
        int extra = 0;
        char32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + extra >= n)
            return i;
        for (int k = 1; k <= extra; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        const bool overlong =
            (extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += extra + 1;
    }
    return -1;
}
} // namespace

QByteArray TopologyDocument::toJson(const Topology &input, int publishedVersion)
{
    Topology t = input;
    t.normalise();
    QJsonObject root{
        {QStringLiteral("schema"), kSchemaName},
        {QStringLiteral("schemaVersion"), Topology::kSchemaVersion},
        {QStringLiteral("organisation"),
         QJsonObject{
             {QStringLiteral("name"), t.organisation.name},
             {QStringLiteral("defaultSipDomain"), t.organisation.defaultSipDomain},
             {QStringLiteral("additionalSipDomains"), strings(t.organisation.additionalSipDomains)},
             {QStringLiteral("xmppDomains"), strings(t.organisation.xmppDomains)}}},
        {QStringLiteral("sites"), writeAll(t.sites)},
        {QStringLiteral("gateway"), write(t.gateway)},
        {QStringLiteral("partners"), writeAll(t.partners)},
        {QStringLiteral("policies"), writeAll(t.policies)},
        {QStringLiteral("users"), writeAll(t.users)},
    };
    if (publishedVersion > 0)
        root.insert(QStringLiteral("publishedVersion"), publishedVersion);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<Topology> TopologyDocument::fromJson(const QByteArray &json, const QString &sourceName,
                                            int *publishedVersion)
{
    if (json.size() > kMaxFileSize)
        return Error{tr("the document is %1 MB; a topology is at most %2 MB. Is this the right "
                        "file?")
                         .arg(json.size() / 1e6, 0, 'f', 1)
                         .arg(kMaxFileSize / (1024 * 1024)),
                     sourceName};
    if (json.trimmed().isEmpty())
        return Error{tr("the document is empty. Export a topology with 'fedgatectl topology "
                        "export' or start one with 'fedgatectl topology new'."),
                     sourceName};
    const qsizetype badUtf8 = invalidUtf8Offset(json);
    if (badUtf8 >= 0) {
        const JsonLocator::Position pos = JsonLocator::positionOfOffset(json, badUtf8);
        return Error{tr("invalid UTF-8 byte sequence (the file must be UTF-8 text). Re-save it "
                        "as UTF-8."),
                     sourceName, pos.line, pos.column};
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const JsonLocator::Position pos = JsonLocator::positionOfOffset(json, parseError.offset);
        return Error{tr("not valid JSON (%1); the file may be truncated or damaged. Restore it "
                        "from an export.")
                         .arg(parseError.errorString()),
                     sourceName, pos.line, pos.column};
    }
    if (!doc.isObject())
        return Error{
            tr("the document must be a JSON object with \"schema\": \"%1\".").arg(kSchemaName),
            sourceName, 1, 1};
    QJsonObject root = doc.object();
    if (root.value(QStringLiteral("schema")).toString() != kSchemaName) {
        const JsonLocator::Position pos = JsonLocator::locate(json, {QStringLiteral("schema")});
        return Error{
            tr("this is not a Fedgate topology (\"schema\" must be \"%1\").").arg(kSchemaName),
            sourceName, pos.line, pos.column};
    }
    const QJsonValue versionValue = root.value(QStringLiteral("schemaVersion"));
    const int version = versionValue.toInt(-1);
    if (!versionValue.isDouble() || version < 1) {
        const JsonLocator::Position pos =
            JsonLocator::locate(json, {QStringLiteral("schemaVersion")});
        return Error{tr("\"schemaVersion\" is missing or not a positive whole number."), sourceName,
                     pos.line, pos.column};
    }
    if (version > Topology::kSchemaVersion) {
        const JsonLocator::Position pos =
            JsonLocator::locate(json, {QStringLiteral("schemaVersion")});
        return Error{tr("schema version %1 is newer than this Fedgate understands (%2). Upgrade "
                        "Fedgate on this machine, or export the topology again from a Fedgate of "
                        "the same version.")
                         .arg(version)
                         .arg(Topology::kSchemaVersion),
                     sourceName, pos.line, pos.column};
    }
    for (int v = version; v < Topology::kSchemaVersion; ++v) {
        migrations().at(v - 1)(root);
        root.insert(QStringLiteral("schemaVersion"), v + 1);
    }
    if (publishedVersion) {
        const QJsonValue pv = root.value(QStringLiteral("publishedVersion"));
        *publishedVersion = pv.isDouble() ? pv.toInt() : 0;
    }

    Reader reader(json, sourceName);
    Topology topology = reader.read(root);
    if (reader.error())
        return *reader.error();
    return topology;
}

Result<Topology> TopologyDocument::readFile(const QString &path, int *publishedVersion)
{
    QFile file(path);
    const QFileInfo info(path);
    if (!info.exists())
        return Error{tr("the file does not exist. Check the path."), path};
    if (info.isDir())
        return Error{tr("this is a folder, not a topology file."), path};
    if (info.size() > kMaxFileSize)
        return Error{tr("the file is %1 MB; a topology is at most %2 MB. Is this the right file?")
                         .arg(info.size() / 1e6, 0, 'f', 1)
                         .arg(kMaxFileSize / (1024 * 1024)),
                     path};
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("cannot read the file: %1.").arg(file.errorString()), path};
    return fromJson(file.read(kMaxFileSize + 1), path, publishedVersion);
}

Status TopologyDocument::writeFile(const Topology &topology, const QString &path,
                                   int publishedVersion)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{tr("cannot write the file: %1. Check the folder exists and is writable.")
                         .arg(file.errorString()),
                     path};
    file.write(toJson(topology, publishedVersion));
    if (!file.commit())
        return Error{tr("writing the file failed: %1. The previous file, if any, is unchanged.")
                         .arg(file.errorString()),
                     path};
    return {};
}

} // namespace fedgate::topology
