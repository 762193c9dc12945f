#include "CertsTestSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>

namespace fedgate::test {

topology::Topology certificateTestTopology()
{
    topology::Topology t;
    t.organisation.name = QStringLiteral("Contoso");
    t.organisation.defaultSipDomain = QStringLiteral("contoso.test");
    t.organisation.additionalSipDomains = {QStringLiteral("fabrikam.test")};
    t.organisation.xmppDomains = {QStringLiteral("contoso.test")};
    topology::Site site;
    site.name = QStringLiteral("Paris");
    topology::FrontEndPool fe;
    fe.fqdn = QStringLiteral("fe.contoso.test");
    fe.members = {QStringLiteral("fe1.contoso.test")};
    site.frontEndPools = {fe};
    topology::EdgePool pool;
    pool.fqdn = QStringLiteral("edge.contoso.test");
    pool.externalFqdn = QStringLiteral("access.contoso.test");
    pool.xmppFederation = true;
    pool.nextHopPool = fe.fqdn;
    for (int i = 1; i <= 2; ++i) {
        topology::EdgeServer member;
        member.internalFqdn = QStringLiteral("edge%1.contoso.test").arg(i);
        member.internalIPv4 = QStringLiteral("10.0.0.%1").arg(i);
        member.externalFqdn = QStringLiteral("access%1.contoso.test").arg(i);
        member.externalIPv4 = QStringLiteral("192.0.2.%1").arg(i);
        pool.members << member;
    }
    site.edgePools = {pool};
    site.xmppFederationRoute = pool.fqdn;
    t.sites = {site};
    t.normalise();
    return t;
}

CommandResult runProgram(const QString &program, const QStringList &args, const QByteArray &input,
                         int timeoutMs)
{
    CommandResult result;
    QProcess process;
    process.start(program, args);
    if (!process.waitForStarted(10000))
        return result;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        return result;
    }
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return result;
}

CommandResult openssl(const QStringList &args)
{
    return runProgram(QStringLiteral("openssl"), args);
}

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeBytes(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(QDir(dir).relativeFilePath(path), readBytes(path));
    }
    return files;
}

namespace {
bool check(const CommandResult &r, const QString &what, QString *error)
{
    if (r.exitCode == 0)
        return true;
    if (error)
        *error = what + QStringLiteral(": ") + QString::fromUtf8(r.out + r.err);
    return false;
}
} // namespace

bool TestPki::create(const QString &dir, QString *error)
{
    m_dir = dir;
    const QString ext = dir + QStringLiteral("/ca.ext");
    writeBytes(ext, "[v3_int]\nbasicConstraints=critical,CA:TRUE,pathlen:0\n"
                    "keyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n"
                    "authorityKeyIdentifier=keyid:always\n");
    if (!check(
            openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                     QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                     QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                     QStringLiteral("-keyout"), dir + QStringLiteral("/root.key"),
                     QStringLiteral("-out"), rootPath(), QStringLiteral("-subj"),
                     QStringLiteral("/O=Test PKI/CN=Test Root CA"), QStringLiteral("-days"),
                     QStringLiteral("365"), QStringLiteral("-addext"),
                     QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
                     QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")}),
            QStringLiteral("root"), error))
        return false;
    if (!check(openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"),
                        QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                        QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                        QStringLiteral("-keyout"), dir + QStringLiteral("/int.key"),
                        QStringLiteral("-out"), dir + QStringLiteral("/int.csr"),
                        QStringLiteral("-subj"),
                        QStringLiteral("/O=Test PKI/CN=Test Intermediate CA")}),
               QStringLiteral("intermediate request"), error))
        return false;
    return check(
        openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                 dir + QStringLiteral("/int.csr"), QStringLiteral("-CA"), rootPath(),
                 QStringLiteral("-CAkey"), dir + QStringLiteral("/root.key"),
                 QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), intermediatePath(),
                 QStringLiteral("-days"), QStringLiteral("365"), QStringLiteral("-extfile"), ext,
                 QStringLiteral("-extensions"), QStringLiteral("v3_int")}),
        QStringLiteral("intermediate"), error);
}

bool TestPki::sign(const QString &csrPath, const QString &outPath, int days, QString *error) const
{
    return check(
        openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csrPath,
                 QStringLiteral("-CA"), intermediatePath(), QStringLiteral("-CAkey"),
                 m_dir + QStringLiteral("/int.key"), QStringLiteral("-CAcreateserial"),
                 QStringLiteral("-out"), outPath, QStringLiteral("-days"), QString::number(days),
                 QStringLiteral("-copy_extensions"), QStringLiteral("copyall")}),
        QStringLiteral("sign"), error);
}

} // namespace fedgate::test
