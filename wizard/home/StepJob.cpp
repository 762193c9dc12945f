#include "StepJob.h"

#include <QtConcurrent/QtConcurrentRun>

namespace fedgate::wizard {

StepJob::StepJob(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<JobOutcome>::finished, this, [this] {
        m_busy = false;
        emit finished(m_watcher.result());
    });
}

StepJob::~StepJob()
{
    m_watcher.waitForFinished();
}

void StepJob::start(Work work)
{
    if (m_busy)
        return;
    m_busy = true;
    // The worker posts its lines to this object; the destructor waits for
    // the worker, so `this` outlives every post.
    Report report = [this](const QString &line) {
        QMetaObject::invokeMethod(
            this, [this, line] { emit progress(line); }, Qt::QueuedConnection);
    };
    m_watcher.setFuture(
        QtConcurrent::run([work = std::move(work), report] { return work(report); }));
}

} // namespace fedgate::wizard
