#include "C2sLoadGenerator.h"

#include <openssl/evp.h>

namespace fedgate::bench {

namespace {
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

std::string chatMessage(const std::string &to, int bodyBytes, const std::string &from)
{
    std::string body(std::size_t(bodyBytes), 'x');
    for (std::size_t i = 0; i < body.size(); ++i)
        body[i] = char('a' + i % 26);
    return "<message type='chat'" + (from.empty() ? std::string() : " from='" + from + "'") +
           " to='" + to + "'><body>" + body + "</body></message>";
}

enum class C2sLoadGenerator::Stage
{
    WaitFeatures, // the features before STARTTLS (connecting before)
    WaitProceed,  // <starttls/> sent (the TLS handshake after)
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
    Stage stage = Stage::WaitFeatures;
    ClientAccount account;
    std::string jid;
};

C2sLoadGenerator::C2sLoadGenerator() = default;

C2sLoadGenerator::~C2sLoadGenerator()
{
    closeAll();
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
    addStream(m_epoll, *client);
    m_clients.push_back(std::move(client));
    return m_clients.back().get();
}

StreamSocket &C2sLoadGenerator::streamAt(std::uint64_t id)
{
    return *m_clients[std::size_t(id)];
}

void C2sLoadGenerator::onFailure(StreamSocket &s, const std::string &why)
{
    fail(static_cast<Client &>(s), why);
}

void C2sLoadGenerator::fail(Client &c, const std::string &why)
{
    if (c.stage != Stage::Ready) {
        ++m_failures;
        ++m_loginsDone;
    }
    m_lastError = c.account.user + "/" + c.account.resource + ": " + why;
    c.stage = Stage::Failed;
    closeStream(m_epoll, c);
}

void C2sLoadGenerator::openStream(Client &c)
{
    c.in.restart();
    send(c, streamHeader(c.account.domain));
}

void C2sLoadGenerator::onConnected(StreamSocket &s)
{
    openStream(static_cast<Client &>(s));
}

void C2sLoadGenerator::onTlsEstablished(StreamSocket &s)
{
    auto &c = static_cast<Client &>(s);
    c.stage = Stage::WaitTlsFeatures;
    openStream(c);
}

void C2sLoadGenerator::onFrame(StreamSocket &s, const XmlFrame &frame)
{
    if (frame.kind == XmlFrame::Kind::Element)
        onElement(static_cast<Client &>(s), frame);
}

bool C2sLoadGenerator::iqResult(Client &c, const XmlFrame &frame, std::string_view id)
{
    if (frame.name() != "iq" || frame.attribute("id") != id)
        return false;
    if (frame.attribute("type") != "result") {
        fail(c, std::string(id) + " refused: " + std::string(frame.text.substr(0, 300)));
        return false;
    }
    return true;
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
    switch (c.stage) {
    case Stage::WaitFeatures:
        if (name == "features" && requestTls(c, frame))
            c.stage = Stage::WaitProceed;
        return;
    case Stage::WaitProceed:
        onTlsAnswer(c, frame, c.account.domain);
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
        if (!iqResult(c, frame, "bind"))
            return;
        c.jid = std::string(between(frame.text, "<jid>", "</jid>"));
        c.stage = Stage::WaitPing;
        send(c, "<presence/><iq type='get' id='ping' to='" + c.account.domain +
                    "'><ping xmlns='urn:xmpp:ping'/></iq>");
        return;
    case Stage::WaitPing:
        if (!iqResult(c, frame, "ping"))
            return;
        c.stage = Stage::Ready;
        ++m_loginsDone;
        return;
    default:
        return;
    }
}

std::vector<int> C2sLoadGenerator::login(const std::vector<ClientAccount> &accounts, int inFlight,
                                         int timeoutMs)
{
    return openBatch(
        int(accounts.size()), inFlight, timeoutMs,
        [&](int i) -> StreamSocket * {
            Client *c = connectClient(accounts[std::size_t(i)]);
            if (!c) {
                ++m_failures;
                ++m_loginsDone;
            }
            return c;
        },
        [this] { return m_loginsDone; },
        [](const StreamSocket &s) { return static_cast<const Client &>(s).stage == Stage::Ready; },
        "login timed out");
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
    m_message = chatMessage(m_clients[std::size_t(to)]->jid, bodyBytes);
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

void C2sLoadGenerator::countMessages(int id, MessageRun *run)
{
    m_run = run;
    m_sender = nullptr;
    m_receiver = m_clients[std::size_t(id)].get();
}

void C2sLoadGenerator::stopCounting()
{
    m_run = nullptr;
    m_receiver = nullptr;
}

bool C2sLoadGenerator::isOpen(int id) const
{
    return m_clients[std::size_t(id)]->fd >= 0;
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
        closeStream(m_epoll, *c);
    }
    m_clients.clear();
}

} // namespace fedgate::bench
