#include "StanzaBatchQueue.h"

#include <QMutexLocker>

namespace fedgate::engine {

StanzaBatchQueue::StanzaBatchQueue(QObject *receiver, Handler handler, qsizetype bound)
    : m_receiver(receiver)
    , m_handler(std::move(handler))
    , m_bound(bound)
{}

bool StanzaBatchQueue::push(QueuedStanza item)
{
    bool first = false;
    {
        QMutexLocker lock(&m_mutex);
        if (m_pending.size() >= m_bound)
            return false;
        first = m_pending.isEmpty();
        m_pending.append(std::move(item));
    }
    if (first)
        QMetaObject::invokeMethod(
            m_receiver, [this] { drain(); }, Qt::QueuedConnection);
    return true;
}

void StanzaBatchQueue::drain()
{
    {
        QMutexLocker lock(&m_mutex);
        m_draining.swap(m_pending);
    }
    m_handler(m_draining);
    m_draining.clear();
}

} // namespace fedgate::engine
