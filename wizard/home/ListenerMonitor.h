#pragma once

#include "deploy/ListenerStatus.h"
#include "deploy/ServiceManager.h"
#include "deploy/ServiceSupervisor.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

// Watches the service and its sockets by itself: every two seconds, on a
// worker thread, the service's status (systemd or the built-in supervisor,
// as deploy::ServiceManager decides; the control socket), the
// machine's TCP sockets from the operating system (deploy::SocketTable) and
// the listeners the service configuration plans (ServiceConfiguration),
// compared by deploy::ListenerStatus. The home page's listener table and its
// "Start services" step show the latest snapshot, never a remembered belief.
namespace fedgate::wizard {

struct ListenerSnapshot
{
    bool valid = false; // false until the first poll ended
    deploy::ServiceBackend backend = deploy::ServiceBackend::BuiltIn; // who runs fedgated
    deploy::ServiceState service;
    QList<deploy::ListenerRow> rows;
    // Every difference from the plan, the service not running first.
    QList<deploy::ListenerFinding> findings;
    QString expectedError; // why the planned listeners are unknown (nothing deployed)
    QString socketsError;  // /proc could not be read

    // The service runs and the operating system shows every planned
    // listener (and the established internal link): nothing to report.
    bool healthy() const
    {
        return valid && service.running && expectedError.isEmpty() && socketsError.isEmpty() &&
               findings.isEmpty();
    }
};

class ListenerMonitor : public QObject
{
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 2000;

    explicit ListenerMonitor(QString dataDirectory, QObject *parent = nullptr);
    ~ListenerMonitor() override;

    const ListenerSnapshot &snapshot() const { return m_snapshot; }
    // Polls now (after a step changed something); a poll already running
    // is followed by another one.
    void pollNow();

    // The poll itself, blocking (what the worker runs).
    static ListenerSnapshot poll(const QString &dataDirectory);

signals:
    void updated();

private:
    QString m_dataDirectory;
    QTimer m_timer;
    QFutureWatcher<ListenerSnapshot> m_watcher;
    ListenerSnapshot m_snapshot;
    bool m_again = false;
};

} // namespace fedgate::wizard
