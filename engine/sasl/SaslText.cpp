#include "SaslText.h"

#include <QStringDecoder>

namespace fedgate::engine::sasl {

std::optional<QString> decodeUtf8(const QByteArray &bytes)
{
    if (bytes.size() > Jid::kMaxPartBytes || bytes.contains('\0'))
        return std::nullopt;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

std::optional<QString> unescapeSaslname(const QByteArray &saslname)
{
    QByteArray raw;
    raw.reserve(saslname.size());
    for (qsizetype i = 0; i < saslname.size(); ++i) {
        const char c = saslname.at(i);
        if (c == ',')
            return std::nullopt;
        if (c != '=') {
            raw += c;
            continue;
        }
        const QByteArray escape = saslname.mid(i + 1, 2);
        if (escape == "2C")
            raw += ',';
        else if (escape == "3D")
            raw += '=';
        else
            return std::nullopt;
        i += 2;
    }
    return decodeUtf8(raw);
}

Jid userJid(const QString &username, const QString &domain)
{
    if (username.isEmpty() || username.contains(QLatin1Char('@')) ||
        username.contains(QLatin1Char('/')))
        return {};
    const Jid jid = Jid::fromString(QString(username + QLatin1Char('@') + domain));
    if (!jid.isBare() || jid.localpart().isEmpty() ||
        jid.domain() != Jid::fromString(domain).domain())
        return {};
    return jid;
}

} // namespace fedgate::engine::sasl
