#pragma once

#include "SaslServerMechanism.h"

// PLAIN (RFC 4616), server side: [authzid] NUL authcid NUL passwd, offered
// only over TLS (SaslMechanisms). The authcid is the user's localpart; the
// authzid must be empty or the user's own bare address. A malformed message
// is `malformed-request`; an unknown user, a bad name and a wrong password
// all take the same derivation and give `not-authorized`.
namespace fedgate::engine {

class Authenticator;

class PlainServer : public SaslServerMechanism
{
public:
    static constexpr int kMaxMessageBytes = 3 * 1024;

    PlainServer(Authenticator &authenticator, const QString &domain);

    QString name() const override { return QStringLiteral("PLAIN"); }
    SaslStep start(const QByteArray &initialResponse) override;
    SaslStep respond(const QByteArray &response) override;

private:
    SaslStep check(const QByteArray &message);

    Authenticator &m_authenticator;
    QString m_domain;
    bool m_started = false;
    bool m_done = false;
};

} // namespace fedgate::engine
