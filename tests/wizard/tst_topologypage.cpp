#include "WizardFixture.h"

#include "wizard/PublishDialog.h"
#include "wizard/TopologyPage.h"

#include "topology/CentralStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

using namespace fedgate;
using namespace fedgate::wizard;

namespace {
const QString kParisEdge = QStringLiteral("sites/Paris/edgePools/edge-paris.contoso.test");

QTreeWidgetItem *itemWithPath(QTreeWidget *tree, const QString &path)
{
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        if ((*it)->data(0, Qt::UserRole).toString() == path)
            return *it;
    }
    return nullptr;
}

QTreeWidget *tree(QWidget &page)
{
    return page.findChild<QTreeWidget *>(QStringLiteral("tree"));
}

void clickItem(QTreeWidget *tree, QTreeWidgetItem *item)
{
    const QRect r = tree->visualItemRect(item);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, r.center());
}

// Replaces a line edit's text as a user would and leaves the field.
void retype(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}
} // namespace

class TestTopologyPage : public QObject
{
    Q_OBJECT
private slots:
    void editingAFieldSavesTheDraft();
    void disablingXmppShowsAFindingThatSelectsTheObject();
    void publishShowsDiffThenNewVersion();
    void addSiteAndEdgePool();
};

void TestTopologyPage::editingAFieldSavesTheDraft()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    TopologyPage page(fixture.workspace());
    page.resize(1100, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));

    auto *tree = page.findChild<QTreeWidget *>(QStringLiteral("tree"));
    clickItem(tree, itemWithPath(tree, kParisEdge));
    QCOMPARE(page.selectedPath(), kParisEdge);
    auto *external = page.findChild<QLineEdit *>(QStringLiteral("edgeExternalFqdn"));
    QVERIFY(external->isVisible());
    retype(external, QStringLiteral("federation.contoso.test"));

    QCOMPARE(fixture.workspace()
                 ->topology()
                 .edgePool(QStringLiteral("edge-paris.contoso.test"))
                 ->externalFqdn,
             QStringLiteral("federation.contoso.test"));
    // Saved to the store's draft, where fedgatectl sees it too.
    auto store = topology::CentralStore::open(fixture.storePath());
    QVERIFY(store.ok());
    auto draft = store.value()->draft();
    QVERIFY(draft.ok() && draft.value().has_value());
    QCOMPARE(
        draft.value()->topology.edgePool(QStringLiteral("edge-paris.contoso.test"))->externalFqdn,
        QStringLiteral("federation.contoso.test"));
}

void TestTopologyPage::disablingXmppShowsAFindingThatSelectsTheObject()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    TopologyPage page(fixture.workspace());
    page.resize(1100, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *findings = page.findChild<QListWidget *>(QStringLiteral("findings"));
    const int before = findings->count();

    auto *tree = page.findChild<QTreeWidget *>(QStringLiteral("tree"));
    clickItem(tree, itemWithPath(tree, kParisEdge));
    auto *xmpp = page.findChild<QCheckBox *>(QStringLiteral("enableXmpp"));
    QVERIFY(xmpp->isChecked());
    QTest::mouseClick(xmpp, Qt::LeftButton, {}, QPoint(5, xmpp->height() / 2));
    QVERIFY(!fixture.workspace()
                 ->topology()
                 .edgePool(QStringLiteral("edge-paris.contoso.test"))
                 ->xmppFederation);

    // Paris still routes through this pool: validation says so, live.
    QVERIFY(findings->count() > before);
    QListWidgetItem *routeFinding = nullptr;
    for (int i = 0; i < findings->count(); ++i) {
        if (findings->item(i)->data(Qt::UserRole).toString() == QLatin1String("sites/Paris"))
            routeFinding = findings->item(i);
    }
    QVERIFY2(routeFinding, "no finding about site Paris");

    // Select something else, then click the finding: the site is selected.
    clickItem(tree, itemWithPath(tree, QStringLiteral("organisation")));
    QCOMPARE(page.selectedPath(), QStringLiteral("organisation"));
    findings->scrollToItem(routeFinding);
    QTest::mouseClick(findings->viewport(), Qt::LeftButton, {},
                      findings->visualItemRect(routeFinding).center());
    QCOMPARE(page.selectedPath(), QStringLiteral("sites/Paris"));
    QCOMPARE(tree->currentItem()->data(0, Qt::UserRole).toString(), QStringLiteral("sites/Paris"));

    // Publishing is refused while errors remain, with the reason on the page.
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("publish")), Qt::LeftButton);
    QVERIFY(!page.findChild<PublishDialog *>());
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("message"))
                ->text()
                .contains(QStringLiteral("errors")));
    QCOMPARE(fixture.workspace()->latestVersion().value(), 0);
}

void TestTopologyPage::publishShowsDiffThenNewVersion()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    QCOMPARE(fixture.workspace()->publish(QStringLiteral("initial")).value(), 1);
    TopologyPage page(fixture.workspace());
    page.resize(1100, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));

    // Rename the site Montreal through its form.
    auto *tree = page.findChild<QTreeWidget *>(QStringLiteral("tree"));
    clickItem(tree, itemWithPath(tree, QStringLiteral("sites/Montreal")));
    retype(page.findChild<QLineEdit *>(QStringLiteral("siteName")), QStringLiteral("Quebec"));
    QCOMPARE(page.selectedPath(), QStringLiteral("sites/Quebec"));

    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("publish")), Qt::LeftButton);
    auto *dialog = page.findChild<PublishDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    const QString diff = dialog->findChild<QPlainTextEdit *>(QStringLiteral("diff"))->toPlainText();
    QVERIFY2(diff.contains(QStringLiteral("Quebec")), qPrintable(diff));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("comment")),
                     QStringLiteral("Montreal becomes Quebec"));
    QTest::mouseClick(dialog->publishButton(), Qt::LeftButton);

    auto store = topology::CentralStore::open(fixture.storePath());
    QVERIFY(store.ok());
    QCOMPARE(store.value()->latestVersion().value(), 2);
    auto versions = store.value()->versions();
    QCOMPARE(versions.value().constLast().comment, QStringLiteral("Montreal becomes Quebec"));
    QVERIFY(store.value()->topology(2).value().site(QStringLiteral("Quebec")));
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("message"))
                ->text()
                .startsWith(QStringLiteral("Published version 2.")));
}

void TestTopologyPage::addSiteAndEdgePool()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    TopologyPage page(fixture.workspace());
    page.resize(1100, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const int sites = int(fixture.workspace()->topology().sites.size());

    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("addSite")), Qt::LeftButton);
    QCOMPARE(fixture.workspace()->topology().sites.size(), sites + 1);
    const QString siteName = fixture.workspace()->topology().sites.constLast().name;
    QCOMPARE(page.selectedPath(), QStringLiteral("sites/") + siteName);

    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("addEdgePool")), Qt::LeftButton);
    const topology::Site &site = fixture.workspace()->topology().sites.constLast();
    QCOMPARE(site.edgePools.size(), 1);
    QVERIFY(page.selectedPath().startsWith(QStringLiteral("sites/%1/edgePools/").arg(siteName)));

    // Enable XMPP on the new pool, then route the new site through it.
    auto *xmpp = page.findChild<QCheckBox *>(QStringLiteral("enableXmpp"));
    QVERIFY(xmpp->isVisible());
    QTest::mouseClick(xmpp, Qt::LeftButton, {}, QPoint(5, xmpp->height() / 2));
    const QString poolFqdn = fixture.workspace()->topology().sites.constLast().edgePools.at(0).fqdn;
    QVERIFY(fixture.workspace()->topology().edgePool(poolFqdn)->xmppFederation);
    clickItem(tree(page), itemWithPath(tree(page), QStringLiteral("sites/") + siteName));
    auto *route = page.findChild<QComboBox *>(QStringLiteral("xmppRoute"));
    const int index = route->findData(poolFqdn);
    QVERIFY(index > 0);
    route->setFocus();
    // Keyboard selection, as a user without a mouse would do it.
    while (route->currentIndex() < index)
        QTest::keyClick(route, Qt::Key_Down);
    QCOMPARE(fixture.workspace()->topology().site(siteName)->xmppFederationRoute, poolFqdn);
}

QTEST_MAIN(TestTopologyPage)
#include "tst_topologypage.moc"
