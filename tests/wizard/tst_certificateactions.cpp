// Certificate actions in the window (issue 12 item 5): Assign, Details, View
// CSR and Delete Request are offered only with something selected; a pending
// request is deleted after a question; the details show subject, names,
// validity, key usage and findings; the request wizard refuses
// "(choose a country)"; Renew makes a new certificate with the same names
// while the old one stays assigned, Remove Assignment asks, then leaves the
// interface without a certificate.
#include "WizardFixture.h"

#include "wizard/Language.h"
#include "wizard/certificates/CertificateRequestWizard.h"
#include "wizard/certificates/CertificatesPage.h"
#include "wizard/certificates/ImportCertificateDialog.h"
#include "wizard/certificates/RequestGeographyPage.h"

#include "certs/KeyStore.h"

#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QWizard>

using namespace fedgate;
using namespace fedgate::wizard;

namespace {
certs::CertificateRequest request(certs::CertificateUsage usage, certs::RequestMode mode,
                                  const QString &name)
{
    certs::CertificateRequest r;
    r.usage = usage;
    r.mode = mode;
    r.friendlyName = name;
    r.organisation = QStringLiteral("Contoso");
    r.country = QStringLiteral("FR");
    r.city = QStringLiteral("Paris");
    r.keyType = certs::KeyType::EcP256;
    return r;
}

void click(QTreeWidget *tree, QTreeWidgetItem *item)
{
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(item).center());
}

template <typename T> T *waitFor(QWidget *parent, const QString &name)
{
    T *found = nullptr;
    for (int i = 0; i < 50 && !found; ++i) {
        found = parent->findChild<T *>(name);
        if (!found)
            QTest::qWait(20);
    }
    return found;
}
} // namespace

class TestCertificateActions : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(Language::install(QStringLiteral("en"))); }
    void actionsNeedASelectionAndAct();
    void requestWizardRefusesChooseACountry();
    void noStrayMnemonics();
    void exportsAnAssignedExportableCertificate();
    void renewsAndRemovesAnAssignment();
};

void TestCertificateActions::actionsNeedASelectionAndAct()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    QVERIFY(fixture.workspace()->publish(QStringLiteral("for certificates")).ok());
    const topology::Topology t = fixture.workspace()->topology();
    certs::KeyStore store;
    QVERIFY(store
                .createRequest(t, request(certs::CertificateUsage::ExternalEdge,
                                          certs::RequestMode::Delayed,
                                          QStringLiteral("External pending")))
                .ok());
    QVERIFY(store
                .createRequest(t, request(certs::CertificateUsage::InternalEdge,
                                          certs::RequestMode::Immediate,
                                          QStringLiteral("Internal signed")))
                .ok());

    CertificatesPage page(fixture.workspace());
    page.resize(1100, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const QStringList certificateActions{
        QStringLiteral("assignExternal"), QStringLiteral("assignInternal"),
        QStringLiteral("assignGateway"),  QStringLiteral("details"),
        QStringLiteral("unassign"),       QStringLiteral("renew")};
    const QStringList requestActions{QStringLiteral("viewCsr"), QStringLiteral("deleteRequest")};
    // Nothing selected: nothing to act on.
    for (const QString &name : certificateActions + requestActions) {
        auto *b = page.findChild<QPushButton *>(name);
        QVERIFY2(b, qPrintable(name));
        QVERIFY2(!b->isEnabled(), qPrintable(name));
    }

    // A certificate selected: Assign and Details are offered.
    auto *certificates = page.findChild<QTreeWidget *>(QStringLiteral("certificates"));
    QCOMPARE(certificates->topLevelItemCount(), 1);
    click(certificates, certificates->topLevelItem(0));
    for (const QString &name : certificateActions)
        QVERIFY2(page.findChild<QPushButton *>(name)->isEnabled(), qPrintable(name));
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("assignInternal")),
                      Qt::LeftButton);
    QVERIFY(store.assignment(certs::CertificateUsage::InternalEdge).value().has_value());
    // reload() keeps nothing selected: the actions are off again.
    certificates = page.findChild<QTreeWidget *>(QStringLiteral("certificates"));
    click(certificates, certificates->topLevelItem(0));
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("details")), Qt::LeftButton);
    auto *details = waitFor<QDialog>(&page, QStringLiteral("certificateDetails"));
    QVERIFY(details);
    const QString text = details->findChild<QLabel *>(QStringLiteral("details"))->text();
    for (const QString &expected :
         {QStringLiteral("Subject"), QStringLiteral("Names (SAN)"), QStringLiteral("Valid until"),
          QStringLiteral("Extended key usage"), QStringLiteral("Findings"), QStringLiteral("Chain"),
          QStringLiteral("edge-paris.contoso.test")})
        QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" in ") + text));
    details->close();

    // A pending request selected: View CSR and Delete Request.
    auto *pending = page.findChild<QTreeWidget *>(QStringLiteral("pending"));
    QCOMPARE(pending->topLevelItemCount(), 1);
    click(pending, pending->topLevelItem(0));
    for (const QString &name : requestActions)
        QVERIFY2(page.findChild<QPushButton *>(name)->isEnabled(), qPrintable(name));
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("deleteRequest")),
                      Qt::LeftButton);
    auto *question = waitFor<QMessageBox>(&page, QStringLiteral("confirmDeleteRequest"));
    QVERIFY(question);
    QVERIFY(question->text().contains(QStringLiteral("External pending")));
    QCOMPARE(store.pendingRequests().value().size(), 1); // asked, not yet deleted
    question->findChild<QPushButton *>(QStringLiteral("confirmDeleteRequestButton"))->click();
    QCOMPARE(store.pendingRequests().value().size(), 0);
    QCOMPARE(page.findChild<QTreeWidget *>(QStringLiteral("pending"))->topLevelItemCount(), 0);
    for (const QString &name : requestActions)
        QVERIFY2(!page.findChild<QPushButton *>(name)->isEnabled(), qPrintable(name));
}

void TestCertificateActions::requestWizardRefusesChooseACountry()
{
    QWizard wizard;
    auto *page = new RequestGeographyPage;
    wizard.addPage(page);
    wizard.addPage(new QWizardPage);
    wizard.show();
    auto *country = page->findChild<QComboBox *>();
    QVERIFY(country);
    country->setCurrentIndex(0); // "(choose a country)"
    QVERIFY(!page->isComplete());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    country->setCurrentIndex(country->findData(QStringLiteral("FR")));
    QVERIFY(page->isComplete());
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
}

// A label with '&' shows the ampersand unless it has a buddy to give the
// shortcut to ("&File:" next to a row of widgets did).
void TestCertificateActions::noStrayMnemonics()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    CertificatesPage page(fixture.workspace());
    ImportCertificateDialog importDialog(fixture.workspace()->topology(), QString());
    CertificateRequestWizard wizard(fixture.workspace()->topology(), QString());
    int checked = 0;
    for (QWidget *root : {static_cast<QWidget *>(&page), static_cast<QWidget *>(&importDialog),
                          static_cast<QWidget *>(&wizard)}) {
        for (QLabel *label : root->findChildren<QLabel *>()) {
            QString text = label->text();
            text.remove(QStringLiteral("&&"));
            if (!text.contains(QLatin1Char('&')) || text.contains(QLatin1Char('<')))
                continue;
            ++checked;
            QVERIFY2(label->buddy(), qPrintable(label->text()));
        }
    }
    QVERIFY(checked > 5);
}

void TestCertificateActions::exportsAnAssignedExportableCertificate()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    QVERIFY(fixture.workspace()->publish(QStringLiteral("for certificates")).ok());
    const topology::Topology t = fixture.workspace()->topology();
    certs::KeyStore store;
    certs::CertificateRequest kept =
        request(certs::CertificateUsage::InternalEdge, certs::RequestMode::Immediate,
                QStringLiteral("Internal kept"));
    QVERIFY(store.createRequest(t, kept).ok());
    certs::CertificateRequest exportable =
        request(certs::CertificateUsage::ExternalEdge, certs::RequestMode::Immediate,
                QStringLiteral("External exportable"));
    exportable.exportable = true;
    QVERIFY(store.createRequest(t, exportable).ok());

    CertificatesPage page(fixture.workspace());
    page.resize(1100, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *list = page.findChild<QTreeWidget *>(QStringLiteral("certificates"));
    QCOMPARE(list->topLevelItemCount(), 2);
    const auto selectNamed = [&](const QString &name) {
        list = page.findChild<QTreeWidget *>(QStringLiteral("certificates"));
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            if (list->topLevelItem(i)->text(0) == name)
                click(list, list->topLevelItem(i));
    };
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("edge.pfx"));

    // Not assigned: nothing to export.
    selectNamed(QStringLiteral("External exportable"));
    QVERIFY(page.findChild<QPushButton *>(QStringLiteral("export"))->isEnabled());
    QVERIFY(!page.exportSelectedTo(path, "a long passphrase"));
    QVERIFY(!QFile::exists(path));

    // Assigned but not exportable: the key store refuses, the page says so.
    selectNamed(QStringLiteral("Internal kept"));
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("assignInternal")),
                      Qt::LeftButton);
    selectNamed(QStringLiteral("Internal kept"));
    QVERIFY(!page.exportSelectedTo(path, "a long passphrase"));
    QVERIFY(!QFile::exists(path));
    const QString refusal = page.findChild<QLabel *>(QStringLiteral("message"))->text();
    QVERIFY2(refusal.contains(QStringLiteral("exportable")), qPrintable(refusal));

    // Assigned and exportable: a PKCS #12 file.
    selectNamed(QStringLiteral("External exportable"));
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("assignExternal")),
                      Qt::LeftButton);
    selectNamed(QStringLiteral("External exportable"));
    QVERIFY2(page.exportSelectedTo(path, "a long passphrase"),
             qPrintable(page.findChild<QLabel *>(QStringLiteral("message"))->text()));
    QVERIFY(QFileInfo(path).size() > 0);
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("message"))
                ->text()
                .contains(QStringLiteral("PKCS #12")));
}

namespace {
void selectCertificate(CertificatesPage &page, const QString &id)
{
    auto *list = page.findChild<QTreeWidget *>(QStringLiteral("certificates"));
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        if (list->topLevelItem(i)->data(0, Qt::UserRole).toString() == id)
            click(list, list->topLevelItem(i));
}
} // namespace

void TestCertificateActions::renewsAndRemovesAnAssignment()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    QVERIFY(fixture.workspace()->publish(QStringLiteral("for renewal")).ok());
    certs::KeyStore store;
    auto made = store.createRequest(fixture.workspace()->topology(),
                                    request(certs::CertificateUsage::InternalEdge,
                                            certs::RequestMode::Immediate,
                                            QStringLiteral("Internal signed")));
    QVERIFY(made.ok() && made.value().issued);
    const QString oldId = made.value().issued->certificate.id;
    QVERIFY(store.assign(oldId, certs::CertificateUsage::InternalEdge).ok());

    CertificatesPage page(fixture.workspace());
    page.resize(1100, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *renew = page.findChild<QPushButton *>(QStringLiteral("renew"));
    auto *unassign = page.findChild<QPushButton *>(QStringLiteral("unassign"));
    QVERIFY(!renew->isEnabled() && !unassign->isEnabled());

    // Renew: asked first, then a new certificate with the same names; the
    // old one is still the assigned one.
    selectCertificate(page, oldId);
    QVERIFY(renew->isEnabled() && unassign->isEnabled());
    QTest::mouseClick(renew, Qt::LeftButton);
    auto *question = waitFor<QMessageBox>(&page, QStringLiteral("confirmRenew"));
    QVERIFY(question);
    QVERIFY(question->text().contains(QStringLiteral("Internal signed")));
    QCOMPARE(store.certificates().value().size(), 1);
    question->findChild<QPushButton *>(QStringLiteral("confirmRenewButton"))->click();
    const QList<certs::StoredCertificate> all = store.certificates().value();
    QCOMPARE(all.size(), 2);
    QCOMPARE(page.findChild<QTreeWidget *>(QStringLiteral("certificates"))->topLevelItemCount(), 2);
    QCOMPARE(all[0].info.dnsNames, all[1].info.dnsNames);
    QCOMPARE(store.assignment(certs::CertificateUsage::InternalEdge).value()->certificateId, oldId);
    QVERIFY(!renew->isEnabled()); // reload() cleared the selection

    // Remove Assignment: asked first, then the interface has none.
    selectCertificate(page, oldId);
    QTest::mouseClick(unassign, Qt::LeftButton);
    question = waitFor<QMessageBox>(&page, QStringLiteral("confirmUnassign"));
    QVERIFY(question);
    QVERIFY(store.assignment(certs::CertificateUsage::InternalEdge).value().has_value());
    question->findChild<QPushButton *>(QStringLiteral("confirmUnassignButton"))->click();
    QVERIFY(!store.assignment(certs::CertificateUsage::InternalEdge).value().has_value());
    QCOMPARE(store.certificates().value().size(), 2);

    // Nothing assigned any more: refused with a clear message, no question.
    selectCertificate(page, oldId);
    QTest::mouseClick(unassign, Qt::LeftButton);
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("message"))
                ->text()
                .contains(QStringLiteral("not assigned to any interface")));
}

QTEST_MAIN(TestCertificateActions)
#include "tst_certificateactions.moc"
