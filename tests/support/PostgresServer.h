#pragma once

#include "PeerProcess.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

// A throw-away PostgreSQL 15 server for one test class: initdb into a
// temporary directory, listening on 127.0.0.1 at a free port, password
// authentication over TCP (so a wrong password is refused as in
// production), stopped and deleted at the end. PostgreSQL refuses to run as
// root, so every server command runs as Debian's `postgres` user.
namespace fedgate::test {

class PostgresServer
{
public:
    PostgresServer() = default;
    ~PostgresServer();
    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    // Returns false with `error` saying what failed (and the server's log).
    bool start(QString *error);
    void stop();

    // CREATE DATABASE over the local socket.
    bool createDatabase(const QString &name, QString *error = nullptr);

    // postgresql://fedgate:<password>@127.0.0.1:<port>/<database>
    QString url(const QString &database) const;
    QString urlWithPassword(const QString &database, const QString &password) const;
    QString user() const { return QStringLiteral("fedgate"); }
    QString password() const { return m_password; }
    quint16 port() const { return m_port; }

    static QString binDir(); // /usr/lib/postgresql/15/bin

private:
    bool runAsPostgres(const QString &tool, const QStringList &args, QString *output);

    std::unique_ptr<QTemporaryDir> m_dir;
    PeerProcess m_server;
    QString m_password;
    quint16 m_port = 0;
    bool m_running = false;
};

} // namespace fedgate::test
