#include "S2sLoadGenerator.h"

#include "StreamSocket.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <arpa/inet.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

namespace fedgate::bench {

namespace {
constexpr std::size_t kReadChunk = 65536;
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

std::int64_t monotonicNs()
{
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

enum class S2sLoadGenerator::Stage
{
    Connecting,
    WaitHeader,    // outgoing: the server's header and features
    WaitProceed,   // outgoing: <proceed/> after <starttls/>
    TlsHandshake,  // outgoing: SSL_connect in progress
    WaitDialback,  // outgoing: db:result sent
    WaitSasl,      // outgoing: SASL EXTERNAL <auth/> sent
    WaitRestart,   // outgoing: the features after SASL
    Authenticated, // outgoing: ready for pings
    Accepted,      // incoming: the server's outbound stream
    Failed
};

struct S2sLoadGenerator::Conn : StreamSocket
{
    int id = -1;
    Stage stage = Stage::Connecting;
    bool outgoing = true;
    bool tls = false; // STARTTLS wanted
    bool tlsDone = false;
    std::string domain;       // our side's domain
    std::string remoteDomain; // the server's
};

S2sLoadGenerator::S2sLoadGenerator()
{
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    m_tls = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_verify(m_tls, SSL_VERIFY_NONE, nullptr);
    SSL_CTX_set_mode(m_tls, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
}

S2sLoadGenerator::~S2sLoadGenerator()
{
    closeAll();
    if (m_listener >= 0)
        ::close(m_listener);
    if (m_epoll >= 0)
        ::close(m_epoll);
    SSL_CTX_free(m_tls);
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
    ev.data.u64 = ~std::uint64_t(0);
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
    addStream(m_epoll, *conn, std::uint64_t(conn->id));
    m_conns.push_back(std::move(conn));
    return m_conns.back().get();
}

void S2sLoadGenerator::acceptAll()
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
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.u64 = std::uint64_t(conn->id);
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev);
        m_conns.push_back(std::move(conn));
    }
}

void S2sLoadGenerator::updateInterest(Conn &c)
{
    watchStream(m_epoll, c, std::uint64_t(c.id),
                c.outOffset < c.out.size() || c.stage == Stage::Connecting);
}

void S2sLoadGenerator::send(Conn &c, const std::string &data)
{
    c.out += data;
    flush(c);
}

void S2sLoadGenerator::flush(Conn &c)
{
    if (c.fd < 0 || c.stage == Stage::Connecting || c.stage == Stage::TlsHandshake)
        return;
    writeStream(c);
    updateInterest(c);
}

void S2sLoadGenerator::fail(Conn &c, const std::string &why)
{
    if (c.stage != Stage::Authenticated && c.stage != Stage::Accepted) {
        ++m_failures;
        ++m_handshakesDone;
    }
    m_lastError = why;
    c.stage = Stage::Failed;
    destroy(c.id);
}

void S2sLoadGenerator::destroy(int id)
{
    closeStream(m_epoll, *m_conns[std::size_t(id)]);
}

void S2sLoadGenerator::startTls(Conn &c)
{
    c.ssl = SSL_new(m_tls);
    SSL_set_fd(c.ssl, c.fd);
    SSL_set_tlsext_host_name(c.ssl, c.remoteDomain.c_str());
    c.stage = Stage::TlsHandshake;
    c.in.restart();
    continueTls(c);
}

void S2sLoadGenerator::continueTls(Conn &c)
{
    std::string error;
    const int step = handshakeStep(m_epoll, c, std::uint64_t(c.id), &error);
    if (step > 0) {
        c.tlsDone = true;
        c.stage = Stage::WaitHeader;
        send(c, header(c.domain, c.remoteDomain, {}));
    } else if (step < 0) {
        fail(c, error);
    }
}

void S2sLoadGenerator::onWritable(Conn &c)
{
    if (c.stage == Stage::Connecting) {
        int err = 0;
        socklen_t len = sizeof err;
        ::getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err != 0) {
            fail(c, std::string("connect: ") + std::strerror(err));
            return;
        }
        c.stage = Stage::WaitHeader;
        send(c, header(c.domain, c.remoteDomain, {}));
        return;
    }
    if (c.stage == Stage::TlsHandshake) {
        continueTls(c);
        return;
    }
    flush(c);
}

void S2sLoadGenerator::onReadable(Conn &c)
{
    if (c.stage == Stage::TlsHandshake) {
        continueTls(c);
        if (c.stage == Stage::TlsHandshake || c.fd < 0)
            return;
    }
    char buffer[kReadChunk];
    while (c.fd >= 0) {
        const long n = readStream(c, buffer, sizeof buffer);
        if (n == 0)
            return;
        if (n < 0) {
            fail(c, c.ssl ? (c.stage == Stage::Authenticated ? "stream closed by the server"
                                                             : "TLS stream closed")
                          : "connection closed by the server");
            return;
        }
        c.in.append(buffer, std::size_t(n));
        XmlFrame frame;
        while (c.fd >= 0 && c.in.next(&frame)) {
            if (frame.kind == XmlFrame::Kind::Header)
                onHeader(c, frame);
            else if (frame.kind == XmlFrame::Kind::StreamEnd)
                fail(c, "the server closed the stream");
            else
                onElement(c, frame);
            if (c.stage == Stage::TlsHandshake)
                return; // the rest arrives encrypted
        }
    }
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
    if (name == "error") {
        fail(c, "stream error: " + std::string(frame.text.substr(0, 400)));
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
            if (!frame.contains("starttls")) {
                fail(c, "the server offers no STARTTLS");
                return;
            }
            c.stage = Stage::WaitProceed;
            send(c, "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
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
        if (name == "proceed")
            startTls(c);
        else
            fail(c, "STARTTLS refused: " + std::string(frame.text.substr(0, 200)));
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

void S2sLoadGenerator::pollOnce(int timeoutMs)
{
    epoll_event events[256];
    const int n = ::epoll_wait(m_epoll, events, 256, timeoutMs);
    for (int i = 0; i < n; ++i) {
        if (events[i].data.u64 == ~std::uint64_t(0)) {
            acceptAll();
            continue;
        }
        Conn &c = *m_conns[std::size_t(events[i].data.u64)];
        if (c.fd < 0)
            continue;
        if (events[i].events & (EPOLLOUT | EPOLLERR))
            onWritable(c);
        if (c.fd >= 0 && (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)))
            onReadable(c);
    }
}

std::vector<int> S2sLoadGenerator::openStreams(const GeneratorTarget &target,
                                               const std::string &domain, int count, bool tls,
                                               int inFlight, int timeoutMs)
{
    std::vector<Conn *> started;
    const std::int64_t deadline = monotonicNs() + std::int64_t(timeoutMs) * 1000000;
    const int doneBefore = m_handshakesDone;
    int launched = 0;
    while (m_handshakesDone - doneBefore < count && monotonicNs() < deadline) {
        while (launched < count && launched - (m_handshakesDone - doneBefore) < inFlight) {
            ++launched;
            if (Conn *c = startOutgoing(target, domain, tls))
                started.push_back(c);
            else
                ++m_handshakesDone;
        }
        pollOnce(20);
    }
    std::vector<int> ids;
    for (Conn *c : started) {
        if (c->stage == Stage::Authenticated)
            ids.push_back(c->id);
        else if (c->fd >= 0)
            fail(*c, "handshake timed out");
    }
    return ids;
}

void S2sLoadGenerator::closeStreams(const std::vector<int> &ids)
{
    for (int id : ids) {
        Conn &c = *m_conns[std::size_t(id)];
        if (c.fd < 0)
            continue;
        c.out += "</stream:stream>";
        flush(c);
        destroy(id);
    }
    pollOnce(0);
}

void S2sLoadGenerator::closeAll()
{
    for (auto &c : m_conns)
        if (c->fd >= 0)
            destroy(c->id);
    m_conns.clear();
}

void S2sLoadGenerator::sendPing(Conn &c, std::uint64_t seq)
{
    m_sentNs[seq] = monotonicNs();
    m_streamOf[seq] = c.id;
    ++m_outstanding[std::size_t(c.id)];
    --m_quota[std::size_t(c.id)];
    ++m_run->sent;
    c.out += "<iq type='get' id='";
    c.out += std::to_string(seq);
    c.out +=
        "' from='" + c.domain + "' to='" + c.remoteDomain + "'><ping xmlns='urn:xmpp:ping'/></iq>";
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
        sendPing(c, m_seq++);
        flush(c);
    }
}

void S2sLoadGenerator::beginRun(PingRun *run, std::uint64_t total, int window, bool latency)
{
    m_run = run;
    m_window = window;
    m_recordLatency = latency;
    m_seq = 0;
    m_sentNs.assign(total, 0);
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
