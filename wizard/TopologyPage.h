#pragma once

#include "PageId.h"

#include "topology/Validation.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

// The topology editor: a tree of sites, pools and members with a form for the
// selected object, a picture that follows every edit, the validation findings
// (a click selects the object at fault), Publish (diff, then the new version
// number) and the versions list with rollback.
namespace fedgate::wizard {

class ObjectForm;
class PageHeader;
class PublishDialog;
class TopologyView;
class Workspace;

class TopologyPage : public QWidget
{
    Q_OBJECT
public:
    explicit TopologyPage(Workspace *workspace, QWidget *parent = nullptr);

    // Selects the tree item of `path`, or of its nearest ancestor.
    bool selectPath(const QString &path);
    QString selectedPath() const { return m_currentPath; }
    QList<topology::Finding> findings() const { return m_findings; }

public slots:
    void publish();
    // The New Topology wizard; its result replaces the draft (undoable).
    void newTopology();
    void showVersions();

signals:
    void pageRequested(fedgate::wizard::PageId page);

private:
    void rebuild();
    void rebuildTree();
    void rebuildFindings();
    void showForm();
    void applyForm();
    void commit(const topology::Topology &topology, const QString &selectPath,
                const QString &description = {});
    void addSite();
    void addFrontEndPool();
    void addEdgePool();
    void addEdgeServer();
    void removeSelected();
    void findingActivated(QListWidgetItem *item);
    void publishAccepted(PublishDialog *dialog);
    QString newDomainSuffix() const;

    Workspace *m_workspace;
    PageHeader *m_header;
    QTreeWidget *m_tree;
    QStackedWidget *m_forms;
    QHash<int, ObjectForm *> m_formByKind;
    QLabel *m_noSelection;
    TopologyView *m_view;
    QListWidget *m_findingList;
    QLabel *m_findingSummary;
    QPushButton *m_addFrontEnd;
    QPushButton *m_addEdge;
    QPushButton *m_addMember;
    QPushButton *m_remove;
    QPushButton *m_publish = nullptr;
    QString m_currentPath;
    QList<topology::Finding> m_findings;
    bool m_rebuilding = false;
};

} // namespace fedgate::wizard
