#include "LingeringClose.h"

#include <QSocketNotifier>

#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>

namespace fedgate::engine {

LingeringClose::LingeringClose(int fd, qint64 byteBudget, QObject *parent)
    : QObject(parent)
    , m_fd(fd)
    , m_budget(byteBudget)
{}

LingeringClose::~LingeringClose()
{
    delete m_notifier;
    if (m_fd >= 0)
        ::close(m_fd);
}

void LingeringClose::start()
{
    if (m_started)
        return;
    m_started = true;
    if (::shutdown(m_fd, SHUT_WR) != 0) {
        finish(); // the connection is already gone
        return;
    }
    m_notifier = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Read);
    connect(m_notifier, &QSocketNotifier::activated, this, &LingeringClose::drain);
    drain();
}

void LingeringClose::drain()
{
    char buffer[64 * 1024];
    while (!m_finished) {
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, MSG_DONTWAIT);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return; // wait for more, or for the end
        if (n > 0)
            m_discarded += n;
        // The end of the stream (0), a failed connection (< 0) or a peer
        // that floods past the budget: done.
        if (n <= 0 || budgetExceeded())
            finish();
    }
}

void LingeringClose::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_notifier)
        m_notifier->setEnabled(false);
    emit finished();
}

} // namespace fedgate::engine
