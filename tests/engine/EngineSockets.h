#pragma once

#include "engine/Engine.h"
#include "engine/SessionLoop.h"
#include "engine/tls/ByteStream.h"

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

inline bool hasTcpNoDelay(const engine::ByteStream &stream)
{
    int value = 0;
    socklen_t size = sizeof value;
    return getsockopt(int(stream.descriptor()), IPPROTO_TCP, TCP_NODELAY, &value, &size) == 0 &&
           value != 0;
}

// The engine's connected stream (its s2s transport, TlsStream or QSslSocket)
// whose peer is at `peerPort` (the other end of a test's socket, or a fake
// partner's listening port), or null.
// With several session loops the socket may belong to another thread: it is
// looked up there, and only read (its descriptor, its TLS state) afterwards.
inline engine::ByteStream *engineSocketTo(const engine::Engine &engine, quint16 peerPort)
{
    engine::ByteStream *found = nullptr;
    for (engine::SessionLoop *loop : engine.sessionLoops()) {
        const auto look = [&] {
            for (engine::ByteStream *stream : loop->findChildren<engine::ByteStream *>())
                if (stream->isConnected() && stream->peerPort() == peerPort)
                    found = stream;
        };
        if (loop->isCurrentThread())
            look();
        else
            QMetaObject::invokeMethod(loop, look, Qt::BlockingQueuedConnection);
        if (found)
            return found;
    }
    return nullptr;
}

} // namespace fedgate::test
