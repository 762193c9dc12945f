#pragma once

#include "SocketTable.h"

#include <QList>
#include <QSet>

// Listener status, netstat-style: the sockets of Fedgate's ports and
// processes as the operating system reports them, each labelled with what
// the port is for, and compared with what this machine is meant to run.
// Each difference becomes a finding with its fix, as the seed documents'
// checklist (`netstat -ano | findstr 5269`, then 23456) asks an
// administrator to check by hand.
namespace fedgate::deploy {

enum class ListenerPurpose
{
    Federation,          // 5269: server-to-server with partners
    FederationDirectTls, // 5270: XEP-0368 direct TLS
    InternalLink,        // 23456: the gateway's mutual-TLS link to the edge
    Clients,             // 5222: the organisation's users
    Other
};

// "federation (server-to-server)", "internal link", ...
QString describe(ListenerPurpose purpose);
// The purpose of Fedgate's default ports; Other for any other port.
ListenerPurpose purposeOfDefaultPort(quint16 port);

struct ExpectedListener
{
    QHostAddress address; // Any for "all addresses"
    quint16 port = 0;
    ListenerPurpose purpose = ListenerPurpose::Other;
    // The internal link must also carry an established connection
    // (the gateway connected to the edge).
    bool expectEstablished = false;
};

struct ListenerRow
{
    SocketEntry socket;
    ListenerPurpose purpose = ListenerPurpose::Other;
};

struct ListenerFinding
{
    QString problem; // what is wrong, naming the address and purpose
    QString fix;     // the next step
};

class ListenerStatus
{
public:
    // The rows an administrator wants: every socket held by one of
    // `enginePids`, plus every socket on an expected address:port whoever
    // holds it. Sorted: listeners first, then by local port and address.
    static QList<ListenerRow> rows(const QList<SocketEntry> &sockets,
                                   const QList<ExpectedListener> &expected,
                                   const QSet<qint64> &enginePids);

    // The differences between `sockets` and `expected`: a listener missing,
    // held by another program, or without its established link; and an
    // engine listener nobody planned. Empty when everything is as planned.
    static QList<ListenerFinding> compare(const QList<SocketEntry> &sockets,
                                          const QList<ExpectedListener> &expected,
                                          const QSet<qint64> &enginePids);
};

} // namespace fedgate::deploy
