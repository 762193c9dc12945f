// The wizard's Workspace against other writers of the same central store
// (defect 9): it holds the draft in memory for a long time, so a save or a
// publish after someone else changed the draft is refused as a conflict,
// announced (draftConflict) and never silently overwrites their edit.
#include "WizardFixture.h"

#include "topology/CentralStore.h"
#include "wizard/MainWindow.h"

#include <QAbstractButton>
#include <QMessageBox>

#include <QSignalSpy>
#include <QTest>

using namespace fedgate;
using namespace fedgate::topology;

class TstWorkspace : public QObject
{
    Q_OBJECT

    // Another writer (fedgatectl, another wizard) adds a partner.
    static bool addPartnerElsewhere(const QString &store, const QString &domain)
    {
        auto other = CentralStore::open(store);
        if (!other)
            return false;
        return other.value()
            ->editDraft([&](Draft &d) {
                XmppPartner p;
                p.domain = domain;
                d.topology.partners << p;
                return Status::success();
            })
            .ok();
    }

private Q_SLOTS:
    void staleSaveRefusedWithConflict_defect9()
    {
        test::WizardFixture fixture;
        QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
        wizard::Workspace *workspace = fixture.workspace();
        QSignalSpy conflicts(workspace, &wizard::Workspace::draftConflict);

        QVERIFY(addPartnerElsewhere(fixture.storePath(), QStringLiteral("cli.partner.test")));

        Topology t = workspace->topology();
        t.organisation.name = QStringLiteral("Renamed in the wizard");
        const Status refused = workspace->setTopology(t);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QLatin1String("someone else changed the draft")),
                 qPrintable(refused.error().message));
        QCOMPARE(conflicts.size(), 1);
        QVERIFY(workspace->topology().organisation.name != t.organisation.name);
        auto store = CentralStore::open(fixture.storePath());
        QVERIFY(store);
        QVERIFY(
            store.value()->draft().value()->topology.partner(QStringLiteral("cli.partner.test")));

        // Reloading shows their edit; the change made again keeps both.
        QVERIFY(workspace->reload().ok());
        QVERIFY(workspace->topology().partner(QStringLiteral("cli.partner.test")));
        t = workspace->topology();
        t.organisation.name = QStringLiteral("Renamed in the wizard");
        const Status saved = workspace->setTopology(t);
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().toString()));
        const Draft draft = *store.value()->draft().value();
        QCOMPARE(draft.topology.organisation.name, QStringLiteral("Renamed in the wizard"));
        QVERIFY(draft.topology.partner(QStringLiteral("cli.partner.test")));
    }

    // The main window says what happened and offers to reload; reloading
    // shows the other writer's edit.
    void mainWindowOffersReload_defect9()
    {
        test::WizardFixture fixture;
        QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
        wizard::MainWindow window(fixture.workspace());
        QVERIFY(addPartnerElsewhere(fixture.storePath(), QStringLiteral("other.partner.test")));

        Topology t = fixture.workspace()->topology();
        t.organisation.name = QStringLiteral("Stale edit");
        QVERIFY(!fixture.workspace()->setTopology(t).ok());
        QVERIFY(!fixture.workspace()->setTopology(t).ok()); // asked once, not twice
        const QList<QMessageBox *> boxes =
            window.findChildren<QMessageBox *>(QStringLiteral("draftConflict"));
        QCOMPARE(boxes.size(), 1);
        QVERIFY2(boxes.first()->text().contains(QLatin1String("someone else changed the draft")),
                 qPrintable(boxes.first()->text()));
        QAbstractButton *reload = nullptr;
        for (QAbstractButton *button : boxes.first()->buttons())
            if (button->text() == QLatin1String("Reload the draft"))
                reload = button;
        QVERIFY(reload);
        reload->click();
        QVERIFY(fixture.workspace()->topology().partner(QStringLiteral("other.partner.test")));
        t = fixture.workspace()->topology();
        t.organisation.name = QStringLiteral("Fresh edit");
        QVERIFY(fixture.workspace()->setTopology(t).ok());
    }

    void publishRefusesChangedDraft_defect9()
    {
        test::WizardFixture fixture;
        QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
        wizard::Workspace *workspace = fixture.workspace();
        QSignalSpy conflicts(workspace, &wizard::Workspace::draftConflict);
        const int before = workspace->latestVersion().value();

        QVERIFY(addPartnerElsewhere(fixture.storePath(), QStringLiteral("late.partner.test")));
        Result<int> published = workspace->publish(QStringLiteral("from the wizard"));
        QVERIFY(!published.ok());
        QVERIFY(CentralStore::isDraftConflict(published.error()));
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(workspace->latestVersion().value(), before);

        QVERIFY(workspace->reload().ok());
        published = workspace->publish(QStringLiteral("from the wizard"));
        QVERIFY2(published.ok(),
                 qPrintable(published.ok() ? QString() : published.error().toString()));
        auto store = CentralStore::open(fixture.storePath());
        QVERIFY(store);
        QVERIFY(store.value()
                    ->topology(published.value())
                    .value()
                    .partner(QStringLiteral("late.partner.test")));
    }
};

QTEST_MAIN(TstWorkspace)
#include "tst_workspace.moc"
