#pragma once

#include <QFutureWatcher>
#include <QWidget>

#include <functional>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

// The topology's users: address, display name, home site, granted policy,
// the external access policy that applies to each (topology::effectivePolicy,
// the function the gateway uses) and whether it allows XMPP federation, and
// whether the gateway's account store on this machine holds a password for
// them. The administrator sets or removes the selected user's password there
// (engine/gateway/AccountAdmin, the code 'fedgatectl user password' runs);
// the PBKDF2 work runs on a worker thread. Passwords are never shown or kept.
namespace fedgate::wizard {

class PageHeader;
class Workspace;

class UsersPage : public QWidget
{
    Q_OBJECT
public:
    // `storeLocation` empty = the gateway store in the data directory.
    explicit UsersPage(Workspace *workspace, QString storeLocation = {}, QWidget *parent = nullptr);

    // A password is being written (the buttons are off meanwhile).
    bool isBusy() const { return m_busy; }
    QString storeLocation() const { return m_storeLocation; }

public slots:
    void setPassword();
    void removePassword();

signals:
    void passwordsChanged();

private:
    void reload();
    void selectionChanged();
    void updateButtons();
    QString selectedUser() const;
    // Runs `work` off the GUI thread with the buttons off; finished() shows
    // the outcome and reloads the list.
    struct Outcome
    {
        bool ok = false;
        bool removed = false;     // a remove (else a set)
        bool hadPassword = false; // on remove
        QString user;
        QString location; // of the store, on success
        QString error;    // the store's refusal, on failure
    };
    void runInBackground(std::function<Outcome()> work);
    void finished(const Outcome &outcome);

    Workspace *m_workspace;
    QString m_storeLocation;
    PageHeader *m_header;
    QLabel *m_store;
    QTreeWidget *m_users;
    QLabel *m_effective;
    QGroupBox *m_box;
    QLabel *m_passwordTitle;
    QLineEdit *m_password;
    QLineEdit *m_repeat;
    QPushButton *m_set;
    QPushButton *m_remove;
    QFutureWatcher<Outcome> m_watcher;
    bool m_busy = false;
};

} // namespace fedgate::wizard
