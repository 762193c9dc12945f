#include "HeapTrim.h"

#include <QAbstractEventDispatcher>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <malloc.h>

namespace fedgate::engine {

namespace {
std::atomic<int> g_trims{0};
thread_local int t_events = 0;
thread_local bool t_scheduled = false;

void trimSoon()
{
    t_scheduled = true;
    t_events = 0;
    QTimer::singleShot(HeapTrim::kDelayMs, [] {
        ::malloc_trim(0);
        ++g_trims;
        // The burst goes on: once more a second after it ends, so what its
        // last streams freed goes back too.
        if (t_events > 0)
            trimSoon();
        else
            t_scheduled = false;
    });
}
} // namespace

void HeapTrim::streamEvent()
{
    ++t_events;
    if (t_events < kTrimAfterEvents || t_scheduled)
        return;
    if (!QAbstractEventDispatcher::instance(QThread::currentThread()))
        return; // no event loop on this thread: nothing to schedule on
    trimSoon();
}

int HeapTrim::trims()
{
    return g_trims.load();
}

} // namespace fedgate::engine
