#pragma once

#include "Topology.h"

#include <QList>
#include <QString>

// Removing an object from a topology and everything that goes with it: a
// site takes its pools and servers (and its site policy), an edge pool its
// servers; references to the removed objects (a site's XMPP federation
// route, an edge pool's next hop, a user's home site or granted policy) are
// cleared. The wizard asks with this list before removing, and fedgatectl
// prints the same list.
namespace fedgate::topology {

struct RemovalEffect
{
    enum class Kind
    {
        Removed, // goes away with the object
        Cleared  // a reference to it is emptied
    };
    Kind kind = Kind::Removed;
    QString path;        // object path, stable (for --json)
    QString description; // in words (ObjectNames)
    bool operator==(const RemovalEffect &) const = default;
};

struct Removal
{
    bool found = false;  // the path names an object that can be removed
    QString description; // the object itself, in words
    QList<RemovalEffect> effects;
    Topology result; // the topology without it

    // Does removing it take or change anything else (so ask first)?
    bool hasConsequences() const { return !effects.isEmpty(); }
};

// `path` as validate() writes object paths: "sites/Paris",
// "sites/Paris/frontEndPools/<fqdn>", "sites/Paris/edgePools/<fqdn>",
// "sites/Paris/edgePools/<fqdn>/members/<index>", "partners/<domain>",
// "policies/<identity>" (never the global one), "users/<address>".
Removal planRemoval(const Topology &topology, const QString &path);
// "site Paris, with front-end pool …; the XMPP federation route of site … is
// cleared" style lines, one per effect, for people.
QStringList describeEffects(const Removal &removal);

} // namespace fedgate::topology
