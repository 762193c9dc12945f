#include "TimerSchedule.h"

#include <QCoreApplication>
#include <QTimerEvent>

#include <algorithm>
#include <climits>
#include <vector>

namespace fedgate::engine {

namespace {
using std::chrono::milliseconds;

// Qt's own boundaries: below 20 ms, 5% is under a millisecond, so a coarse
// timer is precise; from 20 s, 5% is over a second, so it is very coarse.
Qt::TimerType effectiveType(qint64 intervalMs, Qt::TimerType type)
{
    if (type != Qt::CoarseTimer)
        return type;
    if (intervalMs <= 20)
        return Qt::PreciseTimer;
    if (intervalMs >= 20000)
        return Qt::VeryCoarseTimer;
    return type;
}

// Very coarse timers count whole seconds (the nearest, at least one).
milliseconds effectiveInterval(qint64 intervalMs, Qt::TimerType type)
{
    if (type != Qt::VeryCoarseTimer || intervalMs <= 0)
        return milliseconds(std::max<qint64>(0, intervalMs));
    return milliseconds(std::max<qint64>(1, (intervalMs + 500) / 1000) * 1000);
}

// The coarsest boundary within 5% of the interval, so that coarse timers
// of similar intervals wake the loop together.
qint64 coarseGranularityMs(qint64 intervalMs)
{
    static constexpr qint64 steps[] = {1000, 500, 250, 100, 50, 25, 10, 5};
    for (qint64 step : steps)
        if (step * 20 <= intervalMs)
            return step;
    return 1;
}
} // namespace

TimerSchedule::Clock::time_point TimerSchedule::rounded(const Timer &timer,
                                                        Clock::time_point expected)
{
    const auto sinceEpoch = expected.time_since_epoch();
    switch (timer.type) {
    case Qt::PreciseTimer:
        return expected;
    case Qt::CoarseTimer: {
        // Only ever later, never earlier than asked.
        const qint64 step = coarseGranularityMs(timer.intervalMs);
        const qint64 ms = std::chrono::ceil<milliseconds>(sinceEpoch).count();
        return Clock::time_point(milliseconds((ms + step - 1) / step * step));
    }
    case Qt::VeryCoarseTimer:
        return Clock::time_point(std::chrono::round<std::chrono::seconds>(sinceEpoch));
    }
    return expected;
}

void TimerSchedule::add(int id, qint64 intervalMs, Qt::TimerType type, QObject *object,
                        Clock::time_point now)
{
    remove(id); // an id is never registered twice, but stay consistent if it is
    Timer timer{};
    timer.intervalMs = intervalMs;
    timer.type = effectiveType(intervalMs, type);
    timer.object = object;
    timer.expected = now + effectiveInterval(intervalMs, timer.type);
    timer.deadline = rounded(timer, timer.expected);
    timer.serial = ++m_nextSerial;
    auto [it, inserted] = m_timers.emplace(id, timer);
    Q_UNUSED(inserted);
    enqueue(id, it->second);
    m_byObject[object].append(id);
}

void TimerSchedule::enqueue(int id, Timer &timer)
{
    timer.order = ++m_nextOrder;
    m_queue.emplace(QueueKey(timer.deadline, timer.order), id);
}

void TimerSchedule::forget(int id, const Timer &timer)
{
    m_queue.erase(QueueKey(timer.deadline, timer.order));
    auto owner = m_byObject.find(timer.object);
    if (owner != m_byObject.end()) {
        owner->removeOne(id);
        if (owner->isEmpty())
            m_byObject.erase(owner);
    }
}

bool TimerSchedule::remove(int id)
{
    auto it = m_timers.find(id);
    if (it == m_timers.end())
        return false;
    forget(id, it->second);
    m_timers.erase(it);
    return true;
}

bool TimerSchedule::removeAll(QObject *object)
{
    auto owner = m_byObject.find(object);
    if (owner == m_byObject.end())
        return false;
    const QVarLengthArray<int, 2> ids = *owner;
    for (int id : ids)
        remove(id);
    return true;
}

QList<QAbstractEventDispatcher::TimerInfo> TimerSchedule::timersOf(QObject *object) const
{
    QList<QAbstractEventDispatcher::TimerInfo> infos;
    const auto owner = m_byObject.constFind(object);
    if (owner == m_byObject.constEnd())
        return infos;
    for (int id : *owner) {
        const Timer &timer = m_timers.at(id);
        infos.append(QAbstractEventDispatcher::TimerInfo(id, int(timer.intervalMs), timer.type));
    }
    return infos;
}

int TimerSchedule::remainingMs(int id, Clock::time_point now) const
{
    const auto it = m_timers.find(id);
    if (it == m_timers.end())
        return -1;
    const auto left = std::chrono::ceil<milliseconds>(it->second.deadline - now).count();
    return int(std::clamp<qint64>(left, 0, INT_MAX));
}

int TimerSchedule::waitMs(Clock::time_point now) const
{
    if (m_queue.empty())
        return -1;
    const auto left = std::chrono::ceil<milliseconds>(m_queue.begin()->first.first - now).count();
    return int(std::clamp<qint64>(left, 0, INT_MAX));
}

int TimerSchedule::activateDue()
{
    if (m_queue.empty())
        return 0;
    const Clock::time_point now = Clock::now();
    // The timers due now, taken before any is sent: a zero-interval timer
    // or one a handler restarts waits for the next call.
    std::vector<int> due;
    for (auto it = m_queue.begin(); it != m_queue.end() && it->first.first <= now; ++it)
        due.push_back(it->second);
    int fired = 0;
    for (int id : due) {
        auto it = m_timers.find(id);
        if (it == m_timers.end())
            continue; // killed by an earlier handler
        Timer &timer = it->second;
        if (timer.deadline > now)
            continue; // killed and registered again under the same id
        m_queue.erase(QueueKey(timer.deadline, timer.order));
        const milliseconds interval = effectiveInterval(timer.intervalMs, timer.type);
        timer.expected += interval;
        if (timer.expected < now)
            timer.expected = now + interval;
        timer.deadline = rounded(timer, timer.expected);
        enqueue(id, timer);
        if (timer.intervalMs > 0)
            ++fired;
        if (timer.sending)
            continue;
        timer.sending = true;
        const quint64 serial = timer.serial;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(timer.object, &event);
        // The handler may have killed the timer or registered others
        // (references into the map survive a rehash, but not an erase).
        auto after = m_timers.find(id);
        if (after != m_timers.end() && after->second.serial == serial)
            after->second.sending = false;
    }
    return fired;
}

} // namespace fedgate::engine
