#include "C2SFixture.h"

#include "engine/gateway/AccountStore.h"
#include "support/TestPaths.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QTest>

namespace fedgate::test {

topology::Topology C2SFixture::topology() const
{
    topology::Topology t;
    t.organisation.name = QStringLiteral("Contoso");
    t.organisation.defaultSipDomain = kDomain;
    t.organisation.xmppDomains = {kDomain};
    topology::Site site;
    site.name = QStringLiteral("hq");
    t.sites << site;
    for (const QString &name :
         {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")}) {
        topology::User u;
        u.xmppAddress = user(name);
        u.displayName = name;
        u.site = site.name;
        t.users << u;
    }
    t.normalise();
    if (customiseTopology)
        customiseTopology(t);
    return t;
}

QString C2SFixture::start(const QString &address)
{
    if (!m_dir.isValid())
        return QStringLiteral("no temporary directory");
    QString error;
    if (!m_ca.create(m_dir.path(), QStringLiteral("Fedgate c2s test CA"), &error))
        return error;
    const auto leaf = m_ca.issue(QStringLiteral("gateway"), QStringLiteral("fe01.contoso.test"),
                                 {QStringLiteral("fe01.contoso.test"), kDomain}, {}, &error);
    if (!leaf)
        return error;
    QFile certFile(leaf->certificatePath), keyFile(leaf->keyPath);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read the gateway certificate");
    engine::GatewayConfig config;
    m_address = QHostAddress(address);
    config.clientAddress = m_address;
    config.clientPort = 0;
    config.databaseLocation = m_dir.path() + QStringLiteral("/gateway.db");
    config.tls = QSslConfiguration::defaultConfiguration();
    config.tls.setLocalCertificate(QSslCertificate(certFile.readAll()));
    config.tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
    config.tls.setProtocol(QSsl::TlsV1_2OrLater);
    config.tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    if (customiseConfig)
        customiseConfig(config);
    m_config = config;
    m_gateway = std::make_unique<engine::Gateway>();
    const Status started = m_gateway->start(config, topology());
    if (!started)
        return started.error().toString();
    for (const QString &name : {QStringLiteral("alice"), QStringLiteral("bob"),
                                QStringLiteral("carol"), QStringLiteral("dave")}) {
        const Status s =
            m_gateway->accounts()->setPassword(engine::Jid::fromString(user(name)), kPassword);
        if (!s)
            return s.error().toString();
    }
    return {};
}

QString C2SFixture::restartGateway()
{
    m_gateway->stop();
    m_gateway.reset();
    m_gateway = std::make_unique<engine::Gateway>();
    const Status started = m_gateway->start(m_config, topology());
    return started ? QString() : started.error().toString();
}

QJsonObject C2SFixture::runClients(const QString &scenario, const QStringList &args, int *exitCode)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(QStringLiteral("/usr/bin/python3"),
                  QStringList{sourceDir() + QStringLiteral("/tests/engine/c2s/c2s_clients.py"),
                              scenario, m_address.toString(), QString::number(port()), caPath()} +
                      args);
    *exitCode = -1;
    if (!process.waitForStarted(10000))
        return {};
    // The gateway runs on this thread: serve it while the clients play.
    (void)QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 120000);
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
        return {};
    }
    *exitCode = process.exitCode();
    const QByteArray out = process.readAllStandardOutput();
    const QByteArray err = process.readAllStandardError();
    if (*exitCode != 0)
        qWarning("c2s_clients.py %s: %s %s", qPrintable(scenario), out.constData(),
                 err.right(2000).constData());
    return QJsonDocument::fromJson(out.trimmed().split('\n').last()).object();
}

} // namespace fedgate::test
