#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QList>
#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>

// The client side of SCRAM (RFC 5802 section 3), written from the RFC for
// the tests and independent of the server's code: Qt's PBKDF2 and HMAC
// instead of OpenSSL.
namespace fedgate::test {

class ScramTestClient
{
public:
    ScramTestClient(QCryptographicHash::Algorithm algorithm, QByteArray user, QByteArray password,
                    QByteArray clientNonce, QByteArray gs2Header = "n,,")
        : m_algorithm(algorithm)
        , m_user(std::move(user))
        , m_password(std::move(password))
        , m_nonce(std::move(clientNonce))
        , m_gs2(std::move(gs2Header))
    {}

    QByteArray clientFirstBare() const { return "n=" + m_user + ",r=" + m_nonce; }
    QByteArray clientFirst() const { return m_gs2 + clientFirstBare(); }

    // From the server-first-message; empty when it cannot be parsed.
    QByteArray clientFinal(const QByteArray &serverFirst)
    {
        QByteArray nonce, salt;
        int iterations = 0;
        for (const QByteArray &part : serverFirst.split(',')) {
            if (part.startsWith("r="))
                nonce = part.mid(2);
            else if (part.startsWith("s="))
                salt = QByteArray::fromBase64(part.mid(2));
            else if (part.startsWith("i="))
                iterations = part.mid(2).toInt();
        }
        if (!nonce.startsWith(m_nonce) || salt.isEmpty() || iterations < 1)
            return {};
        m_salt = salt;
        m_iterations = iterations;
        const int length = m_algorithm == QCryptographicHash::Sha1 ? 20 : 32;
        const QByteArray salted =
            QPasswordDigestor::deriveKeyPbkdf2(m_algorithm, m_password, salt, iterations, length);
        const QByteArray withoutProof = "c=" + m_gs2.toBase64() + ",r=" + nonce;
        const QByteArray authMessage = clientFirstBare() + ',' + serverFirst + ',' + withoutProof;
        const QByteArray clientKey = hmac(salted, "Client Key");
        const QByteArray storedKey = QCryptographicHash::hash(clientKey, m_algorithm);
        const QByteArray signature = hmac(storedKey, authMessage);
        QByteArray proof = clientKey;
        for (int i = 0; i < proof.size(); ++i)
            proof[i] = char(proof.at(i) ^ signature.at(i));
        m_expectedServerFinal = "v=" + hmac(hmac(salted, "Server Key"), authMessage).toBase64();
        return withoutProof + ",p=" + proof.toBase64();
    }

    QByteArray expectedServerFinal() const { return m_expectedServerFinal; }
    QByteArray salt() const { return m_salt; }
    int iterations() const { return m_iterations; }

private:
    QByteArray hmac(const QByteArray &key, const QByteArray &data) const
    {
        return QMessageAuthenticationCode::hash(data, key, m_algorithm);
    }

    QCryptographicHash::Algorithm m_algorithm;
    QByteArray m_user, m_password, m_nonce, m_gs2;
    QByteArray m_salt;
    int m_iterations = 0;
    QByteArray m_expectedServerFinal;
};

} // namespace fedgate::test
