#pragma once

#include "StreamSocket.h"

#include <netinet/in.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

// The load generator of bench_c2s: XMPP clients (RFC 6120) in one thread,
// non-blocking sockets, epoll, OpenSSL, the frames cut by XmlFrameScanner
// (shared with S2sLoadGenerator through StreamLoop). Each client connects to port 5222,
// negotiates STARTTLS, authenticates with SASL PLAIN, binds a resource,
// sends its initial presence and a XEP-0199 ping to the server, and counts
// as logged in when the ping's answer arrives (so the presence was handled
// too). No Qt, no allocation per stanza beyond the buffers.
namespace fedgate::bench {

struct ClientAccount
{
    in_addr_t address = 0; // the server, port 5222
    std::string domain;
    std::string user; // localpart
    std::string password;
    std::string resource;
};

struct MessageRun
{
    std::uint64_t sent = 0;
    std::uint64_t received = 0;
    std::uint64_t errors = 0; // message type='error' back to the sender
    double seconds = 0;
};

// <message type='chat'/> to `to` (from `from` when not empty) with a body of
// `bodyBytes` letters.
std::string chatMessage(const std::string &to, int bodyBytes, const std::string &from = {});

class C2sLoadGenerator final : public StreamLoop
{
public:
    C2sLoadGenerator();
    ~C2sLoadGenerator() override;

    // Source address of the client sockets (0 = the kernel's choice).
    void setSourceAddress(in_addr_t address) { m_source = address; }

    // Logs in one client per account, at most `inFlight` logins at a time.
    // Returns the ids of the clients that got through; failures are counted
    // in failures() and the last one described by lastError().
    std::vector<int> login(const std::vector<ClientAccount> &accounts, int inFlight, int timeoutMs);
    // The full JID the server bound for client `id`.
    const std::string &jid(int id) const;

    // `total` chat messages with `bodyBytes`-byte bodies from client `from`
    // to client `to`'s full JID, at most `window` sent and not yet received.
    MessageRun pipelinedMessages(int from, int to, std::uint64_t total, int window, int bodyBytes,
                                 int timeoutMs);

    // Counts into `run` the chat messages client `id` receives (and
    // nothing else), until stopCounting(); pollOnce() does the work.
    void countMessages(int id, MessageRun *run);
    void stopCounting();
    bool isOpen(int id) const;

    // Sends </stream:stream> and closes every client.
    void closeAll();

    const std::string &lastError() const { return m_lastError; }
    int failures() const { return m_failures; }

private:
    struct Client;
    enum class Stage;

    StreamSocket &streamAt(std::uint64_t id) override;
    void onConnected(StreamSocket &s) override;
    void onTlsEstablished(StreamSocket &s) override;
    void onFrame(StreamSocket &s, const XmlFrame &frame) override;
    void onFailure(StreamSocket &s, const std::string &why) override;

    Client *connectClient(const ClientAccount &account);
    void onElement(Client &c, const XmlFrame &frame);
    // The answer to our iq `id`: true when a result (the client fails on
    // an error), false for any other frame.
    bool iqResult(Client &c, const XmlFrame &frame, std::string_view id);
    void openStream(Client &c);
    void fail(Client &c, const std::string &why);
    void refill();

    std::vector<std::unique_ptr<Client>> m_clients; // index = id
    in_addr_t m_source = 0;
    std::string m_lastError;
    int m_failures = 0;
    int m_loginsDone = 0; // logged in or failed

    // The message run in progress.
    MessageRun *m_run = nullptr;
    Client *m_sender = nullptr;
    Client *m_receiver = nullptr;
    std::string m_message; // the stanza, sent `total` times
    std::uint64_t m_total = 0;
    int m_window = 0;
};

} // namespace fedgate::bench
