#pragma once

#include "topology/Topology.h"

// A topology for DNS tests: one XMPP domain, one site routing XMPP
// federation to one edge pool whose single member is xmpp.<domain>
// (192.0.2.10 outside, 10.0.0.10 inside). Header-only: the test links
// fedgate_topology itself.
namespace fedgate::test {

inline topology::Topology singleEdgeTopology(const QString &domain)
{
    topology::Topology t;
    t.organisation.name = QStringLiteral("Dns test");
    t.organisation.defaultSipDomain = domain;
    t.organisation.xmppDomains = {domain};
    topology::Site site;
    site.name = QStringLiteral("Paris");
    topology::EdgePool pool;
    pool.fqdn = QStringLiteral("edge.") + domain;
    pool.externalFqdn = QStringLiteral("xmpp.") + domain;
    pool.xmppFederation = true;
    topology::EdgeServer m;
    m.internalFqdn = QStringLiteral("edge1.") + domain;
    m.internalIPv4 = QStringLiteral("10.0.0.10");
    m.externalFqdn = pool.externalFqdn;
    m.externalIPv4 = QStringLiteral("192.0.2.10");
    pool.members = {m};
    site.edgePools = {pool};
    site.xmppFederationRoute = pool.fqdn;
    t.sites = {site};
    return t;
}

} // namespace fedgate::test
