#pragma once

#include "StreamSocket.h"

#include <netinet/in.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

// The load generator of bench_s2s: one thread, non-blocking sockets, epoll,
// OpenSSL for STARTTLS. It plays remote XMPP server domains: it opens
// streams to the server under test and authenticates them with dialback
// (its own authoritative listener answers every db:verify "valid"), and it
// accepts the server's outbound streams, which carry the dialback answers
// and the ping replies. No Qt, no allocation per stanza beyond the buffers.
namespace fedgate::bench {

struct GeneratorTarget
{
    in_addr_t address = 0; // the server under test, port 5269
    std::string domain;    // its domain
};

struct PingRun
{
    std::uint64_t sent = 0;
    std::uint64_t answered = 0;
    std::uint64_t errors = 0; // iq type='error' answers
    double seconds = 0;
    std::vector<double> latencyMs; // filled in paced runs only
};

class S2sLoadGenerator final : public StreamLoop
{
public:
    S2sLoadGenerator();
    ~S2sLoadGenerator() override;

    // Advertise this TCP maximum segment size on every socket (0 = loopback's
    // own, 64 KiB); 1448 looks like Ethernet. Set before listen().
    void setMaxSegment(int bytes) { m_maxSegment = bytes; }
    // The certificate our TLS streams present; with one, they authenticate
    // with SASL EXTERNAL when the server offers it (dialback otherwise).
    bool setClientCertificate(const std::string &certificate, const std::string &key);
    // The authoritative listener (port 5269 on `address`) every server
    // connects back to.
    bool listen(in_addr_t address, std::string *error);
    // Source addresses for outgoing streams, used round robin.
    void setSourceAddresses(std::vector<in_addr_t> addresses) { m_sources = std::move(addresses); }

    // Opens `count` streams from `domain` to `target`, at most `inFlight`
    // handshakes at a time, STARTTLS first when `tls`. Returns the ids of
    // the authenticated ones; failures are counted in lastError(). TLS
    // streams use SASL EXTERNAL when possible (see externalCount()).
    std::vector<int> openStreams(const GeneratorTarget &target, const std::string &domain,
                                 int count, bool tls, int inFlight, int timeoutMs);
    // Sends </stream:stream> and closes each stream.
    void closeStreams(const std::vector<int> &ids);
    // Closes every connection, the listener's accepted ones included.
    void closeAll();

    // `total` pings spread over `streams`, `window` outstanding per stream.
    PingRun pipelinedPings(const std::vector<int> &streams, std::uint64_t total, int window,
                           int timeoutMs);
    // One ping every 1/rate seconds on `stream`, latency of each.
    PingRun pacedPings(int stream, std::uint64_t total, double ratePerSecond, int timeoutMs);

    // Appends `stanzas` to stream `id`'s output and writes what the socket
    // takes; the stream's bytes still queued after that.
    std::size_t sendStanzas(int id, const std::string &stanzas);
    std::size_t queuedBytes(int id) const;
    bool isOpen(int id) const;
    // <message type='error'/> the servers sent back, on any stream.
    std::uint64_t messageErrors() const { return m_messageErrors; }

    const std::string &lastError() const { return m_lastError; }
    int failures() const { return m_failures; }
    int externalCount() const { return m_externalDone; } // streams authenticated by EXTERNAL

private:
    struct Conn;
    enum class Stage;

    StreamSocket &streamAt(std::uint64_t id) override;
    void onListenerReady() override;
    void onConnected(StreamSocket &s) override;
    void onTlsEstablished(StreamSocket &s) override;
    void onFrame(StreamSocket &s, const XmlFrame &frame) override;
    void onFailure(StreamSocket &s, const std::string &why) override;
    std::string closedReason(const StreamSocket &s) const override;

    Conn *startOutgoing(const GeneratorTarget &target, const std::string &domain, bool tls);
    void onElement(Conn &c, const XmlFrame &frame);
    void onHeader(Conn &c, const XmlFrame &frame);
    void onPingReply(const XmlFrame &frame);
    void fail(Conn &c, const std::string &why);
    void sendPing(Conn &c, std::uint64_t seq);
    void beginRun(PingRun *run, std::uint64_t total, int window, bool latency);

    int m_listener = -1;
    std::vector<std::unique_ptr<Conn>> m_conns; // index = id
    std::vector<in_addr_t> m_sources;
    std::size_t m_nextSource = 0;
    std::uint64_t m_nextStreamId = 0;
    std::string m_lastError;
    int m_failures = 0;
    int m_handshakesDone = 0;
    int m_externalDone = 0;
    int m_maxSegment = 0;
    bool m_external = false;
    std::uint64_t m_messageErrors = 0;

    // Ping bookkeeping of the run in progress.
    std::vector<std::int64_t> m_sentNs; // by sequence number
    std::vector<int> m_streamOf;        // by sequence number
    std::vector<int> m_outstanding;     // by stream id
    std::vector<std::uint64_t> m_quota; // pings still to send, by stream id
    std::uint64_t m_seq = 0;
    PingRun *m_run = nullptr;
    int m_window = 0;
    bool m_recordLatency = false;
};

} // namespace fedgate::bench
