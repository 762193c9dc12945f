#pragma once

#include <QString>
#include <QStringList>

#include <optional>

// A throw-away certificate authority for tests, made with the openssl command
// line tool: a CA key and certificate, then leaf certificates (EC P-256 keys)
// with the subjectAltNames a test asks for. Files live in the directory given
// to create(); the caller owns its lifetime (a QTemporaryDir).
namespace fedgate::test {

class TestCa
{
public:
    struct Leaf
    {
        QString certificatePath; // PEM leaf certificate
        QString keyPath;         // PEM private key, unencrypted
    };

    // Creates ca.key and ca.crt in `directory` with subject CN=`name`.
    bool create(const QString &directory, const QString &name = QStringLiteral("Fedgate Test CA"),
                QString *error = nullptr);
    QString certificatePath() const { return m_dir + QStringLiteral("/ca.crt"); }
    // Days of validity of the CA and of the leaves issued after this call
    // (default 30, which the certificate lint reports as expiring soon).
    void setValidityDays(int days) { m_days = days; }
    QString directory() const { return m_dir; }

    // Issues a leaf for CN=`commonName` with a subjectAltName made of
    // DNS:`dnsNames` plus `extraSan` entries in openssl syntax (e.g.
    // "otherName:1.3.6.1.5.5.7.8.5;UTF8:example.test" for an xmppAddr). No
    // SAN at all when both lists are empty. `fileBase` names the files.
    std::optional<Leaf> issue(const QString &fileBase, const QString &commonName,
                              const QStringList &dnsNames, const QStringList &extraSan = {},
                              QString *error = nullptr) const;

    // A self-signed leaf (no CA) in `directory`.
    static std::optional<Leaf> selfSigned(const QString &directory, const QString &fileBase,
                                          const QString &commonName, const QStringList &dnsNames,
                                          QString *error = nullptr);

private:
    QString m_dir;
    int m_days = 30;
};

} // namespace fedgate::test
