#pragma once

// Gives the heap freed by bursts of streams back to the system. glibc keeps
// what a burst of sessions freed (tens of MiB after thousands of sessions
// come and go), and the holes the temporaries of thousands of TLS
// handshakes leave between long-lived objects, unless asked: after
// kTrimAfterEvents streams closed or handshakes finished on a thread,
// malloc_trim runs once, a second later, from that thread's event loop
// (later events in the same second share it, and while they go on it runs
// again a second after the last).
namespace fedgate::engine {

class HeapTrim
{
public:
    static constexpr int kTrimAfterEvents = 256;
    static constexpr int kDelayMs = 1000;
    // A stream of this thread closed, or finished its TLS handshake.
    static void streamEvent();
    // How many times malloc_trim ran in this process (tests, logs).
    static int trims();
};

} // namespace fedgate::engine
