#pragma once

#include <QtGlobal>

// The transport under s2s XmppStreams: TlsStream (engine/tls), or
// QSslSocket when the environment has FEDGATE_S2S_QSSLSOCKET=1 (to compare
// the two, e.g. memory per session in bench_s2s).
namespace fedgate::engine {

class ByteStream;

bool s2sUsesQSslSocket();
// An unconnected stream for an outbound session.
ByteStream *newS2SStream();
// The stream of an accepted descriptor; nullptr (the descriptor closed) when
// it cannot be taken.
ByteStream *acceptS2SStream(qintptr descriptor);

} // namespace fedgate::engine
