#pragma once

#include "topology/Result.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QString>

// The machine's TCP sockets as the kernel reports them (/proc/net/tcp and
// /proc/net/tcp6), each joined to the process holding it through the socket
// inodes in /proc/PID/fd. This is what `netstat -antp` / `ss -tanp` print,
// read without running either: the listener status shows what the
// operating system sees, never what the engine believes it opened.
namespace fedgate::deploy {

// The kernel's TCP states, numbered as in include/net/tcp_states.h.
enum class TcpState
{
    Established = 1,
    SynSent,
    SynReceived,
    FinWait1,
    FinWait2,
    TimeWait,
    Close,
    CloseWait,
    LastAck,
    Listen,
    Closing,
    NewSynReceived,
    Unknown = 0
};

// netstat's spelling: LISTEN, ESTABLISHED, TIME_WAIT...
QString toString(TcpState state);

struct SocketEntry
{
    QHostAddress localAddress;
    quint16 localPort = 0;
    QHostAddress remoteAddress; // any address with port 0 for a listener
    quint16 remotePort = 0;
    TcpState state = TcpState::Unknown;
    quint64 inode = 0; // 0 for sockets no process holds (TIME_WAIT)
    qint64 pid = -1;   // -1 when unknown (no owner, or not ours to read)
    QString process;   // the owner's command name (/proc/PID/comm)

    // "127.0.0.1:5269", "[::1]:5269", "*:5269" for an any-address listener.
    QString localEndpoint() const;
    QString remoteEndpoint() const;
};

// "ADDRESS:PORT" as netstat prints it (IPv6 in brackets, '*' for any).
QString endpointText(const QHostAddress &address, quint16 port);

class SocketTable
{
public:
    // Reads every TCP socket under `procRoot` (a directory laid out like
    // /proc; tests give a copy) and the processes that hold them. Processes
    // whose descriptors cannot be read leave their sockets with pid -1.
    static Result<QList<SocketEntry>> read(const QString &procRoot = QStringLiteral("/proc"));

    // One /proc/net/tcp or /proc/net/tcp6 text. Lines that do not parse are
    // skipped and counted in `*skipped` (when given).
    static QList<SocketEntry> parseProcNetTcp(const QByteArray &text, int *skipped = nullptr);

    struct Owner
    {
        qint64 pid = -1;
        QString process;
    };
    // Socket inode -> the process holding it, from /proc/PID/fd links
    // ("socket:[INODE]").
    static QHash<quint64, Owner> socketOwners(const QString &procRoot);
};

} // namespace fedgate::deploy
