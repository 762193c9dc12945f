#pragma once

#include "topology/Result.h"

#include <QObject>
#include <QString>

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
    ControlServer(Engine *engine, QObject *parent = nullptr);
    ~ControlServer() override;

    Status listen(const QString &path);
    QString path() const { return m_path; }
    void close();

private:
    void onConnection();
    void handleLine(QLocalSocket *socket, const QByteArray &line);

    Engine *m_engine;
    QLocalServer *m_server;
    QString m_path;
};

} // namespace fedgate::engine
