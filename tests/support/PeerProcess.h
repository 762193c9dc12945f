#pragma once

#include <QHostAddress>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

// A real server the test starts itself (PostgreSQL, dnsmasq, Prosody...):
// optionally as another user (through runuser, for daemons that refuse root),
// waited for until it accepts TCP connections, and stopped (SIGTERM, then
// SIGKILL) when the object goes away. Its output is kept for failure messages.
namespace fedgate::test {

class PeerProcess
{
public:
    PeerProcess() = default;
    ~PeerProcess();
    PeerProcess(const PeerProcess &) = delete;
    PeerProcess &operator=(const PeerProcess &) = delete;

    // Runs `program args` as `user` (empty = as the current user).
    bool start(const QString &program, const QStringList &args, const QString &user = {},
               const QString &workingDirectory = {});
    // Polls until a TCP connect to address:port succeeds, the process exits,
    // or `timeoutMs` passes.
    bool waitForTcp(const QHostAddress &address, quint16 port, int timeoutMs = 15000);
    bool isRunning() const;
    void stop(int graceMs = 5000);
    QString output() const; // stdout + stderr so far
    qint64 pid() const;

private:
    std::unique_ptr<QProcess> m_process;
};

// Runs a command to completion (optionally as `user`); returns its exit code,
// -1 when it could not start or timed out. `output` receives stdout+stderr.
int runCommand(const QString &program, const QStringList &args, QString *output = nullptr,
               const QString &user = {}, int timeoutMs = 60000);

// Makes the directory `path` traversable and readable by other users
// (mktemp-style directories are 0700), and optionally owned by `user`.
bool chownRecursive(const QString &path, const QString &user);
bool makeWorldReadableDir(const QString &path);

// A free TCP port on `address` (bound and released; racy but fine on loopback).
quint16 freeTcpPort(const QHostAddress &address = QHostAddress::LocalHost);

} // namespace fedgate::test
