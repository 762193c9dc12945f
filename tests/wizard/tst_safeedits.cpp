// Safe edits (issue 12 item 1): undo and redo over the draft restore it
// exactly, removing an object with dependants asks and lists them, Discard
// Draft returns to the published version, rollback asks before publishing.
#include "WizardFixture.h"

#include "wizard/Language.h"
#include "wizard/MainWindow.h"
#include "wizard/TopologyPage.h"
#include "wizard/VersionsDialog.h"

#include "topology/CentralStore.h"

#include <QComboBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace fedgate;
using namespace fedgate::wizard;

namespace {
const QString kParisEdge = QStringLiteral("sites/Paris/edgePools/edge-paris.contoso.test");

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

void retype(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

topology::Topology storedDraft(const test::WizardFixture &fixture)
{
    auto store = topology::CentralStore::open(fixture.storePath());
    auto draft = store.value()->draft();
    return draft.value()->topology;
}

// The message box a click opened (they open window-modal, asynchronously).
QMessageBox *box(QWidget *window, const QString &name)
{
    QMessageBox *found = nullptr;
    for (int i = 0; i < 50 && !found; ++i) {
        found = window->findChild<QMessageBox *>(name);
        if (!found)
            QTest::qWait(20);
    }
    return found;
}
} // namespace

class TestSafeEdits : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(Language::install(QStringLiteral("en"))); }
    void undoRedoOfAFieldEdit();
    void undoRedoOfARemovalAndARouteChange();
    void removingARoutedPoolAsksAndListsWhatGoes();
    void discardReturnsToThePublishedVersion();
    void rollbackAsksBeforePublishing();
};

void TestSafeEdits::undoRedoOfAFieldEdit()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    const topology::Topology original = fixture.workspace()->topology();
    MainWindow window(fixture.workspace());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.showPage(PageId::Topology);
    QWidget *page = window.page(PageId::Topology);
    select(page, kParisEdge);
    retype(page->findChild<QLineEdit *>(QStringLiteral("edgeExternalFqdn")),
           QStringLiteral("federation.contoso.test"));
    const topology::Topology edited = fixture.workspace()->topology();
    QVERIFY(!(edited == original));
    // The Edit menu names the step in words.
    QAction *undo = window.findChild<QAction *>(QStringLiteral("undo"));
    QVERIFY(undo && undo->isEnabled());
    QVERIFY2(undo->text().contains(QStringLiteral("external FQDN of edge pool "
                                                  "edge-paris.contoso.test in site Paris")),
             qPrintable(undo->text()));

    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(fixture.workspace()->topology(), original);
    QCOMPARE(storedDraft(fixture), original);
    // The form shows the restored value.
    QCOMPARE(page->findChild<QLineEdit *>(QStringLiteral("edgeExternalFqdn"))->text(),
             original.edgePool(QStringLiteral("edge-paris.contoso.test"))->externalFqdn);

    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(fixture.workspace()->topology(), edited);
    QCOMPARE(storedDraft(fixture), edited);
}

void TestSafeEdits::undoRedoOfARemovalAndARouteChange()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    const topology::Topology original = fixture.workspace()->topology();
    TopologyPage page(fixture.workspace());
    page.resize(1100, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QUndoStack *history = fixture.workspace()->undoStack();
    // The fixture's loading of the example is a step of its own.
    const int start = history->index();

    // A server without dependants goes at once (no question).
    select(&page, kParisEdge + QStringLiteral("/members/0"));
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("remove")), Qt::LeftButton);
    QVERIFY(!page.findChild<QMessageBox *>(QStringLiteral("confirmRemoval")));
    QVERIFY(fixture.workspace()
                ->topology()
                .edgePool(QStringLiteral("edge-paris.contoso.test"))
                ->members.isEmpty());
    const topology::Topology afterRemoval = fixture.workspace()->topology();

    // Route Montreal through Paris's pool.
    select(&page, QStringLiteral("sites/Montreal"));
    auto *route = page.findChild<QComboBox *>(QStringLiteral("xmppRoute"));
    const int paris = route->findData(QStringLiteral("edge-paris.contoso.test"));
    QVERIFY(paris >= 0);
    route->setFocus();
    while (route->currentIndex() != paris)
        QTest::keyClick(route, route->currentIndex() < paris ? Qt::Key_Down : Qt::Key_Up);
    QCOMPARE(fixture.workspace()->topology().site(QStringLiteral("Montreal"))->xmppFederationRoute,
             QStringLiteral("edge-paris.contoso.test"));
    // One step for the removal, one per route the keyboard passed through.
    QVERIFY(history->count() >= start + 2);
    const int steps = history->count();

    while (history->index() > start + 1)
        history->undo();
    QCOMPARE(fixture.workspace()->topology(), afterRemoval);
    history->undo();
    QCOMPARE(fixture.workspace()->topology(), original);
    QCOMPARE(storedDraft(fixture), original);
    history->redo();
    QCOMPARE(fixture.workspace()->topology(), afterRemoval);
    while (history->index() < steps)
        history->redo();
    QCOMPARE(fixture.workspace()->topology().site(QStringLiteral("Montreal"))->xmppFederationRoute,
             QStringLiteral("edge-paris.contoso.test"));
}

void TestSafeEdits::removingARoutedPoolAsksAndListsWhatGoes()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    const topology::Topology original = fixture.workspace()->topology();
    TopologyPage page(fixture.workspace());
    page.resize(1100, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));

    select(&page, kParisEdge);
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("remove")), Qt::LeftButton);
    QMessageBox *question = box(&page, QStringLiteral("confirmRemoval"));
    QVERIFY(question);
    const QString text = question->text() + QLatin1Char('\n') + question->informativeText();
    QVERIFY2(text.contains(QStringLiteral("edge server edge-paris1.contoso.test of pool "
                                          "edge-paris.contoso.test in site Paris")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("XMPP federation route of site Paris")),
             qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("sites/")) && !text.contains(QStringLiteral("members/")),
             qPrintable(text));
    // Nothing is removed while the question is open, nor after Cancel.
    QCOMPARE(fixture.workspace()->topology(), original);
    question->button(QMessageBox::Cancel)->click();
    QCOMPARE(fixture.workspace()->topology(), original);

    select(&page, kParisEdge);
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("remove")), Qt::LeftButton);
    question = box(&page, QStringLiteral("confirmRemoval"));
    QVERIFY(question);
    question->findChild<QPushButton *>(QStringLiteral("confirmRemove"))->click();
    QVERIFY(!fixture.workspace()->topology().edgePool(QStringLiteral("edge-paris.contoso.test")));
    QVERIFY(fixture.workspace()
                ->topology()
                .site(QStringLiteral("Paris"))
                ->xmppFederationRoute.isEmpty());
    QCOMPARE(page.selectedPath(), QStringLiteral("sites/Paris"));

    fixture.workspace()->undoStack()->undo();
    QCOMPARE(fixture.workspace()->topology(), original);
}

void TestSafeEdits::discardReturnsToThePublishedVersion()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    QCOMPARE(fixture.workspace()->publish(QStringLiteral("first")).value(), 1);
    const topology::Topology published = fixture.workspace()->publishedTopology(1).value();
    topology::Topology edited = fixture.workspace()->topology();
    edited.partner(QStringLiteral("fabrikam.test"))->tls = topology::Negotiation::Optional;
    QVERIFY(fixture.workspace()->setTopology(edited).ok());
    QVERIFY(fixture.workspace()->hasUnpublishedChanges());

    MainWindow window(fixture.workspace());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.findChild<QAction *>(QStringLiteral("discardDraft"))->trigger();
    QMessageBox *question = box(&window, QStringLiteral("confirmDiscard"));
    QVERIFY(question);
    QVERIFY2(question->detailedText().contains(
                 QStringLiteral("Changed the TLS of partner fabrikam.test from Required to "
                                "Optional.")),
             qPrintable(question->detailedText()));
    QCOMPARE(fixture.workspace()->topology(), edited); // not yet
    question->findChild<QPushButton *>(QStringLiteral("confirmDiscardButton"))->click();
    QCOMPARE(fixture.workspace()->topology(), published);
    QVERIFY(!fixture.workspace()->hasUnpublishedChanges());
    QCOMPARE(storedDraft(fixture), published);
    QCOMPARE(fixture.workspace()->latestVersion().value(), 1); // nothing published
}

void TestSafeEdits::rollbackAsksBeforePublishing()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    QCOMPARE(fixture.workspace()->publish(QStringLiteral("first")).value(), 1);
    topology::Topology t = fixture.workspace()->topology();
    t.site(QStringLiteral("Montreal"))->description = QStringLiteral("Quebec office, 2nd floor");
    QVERIFY(fixture.workspace()->setTopology(t).ok());
    QCOMPARE(fixture.workspace()->publish(QStringLiteral("second")).value(), 2);

    QWidget parent;
    VersionsDialog dialog(fixture.workspace(), &parent);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *list = dialog.findChild<QTreeWidget *>(QStringLiteral("versions"));
    QCOMPARE(list->topLevelItemCount(), 2);
    // The changes column reads in words.
    QVERIFY2(
        list->topLevelItem(0)->text(4).contains(QStringLiteral("description of site Montreal")),
        qPrintable(list->topLevelItem(0)->text(4)));
    list->setCurrentItem(list->topLevelItem(1)); // version 1
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("rollback")), Qt::LeftButton);
    QMessageBox *question = box(&dialog, QStringLiteral("confirmRollback"));
    QVERIFY(question);
    QVERIFY2(question->text().contains(QStringLiteral("version 3")), qPrintable(question->text()));
    QCOMPARE(fixture.workspace()->latestVersion().value(), 2); // asked, not published
    question->button(QMessageBox::Cancel)->click();
    QCOMPARE(fixture.workspace()->latestVersion().value(), 2);

    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("rollback")), Qt::LeftButton);
    question = box(&dialog, QStringLiteral("confirmRollback"));
    QVERIFY(question);
    question->findChild<QPushButton *>(QStringLiteral("confirmRollbackButton"))->click();
    QCOMPARE(fixture.workspace()->latestVersion().value(), 3);
    QVERIFY(fixture.workspace()->topology() == fixture.workspace()->publishedTopology(1).value());
}

QTEST_MAIN(TestSafeEdits)
#include "tst_safeedits.moc"
