#include "C2sLoadGenerator.h"

#include "S2sLoadGenerator.h" // monotonicNs()
#include "StreamSocket.h"

#include <openssl/evp.h>
#include <openssl/ssl.h>

#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace fedgate::bench {

namespace {
constexpr std::size_t kReadChunk = 65536;

std::string streamHeader(const std::string &domain)
{
    return "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
           "xmlns:stream='http://etherx.jabber.org/streams' to='" +
           domain + "' version='1.0'>";
}

std::string base64(const std::string &raw)
{
    std::string out(4 * ((raw.size() + 2) / 3) + 1, '\0');
    const int n =
        EVP_EncodeBlock(reinterpret_cast<unsigned char *>(out.data()),
                        reinterpret_cast<const unsigned char *>(raw.data()), int(raw.size()));
    out.resize(std::size_t(n));
    return out;
}

std::string_view between(std::string_view text, std::string_view open, std::string_view close)
{
    const std::size_t from = text.find(open);
    if (from == std::string_view::npos)
        return {};
    const std::size_t start = from + open.size();
    const std::size_t end = text.find(close, start);
    return end == std::string_view::npos ? std::string_view() : text.substr(start, end - start);
}
} // namespace

enum class C2sLoadGenerator::Stage
{
    Connecting,
    WaitFeatures, // the features before STARTTLS
    WaitProceed,  // <starttls/> sent
    TlsHandshake, // SSL_connect in progress
    WaitTlsFeatures,
    WaitSasl, // PLAIN <auth/> sent
    WaitBindFeatures,
    WaitBind, // bind iq sent
    WaitPing, // presence and the ping sent
    Ready,
    Failed
};

struct C2sLoadGenerator::Client : StreamSocket
{
    int id = -1;
    Stage stage = Stage::Connecting;
    ClientAccount account;
    std::string jid;
};

C2sLoadGenerator::C2sLoadGenerator()
{
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    m_tls = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_verify(m_tls, SSL_VERIFY_NONE, nullptr);
    SSL_CTX_set_mode(m_tls, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
}

C2sLoadGenerator::~C2sLoadGenerator()
{
    closeAll();
    if (m_epoll >= 0)
        ::close(m_epoll);
    SSL_CTX_free(m_tls);
}

const std::string &C2sLoadGenerator::jid(int id) const
{
    return m_clients[std::size_t(id)]->jid;
}

C2sLoadGenerator::Client *C2sLoadGenerator::connectClient(const ClientAccount &account)
{
    const int fd = connectStream(m_source, account.address, 5222, 0, &m_lastError);
    if (fd < 0)
        return nullptr;
    auto client = std::make_unique<Client>();
    client->id = int(m_clients.size());
    client->fd = fd;
    client->account = account;
    addStream(m_epoll, *client, std::uint64_t(client->id));
    m_clients.push_back(std::move(client));
    return m_clients.back().get();
}

void C2sLoadGenerator::send(Client &c, const std::string &data)
{
    c.out += data;
    flush(c);
}

void C2sLoadGenerator::flush(Client &c)
{
    if (c.fd < 0 || c.stage == Stage::Connecting || c.stage == Stage::TlsHandshake)
        return;
    watchStream(m_epoll, c, std::uint64_t(c.id), writeStream(c));
}

void C2sLoadGenerator::fail(Client &c, const std::string &why)
{
    if (c.stage != Stage::Ready) {
        ++m_failures;
        ++m_loginsDone;
    }
    m_lastError = c.account.user + "/" + c.account.resource + ": " + why;
    c.stage = Stage::Failed;
    destroy(c);
}

void C2sLoadGenerator::destroy(Client &c)
{
    closeStream(m_epoll, c);
}

void C2sLoadGenerator::openStream(Client &c)
{
    c.in.restart();
    send(c, streamHeader(c.account.domain));
}

void C2sLoadGenerator::continueTls(Client &c)
{
    std::string error;
    const int step = handshakeStep(m_epoll, c, std::uint64_t(c.id), &error);
    if (step > 0) {
        c.stage = Stage::WaitTlsFeatures;
        openStream(c);
    } else if (step < 0) {
        fail(c, error);
    }
}

void C2sLoadGenerator::onWritable(Client &c)
{
    if (c.stage == Stage::Connecting) {
        int err = 0;
        socklen_t len = sizeof err;
        ::getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err != 0) {
            fail(c, std::string("connect: ") + std::strerror(err));
            return;
        }
        c.stage = Stage::WaitFeatures;
        openStream(c);
        return;
    }
    if (c.stage == Stage::TlsHandshake) {
        continueTls(c);
        return;
    }
    flush(c);
}

void C2sLoadGenerator::onReadable(Client &c)
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
            fail(c, "the server closed the connection");
            return;
        }
        c.in.append(buffer, std::size_t(n));
        XmlFrame frame;
        while (c.fd >= 0 && c.in.next(&frame)) {
            if (frame.kind == XmlFrame::Kind::StreamEnd)
                fail(c, "the server closed the stream");
            else if (frame.kind == XmlFrame::Kind::Element)
                onElement(c, frame);
            if (c.stage == Stage::TlsHandshake)
                break; // the rest arrives encrypted
        }
        if (c.stage == Stage::TlsHandshake) {
            continueTls(c);
            return;
        }
    }
}

void C2sLoadGenerator::onElement(Client &c, const XmlFrame &frame)
{
    const std::string_view name = frame.name();
    if (name == "message") {
        if (m_run && &c == m_sender && frame.attribute("type") == "error")
            ++m_run->errors;
        else if (m_run && &c == m_receiver && frame.contains("<body"))
            ++m_run->received;
        return;
    }
    if (name == "error") {
        fail(c, "stream error: " + std::string(frame.text.substr(0, 400)));
        return;
    }
    switch (c.stage) {
    case Stage::WaitFeatures:
        if (name != "features")
            return;
        if (!frame.contains("starttls")) {
            fail(c, "the server offers no STARTTLS");
            return;
        }
        c.stage = Stage::WaitProceed;
        send(c, "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        return;
    case Stage::WaitProceed:
        if (name != "proceed") {
            fail(c, "STARTTLS refused: " + std::string(frame.text.substr(0, 200)));
            return;
        }
        c.ssl = SSL_new(m_tls);
        SSL_set_fd(c.ssl, c.fd);
        SSL_set_tlsext_host_name(c.ssl, c.account.domain.c_str());
        c.stage = Stage::TlsHandshake;
        return;
    case Stage::WaitTlsFeatures:
        if (name != "features")
            return;
        if (!frame.contains(">PLAIN<")) {
            fail(c, "no SASL PLAIN offered: " + std::string(frame.text.substr(0, 300)));
            return;
        }
        c.stage = Stage::WaitSasl;
        send(c, "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" +
                    base64(std::string(1, '\0') + c.account.user + std::string(1, '\0') +
                           c.account.password) +
                    "</auth>");
        return;
    case Stage::WaitSasl:
        if (name != "success") {
            fail(c, "SASL PLAIN refused: " + std::string(frame.text.substr(0, 200)));
            return;
        }
        c.stage = Stage::WaitBindFeatures;
        openStream(c);
        return;
    case Stage::WaitBindFeatures:
        if (name != "features")
            return;
        c.stage = Stage::WaitBind;
        send(c, "<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                "<resource>" +
                    c.account.resource + "</resource></bind></iq>");
        return;
    case Stage::WaitBind:
        if (name != "iq" || frame.attribute("id") != "bind")
            return;
        if (frame.attribute("type") != "result") {
            fail(c, "bind refused: " + std::string(frame.text.substr(0, 300)));
            return;
        }
        c.jid = std::string(between(frame.text, "<jid>", "</jid>"));
        c.stage = Stage::WaitPing;
        send(c, "<presence/><iq type='get' id='ping' to='" + c.account.domain +
                    "'><ping xmlns='urn:xmpp:ping'/></iq>");
        return;
    case Stage::WaitPing:
        if (name != "iq" || frame.attribute("id") != "ping")
            return;
        if (frame.attribute("type") != "result") {
            fail(c, "ping refused: " + std::string(frame.text.substr(0, 300)));
            return;
        }
        c.stage = Stage::Ready;
        ++m_loginsDone;
        return;
    default:
        return;
    }
}

void C2sLoadGenerator::pollOnce(int timeoutMs)
{
    epoll_event events[256];
    const int n = ::epoll_wait(m_epoll, events, 256, timeoutMs);
    for (int i = 0; i < n; ++i) {
        Client &c = *m_clients[std::size_t(events[i].data.u64)];
        if (c.fd < 0)
            continue;
        if (events[i].events & (EPOLLOUT | EPOLLERR))
            onWritable(c);
        if (c.fd >= 0 && (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)))
            onReadable(c);
    }
}

std::vector<int> C2sLoadGenerator::login(const std::vector<ClientAccount> &accounts, int inFlight,
                                         int timeoutMs)
{
    std::vector<Client *> started;
    const std::int64_t deadline = monotonicNs() + std::int64_t(timeoutMs) * 1000000;
    const int doneBefore = m_loginsDone;
    const int count = int(accounts.size());
    int launched = 0;
    while (m_loginsDone - doneBefore < count && monotonicNs() < deadline) {
        while (launched < count && launched - (m_loginsDone - doneBefore) < inFlight) {
            if (Client *c = connectClient(accounts[std::size_t(launched)]))
                started.push_back(c);
            else {
                ++m_failures;
                ++m_loginsDone;
            }
            ++launched;
        }
        pollOnce(20);
    }
    std::vector<int> ids;
    for (Client *c : started) {
        if (c->stage == Stage::Ready)
            ids.push_back(c->id);
        else if (c->fd >= 0)
            fail(*c, "login timed out");
    }
    return ids;
}

void C2sLoadGenerator::refill()
{
    Client &s = *m_sender;
    const std::uint64_t outstanding = m_run->sent - m_run->received - m_run->errors;
    if (s.fd < 0 || m_run->sent >= m_total || outstanding >= std::uint64_t(m_window))
        return;
    // Batch what the window allows into one write: one TLS record for many.
    std::uint64_t batch =
        std::min<std::uint64_t>(m_total - m_run->sent, std::uint64_t(m_window) - outstanding);
    // Not more than the socket takes at once.
    batch = std::min<std::uint64_t>(batch, 256);
    if (s.out.size() - s.outOffset > 65536)
        return;
    for (std::uint64_t i = 0; i < batch; ++i)
        s.out += m_message;
    m_run->sent += batch;
    flush(s);
}

MessageRun C2sLoadGenerator::pipelinedMessages(int from, int to, std::uint64_t total, int window,
                                               int bodyBytes, int timeoutMs)
{
    MessageRun run;
    m_run = &run;
    m_sender = m_clients[std::size_t(from)].get();
    m_receiver = m_clients[std::size_t(to)].get();
    m_total = total;
    m_window = window;
    std::string body(std::size_t(bodyBytes), 'x');
    for (std::size_t i = 0; i < body.size(); ++i)
        body[i] = char('a' + i % 26);
    m_message = "<message type='chat' to='" + m_clients[std::size_t(to)]->jid + "'><body>" + body +
                "</body></message>";
    const std::int64_t start = monotonicNs();
    const std::int64_t deadline = start + std::int64_t(timeoutMs) * 1000000;
    while (run.received + run.errors < total && monotonicNs() < deadline && m_sender->fd >= 0 &&
           m_clients[std::size_t(to)]->fd >= 0) {
        refill();
        pollOnce(20);
    }
    run.seconds = double(monotonicNs() - start) / 1e9;
    m_run = nullptr;
    m_sender = nullptr;
    m_receiver = nullptr;
    return run;
}

void C2sLoadGenerator::closeAll()
{
    for (auto &c : m_clients) {
        if (c->fd < 0)
            continue;
        if (c->stage == Stage::Ready) {
            c->out.clear();
            c->outOffset = 0;
            send(*c, "</stream:stream>");
        }
        destroy(*c);
    }
    m_clients.clear();
}

} // namespace fedgate::bench
