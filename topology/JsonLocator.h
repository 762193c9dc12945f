#pragma once

#include <QByteArray>
#include <QStringList>

// Turns a place in a JSON text into a line and column for error messages:
// either a byte offset, or a path of object keys and array indexes
// ("sites", "1", "edgePools", "0", "fqdn"). Qt's JSON parser keeps no
// positions, so this scans the (already parsed, hence valid) text again.
namespace fedgate::topology {

class JsonLocator
{
public:
    struct Position
    {
        int line = 0; // 1-based; 0 when unknown
        int column = 0;
    };

    static Position positionOfOffset(const QByteArray &text, qsizetype offset);
    // Position of the key (for an object member) or the value (for an array
    // element) at `path`; the deepest part of the path that exists if the
    // whole does not.
    static Position locate(const QByteArray &text, const QStringList &path);
};

} // namespace fedgate::topology
