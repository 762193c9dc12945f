#pragma once

#include "SaslServerMechanism.h"

#include <QCryptographicHash>

// SCRAM-SHA-1 (RFC 5802) and SCRAM-SHA-256 (RFC 7677), server side, without
// channel binding: the client's gs2 header is "n,," or "y,," (it could bind
// but we offer no -PLUS), optionally with an authzid equal to the user's own
// bare address. Client messages are parsed strictly and bounded in size.
//
// An unknown user gets a salt derived from the name and a per-process secret
// (the same for every attempt while the process runs) and the same
// iteration count, and fails at the proof check exactly like a wrong
// password: both end in `not-authorized`.
namespace fedgate::engine {

class Authenticator;

class ScramServer : public SaslServerMechanism
{
public:
    static constexpr int kMaxMessageBytes = 4096;
    static constexpr int kMaxNonceBytes = 512;
    static constexpr int kServerNonceBytes = 24;

    ScramServer(QCryptographicHash::Algorithm algorithm, Authenticator &authenticator,
                const QString &domain);

    QString name() const override;
    SaslStep start(const QByteArray &initialResponse) override;
    SaslStep respond(const QByteArray &response) override;

    // The server's part of the nonce; random unless set first (tests use it
    // to replay the RFC 5802 / RFC 7677 examples).
    void setServerNonce(const QByteArray &nonce) { m_serverNonce = nonce; }

private:
    enum class State
    {
        Initial,
        AwaitingClientFirst,
        AwaitingClientFinal,
        Done
    };

    SaslStep handleClientFirst(const QByteArray &message);
    SaslStep handleClientFinal(const QByteArray &message);
    SaslStep fail(const QString &condition);

    QCryptographicHash::Algorithm m_algorithm;
    Authenticator &m_authenticator;
    QString m_domain;
    State m_state = State::Initial;

    QByteArray m_serverNonce;
    QByteArray m_gs2Header;
    QByteArray m_clientFirstBare;
    QByteArray m_serverFirst;
    QByteArray m_nonce;
    QString m_username; // prepared localpart; empty when not a valid one
    QByteArray m_storedKey;
    QByteArray m_serverKey;
    bool m_authzidMismatch = false;
};

} // namespace fedgate::engine
