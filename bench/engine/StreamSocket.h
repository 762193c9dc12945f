#pragma once

#include "XmlFrameScanner.h"

#include <netinet/in.h>

#include <cstdint>
#include <string>

using SSL = struct ssl_st;

// The transport both load generators (S2sLoadGenerator, C2sLoadGenerator)
// build on: a non-blocking TCP stream in an epoll set, OpenSSL once STARTTLS
// has been negotiated, an output buffer written as far as the socket takes
// it, and the XmlFrameScanner of what came in. C style: plain functions on
// a struct the generators extend with their own state.
namespace fedgate::bench {

struct StreamSocket
{
    int fd = -1;
    SSL *ssl = nullptr;
    bool wantsWrite = false; // EPOLLOUT registered
    std::string out;
    std::size_t outOffset = 0;
    XmlFrameScanner in;
};

// socket(), TCP_NODELAY, TCP_MAXSEG when `maxSegment` > 0, bound to `source`
// when not 0, and a non-blocking connect to address:port. -1 and *error on
// failure.
int connectStream(in_addr_t source, in_addr_t address, std::uint16_t port, int maxSegment,
                  std::string *error);
// Adds s.fd to `epoll` under `key`, for reading and (connect) writing.
void addStream(int epoll, StreamSocket &s, std::uint64_t key);
// EPOLLIN, plus EPOLLOUT when `write`; no system call when unchanged.
void watchStream(int epoll, StreamSocket &s, std::uint64_t key, bool write);
// Writes what the socket takes of s.out; true when bytes remain.
bool writeStream(StreamSocket &s);
// One read into `buffer`: > 0 bytes read, 0 nothing now, < 0 closed or failed.
long readStream(StreamSocket &s, char *buffer, std::size_t size);
// One step of SSL_connect on s.ssl: 1 done, 0 in progress (the interest
// follows what OpenSSL waits for), -1 failed with *error.
int handshakeStep(int epoll, StreamSocket &s, std::uint64_t key, std::string *error);
// Leaves the epoll set, frees the TLS state and the buffers, closes.
void closeStream(int epoll, StreamSocket &s);

} // namespace fedgate::bench
