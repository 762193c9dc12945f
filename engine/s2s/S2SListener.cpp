#include "S2SListener.h"

#include <QTimer>

#include <spdlog/spdlog.h>

namespace fedgate::engine {

namespace {
// After an accept error (out of file descriptors) Qt pauses the listener;
// it tries again after this long instead of staying deaf.
constexpr int kResumeAcceptingMs = 1000;
} // namespace

S2SListener::S2SListener(bool directTls, QObject *parent)
    : QTcpServer(parent)
    , m_directTls(directTls)
{
    connect(this, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError) {
        spdlog::warn("listener {}:{}: cannot accept a connection ({}); accepting again in {} ms",
                     serverAddress().toString().toStdString(), serverPort(),
                     errorString().toStdString(), kResumeAcceptingMs);
        QTimer::singleShot(kResumeAcceptingMs, this, &QTcpServer::resumeAccepting);
    });
}

void S2SListener::incomingConnection(qintptr descriptor)
{
    if (m_handDescriptors) {
        emit acceptedDescriptor(descriptor, m_directTls);
        return;
    }
    auto *socket = new QSslSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    emit accepted(socket, m_directTls);
}

} // namespace fedgate::engine
