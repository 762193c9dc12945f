#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTreeWidget;

// External access policies: the global policy, one per site, and user
// policies granted to users; the five switches of the selected policy; and
// for the selected user the policy that applies and where it comes from
// (topology::effectivePolicy, the function the engine uses).
namespace fedgate::wizard {

class PageHeader;
class Workspace;

class PoliciesPage : public QWidget
{
    Q_OBJECT
public:
    explicit PoliciesPage(Workspace *workspace, QWidget *parent = nullptr);

public slots:
    void addSitePolicy();
    void addUserPolicy();
    void removePolicy();
    void addUser();

private:
    void reload();
    void showPolicy();
    void applySwitches();
    void grant(const QString &user, const QString &tag);
    void showEffective();
    QString selectedPolicy() const;
    QString selectedUser() const;

    Workspace *m_workspace;
    PageHeader *m_header;
    QListWidget *m_policies;
    QComboBox *m_newSite;
    QLineEdit *m_newTag;
    QPushButton *m_remove;
    QLineEdit *m_description;
    QList<QCheckBox *> m_switches;
    QTreeWidget *m_users;
    QLineEdit *m_newUser;
    QComboBox *m_newUserSite;
    QLabel *m_effective;
    bool m_loading = false;
};

} // namespace fedgate::wizard
