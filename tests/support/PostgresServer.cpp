#include "PostgresServer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

namespace fedgate::test {

namespace {
const QString kServiceUser = QStringLiteral("postgres");
} // namespace

QString PostgresServer::binDir()
{
    return QStringLiteral("/usr/lib/postgresql/15/bin");
}

PostgresServer::~PostgresServer()
{
    stop();
}

bool PostgresServer::runAsPostgres(const QString &tool, const QStringList &args, QString *output)
{
    return runCommand(binDir() + QLatin1Char('/') + tool, args, output, kServiceUser, 60000) == 0;
}

bool PostgresServer::start(QString *error)
{
    stop();
    if (!QFileInfo(binDir() + QStringLiteral("/initdb")).isExecutable()) {
        *error = QStringLiteral("PostgreSQL 15 is not installed (%1/initdb missing); run "
                                "scripts/install-deps.sh.")
                     .arg(binDir());
        return false;
    }
    m_dir =
        std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/fedgate-pg-XXXXXX"));
    if (!m_dir->isValid()) {
        *error =
            QStringLiteral("cannot create a temporary directory: %1").arg(m_dir->errorString());
        return false;
    }
    const QString root = m_dir->path();
    const QString data = root + QStringLiteral("/data");
    const QString pwfile = root + QStringLiteral("/pwfile");

    m_password = QString::number(QRandomGenerator::global()->generate64(), 36);
    {
        QFile f(pwfile);
        if (!f.open(QIODevice::WriteOnly) || f.write(m_password.toUtf8() + '\n') < 0) {
            *error = QStringLiteral("cannot write %1").arg(pwfile);
            return false;
        }
    }
    if (!chownRecursive(root, kServiceUser)) {
        *error = QStringLiteral("cannot give %1 to the postgres user").arg(root);
        return false;
    }

    QString output;
    // Local socket: trust (the test creates databases through it); TCP:
    // passwords, like a real deployment.
    if (!runAsPostgres(QStringLiteral("initdb"),
                       {QStringLiteral("-D"), data, QStringLiteral("-U"), user(),
                        QStringLiteral("--pwfile=") + pwfile, QStringLiteral("--auth-local=trust"),
                        QStringLiteral("--auth-host=scram-sha-256"), QStringLiteral("-E"),
                        QStringLiteral("UTF8"), QStringLiteral("--no-sync")},
                       &output)) {
        *error = QStringLiteral("initdb failed: %1").arg(output);
        return false;
    }

    m_port = freeTcpPort(QHostAddress::LocalHost);
    if (m_port == 0) {
        *error = QStringLiteral("no free TCP port on 127.0.0.1");
        return false;
    }
    // fsync off: the tests kill clients, never the server, so durability
    // across a server crash is not what they check, and it saves seconds.
    if (!m_server.start(binDir() + QStringLiteral("/postgres"),
                        {QStringLiteral("-D"), data, QStringLiteral("-k"), root,
                         QStringLiteral("-c"), QStringLiteral("listen_addresses=127.0.0.1"),
                         QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-c"),
                         QStringLiteral("fsync=off")},
                        kServiceUser)) {
        *error = QStringLiteral("cannot start postgres: %1").arg(m_server.output());
        return false;
    }
    m_running = true;
    if (!m_server.waitForTcp(QHostAddress::LocalHost, m_port, 20000)) {
        *error = QStringLiteral("postgres did not listen on 127.0.0.1:%1 within 20 s: %2")
                     .arg(m_port)
                     .arg(m_server.output());
        stop();
        return false;
    }
    return true;
}

void PostgresServer::stop()
{
    if (m_running) {
        // Fast shutdown: a smart one would wait for clients a failed test
        // left connected.
        QString output;
        runAsPostgres(QStringLiteral("pg_ctl"),
                      {QStringLiteral("stop"), QStringLiteral("-D"),
                       m_dir->path() + QStringLiteral("/data"), QStringLiteral("-m"),
                       QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("-t"),
                       QStringLiteral("20")},
                      &output);
        m_server.stop();
        m_running = false;
    }
    m_dir.reset();
}

bool PostgresServer::createDatabase(const QString &name, QString *error)
{
    QString output;
    const bool ok = runAsPostgres(QStringLiteral("createdb"),
                                  {QStringLiteral("-h"), m_dir->path(), QStringLiteral("-p"),
                                   QString::number(m_port), QStringLiteral("-U"), user(), name},
                                  &output);
    if (!ok && error)
        *error = QStringLiteral("createdb %1 failed: %2").arg(name, output);
    return ok;
}

QString PostgresServer::url(const QString &database) const
{
    return urlWithPassword(database, m_password);
}

QString PostgresServer::urlWithPassword(const QString &database, const QString &password) const
{
    return QStringLiteral("postgresql://%1:%2@127.0.0.1:%3/%4")
        .arg(user(), password)
        .arg(m_port)
        .arg(database);
}

} // namespace fedgate::test
