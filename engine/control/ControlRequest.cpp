#include "ControlRequest.h"

#include "engine/xml/PeerText.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace fedgate::engine {

namespace {
Error requestError(const QString &message)
{
    return Error{message, QStringLiteral("control request"), 0, 0};
}

} // namespace

Result<ControlRequest> ControlRequest::parse(const QByteArray &line)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    const QJsonValue commandValue = doc.object().value(QStringLiteral("command"));
    const QString command = commandValue.toString();
    if (!doc.isObject() || command.isEmpty())
        return requestError(QStringLiteral("expected a JSON object with a \"command\""));
    ControlRequest request;
    if (command == QLatin1String("status")) {
        request.command = Command::Status;
        return request;
    }
    if (command == QLatin1String("sessions")) {
        request.command = Command::Sessions;
        return request;
    }
    if (command == QLatin1String("ping")) {
        const QJsonObject object = doc.object();
        request.command = Command::Ping;
        request.domain = object.value(QStringLiteral("domain")).toString().toLower();
        if (request.domain.isEmpty() || request.domain.size() > kMaxDomainLength)
            return requestError(QStringLiteral("ping needs a \"domain\": the partner's XMPP "
                                               "domain, at most %1 characters")
                                    .arg(kMaxDomainLength));
        request.timeoutMs =
            std::clamp(object.value(QStringLiteral("timeoutMs")).toInt(kDefaultPingTimeoutMs),
                       kMinPingTimeoutMs, kMaxPingTimeoutMs);
        return request;
    }
    return requestError(QStringLiteral("unknown command '%1' (status, sessions, ping)")
                            .arg(boundedPeerText(command, ControlRequest::kMaxQuoted)));
}

} // namespace fedgate::engine
