#pragma once

#include <QObject>

class QSocketNotifier;

// The second half of a lingering close (XmppStream::close()). It owns a
// duplicate of the connection's descriptor, taken before Qt closes its own
// (once Qt has flushed our last bytes, TLS close_notify included), so the
// kernel socket outlives Qt's close. start() then shuts the write side (the
// peer reads our last bytes, then the end of the stream) and reads and drops
// whatever the peer still sends, unparsed, until the peer closes too.
// Closing a socket with unread bytes makes the kernel send a reset that can
// destroy the data we sent before the peer reads it; draining first avoids
// it. Bounded by a byte budget here and by the owner's grace timer.
namespace fedgate::engine {

class LingeringClose : public QObject
{
    Q_OBJECT
public:
    // Takes ownership of `fd`.
    LingeringClose(int fd, qint64 byteBudget, QObject *parent = nullptr);
    // Closes the descriptor: a reset when the peer's bytes are still unread
    // (the budget or the grace time ran out).
    ~LingeringClose() override;

    // Qt has closed its descriptor: half-close and drain. Idempotent.
    void start();
    bool isStarted() const { return m_started; }
    qint64 discardedBytes() const { return m_discarded; }
    bool budgetExceeded() const { return m_discarded > m_budget; }

signals:
    // The peer closed, the connection failed or the budget ran out; the
    // owner deletes this object (which closes the descriptor).
    void finished();

private:
    void drain();
    void finish();

    int m_fd;
    qint64 m_budget;
    qint64 m_discarded = 0;
    QSocketNotifier *m_notifier = nullptr;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace fedgate::engine
