#pragma once

#include "engine/xml/XmlElement.h"

#include <QList>
#include <QMutex>
#include <QObject>

#include <functional>

// Stanzas handed from one thread to another in batches: any thread pushes,
// the receiver's thread drains. Only the push that finds the queue empty
// posts a wake-up (one queued call, so one eventfd write when the receiver
// sleeps); the receiver then takes everything queued meanwhile at once.
// Bounded: a consumer that falls behind does not grow the queue without
// limit; a push over the bound is refused and the producer answers it.
namespace fedgate::engine {

struct QueuedStanza
{
    int kind = 0; // the receiver's meaning (what to do with it)
    XmlElement stanza;
    QString localDomain; // its domains when the producer already parsed them
    QString remoteDomain;
};

class StanzaBatchQueue
{
public:
    using Handler = std::function<void(QList<QueuedStanza> &batch)>;
    static constexpr qsizetype kDefaultBound = 100000;

    // `receiver` (alive as long as the queue) runs `handler` on its thread.
    StanzaBatchQueue(QObject *receiver, Handler handler, qsizetype bound = kDefaultBound);

    // Any thread. False when the queue already holds its bound.
    bool push(QueuedStanza item);

private:
    void drain();

    QObject *m_receiver;
    Handler m_handler;
    qsizetype m_bound;
    QMutex m_mutex;
    QList<QueuedStanza> m_pending;  // guarded by m_mutex
    QList<QueuedStanza> m_draining; // receiver's thread only; keeps its capacity
};

} // namespace fedgate::engine
