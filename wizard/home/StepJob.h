#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

// One home-page step's action run on a worker thread (QtConcurrent), so the
// window never freezes: progress lines come back to the GUI thread as
// signals, then the outcome. Destroying the job waits for a run still going
// (it may hold the page's data directory open), so no work outlives it.
namespace fedgate::wizard {

struct JobOutcome
{
    bool ok = false;
    QString message;     // one sentence for the step's state: what was done, or the error
    QStringList details; // lines for the step's log, when the work makes its own
};

class StepJob : public QObject
{
    Q_OBJECT
public:
    // Thread-safe: called from the worker, delivered on the GUI thread.
    using Report = std::function<void(const QString &line)>;
    using Work = std::function<JobOutcome(const Report &report)>;

    explicit StepJob(QObject *parent = nullptr);
    ~StepJob() override;

    // True from start() until finished() was emitted (the worker may have
    // ended a moment earlier): the page's state is never read in between.
    bool isRunning() const { return m_busy; }
    // Ignored while a run is going.
    void start(Work work);
    // Blocks until the current run (if any) ended; for tests and shutdown.
    void wait() { m_watcher.waitForFinished(); }

signals:
    void progress(const QString &line);
    void finished(const fedgate::wizard::JobOutcome &outcome);

private:
    QFutureWatcher<JobOutcome> m_watcher;
    bool m_busy = false;
};

} // namespace fedgate::wizard
