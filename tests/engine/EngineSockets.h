#pragma once

#include "engine/Engine.h"

#include <QSslSocket>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

// The engine's own sockets as a test in the same process sees them, and
// what the kernel says about their options.
namespace fedgate::test {

// TCP_NODELAY as set on the descriptor (false when it cannot be read).
inline bool hasTcpNoDelay(const QAbstractSocket &socket)
{
    int value = 0;
    socklen_t size = sizeof value;
    return getsockopt(int(socket.socketDescriptor()), IPPROTO_TCP, TCP_NODELAY, &value, &size) ==
               0 &&
           value != 0;
}

// The engine's connected socket whose peer is at `peerPort` (the other end
// of a test's socket, or a fake partner's listening port), or null.
inline QSslSocket *engineSocketTo(const engine::Engine &engine, quint16 peerPort)
{
    for (QSslSocket *socket : engine.findChildren<QSslSocket *>())
        if (socket->state() == QAbstractSocket::ConnectedState && socket->peerPort() == peerPort)
            return socket;
    return nullptr;
}

} // namespace fedgate::test
