// EpollEventDispatcher, the event loop of fedgated's threads: timers fire in
// deadline order, once for a single shot, never after being killed (also by
// an earlier handler of the same wake-up); socket notifiers report reads and
// writes, follow enable/disable and are never activated once deleted by
// another callback; posted events and deleteLater() are delivered; wakeUp()
// and interrupt() from another thread end a blocking wait; the
// processEvents() flags are honoured. Behaviour only: every wait is bounded
// by a deadline of seconds and nothing asserts how long anything took.
#include "EpollTestMain.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QPointer>
#include <QSocketNotifier>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using fedgate::engine::EpollEventDispatcher;

namespace {
// Runs the loop until `done` or 10 s.
template <typename Predicate> bool spinUntil(Predicate done)
{
    QDeadlineTimer deadline(10000);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return done();
}

// A connected AF_UNIX stream pair, closed on destruction.
struct SocketPair
{
    int fds[2] = {-1, -1};
    SocketPair()
    {
        QVERIFY2(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, fds) == 0, "socketpair");
    }
    ~SocketPair()
    {
        for (int fd : fds)
            if (fd >= 0)
                ::close(fd);
    }
    void send(int side = 1) const { QCOMPARE(::write(fds[side], "x", 1), ssize_t(1)); }
    void drain(int side = 0) const
    {
        char buffer[64];
        while (::read(fds[side], buffer, sizeof buffer) > 0) {
        }
    }
};

// Kills its own timers or others' from timerEvent, and records the order.
class TimerProbe : public QObject
{
public:
    std::vector<int> fired;
    std::vector<int> killOnFire; // ids this probe kills when any of its timers fires
    void timerEvent(QTimerEvent *event) override
    {
        fired.push_back(event->timerId());
        for (int id : killOnFire)
            killTimer(id);
        killOnFire.clear();
    }
};
} // namespace

class TestEpollEventDispatcher : public QObject
{
    Q_OBJECT
private slots:
    void isTheThreadsDispatcher()
    {
        QVERIFY(qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance()));
    }

    void timersFireInDeadlineOrder()
    {
        std::vector<int> order;
        for (int ms : {30, 10, 20, 0}) {
            auto *timer = new QTimer(this);
            timer->setTimerType(Qt::PreciseTimer);
            timer->setSingleShot(true);
            connect(timer, &QTimer::timeout, this, [&order, ms, timer] {
                order.push_back(ms);
                timer->deleteLater();
            });
            timer->start(ms);
        }
        QVERIFY(spinUntil([&] { return order.size() == 4; }));
        QCOMPARE(order, (std::vector<int>{0, 10, 20, 30}));
    }

    void singleShotFiresOnceAndRepeatingTimerRepeats()
    {
        int single = 0;
        int repeating = 0;
        QTimer once;
        once.setSingleShot(true);
        connect(&once, &QTimer::timeout, this, [&] { ++single; });
        once.start(1);
        QTimer again;
        connect(&again, &QTimer::timeout, this, [&] { ++repeating; });
        again.start(2);
        QVERIFY(spinUntil([&] { return repeating >= 5; }));
        QCOMPARE(single, 1);
        QVERIFY(!once.isActive());
        QVERIFY(again.isActive());
    }

    void timerKilledByAnEarlierHandlerNeverFires()
    {
        TimerProbe probe;
        const int first = probe.startTimer(1, Qt::PreciseTimer);
        const int second = probe.startTimer(1, Qt::PreciseTimer);
        const int third = probe.startTimer(3, Qt::PreciseTimer);
        probe.killOnFire = {first, second};
        QVERIFY(spinUntil([&] { return !probe.fired.empty() && probe.fired.back() == third; }));
        QCOMPARE(probe.fired.front(), first);
        QCOMPARE(std::count(probe.fired.begin(), probe.fired.end(), second), 0);
        QCOMPARE(std::count(probe.fired.begin(), probe.fired.end(), first), 1);
        probe.killTimer(third);
    }

    void zeroIntervalTimerFiresOncePerIteration()
    {
        int fired = 0;
        QTimer busy;
        connect(&busy, &QTimer::timeout, this, [&] { ++fired; });
        busy.start(0);
        for (int i = 0; i < 5; ++i)
            QAbstractEventDispatcher::instance()->processEvents(QEventLoop::AllEvents);
        busy.stop();
        QVERIFY(fired >= 1);
        QVERIFY(fired <= 5);
    }

    void registeredTimersAndRemainingTime()
    {
        auto *dispatcher = QAbstractEventDispatcher::instance();
        QObject owner;
        const int precise = owner.startTimer(60000, Qt::PreciseTimer);
        const int coarse = owner.startTimer(1000, Qt::CoarseTimer);
        const int veryCoarse = owner.startTimer(90000, Qt::VeryCoarseTimer);
        const auto infos = dispatcher->registeredTimers(&owner);
        QCOMPARE(infos.size(), 3);
        for (const auto &info : infos) {
            if (info.timerId == precise)
                QCOMPARE(info.interval, 60000);
            else if (info.timerId == coarse)
                QCOMPARE(info.timerType, Qt::CoarseTimer);
            else
                QCOMPARE(info.timerType, Qt::VeryCoarseTimer);
        }
        const int left = dispatcher->remainingTime(precise);
        QVERIFY(left > 0 && left <= 60000);
        // A coarse timer may be late by 5% of its interval, never early.
        QVERIFY(dispatcher->remainingTime(coarse) <= 1050);
        QVERIFY(dispatcher->remainingTime(veryCoarse) <= 90500);
        QVERIFY(dispatcher->unregisterTimers(&owner));
        QVERIFY(dispatcher->registeredTimers(&owner).isEmpty());
        QCOMPARE(dispatcher->remainingTime(precise), -1);
        QVERIFY(!dispatcher->unregisterTimer(coarse));
        Q_UNUSED(veryCoarse);
    }

    void coarseTimerFires()
    {
        int fired = 0;
        QTimer coarse;
        coarse.setTimerType(Qt::CoarseTimer);
        coarse.setSingleShot(true);
        connect(&coarse, &QTimer::timeout, this, [&] { ++fired; });
        coarse.start(120);
        QVERIFY(spinUntil([&] { return fired == 1; }));
    }

    void readNotifierSeesDataAndFollowsEnable()
    {
        SocketPair pair;
        QSocketNotifier reader(pair.fds[0], QSocketNotifier::Read);
        int reads = 0;
        connect(&reader, &QSocketNotifier::activated, this, [&] {
            ++reads;
            pair.drain();
        });
        pair.send();
        QVERIFY(spinUntil([&] { return reads == 1; }));

        reader.setEnabled(false);
        pair.send();
        for (int i = 0; i < 5; ++i)
            QCoreApplication::processEvents();
        QCOMPARE(reads, 1); // data waiting, but disabled

        reader.setEnabled(true); // level-triggered: the waiting byte is seen
        QVERIFY(spinUntil([&] { return reads == 2; }));
    }

    void readAndWriteNotifiersShareADescriptor()
    {
        SocketPair pair;
        QSocketNotifier reader(pair.fds[0], QSocketNotifier::Read);
        QSocketNotifier writer(pair.fds[0], QSocketNotifier::Write);
        int reads = 0;
        int writes = 0;
        connect(&reader, &QSocketNotifier::activated, this, [&] {
            ++reads;
            pair.drain();
        });
        connect(&writer, &QSocketNotifier::activated, this, [&] {
            ++writes;
            writer.setEnabled(false); // as QAbstractSocket does once flushed
        });
        QVERIFY(spinUntil([&] { return writes == 1; }));
        pair.send();
        QVERIFY(spinUntil([&] { return reads == 1; }));
        QCOMPARE(writes, 1);
        writer.setEnabled(true);
        QVERIFY(spinUntil([&] { return writes == 2; }));
        reader.setEnabled(false);
        writer.setEnabled(false);
        pair.send();
        for (int i = 0; i < 5; ++i)
            QCoreApplication::processEvents();
        QCOMPARE(reads, 1);
        QCOMPARE(writes, 2);
    }

    void notifierDeletedByAnEarlierCallbackIsNotActivated()
    {
        SocketPair a;
        SocketPair b;
        auto *first = new QSocketNotifier(a.fds[0], QSocketNotifier::Read);
        QPointer<QSocketNotifier> second = new QSocketNotifier(b.fds[0], QSocketNotifier::Read);
        int activations = 0;
        // Whichever comes first deletes the other and disables itself.
        connect(first, &QSocketNotifier::activated, this, [&] {
            ++activations;
            delete second.data();
            first->setEnabled(false);
        });
        connect(second, &QSocketNotifier::activated, this, [&] {
            ++activations;
            delete first;
            first = nullptr;
            second->setEnabled(false);
        });
        a.send();
        b.send(); // both ready in the same wake-up
        QVERIFY(spinUntil([&] { return activations >= 1; }));
        for (int i = 0; i < 5; ++i)
            QCoreApplication::processEvents();
        QCOMPARE(activations, 1);
        delete first;
        delete second.data();
    }

    void descriptorNumberReusedAfterItsNotifierWent()
    {
        int reads = 0;
        {
            SocketPair old;
            QSocketNotifier stale(old.fds[0], QSocketNotifier::Read);
        }                 // notifier deleted, then the descriptor closed
        SocketPair fresh; // the kernel hands out the lowest free numbers again
        QSocketNotifier reader(fresh.fds[0], QSocketNotifier::Read);
        connect(&reader, &QSocketNotifier::activated, this, [&] {
            ++reads;
            fresh.drain();
        });
        fresh.send();
        QVERIFY(spinUntil([&] { return reads == 1; }));
    }

    void postedEventsAndDeleteLater()
    {
        bool invoked = false;
        QMetaObject::invokeMethod(
            this, [&] { invoked = true; }, Qt::QueuedConnection);
        QPointer<QObject> doomed = new QObject;
        doomed->deleteLater();
        // Deferred deletes go out from a running loop (QEventLoop::exec),
        // as Qt defines it, not from processEvents() outside any loop.
        QEventLoop loop;
        QTimer check;
        connect(&check, &QTimer::timeout, &loop, [&] {
            if (invoked && doomed.isNull())
                loop.exit(0);
        });
        check.start(1);
        QTimer::singleShot(10000, &loop, [&] { loop.exit(1); });
        QCOMPARE(loop.exec(), 0);
    }

    void wakeUpFromAnotherThreadEndsAWait()
    {
        auto *dispatcher = QAbstractEventDispatcher::instance();
        QTimer guard; // fails the test instead of hanging if wakeUp() is lost
        bool guardFired = false;
        guard.setSingleShot(true);
        connect(&guard, &QTimer::timeout, this, [&] { guardFired = true; });
        guard.start(30000);
        std::atomic<bool> waiting{false};
        std::thread other([&] {
            while (!waiting.load())
                std::this_thread::yield();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            dispatcher->wakeUp();
        });
        waiting.store(true);
        dispatcher->processEvents(QEventLoop::WaitForMoreEvents);
        other.join();
        QVERIFY(!guardFired);
    }

    void eventPostedFromAnotherThreadQuitsALoop()
    {
        QEventLoop loop;
        QTimer guard;
        guard.setSingleShot(true);
        connect(&guard, &QTimer::timeout, &loop, [&] { loop.exit(1); });
        guard.start(30000);
        std::thread other([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            QMetaObject::invokeMethod(
                &loop, [&] { loop.exit(0); }, Qt::QueuedConnection);
        });
        const int rc = loop.exec();
        other.join();
        QCOMPARE(rc, 0);
    }

    void interruptFromAnotherThreadEndsAWait()
    {
        auto *dispatcher = QAbstractEventDispatcher::instance();
        QTimer guard;
        bool guardFired = false;
        guard.setSingleShot(true);
        connect(&guard, &QTimer::timeout, this, [&] { guardFired = true; });
        guard.start(30000);
        std::thread other([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            dispatcher->interrupt();
        });
        dispatcher->processEvents(QEventLoop::WaitForMoreEvents);
        other.join();
        QVERIFY(!guardFired);
    }

    void excludeSocketNotifiersLeavesThemAlone()
    {
        auto *dispatcher = QAbstractEventDispatcher::instance();
        SocketPair pair;
        QSocketNotifier reader(pair.fds[0], QSocketNotifier::Read);
        int reads = 0;
        connect(&reader, &QSocketNotifier::activated, this, [&] {
            ++reads;
            pair.drain();
        });
        pair.send();
        int fired = 0;
        QTimer timer;
        timer.setSingleShot(true);
        connect(&timer, &QTimer::timeout, this, [&] { ++fired; });
        timer.start(5);
        // A ready socket must neither be activated nor end the wait: each
        // wait lasts until the timer is due or an event is posted, never
        // spins on the readable descriptor.
        int waits = 0;
        while (fired == 0 && waits < 1000) {
            dispatcher->processEvents(QEventLoop::ExcludeSocketNotifiers |
                                      QEventLoop::WaitForMoreEvents);
            ++waits;
        }
        QCOMPARE(fired, 1);
        QVERIFY2(waits <= 10, qPrintable(QStringLiteral("%1 wake-ups").arg(waits)));
        QCOMPARE(reads, 0);
        QVERIFY(spinUntil([&] { return reads == 1; }));
    }

    void excludedTimersDoNotFire()
    {
        auto *dispatcher = QAbstractEventDispatcher::instance();
        int fired = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, this, [&] { ++fired; });
        timer.start(0);
        for (int i = 0; i < 5; ++i)
            dispatcher->processEvents(QEventLoop::X11ExcludeTimers);
        QCOMPARE(fired, 0);
        QVERIFY(spinUntil([&] { return fired >= 1; }));
    }
};

FEDGATE_EPOLL_TEST_MAIN(TestEpollEventDispatcher)
#include "tst_epolleventdispatcher.moc"
