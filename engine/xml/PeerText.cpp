#include "PeerText.h"

namespace fedgate::engine {

QString boundedPeerText(QStringView text, int max)
{
    qsizetype cut = text.size();
    if (cut > max) {
        cut = qMax(0, max);
        if (cut > 0 && text.at(cut - 1).isHighSurrogate())
            --cut;
    }
    QString result = text.left(cut).toString();
    for (QChar &c : result)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = QLatin1Char('?');
    if (cut < text.size())
        result += QChar(0x2026); // …
    return result;
}

} // namespace fedgate::engine
