#include "NsdServer.h"

#include <QFile>

namespace fedgate::test {

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) >= 0;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

NsdServer::NsdServer(const QHostAddress &address)
    : m_address(address)
{}

NsdServer::~NsdServer()
{
    stop();
}

bool NsdServer::isValid(QString *error) const
{
    if (!m_dir.isValid() && error)
        *error = QStringLiteral("no temporary directory: %1").arg(m_dir.errorString());
    return m_dir.isValid();
}

QString NsdServer::zonePath(const QString &zone) const
{
    return m_dir.filePath(zone + QStringLiteral(".zone"));
}

bool NsdServer::addZone(const QString &zone, const QStringList &records, QString *error)
{
    QString text = QStringLiteral("$ORIGIN %1.\n$TTL 3600\n"
                                  "@ IN SOA ns.%1. admin.%1. 1 3600 600 86400 300\n"
                                  "@ IN NS ns.%1.\nns IN A %2\n")
                       .arg(zone, m_address.toString());
    for (const QString &r : records)
        text += r + QLatin1Char('\n');
    if (!writeFile(zonePath(zone), text.toUtf8())) {
        if (error)
            *error = QStringLiteral("cannot write %1").arg(zonePath(zone));
        return false;
    }
    m_zones << zone;
    return true;
}

QString NsdServer::signZone(const QString &zone, QString *error)
{
    QString out;
    if (runCommand(
            QStringLiteral("ldns-keygen"),
            {QStringLiteral("-a"), QStringLiteral("ECDSAP256SHA256"), QStringLiteral("-k"), zone},
            &out, {}, 60000) != 0) {
        if (error)
            *error = QStringLiteral("ldns-keygen failed (package ldnsutils): %1").arg(out);
        return {};
    }
    // ldns-keygen writes K<zone>+013+<id>.{key,private,ds} in the current
    // directory and prints the base name.
    const QString base = out.trimmed().section(QLatin1Char('\n'), -1).trimmed();
    QString signOut;
    if (QFile::exists(base + QStringLiteral(".key"))) {
        for (const QString &ext :
             {QStringLiteral(".key"), QStringLiteral(".private"), QStringLiteral(".ds")}) {
            QFile::remove(m_dir.filePath(base + ext));
            QFile::rename(base + ext, m_dir.filePath(base + ext));
        }
    }
    if (runCommand(QStringLiteral("ldns-signzone"),
                   {QStringLiteral("-n"), QStringLiteral("-f"),
                    zonePath(zone) + QStringLiteral(".signed"), zonePath(zone),
                    m_dir.filePath(base)},
                   &signOut, {}, 60000) != 0) {
        if (error)
            *error = QStringLiteral("ldns-signzone failed: %1").arg(signOut);
        return {};
    }
    QFile::remove(zonePath(zone));
    QFile::rename(zonePath(zone) + QStringLiteral(".signed"), zonePath(zone));
    const QString key = QString::fromUtf8(readFile(m_dir.filePath(base + QStringLiteral(".key"))));
    if (key.isEmpty() && error)
        *error = QStringLiteral("no key file %1.key").arg(base);
    return key.section(QLatin1Char(';'), 0, 0).trimmed();
}

bool NsdServer::editZone(const QString &zone, const QString &from, const QString &to)
{
    QString text = QString::fromUtf8(readFile(zonePath(zone)));
    if (!text.contains(from))
        return false;
    text.replace(from, to);
    return writeFile(zonePath(zone), text.toUtf8());
}

bool NsdServer::start(QString *error)
{
    stop();
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (!isValid(error))
        return false;
    const QString dir = m_dir.path();
    QString conf = QStringLiteral("server:\n  ip-address: %1\n  port: 53\n  zonesdir: \"%2\"\n"
                                  "  database: \"\"\n  pidfile: \"%2/nsd.pid\"\n  username: \"\"\n"
                                  "  chroot: \"\"\n  xfrdfile: \"%2/xfrd.state\"\n"
                                  "  xfrdir: \"%2\"\n  zonelistfile: \"%2/zone.list\"\n"
                                  "  server-count: 1\n  verbosity: 1\n"
                                  "remote-control:\n  control-enable: no\n")
                       .arg(m_address.toString(), dir);
    for (const QString &zone : m_zones)
        conf += QStringLiteral("zone:\n  name: %1\n  zonefile: \"%2\"\n").arg(zone, zonePath(zone));
    const QString confPath = m_dir.filePath(QStringLiteral("nsd.conf"));
    if (!writeFile(confPath, conf.toUtf8()))
        return fail(QStringLiteral("cannot write %1").arg(confPath));
    if (!m_process.start(QStringLiteral("nsd"),
                         {QStringLiteral("-d"), QStringLiteral("-c"), confPath}))
        return fail(QStringLiteral("nsd did not start (is the nsd package installed?)"));
    if (!m_process.waitForTcp(m_address, 53, 15000)) {
        const QString out = m_process.output();
        m_process.stop();
        return fail(QStringLiteral("nsd on %1 did not come up: %2").arg(m_address.toString(), out));
    }
    return true;
}

void NsdServer::stop()
{
    m_process.stop();
}

} // namespace fedgate::test
