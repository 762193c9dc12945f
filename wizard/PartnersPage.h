#pragma once

#include <QWidget>

class QPushButton;
class QTreeWidget;

// The XMPP federated partners: a list with New, Edit and Remove. Editing
// happens in PartnerDialog; saving writes the draft topology.
namespace fedgate::wizard {

class PageHeader;
class PartnerDialog;
class Workspace;

class PartnersPage : public QWidget
{
    Q_OBJECT
public:
    explicit PartnersPage(Workspace *workspace, QWidget *parent = nullptr);

public slots:
    void newPartner();
    void editPartner();
    void removePartner();

private:
    void reload();
    void save(PartnerDialog *dialog);
    QString selectedDomain() const;

    Workspace *m_workspace;
    PageHeader *m_header;
    QTreeWidget *m_list;
    QPushButton *m_edit;
    QPushButton *m_remove;
};

} // namespace fedgate::wizard
