#include "UsersPage.h"

#include "wizard/PageHeader.h"
#include "wizard/Workspace.h"

#include "engine/gateway/AccountAdmin.h"
#include "engine/gateway/AccountStore.h"
#include "engine/gateway/GatewayDatabase.h"
#include "engine/sasl/ScramPrimitives.h"
#include "topology/ExternalAccess.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace fedgate::wizard {

using namespace fedgate::topology;

namespace {
enum Column
{
    AddressColumn,
    NameColumn,
    SiteColumn,
    GrantedColumn,
    EffectiveColumn,
    XmppColumn,
    PasswordColumn
};

QString dash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("–") : text;
}
} // namespace

UsersPage::UsersPage(Workspace *workspace, QString storeLocation, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_storeLocation(storeLocation.isEmpty() ? engine::GatewayDatabase::defaultLocation()
                                              : storeLocation)
{
    auto *layout = new QVBoxLayout(this);
    m_header = new PageHeader(
        tr("Users"),
        tr("The users of the topology are the gateway's accounts. Each one chats with partners "
           "only if the external access policy that applies to it allows XMPP federation. A "
           "user logs in once it has a password in the gateway's account store on this "
           "machine; only salted SCRAM hashes are stored, never the password."),
        this);
    layout->addWidget(m_header);

    m_store = new QLabel(this);
    m_store->setObjectName(QStringLiteral("storeLocation"));
    m_store->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_store->setWordWrap(true);
    layout->addWidget(m_store);

    m_users = new QTreeWidget(this);
    m_users->setObjectName(QStringLiteral("users"));
    m_users->setAccessibleName(tr("Users"));
    m_users->setRootIsDecorated(false);
    m_users->setHeaderLabels({tr("Address"), tr("Display name"), tr("Home site"),
                              tr("Granted policy"), tr("Effective policy"), tr("XMPP federation"),
                              tr("Password")});
    m_users->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_users->header()->setStretchLastSection(true);
    layout->addWidget(m_users, 1);

    m_effective = new QLabel(this);
    m_effective->setObjectName(QStringLiteral("effective"));
    m_effective->setWordWrap(true);
    layout->addWidget(m_effective);

    m_box = new QGroupBox(tr("Password"), this);
    QGroupBox *box = m_box;
    auto *boxLayout = new QVBoxLayout(box);
    m_passwordTitle = new QLabel(box);
    m_passwordTitle->setWordWrap(true);
    boxLayout->addWidget(m_passwordTitle);
    auto *form = new QFormLayout;
    m_password = new QLineEdit(box);
    m_password->setObjectName(QStringLiteral("password"));
    m_repeat = new QLineEdit(box);
    m_repeat->setObjectName(QStringLiteral("repeatPassword"));
    for (QLineEdit *field : {m_password, m_repeat}) {
        field->setEchoMode(QLineEdit::Password);
        field->setMaximumWidth(320);
        connect(field, &QLineEdit::textChanged, this, &UsersPage::updateButtons);
    }
    m_password->setAccessibleName(tr("New password"));
    m_repeat->setAccessibleName(tr("Repeat the password"));
    form->addRow(tr("&New password:"), m_password);
    form->addRow(tr("Re&peat it:"), m_repeat);
    boxLayout->addLayout(form);
    auto *buttons = new QHBoxLayout;
    m_set = new QPushButton(tr("&Set Password"), box);
    m_set->setObjectName(QStringLiteral("setPassword"));
    m_remove = new QPushButton(tr("Remo&ve Password"), box);
    m_remove->setObjectName(QStringLiteral("removePassword"));
    for (QPushButton *b : {m_set, m_remove}) {
        b->setAccessibleName(b->text().remove(QLatin1Char('&')));
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    boxLayout->addLayout(buttons);
    layout->addWidget(box);

    connect(m_set, &QPushButton::clicked, this, &UsersPage::setPassword);
    connect(m_repeat, &QLineEdit::returnPressed, this, &UsersPage::setPassword);
    connect(m_remove, &QPushButton::clicked, this, &UsersPage::removePassword);
    connect(m_users, &QTreeWidget::currentItemChanged, this, &UsersPage::selectionChanged);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this,
            [this] { finished(m_watcher.result()); });
    connect(m_workspace, &Workspace::topologyChanged, this, &UsersPage::reload);
    reload();
}

void UsersPage::reload()
{
    const QString selected = selectedUser();
    const engine::PasswordStatus passwords = engine::readPasswordStatus(m_storeLocation);
    m_store->setText(passwords.available
                         ? tr("Gateway account store: %1").arg(passwords.location)
                         : tr("Gateway account store: %1 (%2; setting a password creates it)")
                               .arg(m_storeLocation, passwords.problem));
    const Topology &t = m_workspace->topology();
    m_users->clear();
    for (const User &u : t.users) {
        const EffectivePolicy e = effectivePolicy(t, u);
        const bool hasPassword = passwords.withPassword.contains(engine::accountKey(u.xmppAddress));
        auto *item = new QTreeWidgetItem(
            m_users,
            {u.xmppAddress, dash(u.displayName), dash(u.site), dash(u.grantedPolicy),
             e.policy.identity, e.policy.enableXmppAccess ? tr("Allowed") : tr("Not allowed"),
             hasPassword ? tr("Set") : tr("Not set")});
        item->setData(AddressColumn, Qt::UserRole, u.xmppAddress);
        item->setData(PasswordColumn, Qt::UserRole, hasPassword);
        item->setToolTip(EffectiveColumn, e.explanation);
        item->setIcon(XmppColumn, QIcon(e.policy.enableXmppAccess
                                            ? QStringLiteral(":/icons/status-done.svg")
                                            : QStringLiteral(":/icons/status-warning.svg")));
        item->setIcon(PasswordColumn,
                      QIcon(hasPassword ? QStringLiteral(":/icons/status-done.svg")
                                        : QStringLiteral(":/icons/status-warning.svg")));
        if (u.xmppAddress == selected)
            m_users->setCurrentItem(item);
    }
    if (!m_users->currentItem() && m_users->topLevelItemCount() > 0)
        m_users->setCurrentItem(m_users->topLevelItem(0));
    if (t.users.isEmpty())
        m_header->showMessage(tr("The topology has no users yet. Add them on the External access "
                                 "page (Add User)."),
                              PageHeader::Tone::Info);
    selectionChanged();
}

QString UsersPage::selectedUser() const
{
    const QTreeWidgetItem *item = m_users->currentItem();
    return item ? item->data(AddressColumn, Qt::UserRole).toString() : QString();
}

void UsersPage::selectionChanged()
{
    const QString user = selectedUser();
    if (user.isEmpty()) {
        m_effective->clear();
        m_box->setTitle(tr("Password"));
        m_passwordTitle->setText(tr("Select a user to set its password."));
    } else {
        const EffectivePolicy e = effectivePolicy(m_workspace->topology(), user);
        m_effective->setText(
            tr("<b>%1</b>: %2. XMPP federation: <b>%3</b>.")
                .arg(user.toHtmlEscaped(), e.explanation.toHtmlEscaped(),
                     e.policy.enableXmppAccess ? tr("allowed") : tr("not allowed")));
        m_box->setTitle(tr("Password of %1").arg(user));
        m_passwordTitle->setText(
            tr("At least one character, at most %1 bytes. Type it twice; it is never shown.")
                .arg(engine::AccountStore::kMaxPasswordBytes));
    }
    updateButtons();
}

void UsersPage::updateButtons()
{
    const QTreeWidgetItem *item = m_users->currentItem();
    const bool idle = item && !m_busy;
    m_password->setEnabled(idle);
    m_repeat->setEnabled(idle);
    m_set->setEnabled(idle && !m_password->text().isEmpty());
    m_remove->setEnabled(idle && item->data(PasswordColumn, Qt::UserRole).toBool());
}

void UsersPage::setPassword()
{
    const QString user = selectedUser();
    if (user.isEmpty() || m_busy)
        return;
    const QString password = m_password->text();
    // The rules AccountStore::setPassword applies, said in the page's
    // language before the store is asked.
    QString refusal;
    if (password.isEmpty())
        refusal = tr("The password is empty: type a password for %1 in both fields.").arg(user);
    else if (password != m_repeat->text())
        refusal = tr("The two passwords differ; nothing was changed. Type the same password in "
                     "both fields.");
    else if (engine::scram::preparePassword(password).size() >
             engine::AccountStore::kMaxPasswordBytes)
        refusal = tr("The password is longer than %1 bytes; choose a shorter one.")
                      .arg(engine::AccountStore::kMaxPasswordBytes);
    m_password->clear();
    m_repeat->clear();
    if (!refusal.isEmpty()) {
        m_header->showMessage(refusal, PageHeader::Tone::Error);
        m_password->setFocus();
        return;
    }
    const engine::Jid jid = engine::Jid::fromString(user).bare();
    runInBackground([location = m_storeLocation, jid, password, user] {
        Outcome o;
        o.user = user;
        const Result<QString> r = engine::setAccountPassword(location, jid, password);
        o.ok = r.ok();
        if (o.ok)
            o.location = r.value();
        else
            o.error = r.error().toString();
        return o;
    });
}

void UsersPage::removePassword()
{
    const QString user = selectedUser();
    if (user.isEmpty() || m_busy)
        return;
    const engine::Jid jid = engine::Jid::fromString(user).bare();
    runInBackground([location = m_storeLocation, jid, user] {
        Outcome o;
        o.user = user;
        o.removed = true;
        const Result<engine::RemovedPassword> r = engine::removeAccountPassword(location, jid);
        o.ok = r.ok();
        if (o.ok) {
            o.location = r.value().location;
            o.hadPassword = r.value().hadPassword;
        } else {
            o.error = r.error().toString();
        }
        return o;
    });
}

void UsersPage::runInBackground(std::function<Outcome()> work)
{
    m_busy = true;
    updateButtons();
    m_header->showMessage(tr("Writing to the gateway account store..."), PageHeader::Tone::Info);
    m_watcher.setFuture(QtConcurrent::run(std::move(work)));
}

void UsersPage::finished(const Outcome &o)
{
    m_busy = false;
    if (!o.ok)
        m_header->showMessage(tr("The password of %1 was not changed: %2").arg(o.user, o.error),
                              PageHeader::Tone::Error);
    else if (o.removed)
        m_header->showMessage(
            o.hadPassword
                ? tr("Removed the password of %1 from %2; %1 can no longer log in.")
                      .arg(o.user, o.location)
                : tr("%1 had no password in %2; nothing to remove.").arg(o.user, o.location),
            PageHeader::Tone::Success);
    else
        m_header->showMessage(tr("Set the password of %1 in %2. It applies at the next login.")
                                  .arg(o.user, o.location),
                              PageHeader::Tone::Success);
    reload();
    emit passwordsChanged();
}

} // namespace fedgate::wizard
