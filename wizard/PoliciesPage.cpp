#include "PoliciesPage.h"

#include "PageHeader.h"
#include "Workspace.h"

#include "topology/ExternalAccess.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fedgate::wizard {

using namespace fedgate::topology;

namespace {
// The five switches, in the order of the cmdlet documentation.
struct Switch
{
    const char *name;
    bool ExternalAccessPolicy::*member;
};
const Switch kSwitches[] = {
    {QT_TRANSLATE_NOOP("fedgate::wizard::PoliciesPage", "Federation with other organisations"),
     &ExternalAccessPolicy::enableFederationAccess},
    {QT_TRANSLATE_NOOP("fedgate::wizard::PoliciesPage", "XMPP federation"),
     &ExternalAccessPolicy::enableXmppAccess},
    {QT_TRANSLATE_NOOP("fedgate::wizard::PoliciesPage", "Public IM providers"),
     &ExternalAccessPolicy::enablePublicCloudAccess},
    {QT_TRANSLATE_NOOP("fedgate::wizard::PoliciesPage", "Audio and video with public providers"),
     &ExternalAccessPolicy::enablePublicCloudAudioVideoAccess},
    {QT_TRANSLATE_NOOP("fedgate::wizard::PoliciesPage", "Access from outside the network"),
     &ExternalAccessPolicy::enableOutsideAccess},
};

QString policyLabel(const ExternalAccessPolicy &p)
{
    switch (p.scope()) {
    case PolicyScope::Global:
        return PoliciesPage::tr("Global (everyone)");
    case PolicyScope::Site:
        return PoliciesPage::tr("Site %1").arg(p.scopeName());
    case PolicyScope::User:
        break;
    }
    return PoliciesPage::tr("User policy %1").arg(p.scopeName());
}
} // namespace

PoliciesPage::PoliciesPage(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    auto *layout = new QVBoxLayout(this);
    m_header = new PageHeader(
        tr("External access policies"),
        tr("Decide who may communicate outside the organisation. A user policy granted to a "
           "user wins over the policy of the user's site, which wins over the global policy. "
           "A user federates over XMPP only if the policy that applies allows XMPP "
           "federation."),
        this);
    layout->addWidget(m_header);

    auto *top = new QHBoxLayout;
    auto *listBox = new QGroupBox(tr("Policies"), this);
    auto *listLayout = new QVBoxLayout(listBox);
    m_policies = new QListWidget(listBox);
    m_policies->setObjectName(QStringLiteral("policies"));
    m_policies->setAccessibleName(tr("Policies"));
    listLayout->addWidget(m_policies, 1);
    auto *addGrid = new QGridLayout;
    m_newSite = new QComboBox(listBox);
    m_newSite->setAccessibleName(tr("Site for a new site policy"));
    auto *addSite = new QPushButton(tr("Add Site Policy"), listBox);
    addSite->setObjectName(QStringLiteral("addSitePolicy"));
    m_newTag = new QLineEdit(listBox);
    m_newTag->setObjectName(QStringLiteral("newTag"));
    m_newTag->setAccessibleName(tr("Name of a new user policy"));
    m_newTag->setPlaceholderText(tr("contractors"));
    auto *addTag = new QPushButton(tr("Add User Policy"), listBox);
    addTag->setObjectName(QStringLiteral("addUserPolicy"));
    m_remove = new QPushButton(tr("Remove"), listBox);
    m_remove->setObjectName(QStringLiteral("removePolicy"));
    addGrid->addWidget(m_newSite, 0, 0);
    addGrid->addWidget(addSite, 0, 1);
    addGrid->addWidget(m_newTag, 1, 0);
    addGrid->addWidget(addTag, 1, 1);
    addGrid->addWidget(m_remove, 2, 1);
    listLayout->addLayout(addGrid);
    top->addWidget(listBox, 1);

    auto *switchBox = new QGroupBox(tr("Selected policy allows"), this);
    auto *switchLayout = new QFormLayout(switchBox);
    m_description = new QLineEdit(switchBox);
    m_description->setAccessibleName(tr("Policy description"));
    switchLayout->addRow(tr("Description:"), m_description);
    for (const Switch &s : kSwitches) {
        auto *check = new QCheckBox(tr(s.name), switchBox);
        check->setAccessibleName(check->text());
        switchLayout->addRow(QString(), check);
        m_switches.append(check);
        connect(check, &QCheckBox::toggled, this, &PoliciesPage::applySwitches);
    }
    m_switches.at(1)->setObjectName(QStringLiteral("enableXmppAccess"));
    connect(m_description, &QLineEdit::editingFinished, this, &PoliciesPage::applySwitches);
    top->addWidget(switchBox, 1);
    layout->addLayout(top, 1);

    auto *usersBox = new QGroupBox(tr("Users and grants"), this);
    auto *usersLayout = new QVBoxLayout(usersBox);
    m_users = new QTreeWidget(usersBox);
    m_users->setObjectName(QStringLiteral("users"));
    m_users->setAccessibleName(tr("Users"));
    m_users->setRootIsDecorated(false);
    m_users->setHeaderLabels({tr("User"), tr("Site"), tr("Granted user policy")});
    m_users->header()->setSectionResizeMode(QHeaderView::Stretch);
    usersLayout->addWidget(m_users, 1);
    auto *addUserRow = new QHBoxLayout;
    m_newUser = new QLineEdit(usersBox);
    m_newUser->setObjectName(QStringLiteral("newUser"));
    m_newUser->setAccessibleName(tr("Address of a new user"));
    m_newUser->setPlaceholderText(tr("alice@contoso.com"));
    m_newUserSite = new QComboBox(usersBox);
    m_newUserSite->setAccessibleName(tr("Home site of the new user"));
    auto *addUser = new QPushButton(tr("Add User"), usersBox);
    addUser->setObjectName(QStringLiteral("addUser"));
    addUserRow->addWidget(m_newUser, 2);
    addUserRow->addWidget(m_newUserSite, 1);
    addUserRow->addWidget(addUser);
    usersLayout->addLayout(addUserRow);
    m_effective = new QLabel(usersBox);
    m_effective->setObjectName(QStringLiteral("effective"));
    m_effective->setWordWrap(true);
    m_effective->setAccessibleName(tr("Effective policy of the selected user"));
    m_effective->setTextInteractionFlags(Qt::TextSelectableByMouse);
    usersLayout->addWidget(m_effective);
    layout->addWidget(usersBox, 1);

    connect(m_policies, &QListWidget::currentRowChanged, this, &PoliciesPage::showPolicy);
    connect(m_users, &QTreeWidget::currentItemChanged, this, &PoliciesPage::showEffective);
    connect(addSite, &QPushButton::clicked, this, &PoliciesPage::addSitePolicy);
    connect(addTag, &QPushButton::clicked, this, &PoliciesPage::addUserPolicy);
    connect(m_newTag, &QLineEdit::returnPressed, this, &PoliciesPage::addUserPolicy);
    connect(m_remove, &QPushButton::clicked, this, &PoliciesPage::removePolicy);
    connect(addUser, &QPushButton::clicked, this, &PoliciesPage::addUser);
    connect(m_newUser, &QLineEdit::returnPressed, this, &PoliciesPage::addUser);
    connect(m_workspace, &Workspace::topologyChanged, this, &PoliciesPage::reload);
    reload();
}

QString PoliciesPage::selectedPolicy() const
{
    QListWidgetItem *item = m_policies->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QStringLiteral("global");
}

QString PoliciesPage::selectedUser() const
{
    QTreeWidgetItem *item = m_users->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

void PoliciesPage::reload()
{
    m_loading = true;
    const QString policy = selectedPolicy();
    const QString user = selectedUser();
    const Topology &t = m_workspace->topology();

    m_policies->clear();
    for (const ExternalAccessPolicy &p : t.policies) {
        auto *item = new QListWidgetItem(policyLabel(p), m_policies);
        item->setData(Qt::UserRole, p.identity);
        if (p.identity == policy)
            m_policies->setCurrentItem(item);
    }
    if (!m_policies->currentItem())
        m_policies->setCurrentRow(0);

    m_newSite->clear();
    m_newUserSite->clear();
    for (const Site &s : t.sites) {
        m_newUserSite->addItem(s.name);
        if (!t.policy(QStringLiteral("site:") + s.name))
            m_newSite->addItem(s.name);
    }

    QStringList tags;
    for (const ExternalAccessPolicy &p : t.policies) {
        if (p.scope() == PolicyScope::User)
            tags.append(p.scopeName());
    }
    m_users->clear();
    for (const User &u : t.users) {
        auto *item = new QTreeWidgetItem(m_users, {u.xmppAddress, u.site});
        item->setData(0, Qt::UserRole, u.xmppAddress);
        auto *grantCombo = new QComboBox(m_users);
        grantCombo->setAccessibleName(tr("Policy granted to %1").arg(u.xmppAddress));
        grantCombo->addItem(tr("(none)"), QString());
        for (const QString &tag : std::as_const(tags))
            grantCombo->addItem(tag, tag);
        grantCombo->setCurrentIndex(qMax(0, grantCombo->findData(u.grantedPolicy)));
        m_users->setItemWidget(item, 2, grantCombo);
        const QString address = u.xmppAddress;
        connect(grantCombo, &QComboBox::activated, this, [this, grantCombo, address] {
            grant(address, grantCombo->currentData().toString());
        });
        if (u.xmppAddress == user)
            m_users->setCurrentItem(item);
    }
    if (!m_users->currentItem() && m_users->topLevelItemCount() > 0)
        m_users->setCurrentItem(m_users->topLevelItem(0));
    m_loading = false;
    showPolicy();
    showEffective();
}

void PoliciesPage::showPolicy()
{
    if (m_loading)
        return;
    const ExternalAccessPolicy *p = m_workspace->topology().policy(selectedPolicy());
    if (!p)
        return;
    m_loading = true;
    m_description->setText(p->description);
    for (int i = 0; i < m_switches.size(); ++i)
        m_switches.at(i)->setChecked(p->*(kSwitches[i].member));
    m_remove->setText(p->scope() == PolicyScope::Global ? tr("Reset") : tr("Remove"));
    m_loading = false;
}

void PoliciesPage::applySwitches()
{
    if (m_loading)
        return;
    Topology t = m_workspace->topology();
    ExternalAccessPolicy *p = t.policy(selectedPolicy());
    if (!p)
        return;
    p->description = m_description->text().trimmed();
    for (int i = 0; i < m_switches.size(); ++i)
        p->*(kSwitches[i].member) = m_switches.at(i)->isChecked();
    Status status = m_workspace->setTopology(t);
    if (!status.ok())
        m_header->showMessage(status.error().toString(), PageHeader::Tone::Error);
}

void PoliciesPage::addSitePolicy()
{
    if (m_newSite->currentText().isEmpty()) {
        m_header->showMessage(tr("Every site already has a policy (or there is no site yet)."),
                              PageHeader::Tone::Warning);
        return;
    }
    Topology t = m_workspace->topology();
    ExternalAccessPolicy p;
    p.identity = QStringLiteral("site:") + m_newSite->currentText();
    t.policies.append(p);
    m_workspace->setTopology(t);
    m_policies->setCurrentRow(m_policies->count() - 1);
}

void PoliciesPage::addUserPolicy()
{
    const QString tag = m_newTag->text().trimmed();
    if (tag.isEmpty() || tag.contains(QLatin1Char(':'))) {
        m_header->showMessage(tr("Type a name for the user policy first, without ':'."),
                              PageHeader::Tone::Warning);
        return;
    }
    Topology t = m_workspace->topology();
    const QString identity = QStringLiteral("tag:") + tag;
    if (t.policy(identity)) {
        m_header->showMessage(tr("The user policy %1 exists already.").arg(tag),
                              PageHeader::Tone::Warning);
        return;
    }
    ExternalAccessPolicy p;
    p.identity = identity;
    t.policies.append(p);
    m_newTag->clear();
    m_workspace->setTopology(t);
    m_policies->setCurrentRow(m_policies->count() - 1);
}

void PoliciesPage::removePolicy()
{
    Topology t = m_workspace->topology();
    const QString identity = selectedPolicy();
    const ExternalAccessPolicy *p = t.policy(identity);
    if (!p)
        return;
    if (p->scope() == PolicyScope::Global) {
        resetGlobalPolicy(t);
    } else {
        const QString tag = p->scope() == PolicyScope::User ? p->scopeName() : QString();
        t.policies.removeIf([&](const ExternalAccessPolicy &x) { return x.identity == identity; });
        // A grant of a removed policy would name nothing.
        for (User &u : t.users) {
            if (!tag.isEmpty() && u.grantedPolicy == tag)
                u.grantedPolicy.clear();
        }
    }
    m_workspace->setTopology(t);
}

void PoliciesPage::addUser()
{
    const QString address = m_newUser->text().trimmed().toLower();
    const int at = address.indexOf(QLatin1Char('@'));
    if (at <= 0 || at == address.size() - 1) {
        m_header->showMessage(tr("Type the user's address as name@domain."),
                              PageHeader::Tone::Warning);
        return;
    }
    Topology t = m_workspace->topology();
    if (t.user(address)) {
        m_header->showMessage(tr("%1 is already in the list.").arg(address),
                              PageHeader::Tone::Warning);
        return;
    }
    User u;
    u.xmppAddress = address;
    u.site = m_newUserSite->currentText();
    t.users.append(u);
    m_newUser->clear();
    m_workspace->setTopology(t);
}

void PoliciesPage::grant(const QString &user, const QString &tag)
{
    Topology t = m_workspace->topology();
    User *u = t.user(user);
    if (!u)
        return;
    u->grantedPolicy = tag;
    Status status = m_workspace->setTopology(t);
    if (!status.ok())
        m_header->showMessage(status.error().toString(), PageHeader::Tone::Error);
}

void PoliciesPage::showEffective()
{
    if (m_loading)
        return;
    const QString user = selectedUser();
    if (user.isEmpty()) {
        m_effective->setText(tr("Select a user to see which policy applies."));
        return;
    }
    const EffectivePolicy effective = effectivePolicy(m_workspace->topology(), user);
    QStringList allowed;
    for (const Switch &s : kSwitches) {
        if (effective.policy.*(s.member))
            allowed.append(tr(s.name));
    }
    m_effective->setText(
        tr("<b>%1</b>: %2 applies (%3). Allows: %4. XMPP federation: <b>%5</b>.")
            .arg(user.toHtmlEscaped(), policyLabel(effective.policy).toHtmlEscaped(),
                 effective.explanation.toHtmlEscaped(),
                 allowed.isEmpty() ? tr("nothing outside the organisation")
                                   : allowed.join(QStringLiteral(", ")).toHtmlEscaped(),
                 effective.policy.enableXmppAccess ? tr("allowed") : tr("not allowed")));
}

} // namespace fedgate::wizard
