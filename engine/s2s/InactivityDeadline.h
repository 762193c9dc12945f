#pragma once

#include <QtGlobal>

#include <algorithm>

// The bookkeeping of an inactivity timeout that moves with every stanza
// without touching a timer. Restarting a QTimer per stanza costs a
// registration in the thread's timer list, which Qt searches linearly, so
// with thousands of sessions each stanza paid for every other session's
// timer. Here activity is one store of a monotonic timestamp; the owner arms
// one timer for the whole timeout and, when it fires, asks remainingMs():
// zero means the stream was really idle for the timeout, anything else is
// how long to re-arm for (the time still left since the last activity).
namespace fedgate::engine {

class InactivityDeadline
{
public:
    // Monotonic milliseconds from a coarse clock (a few ms resolution, no
    // system call): fine for timeouts counted in seconds.
    static qint64 nowMs();

    explicit InactivityDeadline(qint64 timeoutMs, qint64 startMs = nowMs())
        : m_timeoutMs(timeoutMs)
        , m_lastActivityMs(startMs)
    {}

    qint64 timeoutMs() const { return m_timeoutMs; }
    qint64 lastActivityMs() const { return m_lastActivityMs; }
    void touch(qint64 atMs) { m_lastActivityMs = std::max(m_lastActivityMs, atMs); }
    void touch() { touch(nowMs()); }
    // Milliseconds until the stream has been idle for the timeout; 0 when
    // it already has (at `atMs`).
    qint64 remainingMs(qint64 atMs) const
    {
        return std::max<qint64>(0, m_lastActivityMs + m_timeoutMs - atMs);
    }

private:
    qint64 m_timeoutMs;
    qint64 m_lastActivityMs;
};

} // namespace fedgate::engine
