#include "S2sLoadGenerator.h"

#include <openssl/ssl.h>

#include <arpa/inet.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>

namespace fedgate::bench {

namespace {
const std::string kStreamNs =
    "xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams' "
    "xmlns:db='jabber:server:dialback'";

std::string header(const std::string &from, std::string_view to, const std::string &id)
{
    std::string h = "<?xml version='1.0'?><stream:stream " + kStreamNs + " from='" + from +
                    "' to='" + std::string(to) + "' version='1.0'";
    if (!id.empty())
        h += " id='" + id + "'";
    return h + ">";
}
} // namespace

enum class S2sLoadGenerator::Stage
{
    WaitHeader,    // outgoing: the server's header and features (connecting before)
    WaitProceed,   // outgoing: <proceed/> after <starttls/> (the TLS handshake after)
    WaitDialback,  // outgoing: db:result sent
    WaitSasl,      // outgoing: SASL EXTERNAL <auth/> sent
    WaitRestart,   // outgoing: the features after SASL
    Authenticated, // outgoing: ready for pings
    Accepted,      // incoming: the server's outbound stream
    Failed
};

struct S2sLoadGenerator::Conn : StreamSocket
{
    Stage stage = Stage::WaitHeader;
    bool outgoing = true;
    bool tls = false; // STARTTLS wanted
    bool tlsDone = false;
    std::string domain;       // our side's domain
    std::string remoteDomain; // the server's
    std::string pingTail;     // a ping after its id (sendPing)
};

S2sLoadGenerator::S2sLoadGenerator() = default;

S2sLoadGenerator::~S2sLoadGenerator()
{
    closeAll();
    if (m_listener >= 0)
        ::close(m_listener);
}

bool S2sLoadGenerator::setClientCertificate(const std::string &certificate, const std::string &key)
{
    m_external = SSL_CTX_use_certificate_chain_file(m_tls, certificate.c_str()) == 1 &&
                 SSL_CTX_use_PrivateKey_file(m_tls, key.c_str(), SSL_FILETYPE_PEM) == 1;
    return m_external;
}

bool S2sLoadGenerator::listen(in_addr_t address, std::string *error)
{
    m_listener = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    const int one = 1;
    ::setsockopt(m_listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (m_maxSegment > 0)
        ::setsockopt(m_listener, IPPROTO_TCP, TCP_MAXSEG, &m_maxSegment, sizeof m_maxSegment);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(5269);
    sa.sin_addr.s_addr = address;
    if (::bind(m_listener, reinterpret_cast<sockaddr *>(&sa), sizeof sa) != 0 ||
        ::listen(m_listener, 4096) != 0) {
        *error = std::string("cannot listen on port 5269: ") + std::strerror(errno);
        return false;
    }
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u64 = kListenerKey;
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_listener, &ev);
    return true;
}

S2sLoadGenerator::Conn *S2sLoadGenerator::startOutgoing(const GeneratorTarget &target,
                                                        const std::string &domain, bool tls)
{
    const in_addr_t source = m_sources.empty() ? 0 : m_sources[m_nextSource++ % m_sources.size()];
    const int fd = connectStream(source, target.address, 5269, m_maxSegment, &m_lastError);
    if (fd < 0) {
        ++m_failures;
        return nullptr;
    }
    auto conn = std::make_unique<Conn>();
    conn->id = int(m_conns.size());
    conn->fd = fd;
    conn->tls = tls;
    conn->domain = domain;
    conn->remoteDomain = target.domain;
    addStream(m_epoll, *conn);
    m_conns.push_back(std::move(conn));
    return m_conns.back().get();
}

void S2sLoadGenerator::onListenerReady()
{
    while (true) {
        const int fd = ::accept4(m_listener, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0)
            return;
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        auto conn = std::make_unique<Conn>();
        conn->id = int(m_conns.size());
        conn->fd = fd;
        conn->outgoing = false;
        conn->stage = Stage::Accepted;
        conn->phase = StreamSocket::Phase::Open;
        addStream(m_epoll, *conn);
        m_conns.push_back(std::move(conn));
    }
}

StreamSocket &S2sLoadGenerator::streamAt(std::uint64_t id)
{
    return *m_conns[std::size_t(id)];
}

void S2sLoadGenerator::onFailure(StreamSocket &s, const std::string &why)
{
    fail(static_cast<Conn &>(s), why);
}

std::string S2sLoadGenerator::closedReason(const StreamSocket &s) const
{
    if (!s.ssl)
        return "connection closed by the server";
    return static_cast<const Conn &>(s).stage == Stage::Authenticated
               ? "stream closed by the server"
               : "TLS stream closed";
}

void S2sLoadGenerator::fail(Conn &c, const std::string &why)
{
    if (c.stage != Stage::Authenticated && c.stage != Stage::Accepted) {
        ++m_failures;
        ++m_handshakesDone;
    }
    m_lastError = why;
    c.stage = Stage::Failed;
    closeStream(m_epoll, c);
}

void S2sLoadGenerator::onConnected(StreamSocket &s)
{
    auto &c = static_cast<Conn &>(s);
    send(c, header(c.domain, c.remoteDomain, {}));
}

void S2sLoadGenerator::onTlsEstablished(StreamSocket &s)
{
    auto &c = static_cast<Conn &>(s);
    c.tlsDone = true;
    c.stage = Stage::WaitHeader;
    send(c, header(c.domain, c.remoteDomain, {}));
}

void S2sLoadGenerator::onFrame(StreamSocket &s, const XmlFrame &frame)
{
    auto &c = static_cast<Conn &>(s);
    if (frame.kind == XmlFrame::Kind::Header)
        onHeader(c, frame);
    else
        onElement(c, frame);
}

void S2sLoadGenerator::onHeader(Conn &c, const XmlFrame &frame)
{
    if (c.outgoing)
        return; // its features follow
    c.domain = std::string(frame.attribute("to"));
    c.remoteDomain = std::string(frame.attribute("from"));
    send(c, header(c.domain, c.remoteDomain, "g" + std::to_string(++m_nextStreamId)) +
                "<stream:features><dialback xmlns='urn:xmpp:features:dialback'/>"
                "</stream:features>");
}

void S2sLoadGenerator::onElement(Conn &c, const XmlFrame &frame)
{
    const std::string_view name = frame.name();
    if (name == "iq") {
        onPingReply(frame);
        return;
    }
    if (name == "message") {
        if (frame.attribute("type") == "error")
            ++m_messageErrors;
        return;
    }
    if (!c.outgoing) {
        // The server authenticates its outbound stream, or checks a key.
        if (name == "result" || name == "verify") {
            std::string answer = "<db:" + std::string(name) + " from='" + c.domain + "' to='" +
                                 std::string(frame.attribute("from")) + "' type='valid'";
            if (name == "verify")
                answer += " id='" + std::string(frame.attribute("id")) + "'";
            send(c, answer + "/>");
        }
        return;
    }
    switch (c.stage) {
    case Stage::WaitHeader:
        if (name != "features")
            return;
        if (c.tls && !c.tlsDone) {
            if (requestTls(c, frame))
                c.stage = Stage::WaitProceed;
            return;
        }
        if (c.tlsDone && m_external && frame.contains("EXTERNAL")) {
            c.stage = Stage::WaitSasl;
            send(c, "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='EXTERNAL'>=</auth>");
            return;
        }
        c.stage = Stage::WaitDialback;
        send(c, "<db:result from='" + c.domain + "' to='" + c.remoteDomain +
                    "'>0123456789abcdef0123456789abcdef</db:result>");
        return;
    case Stage::WaitProceed:
        onTlsAnswer(c, frame, c.remoteDomain);
        return;
    case Stage::WaitSasl:
        if (name != "success") {
            fail(c, "SASL EXTERNAL refused: " + std::string(frame.text.substr(0, 200)));
            return;
        }
        c.stage = Stage::WaitRestart;
        c.in.restart(); // `frame` is gone; the server waits for our new header
        send(c, header(c.domain, c.remoteDomain, {}));
        return;
    case Stage::WaitRestart:
        if (name == "features") {
            c.stage = Stage::Authenticated;
            ++m_handshakesDone;
            ++m_externalDone;
        }
        return;
    case Stage::WaitDialback:
        if (name != "result")
            return;
        if (frame.attribute("type") == "valid") {
            c.stage = Stage::Authenticated;
            ++m_handshakesDone;
        } else {
            fail(c, "dialback refused: " + std::string(frame.text.substr(0, 200)));
        }
        return;
    default:
        return;
    }
}

std::vector<int> S2sLoadGenerator::openStreams(const GeneratorTarget &target,
                                               const std::string &domain, int count, bool tls,
                                               int inFlight, int timeoutMs)
{
    return openBatch(
        count, inFlight, timeoutMs,
        [&](int) -> StreamSocket * {
            Conn *c = startOutgoing(target, domain, tls);
            if (!c)
                ++m_handshakesDone;
            return c;
        },
        [this] { return m_handshakesDone; },
        [](const StreamSocket &s) {
            return static_cast<const Conn &>(s).stage == Stage::Authenticated;
        },
        "handshake timed out");
}

std::size_t S2sLoadGenerator::sendStanzas(int id, const std::string &stanzas)
{
    send(*m_conns[std::size_t(id)], stanzas);
    return queuedBytes(id);
}

std::size_t S2sLoadGenerator::queuedBytes(int id) const
{
    const Conn &c = *m_conns[std::size_t(id)];
    return c.out.size() - c.outOffset;
}

bool S2sLoadGenerator::isOpen(int id) const
{
    return m_conns[std::size_t(id)]->fd >= 0;
}

void S2sLoadGenerator::closeStreams(const std::vector<int> &ids)
{
    for (int id : ids) {
        Conn &c = *m_conns[std::size_t(id)];
        if (c.fd < 0)
            continue;
        send(c, "</stream:stream>");
        closeStream(m_epoll, c);
    }
    pollOnce(0);
}

void S2sLoadGenerator::closeAll()
{
    for (auto &c : m_conns)
        if (c->fd >= 0)
            closeStream(m_epoll, *c);
    m_conns.clear();
}

void S2sLoadGenerator::sendPing(Conn &c, std::uint64_t seq)
{
    if (m_recordLatency)
        m_sentNs[seq] = monotonicNs();
    m_streamOf[seq] = c.id;
    ++m_outstanding[std::size_t(c.id)];
    --m_quota[std::size_t(c.id)];
    ++m_run->sent;
    if (c.pingTail.empty())
        c.pingTail = "' from='" + c.domain + "' to='" + c.remoteDomain +
                     "'><ping xmlns='urn:xmpp:ping'/></iq>";
    char digits[24];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, seq);
    c.out.append("<iq type='get' id='");
    c.out.append(digits, std::size_t(end - digits));
    c.out.append(c.pingTail);
}

void S2sLoadGenerator::onPingReply(const XmlFrame &frame)
{
    if (!m_run)
        return;
    const std::string_view id = frame.attribute("id");
    std::uint64_t seq = 0;
    for (char ch : id) {
        if (ch < '0' || ch > '9')
            return; // not one of ours (a keep-alive ping)
        seq = seq * 10 + std::uint64_t(ch - '0');
    }
    if (id.empty() || seq >= m_seq || m_streamOf[seq] < 0)
        return;
    const std::string_view type = frame.attribute("type");
    if (type == "get")
        return;
    if (type == "error")
        ++m_run->errors;
    ++m_run->answered;
    if (m_recordLatency)
        m_run->latencyMs.push_back(double(monotonicNs() - m_sentNs[seq]) / 1e6);
    const int stream = m_streamOf[seq];
    m_streamOf[seq] = -1;
    --m_outstanding[std::size_t(stream)];
    Conn &c = *m_conns[std::size_t(stream)];
    if (m_window > 0 && m_quota[std::size_t(stream)] > 0 && c.fd >= 0) {
        // Written once this wake-up's replies are handled: one write for
        // all the pings they release, not one per ping.
        sendPing(c, m_seq++);
        flushLater(c);
    }
}

void S2sLoadGenerator::beginRun(PingRun *run, std::uint64_t total, int window, bool latency)
{
    m_run = run;
    m_window = window;
    m_recordLatency = latency;
    m_seq = 0;
    m_sentNs.assign(latency ? total : 0, 0); // read and written only when latency is recorded
    m_streamOf.assign(total, -1);
    m_outstanding.assign(m_conns.size(), 0);
    m_quota.assign(m_conns.size(), 0);
}

PingRun S2sLoadGenerator::pipelinedPings(const std::vector<int> &streams, std::uint64_t total,
                                         int window, int timeoutMs)
{
    PingRun run;
    beginRun(&run, total, window, false);
    for (std::size_t i = 0; i < streams.size(); ++i)
        m_quota[std::size_t(streams[i])] = total / streams.size() + (i < total % streams.size());
    const std::int64_t start = monotonicNs();
    const std::int64_t deadline = start + std::int64_t(timeoutMs) * 1000000;
    for (int id : streams) {
        Conn &c = *m_conns[std::size_t(id)];
        for (int k = 0; k < window && m_quota[std::size_t(id)] > 0; ++k)
            sendPing(c, m_seq++);
        flush(c);
    }
    while (run.answered < total && monotonicNs() < deadline)
        pollOnce(100);
    run.seconds = double(monotonicNs() - start) / 1e9;
    m_run = nullptr;
    return run;
}

PingRun S2sLoadGenerator::pacedPings(int stream, std::uint64_t total, double ratePerSecond,
                                     int timeoutMs)
{
    PingRun run;
    beginRun(&run, total, 0, true);
    m_quota[std::size_t(stream)] = total;
    run.latencyMs.reserve(total);
    const std::int64_t start = monotonicNs();
    const auto interval = std::int64_t(1e9 / ratePerSecond);
    const std::int64_t lastSendBy = start + interval * std::int64_t(total);
    const std::int64_t deadline = lastSendBy + std::int64_t(timeoutMs) * 1000000;
    Conn &c = *m_conns[std::size_t(stream)];
    while (run.answered < total && monotonicNs() < deadline && c.fd >= 0) {
        const std::int64_t now = monotonicNs();
        const std::int64_t due = start + interval * std::int64_t(m_seq);
        if (m_seq < total && now >= due) {
            sendPing(c, m_seq++);
            flush(c);
            continue;
        }
        const std::int64_t wait = m_seq < total ? due - now : 100000000;
        pollOnce(int(wait / 1000000)); // the last millisecond is spun
    }
    run.seconds = double(monotonicNs() - start) / 1e9;
    m_run = nullptr;
    return run;
}

} // namespace fedgate::bench
