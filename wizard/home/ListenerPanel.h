#pragma once

#include <QWidget>

class QLabel;
class QTreeWidget;

// The live listener table of the home page, netstat-style (local address,
// remote address, state, PID/program, purpose) as the operating system
// reports the sockets, with the differences from the plan listed under it,
// each with its fix. Fed by a ListenerMonitor snapshot.
namespace fedgate::wizard {

struct ListenerSnapshot;

class ListenerPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column
    {
        LocalColumn,
        RemoteColumn,
        StateColumn,
        ProcessColumn,
        PurposeColumn
    };

    explicit ListenerPanel(QWidget *parent = nullptr);
    void show(const ListenerSnapshot &snapshot);

private:
    QLabel *m_title;
    QTreeWidget *m_table;
    QLabel *m_findings;
};

} // namespace fedgate::wizard
