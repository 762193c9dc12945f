#include "ControlServer.h"

#include "ControlRequest.h"

#include "engine/Engine.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>

#include <sys/stat.h>

namespace fedgate::engine {

namespace {
constexpr qint64 kMaxRequestLine = 64 * 1024;

void writeJson(QLocalSocket *socket, const QJsonObject &object)
{
    socket->write(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n');
}
} // namespace

ControlServer::ControlServer(Engine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_server(new QLocalServer(this))
{
    connect(m_server, &QLocalServer::newConnection, this, &ControlServer::onConnection);
}

ControlServer::~ControlServer()
{
    close();
}

Status ControlServer::listen(const QString &path)
{
    m_path = path;
    // A socket file left by a crashed fedgated: refuse only when something
    // still answers on it.
    if (QFile::exists(path)) {
        QLocalSocket probe;
        probe.connectToServer(path);
        if (probe.waitForConnected(500))
            return Error{QStringLiteral("Another fedgated already answers on %1. Stop it first "
                                        "(fedgatectl service stop) or use --control PATH.")
                             .arg(path),
                         path, 0, 0};
        QLocalServer::removeServer(path);
    }
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    const mode_t old = ::umask(0177); // no window where the socket is group-readable
    const bool ok = m_server->listen(path);
    ::umask(old);
    if (!ok)
        return Error{QStringLiteral("Cannot create the control socket %1: %2.")
                         .arg(path, m_server->errorString()),
                     path, 0, 0};
    ::chmod(QFile::encodeName(path).constData(), 0600);
    return Status::success();
}

void ControlServer::close()
{
    if (m_server->isListening()) {
        m_server->close();
        QLocalServer::removeServer(m_path);
    }
}

void ControlServer::addSessionSource(std::function<QList<SessionInfo>()> source)
{
    m_sessionSources << std::move(source);
}

QList<SessionInfo> ControlServer::sessions() const
{
    QList<SessionInfo> rows = m_engine ? m_engine->sessions() : QList<SessionInfo>();
    for (const auto &source : m_sessionSources)
        rows += source();
    return rows;
}

void ControlServer::onConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            while (socket->canReadLine())
                handleLine(socket, socket->readLine().trimmed());
            if (socket->bytesAvailable() > kMaxRequestLine)
                socket->disconnectFromServer();
        });
    }
}

QJsonObject ControlServer::statusFields() const
{
    QStringList roles = m_roles;
    if (roles.isEmpty())
        roles = m_role == QLatin1String("all")
                    ? QStringList{QStringLiteral("edge"), QStringLiteral("gateway")}
                    : QStringList{m_role};
    QJsonObject fields{{QStringLiteral("done"), true},
                       {QStringLiteral("pid"), QCoreApplication::applicationPid()},
                       {QStringLiteral("role"), m_role},
                       {QStringLiteral("roles"), QJsonArray::fromStringList(roles)},
                       {QStringLiteral("topologyVersion"), m_topologyVersion},
                       {QStringLiteral("sessions"), int(sessions().size())}};
    if (!m_version.isEmpty())
        fields.insert(QStringLiteral("version"), m_version);
    if (!m_allocator.isEmpty())
        fields.insert(QStringLiteral("allocator"), m_allocator);
    return fields;
}

void ControlServer::handleLine(QLocalSocket *socket, const QByteArray &line)
{
    if (line.isEmpty())
        return;
    const Result<ControlRequest> parsed = ControlRequest::parse(line);
    if (!parsed) {
        writeJson(socket, {{QStringLiteral("done"), true},
                           {QStringLiteral("ok"), false},
                           {QStringLiteral("error"), parsed.error().message}});
        return;
    }
    const ControlRequest &request = parsed.value();
    if (!m_engine && request.command != ControlRequest::Command::Sessions) {
        QJsonObject answer = statusFields();
        answer.insert(QStringLiteral("ok"), request.command == ControlRequest::Command::Status);
        answer.insert(QStringLiteral("error"),
                      request.command == ControlRequest::Command::Status
                          ? QString()
                          : QStringLiteral("This fedgated runs the %1 role only; ping from the "
                                           "edge's control socket.")
                                .arg(m_role));
        writeJson(socket, answer);
        return;
    }
    switch (request.command) {
    case ControlRequest::Command::Status: {
        QJsonArray domains;
        for (const QString &d : m_engine->policy().localDomains())
            domains << d;
        QJsonObject answer = statusFields();
        answer.insert(QStringLiteral("ok"), true);
        answer.insert(QStringLiteral("listen"), QStringLiteral("%1:%2")
                                                    .arg(m_engine->listenAddress().toString())
                                                    .arg(m_engine->listenPort()));
        answer.insert(QStringLiteral("domains"), domains);
        answer.insert(QStringLiteral("partners"),
                      int(m_engine->policy().topology().partners.size()));
        writeJson(socket, answer);
        return;
    }
    case ControlRequest::Command::Sessions: {
        QJsonArray rows;
        for (const SessionInfo &s : sessions())
            rows << s.toJson();
        writeJson(socket, {{QStringLiteral("done"), true},
                           {QStringLiteral("ok"), true},
                           {QStringLiteral("sessions"), rows}});
        return;
    }
    case ControlRequest::Command::Ping: {
        QPointer<QLocalSocket> target(socket);
        m_engine->ping(
            request.domain,
            [target](const QString &step, const QString &detail) {
                if (target)
                    writeJson(target,
                              {{QStringLiteral("step"), step}, {QStringLiteral("detail"), detail}});
            },
            [target](bool ok, const QString &detail, qint64 rtt) {
                if (target)
                    writeJson(target, {{QStringLiteral("done"), true},
                                       {QStringLiteral("ok"), ok},
                                       {QStringLiteral("detail"), detail},
                                       {QStringLiteral("rttMs"), rtt}});
            },
            request.timeoutMs);
        return;
    }
    }
}

} // namespace fedgate::engine
