// Guided creation (issue 12 item 2): the New Topology and New Edge Pool
// wizards refuse a page the core validation rules find wrong and create
// objects that validate; new edge servers take the pool's external FQDN;
// front-end pool members are edited as a list.
#include "WizardFixture.h"

#include "wizard/Language.h"
#include "wizard/MainWindow.h"
#include "wizard/NameListEditor.h"
#include "wizard/NewEdgePoolWizard.h"
#include "wizard/NewTopologyWizard.h"
#include "wizard/TopologyPage.h"

#include "topology/Validation.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace fedgate;
using namespace fedgate::wizard;

namespace {
void select(QWidget *page, const QString &path)
{
    auto *tree = page->findChild<QTreeWidget *>(QStringLiteral("tree"));
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        if ((*it)->data(0, Qt::UserRole).toString() == path) {
            tree->scrollToItem(*it);
            QTest::mouseClick(tree->viewport(), Qt::LeftButton, {},
                              tree->visualItemRect(*it).center());
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("no tree item %1").arg(path)));
}

template <typename T> T *waitFor(QWidget *parent)
{
    T *found = nullptr;
    for (int i = 0; i < 50 && !(found && found->isVisible()); ++i) {
        found = parent->findChild<T *>();
        if (!(found && found->isVisible()))
            QTest::qWait(20);
    }
    return found;
}

void type(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

void next(QWizard *wizard)
{
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
}

QLabel *visibleErrors(QWizard *wizard)
{
    QLabel *label = wizard->currentPage()->findChild<QLabel *>(QStringLiteral("pageErrors"));
    return label && label->isVisible() ? label : nullptr;
}

void setRow(QTableWidget *table, int row, const QStringList &cells)
{
    for (int c = 0; c < cells.size(); ++c) {
        if (!table->item(row, c))
            table->setItem(row, c, new QTableWidgetItem);
        if (!cells.at(c).isNull())
            table->item(row, c)->setText(cells.at(c));
    }
}
} // namespace

class TestGuidedCreation : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(Language::install(QStringLiteral("en"))); }
    void newEdgePoolWizardCreatesAValidPool();
    void newTopologyWizardRefusesInvalidPages();
    void newEdgeServerTakesThePoolsExternalFqdn();
    void frontEndMembersAreEditedAsAList();
};

void TestGuidedCreation::newEdgePoolWizardCreatesAValidPool()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    TopologyPage page(fixture.workspace());
    page.resize(1100, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    select(&page, QStringLiteral("sites/Paris"));
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("addEdgePool")), Qt::LeftButton);
    auto *wizard = waitFor<NewEdgePoolWizard>(&page);
    QVERIFY(wizard);

    // Page 1: an FQDN that is not one is refused, with the core's reason.
    type(wizard->findChild<QLineEdit *>(QStringLiteral("poolFqdn")), QStringLiteral("edge 3"));
    next(wizard);
    QCOMPARE(wizard->currentPage()->objectName(), QStringLiteral("poolPage"));
    QVERIFY(visibleErrors(wizard));
    QVERIFY2(visibleErrors(wizard)->text().contains(QStringLiteral("not a valid domain name")),
             qPrintable(visibleErrors(wizard)->text()));
    QVERIFY(!visibleErrors(wizard)->text().contains(QStringLiteral("sites/")));
    type(wizard->findChild<QLineEdit *>(QStringLiteral("poolFqdn")),
         QStringLiteral("edge3.contoso.test"));
    type(wizard->findChild<QLineEdit *>(QStringLiteral("poolExternalFqdn")),
         QStringLiteral("xmpp3.contoso.test"));
    QTest::mouseClick(wizard->findChild<QRadioButton *>(QStringLiteral("multiComputer")),
                      Qt::LeftButton, {}, QPoint(5, 5));
    next(wizard);
    QCOMPARE(wizard->currentPage()->objectName(), QStringLiteral("membersPage"));

    // Page 2: the first server takes the pool's external FQDN; without its
    // name and addresses the page is refused.
    auto *table = wizard->findChild<QTableWidget *>(QStringLiteral("members"));
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("xmpp3.contoso.test"));
    next(wizard);
    QCOMPARE(wizard->currentPage()->objectName(), QStringLiteral("membersPage"));
    QVERIFY(visibleErrors(wizard));
    setRow(table, 0,
           {QStringLiteral("edge3a.contoso.test"), QStringLiteral("10.0.3.11"), QString(),
            QStringLiteral("198.51.100.31")});
    QTest::mouseClick(wizard->findChild<QPushButton *>(QStringLiteral("addMember")),
                      Qt::LeftButton);
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(1, 2)->text(), QStringLiteral("xmpp3.contoso.test"));
    setRow(table, 1,
           {QStringLiteral("edge3b.contoso.test"), QStringLiteral("10.0.3.12"), QString(),
            QStringLiteral("198.51.100.32")});
    next(wizard);
    QCOMPARE(wizard->currentPage()->objectName(), QStringLiteral("routePage"));

    // Page 3: route Paris through the new pool, then finish.
    auto *route = wizard->findChild<QCheckBox *>(QStringLiteral("routeSite"));
    QVERIFY(route->isEnabled());
    if (!route->isChecked())
        QTest::mouseClick(route, Qt::LeftButton, {}, QPoint(5, route->height() / 2));
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);

    const topology::Topology &t = fixture.workspace()->topology();
    const topology::EdgePool *pool = t.edgePool(QStringLiteral("edge3.contoso.test"));
    QVERIFY(pool);
    QCOMPARE(pool->members.size(), 2);
    QVERIFY(pool->xmppFederation);
    QCOMPARE(pool->members.at(1).externalFqdn, QStringLiteral("xmpp3.contoso.test"));
    QCOMPARE(pool->nextHopPool, QStringLiteral("fe-paris.contoso.test"));
    QCOMPARE(t.site(QStringLiteral("Paris"))->xmppFederationRoute,
             QStringLiteral("edge3.contoso.test"));
    const QString poolPath = QStringLiteral("sites/Paris/edgePools/edge3.contoso.test");
    for (const topology::Finding &f : topology::validate(t))
        QVERIFY2(!f.path.startsWith(poolPath), qPrintable(f.path + QLatin1Char(' ') + f.message));
    QCOMPARE(page.selectedPath(), poolPath);
    // One undo step removes the whole pool.
    fixture.workspace()->undoStack()->undo();
    QVERIFY(!fixture.workspace()->topology().edgePool(QStringLiteral("edge3.contoso.test")));
}

void TestGuidedCreation::newTopologyWizardRefusesInvalidPages()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    const topology::Topology example = fixture.workspace()->topology();
    MainWindow window(fixture.workspace());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.findChild<QAction *>(QStringLiteral("newTopology"))->trigger();
    auto *wizard = waitFor<NewTopologyWizard>(&window);
    QVERIFY(wizard);
    QCOMPARE(window.currentPage(), PageId::Topology);

    // Next stays off until the required fields are filled.
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    type(wizard->findChild<QLineEdit *>(QStringLiteral("organisationName")),
         QStringLiteral("Fabrikam"));
    type(wizard->findChild<QLineEdit *>(QStringLiteral("sipDomain")), QStringLiteral("fabrikam"));
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    next(wizard);
    QCOMPARE(wizard->currentPage()->objectName(), QStringLiteral("organisationPage"));
    QVERIFY2(visibleErrors(wizard) &&
                 visibleErrors(wizard)->text().contains(QStringLiteral("default SIP domain")),
             "a one-label SIP domain was accepted");
    type(wizard->findChild<QLineEdit *>(QStringLiteral("sipDomain")),
         QStringLiteral("fabrikam.test"));
    next(wizard);
    QCOMPARE(wizard->currentPage()->objectName(), QStringLiteral("sitePage"));
    type(wizard->findChild<QLineEdit *>(QStringLiteral("siteName")), QStringLiteral("Lyon"));
    type(wizard->findChild<QLineEdit *>(QStringLiteral("frontEndPool")),
         QStringLiteral("fe..fabrikam.test"));
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QVERIFY(wizard->isVisible()); // refused: the front-end FQDN has an empty label
    QVERIFY(visibleErrors(wizard));
    type(wizard->findChild<QLineEdit *>(QStringLiteral("frontEndPool")),
         QStringLiteral("fe.fabrikam.test"));
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);

    const topology::Topology &t = fixture.workspace()->topology();
    QCOMPARE(t.organisation.name, QStringLiteral("Fabrikam"));
    QCOMPARE(t.organisation.xmppDomains, QStringList{QStringLiteral("fabrikam.test")});
    QCOMPARE(t.sites.size(), 1);
    QCOMPARE(t.sites.at(0).name, QStringLiteral("Lyon"));
    QCOMPARE(t.sites.at(0).frontEndPools.at(0).members,
             QStringList{QStringLiteral("fe.fabrikam.test")});
    QVERIFY(!topology::hasErrors(topology::validate(t)));
    // Replacing the draft is one undoable step.
    fixture.workspace()->undoStack()->undo();
    QCOMPARE(fixture.workspace()->topology(), example);
}

void TestGuidedCreation::newEdgeServerTakesThePoolsExternalFqdn()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    TopologyPage page(fixture.workspace());
    page.resize(1100, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    select(&page, QStringLiteral("sites/Montreal/edgePools/edge-mtl.contoso.test"));
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("addEdgeServer")),
                      Qt::LeftButton);
    const topology::EdgePool *pool =
        fixture.workspace()->topology().edgePool(QStringLiteral("edge-mtl.contoso.test"));
    QCOMPARE(pool->members.size(), 2);
    QCOMPARE(pool->members.at(1).externalFqdn, pool->externalFqdn);
    QCOMPARE(page.selectedPath(),
             QStringLiteral("sites/Montreal/edgePools/edge-mtl.contoso.test/members/1"));
}

void TestGuidedCreation::frontEndMembersAreEditedAsAList()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    TopologyPage page(fixture.workspace());
    page.resize(1100, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const QString path = QStringLiteral("sites/Paris/frontEndPools/fe-paris.contoso.test");
    select(&page, path);
    auto *members = page.findChild<NameListEditor *>(QStringLiteral("frontEndMembers"));
    QVERIFY(members && members->isVisible());
    // No comma-separated line anywhere on the form.
    for (QLineEdit *e : page.findChildren<QLineEdit *>())
        QVERIFY2(!e->isVisible() || !e->text().contains(QLatin1Char(',')), qPrintable(e->text()));
    const auto poolMembers = [&] {
        topology::Topology t = fixture.workspace()->topology();
        for (const topology::FrontEndPool &p : t.site(QStringLiteral("Paris"))->frontEndPools)
            return p.members;
        return QStringList();
    };
    const QStringList before = poolMembers();
    QCOMPARE(members->names(), before);

    // Add a row and type the name into it, as a user does.
    QTest::mouseClick(members->addButton(), Qt::LeftButton);
    auto *editor = members->list()->findChild<QLineEdit *>();
    QVERIFY(editor);
    QTest::keyClicks(editor, QStringLiteral("fe-paris2.contoso.test"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(poolMembers(), before + QStringList{QStringLiteral("fe-paris2.contoso.test")});
    QCOMPARE(members->names(), poolMembers());

    // Remove it again.
    QListWidget *list = members->list();
    list->setCurrentRow(list->count() - 1);
    QTest::mouseClick(members->removeButton(), Qt::LeftButton);
    QCOMPARE(poolMembers(), before);
}

QTEST_MAIN(TestGuidedCreation)
#include "tst_guidedcreation.moc"
