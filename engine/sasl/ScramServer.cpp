#include "ScramServer.h"

#include "SaslText.h"
#include "ScramPrimitives.h"
#include "engine/gateway/Authenticator.h"

#include <QList>

#include <openssl/rand.h>

namespace fedgate::engine {

namespace {
const QString kMalformed = QStringLiteral("malformed-request");
const QString kNotAuthorized = QStringLiteral("not-authorized");
const QString kInvalidAuthzid = QStringLiteral("invalid-authzid");

// Iterations and salt size an unknown user is given: those of a new account.
constexpr int kFakeIterations = 4096;
constexpr int kFakeSaltBytes = 16;

QByteArray randomBytes(int n)
{
    QByteArray out(n, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), n) != 1)
        return {};
    return out;
}

// One secret per process for the fake salts of unknown users.
const QByteArray &fakeSaltSecret()
{
    static const QByteArray secret = randomBytes(32);
    return secret;
}

// RFC 5802 "printable": %x21-2B / %x2D-7E (no comma).
bool isPrintable(const QByteArray &value)
{
    for (const char c : value)
        if (c < 0x21 || c > 0x7E || c == ',')
            return false;
    return true;
}

// "x=value" with the attribute letter `name`.
bool attribute(const QByteArray &part, char name, QByteArray *value)
{
    if (part.size() < 2 || part.at(0) != name || part.at(1) != '=')
        return false;
    *value = part.mid(2);
    return true;
}
} // namespace

ScramServer::ScramServer(QCryptographicHash::Algorithm algorithm, Authenticator &authenticator,
                         const QString &domain)
    : m_algorithm(algorithm)
    , m_authenticator(authenticator)
    , m_domain(domain)
{}

QString ScramServer::name() const
{
    return QStringLiteral("SCRAM-") + scram::algorithmName(m_algorithm);
}

SaslStep ScramServer::fail(const QString &condition)
{
    m_state = State::Done;
    m_storedKey.clear();
    m_serverKey.clear();
    return SaslStep::failure(condition);
}

SaslStep ScramServer::start(const QByteArray &initialResponse)
{
    if (m_state != State::Initial)
        return fail(kMalformed);
    if (initialResponse.isEmpty()) {
        m_state = State::AwaitingClientFirst;
        return SaslStep::challenge({});
    }
    return handleClientFirst(initialResponse);
}

SaslStep ScramServer::respond(const QByteArray &response)
{
    switch (m_state) {
    case State::AwaitingClientFirst:
        return handleClientFirst(response);
    case State::AwaitingClientFinal:
        return handleClientFinal(response);
    case State::Initial:
    case State::Done:
        break;
    }
    return fail(kMalformed);
}

SaslStep ScramServer::handleClientFirst(const QByteArray &message)
{
    if (message.size() > kMaxMessageBytes)
        return fail(kMalformed);
    // gs2-header: cbind-flag "," [authzid] ","
    const qsizetype c1 = message.indexOf(',');
    const qsizetype c2 = c1 < 0 ? -1 : message.indexOf(',', c1 + 1);
    if (c2 < 0)
        return fail(kMalformed);
    const QByteArray flag = message.left(c1);
    if (flag != "n" && flag != "y")
        return fail(kMalformed); // "p=": channel binding, which we do not offer
    const QByteArray authzidPart = message.mid(c1 + 1, c2 - c1 - 1);
    m_gs2Header = message.left(c2 + 1);
    m_clientFirstBare = message.mid(c2 + 1);

    const QList<QByteArray> parts = m_clientFirstBare.split(',');
    QByteArray saslname;
    QByteArray clientNonce;
    // Mandatory extensions (m=) are not supported: parts[0] must be n=.
    if (parts.size() < 2 || !attribute(parts.at(0), 'n', &saslname) ||
        !attribute(parts.at(1), 'r', &clientNonce))
        return fail(kMalformed);
    if (clientNonce.isEmpty() || clientNonce.size() > kMaxNonceBytes || !isPrintable(clientNonce))
        return fail(kMalformed);
    const std::optional<QString> username = sasl::unescapeSaslname(saslname);
    if (!username)
        return fail(kMalformed);

    // Everything after a bad name takes the unknown-user path.
    const Jid user = sasl::userJid(*username, m_domain);
    m_username = user.isValid() ? user.localpart() : QString();
    if (!authzidPart.isEmpty()) {
        QByteArray authzid;
        if (!attribute(authzidPart, 'a', &authzid))
            return fail(kMalformed);
        const std::optional<QString> az = sasl::unescapeSaslname(authzid);
        m_authzidMismatch = !az || !user.isValid() || Jid::fromString(*az) != user;
    }

    std::optional<ScramCredentials> credentials;
    if (user.isValid())
        credentials = m_authenticator.scramCredentials(user, m_algorithm);
    if (!credentials) {
        ScramCredentials fake;
        fake.salt = scram::hmac(m_algorithm, fakeSaltSecret(),
                                user.isValid() ? user.toString().toUtf8() : saslname)
                        .left(kFakeSaltBytes);
        fake.iterations = kFakeIterations;
        // A StoredKey no proof can match: unknown to anyone, this process
        // included.
        fake.storedKey = randomBytes(int(scram::hash(m_algorithm, {}).size()));
        fake.serverKey = randomBytes(int(fake.storedKey.size()));
        credentials = fake;
    }
    m_storedKey = credentials->storedKey;
    m_serverKey = credentials->serverKey;

    if (m_serverNonce.isEmpty())
        m_serverNonce = randomBytes(kServerNonceBytes).toBase64();
    if (m_serverNonce.isEmpty())
        return fail(QStringLiteral("temporary-auth-failure"));
    m_nonce = clientNonce + m_serverNonce;
    m_serverFirst = "r=" + m_nonce + ",s=" + credentials->salt.toBase64() +
                    ",i=" + QByteArray::number(credentials->iterations);
    m_state = State::AwaitingClientFinal;
    return SaslStep::challenge(m_serverFirst);
}

SaslStep ScramServer::handleClientFinal(const QByteArray &message)
{
    if (message.size() > kMaxMessageBytes)
        return fail(kMalformed);
    const qsizetype proofAt = message.lastIndexOf(",p=");
    if (proofAt < 0)
        return fail(kMalformed);
    const QByteArray withoutProof = message.left(proofAt);
    const QByteArray proofText = message.mid(proofAt + 3);
    const QList<QByteArray> parts = withoutProof.split(',');
    QByteArray binding;
    QByteArray nonce;
    if (parts.size() < 2 || !attribute(parts.at(0), 'c', &binding) ||
        !attribute(parts.at(1), 'r', &nonce))
        return fail(kMalformed);
    const auto decodedBinding =
        QByteArray::fromBase64Encoding(binding, QByteArray::AbortOnBase64DecodingErrors);
    const auto proof =
        QByteArray::fromBase64Encoding(proofText, QByteArray::AbortOnBase64DecodingErrors);
    if (!decodedBinding || !proof)
        return fail(kMalformed);
    // The binding must repeat the gs2 header and the nonce must be ours, or
    // the messages were not one exchange.
    if (*decodedBinding != m_gs2Header || nonce != m_nonce)
        return fail(kNotAuthorized);

    const QByteArray authMessage = m_clientFirstBare + ',' + m_serverFirst + ',' + withoutProof;
    const QByteArray clientSignature = scram::hmac(m_algorithm, m_storedKey, authMessage);
    bool proved = proof.decoded.size() == clientSignature.size();
    if (proved) {
        QByteArray clientKey = proof.decoded;
        for (qsizetype i = 0; i < clientKey.size(); ++i)
            clientKey[i] = char(clientKey.at(i) ^ clientSignature.at(i));
        proved = scram::constantTimeEquals(scram::hash(m_algorithm, clientKey), m_storedKey);
    }
    if (!proved || m_username.isEmpty())
        return fail(kNotAuthorized);
    if (m_authzidMismatch)
        return fail(kInvalidAuthzid);
    const QByteArray serverSignature = scram::hmac(m_algorithm, m_serverKey, authMessage);
    m_state = State::Done;
    return SaslStep::success(m_username, "v=" + serverSignature.toBase64());
}

} // namespace fedgate::engine
