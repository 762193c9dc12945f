#include "DnsmasqServer.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>

namespace fedgate::test {

namespace {
QString relativeName(QString name)
{
    while (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    return name.toLower();
}
} // namespace

DnsmasqServer::DnsmasqServer(const QHostAddress &address)
    : m_address(address)
{}

DnsmasqServer::~DnsmasqServer()
{
    stop();
}

void DnsmasqServer::addLine(const QString &line)
{
    m_lines << line;
}

void DnsmasqServer::addSrv(const QString &name, const QString &target, quint16 port,
                           quint16 priority, quint16 weight)
{
    m_lines << QStringLiteral("srv-host=%1,%2,%3,%4,%5")
                   .arg(relativeName(name), relativeName(target))
                   .arg(port)
                   .arg(priority)
                   .arg(weight);
}

void DnsmasqServer::addServiceDisabled(const QString &name)
{
    // srv-host without a target is dnsmasq's "service not available": ".".
    m_lines << QStringLiteral("srv-host=%1").arg(relativeName(name));
}

void DnsmasqServer::addHost(const QString &name, const QString &address)
{
    m_lines << QStringLiteral("host-record=%1,%2").arg(relativeName(name), address);
}

void DnsmasqServer::addCname(const QString &alias, const QString &target)
{
    m_lines << QStringLiteral("cname=%1,%2").arg(relativeName(alias), relativeName(target));
}

bool DnsmasqServer::addZone(const QString &zoneText, QString *error)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    const QStringList rows = zoneText.split(QLatin1Char('\n'));
    for (int n = 0; n < rows.size(); ++n) {
        QString row = rows.at(n);
        const qsizetype comment = row.indexOf(QLatin1Char(';'));
        if (comment >= 0)
            row.truncate(comment);
        row = row.trimmed();
        if (row.isEmpty() || row.startsWith(QLatin1Char('$')))
            continue;
        QStringList tokens = row.split(space, Qt::SkipEmptyParts);
        const QString owner = tokens.takeFirst();
        // Optional TTL and class before the type.
        while (!tokens.isEmpty() &&
               (tokens.first().toInt() > 0 ||
                tokens.first().compare(QLatin1String("IN"), Qt::CaseInsensitive) == 0))
            tokens.removeFirst();
        if (tokens.isEmpty()) {
            if (error)
                *error = QStringLiteral("line %1: no record type: %2").arg(n + 1).arg(rows.at(n));
            return false;
        }
        const QString type = tokens.takeFirst().toUpper();
        if (type == QLatin1String("SOA") || type == QLatin1String("NS"))
            continue;
        if (!owner.endsWith(QLatin1Char('.'))) {
            if (error)
                *error = QStringLiteral("line %1: owner %2 is not absolute").arg(n + 1).arg(owner);
            return false;
        }
        if ((type == QLatin1String("A") || type == QLatin1String("AAAA")) && tokens.size() == 1) {
            addHost(owner, tokens.at(0));
        } else if (type == QLatin1String("CNAME") && tokens.size() == 1) {
            addCname(owner, tokens.at(0));
        } else if (type == QLatin1String("SRV") && tokens.size() == 4) {
            if (tokens.at(3) == QLatin1String("."))
                addServiceDisabled(owner);
            else
                addSrv(owner, tokens.at(3), static_cast<quint16>(tokens.at(2).toUInt()),
                       static_cast<quint16>(tokens.at(0).toUInt()),
                       static_cast<quint16>(tokens.at(1).toUInt()));
        } else {
            if (error)
                *error = QStringLiteral("line %1: cannot serve: %2").arg(n + 1).arg(rows.at(n));
            return false;
        }
    }
    return true;
}

QString DnsmasqServer::configText() const
{
    QString text = QStringLiteral("local=/test/\n");
    for (const QString &line : m_lines)
        text += line + QLatin1Char('\n');
    return text;
}

bool DnsmasqServer::start(QString *error)
{
    stop();
    m_dir = std::make_unique<QTemporaryDir>();
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (!m_dir->isValid())
        return fail(QStringLiteral("no temporary directory: %1").arg(m_dir->errorString()));
    // dnsmasq drops root after reading its config; keep the directory
    // traversable for the unprivileged user it becomes.
    makeWorldReadableDir(m_dir->path());
    const QString confPath = m_dir->filePath(QStringLiteral("dnsmasq.conf"));
    QFile conf(confPath);
    if (!conf.open(QIODevice::WriteOnly) || conf.write(configText().toUtf8()) < 0)
        return fail(QStringLiteral("cannot write %1").arg(confPath));
    conf.close();
    const QStringList args{QStringLiteral("--keep-in-foreground"),
                           QStringLiteral("--no-resolv"),
                           QStringLiteral("--no-hosts"),
                           QStringLiteral("--bind-interfaces"),
                           QStringLiteral("--listen-address=") + m_address.toString(),
                           QStringLiteral("--port=53"),
                           QStringLiteral("--pid-file=") +
                               m_dir->filePath(QStringLiteral("dnsmasq.pid")),
                           QStringLiteral("--conf-file=") + confPath};
    if (!m_process.start(QStringLiteral("dnsmasq"), args))
        return fail(QStringLiteral("dnsmasq did not start (is dnsmasq-base installed?)"));
    if (!m_process.waitForTcp(m_address, 53, 15000)) {
        const QString out = m_process.output();
        m_process.stop();
        return fail(
            QStringLiteral("dnsmasq on %1 did not come up: %2").arg(m_address.toString(), out));
    }
    return true;
}

void DnsmasqServer::stop()
{
    m_process.stop();
    m_dir.reset();
}

} // namespace fedgate::test
