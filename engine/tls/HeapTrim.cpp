#include "HeapTrim.h"

#include <QAbstractEventDispatcher>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <malloc.h>

namespace fedgate::engine {

namespace {
std::atomic<int> g_trims{0};
thread_local int t_closed = 0;
thread_local bool t_scheduled = false;
} // namespace

void HeapTrim::streamClosed()
{
    if (++t_closed < kTrimAfterCloses || t_scheduled)
        return;
    if (!QAbstractEventDispatcher::instance(QThread::currentThread()))
        return; // no event loop on this thread: nothing to schedule on
    t_scheduled = true;
    QTimer::singleShot(kDelayMs, [] {
        t_scheduled = false;
        t_closed = 0;
        ::malloc_trim(0);
        ++g_trims;
    });
}

int HeapTrim::trims()
{
    return g_trims.load();
}

} // namespace fedgate::engine
