#include "Jid.h"

#include <QHostAddress>
#include <QStringList>
#include <QUrl>

namespace fedgate::engine {

namespace {
// Bounds the normalisation work on hostile input: three parts of at most
// 1023 bytes each are at most 3 * 1023 UTF-16 units before preparation; NFKC
// can shrink a combining sequence, so allow twice that before looking closer.
constexpr qsizetype kMaxInputUnits = 2 * (3 * Jid::kMaxPartBytes + 2);
constexpr qsizetype kMaxDnsLabel = 63;
constexpr qsizetype kMaxDnsName = 253;

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool hasControl(const QString &s)
{
    for (const QChar c : s) {
        const auto cat = c.category();
        if (cat == QChar::Other_Control || cat == QChar::Other_Format ||
            cat == QChar::Other_NotAssigned)
            return true;
    }
    return false;
}

bool tooLong(const QString &part)
{
    return part.toUtf8().size() > Jid::kMaxPartBytes;
}

bool prepareLocalpart(QString &part, QString *error)
{
    if (part.isEmpty())
        return fail(error, QStringLiteral("the localpart before '@' is empty; write "
                                          "user@domain, or only the domain"));
    part = part.normalized(QString::NormalizationForm_KC)
               .toCaseFolded()
               .normalized(QString::NormalizationForm_KC);
    if (hasControl(part))
        return fail(error, QStringLiteral("the localpart contains a control or unassigned "
                                          "character; remove it"));
    for (const QChar c : std::as_const(part)) {
        if (c.isSpace() || QStringView(u"\"&'/:<>@").contains(c))
            return fail(error, QStringLiteral("the localpart contains '%1', which RFC 7622 "
                                              "forbids (\" & ' / : < > @ and spaces)")
                                   .arg(c.isSpace() ? QStringLiteral("a space") : QString(c)));
    }
    if (tooLong(part))
        return fail(error, QStringLiteral("the localpart is longer than %1 bytes of UTF-8")
                               .arg(Jid::kMaxPartBytes));
    return true;
}

bool isLdhLabel(QStringView label)
{
    if (label.isEmpty() || label.size() > kMaxDnsLabel)
        return false;
    if (label.front() == u'-' || label.back() == u'-')
        return false;
    for (const QChar c : label) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'-'))
            return false;
    }
    return true;
}

bool prepareDomain(QString &part, QString *error)
{
    if (part.endsWith(QLatin1Char('.')))
        part.chop(1);
    if (part.isEmpty())
        return fail(error, QStringLiteral("the domainpart is empty; an address needs a "
                                          "domain such as example.com"));
    if (tooLong(part))
        return fail(error, QStringLiteral("the domainpart is longer than %1 bytes of UTF-8")
                               .arg(Jid::kMaxPartBytes));
    if (part.startsWith(QLatin1Char('['))) {
        QHostAddress address;
        if (!part.endsWith(QLatin1Char(']')) || !address.setAddress(part.mid(1, part.size() - 2)) ||
            address.protocol() != QAbstractSocket::IPv6Protocol)
            return fail(error, QStringLiteral("the domainpart '%1' is not a valid IPv6 literal "
                                              "such as [2001:db8::1]")
                                   .arg(part));
        part = QLatin1Char('[') + address.toString().toLower() + QLatin1Char(']');
        return true;
    }
    bool dottedDigits = !part.isEmpty();
    for (const QChar c : std::as_const(part))
        dottedDigits = dottedDigits && (c.isDigit() || c == QLatin1Char('.'));
    if (dottedDigits) {
        QHostAddress address;
        if (part.count(QLatin1Char('.')) != 3 || !address.setAddress(part) ||
            address.protocol() != QAbstractSocket::IPv4Protocol)
            return fail(error, QStringLiteral("the domainpart '%1' is neither a DNS name nor an "
                                              "IPv4 address")
                                   .arg(part));
        part = address.toString();
        return true;
    }
    const QString ace = QString::fromLatin1(QUrl::toAce(part));
    if (ace.isEmpty())
        return fail(error, QStringLiteral("the domainpart '%1' is not a valid internationalised "
                                          "domain name (IDNA); check for spaces, symbols or "
                                          "empty labels")
                               .arg(part));
    const QString lower = ace.toLower();
    if (lower.size() > kMaxDnsName)
        return fail(error, QStringLiteral("the domainpart is longer than %1 characters in its "
                                          "DNS (A-label) form")
                               .arg(kMaxDnsName));
    for (const QStringView label : QStringView(lower).split(QLatin1Char('.')))
        if (!isLdhLabel(label))
            return fail(error,
                        QStringLiteral("the domainpart '%1' has the label '%2': DNS labels are "
                                       "1-63 letters, digits or hyphens, not starting or "
                                       "ending with a hyphen")
                            .arg(part, label.toString()));
    part = lower;
    return true;
}

bool prepareResource(QString &part, QString *error)
{
    if (part.isEmpty())
        return fail(error, QStringLiteral("the resourcepart after '/' is empty; remove the "
                                          "'/' or write a resource after it"));
    part = part.normalized(QString::NormalizationForm_KC);
    if (hasControl(part))
        return fail(error, QStringLiteral("the resourcepart contains a control or unassigned "
                                          "character; remove it"));
    if (tooLong(part))
        return fail(error, QStringLiteral("the resourcepart is longer than %1 bytes of UTF-8")
                               .arg(Jid::kMaxPartBytes));
    return true;
}
} // namespace

std::optional<Jid> Jid::parse(QStringView text, QString *error)
{
    const auto bad = [&](const QString &why) -> std::optional<Jid> {
        if (error)
            *error = QStringLiteral("'%1' is not a valid XMPP address: %2")
                         .arg(text.left(80).toString() +
                                  (text.size() > 80 ? QStringLiteral("…") : QString()),
                              why);
        return std::nullopt;
    };
    QString why;
    if (text.isEmpty())
        return bad(QStringLiteral("it is empty; write user@domain or a domain"));
    if (text.size() > kMaxInputUnits)
        return bad(
            QStringLiteral("it is too long (each part is at most %1 bytes)").arg(kMaxPartBytes));
    if (!text.isValidUtf16())
        return bad(QStringLiteral("it contains a broken UTF-16 surrogate"));

    Jid jid;
    QStringView rest = text;
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    bool hasResource = false;
    if (slash >= 0) {
        jid.m_resource = rest.mid(slash + 1).toString();
        rest = rest.left(slash);
        hasResource = true;
    }
    const qsizetype at = rest.indexOf(QLatin1Char('@'));
    if (at >= 0) {
        jid.m_localpart = rest.left(at).toString();
        if (!prepareLocalpart(jid.m_localpart, &why))
            return bad(why);
        rest = rest.mid(at + 1);
    }
    jid.m_domain = rest.toString();
    if (!prepareDomain(jid.m_domain, &why))
        return bad(why);
    if (hasResource && !prepareResource(jid.m_resource, &why))
        return bad(why);
    return jid;
}

Jid Jid::fromString(QStringView text)
{
    return parse(text).value_or(Jid());
}

Jid Jid::bare() const
{
    Jid j = *this;
    j.m_resource.clear();
    return j;
}

Jid Jid::withResource(const QString &resource) const
{
    if (!isValid())
        return {};
    Jid j = bare();
    if (resource.isEmpty())
        return j;
    j.m_resource = resource;
    if (!resource.isValidUtf16() || resource.size() > kMaxInputUnits ||
        !prepareResource(j.m_resource, nullptr))
        return {};
    return j;
}

Jid Jid::domainJid() const
{
    Jid j;
    j.m_domain = m_domain;
    return j;
}

QString Jid::toBareString() const
{
    if (m_localpart.isEmpty())
        return m_domain;
    return m_localpart + QLatin1Char('@') + m_domain;
}

QString Jid::toString() const
{
    if (m_resource.isEmpty())
        return toBareString();
    return toBareString() + QLatin1Char('/') + m_resource;
}

size_t qHash(const Jid &jid, size_t seed)
{
    return qHashMulti(seed, jid.localpart(), jid.domain(), jid.resource());
}

} // namespace fedgate::engine
