#include "DnsServerAddress.h"

#include <QCoreApplication>
#include <QHostInfo>

namespace fedgate::topology {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DnsServerAddress", text);
}

} // namespace

QString DnsServerAddress::toString() const
{
    if (address.isNull())
        return {};
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(address.toString())
                             : address.toString();
    if (port == 53)
        return address.toString();
    return host + QLatin1Char(':') + QString::number(port);
}

QByteArray DnsServerAddress::forwarderSpec() const
{
    return (address.toString() + QLatin1Char('@') + QString::number(port)).toLatin1();
}

std::optional<DnsServerAddress> DnsServerAddress::parse(const QString &input, QString *error)
{
    const QString text = input.trimmed();
    auto fail = [&](const QString &why) -> std::optional<DnsServerAddress> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QString usage = tr("Give the name server as ADDRESS or ADDRESS:PORT, e.g. 192.0.2.53, "
                             "192.0.2.53:5353, [2001:db8::53]:5353 or ns1.example.net:5353.");
    if (text.isEmpty())
        return fail(tr("The name server is empty. %1").arg(usage));
    QString host = text;
    QString portText;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1Char(']'));
        if (close < 0)
            return fail(tr("'%1' opens '[' without closing it. %2").arg(text, usage));
        host = text.mid(1, close - 1);
        const QString rest = text.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':')))
                return fail(tr("'%1' has '%2' after the address. %3").arg(text, rest, usage));
            portText = rest.mid(1);
        }
    } else if (text.count(QLatin1Char(':')) == 1) {
        host = text.section(QLatin1Char(':'), 0, 0);
        portText = text.section(QLatin1Char(':'), 1);
    }
    DnsServerAddress server;
    if (!portText.isNull()) {
        bool ok = false;
        const uint port = portText.toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return fail(tr("'%1' in '%2' is not a port number (1 to 65535). %3")
                            .arg(portText, text, usage));
        server.port = quint16(port);
    }
    if (server.address.setAddress(host))
        return server;
    if (host.isEmpty() || host.contains(QLatin1Char(' ')))
        return fail(tr("'%1' is neither an IP address nor a host name. %2").arg(host, usage));
    const QHostInfo info = QHostInfo::fromName(host);
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty())
        return fail(tr("The name server's name '%1' could not be resolved (%2). Give its IP "
                       "address instead.")
                        .arg(host, info.errorString()));
    server.address = info.addresses().constFirst();
    return server;
}

} // namespace fedgate::topology
