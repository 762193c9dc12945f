#include "LinkTls.h"

#include "certs/InternalCa.h"
#include "engine/AssignedTlsIdentity.h"
#include "engine/tls/CertificateChainVerifier.h"
#include "topology/Paths.h"

#include <QFile>
#include <QSslKey>

namespace fedgate::engine {

namespace {
Error linkError(const QString &message)
{
    return Error{message, QStringLiteral("internal link"), 0, 0};
}

Status loadFiles(const LinkTlsSource &source, QSslConfiguration *tls)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(source.certificatePath);
    if (chain.isEmpty())
        return linkError(QStringLiteral("No PEM certificate in %1. Give the link certificate "
                                        "with %2.")
                             .arg(source.certificatePath, source.usageOption));
    QFile file(source.keyPath);
    if (!file.open(QIODevice::ReadOnly))
        return linkError(QStringLiteral("Cannot read the private key %1: %2. Give it with the "
                                        "option that follows %3.")
                             .arg(source.keyPath, file.errorString(), source.usageOption));
    const QSslKey key = privateKeyFromPem(file.readAll());
    if (key.isNull())
        return linkError(QStringLiteral("%1 holds no unencrypted PEM private key (EC, RSA or DSA).")
                             .arg(source.keyPath));
    tls->setLocalCertificateChain(chain);
    tls->setPrivateKey(key);
    return Status::success();
}

Status loadAssigned(const LinkTlsSource &source, QSslConfiguration *tls)
{
    if (!source.usage)
        return linkError(QStringLiteral("No certificate for this side of the internal link: give "
                                        "one with %1.")
                             .arg(source.usageOption));
    const auto identity = loadAssignedTlsIdentity(*source.usage, source.dataDirectory);
    if (!identity)
        return identity.error();
    if (!identity.value())
        return linkError(QStringLiteral("No certificate is assigned for this side of the "
                                        "internal link. Give one with %1.")
                             .arg(source.usageOption));
    identity.value()->applyTo(*tls);
    return Status::success();
}
} // namespace

QSslKey privateKeyFromPem(const QByteArray &pem)
{
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa, QSsl::Dsa}) {
        const QSslKey key(pem, algorithm, QSsl::Pem);
        if (!key.isNull())
            return key;
    }
    return {};
}

Result<QSslConfiguration> linkTlsConfiguration(const LinkTlsSource &source,
                                               CertificateChainVerifier *verifier)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    // Requested from the peer, judged by LinkStream (chain and name), so the
    // refusal is logged with its reason and told to the gateway.
    tls.setPeerVerifyMode(QSslSocket::QueryPeer);
    const Status identity =
        source.certificatePath.isEmpty() ? loadAssigned(source, &tls) : loadFiles(source, &tls);
    if (!identity)
        return identity.error();
    const QString dataDirectory =
        source.dataDirectory.isEmpty() ? fedgate::dataDir() : source.dataDirectory;
    const QString caPath = source.caPath.isEmpty()
                               ? certs::InternalCa(dataDirectory).certificatePath()
                               : source.caPath;
    QString error;
    if (!QFile::exists(caPath) || !verifier->addCaFile(caPath, &error))
        return linkError(QStringLiteral("No trust anchors for the internal link in %1%2. Create "
                                        "the internal CA ('fedgatectl ca create') or give a PEM "
                                        "file with --link-ca.")
                             .arg(caPath, error.isEmpty()
                                              ? QString()
                                              : QStringLiteral(" (") + error + QLatin1Char(')')));
    tls.setCaCertificates(QSslCertificate::fromPath(caPath));
    return tls;
}

} // namespace fedgate::engine
