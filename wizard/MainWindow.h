#pragma once

#include "PageId.h"

#include <QHash>
#include <QMainWindow>
#include <QTime>

#include <optional>

class QListWidget;
class QStackedWidget;

// The Fedgate window: the deployment steps (home) and the editors, reached
// from a navigation list on the left and from the menus. Switching language
// rebuilds the pages; their state lives in the Workspace, so nothing is lost.
namespace fedgate::wizard {

class Workspace;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Workspace *workspace, QWidget *parent = nullptr);

    void showPage(PageId page);
    PageId currentPage() const;
    QWidget *page(PageId id) const { return m_pages.value(id); }
    void setLanguage(const QString &code);
    // Edit > Discard Draft: asks (listing the unpublished changes), then
    // returns the draft to the latest published version.
    void discardDraft();

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void buildMenus();
    void addPage(PageId id, const QString &iconPath, const QString &label, QWidget *page);
    void openTopologyFile();
    void exportTopologyFile();
    void showAbout();

    Workspace *m_workspace;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    QHash<PageId, QWidget *> m_pages;
    QList<PageId> m_order;
    bool m_rebuildPending = false;
};

} // namespace fedgate::wizard
