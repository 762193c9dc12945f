#pragma once

#include <QByteArray>
#include <QString>

// The server side of one SASL exchange (RFC 4422) as RFC 6120 section 6
// carries it: the c2s session decodes <auth/> and <response/> from base64,
// calls start() and respond(), and encodes what comes back as <challenge/>,
// <success/> or <failure/>. One object per attempt; after Success or Failure
// it answers every further call with Failure.
namespace fedgate::engine {

struct SaslStep
{
    enum Kind
    {
        Challenge,
        Success,
        Failure
    } kind = Failure;
    QByteArray data;   // challenge or additional success data (raw, not base64)
    QString condition; // RFC 6120 6.5 condition on Failure, e.g. "not-authorized"
    QString username;  // the authenticated localpart on Success

    static SaslStep challenge(const QByteArray &data) { return {Challenge, data, {}, {}}; }
    static SaslStep success(const QString &username, const QByteArray &data = {})
    {
        return {Success, data, {}, username};
    }
    static SaslStep failure(const QString &condition) { return {Failure, {}, condition, {}}; }
};

class SaslServerMechanism
{
public:
    virtual ~SaslServerMechanism() = default;
    virtual QString name() const = 0;
    // `initialResponse` raw (decoded); empty when the client sent none.
    virtual SaslStep start(const QByteArray &initialResponse) = 0;
    virtual SaslStep respond(const QByteArray &response) = 0;
};

} // namespace fedgate::engine
