#include "TreeItems.h"
#include "WizardFixture.h"

#include "wizard/PoliciesPage.h"

#include "topology/ExternalAccess.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

using namespace fedgate;
using namespace fedgate::wizard;

namespace {
QTreeWidgetItem *userItem(QTreeWidget *users, const QString &address)
{
    return test::treeItem(users, address);
}

void selectUser(QTreeWidget *users, const QString &address)
{
    test::clickTreeItem(users, address);
}
} // namespace

class TestPoliciesPage : public QObject
{
    Q_OBJECT
private slots:
    void effectivePolicyFollowsGrants();
    void switchesChangeThePolicy();
    void addUserAndUserPolicy();
};

void TestPoliciesPage::effectivePolicyFollowsGrants()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    PoliciesPage page(fixture.workspace());
    page.resize(1000, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *users = page.findChild<QTreeWidget *>(QStringLiteral("users"));
    auto *effective = page.findChild<QLabel *>(QStringLiteral("effective"));

    // Carol (Montreal, no site policy, no grant): the global policy.
    const QString carol = QStringLiteral("carol@contoso.test");
    selectUser(users, carol);
    QVERIFY2(effective->text().contains(QStringLiteral("Global")), qPrintable(effective->text()));
    QVERIFY(effective->text().contains(QStringLiteral("not allowed")));

    // Grant her the user policy from the grants column.
    auto *grant = qobject_cast<QComboBox *>(users->itemWidget(userItem(users, carol), 2));
    QVERIFY(grant);
    const int index = grant->findData(QStringLiteral("xmpp-federation"));
    QVERIFY(index > 0);
    grant->setFocus();
    while (grant->currentIndex() < index)
        QTest::keyClick(grant, Qt::Key_Down);

    QCOMPARE(fixture.workspace()->topology().user(carol)->grantedPolicy,
             QStringLiteral("xmpp-federation"));
    const topology::EffectivePolicy core =
        topology::effectivePolicy(fixture.workspace()->topology(), carol);
    QVERIFY(core.source == topology::PolicyScope::User);
    QVERIFY(topology::mayFederateOverXmpp(fixture.workspace()->topology(), carol));
    selectUser(users, carol);
    QVERIFY2(effective->text().contains(QStringLiteral("User policy xmpp-federation")),
             qPrintable(effective->text()));
    QVERIFY(effective->text().contains(QStringLiteral("<b>allowed</b>")));
}

void TestPoliciesPage::switchesChangeThePolicy()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    PoliciesPage page(fixture.workspace());
    page.show();
    auto *policies = page.findChild<QListWidget *>(QStringLiteral("policies"));
    QCOMPARE(policies->currentItem()->data(Qt::UserRole).toString(), QStringLiteral("global"));
    auto *xmpp = page.findChild<QCheckBox *>(QStringLiteral("enableXmppAccess"));
    QVERIFY(!xmpp->isChecked());
    QTest::mouseClick(xmpp, Qt::LeftButton, {}, QPoint(5, xmpp->height() / 2));
    QVERIFY(fixture.workspace()->topology().policy(QStringLiteral("global"))->enableXmppAccess);
    QVERIFY(topology::mayFederateOverXmpp(fixture.workspace()->topology(),
                                          QStringLiteral("carol@contoso.test")));

    // The global policy is reset, never removed.
    auto *reset = page.findChild<QPushButton *>(QStringLiteral("removePolicy"));
    QCOMPARE(reset->text(), QStringLiteral("Reset"));
    QTest::mouseClick(reset, Qt::LeftButton);
    QVERIFY(fixture.workspace()->topology().policy(QStringLiteral("global")));
    QVERIFY(!fixture.workspace()->topology().policy(QStringLiteral("global"))->enableXmppAccess);
}

void TestPoliciesPage::addUserAndUserPolicy()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    PoliciesPage page(fixture.workspace());
    page.show();
    QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("newTag")),
                     QStringLiteral("contractors"));
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("addUserPolicy")),
                      Qt::LeftButton);
    QVERIFY(fixture.workspace()->topology().policy(QStringLiteral("tag:contractors")));
    auto *policies = page.findChild<QListWidget *>(QStringLiteral("policies"));
    QCOMPARE(policies->currentItem()->data(Qt::UserRole).toString(),
             QStringLiteral("tag:contractors"));

    auto *newUser = page.findChild<QLineEdit *>(QStringLiteral("newUser"));
    QTest::keyClicks(newUser, QStringLiteral("dave@contoso.test"));
    QTest::keyClick(newUser, Qt::Key_Return);
    const topology::User *dave =
        fixture.workspace()->topology().user(QStringLiteral("dave@contoso.test"));
    QVERIFY(dave);
    QCOMPARE(dave->site, fixture.workspace()->topology().sites.first().name);
}

QTEST_MAIN(TestPoliciesPage)
#include "tst_policiespage.moc"
