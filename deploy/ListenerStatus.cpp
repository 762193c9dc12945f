#include "ListenerStatus.h"

#include <algorithm>

#include <QCoreApplication>

namespace fedgate::deploy {

namespace {

// User-facing text: French in the wizard, which installs a translator;
// English in fedgatectl and fedgated, which install none.
QString tr(const char *text)
{
    return QCoreApplication::translate("ListenerStatus", text);
}

bool isAny(const QHostAddress &address)
{
    return address.isNull() || address == QHostAddress(QHostAddress::AnyIPv4) ||
           address == QHostAddress(QHostAddress::AnyIPv6) ||
           address == QHostAddress(QHostAddress::Any);
}

// Does a socket bound to `bound` serve connections to `wanted`? A listener on
// the any-address serves every address of its family (and IPv4 too for an
// IPv6 any-address socket, as Linux does by default).
bool covers(const QHostAddress &bound, const QHostAddress &wanted)
{
    return isAny(bound) || isAny(wanted) || bound.isEqual(wanted, QHostAddress::TolerantConversion);
}

QString where(const ExpectedListener &listener)
{
    return QStringLiteral("%1 (%2)").arg(endpointText(listener.address, listener.port),
                                         describe(listener.purpose));
}

QString holder(const SocketEntry &socket)
{
    if (socket.pid < 0)
        return tr("a process this account cannot see");
    return QStringLiteral("%1 (pid %2)")
        .arg(socket.process.isEmpty() ? tr("process") : socket.process)
        .arg(socket.pid);
}

bool isExpected(const SocketEntry &socket, const QList<ExpectedListener> &expected)
{
    return std::any_of(expected.cbegin(), expected.cend(), [&](const ExpectedListener &e) {
        return e.port == socket.localPort && covers(socket.localAddress, e.address);
    });
}

ListenerPurpose purposeOf(const SocketEntry &socket, const QList<ExpectedListener> &expected)
{
    for (const ExpectedListener &e : expected) {
        if ((e.port == socket.localPort && covers(socket.localAddress, e.address)) ||
            (socket.state != TcpState::Listen && e.port == socket.remotePort &&
             covers(e.address, socket.remoteAddress)))
            return e.purpose;
    }
    const ListenerPurpose local = purposeOfDefaultPort(socket.localPort);
    return local != ListenerPurpose::Other ? local : purposeOfDefaultPort(socket.remotePort);
}

} // namespace

QString describe(ListenerPurpose purpose)
{
    switch (purpose) {
    case ListenerPurpose::Federation:
        return tr("federation (server-to-server)");
    case ListenerPurpose::FederationDirectTls:
        return tr("federation, direct TLS");
    case ListenerPurpose::InternalLink:
        return tr("internal link (gateway to edge)");
    case ListenerPurpose::Clients:
        return tr("clients");
    case ListenerPurpose::Other:
        break;
    }
    return tr("other");
}

ListenerPurpose purposeOfDefaultPort(quint16 port)
{
    switch (port) {
    case 5269:
        return ListenerPurpose::Federation;
    case 5270:
        return ListenerPurpose::FederationDirectTls;
    case 23456:
        return ListenerPurpose::InternalLink;
    case 5222:
        return ListenerPurpose::Clients;
    default:
        return ListenerPurpose::Other;
    }
}

QList<ListenerRow> ListenerStatus::rows(const QList<SocketEntry> &sockets,
                                        const QList<ExpectedListener> &expected,
                                        const QSet<qint64> &enginePids)
{
    QList<ListenerRow> rows;
    for (const SocketEntry &socket : sockets) {
        const bool ours = socket.pid >= 0 && enginePids.contains(socket.pid);
        if (!ours && !isExpected(socket, expected))
            continue;
        rows.append(ListenerRow{socket, purposeOf(socket, expected)});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const ListenerRow &a, const ListenerRow &b) {
        const bool aListen = a.socket.state == TcpState::Listen;
        const bool bListen = b.socket.state == TcpState::Listen;
        if (aListen != bListen)
            return aListen;
        if (a.socket.localPort != b.socket.localPort)
            return a.socket.localPort < b.socket.localPort;
        return a.socket.localAddress.toString() < b.socket.localAddress.toString();
    });
    return rows;
}

QList<ListenerFinding> ListenerStatus::compare(const QList<SocketEntry> &sockets,
                                               const QList<ExpectedListener> &expected,
                                               const QSet<qint64> &enginePids)
{
    QList<ListenerFinding> findings;
    for (const ExpectedListener &e : expected) {
        const SocketEntry *listener = nullptr;
        for (const SocketEntry &socket : sockets) {
            if (socket.state == TcpState::Listen && socket.localPort == e.port &&
                covers(socket.localAddress, e.address)) {
                listener = &socket;
                if (socket.pid >= 0 && enginePids.contains(socket.pid))
                    break; // ours: the best match
            }
        }
        if (!listener) {
            findings.append({tr("Nothing listens on %1.").arg(where(e)),
                             tr("Start fedgated (or restart it) and read in its "
                                "log why the listener did not open.")});
            continue;
        }
        if (!enginePids.isEmpty() && !enginePids.contains(listener->pid)) {
            findings.append(
                {tr("%1 is held by %2, not by fedgated.").arg(where(e), holder(*listener)),
                 tr("Stop that program or give Fedgate another address for this "
                    "listener, then restart the service.")});
            continue;
        }
        if (e.expectEstablished) {
            const bool established =
                std::any_of(sockets.cbegin(), sockets.cend(), [&](const SocketEntry &s) {
                    return s.state == TcpState::Established && s.localPort == e.port &&
                           covers(s.localAddress, e.address);
                });
            if (!established)
                findings.append({tr("%1 listens but has no established connection: the gateway "
                                    "is not connected to the edge.")
                                     .arg(where(e)),
                                 tr("Check that the gateway role runs and that the edge accepts "
                                    "its certificate (the log of fedgated on both sides).")});
        }
    }
    for (const SocketEntry &socket : sockets) {
        if (socket.state != TcpState::Listen || socket.pid < 0 ||
            !enginePids.contains(socket.pid) || isExpected(socket, expected))
            continue;
        findings.append({tr("fedgated listens on %1, which this machine's plan does "
                            "not include.")
                             .arg(socket.localEndpoint()),
                         tr("Restart fedgated with the latest topology so its "
                            "listeners match the plan.")});
    }
    return findings;
}

} // namespace fedgate::deploy
