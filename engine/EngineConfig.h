#pragma once

#include "topology/Result.h"
#include "topology/Topology.h"

#include <QHash>
#include <QHostAddress>
#include <QString>
#include <QStringList>

// Everything fedgated needs to know that is not in the published topology:
// where the topology comes from, which edge pool this machine is, the
// certificate files, test-only overrides. One class so that the deployment
// step can fill it in later instead of a command line.
namespace fedgate::engine {

struct HostOverride
{
    QHostAddress address;
    quint16 port = 0; // 0 = the port the SRV record or the default gives
};

class EngineConfig
{
public:
    QString topologyFile;       // --topology FILE; empty = the local replica
    QString replicaPath;        // --replica PATH; empty = LocalReplica::defaultLocation()
    QString edgePool;           // --edge-pool FQDN; empty = the first XMPP-routed pool
    QString edgeMember;         // --edge-member FQDN; empty = matched by host name, else the first
    QHostAddress listenAddress; // --listen ADDR:PORT; null = the member's external IPv4
    quint16 listenPort = 0;     // 0 = the pool's xmppPort
    QString certificatePath;    // --cert PEM (leaf first, then intermediates)
    QString keyPath;            // --key PEM
    QString caPath;             // --ca PEM trust anchors; empty = the system store
    QHash<QString, HostOverride> hosts; // --host DOMAIN=IP[:PORT]
    // --dns-server ADDRESS[:PORT]: SRV and target A/AAAA lookups ask it; null = system
    QHostAddress dnsServer;
    quint16 dnsServerPort = 53;
    // --trust-anchor FILE: DNSSEC trust anchor for DANE (partners with the
    // option on); empty = the system's root key
    QString trustAnchorFile;
    QString controlSocketPath; // --control PATH
    // Fedgate's data directory, where the key store keeps the certificate
    // assigned to the external edge (used when no --cert is given); empty =
    // fedgate::dataDir().
    QString dataDirectory;
    QString logFile;      // --log-file PATH: rotating file besides stderr
    bool verbose = false; // --verbose: debug level

    // Outbound retry policy: attempts after the first, the first delay, and
    // the cap (delay doubles each time).
    int retryAttempts = 3;
    int retryInitialDelayMs = 2000;
    int retryMaxDelayMs = 30000;
    int outboundQueueLimit = 1000; // stanzas queued per remote domain while connecting
    int connectTimeoutMs = 10000;  // per target

    // Bounds against hostile peers. Unsent bytes per stream (socket buffer
    // plus TLS bytes pending); over it the stream is aborted (the peer is not
    // reading). Must exceed the stanza size limit.
    qint64 maxOutputBuffer = 1024 * 1024; // --max-output-buffer BYTES
    // db:result verifications outstanding per inbound stream; one more is a
    // policy-violation.
    int maxPendingDialback = 10; // --max-pending-dialback N
    // Unauthenticated inbound connections per source: an IPv4 address
    // (IPv4-mapped IPv6 included) or an IPv6 /64 prefix, since one IPv6
    // host usually holds a whole /64. One more from it is closed at accept.
    int maxUnauthenticatedPerAddress = 16; // --max-unauthenticated-per-address N
    // The parser's stanza size limit until a stream is authenticated (the
    // full limit, Engine::maxStanzaSize(), applies afterwards).
    qint64 maxUnauthenticatedStanzaSize = 16 * 1024;
    // Event loops the s2s sessions are spread over (SessionLoop). 1: the
    // Engine's own thread (an Engine built in process: everything on the
    // caller's thread); more: that many threads of their own, the Engine's
    // thread only routing. fedgated's command line defaults to one per core
    // (--session-loops N).
    int sessionLoops = 1;

    // Parses fedgated's command line (without the program name).
    static Result<EngineConfig> fromArguments(const QStringList &arguments);
    static QString usage();

    // Loads the topology from the file or the local replica; `version`
    // (when given) gets its published version number, 0 when the file
    // carries none.
    Result<topology::Topology> loadTopology(int *version = nullptr) const;
    // Picks this machine's edge pool and member from the topology.
    Result<const topology::EdgePool *> selectEdgePool(const topology::Topology &topology) const;
    // The external listener address and port, overrides applied.
    Result<std::pair<QHostAddress, quint16>>
    listenEndpoint(const topology::Topology &topology) const;
};

} // namespace fedgate::engine
