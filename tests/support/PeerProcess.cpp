#include "PeerProcess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <signal.h>

namespace fedgate::test {

namespace {
QStringList wrapForUser(QString *program, const QStringList &args, const QString &user)
{
    if (user.isEmpty())
        return args;
    QStringList wrapped{QStringLiteral("-u"), user, QStringLiteral("--"), *program};
    wrapped += args;
    *program = QStringLiteral("runuser");
    return wrapped;
}
} // namespace

PeerProcess::~PeerProcess()
{
    stop();
}

bool PeerProcess::start(const QString &program, const QStringList &args, const QString &user,
                        const QString &workingDirectory)
{
    stop();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    if (!workingDirectory.isEmpty())
        m_process->setWorkingDirectory(workingDirectory);
    QString prog = program;
    const QStringList fullArgs = wrapForUser(&prog, args, user);
    m_process->start(prog, fullArgs);
    return m_process->waitForStarted(10000);
}

bool PeerProcess::waitForTcp(const QHostAddress &address, quint16 port, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (!isRunning())
            return false;
        QTcpSocket socket;
        socket.connectToHost(address, port);
        if (socket.waitForConnected(200)) {
            socket.disconnectFromHost();
            return true;
        }
        QThread::msleep(50);
    }
    return false;
}

bool PeerProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

void PeerProcess::stop(int graceMs)
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        // runuser forwards SIGTERM to the daemon it started.
        ::kill(static_cast<pid_t>(m_process->processId()), SIGTERM);
        if (!m_process->waitForFinished(graceMs)) {
            m_process->kill();
            m_process->waitForFinished(3000);
        }
    }
    m_process.reset();
}

QString PeerProcess::output() const
{
    if (!m_process)
        return {};
    return QString::fromLocal8Bit(m_process->readAll());
}

qint64 PeerProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

int runCommand(const QString &program, const QStringList &args, QString *output,
               const QString &user, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QString prog = program;
    process.start(prog, wrapForUser(&prog, args, user));
    if (!process.waitForStarted(10000)) {
        if (output)
            *output = process.errorString();
        return -1;
    }
    const bool finished = process.waitForFinished(timeoutMs);
    if (output)
        *output = QString::fromLocal8Bit(process.readAll());
    if (!finished) {
        process.kill();
        process.waitForFinished(2000);
        return -1;
    }
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

bool chownRecursive(const QString &path, const QString &user)
{
    return runCommand(QStringLiteral("chown"), {QStringLiteral("-R"), user, path}) == 0;
}

bool makeWorldReadableDir(const QString &path)
{
    return QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                           QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                           QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                           QFileDevice::ExeOther);
}

quint16 freeTcpPort(const QHostAddress &address)
{
    QTcpServer server;
    if (!server.listen(address, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace fedgate::test
