#include "SocketTable.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

#include <cstring>

namespace fedgate::deploy {

namespace {

// The kernel prints each 32-bit word of an address with "%08X" from the
// word as it sits in memory (network byte order), read in the host's
// order. Writing the parsed value back in host order gives the network
// bytes again, on any host.
bool parseAddress(QByteArrayView hex, QHostAddress *address)
{
    if (hex.size() != 8 && hex.size() != 32)
        return false;
    quint8 bytes[16];
    for (qsizetype word = 0; word < hex.size() / 8; ++word) {
        bool ok = false;
        const quint32 value = QByteArray(hex.sliced(word * 8, 8).toByteArray()).toUInt(&ok, 16);
        if (!ok)
            return false;
        std::memcpy(bytes + word * 4, &value, 4);
    }
    if (hex.size() == 8) {
        *address = QHostAddress(qFromBigEndian<quint32>(bytes));
    } else {
        *address = QHostAddress(bytes);
        // An IPv4-mapped address (::ffff:a.b.c.d) is shown as the IPv4
        // address it is, as ss and netstat do.
        bool mapped = false;
        const quint32 v4 = address->toIPv4Address(&mapped);
        if (mapped)
            *address = QHostAddress(v4);
    }
    return true;
}

bool parseEndpoint(QByteArrayView text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.indexOf(':');
    if (colon < 0)
        return false;
    bool ok = false;
    const uint value = text.sliced(colon + 1).toByteArray().toUInt(&ok, 16);
    if (!ok || value > 0xffff)
        return false;
    *port = quint16(value);
    return parseAddress(text.first(colon), address);
}

bool isAnyAddress(const QHostAddress &address)
{
    return address == QHostAddress(QHostAddress::AnyIPv4) ||
           address == QHostAddress(QHostAddress::AnyIPv6);
}

} // namespace

QString toString(TcpState state)
{
    switch (state) {
    case TcpState::Established:
        return QStringLiteral("ESTABLISHED");
    case TcpState::SynSent:
        return QStringLiteral("SYN_SENT");
    case TcpState::SynReceived:
        return QStringLiteral("SYN_RECV");
    case TcpState::FinWait1:
        return QStringLiteral("FIN_WAIT1");
    case TcpState::FinWait2:
        return QStringLiteral("FIN_WAIT2");
    case TcpState::TimeWait:
        return QStringLiteral("TIME_WAIT");
    case TcpState::Close:
        return QStringLiteral("CLOSE");
    case TcpState::CloseWait:
        return QStringLiteral("CLOSE_WAIT");
    case TcpState::LastAck:
        return QStringLiteral("LAST_ACK");
    case TcpState::Listen:
        return QStringLiteral("LISTEN");
    case TcpState::Closing:
        return QStringLiteral("CLOSING");
    case TcpState::NewSynReceived:
        return QStringLiteral("NEW_SYN_RECV");
    case TcpState::Unknown:
        break;
    }
    return QStringLiteral("UNKNOWN");
}

QString endpointText(const QHostAddress &address, quint16 port)
{
    QString host;
    if (isAnyAddress(address))
        host = QStringLiteral("*");
    else if (address.protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + address.toString() + QLatin1Char(']');
    else
        host = address.toString();
    return host + QLatin1Char(':') + (port == 0 ? QStringLiteral("*") : QString::number(port));
}

QString SocketEntry::localEndpoint() const
{
    return endpointText(localAddress, localPort);
}

QString SocketEntry::remoteEndpoint() const
{
    return endpointText(remoteAddress, remotePort);
}

QList<SocketEntry> SocketTable::parseProcNetTcp(const QByteArray &text, int *skipped)
{
    QList<SocketEntry> entries;
    int bad = 0;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) { // line 0 is the column header
        const QList<QByteArray> fields = lines[i].simplified().split(' ');
        if (fields.size() < 10) {
            if (!lines[i].trimmed().isEmpty())
                ++bad;
            continue;
        }
        SocketEntry entry;
        bool stateOk = false;
        bool inodeOk = false;
        const uint state = fields[3].toUInt(&stateOk, 16);
        entry.inode = fields[9].toULongLong(&inodeOk);
        if (!parseEndpoint(fields[1], &entry.localAddress, &entry.localPort) ||
            !parseEndpoint(fields[2], &entry.remoteAddress, &entry.remotePort) || !stateOk ||
            !inodeOk) {
            ++bad;
            continue;
        }
        entry.state = (state >= 1 && state <= 12) ? TcpState(state) : TcpState::Unknown;
        entries.append(entry);
    }
    if (skipped)
        *skipped = bad;
    return entries;
}

QHash<quint64, SocketTable::Owner> SocketTable::socketOwners(const QString &procRoot)
{
    QHash<quint64, Owner> owners;
    const QDir proc(procRoot);
    const QStringList pids = proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pidText : pids) {
        bool isPid = false;
        const qint64 pid = pidText.toLongLong(&isPid);
        if (!isPid)
            continue;
        const QDir fdDir(proc.filePath(pidText + QStringLiteral("/fd")));
        const QStringList fds = fdDir.entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot);
        QString comm;
        for (const QString &fd : fds) {
            const QString target = QFileInfo(fdDir.filePath(fd)).symLinkTarget();
            // symLinkTarget() makes the link absolute against the fd
            // directory; the kernel's text is its last component.
            const QString name = target.section(QLatin1Char('/'), -1);
            if (!name.startsWith(QLatin1String("socket:[")) || !name.endsWith(QLatin1Char(']')))
                continue;
            bool ok = false;
            const quint64 inode = name.mid(8, name.size() - 9).toULongLong(&ok);
            if (!ok || owners.contains(inode))
                continue;
            if (comm.isNull()) {
                QFile commFile(proc.filePath(pidText + QStringLiteral("/comm")));
                comm = commFile.open(QIODevice::ReadOnly)
                           ? QString::fromUtf8(commFile.readAll()).trimmed()
                           : QString(QLatin1String(""));
            }
            owners.insert(inode, Owner{pid, comm});
        }
    }
    return owners;
}

Result<QList<SocketEntry>> SocketTable::read(const QString &procRoot)
{
    QList<SocketEntry> all;
    int readable = 0;
    for (const char *name : {"net/tcp", "net/tcp6"}) {
        QFile file(procRoot + QLatin1Char('/') + QLatin1String(name));
        if (!file.open(QIODevice::ReadOnly))
            continue; // no IPv6 in this kernel or namespace
        ++readable;
        all += parseProcNetTcp(file.readAll());
    }
    if (readable == 0)
        return Error{QStringLiteral("Cannot read the TCP socket table from %1/net/tcp: is /proc "
                                    "mounted? The listener status needs it.")
                         .arg(procRoot),
                     procRoot};
    const QHash<quint64, Owner> owners = socketOwners(procRoot);
    for (SocketEntry &entry : all) {
        const auto owner = owners.constFind(entry.inode);
        if (entry.inode != 0 && owner != owners.constEnd()) {
            entry.pid = owner->pid;
            entry.process = owner->process;
        }
    }
    return all;
}

} // namespace fedgate::deploy
