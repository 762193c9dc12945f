#include "WizardFixture.h"

#include "wizard/Language.h"
#include "wizard/MainWindow.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QTest>

using namespace fedgate;
using namespace fedgate::wizard;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void cleanup() { Language::install(QStringLiteral("en")); }
    void keyboardShortcutsReachEveryPage();
    void everyControlHasAnAccessibleName();
    void everyPageHasHelp();
    void switchesToFrench();
};

void TestMainWindow::keyboardShortcutsReachEveryPage()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    MainWindow window(fixture.workspace());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const QList<QPair<Qt::Key, PageId>> keys = {{Qt::Key_2, PageId::Topology},
                                                {Qt::Key_3, PageId::Partners},
                                                {Qt::Key_4, PageId::Policies},
                                                {Qt::Key_1, PageId::Home}};
    for (const auto &[key, page] : keys) {
        QTest::keyClick(&window, key, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), page);
    }
}

void TestMainWindow::everyControlHasAnAccessibleName()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    MainWindow window(fixture.workspace());
    for (PageId id : {PageId::Home, PageId::Topology, PageId::Partners, PageId::Policies,
                      PageId::Certificates, PageId::Dns}) {
        QWidget *page = window.page(id);
        if (!page && id == PageId::Certificates)
            continue; // built without the certs library
        QVERIFY(page);
        for (QWidget *w : page->findChildren<QWidget *>()) {
            const bool control = qobject_cast<QAbstractButton *>(w) ||
                                 qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w);
            // Qt's internal parts (a spin box's line edit) take the owner's name.
            if (!control || w->objectName().startsWith(QLatin1String("qt_")))
                continue;
            auto *button = qobject_cast<QAbstractButton *>(w);
            const QString name = !w->accessibleName().isEmpty()
                                     ? w->accessibleName()
                                     : (button ? button->text() : QString());
            QVERIFY2(
                !name.isEmpty(),
                qPrintable(QStringLiteral("%1 %2 on page %3")
                               .arg(QLatin1String(w->metaObject()->className()), w->objectName())
                               .arg(int(id))));
        }
    }
}

void TestMainWindow::everyPageHasHelp()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    MainWindow window(fixture.workspace());
    for (PageId id :
         {PageId::Home, PageId::Topology, PageId::Partners, PageId::Policies, PageId::Dns}) {
        auto *help = window.page(id)->findChild<QLabel *>(QStringLiteral("help"));
        QVERIFY(help);
        QVERIFY(help->text().size() > 40);
    }
}

void TestMainWindow::switchesToFrench()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    MainWindow window(fixture.workspace());
    window.show();
    window.showPage(PageId::Partners);
    window.setLanguage(QStringLiteral("fr"));
    QCOMPARE(Language::current(), QStringLiteral("fr"));
    // The pages are rebuilt from the event loop; look the list up each time.
    auto navigationText = [&window] {
        return window.centralWidget()
            ->findChild<QListWidget *>(QStringLiteral("navigation"))
            ->item(0)
            ->text();
    };
    QTRY_COMPARE(navigationText(), QStringLiteral("Déploiement"));
    // Still on the same page, with the same draft.
    QCOMPARE(window.currentPage(), PageId::Partners);
    QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&Fichier"));
    // The core libraries' messages shown on the pages follow too.
    QCOMPARE(QCoreApplication::translate("NegotiationMatrix", "dialback over TLS"),
             QStringLiteral("rappel (dialback) sur TLS"));
    QCOMPARE(QCoreApplication::translate("Validation", "it is empty"),
             QStringLiteral("il est vide"));
    window.setLanguage(QStringLiteral("en"));
    QTRY_COMPARE(navigationText(), QStringLiteral("Deployment"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
