#pragma once

#include "topology/Topology.h"

#include <QString>

// What the suites that run fedgated processes share (tst_linkroles,
// tst_linkprosody).
namespace fedgate::test {

// Publishes `topology` into the central store of `dataDir`, exports it and
// imports the export into that directory's local replica, as an
// administrator does with fedgatectl. False (with a warning naming the
// failing step) when a step fails.
bool installTopology(const topology::Topology &topology, const QString &dataDir);

QString readTextFile(const QString &path);

} // namespace fedgate::test
