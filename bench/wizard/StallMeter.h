#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

// Measures how long the GUI event loop goes without running: a precise
// timer asks to fire every millisecond; the longest gap between two firings
// (minus that millisecond) is the longest stall a user could have felt.
class StallMeter : public QObject
{
    Q_OBJECT
public:
    explicit StallMeter(QObject *parent = nullptr);
    void start();
    void stop();
    qint64 longestStallMs() const { return m_longestNs / 1000000; }
    double longestStallMsPrecise() const { return m_longestNs / 1e6; }
    int ticks() const { return m_ticks; }

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longestNs = 0;
    int m_ticks = 0;
};
