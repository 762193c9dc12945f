#include "DnsRecord.h"

#include <QUrl>

namespace fedgate::topology {

QString DnsRecord::zoneLine(int ttl) const
{
    return QStringLiteral("%1 %2 IN %3").arg(absoluteDnsName(name)).arg(ttl).arg(typeAndData());
}

QString DnsRecord::typeAndData() const
{
    if (type == DnsRecordType::SRV)
        return QStringLiteral("SRV %1 %2 %3 %4")
            .arg(priority)
            .arg(weight)
            .arg(port)
            .arg(absoluteDnsName(value));
    return toString(type) + QLatin1Char(' ') + value;
}

QString toString(DnsZone zone)
{
    return zone == DnsZone::External ? QStringLiteral("external") : QStringLiteral("internal");
}

QString toString(DnsRecordType type)
{
    switch (type) {
    case DnsRecordType::A:
        return QStringLiteral("A");
    case DnsRecordType::AAAA:
        return QStringLiteral("AAAA");
    case DnsRecordType::SRV:
        return QStringLiteral("SRV");
    case DnsRecordType::TLSA:
        return QStringLiteral("TLSA");
    }
    return {};
}

QString normalisedDnsName(const QString &name)
{
    QString trimmed = name.trimmed();
    while (trimmed.endsWith(QLatin1Char('.')))
        trimmed.chop(1);
    // Compare and publish the ASCII form: resolvers answer with it, and a
    // zone file must carry it for an IDN.
    const QByteArray ace = QUrl::toAce(trimmed);
    const QString ascii = ace.isEmpty() ? trimmed : QString::fromLatin1(ace);
    return ascii.toLower();
}

QString absoluteDnsName(const QString &name)
{
    return name.isEmpty() ? QStringLiteral(".") : name + QLatin1Char('.');
}

} // namespace fedgate::topology
