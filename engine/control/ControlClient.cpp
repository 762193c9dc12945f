#include "ControlClient.h"

#include "topology/Paths.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QLocalSocket>

namespace fedgate::engine {

QString ControlClient::defaultPath()
{
    return fedgate::dataPath(QStringLiteral("fedgated.sock"));
}

Result<QJsonObject> ControlClient::request(const QString &path, const QJsonObject &request,
                                           int timeoutMs,
                                           const std::function<void(const QJsonObject &)> &onLine)
{
    QLocalSocket socket;
    socket.connectToServer(path);
    if (!socket.waitForConnected(std::min(timeoutMs, 3000)))
        return Error{QStringLiteral("fedgated is not running or does not answer on %1 (%2). Start "
                                    "it (fedgated, or the fedgate service) or give its control "
                                    "socket with --control PATH.")
                         .arg(path, socket.errorString()),
                     path, 0, 0};
    socket.write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
    socket.flush();
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        while (socket.canReadLine()) {
            const QJsonObject line = QJsonDocument::fromJson(socket.readLine()).object();
            if (line.value(QStringLiteral("done")).toBool())
                return line;
            if (onLine)
                onLine(line);
        }
        if (socket.state() != QLocalSocket::ConnectedState)
            break;
        socket.waitForReadyRead(int(std::clamp<qint64>(deadline.remainingTime(), 1, 200)));
    }
    return Error{
        QStringLiteral("fedgated did not finish answering within %1 s.").arg(timeoutMs / 1000),
        path, 0, 0};
}

} // namespace fedgate::engine
