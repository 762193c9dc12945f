#include "HeapTrim.h"

#include <QAbstractEventDispatcher>
#include <QElapsedTimer>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <cstdlib>
#include <gnu/libc-version.h>
#include <malloc.h>
#include <mutex>

// mimalloc's API, bound only when mimalloc is in the process (the build links
// it into fedgated: FEDGATE_HAVE_MIMALLOC, cmake/FedgateAllocator.cmake).
// Weak, so the engine library itself does not need it: the tools and tests
// that keep glibc's malloc link without it and take glibc's path.
#ifdef FEDGATE_HAVE_MIMALLOC
#include <mimalloc.h>
#pragma weak mi_collect
#pragma weak mi_version
#pragma weak mi_is_in_heap_region
#pragma weak mi_option_set
#pragma weak mi_option_get
#if MI_MALLOC_VERSION >= 210
#define FEDGATE_MI_DECOMMIT_DELAY mi_option_purge_delay
#else
#define FEDGATE_MI_DECOMMIT_DELAY mi_option_decommit_delay
#endif
#endif

#if defined(__SANITIZE_ADDRESS__)
#define FEDGATE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FEDGATE_ASAN 1
#endif
#endif

namespace fedgate::engine {

namespace {
std::atomic<int> g_trims{0};
thread_local int t_events = 0;    // since this thread's last trim
thread_local int t_sinceTick = 0; // since the last tick was scheduled
thread_local QElapsedTimer t_sinceTrim;

// Bursts and mimalloc's decommit delay. mimalloc 2.0 gives a freed page
// back to the system only after a delay (25 ms), and then only when the
// thread allocates pages again; mi_collect(true) does not force it. After a
// burst of closes an idle server kept the pages of its closed sessions
// (+18 to +25 MiB after 10,000; tst_heaptrim: 65% of a burst). With no
// delay every freed page is an madvise() at once, which in steady traffic
// costs CPU per ping (a TLB-shootdown IPI to the other loop's core: 0.55
// against 0.53 CPU-s per 100,000 pings with two loops, bench/RESULTS.md
// target 4). So the delay is 0 only while some thread is in a burst (from
// its kTrimAfterEvents-th event to its last trim), and mimalloc's own
// otherwise. An operator's MIMALLOC_DECOMMIT_DELAY (2.0) or
// MIMALLOC_PURGE_DELAY (2.1) is left alone.
std::mutex g_burstMutex;
int g_threadsInBurst = 0;        // under g_burstMutex
long g_steadyDecommitDelay = -1; // mimalloc's own; -1: no switching

void setDecommitDelay([[maybe_unused]] long ms)
{
#ifdef FEDGATE_HAVE_MIMALLOC
    mi_option_set(FEDGATE_MI_DECOMMIT_DELAY, ms);
#endif
}

// While any of these is open, freed pages go back at once.
void immediateDecommitBegins()
{
    const std::lock_guard lock(g_burstMutex);
    if (g_threadsInBurst++ == 0 && g_steadyDecommitDelay >= 0)
        setDecommitDelay(0);
}

void immediateDecommitEnds()
{
    const std::lock_guard lock(g_burstMutex);
    if (--g_threadsInBurst == 0 && g_steadyDecommitDelay >= 0)
        setDecommitDelay(g_steadyDecommitDelay);
}

// This thread's burst: from its first trim's scheduling to its last trim.
struct ThreadBurst
{
    bool active = false;
    void enter()
    {
        active = true;
        immediateDecommitBegins();
    }
    void leave()
    {
        if (!active)
            return;
        active = false;
        immediateDecommitEnds();
    }
    ~ThreadBurst() { leave(); } // a loop's thread that ends in a burst
};
thread_local ThreadBurst t_burst;

HeapTrim::Allocator detectAllocator()
{
#if defined(FEDGATE_ASAN)
    return HeapTrim::Allocator::Sanitizer;
#elif defined(FEDGATE_HAVE_MIMALLOC)
    if (!mi_is_in_heap_region || !mi_collect || !mi_option_set)
        return HeapTrim::Allocator::Glibc;
    // mimalloc may be loaded without owning malloc (linked after libc):
    // ask where a plain malloc block lives.
    void *probe = std::malloc(64);
    const bool mimallocOwnsMalloc = mi_is_in_heap_region(probe);
    std::free(probe);
    return mimallocOwnsMalloc ? HeapTrim::Allocator::Mimalloc : HeapTrim::Allocator::Glibc;
#else
    return HeapTrim::Allocator::Glibc;
#endif
}

void tickSoon();

// Every kQuietMs while a burst goes on: the last trim of a burst comes
// kQuietMs to 2 * kQuietMs after its last event.
void tick()
{
    const bool quiet = t_sinceTick == 0;
    if (t_events > 0 && (quiet || t_sinceTrim.hasExpired(HeapTrim::kDelayMs)))
        HeapTrim::trimNow();
    if (quiet)
        t_burst.leave(); // after the trim: what it freed went back at once
    else
        tickSoon();
}

void tickSoon()
{
    t_sinceTick = 0;
    QTimer::singleShot(HeapTrim::kQuietMs, tick);
}
} // namespace

HeapTrim::Allocator HeapTrim::allocator()
{
    static const Allocator found = detectAllocator();
    return found;
}

QString HeapTrim::allocatorName()
{
    switch (allocator()) {
    case Allocator::Mimalloc: {
#ifdef FEDGATE_HAVE_MIMALLOC
        const int version = mi_version(); // 209 for 2.0.9
        return QStringLiteral("mimalloc %1.%2.%3")
            .arg(version / 100)
            .arg(version / 10 % 10)
            .arg(version % 10);
#else
        break;
#endif
    }
    case Allocator::Sanitizer:
        return QStringLiteral("AddressSanitizer");
    case Allocator::Glibc:
        break;
    }
    return QStringLiteral("glibc malloc %1").arg(QString::fromLatin1(gnu_get_libc_version()));
}

QString HeapTrim::setUpAllocator()
{
#ifdef FEDGATE_HAVE_MIMALLOC
    if (allocator() == Allocator::Mimalloc &&
        !qEnvironmentVariableIsSet("MIMALLOC_DECOMMIT_DELAY") &&
        !qEnvironmentVariableIsSet("MIMALLOC_PURGE_DELAY") && mi_option_get) {
        const std::lock_guard lock(g_burstMutex);
        if (g_steadyDecommitDelay < 0)
            g_steadyDecommitDelay = mi_option_get(FEDGATE_MI_DECOMMIT_DELAY);
    }
#endif
    return allocatorName();
}

void HeapTrim::trimNow()
{
#ifdef FEDGATE_HAVE_MIMALLOC
    if (allocator() == Allocator::Mimalloc) {
        // What the collect frees (other threads' frees folded in, empty
        // pages) goes back at once, in a burst or not.
        immediateDecommitBegins();
        mi_collect(true);
        immediateDecommitEnds();
    } else
#endif
        ::malloc_trim(0);
    t_events = 0;
    t_sinceTrim.start();
    ++g_trims;
}

void HeapTrim::streamEvent()
{
    ++t_events;
    ++t_sinceTick;
    if (t_events < kTrimAfterEvents || t_burst.active)
        return;
    if (!QAbstractEventDispatcher::instance(QThread::currentThread()))
        return; // no event loop on this thread: nothing to schedule on
    t_burst.enter();
    t_sinceTrim.start(); // the first trim of a long burst comes a second into it
    tickSoon();
}

int HeapTrim::trims()
{
    return g_trims.load();
}

} // namespace fedgate::engine
