#include "CertificateRequest.h"

#include "OpenSsl.h"

#include "topology/Validation.h"

#include <QJsonArray>
#include <QSet>

namespace fedgate::certs {

namespace {

QJsonArray toArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &item : list)
        array.append(item);
    return array;
}

QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list << item.toString();
    return list;
}

} // namespace

QJsonObject CertificateRequest::toJson() const
{
    return QJsonObject{
        {QStringLiteral("usage"), toString(usage)},
        {QStringLiteral("mode"), toString(mode)},
        {QStringLiteral("csrPath"), csrPath},
        {QStringLiteral("templateName"), templateName},
        {QStringLiteral("friendlyName"), friendlyName},
        {QStringLiteral("keyType"), toString(keyType)},
        {QStringLiteral("exportable"), exportable},
        {QStringLiteral("organisation"), organisation},
        {QStringLiteral("organisationalUnit"), organisationalUnit},
        {QStringLiteral("country"), country},
        {QStringLiteral("state"), state},
        {QStringLiteral("city"), city},
        {QStringLiteral("sipDomains"), toArray(sipDomains)},
        {QStringLiteral("additionalSans"), toArray(additionalSans)},
        {QStringLiteral("includeSrvIds"), includeSrvIds},
        {QStringLiteral("includeXmppAddrs"), includeXmppAddrs},
        {QStringLiteral("edgePool"), edgePool},
        {QStringLiteral("frontEndPool"), frontEndPool},
    };
}

Result<CertificateRequest> CertificateRequest::fromJson(const QJsonObject &object)
{
    CertificateRequest request;
    if (!parseUsage(object.value(QStringLiteral("usage")).toString(), &request.usage))
        return userError(QStringLiteral("The stored request has an unknown usage '%1'.")
                             .arg(object.value(QStringLiteral("usage")).toString()));
    if (!parseKeyType(object.value(QStringLiteral("keyType")).toString(), &request.keyType))
        return userError(QStringLiteral("The stored request has an unknown key type '%1'.")
                             .arg(object.value(QStringLiteral("keyType")).toString()));
    request.mode = object.value(QStringLiteral("mode")).toString() == QLatin1String("immediate")
                       ? RequestMode::Immediate
                       : RequestMode::Delayed;
    request.csrPath = object.value(QStringLiteral("csrPath")).toString();
    request.templateName = object.value(QStringLiteral("templateName")).toString();
    request.friendlyName = object.value(QStringLiteral("friendlyName")).toString();
    request.exportable = object.value(QStringLiteral("exportable")).toBool();
    request.organisation = object.value(QStringLiteral("organisation")).toString();
    request.organisationalUnit = object.value(QStringLiteral("organisationalUnit")).toString();
    request.country = object.value(QStringLiteral("country")).toString();
    request.state = object.value(QStringLiteral("state")).toString();
    request.city = object.value(QStringLiteral("city")).toString();
    request.sipDomains = toStringList(object.value(QStringLiteral("sipDomains")));
    request.additionalSans = toStringList(object.value(QStringLiteral("additionalSans")));
    request.includeSrvIds = object.value(QStringLiteral("includeSrvIds")).toBool();
    request.includeXmppAddrs = object.value(QStringLiteral("includeXmppAddrs")).toBool();
    request.edgePool = object.value(QStringLiteral("edgePool")).toString();
    request.frontEndPool = object.value(QStringLiteral("frontEndPool")).toString();
    return request;
}

QStringList checkRequest(const CertificateRequest &request)
{
    QStringList problems;
    if (!request.country.isEmpty() && !isIsoCountryCode(request.country))
        problems << QStringLiteral("'%1' is not an ISO 3166 two-letter country code. Use the "
                                   "code of the country where the organisation is registered, "
                                   "e.g. FR, DE, US or GB.")
                        .arg(request.country);
    // X.520 upper bounds for the subject attributes.
    const struct
    {
        const QString &value;
        const char *field;
        int maximum;
    } lengths[] = {
        {request.organisation, "organisation", 64},
        {request.organisationalUnit, "organisational unit", 64},
        {request.state, "state or province", 128},
        {request.city, "city", 128},
        {request.friendlyName, "friendly name", 128},
        {request.templateName, "certificate template name", 64},
    };
    for (const auto &field : lengths) {
        if (field.value.size() > field.maximum)
            problems << QStringLiteral("The %1 is %2 characters long; certificates allow at most "
                                       "%3. Shorten it.")
                            .arg(QString::fromLatin1(field.field))
                            .arg(field.value.size())
                            .arg(field.maximum);
    }
    if (request.templateName.contains(QLatin1Char(' ')))
        problems << QStringLiteral("The certificate template name '%1' contains a space. AD CS "
                                   "wants the template's name, not its display name (for "
                                   "example 'WebServer', not 'Web Server').")
                        .arg(request.templateName);
    for (const QString &san : request.additionalSans) {
        const QString name = san.startsWith(QLatin1String("*.")) ? san.mid(2) : san;
        const QString reason = topology::checkDomainName(name);
        if (!reason.isEmpty())
            problems << QStringLiteral("The additional name '%1' is not a valid DNS name: %2")
                            .arg(san, reason);
    }
    if (request.mode == RequestMode::Delayed && request.csrPath.endsWith(QLatin1Char('/')))
        problems << QStringLiteral("The CSR path '%1' is a folder; give a file name such as "
                                   "edge-external.csr.")
                        .arg(request.csrPath);
    return problems;
}

QString toString(CertificateUsage usage)
{
    switch (usage) {
    case CertificateUsage::ExternalEdge:
        return QStringLiteral("external");
    case CertificateUsage::InternalEdge:
        return QStringLiteral("internal");
    case CertificateUsage::Gateway:
        break;
    }
    return QStringLiteral("gateway");
}

QString displayName(CertificateUsage usage)
{
    switch (usage) {
    case CertificateUsage::ExternalEdge:
        return QStringLiteral("External Edge");
    case CertificateUsage::InternalEdge:
        return QStringLiteral("Internal Edge");
    case CertificateUsage::Gateway:
        break;
    }
    return QStringLiteral("Gateway");
}

QList<CertificateUsage> allUsages()
{
    return {CertificateUsage::ExternalEdge, CertificateUsage::InternalEdge,
            CertificateUsage::Gateway};
}

bool parseUsage(const QString &text, CertificateUsage *out)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("external") || t == QLatin1String("externaledge")) {
        *out = CertificateUsage::ExternalEdge;
        return true;
    }
    if (t == QLatin1String("internal") || t == QLatin1String("internaledge")) {
        *out = CertificateUsage::InternalEdge;
        return true;
    }
    if (t == QLatin1String("gateway") || t == QLatin1String("xmppgateway")) {
        *out = CertificateUsage::Gateway;
        return true;
    }
    return false;
}

QString toString(KeyType type)
{
    switch (type) {
    case KeyType::Rsa2048:
        return QStringLiteral("rsa2048");
    case KeyType::Rsa3072:
        return QStringLiteral("rsa3072");
    case KeyType::Rsa4096:
        return QStringLiteral("rsa4096");
    case KeyType::EcP256:
        return QStringLiteral("ec-p256");
    case KeyType::EcP384:
        return QStringLiteral("ec-p384");
    }
    return {};
}

QString displayName(KeyType type)
{
    switch (type) {
    case KeyType::Rsa2048:
        return QStringLiteral("RSA 2048");
    case KeyType::Rsa3072:
        return QStringLiteral("RSA 3072");
    case KeyType::Rsa4096:
        return QStringLiteral("RSA 4096");
    case KeyType::EcP256:
        return QStringLiteral("ECDSA P-256");
    case KeyType::EcP384:
        return QStringLiteral("ECDSA P-384");
    }
    return {};
}

bool parseKeyType(const QString &text, KeyType *out)
{
    QString t = text.trimmed().toLower();
    t.remove(QLatin1Char('-')).remove(QLatin1Char(' ')).remove(QLatin1Char('_'));
    static const struct
    {
        const char *spelling;
        KeyType type;
    } spellings[] = {
        {"rsa2048", KeyType::Rsa2048}, {"rsa", KeyType::Rsa2048},   {"rsa3072", KeyType::Rsa3072},
        {"rsa4096", KeyType::Rsa4096}, {"ecp256", KeyType::EcP256}, {"ecdsap256", KeyType::EcP256},
        {"p256", KeyType::EcP256},     {"ecp384", KeyType::EcP384}, {"ecdsap384", KeyType::EcP384},
        {"p384", KeyType::EcP384},
    };
    for (const auto &s : spellings) {
        if (t == QLatin1String(s.spelling)) {
            *out = s.type;
            return true;
        }
    }
    return false;
}

QString toString(RequestMode mode)
{
    return mode == RequestMode::Immediate ? QStringLiteral("immediate") : QStringLiteral("delayed");
}

bool isIsoCountryCode(const QString &code)
{
    // ISO 3166-1 alpha-2, the 249 officially assigned codes.
    static const QSet<QString> codes = [] {
        const QString all = QStringLiteral(
            "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN "
            "BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ "
            "DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL "
            "GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM "
            "JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME "
            "MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP "
            "NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD "
            "SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO "
            "TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW");
        const QStringList list = all.split(QLatin1Char(' '));
        return QSet<QString>(list.begin(), list.end());
    }();
    return code.size() == 2 && codes.contains(code.toUpper());
}

} // namespace fedgate::certs
