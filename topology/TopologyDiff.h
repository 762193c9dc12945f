#pragma once

#include "Topology.h"

#include <QList>
#include <QString>

// Differences between two topologies, computed on their JSON documents so that
// every field is covered: each change names the object path and the old and
// new values as compact JSON ("" when absent).
namespace fedgate::topology {

struct Change
{
    enum class Kind
    {
        Added,
        Removed,
        Modified
    };
    Kind kind = Kind::Modified;
    QString path; // e.g. "partners/fabrikam.test/tls"
    QString oldValue;
    QString newValue;
    bool operator==(const Change &) const = default;
};

QList<Change> diff(const Topology &from, const Topology &to);
// One line per change: "+ path = value", "- path = value", "~ path: old -> new".
QString formatDiff(const QList<Change> &changes);
// One line for a version's record: "no changes", or the count and the first
// `maxPaths` paths with their +/-/~ mark ("2 changes: ~ partners/x/tls, + users/bob@x").
QString summarizeDiff(const QList<Change> &changes, int maxPaths = 3);
QString toString(Change::Kind kind); // "added", "removed", "modified"

} // namespace fedgate::topology
