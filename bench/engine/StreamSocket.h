#pragma once

#include "XmlFrameScanner.h"

#include <netinet/in.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

using SSL = struct ssl_st;
using SSL_CTX = struct ssl_ctx_st;

// The transport both load generators (S2sLoadGenerator, C2sLoadGenerator)
// build on: a non-blocking TCP stream in an epoll set, OpenSSL once STARTTLS
// has been negotiated, an output buffer written as far as the socket takes
// it, and the XmlFrameScanner of what came in; and StreamLoop, the event
// handling around them (connect completion, the TLS handshake, reading and
// cutting frames, writing), which hands each generator its streams' frames.
namespace fedgate::bench {

struct StreamSocket
{
    enum class Phase
    {
        Connecting,   // connect() in progress
        TlsHandshake, // SSL_connect in progress
        Open
    };
    int id = -1; // its key in the epoll set (the generator's index)
    Phase phase = Phase::Connecting;
    int fd = -1;
    SSL *ssl = nullptr;
    bool wantsWrite = false;   // EPOLLOUT registered
    bool flushPending = false; // in StreamLoop's list of streams to write after the events
    std::string out;
    std::size_t outOffset = 0;
    XmlFrameScanner in;
};

// CLOCK_MONOTONIC in nanoseconds.
std::int64_t monotonicNs();

// socket(), TCP_NODELAY, TCP_MAXSEG when `maxSegment` > 0, bound to `source`
// when not 0, and a non-blocking connect to address:port. -1 and *error on
// failure.
int connectStream(in_addr_t source, in_addr_t address, std::uint16_t port, int maxSegment,
                  std::string *error);
// Adds s.fd to `epoll` under s.id, for reading and, while connecting, writing.
void addStream(int epoll, StreamSocket &s);
// EPOLLIN, plus EPOLLOUT when `write`; no system call when unchanged.
void watchStream(int epoll, StreamSocket &s, bool write);
// Writes what the socket takes of s.out; true when bytes remain.
bool writeStream(StreamSocket &s);
// One read into `buffer`: > 0 bytes read, 0 nothing now, < 0 closed or failed.
long readStream(StreamSocket &s, char *buffer, std::size_t size);
// One step of SSL_connect on s.ssl: 1 done, 0 in progress (the interest
// follows what OpenSSL waits for), -1 failed with *error.
int handshakeStep(int epoll, StreamSocket &s, std::string *error);
// Leaves the epoll set, frees the TLS state and the buffers, closes.
void closeStream(int epoll, StreamSocket &s);

// One thread's epoll set of StreamSockets and a TLS client context (no
// certificate verification). A generator keeps its streams, indexed by id,
// and reacts to what the hooks tell it.
class StreamLoop
{
public:
    StreamLoop();
    virtual ~StreamLoop();
    StreamLoop(const StreamLoop &) = delete;
    StreamLoop &operator=(const StreamLoop &) = delete;

    // Waits at most `timeoutMs` for events and handles them.
    void pollOnce(int timeoutMs);
    // The epoll set, readable when pollOnce() has work (for nesting two
    // generators' sets in one wait).
    int epollFd() const { return m_epoll; }

protected:
    static constexpr std::uint64_t kListenerKey = ~std::uint64_t(0);

    virtual StreamSocket &streamAt(std::uint64_t id) = 0;
    virtual void onListenerReady() {}
    // The TCP connection is up (phase Open), or TLS is (after requestTls()).
    virtual void onConnected(StreamSocket &s) = 0;
    virtual void onTlsEstablished(StreamSocket &s) = 0;
    // A header or a top-level element (the end of the stream and a stream
    // error are failures).
    virtual void onFrame(StreamSocket &s, const XmlFrame &frame) = 0;
    // The stream cannot go on; the generator counts it and closes it.
    virtual void onFailure(StreamSocket &s, const std::string &why) = 0;
    virtual std::string closedReason(const StreamSocket &) const
    {
        return "the server closed the connection";
    }

    // Appends to the output and writes what the socket takes (not before the
    // connection and the TLS handshake are through).
    void send(StreamSocket &s, const std::string &data);
    void flush(StreamSocket &s);
    // Writes s.out once the events of the current pollOnce() are handled
    // (at once outside pollOnce()): what one wake-up appends to a stream
    // goes out in one write.
    void flushLater(StreamSocket &s);
    // Opens `count` streams, `start(i)` starting the i-th (nullptr when it
    // failed at once), at most `inFlight` of them unfinished at a time, until
    // `finished()` (what the generator counts as ready or failed) has grown
    // by `count` or `timeoutMs` has passed. Returns the ids of those `ready`;
    // the others still open fail with `timeoutReason`.
    std::vector<int> openBatch(int count, int inFlight, int timeoutMs,
                               const std::function<StreamSocket *(int)> &start,
                               const std::function<int()> &finished,
                               const std::function<bool(const StreamSocket &)> &ready,
                               const std::string &timeoutReason);
    // STARTTLS (RFC 6120 5.4): asks for it when `features` offer it (true),
    // fails the stream otherwise; then, on the answer, starts the handshake
    // after <proceed/> (once the current frame is handled; nothing more is
    // read in the clear) or fails the stream.
    bool requestTls(StreamSocket &s, const XmlFrame &features);
    void onTlsAnswer(StreamSocket &s, const XmlFrame &answer, const std::string &serverName);

    int m_epoll = -1;
    SSL_CTX *m_tls = nullptr;

private:
    void onWritable(StreamSocket &s);
    void onReadable(StreamSocket &s);
    void continueTls(StreamSocket &s);
    void flushPending();

    std::vector<StreamSocket *> m_flushPending; // streams stay alive during pollOnce()
    bool m_polling = false;
};

} // namespace fedgate::bench
