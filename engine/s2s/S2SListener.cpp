#include "S2SListener.h"

namespace fedgate::engine {

S2SListener::S2SListener(bool directTls, QObject *parent)
    : QTcpServer(parent)
    , m_directTls(directTls)
{}

void S2SListener::incomingConnection(qintptr descriptor)
{
    auto *socket = new QSslSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    emit accepted(socket, m_directTls);
}

} // namespace fedgate::engine
