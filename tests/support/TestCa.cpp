#include "TestCa.h"

#include "PeerProcess.h"

#include <QFile>

namespace fedgate::test {

namespace {
bool openssl(const QStringList &args, QString *error)
{
    QString output;
    const int rc = runCommand(QStringLiteral("openssl"), args, &output);
    if (rc != 0 && error)
        *error = QStringLiteral("openssl %1 failed: %2").arg(args.join(QLatin1Char(' ')), output);
    return rc == 0;
}

QString sanLine(const QStringList &dnsNames, const QStringList &extraSan)
{
    QStringList entries;
    for (const QString &n : dnsNames)
        entries << QStringLiteral("DNS:") + n;
    entries += extraSan;
    return entries.join(QLatin1Char(','));
}

bool writeFile(const QString &path, const QByteArray &content, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size()) {
        if (error)
            *error = QStringLiteral("cannot write %1").arg(path);
        return false;
    }
    return true;
}

const QStringList kEcKey{QStringLiteral("-newkey"), QStringLiteral("ec"),
                         QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                         QStringLiteral("-nodes")};
} // namespace

bool TestCa::create(const QString &directory, const QString &name, QString *error)
{
    m_dir = directory;
    QStringList args{QStringLiteral("req"), QStringLiteral("-x509")};
    args += kEcKey;
    args += {QStringLiteral("-keyout"), m_dir + QStringLiteral("/ca.key"),
             QStringLiteral("-out"),    certificatePath(),
             QStringLiteral("-days"),   QString::number(m_days),
             QStringLiteral("-subj"),   QStringLiteral("/CN=") + name,
             QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
             QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")};
    return openssl(args, error);
}

std::optional<TestCa::Leaf> TestCa::issue(const QString &fileBase, const QString &commonName,
                                          const QStringList &dnsNames, const QStringList &extraSan,
                                          QString *error) const
{
    const QString base = m_dir + QLatin1Char('/') + fileBase;
    Leaf leaf{base + QStringLiteral(".crt"), base + QStringLiteral(".key")};
    QStringList req{QStringLiteral("req"), QStringLiteral("-new")};
    req += kEcKey;
    req += {QStringLiteral("-keyout"), leaf.keyPath,
            QStringLiteral("-out"),    base + QStringLiteral(".csr"),
            QStringLiteral("-subj"),   QStringLiteral("/CN=") + commonName};
    if (!openssl(req, error))
        return std::nullopt;
    QByteArray ext = "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n";
    const QString san = sanLine(dnsNames, extraSan);
    if (!san.isEmpty())
        ext += "subjectAltName=" + san.toUtf8() + '\n';
    if (!writeFile(base + QStringLiteral(".ext"), ext, error))
        return std::nullopt;
    const QStringList sign{QStringLiteral("x509"),
                           QStringLiteral("-req"),
                           QStringLiteral("-in"),
                           base + QStringLiteral(".csr"),
                           QStringLiteral("-CA"),
                           certificatePath(),
                           QStringLiteral("-CAkey"),
                           m_dir + QStringLiteral("/ca.key"),
                           QStringLiteral("-CAcreateserial"),
                           QStringLiteral("-days"),
                           QString::number(m_days),
                           QStringLiteral("-extfile"),
                           base + QStringLiteral(".ext"),
                           QStringLiteral("-out"),
                           leaf.certificatePath};
    if (!openssl(sign, error))
        return std::nullopt;
    return leaf;
}

std::optional<TestCa::Leaf> TestCa::selfSigned(const QString &directory, const QString &fileBase,
                                               const QString &commonName,
                                               const QStringList &dnsNames, QString *error)
{
    const QString base = directory + QLatin1Char('/') + fileBase;
    Leaf leaf{base + QStringLiteral(".crt"), base + QStringLiteral(".key")};
    QStringList args{QStringLiteral("req"), QStringLiteral("-x509")};
    args += kEcKey;
    args += {QStringLiteral("-keyout"), leaf.keyPath,
             QStringLiteral("-out"),    leaf.certificatePath,
             QStringLiteral("-days"),   QStringLiteral("30"),
             QStringLiteral("-subj"),   QStringLiteral("/CN=") + commonName};
    const QString san = sanLine(dnsNames, {});
    if (!san.isEmpty())
        args += {QStringLiteral("-addext"), QStringLiteral("subjectAltName=") + san};
    if (!openssl(args, error))
        return std::nullopt;
    return leaf;
}

} // namespace fedgate::test
