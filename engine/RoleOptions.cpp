#include "RoleOptions.h"

#include <QHostInfo>

namespace fedgate::engine {

namespace {
Error optionError(const QString &message)
{
    return Error{message, QStringLiteral("fedgated"), 0, 0};
}

// ADDRESS[:PORT] as fedgated's --listen reads it ([v6]:port for IPv6).
bool parseEndpoint(const QString &text, QHostAddress *address, quint16 *port)
{
    auto parsed = engine::EngineConfig::fromArguments({QStringLiteral("--listen"), text});
    if (!parsed)
        return false;
    *address = parsed.value().listenAddress;
    if (parsed.value().listenPort)
        *port = parsed.value().listenPort;
    return true;
}
} // namespace

QString toString(Role role)
{
    switch (role) {
    case Role::Edge:
        return QStringLiteral("edge");
    case Role::Gateway:
        return QStringLiteral("gateway");
    case Role::All:
        return QStringLiteral("all");
    }
    return QStringLiteral("all");
}

QString RoleOptions::usage()
{
    return QStringLiteral(
        "\nRoles (issue 10: the organisation's users and the internal link):\n"
        "  --role edge|gateway|all\n"
        "                         edge: federation (5269) and the edge's end of the internal\n"
        "                         link (23456); gateway: the users' client listener (5222)\n"
        "                         and the gateway's end of the link, connected to the edge\n"
        "                         pools of its site's XMPP federation route (failover in\n"
        "                         route order); all (default): both, still joined over TCP\n"
        "                         23456 on the edge's internal address\n"
        "  --internal-listen ADDR[:PORT]\n"
        "                         edge: the internal link listener (default: the member's\n"
        "                         internal IPv4 and the pool's internal port, 23456)\n"
        "  --internal-cert FILE   edge: PEM certificate of the internal interface (default:\n"
        "                         'fedgatectl cert assign --usage internal')\n"
        "  --internal-key FILE    edge: its PEM private key\n"
        "  --front-end-pool FQDN  gateway: the front-end pool this gateway is (default: the\n"
        "                         next hop of the edge pool; the edge accepts only that one)\n"
        "  --gateway-cert FILE    gateway: PEM certificate for the link and for clients\n"
        "                         (default: 'fedgatectl cert assign --usage gateway')\n"
        "  --gateway-key FILE     gateway: its PEM private key\n"
        "  --client-listen ADDR[:PORT]\n"
        "                         gateway: the client listener (default: any address, 5222)\n"
        "  --gateway-db LOCATION  gateway: its database, a SQLite file or a postgresql:// URL\n"
        "                         (default: <data dir>/gateway.db)\n"
        "  --link-ca FILE         PEM trust anchors for the other end of the internal link\n"
        "                         (default: the internal CA, <data dir>/ca/ca.pem)\n");
}

Result<RoleOptions> RoleOptions::extract(QStringList *arguments)
{
    RoleOptions options;
    const QStringList ours{QStringLiteral("--role"),           QStringLiteral("--internal-listen"),
                           QStringLiteral("--internal-cert"),  QStringLiteral("--internal-key"),
                           QStringLiteral("--front-end-pool"), QStringLiteral("--gateway-cert"),
                           QStringLiteral("--gateway-key"),    QStringLiteral("--client-listen"),
                           QStringLiteral("--gateway-db"),     QStringLiteral("--link-ca")};
    QStringList rest;
    for (qsizetype i = 0; i < arguments->size(); ++i) {
        const QString arg = arguments->at(i);
        if (!ours.contains(arg)) {
            rest << arg;
            continue;
        }
        if (i + 1 >= arguments->size())
            return optionError(QStringLiteral("Option %1 needs a value.").arg(arg));
        const QString v = arguments->at(++i);
        if (arg == QLatin1String("--role")) {
            options.roleGiven = true;
            if (v == QLatin1String("edge"))
                options.role = Role::Edge;
            else if (v == QLatin1String("gateway"))
                options.role = Role::Gateway;
            else if (v == QLatin1String("all"))
                options.role = Role::All;
            else
                return optionError(
                    QStringLiteral("--role '%1' is not edge, gateway or all.").arg(v.left(32)));
        } else if (arg == QLatin1String("--internal-listen")) {
            if (!parseEndpoint(v, &options.internalAddress, &options.internalPort))
                return optionError(QStringLiteral("--internal-listen '%1' is not ADDRESS[:PORT] "
                                                  "(for example 10.10.1.10:23456).")
                                       .arg(v.left(64)));
        } else if (arg == QLatin1String("--client-listen")) {
            if (!parseEndpoint(v, &options.clientAddress, &options.clientPort))
                return optionError(QStringLiteral("--client-listen '%1' is not ADDRESS[:PORT] "
                                                  "(for example 10.10.2.20:5222).")
                                       .arg(v.left(64)));
        } else if (arg == QLatin1String("--internal-cert")) {
            options.internalCert = v;
        } else if (arg == QLatin1String("--internal-key")) {
            options.internalKey = v;
        } else if (arg == QLatin1String("--front-end-pool")) {
            options.frontEndPool = v.toLower();
        } else if (arg == QLatin1String("--gateway-cert")) {
            options.gatewayCert = v;
        } else if (arg == QLatin1String("--gateway-key")) {
            options.gatewayKey = v;
        } else if (arg == QLatin1String("--gateway-db")) {
            options.gatewayDatabase = v;
        } else if (arg == QLatin1String("--link-ca")) {
            options.linkCa = v;
        }
    }
    if (options.internalCert.isEmpty() != options.internalKey.isEmpty())
        return optionError(
            QStringLiteral("Give --internal-cert and --internal-key together, or neither."));
    if (options.gatewayCert.isEmpty() != options.gatewayKey.isEmpty())
        return optionError(
            QStringLiteral("Give --gateway-cert and --gateway-key together, or neither."));
    *arguments = rest;
    return options;
}

Result<std::pair<QHostAddress, quint16>>
RoleOptions::internalEndpoint(const topology::EdgePool &pool, const QString &edgeMember) const
{
    const quint16 port = internalPort ? internalPort : pool.internalPort;
    if (!internalAddress.isNull())
        return std::pair{internalAddress, port};
    if (pool.members.isEmpty())
        return optionError(QStringLiteral("Edge pool '%1' has no member. Add this machine to the "
                                          "pool, or give --internal-listen ADDR:PORT.")
                               .arg(pool.fqdn));
    const QString host = edgeMember.isEmpty() ? QHostInfo::localHostName() : edgeMember;
    const topology::EdgeServer *member = &pool.members.first();
    for (const topology::EdgeServer &m : pool.members)
        if (m.internalFqdn.compare(host, Qt::CaseInsensitive) == 0 ||
            m.internalFqdn.section(QLatin1Char('.'), 0, 0).compare(host, Qt::CaseInsensitive) == 0)
            member = &m;
    QHostAddress address(member->internalIPv4);
    if (address.isNull())
        address = QHostAddress(member->internalIPv6);
    if (address.isNull())
        return optionError(QStringLiteral("Edge server '%1' has no internal IP address in the "
                                          "topology. Set it, or give --internal-listen.")
                               .arg(member->internalFqdn));
    return std::pair{address, port};
}

engine::LinkTlsSource RoleOptions::linkTlsSource(bool edgeSide, const QString &dataDirectory) const
{
    engine::LinkTlsSource source;
    source.certificatePath = edgeSide ? internalCert : gatewayCert;
    source.keyPath = edgeSide ? internalKey : gatewayKey;
    source.usage =
        edgeSide ? certs::CertificateUsage::InternalEdge : certs::CertificateUsage::Gateway;
    source.usageOption = edgeSide ? QStringLiteral("--internal-cert and --internal-key (or "
                                                   "'fedgatectl cert assign --usage internal')")
                                  : QStringLiteral("--gateway-cert and --gateway-key (or "
                                                   "'fedgatectl cert assign --usage gateway')");
    source.caPath = linkCa;
    source.dataDirectory = dataDirectory;
    return source;
}

Result<QString> RoleOptions::selectFrontEndPool(const engine::EngineConfig &config,
                                                const topology::Topology &topology) const
{
    if (!frontEndPool.isEmpty()) {
        for (const topology::Site &site : topology.sites)
            for (const topology::FrontEndPool &fe : site.frontEndPools)
                if (fe.fqdn.compare(frontEndPool, Qt::CaseInsensitive) == 0)
                    return fe.fqdn.toLower();
        return optionError(QStringLiteral("The topology has no front-end pool '%1'. Check "
                                          "--front-end-pool against the topology's sites.")
                               .arg(frontEndPool));
    }
    auto pool = config.selectEdgePool(topology);
    if (!pool)
        return pool.error();
    if (pool.value()->nextHopPool.isEmpty())
        return optionError(QStringLiteral("Edge pool '%1' names no next-hop front-end pool, so "
                                          "the gateway does not know which pool it is. Set the "
                                          "next hop and republish, or give --front-end-pool.")
                               .arg(pool.value()->fqdn));
    return pool.value()->nextHopPool.toLower();
}

} // namespace fedgate::engine
