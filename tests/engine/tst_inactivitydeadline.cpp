// InactivityDeadline, the lazy inactivity timeout of every s2s session,
// driven by an explicit clock: activity only moves the deadline, the one
// timer armed for a session learns at each expiry whether to close or how
// long to wait again, and a session idle after activity closes one timeout
// after its last activity, not one timeout after the timer was armed.
#include "engine/s2s/InactivityDeadline.h"

#include <QTest>

#include <vector>

using fedgate::engine::InactivityDeadline;

namespace {
constexpr qint64 kTimeout = 1000;

// What S2SSession does with its single timer: armed once for the timeout;
// at each expiry re-armed for remainingMs() until that is 0 (closed).
struct SimulatedSession
{
    explicit SimulatedSession(qint64 start)
        : deadline(kTimeout, start)
        , timerDue(start + kTimeout)
    {}
    InactivityDeadline deadline;
    qint64 timerDue;
    int arms = 1;
    bool closed = false;

    void expire() // the event loop calls this at timerDue
    {
        const qint64 left = deadline.remainingMs(timerDue);
        if (left == 0) {
            closed = true;
            return;
        }
        timerDue += left;
        ++arms;
    }
};
} // namespace

class TestInactivityDeadline : public QObject
{
    Q_OBJECT
private slots:
    void idleFromTheStartExpiresAfterTheTimeout()
    {
        const InactivityDeadline d(kTimeout, 5000);
        QCOMPARE(d.remainingMs(5000), kTimeout);
        QCOMPARE(d.remainingMs(5999), qint64(1));
        QCOMPARE(d.remainingMs(6000), qint64(0));
        QCOMPARE(d.remainingMs(9000), qint64(0));
    }

    void activityJustBeforeTheDeadlinePostponesIt()
    {
        SimulatedSession s(0);
        s.deadline.touch(990); // 10 ms before the deadline
        s.expire();            // at 1000
        QVERIFY(!s.closed);
        QCOMPARE(s.timerDue, qint64(1990)); // one timeout after the last activity
        s.expire();
        QVERIFY(s.closed);
        QCOMPARE(s.arms, 2);
    }

    void idleAfterActivityClosesOneTimeoutAfterTheLastActivity()
    {
        SimulatedSession s(0);
        for (qint64 t = 100; t <= 2500; t += 100) { // steady traffic, then silence
            while (s.timerDue <= t && !s.closed)
                s.expire();
            QVERIFY2(!s.closed, qPrintable(QString::number(t)));
            s.deadline.touch(t);
        }
        while (!s.closed)
            s.expire();
        QCOMPARE(s.timerDue, qint64(3500));
        // Armed at 0, fired at 1000 (re-armed to 2000), 2000 (to 3000),
        // 3000 (to 3500): one timer operation per timeout, not per stanza.
        QCOMPARE(s.arms, 4);
    }

    void touchesNeverMoveTheDeadlineBackwards()
    {
        InactivityDeadline d(kTimeout, 0);
        d.touch(700);
        d.touch(300); // a stale timestamp (taken before a slower path)
        QCOMPARE(d.lastActivityMs(), qint64(700));
        QCOMPARE(d.remainingMs(1000), qint64(700));
    }

    // Thousands of sessions each passing many stanzas cost no timer
    // operation at all: touch() stores a timestamp and nothing else, so the
    // timers armed are one per session until the first expiry.
    void manySessionsTouchWithoutArmingTimers()
    {
        std::vector<SimulatedSession> sessions;
        sessions.reserve(10000);
        for (int i = 0; i < 10000; ++i)
            sessions.emplace_back(0);
        for (qint64 t = 1; t < kTimeout; t += 37)
            for (SimulatedSession &s : sessions)
                s.deadline.touch(t);
        qint64 arms = 0;
        for (const SimulatedSession &s : sessions)
            arms += s.arms;
        QCOMPARE(arms, qint64(sessions.size()));
    }

    void theClockIsMonotonic()
    {
        const qint64 first = InactivityDeadline::nowMs();
        QTest::qSleep(20);
        const qint64 second = InactivityDeadline::nowMs();
        QVERIFY(second > first);
    }
};

QTEST_GUILESS_MAIN(TestInactivityDeadline)
#include "tst_inactivitydeadline.moc"
