#include "ListenerMonitor.h"

#include "deploy/ServiceConfiguration.h"
#include "deploy/ServiceManager.h"
#include "deploy/SocketTable.h"

#include <QtConcurrent/QtConcurrentRun>

namespace fedgate::wizard {

ListenerMonitor::ListenerMonitor(QString dataDirectory, QObject *parent)
    : QObject(parent)
    , m_dataDirectory(std::move(dataDirectory))
{
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ListenerMonitor::pollNow);
    connect(&m_watcher, &QFutureWatcher<ListenerSnapshot>::finished, this, [this] {
        m_snapshot = m_watcher.result();
        emit updated();
        if (m_again) {
            m_again = false;
            pollNow();
        }
    });
    m_timer.start();
    pollNow();
}

ListenerMonitor::~ListenerMonitor()
{
    m_watcher.waitForFinished();
}

void ListenerMonitor::pollNow()
{
    if (m_watcher.isRunning()) {
        m_again = true;
        return;
    }
    m_watcher.setFuture(
        QtConcurrent::run([directory = m_dataDirectory] { return poll(directory); }));
}

ListenerSnapshot ListenerMonitor::poll(const QString &dataDirectory)
{
    ListenerSnapshot s;
    s.valid = true;
    const deploy::ServiceLayout layout = deploy::ServiceLayout::forDataDirectory(dataDirectory);
    const deploy::ServiceManager manager(layout);
    s.backend = manager.backend();
    s.service = manager.status();
    QList<deploy::ExpectedListener> expected;
    auto configuration = deploy::ServiceConfiguration::load(layout);
    auto planned = configuration ? configuration.value().expectedListeners()
                                 : Result<QList<deploy::ExpectedListener>>(configuration.error());
    if (planned)
        expected = planned.value();
    else
        s.expectedError = planned.error().message;
    auto sockets = deploy::SocketTable::read();
    if (!sockets) {
        s.socketsError = sockets.error().message;
        return s;
    }
    QSet<qint64> pids;
    if (s.service.running)
        pids.insert(s.service.pid);
    s.rows = deploy::ListenerStatus::rows(sockets.value(), expected, pids);
    if (s.expectedError.isEmpty())
        s.findings = deploy::ListenerStatus::compare(sockets.value(), expected, pids);
    return s;
}

} // namespace fedgate::wizard
