#pragma once

// Gives the heap freed by closed streams back to the system. glibc keeps
// what a burst of sessions freed (tens of MiB after thousands of sessions
// come and go) unless asked: after kTrimAfterCloses streams closed on a
// thread, malloc_trim runs once, a second later, from that thread's event
// loop (later closes in the same second share it).
namespace fedgate::engine {

class HeapTrim
{
public:
    static constexpr int kTrimAfterCloses = 256;
    static constexpr int kDelayMs = 1000;
    // A stream of this thread closed.
    static void streamClosed();
    // How many times malloc_trim ran in this process (tests, logs).
    static int trims();
};

} // namespace fedgate::engine
