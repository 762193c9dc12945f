// A refused peer always receives its stream error (lingering close): a peer
// refused at a size limit that keeps writing after the refusal, and reads
// only once it is done, must find the complete <stream:error> with
// <policy-violation/> and the closing tag. Before the fix the engine closed
// with the peer's bytes unread, the kernel answered with a TCP reset, and
// the peer could lose the error: a peer whose stack drops the connection on
// the reset (a failed write, as a Qt socket can) never reads it; the last two
// cases play such a peer, in plain TCP and over STARTTLS (the engine flushes
// its TLS records and close_notify before it half-closes). The blocking
// POSIX peer of the first cases keeps what it received, so it must also see
// the connection end in order (end of stream, no reset, no failed write):
// those fail on every run before the fix. Each peer runs in its own thread
// (the engine runs in the test's thread), so it really is still writing
// when the engine closes; each case runs 20 times so the race shows
// (addresses 127.0.0.150-154).
#include "EngineLimitsFixture.h"
#include "engine/xml/XmlStreamParser.h"
#include "support/PeerProcess.h"
#include "support/TestCa.h"
#include "support/TestPaths.h"
#include "topology/TopologyDocument.h"

#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <thread>

using namespace fedgate::engine;
using namespace fedgate;

namespace {
const QHostAddress kEngineAddress(QStringLiteral("127.0.0.150"));
const QHostAddress kPartnerAddress(QStringLiteral("127.0.0.151"));
const QHostAddress kPeerAddress(QStringLiteral("127.0.0.152"));
const QHostAddress kTlsEngineAddress(QStringLiteral("127.0.0.153"));
const QHostAddress kTlsPeerAddress(QStringLiteral("127.0.0.154"));
constexpr int kRounds = 20;
constexpr qsizetype kChunk = 64 * 1024;

const QByteArray kPolicyViolation =
    "<policy-violation xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>";

// One blocking TCP connection from kPeerAddress.
class BlockingPeer
{
public:
    ~BlockingPeer()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

    bool connect(quint16 port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in local{};
        local.sin_family = AF_INET;
        local.sin_addr.s_addr = htonl(kPeerAddress.toIPv4Address());
        sockaddr_in remote{};
        remote.sin_family = AF_INET;
        remote.sin_port = htons(port);
        remote.sin_addr.s_addr = htonl(kEngineAddress.toIPv4Address());
        return m_fd >= 0 && ::bind(m_fd, reinterpret_cast<sockaddr *>(&local), sizeof local) == 0 &&
               ::connect(m_fd, reinterpret_cast<sockaddr *>(&remote), sizeof remote) == 0;
    }

    // False once the connection refuses more (reset or closed); the error
    // is kept in `failure`.
    bool send(const QByteArray &data)
    {
        qsizetype sent = 0;
        while (sent < data.size()) {
            const ssize_t n =
                ::send(m_fd, data.constData() + sent, data.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) {
                failure = QByteArray("send: ") + ::strerror(errno);
                return false;
            }
            sent += n;
        }
        return true;
    }

    // Reads until `needle` arrived, the end of the connection or 10 s of
    // silence; true when `needle` arrived.
    bool readUntil(const QByteArray &needle)
    {
        char buffer[64 * 1024];
        while (!received.contains(needle)) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, 10000) <= 0) {
                failure = "recv: 10 s of silence";
                return false;
            }
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n < 0)
                failure = QByteArray("recv: ") + ::strerror(errno);
            if (n <= 0)
                return false;
            received.append(buffer, n);
        }
        return true;
    }

    // Everything until the end of the connection (or 10 s of silence).
    void readToEnd() { readUntil(QByteArray("\0never\0", 7)); }

    QByteArray received;
    QByteArray failure; // the first failed send or receive, empty if none

private:
    int m_fd = -1;
};

// The peer's part of one round: `prelude` (read up to `preludeReply` when
// given), then `flood` in chunks while the engine takes it, then reading
// everything the engine sent.
struct Round
{
    QList<QPair<QByteArray, QByteArray>> prelude; // bytes to send, reply to await
    QByteArray flood;
    bool startTls = false; // runQtRound only
};

// What the peer received, and its first failure (empty when the
// connection ended in order).
struct Outcome
{
    QByteArray received;
    QByteArray failure;
};

Outcome runRound(quint16 port, const Round &round)
{
    BlockingPeer peer;
    if (!peer.connect(port))
        return {{}, "connect failed"};
    for (const auto &[bytes, reply] : round.prelude) {
        if (!peer.send(bytes) || (!reply.isEmpty() && !peer.readUntil(reply)))
            return {peer.received, "prelude failed: " + peer.failure};
    }
    for (qsizetype at = 0; at < round.flood.size(); at += kChunk)
        if (!peer.send(round.flood.mid(at, kChunk)))
            break;
    if (peer.failure.isEmpty())
        peer.readToEnd();
    return {peer.received, peer.failure};
}

// The same round played by a Qt socket (blocking calls in the peer's
// thread): a failed write aborts it and drops what it had not yet read, as
// many peers' stacks do, so a reset shows as a missing stream error.
// With `startTls`, STARTTLS follows the prelude (which must end with the
// engine's <proceed/>), then a new stream header, before the flood.
Outcome runQtRound(quint16 port, const Round &round)
{
    QSslSocket socket;
    socket.setPeerVerifyMode(QSslSocket::VerifyNone);
    socket.bind(round.startTls ? kTlsPeerAddress : kPeerAddress);
    socket.connectToHost(round.startTls ? kTlsEngineAddress : kEngineAddress, port);
    if (!socket.waitForConnected(5000))
        return {{}, "connect failed"};
    QByteArray received;
    auto readUntil = [&](const QByteArray &needle) {
        while (!received.contains(needle)) {
            if (!socket.waitForReadyRead(10000))
                return false;
            received += socket.readAll();
        }
        return true;
    };
    for (const auto &[bytes, reply] : round.prelude) {
        socket.write(bytes);
        if (!reply.isEmpty() && !readUntil(reply))
            return {received, "prelude failed"};
    }
    if (round.startTls) {
        socket.startClientEncryption();
        if (!socket.waitForEncrypted(10000))
            return {received, "TLS handshake failed: " + socket.errorString().toUtf8()};
        received.clear();
        socket.write(test::streamHeader(test::kLimitsOurDomain, test::kLimitsPartner));
        if (!readUntil("</stream:features>"))
            return {received, "no features after TLS"};
        received.clear();
    }
    for (qsizetype at = 0; at < round.flood.size(); at += kChunk) {
        socket.write(round.flood.mid(at, kChunk));
        while (socket.bytesToWrite() > 0 && socket.waitForBytesWritten(10000)) {
        }
        if (socket.state() != QAbstractSocket::ConnectedState)
            break;
    }
    readUntil(QByteArray("\0never\0", 7));
    received += socket.readAll();
    return {received, {}};
}

} // namespace

class TestS2SLingeringClose : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dataDir;
    test::FakePartnerServer m_partner;
    std::unique_ptr<Engine> m_engine;

    // Runs `round` kRounds times in a thread while the engine serves it.
    void everyRoundGetsTheError(const Round &round, quint16 port,
                                Outcome (*play)(quint16, const Round &) = runRound)
    {
        for (int i = 0; i < kRounds; ++i) {
            std::atomic<bool> done = false;
            Outcome outcome;
            std::thread peer([&] {
                outcome = play(port, round);
                done = true;
            });
            QTRY_VERIFY_WITH_TIMEOUT(done, 60000);
            peer.join();
            const QByteArray &received = outcome.received;
            QVERIFY2(
                received.contains(kPolicyViolation) && received.contains("</stream:error>") &&
                    received.endsWith("</stream:stream>") && outcome.failure.isEmpty(),
                qPrintable(QStringLiteral("round %1: %2 bytes, %3, ending: %4")
                               .arg(i + 1)
                               .arg(received.size())
                               .arg(outcome.failure.isEmpty() ? QStringLiteral("ended in order")
                                                              : QString::fromUtf8(outcome.failure))
                               .arg(QString::fromUtf8(received.right(300)))));
        }
    }

    static QByteArray header()
    {
        return test::streamHeader(test::kLimitsOurDomain, test::kLimitsPartner);
    }

private slots:
    void initTestCase()
    {
        qputenv("FEDGATE_DATA_DIR", m_dataDir.path().toUtf8());
        QVERIFY(m_partner.listen(kPartnerAddress));
        m_engine = test::makeLimitsEngine(kEngineAddress, kPartnerAddress, m_partner.port(),
                                          EngineConfig{});
        QVERIFY(m_engine);
    }

    // 100,000 attributes in the stream header (about 1.2 MB), refused at
    // the header size or attribute limit while the peer keeps sending.
    void attributeFloodedHeaderGetsItsError()
    {
        QByteArray flood = "<?xml version='1.0'?><stream:stream xmlns='jabber:server' "
                           "xmlns:stream='http://etherx.jabber.org/streams'";
        for (int i = 0; i < 100000; ++i)
            flood += " a" + QByteArray::number(i) + "='v'";
        everyRoundGetsTheError(Round{{}, flood}, m_engine->listenPort());
    }

    // 2 MiB of an unterminated start tag after the header, before
    // authentication (the limit there is 16 KiB).
    void unterminatedTagAfterHeaderGetsItsError()
    {
        everyRoundGetsTheError(Round{{{header(), "</stream:features>"}},
                                     "<message id='" + QByteArray(2 * 1024 * 1024, 'u')},
                               m_engine->listenPort());
    }

    // A 600 KiB stanza from an authenticated partner (the limit is 512 KiB)
    // followed by more of it.
    void oversizeStanzaGetsItsError()
    {
        QCOMPARE(m_engine->maxStanzaSize(), XmlStreamParser::kDefaultMaxStanzaSize);
        const QByteArray stanza = "<message from='a@partner.test' to='b@contoso.test'><body>" +
                                  QByteArray(600 * 1024, 'x') + "</body></message>";
        everyRoundGetsTheError(
            Round{{{header(), "</stream:features>"},
                   {"<db:result from='partner.test' to='contoso.test'>0123abcd</db:result>",
                    "type='valid'"}},
                  stanza + QByteArray(1024 * 1024, 'y')},
            m_engine->listenPort());
    }

    // The unterminated tag again, sent by a Qt socket.
    void unterminatedTagFromAQtPeerGetsItsError()
    {
        everyRoundGetsTheError(Round{{{header(), "</stream:features>"}},
                                     "<message id='" + QByteArray(2 * 1024 * 1024, 'u')},
                               m_engine->listenPort(), runQtRound);
    }

    // The Qt peer over STARTTLS: the engine flushes its TLS records and
    // close_notify before it half-closes and drains.
    void unterminatedTagOverTlsGetsItsError()
    {
        QString error;
        test::TestCa ca;
        QVERIFY2(ca.create(m_dataDir.path(), QStringLiteral("Lingering CA"), &error),
                 qPrintable(error));
        const auto ours = ca.issue(QStringLiteral("ours"), test::kLimitsOurDomain,
                                   {test::kLimitsOurDomain}, {}, &error);
        QVERIFY2(ours, qPrintable(error));
        auto topology = topology::TopologyDocument::readFile(test::exampleTopologyPath());
        QVERIFY(topology);
        topology::XmppPartner partner;
        partner.domain = test::kLimitsPartner;
        partner.tls = topology::Negotiation::Optional;
        partner.sasl = topology::Negotiation::NotSupported;
        partner.dialback = true;
        topology.value().partners = {partner};
        topology.value().gateway.dialbackSecret = QStringLiteral("lingering-close-secret");
        EngineConfig config;
        config.listenAddress = kTlsEngineAddress;
        config.listenPort = test::freeTcpPort(kTlsEngineAddress);
        config.certificatePath = ours->certificatePath;
        config.keyPath = ours->keyPath;
        config.caPath = ca.certificatePath();
        config.hosts.insert(test::kLimitsPartner, HostOverride{kPartnerAddress, m_partner.port()});
        Engine engine(config);
        const Status started = engine.start(topology.value());
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
        Round round{{{header(), "<starttls"},
                     {"<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>", "<proceed"}},
                    "<message id='" + QByteArray(2 * 1024 * 1024, 'u')};
        round.startTls = true;
        everyRoundGetsTheError(round, engine.listenPort(), runQtRound);
    }

    void cleanupTestCase() { m_engine.reset(); }
};

QTEST_GUILESS_MAIN(TestS2SLingeringClose)
#include "tst_s2slingeringclose.moc"
