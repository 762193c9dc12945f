#include "S2STransport.h"

#include "engine/tls/QtSslByteStream.h"
#include "engine/tls/TlsStream.h"

#include <unistd.h>

namespace fedgate::engine {

bool s2sUsesQSslSocket()
{
    static const bool qt = qEnvironmentVariableIntValue("FEDGATE_S2S_QSSLSOCKET") == 1;
    return qt;
}

ByteStream *newS2SStream()
{
    if (s2sUsesQSslSocket())
        return new QtSslByteStream(new QSslSocket);
    return new TlsStream;
}

ByteStream *acceptS2SStream(qintptr descriptor)
{
    if (!s2sUsesQSslSocket())
        return new TlsStream(descriptor);
    auto *socket = new QSslSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        ::close(int(descriptor));
        delete socket;
        return nullptr;
    }
    return new QtSslByteStream(socket);
}

} // namespace fedgate::engine
