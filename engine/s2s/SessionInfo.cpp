#include "SessionInfo.h"

namespace fedgate::engine {

QString toString(SessionDirection direction)
{
    return direction == SessionDirection::Inbound ? QStringLiteral("in") : QStringLiteral("out");
}

QString toString(AuthStatus auth)
{
    switch (auth) {
    case AuthStatus::None:
        return QStringLiteral("none");
    case AuthStatus::SaslExternal:
        return QStringLiteral("SASL EXTERNAL");
    case AuthStatus::Dialback:
        return QStringLiteral("dialback");
    case AuthStatus::MutualTls:
        return QStringLiteral("mutual TLS");
    }
    return QStringLiteral("none");
}

QJsonObject SessionInfo::toJson() const
{
    QJsonObject row{
        {QStringLiteral("id"), id},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("direction"), toString(direction)},
        {QStringLiteral("localDomain"), localDomain},
        {QStringLiteral("remoteDomain"), remoteDomain},
        {QStringLiteral("remoteAddress"), remoteAddress},
        {QStringLiteral("tlsVersion"), tlsVersion},
        {QStringLiteral("tlsCipher"), tlsCipher},
        {QStringLiteral("auth"), toString(auth)},
        {QStringLiteral("certificate"), toString(certificate)},
        {QStringLiteral("created"), created.toString(Qt::ISODate)},
        {QStringLiteral("lastActivity"), lastActivity.toString(Qt::ISODate)},
        {QStringLiteral("stanzasIn"), stanzasIn},
        {QStringLiteral("stanzasOut"), stanzasOut},
        {QStringLiteral("state"), state},
        {QStringLiteral("user"), user},
        {QStringLiteral("resource"), resource},
    };
    if (loop >= 0)
        row.insert(QStringLiteral("loop"), loop);
    return row;
}

} // namespace fedgate::engine
