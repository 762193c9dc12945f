#include "DnsCheckReport.h"

#include "Paths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>

namespace fedgate::topology {

namespace {

constexpr DnsCheckStatus kAllStatuses[] = {
    DnsCheckStatus::NotChecked,     DnsCheckStatus::Pending,         DnsCheckStatus::Ok,
    DnsCheckStatus::Missing,        DnsCheckStatus::OtherTarget,     DnsCheckStatus::OtherPort,
    DnsCheckStatus::OtherPriority,  DnsCheckStatus::ServiceDisabled, DnsCheckStatus::CnameTarget,
    DnsCheckStatus::PrivateAddress, DnsCheckStatus::Timeout,         DnsCheckStatus::Unreachable,
    DnsCheckStatus::Refused,        DnsCheckStatus::ServerFailure};

// A saved result is read back whole: bound it (a plan has tens of records).
constexpr qint64 kMaxSavedBytes = 4 * 1024 * 1024;

} // namespace

QJsonObject dnsRecordJson(const DnsRecord &r)
{
    QJsonObject o{
        {QStringLiteral("zone"), toString(r.zone)}, {QStringLiteral("name"), r.name},
        {QStringLiteral("type"), toString(r.type)}, {QStringLiteral("value"), r.value},
        {QStringLiteral("edgePool"), r.edgePool},   {QStringLiteral("purpose"), r.purpose},
        {QStringLiteral("zoneLine"), r.zoneLine()}};
    if (r.type == DnsRecordType::SRV) {
        o.insert(QStringLiteral("priority"), r.priority);
        o.insert(QStringLiteral("weight"), r.weight);
        o.insert(QStringLiteral("port"), r.port);
    }
    return o;
}

namespace {

std::optional<DnsRecord> recordFromJson(const QJsonObject &o)
{
    DnsRecord r;
    r.zone = o.value(QStringLiteral("zone")).toString() == QLatin1String("internal")
                 ? DnsZone::Internal
                 : DnsZone::External;
    const QString type = o.value(QStringLiteral("type")).toString();
    bool known = false;
    for (DnsRecordType t :
         {DnsRecordType::A, DnsRecordType::AAAA, DnsRecordType::SRV, DnsRecordType::TLSA})
        if (toString(t) == type) {
            r.type = t;
            known = true;
        }
    if (!known)
        return std::nullopt;
    r.name = o.value(QStringLiteral("name")).toString();
    r.value = o.value(QStringLiteral("value")).toString();
    r.edgePool = o.value(QStringLiteral("edgePool")).toString();
    r.purpose = o.value(QStringLiteral("purpose")).toString();
    r.priority = quint16(o.value(QStringLiteral("priority")).toInt());
    r.weight = quint16(o.value(QStringLiteral("weight")).toInt());
    r.port = quint16(o.value(QStringLiteral("port")).toInt());
    return r;
}

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out << x.toString();
    return out;
}

} // namespace

bool DnsCheckReport::allOk() const
{
    return !cancelled && findings.isEmpty() &&
           std::all_of(results.begin(), results.end(), [](const DnsCheckResult &r) {
               return r.status == DnsCheckStatus::Ok || r.status == DnsCheckStatus::NotChecked;
           });
}

QString toString(DnsCheckStatus status)
{
    switch (status) {
    case DnsCheckStatus::NotChecked:
        return QStringLiteral("not-checked");
    case DnsCheckStatus::Pending:
        return QStringLiteral("pending");
    case DnsCheckStatus::Ok:
        return QStringLiteral("ok");
    case DnsCheckStatus::Missing:
        return QStringLiteral("missing");
    case DnsCheckStatus::OtherTarget:
        return QStringLiteral("other-target");
    case DnsCheckStatus::OtherPort:
        return QStringLiteral("other-port");
    case DnsCheckStatus::OtherPriority:
        return QStringLiteral("other-priority");
    case DnsCheckStatus::ServiceDisabled:
        return QStringLiteral("service-disabled");
    case DnsCheckStatus::CnameTarget:
        return QStringLiteral("cname-target");
    case DnsCheckStatus::PrivateAddress:
        return QStringLiteral("private-address");
    case DnsCheckStatus::Timeout:
        return QStringLiteral("timeout");
    case DnsCheckStatus::Unreachable:
        return QStringLiteral("unreachable");
    case DnsCheckStatus::Refused:
        return QStringLiteral("refused");
    case DnsCheckStatus::ServerFailure:
        return QStringLiteral("servfail");
    }
    return {};
}

std::optional<DnsCheckStatus> dnsCheckStatusFromString(const QString &text)
{
    for (DnsCheckStatus s : kAllStatuses)
        if (toString(s) == text)
            return s;
    return std::nullopt;
}

bool isUnchecked(DnsCheckStatus status)
{
    switch (status) {
    case DnsCheckStatus::NotChecked:
    case DnsCheckStatus::Pending:
    case DnsCheckStatus::Timeout:
    case DnsCheckStatus::Unreachable:
    case DnsCheckStatus::Refused:
    case DnsCheckStatus::ServerFailure:
        return true;
    default:
        return false;
    }
}

QJsonObject toJson(const DnsCheckReport &report)
{
    QJsonArray records;
    for (const DnsCheckResult &r : report.results) {
        QJsonObject o = dnsRecordJson(r.record);
        o.insert(QStringLiteral("index"), r.index);
        o.insert(QStringLiteral("status"), toString(r.status));
        o.insert(QStringLiteral("checked"), !isUnchecked(r.status));
        o.insert(QStringLiteral("found"), QJsonArray::fromStringList(r.found));
        o.insert(QStringLiteral("message"), r.message);
        records.append(o);
    }
    QJsonArray findings;
    for (const DnsFinding &f : report.findings)
        findings.append(
            QJsonObject{{QStringLiteral("rule"), f.rule},
                        {QStringLiteral("name"), f.name},
                        {QStringLiteral("message"), f.message},
                        {QStringLiteral("create"), QJsonArray::fromStringList(f.create)},
                        {QStringLiteral("remove"), QJsonArray::fromStringList(f.remove)}});
    QJsonArray dnssec;
    for (const DnsZoneSecurity &z : report.dnssec)
        dnssec.append(QJsonObject{{QStringLiteral("zone"), z.zone},
                                  {QStringLiteral("status"), z.status},
                                  {QStringLiteral("reason"), z.reason}});
    return QJsonObject{{QStringLiteral("server"), report.server},
                       {QStringLiteral("timeoutMs"), report.timeoutMs},
                       {QStringLiteral("lookups"), report.lookups},
                       {QStringLiteral("elapsedMs"), report.elapsedMs},
                       {QStringLiteral("cancelled"), report.cancelled},
                       {QStringLiteral("ok"), report.allOk()},
                       {QStringLiteral("checkedAt"), report.checkedAt},
                       {QStringLiteral("source"), report.source},
                       {QStringLiteral("trustAnchor"), report.trustAnchor},
                       {QStringLiteral("dnssec"), dnssec},
                       {QStringLiteral("records"), records},
                       {QStringLiteral("findings"), findings}};
}

std::optional<DnsCheckReport> dnsCheckReportFromJson(const QJsonObject &json)
{
    DnsCheckReport report;
    report.server = json.value(QStringLiteral("server")).toString();
    report.timeoutMs = json.value(QStringLiteral("timeoutMs")).toInt();
    report.lookups = json.value(QStringLiteral("lookups")).toInt();
    report.elapsedMs = qint64(json.value(QStringLiteral("elapsedMs")).toDouble());
    report.cancelled = json.value(QStringLiteral("cancelled")).toBool();
    report.checkedAt = json.value(QStringLiteral("checkedAt")).toString();
    report.source = json.value(QStringLiteral("source")).toString();
    report.trustAnchor = json.value(QStringLiteral("trustAnchor")).toString();
    for (const QJsonValue &v : json.value(QStringLiteral("records")).toArray()) {
        const QJsonObject o = v.toObject();
        const std::optional<DnsRecord> record = recordFromJson(o);
        const std::optional<DnsCheckStatus> status =
            dnsCheckStatusFromString(o.value(QStringLiteral("status")).toString());
        if (!record || !status)
            return std::nullopt;
        DnsCheckResult r;
        r.index = o.value(QStringLiteral("index")).toInt(-1);
        r.record = *record;
        r.status = *status;
        r.found = strings(o.value(QStringLiteral("found")));
        r.message = o.value(QStringLiteral("message")).toString();
        report.results << r;
    }
    for (const QJsonValue &v : json.value(QStringLiteral("findings")).toArray()) {
        const QJsonObject o = v.toObject();
        report.findings << DnsFinding{
            o.value(QStringLiteral("rule")).toString(), o.value(QStringLiteral("name")).toString(),
            o.value(QStringLiteral("message")).toString(),
            strings(o.value(QStringLiteral("create"))), strings(o.value(QStringLiteral("remove")))};
    }
    for (const QJsonValue &v : json.value(QStringLiteral("dnssec")).toArray()) {
        const QJsonObject o = v.toObject();
        report.dnssec << DnsZoneSecurity{o.value(QStringLiteral("zone")).toString(),
                                         o.value(QStringLiteral("status")).toString(),
                                         o.value(QStringLiteral("reason")).toString()};
    }
    return report;
}

static QString lastCheckPath(const QString &path)
{
    return path.isEmpty() ? dataPath(QStringLiteral("dns-check.json")) : path;
}

bool saveLastDnsCheck(const DnsCheckReport &report, QString *error, const QString &path)
{
    const QString where = lastCheckPath(path);
    QDir().mkpath(QFileInfo(where).absolutePath());
    QSaveFile file(where);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(toJson(report)).toJson(QJsonDocument::Indented)) < 0 ||
        !file.commit()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(where, file.errorString());
        return false;
    }
    return true;
}

std::optional<DnsCheckReport> loadLastDnsCheck(const QString &path)
{
    QFile file(lastCheckPath(path));
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxSavedBytes)
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(kMaxSavedBytes));
    if (!doc.isObject())
        return std::nullopt;
    return dnsCheckReportFromJson(doc.object());
}

} // namespace fedgate::topology
