// Bytes -> an inbound server-to-server stream of an in-process Engine: the
// stream header checks, STARTTLS, SASL EXTERNAL, dialback (db:result as
// receiving server, db:verify as authoritative server) and stanza routing of
// InboundSession, fed as a remote server would send them.
//
// Each input is one connection: an AF_UNIX socketpair whose engine end is
// handed to the engine the way S2SListener hands over an accepted socket
// (its `accepted` signal); the input is written on the other end. The
// two-byte separator "\x00\xff" (never in UTF-8) splits the input into
// segments; after each one the event loop runs until the engine is idle
// (bounded), so a db:result can be verified by the partner before the next
// segment sends stanzas. Then the peer end closes and the loop runs until
// the session is gone. First byte, bit 0: prepend a stream header from
// partner.test to contoso.test.
//
// The engine serves contoso.test (the example topology) with a throw-away
// certificate (fuzz/data) and knows two partners: partner.test (dialback
// only; its authoritative server is the engine tests' FakePartnerServer,
// which says "valid" to every check) and tls.test (TLS and SASL EXTERNAL required).
#include "FuzzSupport.h"

#include "engine/RawXmppPeers.h"

#include "engine/Engine.h"
#include "engine/s2s/S2SListener.h"
#include "topology/TopologyDocument.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QDir>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>

#include <memory>

#include <cerrno>

#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace fedgate;
using namespace fedgate::engine;

namespace {

const QString kOurDomain = QStringLiteral("contoso.test");
const QString kPartner = QStringLiteral("partner.test");
const QString kTlsPartner = QStringLiteral("tls.test");
const QHostAddress kEngineAddress(QStringLiteral("127.0.0.140"));
const QHostAddress kPartnerAddress(QStringLiteral("127.0.0.141"));
const QByteArray kSeparator("\x00\xff", 2);
const QByteArray kHeader = "<?xml version='1.0'?><stream:stream xmlns='jabber:server' "
                           "xmlns:stream='http://etherx.jabber.org/streams' "
                           "xmlns:db='jabber:server:dialback' version='1.0' "
                           "from='partner.test' to='contoso.test'>";
constexpr int kMaxRounds = 400; // event loop rounds per segment and for the close
// Idle rounds (1 ms each with nothing arriving) waited in all for dialback
// answers; a check that is answered at all is answered within one or two.
constexpr int kMaxDialbackRounds = 5;

struct Harness
{
    std::unique_ptr<test::FakePartnerServer> partner; // says "valid" to every check
    std::unique_ptr<Engine> engine;
    S2SListener *listener = nullptr;
};

Harness *g_harness = nullptr;

quint16 freePort(const QHostAddress &address)
{
    QTcpServer probe;
    probe.listen(address, 0);
    return probe.serverPort();
}

void setUp()
{
    const QString dataDir = QDir::tempPath() + QStringLiteral("/fedgate-fuzz-inbound");
    QDir().mkpath(dataDir);
    qputenv("FEDGATE_DATA_DIR", QFile::encodeName(dataDir));

    auto topology = topology::TopologyDocument::readFile(QStringLiteral(FEDGATE_FUZZ_TOPOLOGY));
    if (!topology)
        fuzz::fail("cannot read the example topology", topology.error().toString().toUtf8());
    topology::XmppPartner dialback;
    dialback.domain = kPartner;
    dialback.tls = topology::Negotiation::NotSupported;
    dialback.sasl = topology::Negotiation::NotSupported;
    dialback.dialback = true;
    topology::XmppPartner tls;
    tls.domain = kTlsPartner;
    tls.tls = topology::Negotiation::Required;
    tls.sasl = topology::Negotiation::Required;
    tls.dialback = false;
    topology.value().partners = {dialback, tls};
    topology.value().gateway.dialbackSecret = QStringLiteral("fuzz-secret");

    auto *h = new Harness; // lives as long as the process
    h->partner = std::make_unique<test::FakePartnerServer>();
    if (!h->partner->listen(kPartnerAddress))
        fuzz::fail("cannot listen for the partner's authoritative server on 127.0.0.141");
    EngineConfig config;
    config.listenAddress = kEngineAddress;
    config.listenPort = freePort(kEngineAddress);
    config.certificatePath = QStringLiteral(FEDGATE_FUZZ_DATA "/edge-cert.pem");
    config.keyPath = QStringLiteral(FEDGATE_FUZZ_DATA "/edge-key.pem");
    config.caPath = QStringLiteral(FEDGATE_FUZZ_DATA "/edge-cert.pem");
    config.dataDirectory = dataDir;
    config.hosts.insert(kPartner, HostOverride{kPartnerAddress, h->partner->port()});
    config.retryAttempts = 0;
    h->engine = std::make_unique<Engine>(config);
    const Status started = h->engine->start(topology.value());
    if (!started)
        fuzz::fail("the engine does not start", started.error().message.toUtf8());
    h->listener = h->engine->findChild<S2SListener *>();
    if (!h->listener)
        fuzz::fail("the engine has no S2SListener child");
    g_harness = h;
}

int inboundSessions()
{
    int n = 0;
    for (const SessionInfo &s : g_harness->engine->sessions())
        n += s.direction == SessionDirection::Inbound;
    return n;
}

qsizetype unread(int fd)
{
    int n = 0;
    return ::ioctl(fd, FIONREAD, &n) == 0 ? n : 0;
}

// Reads what the engine sent; returns how many dialback answers
// (<db:result type=...>) it held.
int drain(int fd)
{
    static const QByteArray answer = "<db:result ";
    char buffer[16384];
    int answers = 0;
    ssize_t n;
    while ((n = ::read(fd, buffer, sizeof buffer)) > 0)
        answers += QByteArray::fromRawData(buffer, n).count(answer);
    return answers;
}

// One round: what is ready now and deferred deletes. When nothing was
// ready and `wait` is set, also a wait of at most 1 ms for something to
// arrive (the dialback check runs over loopback TCP). Returns true when
// idle.
bool round(bool wait)
{
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    const bool busy = dispatcher->processEvents(QEventLoop::AllEvents);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    if (busy)
        return false;
    if (!wait)
        return true;
    bool woke = false;
    QTimer guard;
    guard.setSingleShot(true);
    guard.setTimerType(Qt::PreciseTimer);
    QObject::connect(&guard, &QTimer::timeout, [&woke] { woke = true; });
    guard.start(1);
    dispatcher->processEvents(QEventLoop::WaitForMoreEvents);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return woke;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::silenceLogs();
    fuzz::ensureApplication(argc, argv);
    setUp();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    QByteArray input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    if (data[0] & 1)
        input.prepend(kHeader);

    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
        fuzz::fail("socketpair failed");
    ::fcntl(fds[1], F_SETFL, O_NONBLOCK);
    // The engine's end goes where an accepted connection goes: the Engine
    // hands the descriptor to a session loop, which makes its stream
    // (TlsStream) and InboundSession; the engine closes it when the session
    // ends.
    emit g_harness->listener->acceptedDescriptor(fds[0], false);
    if (inboundSessions() == 0)
        round(false); // a loop may take the descriptor through its queue
    if (inboundSessions() == 0)
        fuzz::fail("the engine made no inbound session for the accepted connection");

    // A db:result is answered once the partner's authoritative server has
    // checked the key over loopback TCP, which can take longer than the 1 ms
    // idle wait: while fewer answers than requests came back, idle rounds do
    // not end the segment (bounded by kMaxDialbackRounds in all).
    const int requests = int(input.count("<db:result"));
    // Nagle's algorithm against delayed ACKs costs 40 ms per dialback check
    // on a reused outbound stream; the engine's own sockets go without it.
    for (QAbstractSocket *s : g_harness->engine->findChildren<QAbstractSocket *>())
        s->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    int answers = 0;
    int dialbackRounds = 0;
    qsizetype from = 0;
    while (from <= input.size()) {
        qsizetype to = input.indexOf(kSeparator, from);
        if (to < 0)
            to = input.size();
        qsizetype written = from;
        bool peerGone = false;
        for (int rounds = 0; rounds < kMaxRounds; ++rounds) {
            if (written < to && !peerGone) {
                const ssize_t n =
                    ::send(fds[1], input.constData() + written, size_t(to - written), MSG_NOSIGNAL);
                if (n > 0)
                    written += n;
                else if (n < 0 && errno != EAGAIN)
                    peerGone = true; // the engine closed the connection
            }
            answers += drain(fds[1]);
            const bool open = inboundSessions() > 0;
            const bool dialbackPending =
                answers < requests && dialbackRounds < kMaxDialbackRounds && open;
            bool idle = round(dialbackPending);
            if (idle && dialbackPending) {
                ++dialbackRounds;
                idle = false;
            }
            // The stream reads everything the kernel holds for it into its
            // parser at once, so nothing unread on its end means consumed.
            const bool consumed = (written == to || peerGone) && (!open || unread(fds[0]) == 0);
            if (idle && consumed)
                break;
        }
        from = to + kSeparator.size();
    }

    ::close(fds[1]);
    for (int rounds = 0; rounds < kMaxRounds && inboundSessions() > 0; ++rounds)
        round(true);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    g_harness->partner->stanzas.clear(); // what it received is not checked here
    g_harness->partner->afterAuth.clear();
    return 0;
}
