#pragma once

#include "topology/Topology.h"
#include "topology/TopologyDiff.h"
#include "topology/Validation.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

// How the topology verbs (TopologyCommands.cpp) print a topology, its
// validation findings and a diff, for people and as JSON.
namespace fedgate::cli {

// The version as JSON, null for 0 (none).
QJsonValue versionOrNull(int version);
// The topology's JSON document with the dialback secret hidden (it is a
// key: shown as present or not, never printed).
QJsonObject topologyJson(const topology::Topology &topology);
QJsonArray findingsJson(const QList<topology::Finding> &findings);
int countOf(const QList<topology::Finding> &findings, topology::Severity severity);
// "Validation: N error(s), M warning(s):" and one line per finding, naming
// its object in words (topology::describeFinding), never by path.
QString findingsText(const QList<topology::Finding> &findings, const topology::Topology &topology);
// One indented line per change, in words (topology::describeChanges).
QString changesText(const QList<topology::Change> &changes, const topology::Topology &from,
                    const topology::Topology &to);
// "N change(s)" and the first change in words: a summary line for people.
QString changesSummary(const QList<topology::Change> &changes, const topology::Topology &from,
                       const topology::Topology &to);
QJsonArray changesJson(const QList<topology::Change> &changes);
// Every non-empty line of `text` indented by `spaces`.
QString indent(const QString &text, int spaces);
// The readable form of `topology show` and `replica show`.
QString topologyText(const topology::Topology &t);

} // namespace fedgate::cli
