#include "ProsodyServer.h"

#include <QDir>
#include <QFile>
#include <QTextStream>

namespace fedgate::test {

namespace {
bool copyForProsody(const QString &from, const QString &to, QString *error)
{
    QFile::remove(to);
    if (!QFile::copy(from, to)) {
        if (error)
            *error = QStringLiteral("cannot copy %1 to %2").arg(from, to);
        return false;
    }
    return true;
}

QString luaString(const QString &s)
{
    QString escaped = s;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}
} // namespace

ProsodyServer::~ProsodyServer()
{
    stop();
}

QString ProsodyServer::configPath() const
{
    return m_dir ? m_dir->path() + QStringLiteral("/prosody.cfg.lua") : QString();
}

QString ProsodyServer::debugLog() const
{
    if (!m_dir)
        return {};
    QFile f(m_dir->path() + QStringLiteral("/data/debug.log"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const qint64 maxBytes = 20000;
    if (f.size() > maxBytes)
        f.seek(f.size() - maxBytes);
    return QString::fromUtf8(f.readAll());
}

bool ProsodyServer::start(const Options &options, QString *error)
{
    stop();
    m_options = options;
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        if (error)
            *error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    const QString dir = m_dir->path();
    makeWorldReadableDir(dir);
    QDir().mkpath(dir + QStringLiteral("/data"));
    QString ssl;
    if (!options.certificatePath.isEmpty()) {
        if (!copyForProsody(options.certificatePath, dir + QStringLiteral("/server.crt"), error) ||
            !copyForProsody(options.keyPath, dir + QStringLiteral("/server.key"), error))
            return false;
        ssl = QStringLiteral("ssl = { certificate = %1; key = %2; ")
                  .arg(luaString(dir + QStringLiteral("/server.crt")),
                       luaString(dir + QStringLiteral("/server.key")));
        if (!options.caPath.isEmpty()) {
            if (!copyForProsody(options.caPath, dir + QStringLiteral("/ca.crt"), error))
                return false;
            ssl += QStringLiteral("cafile = %1; ").arg(luaString(dir + QStringLiteral("/ca.crt")));
        }
        ssl += QStringLiteral("}\n");
    }
    {
        QFile hosts(dir + QStringLiteral("/hosts"));
        if (!hosts.open(QIODevice::WriteOnly))
            return false;
        QTextStream s(&hosts);
        for (auto it = options.hosts.cbegin(); it != options.hosts.cend(); ++it)
            s << it.value() << ' ' << it.key() << '\n';
    }
    QFile config(configPath());
    if (!config.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("cannot write %1").arg(configPath());
        return false;
    }
    QTextStream c(&config);
    const QString data = dir + QStringLiteral("/data");
    c << "pidfile = " << luaString(data + QStringLiteral("/prosody.pid")) << "\n"
      << "data_path = " << luaString(data) << "\n"
      << "certificates = " << luaString(dir) << "\n"
      << "interfaces = { " << luaString(options.address.toString()) << " }\n"
      << "c2s_ports = { " << options.c2sPort << " }\n"
      << "s2s_ports = { " << options.s2sPort << " }\n"
      << "c2s_direct_tls_ports = { }\ns2s_direct_tls_ports = { "
      << (options.s2sDirectTlsPort ? QString::number(options.s2sDirectTlsPort) : QString())
      << " }\n"
      // Without a certificate mod_tls stays off, so STARTTLS is not offered.
      << "modules_enabled = { \"roster\"; \"saslauth\"; \"dialback\"; \"disco\"; \"ping\""
      << (options.certificatePath.isEmpty() ? "" : "; \"tls\"")
      << (options.bidi ? "; \"s2s_bidi\"" : "") << " }\n"
      << "s2s_secure_auth = " << (options.secureAuth ? "true" : "false") << "\n"
      << "s2s_require_encryption = " << (options.requireEncryption ? "true" : "false") << "\n"
      << "c2s_require_encryption = false\n"
      << "allow_unencrypted_plain_auth = true\n"
      << "authentication = \"internal_plain\"\n"
      << "s2s_timeout = 20\n"
      << "log = { " << (options.debugLog ? "debug" : "warn") << " = "
      << luaString(data + QStringLiteral("/debug.log"))
      << "; error = " << luaString(data + QStringLiteral("/error.log")) << " }\n"
      << "unbound = { hoststxt = " << luaString(dir + QStringLiteral("/hosts")) << " }\n"
      << ssl << "VirtualHost " << luaString(options.domain) << "\n";
    config.close();
    if (!chownRecursive(dir, QStringLiteral("prosody"))) {
        if (error)
            *error = QStringLiteral("cannot chown %1 to prosody").arg(dir);
        return false;
    }
    return launch(error);
}

bool ProsodyServer::launch(QString *error)
{
    QString program = QStringLiteral("prosody");
    QStringList args{QStringLiteral("-F"), QStringLiteral("--config"), configPath()};
    if (m_options.openFiles > 0) {
        args = {QStringLiteral("-c"),
                QStringLiteral("ulimit -n %1 && exec prosody -F --config \"$0\"")
                    .arg(m_options.openFiles),
                configPath()};
        program = QStringLiteral("sh");
    }
    if (!m_process.start(program, args, QStringLiteral("prosody"))) {
        if (error)
            *error = QStringLiteral("prosody did not start");
        return false;
    }
    if (!m_process.waitForTcp(m_options.address, m_options.s2sPort, 15000)) {
        if (error)
            *error = QStringLiteral("prosody does not listen on %1:%2: %3\n%4")
                         .arg(m_options.address.toString())
                         .arg(m_options.s2sPort)
                         .arg(m_process.output(), debugLog().right(3000));
        m_process.stop();
        return false;
    }
    return true;
}

bool ProsodyServer::restart(QString *error)
{
    m_process.stop();
    return launch(error);
}

void ProsodyServer::stop()
{
    m_process.stop();
}

bool ProsodyServer::registerUser(const QString &user, const QString &password, QString *error)
{
    QString output;
    const int rc = runCommand(QStringLiteral("prosodyctl"),
                              {QStringLiteral("--config"), configPath(), QStringLiteral("register"),
                               user, m_options.domain, password},
                              &output, QStringLiteral("prosody"), 30000);
    if (rc != 0 && error)
        *error = QStringLiteral("prosodyctl register failed (%1): %2").arg(rc).arg(output);
    return rc == 0;
}

} // namespace fedgate::test
