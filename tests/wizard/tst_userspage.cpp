// The Users page: each user's effective external access policy as the core
// computes it, and the password set or removed through the page lands in the
// gateway's account store (checked with the AccountStore the gateway logs
// users in with), never with mismatched entries.
#include "TreeItems.h"
#include "WizardFixture.h"

#include "wizard/PageHeader.h"
#include "wizard/users/UsersPage.h"

#include "engine/gateway/AccountStore.h"
#include "engine/gateway/GatewayDatabase.h"
#include "topology/ExternalAccess.h"

#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

using namespace fedgate;
using namespace fedgate::wizard;

namespace {
constexpr int kEffective = 4, kXmpp = 5, kPassword = 6;

using test::clickTreeItem;
QTreeWidgetItem *userItem(QTreeWidget *users, const QString &address)
{
    return test::treeItem(users, address);
}

struct Store
{
    std::unique_ptr<engine::GatewayDatabase> db;
    std::unique_ptr<engine::AccountStore> accounts;
};

Store openStore(const QString &location)
{
    Store s;
    auto db = engine::GatewayDatabase::open(location);
    if (!db)
        return s;
    s.db = std::move(db).value();
    auto accounts = engine::AccountStore::open(*s.db);
    if (accounts)
        s.accounts = std::move(accounts).value();
    return s;
}

void showPage(UsersPage &page)
{
    page.resize(1100, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
}

QString pageMessage(UsersPage &page)
{
    return page.findChild<PageHeader *>()->message();
}
} // namespace

class TestUsersPage : public QObject
{
    Q_OBJECT
private slots:
    void showsEffectivePolicies();
    void setsPasswordInTheAccountStore();
    void refusesMismatchedEntries();
};

void TestUsersPage::showsEffectivePolicies()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    UsersPage page(fixture.workspace());
    showPage(page);
    auto *users = page.findChild<QTreeWidget *>(QStringLiteral("users"));
    const topology::Topology &t = fixture.workspace()->topology();
    QCOMPARE(users->topLevelItemCount(), int(t.users.size()));
    for (const topology::User &u : t.users) {
        QTreeWidgetItem *item = userItem(users, u.xmppAddress);
        QVERIFY(item);
        const topology::EffectivePolicy e = topology::effectivePolicy(t, u);
        QCOMPARE(item->text(kEffective), e.policy.identity);
        QCOMPARE(item->toolTip(kEffective), e.explanation);
        QCOMPARE(item->text(kXmpp), e.policy.enableXmppAccess ? QStringLiteral("Allowed")
                                                              : QStringLiteral("Not allowed"));
        QCOMPARE(item->text(kPassword), QStringLiteral("Not set"));
    }
    // The example: Alice by her site, Bob by his granted policy, Carol by
    // the global policy, which does not allow XMPP federation.
    QCOMPARE(userItem(users, QStringLiteral("alice@contoso.test"))->text(kEffective),
             QStringLiteral("site:Paris"));
    QCOMPARE(userItem(users, QStringLiteral("bob@contoso.test"))->text(kEffective),
             QStringLiteral("tag:xmpp-federation"));
    QCOMPARE(userItem(users, QStringLiteral("carol@contoso.test"))->text(kXmpp),
             QStringLiteral("Not allowed"));
    clickTreeItem(users, QStringLiteral("carol@contoso.test"));
    const QString effective = page.findChild<QLabel *>(QStringLiteral("effective"))->text();
    QVERIFY2(effective.contains(QStringLiteral("<b>not allowed</b>")), qPrintable(effective));

    // A policy change in the draft shows at once.
    topology::Topology changed = t;
    changed.user(QStringLiteral("carol@contoso.test"))->grantedPolicy =
        QStringLiteral("xmpp-federation");
    QVERIFY(fixture.workspace()->setTopology(changed).ok());
    QCOMPARE(userItem(users, QStringLiteral("carol@contoso.test"))->text(kXmpp),
             QStringLiteral("Allowed"));
}

void TestUsersPage::setsPasswordInTheAccountStore()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    UsersPage page(fixture.workspace());
    showPage(page);
    QCOMPARE(page.storeLocation(), engine::GatewayDatabase::defaultLocation());
    auto *users = page.findChild<QTreeWidget *>(QStringLiteral("users"));
    auto *password = page.findChild<QLineEdit *>(QStringLiteral("password"));
    auto *repeat = page.findChild<QLineEdit *>(QStringLiteral("repeatPassword"));
    auto *set = page.findChild<QPushButton *>(QStringLiteral("setPassword"));
    auto *remove = page.findChild<QPushButton *>(QStringLiteral("removePassword"));
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QCOMPARE(repeat->echoMode(), QLineEdit::Password);

    const QString bob = QStringLiteral("bob@contoso.test");
    const QString secret = QStringLiteral("c0rrect horse battery");
    clickTreeItem(users, bob);
    QVERIFY(!remove->isEnabled()); // no password yet
    QTest::keyClicks(password, secret);
    QTest::keyClicks(repeat, secret);
    QVERIFY(set->isEnabled());
    QTest::mouseClick(set, Qt::LeftButton);
    // PBKDF2 runs on a worker thread: the page stays responsive, with the
    // buttons and fields off, and the fields no longer hold the password.
    QVERIFY(page.isBusy());
    QVERIFY(!set->isEnabled());
    QVERIFY(!password->isEnabled());
    QVERIFY(password->text().isEmpty() && repeat->text().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy(), 30000);
    QVERIFY2(pageMessage(page).startsWith(QStringLiteral("Set the password of bob@contoso.test")),
             qPrintable(pageMessage(page)));
    QVERIFY(!pageMessage(page).contains(secret));
    QCOMPARE(userItem(users, bob)->text(kPassword), QStringLiteral("Set"));
    QCOMPARE(userItem(users, QStringLiteral("alice@contoso.test"))->text(kPassword),
             QStringLiteral("Not set"));

    {
        Store store = openStore(page.storeLocation());
        QVERIFY(store.accounts);
        const engine::Jid jid = engine::Jid::fromString(bob);
        QVERIFY(store.accounts->checkPlainPassword(jid, secret));
        QVERIFY(!store.accounts->checkPlainPassword(jid, secret + QLatin1Char('x')));
    }

    // Remove it again.
    clickTreeItem(users, bob);
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy(), 30000);
    QVERIFY2(pageMessage(page).startsWith(QStringLiteral("Removed the password of bob")),
             qPrintable(pageMessage(page)));
    QCOMPARE(userItem(users, bob)->text(kPassword), QStringLiteral("Not set"));
    Store store = openStore(page.storeLocation());
    QVERIFY(store.accounts);
    QCOMPARE(store.accounts->hasPassword(engine::Jid::fromString(bob)).value(), false);
}

void TestUsersPage::refusesMismatchedEntries()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    UsersPage page(fixture.workspace());
    showPage(page);
    auto *users = page.findChild<QTreeWidget *>(QStringLiteral("users"));
    auto *password = page.findChild<QLineEdit *>(QStringLiteral("password"));
    auto *repeat = page.findChild<QLineEdit *>(QStringLiteral("repeatPassword"));
    auto *set = page.findChild<QPushButton *>(QStringLiteral("setPassword"));

    const QString carol = QStringLiteral("carol@contoso.test");
    clickTreeItem(users, carol);
    QTest::keyClicks(password, QStringLiteral("first-secret"));
    QTest::keyClicks(repeat, QStringLiteral("first-secreT"));
    QTest::mouseClick(set, Qt::LeftButton);
    QVERIFY(!page.isBusy());
    QVERIFY2(pageMessage(page).contains(QStringLiteral("differ")), qPrintable(pageMessage(page)));
    QVERIFY(!pageMessage(page).contains(QStringLiteral("first-secre")));
    QVERIFY(password->text().isEmpty() && repeat->text().isEmpty());
    QCOMPARE(userItem(users, carol)->text(kPassword), QStringLiteral("Not set"));
    // Nothing was written: not even the store was created.
    QVERIFY(!QFileInfo::exists(page.storeLocation()));

    // Only the repeat field filled: the button stays off; Enter in it is
    // refused as empty.
    QVERIFY(!set->isEnabled());
    QTest::keyClicks(repeat, QStringLiteral("lonely"));
    QVERIFY(!set->isEnabled());
    QTest::keyClick(repeat, Qt::Key_Return);
    QVERIFY(!page.isBusy());
    QVERIFY2(pageMessage(page).contains(QStringLiteral("empty")), qPrintable(pageMessage(page)));
    QVERIFY(!QFileInfo::exists(page.storeLocation()));
}

QTEST_MAIN(TestUsersPage)
#include "tst_userspage.moc"
