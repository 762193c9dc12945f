#pragma once

#include "TimerSchedule.h"

#include <QAbstractEventDispatcher>
#include <QAtomicInt>
#include <QList>

#include <sys/epoll.h>

#include <vector>

class QSocketNotifier;

// A Linux event dispatcher whose cost per loop iteration follows the number
// of ready descriptors and due timers, not the number registered. Qt's own
// dispatchers (glib's and the poll() one) rebuild and poll the whole set of
// socket notifiers on every wake-up, so with 10,000 idle s2s streams each
// stanza paid for 10,000 descriptors. Here socket notifiers are registered
// once in an epoll set (level-triggered, as poll() is), wakeUp() and
// interrupt() write an eventfd, and timers live in a TimerSchedule.
//
// Behaves as QEventDispatcherUNIX does: posted events are sent at the start
// of each processEvents(); ExcludeSocketNotifiers, X11ExcludeTimers and
// WaitForMoreEvents are honoured (ExcludeUserInputEvents has nothing to
// exclude in a core application); a notifier disabled or deleted by an
// earlier callback of the same wake-up is not activated.
//
// Install it before the thread's loop exists: QCoreApplication::
// setEventDispatcher() before QCoreApplication, QThread::setEventDispatcher()
// before start(). Only wakeUp() and interrupt() may be called from another
// thread.
namespace fedgate::engine {

class EpollEventDispatcher final : public QAbstractEventDispatcher
{
    Q_OBJECT
public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    using QAbstractEventDispatcher::registerTimer;
    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                       QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

private:
    // The notifiers of one descriptor, by QSocketNotifier::Type (Read,
    // Write, Exception), and the events the epoll set holds for it.
    struct Descriptor
    {
        QSocketNotifier *notifiers[3] = {nullptr, nullptr, nullptr};
        quint32 registered = 0;
        quint8 pending = 0;      // bit per type: queued in m_pending
        bool unpollable = false; // epoll refused it (a regular file): always ready
    };

    Descriptor *descriptor(int fd);
    void updateInterest(int fd, Descriptor &d);
    int waitForEvents(bool includeNotifiers, int timeoutMs);
    void markPending(int fd, quint32 events);
    void markUnpollablePending();
    int activateSocketNotifiers();
    void drainWakeUp();

    int m_epoll = -1;
    int m_wakeFd = -1;
    QAtomicInt m_wakeUps;
    QAtomicInt m_interrupted;
    std::vector<Descriptor> m_descriptors; // indexed by descriptor number
    QList<int> m_unpollable;
    QList<QSocketNotifier *> m_pending;
    std::vector<epoll_event> m_events;
    TimerSchedule m_timers;
};

// Makes the calling process's main thread run an EpollEventDispatcher; call
// before QCoreApplication is constructed. FEDGATE_EVENT_DISPATCHER=qt keeps
// Qt's default (for comparison). Returns whether it was installed.
bool installEpollEventDispatcher();

} // namespace fedgate::engine
