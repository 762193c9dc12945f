#pragma once

#include "engine/s2s/SessionInfo.h"
#include "topology/Result.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>

class QLocalServer;
class QLocalSocket;

// The local control channel of fedgated: a Unix socket only its owner may
// use (mode 0600), one JSON object per line each way. Requests:
//   {"command":"status"}
//   {"command":"sessions"}
//   {"command":"ping","domain":"partner.example","timeoutMs":20000}
// (ControlRequest parses and checks each line). Answers end with a line
// holding "done": true; ping sends {"step":..., "detail":...} lines before it.
namespace fedgate::engine {

class Engine;

class ControlServer : public QObject
{
    Q_OBJECT
public:
    // `engine` is null in a process without the edge role (fedgated --role
    // gateway): status then shows the role and sessions, ping says it needs
    // the edge.
    ControlServer(Engine *engine, QObject *parent = nullptr);
    ~ControlServer() override;

    // More rows for the session table (the internal link, client sessions),
    // asked on the control channel's thread at each request.
    void addSessionSource(std::function<QList<SessionInfo>()> source);
    void setRole(const QString &role) { m_role = role; }
    // What "status" reports besides the engine's own figures: the build's
    // version and the published topology version in use (0 = a file
    // without one); fedgated sets the latter again after each reload.
    void setVersion(const QString &version) { m_version = version; }
    // The process's malloc ("mimalloc 2.0.9"; engine/tls/HeapTrim).
    void setAllocator(const QString &allocator) { m_allocator = allocator; }
    void setTopologyVersion(int version) { m_topologyVersion = version; }
    // The halves really running ("edge", "gateway"); empty = from the role.
    void setRoles(const QStringList &roles) { m_roles = roles; }

    Status listen(const QString &path);
    QString path() const { return m_path; }
    void close();

private:
    void onConnection();
    void handleLine(QLocalSocket *socket, const QByteArray &line);

    QList<SessionInfo> sessions() const;
    // The "status" fields every role answers: pid, role(s), versions, sessions.
    QJsonObject statusFields() const;

    Engine *m_engine;
    QList<std::function<QList<SessionInfo>()>> m_sessionSources;
    QString m_role = QStringLiteral("edge");
    QString m_version;
    QString m_allocator;
    int m_topologyVersion = 0;
    QStringList m_roles;
    QLocalServer *m_server;
    QString m_path;
};

} // namespace fedgate::engine
