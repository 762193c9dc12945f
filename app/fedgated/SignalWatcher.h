#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGTERM/SIGINT and SIGHUP into Qt signals: the handler only writes a
// byte to a socket pair (async-signal-safe); the event loop reads it.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;
    bool isValid() const { return m_notifier != nullptr; }

signals:
    void terminateRequested(int signal);
    void reloadRequested();

private:
    void onReadable();
    QSocketNotifier *m_notifier = nullptr;
};
