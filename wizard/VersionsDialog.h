#pragma once

#include <QDialog>

class QTreeWidget;
class QPushButton;

// The published versions, newest first, with a rollback: publishing an older
// version's content again as a new version (history is never rewritten).
namespace fedgate::wizard {

class Workspace;

class VersionsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit VersionsDialog(Workspace *workspace, QWidget *parent = nullptr);

signals:
    void rolledBack(int fromVersion, int newVersion);

private:
    void reload();
    void rollbackSelected();

    Workspace *m_workspace;
    QTreeWidget *m_list;
    QPushButton *m_rollback;
};

} // namespace fedgate::wizard
