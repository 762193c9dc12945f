#include "DnsCheckReport.h"

#include <algorithm>

namespace fedgate::topology {

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
    case DnsCheckStatus::NoAnswer:
        return QStringLiteral("no-answer");
    case DnsCheckStatus::LookupError:
        return QStringLiteral("lookup-error");
    }
    return {};
}

} // namespace fedgate::topology
