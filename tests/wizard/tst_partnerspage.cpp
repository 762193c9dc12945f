#include "WizardFixture.h"

#include "wizard/PartnerDialog.h"
#include "wizard/PartnersPage.h"

#include "topology/CentralStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QTreeWidget>

using namespace fedgate;
using namespace fedgate::wizard;
using topology::Negotiation;

namespace {
// Picks a combo box entry with the keyboard, as a user would.
void choose(QComboBox *combo, int index)
{
    combo->setFocus();
    while (combo->currentIndex() < index)
        QTest::keyClick(combo, Qt::Key_Down);
    while (combo->currentIndex() > index)
        QTest::keyClick(combo, Qt::Key_Up);
}

PartnerDialog *openNewPartner(PartnersPage &page)
{
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("new")), Qt::LeftButton);
    return page.findChild<PartnerDialog *>();
}
} // namespace

class TestPartnersPage : public QObject
{
    Q_OBJECT
private slots:
    void invalidNegotiationIsRefusedWithItsReason();
    void newPartnerIsSaved();
    void warningIsShownButSaveAllowed();
    void duplicateDomainIsRefused();
};

void TestPartnersPage::invalidNegotiationIsRefusedWithItsReason()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    PartnersPage page(fixture.workspace());
    page.show();
    PartnerDialog *dialog = openNewPartner(page);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *ok = dialog->findChild<QPushButton *>(QStringLiteral("ok"));

    // No domain yet: OK is disabled and the dialog says what is missing.
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("problem"))->isVisible());
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("domain")),
                     QStringLiteral("northwind.example"));
    QVERIFY(ok->isEnabled());

    // TLS NotSupported with SASL Required (matrix row 5).
    choose(dialog->findChild<QComboBox *>(QStringLiteral("tls")), 2);
    QVERIFY(!ok->isEnabled());
    const QString verdict = dialog->findChild<QLabel *>(QStringLiteral("verdict"))->text();
    QVERIFY2(verdict.contains(QStringLiteral("SASL negotiation needs TLS")), qPrintable(verdict));
    QVERIFY2(verdict.contains(QStringLiteral("Set TLS")), qPrintable(verdict));
    QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("summary"))->text().isEmpty());

    // Pressing Enter cannot commit it either.
    QTest::keyClick(dialog, Qt::Key_Return);
    QVERIFY(dialog->isVisible());
    QVERIFY(!fixture.workspace()->topology().partner(QStringLiteral("northwind.example")));
    dialog->reject();
}

void TestPartnersPage::newPartnerIsSaved()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    PartnersPage page(fixture.workspace());
    page.show();
    PartnerDialog *dialog = openNewPartner(page);
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("domain")),
                     QStringLiteral("northwind.example"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("description")),
                     QStringLiteral("Northwind Traders"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("additionalDomains")),
                     QStringLiteral("chat.northwind.example"));
    choose(dialog->findChild<QComboBox *>(QStringLiteral("type")), 0); // Federated
    // Plain dialback provider: TLS and SASL not supported, dialback on (row 17).
    choose(dialog->findChild<QComboBox *>(QStringLiteral("tls")), 2);
    choose(dialog->findChild<QComboBox *>(QStringLiteral("sasl")), 2);
    QVERIFY(dialog->findChild<QCheckBox *>(QStringLiteral("dialback"))->isChecked());
    auto *limit = dialog->findChild<QSpinBox *>(QStringLiteral("connectionLimit"));
    limit->setFocus();
    limit->selectAll();
    QTest::keyClicks(limit, QStringLiteral("5"));
    // DANE (issue 13): off by default, ticked with the keyboard.
    auto *dane = dialog->findChild<QCheckBox *>(QStringLiteral("dane"));
    QVERIFY(dane && !dane->isChecked());
    dane->setFocus();
    QTest::keyClick(dane, Qt::Key_Space);
    QVERIFY(dane->isChecked());
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("summary"))
                ->text()
                .contains(QStringLiteral("dialback")));
    auto *ok = dialog->findChild<QPushButton *>(QStringLiteral("ok"));
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);

    const topology::XmppPartner *saved =
        fixture.workspace()->topology().partner(QStringLiteral("northwind.example"));
    QVERIFY(saved);
    QVERIFY(saved->type == topology::PartnerType::Federated);
    QVERIFY(saved->tls == Negotiation::NotSupported);
    QVERIFY(saved->sasl == Negotiation::NotSupported);
    QVERIFY(saved->dialback);
    QCOMPARE(saved->connectionLimit, 5);
    QVERIFY(saved->dane);
    QCOMPARE(saved->additionalDomains, QStringList{QStringLiteral("chat.northwind.example")});
    QCOMPARE(saved->description, QStringLiteral("Northwind Traders"));

    // In the store's draft, and listed on the page.
    auto store = topology::CentralStore::open(fixture.storePath());
    auto draft = store.value()->draft();
    QVERIFY(draft.ok() && draft.value().has_value());
    QVERIFY(draft.value()->topology.partner(QStringLiteral("northwind.example")));
    QVERIFY(draft.value()->topology.partner(QStringLiteral("northwind.example"))->dane);
    auto *list = page.findChild<QTreeWidget *>(QStringLiteral("partners"));
    QVERIFY(!list->findItems(QStringLiteral("northwind.example"), Qt::MatchExactly).isEmpty());
}

void TestPartnersPage::warningIsShownButSaveAllowed()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    PartnersPage page(fixture.workspace());
    page.show();
    PartnerDialog *dialog = openNewPartner(page);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("domain")),
                     QStringLiteral("optional.example"));
    choose(dialog->findChild<QComboBox *>(QStringLiteral("tls")), 1); // Optional (row 3)
    const QString verdict = dialog->findChild<QLabel *>(QStringLiteral("verdict"))->text();
    QVERIFY2(verdict.contains(QStringLiteral("Optional")), qPrintable(verdict));
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("ok"))->isEnabled());
    dialog->reject();
}

void TestPartnersPage::duplicateDomainIsRefused()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    QVERIFY(!fixture.workspace()->topology().partners.isEmpty());
    const QString existing = fixture.workspace()->topology().partners.first().domain;
    PartnersPage page(fixture.workspace());
    page.show();
    PartnerDialog *dialog = openNewPartner(page);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("domain")), existing);
    QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("ok"))->isEnabled());
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("problem"))
                ->text()
                .contains(QStringLiteral("already belongs")));
    dialog->reject();
}

QTEST_MAIN(TestPartnersPage)
#include "tst_partnerspage.moc"
