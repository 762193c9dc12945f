#include "EngineConfig.h"

#include "engine/xml/XmlStreamParser.h"
#include "topology/DnsServerAddress.h"
#include "topology/LocalReplica.h"
#include "topology/Paths.h"
#include "topology/TopologyDocument.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHostInfo>
#include <QThread>

#include <algorithm>

namespace fedgate::engine {

namespace {

// User-facing text: French in the wizard, which installs a translator;
// English in fedgatectl and fedgated, which install none.
QString tr(const char *text)
{
    return QCoreApplication::translate("EngineConfig", text);
}

// More loops than this is a typing error, not a machine.
constexpr int kMaxSessionLoops = 256;

Error configError(const QString &message)
{
    return Error{message, QStringLiteral("fedgated"), 0, 0};
}

bool parseAddressPort(const QString &text, QHostAddress *address, quint16 *port)
{
    QString host = text;
    QString portText;
    if (text.startsWith(QLatin1Char('['))) { // [v6]:port
        const qsizetype close = text.indexOf(QLatin1Char(']'));
        if (close < 0)
            return false;
        host = text.mid(1, close - 1);
        if (close + 1 < text.size()) {
            if (text.at(close + 1) != QLatin1Char(':'))
                return false;
            portText = text.mid(close + 2);
        }
    } else if (text.count(QLatin1Char(':')) == 1) {
        host = text.section(QLatin1Char(':'), 0, 0);
        portText = text.section(QLatin1Char(':'), 1);
    }
    if (!address->setAddress(host))
        return false;
    *port = 0;
    if (!portText.isEmpty()) {
        bool ok = false;
        const uint p = portText.toUInt(&ok);
        if (!ok || p == 0 || p > 65535)
            return false;
        *port = quint16(p);
    }
    return true;
}
} // namespace

QString EngineConfig::usage()
{
    return QStringLiteral(
        "Usage: fedgated [options]\n"
        "Runs the XMPP federation engine (edge role) in the foreground.\n\n"
        "  --topology FILE        read the topology from a JSON file instead of the local replica\n"
        "  --replica PATH         local replica location (default: the standard one)\n"
        "  --edge-pool FQDN       this machine's edge pool (default: first XMPP-routed pool)\n"
        "  --edge-member FQDN     this machine in the pool (default: by host name, else first)\n"
        "  --listen ADDR[:PORT]   external listener (default: member external IPv4, pool port)\n"
        "  --cert FILE            PEM certificate of the external interface (default: the\n"
        "                         one assigned with 'fedgatectl cert assign --usage external')\n"
        "  --key FILE             PEM private key of that certificate\n"
        "  --ca FILE              PEM trust anchors for partner certificates (default: system)\n"
        "  --host DOMAIN=IP[:PORT] resolve DOMAIN to IP without DNS (repeatable; for tests)\n"
        "  --dns-server ADDR[:PORT] ask this DNS server (default port 53) for SRV records\n"
        "                         and the addresses of their targets\n"
        "  --trust-anchor FILE    DNSSEC trust anchor (DS or DNSKEY records) for DANE checks\n"
        "                         of partners with DANE on (default: /usr/share/dns/root.key)\n"
        "  --control PATH         control socket (default: <data dir>/fedgated.sock)\n"
        "  --retry-attempts N     outbound retries before queued stanzas bounce (default 3)\n"
        "  --retry-delay MS       first retry delay, doubled each time (default 2000)\n"
        "  --max-output-buffer BYTES\n"
        "                         unsent bytes per stream before it is aborted as not\n"
        "                         reading (default 1048576; above the 524288 stanza limit)\n"
        "  --max-pending-dialback N\n"
        "                         dialback checks outstanding per inbound stream (default 10)\n"
        "  --max-unauthenticated-per-address N\n"
        "                         unauthenticated connections per source IPv4 address or\n"
        "                         IPv6 /64 prefix (default 16)\n"
        "  --session-loops N      event loops (threads) the s2s sessions are spread over\n"
        "                         (default: one per core)\n"
        "  --log-file PATH        also log to a rotating file\n"
        "  --verbose              debug logging\n"
        "  --help                 this text\n");
}

Result<EngineConfig> EngineConfig::fromArguments(const QStringList &arguments)
{
    EngineConfig config;
    config.sessionLoops = std::clamp(QThread::idealThreadCount(), 1, kMaxSessionLoops);
    auto value = [&](qsizetype *i, const QString &option) -> std::optional<QString> {
        if (*i + 1 >= arguments.size())
            return std::nullopt;
        ++*i;
        Q_UNUSED(option);
        return arguments.at(*i);
    };
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString arg = arguments.at(i);
        if (arg == QLatin1String("--verbose")) {
            config.verbose = true;
            continue;
        }
        const bool takesValue = QStringList{QStringLiteral("--topology"),
                                            QStringLiteral("--replica"),
                                            QStringLiteral("--edge-pool"),
                                            QStringLiteral("--edge-member"),
                                            QStringLiteral("--listen"),
                                            QStringLiteral("--cert"),
                                            QStringLiteral("--key"),
                                            QStringLiteral("--ca"),
                                            QStringLiteral("--host"),
                                            QStringLiteral("--dns-server"),
                                            QStringLiteral("--trust-anchor"),
                                            QStringLiteral("--control"),
                                            QStringLiteral("--retry-attempts"),
                                            QStringLiteral("--retry-delay"),
                                            QStringLiteral("--log-file"),
                                            QStringLiteral("--max-output-buffer"),
                                            QStringLiteral("--max-pending-dialback"),
                                            QStringLiteral("--max-unauthenticated-per-address"),
                                            QStringLiteral("--session-loops")}
                                    .contains(arg);
        if (!takesValue)
            return configError(QStringLiteral("Unknown option '%1'. Run 'fedgated --help' for the "
                                              "list of options.")
                                   .arg(arg));
        const auto v = value(&i, arg);
        if (!v)
            return configError(QStringLiteral("Option %1 needs a value.").arg(arg));
        if (arg == QLatin1String("--topology")) {
            config.topologyFile = *v;
        } else if (arg == QLatin1String("--replica")) {
            config.replicaPath = *v;
        } else if (arg == QLatin1String("--edge-pool")) {
            config.edgePool = *v;
        } else if (arg == QLatin1String("--edge-member")) {
            config.edgeMember = *v;
        } else if (arg == QLatin1String("--listen")) {
            if (!parseAddressPort(*v, &config.listenAddress, &config.listenPort))
                return configError(QStringLiteral("--listen '%1' is not ADDRESS[:PORT] (for "
                                                  "example 127.0.0.10:5269).")
                                       .arg(*v));
        } else if (arg == QLatin1String("--cert")) {
            config.certificatePath = *v;
        } else if (arg == QLatin1String("--key")) {
            config.keyPath = *v;
        } else if (arg == QLatin1String("--ca")) {
            config.caPath = *v;
        } else if (arg == QLatin1String("--dns-server")) {
            QString dnsError;
            const auto server = topology::DnsServerAddress::parse(*v, &dnsError);
            if (!server)
                return configError(QStringLiteral("--dns-server '%1': %2").arg(*v, dnsError));
            config.dnsServer = server->address;
            config.dnsServerPort = server->port;
        } else if (arg == QLatin1String("--trust-anchor")) {
            if (!QFileInfo(*v).isReadable())
                return configError(QStringLiteral("--trust-anchor '%1': no readable file there "
                                                  "(give a file of DS or DNSKEY records).")
                                       .arg(*v));
            config.trustAnchorFile = *v;
        } else if (arg == QLatin1String("--log-file")) {
            config.logFile = *v;
        } else if (arg == QLatin1String("--control")) {
            config.controlSocketPath = *v;
        } else if (arg == QLatin1String("--host")) {
            const qsizetype eq = v->indexOf(QLatin1Char('='));
            HostOverride o;
            if (eq <= 0 || !parseAddressPort(v->mid(eq + 1), &o.address, &o.port))
                return configError(QStringLiteral("--host '%1' is not DOMAIN=IP[:PORT] (for "
                                                  "example partner.test=127.0.0.2).")
                                       .arg(*v));
            config.hosts.insert(v->left(eq).toLower(), o);
        } else if (arg == QLatin1String("--max-output-buffer")) {
            bool ok = false;
            const qint64 bytes = v->toLongLong(&ok);
            if (!ok || bytes <= XmlStreamParser::kDefaultMaxStanzaSize)
                return configError(QStringLiteral("--max-output-buffer '%1' must be a number of "
                                                  "bytes above the stanza size limit (%2), for "
                                                  "example 1048576.")
                                       .arg(*v)
                                       .arg(XmlStreamParser::kDefaultMaxStanzaSize));
            config.maxOutputBuffer = bytes;
        } else if (arg == QLatin1String("--session-loops")) {
            bool ok = false;
            const int n = v->toInt(&ok);
            if (!ok || n < 1 || n > kMaxSessionLoops)
                return configError(QStringLiteral("--session-loops needs a number from 1 to %1 "
                                                  "(got '%2'); one per core is the default.")
                                       .arg(kMaxSessionLoops)
                                       .arg(*v));
            config.sessionLoops = n;
        } else if (arg == QLatin1String("--max-pending-dialback") ||
                   arg == QLatin1String("--max-unauthenticated-per-address")) {
            bool ok = false;
            const int n = v->toInt(&ok);
            if (!ok || n < 1)
                return configError(
                    QStringLiteral("%1 needs a number of at least 1 (got '%2').").arg(arg, *v));
            if (arg == QLatin1String("--max-pending-dialback"))
                config.maxPendingDialback = n;
            else
                config.maxUnauthenticatedPerAddress = n;
        } else {
            bool ok = false;
            const int n = v->toInt(&ok);
            if (!ok || n < 0)
                return configError(QStringLiteral("%1 needs a non-negative number.").arg(arg));
            if (arg == QLatin1String("--retry-attempts"))
                config.retryAttempts = n;
            else
                config.retryInitialDelayMs = std::max(n, 10);
        }
    }
    if (config.controlSocketPath.isEmpty())
        config.controlSocketPath = fedgate::dataPath(QStringLiteral("fedgated.sock"));
    if (config.certificatePath.isEmpty() != config.keyPath.isEmpty())
        return configError(QStringLiteral("--cert and --key go together: give both, or neither "
                                          "to run without TLS (only partners with TLS "
                                          "NotSupported or Optional can then connect)."));
    return config;
}

Result<topology::Topology> EngineConfig::loadTopology(int *version) const
{
    if (version)
        *version = 0;
    if (!topologyFile.isEmpty())
        return topology::TopologyDocument::readFile(topologyFile, version);
    auto replica = topology::LocalReplica::open(replicaPath);
    if (!replica)
        return replica.error();
    auto state = replica.value()->current();
    if (!state)
        return state.error();
    if (!state.value())
        return configError(tr("The local replica at %1 holds no topology yet. Import "
                              "the published topology first (fedgatectl topology "
                              "import FILE) or start fedgated with --topology FILE.")
                               .arg(replica.value()->location()));
    if (version)
        *version = state.value()->version;
    return state.value()->topology;
}

Result<const topology::EdgePool *>
EngineConfig::selectEdgePool(const topology::Topology &topology) const
{
    if (!edgePool.isEmpty()) {
        const topology::EdgePool *pool = topology.edgePool(edgePool);
        if (!pool)
            return configError(tr("The topology has no edge pool '%1'. Check "
                                  "--edge-pool against 'fedgatectl edge-pool list'.")
                                   .arg(edgePool));
        if (!pool->xmppFederation)
            return configError(tr("XMPP federation is not enabled on edge pool '%1'. "
                                  "Enable it in the topology and republish.")
                                   .arg(edgePool));
        return pool;
    }
    const auto routed = topology.xmppRoutedEdgePools();
    if (routed.isEmpty())
        return configError(tr("No site routes its XMPP federation through an edge "
                              "pool with XMPP federation enabled. Assign a site's "
                              "XMPP federation route and republish."));
    return routed.first();
}

Result<std::pair<QHostAddress, quint16>>
EngineConfig::listenEndpoint(const topology::Topology &topology) const
{
    auto pool = selectEdgePool(topology);
    if (!pool)
        return pool.error();
    const quint16 port = listenPort ? listenPort : pool.value()->xmppPort;
    if (!listenAddress.isNull())
        return std::pair{listenAddress, port};
    const auto &members = pool.value()->members;
    if (members.isEmpty())
        return configError(tr("Edge pool '%1' has no member. Add this machine to the "
                              "pool, or start fedgated with --listen ADDR:PORT.")
                               .arg(pool.value()->fqdn));
    const QString host = edgeMember.isEmpty() ? QHostInfo::localHostName() : edgeMember;
    const topology::EdgeServer *member = &members.first();
    for (const auto &m : members) {
        if (m.internalFqdn.compare(host, Qt::CaseInsensitive) == 0 ||
            m.externalFqdn.compare(host, Qt::CaseInsensitive) == 0 ||
            m.internalFqdn.section(QLatin1Char('.'), 0, 0).compare(host, Qt::CaseInsensitive) == 0)
            member = &m;
    }
    QHostAddress address(member->externalIPv4);
    if (address.isNull())
        address = QHostAddress(member->externalIPv6);
    if (address.isNull())
        return configError(tr("Edge server '%1' has no external IP address in the "
                              "topology. Set it, or start fedgated with --listen.")
                               .arg(member->internalFqdn));
    return std::pair{address, port};
}

} // namespace fedgate::engine
