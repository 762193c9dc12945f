#pragma once

#include <QAbstractEventDispatcher>
#include <QHash>
#include <QList>
#include <QVarLengthArray>

#include <chrono>
#include <map>
#include <unordered_map>
#include <utility>

class QObject;

// The timers of one event loop, ordered by deadline: registering, killing
// and finding the next one cost O(log n) whatever the number of timers
// (Qt's own list is sorted by linear insertion and searched linearly on
// every kill). Deadlines honour Qt::TimerType as Qt documents it: precise
// timers to the millisecond; coarse ones may fire up to 5% of their
// interval late so that wake-ups line up (never early); very coarse ones
// run on whole seconds. Used by EpollEventDispatcher; one thread only.
namespace fedgate::engine {

class TimerSchedule
{
public:
    using Clock = std::chrono::steady_clock;

    void add(int id, qint64 intervalMs, Qt::TimerType type, QObject *object,
             Clock::time_point now = Clock::now());
    bool remove(int id);
    bool removeAll(QObject *object);
    QList<QAbstractEventDispatcher::TimerInfo> timersOf(QObject *object) const;
    // Milliseconds until `id` fires (0 if overdue), -1 for an unknown id.
    int remainingMs(int id, Clock::time_point now = Clock::now()) const;
    bool isEmpty() const { return m_timers.empty(); }
    // Milliseconds (rounded up) until the first deadline, 0 if one is due,
    // -1 without timers: an epoll_wait timeout.
    int waitMs(Clock::time_point now = Clock::now()) const;
    // Sends a QTimerEvent for every timer due now, in deadline order, each
    // at most once per call and never into itself (a handler that runs a
    // nested event loop). Returns how many timers with a non-zero interval
    // fired.
    int activateDue();

private:
    struct Timer
    {
        qint64 intervalMs;
        Qt::TimerType type;
        QObject *object;
        Clock::time_point expected; // interval multiples, before any rounding
        Clock::time_point deadline; // when it fires: `expected` rounded by type
        quint64 order;              // FIFO among equal deadlines
        quint64 serial;             // tells a re-registered id from the one being sent
        bool sending = false;
    };
    using QueueKey = std::pair<Clock::time_point, quint64>;

    static Clock::time_point rounded(const Timer &timer, Clock::time_point expected);
    void enqueue(int id, Timer &timer);
    void forget(int id, const Timer &timer);

    std::unordered_map<int, Timer> m_timers;
    std::map<QueueKey, int> m_queue; // deadline order -> timer id
    QHash<QObject *, QVarLengthArray<int, 2>> m_byObject;
    quint64 m_nextOrder = 0;
    quint64 m_nextSerial = 0;
};

} // namespace fedgate::engine
