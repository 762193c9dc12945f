#pragma once

#include "DnsRecordPlan.h"

#include <QString>

// The record plan in the two forms a DNS team takes: a BIND zone-file snippet
// (absolute names with the trailing dot, so it pastes into any zone; explicit
// TTL on every record; each record under a comment with its purpose) and a
// CSV checklist (one row per record, both zones).
namespace fedgate::topology {

class DnsExport
{
public:
    static QString zoneSnippet(const DnsRecordPlan &plan, DnsZone zone = DnsZone::External,
                               int ttl = DnsRecord::kDefaultTtl);
    // Header: zone,name,type,priority,weight,port,target,purpose (RFC 4180
    // quoting, CRLF line ends).
    static QString csv(const DnsRecordPlan &plan);
};

} // namespace fedgate::topology
