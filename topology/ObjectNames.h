#pragma once

#include "Topology.h"
#include "TopologyDiff.h"

#include <QList>
#include <QString>

// Topology objects, findings and changes in the words an administrator uses
// ("edge server edge1.contoso.test of edge pool edge.contoso.test in site
// Paris"), never the internal object paths ("sites/Paris/edgePools/…/members/0")
// that findings and changes carry as stable identifiers for scripts. The
// wizard and fedgatectl's human output both call these; --json keeps paths.
// Translated in the "ObjectNames" context.
namespace fedgate::topology {

// The object a path names, in words. The path may go deeper than an object
// (a field or a list element); the object that holds it is described. Edge
// servers given by position are named by their internal FQDN from
// `topology` when it has them.
QString describeObject(const Topology &topology, const QString &path);
// A field key of the topology document in words ("externalIPv4" ->
// "external IPv4 address").
QString describeField(const QString &key);
// "Required", "Optional", "Not supported".
QString negotiationLabel(Negotiation value);
// "Federated", "Public, verified", "Public, unverified".
QString partnerTypeLabel(PartnerType type);
// A finding as one line: "<object>: <message>".
QString describeFinding(const Topology &topology, const QString &path, const QString &message);
// One change in words, for example "Changed the TLS of partner fabrikam.test
// from Required to Optional." Objects are looked up in `to`, then in `from`.
QString describeChange(const Change &change, const Topology &from, const Topology &to);
// One line per change.
QStringList describeChanges(const QList<Change> &changes, const Topology &from, const Topology &to);

} // namespace fedgate::topology
