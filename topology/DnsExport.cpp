#include "DnsExport.h"

#include <QStringList>

namespace fedgate::topology {

namespace {

QString csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) &&
        !value.contains(QLatin1Char('\n')) && !value.contains(QLatin1Char('\r')))
        return value;
    QString escaped = value;
    escaped.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

// Comments must stay on one line in a zone file.
QString commentText(const QString &text)
{
    QString line = text;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    line.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return line;
}

} // namespace

QString DnsExport::zoneSnippet(const DnsRecordPlan &plan, DnsZone zone, int ttl)
{
    QString text;
    text += zone == DnsZone::External
                ? QStringLiteral("; Fedgate: external DNS records for XMPP federation. Publish "
                                 "them in the\n; Internet-facing zone. Absolute names; TTL %1.\n")
                      .arg(ttl)
                : QStringLiteral("; Fedgate: internal DNS records (edge servers and pools). "
                                 "Publish them only\n; on the internal resolver. Absolute names; "
                                 "TTL %1.\n")
                      .arg(ttl);
    for (const QString &note : plan.notes())
        text += QStringLiteral("; Note: %1\n").arg(commentText(note));
    const QList<DnsRecord> records = plan.records(zone);
    if (records.isEmpty())
        text += QStringLiteral("; (no record planned for this zone)\n");
    for (const DnsRecord &r : records)
        text += QStringLiteral("\n; %1\n%2\n").arg(commentText(r.purpose), r.zoneLine(ttl));
    return text;
}

QString DnsExport::csv(const DnsRecordPlan &plan)
{
    QString text = QStringLiteral("zone,name,type,priority,weight,port,target,purpose\r\n");
    for (const DnsRecord &r : plan.records()) {
        const bool srv = r.type == DnsRecordType::SRV;
        const QStringList fields{toString(r.zone),
                                 r.name,
                                 toString(r.type),
                                 srv ? QString::number(r.priority) : QString(),
                                 srv ? QString::number(r.weight) : QString(),
                                 srv ? QString::number(r.port) : QString(),
                                 srv && r.value.isEmpty() ? QStringLiteral(".") : r.value,
                                 r.purpose};
        QStringList escaped;
        for (const QString &f : fields)
            escaped << csvField(f);
        text += escaped.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return text;
}

} // namespace fedgate::topology
