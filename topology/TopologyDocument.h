#pragma once

#include "Result.h"
#include "Topology.h"

#include <QByteArray>
#include <QString>

// The topology as a JSON document people can read and diff: two-space
// indentation, keys in a fixed order, one object per site/pool/partner.
// Top level: {"schema": "fedgate-topology", "schemaVersion": N, ...}.
// Reading is strict: unknown keys, wrong types, a newer schema version,
// invalid UTF-8 and oversize files are errors that name the file and the
// position. Older schema versions are migrated on read.
namespace fedgate::topology {

class TopologyDocument
{
public:
    static constexpr qint64 kMaxFileSize = 8 * 1024 * 1024;

    // `publishedVersion` > 0 is written as "publishedVersion" (an exported
    // published topology); 0 leaves it out (a draft).
    static QByteArray toJson(const Topology &topology, int publishedVersion = 0);
    static Result<Topology> fromJson(const QByteArray &json,
                                     const QString &sourceName = QStringLiteral("<input>"),
                                     int *publishedVersion = nullptr);

    static Result<Topology> readFile(const QString &path, int *publishedVersion = nullptr);
    // Writes atomically (temporary file + rename): a crash never leaves a
    // half-written file at `path`.
    static Status writeFile(const Topology &topology, const QString &path,
                            int publishedVersion = 0);
};

} // namespace fedgate::topology
