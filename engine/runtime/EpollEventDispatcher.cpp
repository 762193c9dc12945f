#include "EpollEventDispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace fedgate::engine {

namespace {
// At most this many ready descriptors per wake-up; level-triggered epoll
// hands the rest out on the next one, in turn, so none starves.
constexpr int kMaxEventsPerWait = 512;

// What wakes each QSocketNotifier::Type, as for poll() in Qt's dispatcher:
// a hang-up or an error wakes every notifier of the descriptor.
constexpr quint32 kWakes[3] = {
    EPOLLIN | EPOLLHUP | EPOLLERR,
    EPOLLOUT | EPOLLHUP | EPOLLERR,
    EPOLLPRI | EPOLLHUP | EPOLLERR,
};
constexpr quint32 kInterest[3] = {EPOLLIN, EPOLLOUT, EPOLLPRI};

const char *typeName(int type)
{
    static const char *const names[] = {"Read", "Write", "Exception"};
    return names[type];
}
} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
    , m_events(kMaxEventsPerWait)
{
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    m_wakeFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_epoll < 0 || m_wakeFd < 0)
        qFatal("EpollEventDispatcher: cannot create the epoll set or the wake-up eventfd: %s",
               std::strerror(errno));
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.fd = m_wakeFd;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &event) != 0)
        qFatal("EpollEventDispatcher: cannot watch the wake-up eventfd: %s", std::strerror(errno));
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    ::close(m_wakeFd);
    ::close(m_epoll);
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted.storeRelaxed(0);
    emit awake();
    QCoreApplication::sendPostedEvents();

    const bool includeTimers = !(flags & QEventLoop::X11ExcludeTimers);
    const bool includeNotifiers = !(flags & QEventLoop::ExcludeSocketNotifiers);
    const bool canWait = (flags & QEventLoop::WaitForMoreEvents) && !m_interrupted.loadAcquire();
    if (canWait)
        emit aboutToBlock();
    if (m_interrupted.loadAcquire())
        return false;

    int timeoutMs = 0;
    if (canWait)
        timeoutMs = includeTimers ? m_timers.waitMs() : -1;
    if (includeNotifiers && !m_unpollable.isEmpty())
        timeoutMs = 0; // always ready, as poll() reports them
    int handled = waitForEvents(includeNotifiers, timeoutMs);
    if (includeNotifiers) {
        markUnpollablePending();
        handled += activateSocketNotifiers();
    }
    if (includeTimers)
        handled += m_timers.activateDue();
    return handled > 0;
}

int EpollEventDispatcher::waitForEvents(bool includeNotifiers, int timeoutMs)
{
    if (!includeNotifiers) {
        // Sockets stay in the epoll set but must not end the wait.
        pollfd wake{m_wakeFd, POLLIN, 0};
        const int ready = ::poll(&wake, 1, timeoutMs);
        if (ready > 0)
            drainWakeUp();
        return ready > 0 ? 1 : 0;
    }
    const int ready = ::epoll_wait(m_epoll, m_events.data(), int(m_events.size()), timeoutMs);
    if (ready < 0) {
        if (errno != EINTR)
            qErrnoWarning("EpollEventDispatcher: epoll_wait failed");
        return 0;
    }
    int woken = 0;
    for (int i = 0; i < ready; ++i) {
        const epoll_event &event = m_events[size_t(i)];
        if (event.data.fd == m_wakeFd) {
            drainWakeUp();
            woken = 1;
        } else {
            markPending(event.data.fd, event.events);
        }
    }
    return woken;
}

void EpollEventDispatcher::drainWakeUp()
{
    eventfd_t count = 0;
    (void)::eventfd_read(m_wakeFd, &count); // EAGAIN: drained already
    m_wakeUps.storeRelease(0);
}

void EpollEventDispatcher::markPending(int fd, quint32 events)
{
    if (fd < 0 || size_t(fd) >= m_descriptors.size())
        return;
    Descriptor &d = m_descriptors[size_t(fd)];
    for (int type = 0; type < 3; ++type) {
        QSocketNotifier *notifier = d.notifiers[type];
        const quint8 bit = quint8(1u << type);
        if (notifier && (events & kWakes[type]) && !(d.pending & bit)) {
            d.pending |= bit;
            m_pending.append(notifier);
        }
    }
}

void EpollEventDispatcher::markUnpollablePending()
{
    for (int fd : std::as_const(m_unpollable))
        markPending(fd, EPOLLIN | EPOLLOUT);
}

int EpollEventDispatcher::activateSocketNotifiers()
{
    // A notifier unregistered (disabled or deleted) by an earlier callback
    // leaves m_pending in unregisterSocketNotifier(), so it is never sent.
    int activated = 0;
    QEvent event(QEvent::SockAct);
    while (!m_pending.isEmpty()) {
        QSocketNotifier *notifier = m_pending.takeFirst();
        m_descriptors[size_t(notifier->socket())].pending &= quint8(~(1u << notifier->type()));
        QCoreApplication::sendEvent(notifier, &event);
        ++activated;
    }
    return activated;
}

EpollEventDispatcher::Descriptor *EpollEventDispatcher::descriptor(int fd)
{
    if (fd < 0)
        return nullptr;
    if (size_t(fd) >= m_descriptors.size())
        m_descriptors.resize(size_t(fd) + 1);
    return &m_descriptors[size_t(fd)];
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    const int type = int(notifier->type());
    Descriptor *d = descriptor(fd);
    if (!d) {
        qWarning("QSocketNotifier: invalid socket %d", fd);
        return;
    }
    if (d->notifiers[type] && d->notifiers[type] != notifier)
        qWarning("QSocketNotifier: Multiple socket notifiers for same socket %d and type %s", fd,
                 typeName(type));
    d->notifiers[type] = notifier;
    updateInterest(fd, *d);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    const int type = int(notifier->type());
    if (fd < 0 || size_t(fd) >= m_descriptors.size())
        return;
    Descriptor &d = m_descriptors[size_t(fd)];
    if (d.notifiers[type] != notifier)
        return;
    d.notifiers[type] = nullptr;
    const quint8 bit = quint8(1u << type);
    if (d.pending & bit) {
        d.pending &= quint8(~bit);
        m_pending.removeOne(notifier);
    }
    updateInterest(fd, d);
}

void EpollEventDispatcher::updateInterest(int fd, Descriptor &d)
{
    quint32 wanted = 0;
    for (int type = 0; type < 3; ++type)
        if (d.notifiers[type])
            wanted |= kInterest[type];
    if (d.unpollable) {
        if (!wanted) {
            d.unpollable = false;
            m_unpollable.removeOne(fd);
        }
        return;
    }
    if (wanted == d.registered)
        return;
    epoll_event event{};
    event.events = wanted;
    event.data.fd = fd;
    if (!wanted) {
        // Done before the owner closes the descriptor (Qt's sockets delete
        // their notifiers first), so no stale registration survives in a
        // duplicate of it.
        if (::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, &event) != 0 && errno != ENOENT &&
            errno != EBADF)
            qErrnoWarning("EpollEventDispatcher: cannot stop watching descriptor %d", fd);
        d.registered = 0;
        return;
    }
    int op = d.registered ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
    int rc = ::epoll_ctl(m_epoll, op, fd, &event);
    if (rc != 0 && op == EPOLL_CTL_MOD && errno == ENOENT) // closed and reused meanwhile
        rc = ::epoll_ctl(m_epoll, op = EPOLL_CTL_ADD, fd, &event);
    else if (rc != 0 && op == EPOLL_CTL_ADD && errno == EEXIST)
        rc = ::epoll_ctl(m_epoll, op = EPOLL_CTL_MOD, fd, &event);
    if (rc == 0) {
        d.registered = wanted;
        return;
    }
    d.registered = 0;
    if (errno == EPERM) { // a regular file or the like: poll() calls it always ready
        d.unpollable = true;
        m_unpollable.append(fd);
        return;
    }
    qErrnoWarning("EpollEventDispatcher: cannot watch descriptor %d", fd);
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                                         QObject *object)
{
    m_timers.add(timerId, interval, timerType, object);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    return m_timers.remove(timerId);
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    return m_timers.removeAll(object);
}

QList<QAbstractEventDispatcher::TimerInfo>
EpollEventDispatcher::registeredTimers(QObject *object) const
{
    return m_timers.timersOf(object);
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    return m_timers.remainingMs(timerId);
}

void EpollEventDispatcher::wakeUp()
{
    // One write per sleep, however many threads post meanwhile.
    if (m_wakeUps.testAndSetAcquire(0, 1)) {
        while (::eventfd_write(m_wakeFd, 1) != 0 && errno == EINTR) {
        }
    }
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.storeRelease(1);
    wakeUp();
}

bool installEpollEventDispatcher()
{
    if (qEnvironmentVariable("FEDGATE_EVENT_DISPATCHER") == QLatin1String("qt"))
        return false;
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
    return true;
}

} // namespace fedgate::engine
