#pragma once

#include <QString>

// Gives the heap freed by bursts of streams back to the system. fedgated
// runs on mimalloc (linked into the daemon, see cmake/FedgateAllocator.cmake):
// glibc's malloc kept tens of MiB after thousands of sessions came and went,
// because the few objects that outlive a burst lie scattered through it and
// cut its free memory into pieces that malloc_trim cannot return
// (bench/RESULTS.md, target 3). mimalloc keeps each thread's small objects
// in pages of one size class and gives whole empty pages back.
//
// After kTrimAfterEvents streams closed or handshakes finished (or sessions
// opened or closed, counted on the Engine's thread) on a thread,
// that thread's event loop trims: at most once a second while the burst goes
// on, and once kQuietMs after its last event (so what a burst freed is back
// with the system a fraction of a second after it ends, not one or two
// seconds later). Under mimalloc the trim is mi_collect(true) on that thread
// (each thread owns its heap: frees from other threads are folded in, empty
// pages and segments go back to the system), and while any thread is in a
// burst mimalloc gives a freed page back at once instead of after its decommit
// delay (which, in mimalloc 2.0, an idle thread never reaches); under glibc
// malloc (the sanitizer builds, or a program not linked with mimalloc) it is
// malloc_trim(0).
namespace fedgate::engine {

class HeapTrim
{
public:
    static constexpr int kTrimAfterEvents = 32;
    static constexpr int kDelayMs = 1000; // at most one trim a second in a burst
    static constexpr int kQuietMs = 250;  // a burst has ended after this long without events

    // Whose malloc this process runs on, found by asking the allocator
    // itself (a block from malloc() inside mimalloc's heap), not by how it
    // was built: an LD_PRELOADed mimalloc counts, a link order that lets
    // glibc win does not.
    enum class Allocator
    {
        Glibc,
        Mimalloc,
        Sanitizer
    };
    static Allocator allocator();
    // "mimalloc 2.0.9", "glibc malloc 2.36", "AddressSanitizer" (--version,
    // logs).
    static QString allocatorName();
    // Once at start (fedgated's main): tunes the allocator for bursts
    // (mimalloc: while a burst lasts, a freed page goes back to the system
    // at once), returns allocatorName().
    static QString setUpAllocator();

    // A stream of this thread closed, or finished its TLS handshake.
    static void streamEvent();
    // Trims this thread's heap now (what the timer runs; the Engine calls it
    // after a burst of closes on its own thread).
    static void trimNow();
    // How many times the trim ran in this process (tests, logs).
    static int trims();
};

} // namespace fedgate::engine
