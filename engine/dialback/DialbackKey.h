#pragma once

#include <QByteArray>
#include <QString>

// Dialback keys per XEP-0185: HEX(HMAC-SHA256(HEX(SHA256(secret)),
// "receiving originating streamId")). Every member of an edge pool derives
// the same key from the topology's dialback secret, so any member can act as
// the authoritative server for a key another member sent.
namespace fedgate::engine {

class DialbackKey
{
public:
    static QString generate(const QByteArray &secret, const QString &receivingServer,
                            const QString &originatingServer, const QString &streamId);
    // Constant-time comparison with a freshly generated key.
    static bool verify(const QByteArray &secret, const QString &receivingServer,
                       const QString &originatingServer, const QString &streamId,
                       const QString &key);
};

} // namespace fedgate::engine
