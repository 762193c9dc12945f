#pragma once

#include <QString>
#include <QStringView>

// Peer-supplied names and values (element names, attribute values, domains)
// end up in stream error texts and log lines. A hostile peer can make them
// megabytes long, so every such text is cut before it is echoed or logged.
namespace fedgate::engine {

// At most `max` characters of `text`, followed by "…" when it was cut. Cuts
// never split a surrogate pair; line breaks and other control characters are
// shown as '?' so that a peer cannot forge log lines.
QString boundedPeerText(QStringView text, int max = 64);

} // namespace fedgate::engine
