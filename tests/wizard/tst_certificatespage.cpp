#include "WizardFixture.h"

#include "support/PeerProcess.h"
#include "wizard/certificates/CertificateRequestWizard.h"
#include "wizard/certificates/CertificatesPage.h"
#include "wizard/certificates/ImportCertificateDialog.h"
#include "wizard/certificates/KeyCreationPage.h"

#include "certs/KeyStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace fedgate;
using namespace fedgate::wizard;

namespace {
void next(QWizard *wizard)
{
    QAbstractButton *button = wizard->button(QWizard::NextButton);
    QVERIFY2(button->isEnabled(),
             qPrintable(QStringLiteral("Next disabled on page %1").arg(wizard->currentId())));
    QTest::mouseClick(button, Qt::LeftButton);
}

void retype(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}
} // namespace

class TestCertificatesPage : public QObject
{
    Q_OBJECT
private slots:
    void requestWritesCsrWithExpectedSans();
};

void TestCertificatesPage::requestWritesCsrWithExpectedSans()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    QVERIFY(fixture.workspace()->publish(QStringLiteral("for certificates")).ok());
    QTemporaryDir out;
    const QString csrPath = out.filePath(QStringLiteral("external.csr"));

    CertificatesPage page(fixture.workspace());
    page.resize(1000, 700);
    page.show();
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("request")), Qt::LeftButton);
    auto *wizard = page.findChild<CertificateRequestWizard *>();
    QVERIFY(wizard);
    QTRY_VERIFY(wizard->isVisible());

    QCOMPARE(wizard->currentId(), int(CertificateRequestWizard::TypePage));
    QVERIFY(wizard->findChild<QAbstractButton *>(QStringLiteral("external"))->isChecked());
    next(wizard); // -> delayed or immediate (delayed is the default)
    next(wizard); // -> file
    QCOMPARE(wizard->currentId(), int(CertificateRequestWizard::FilePage));
    retype(wizard->findChild<QLineEdit *>(QStringLiteral("csrPath")), csrPath);
    next(wizard); // -> template
    next(wizard); // -> name and key
    auto *friendly = wizard->findChild<QLineEdit *>(QStringLiteral("friendlyName"));
    QVERIFY(!friendly->text().isEmpty());
    retype(friendly, QStringLiteral("Edge external 2026"));
    auto *key = wizard->findChild<QComboBox *>(QStringLiteral("keyType"));
    key->setFocus();
    while (key->currentData().toInt() != int(certs::KeyType::EcP256))
        QTest::keyClick(key, Qt::Key_Down);
    next(wizard); // -> organisation (pre-filled from the topology)
    QCOMPARE(wizard->findChild<QLineEdit *>(QStringLiteral("organisation"))->text(),
             QStringLiteral("Contoso"));
    next(wizard); // -> geography
    auto *country = wizard->findChild<QComboBox *>(QStringLiteral("country"));
    country->setCurrentIndex(country->findData(QStringLiteral("FR")));
    QTest::keyClicks(wizard->findChild<QLineEdit *>(QStringLiteral("city")),
                     QStringLiteral("Paris"));
    next(wizard); // -> names
    QCOMPARE(wizard->currentPage()->title(),
             wizard->page(CertificateRequestWizard::NamesPage)->title());
    auto *sip = wizard->findChild<QCheckBox *>(QStringLiteral("sip:contoso.test"));
    QVERIFY(sip);
    QTest::mouseClick(sip, Qt::LeftButton, {}, QPoint(5, sip->height() / 2));
    auto *san = wizard->findChild<QLineEdit *>(QStringLiteral("newSan"));
    QTest::keyClicks(san, QStringLiteral("webconf.contoso.test"));
    QTest::keyClick(san, Qt::Key_Return);
    const QString preview =
        wizard->findChild<QPlainTextEdit *>(QStringLiteral("namesPreview"))->toPlainText();
    QVERIFY2(preview.contains(QStringLiteral("DNS:sip.contoso.test")), qPrintable(preview));
    QVERIFY2(preview.contains(QStringLiteral("DNS:webconf.contoso.test")), qPrintable(preview));
    next(wizard); // -> summary
    QCOMPARE(wizard->currentId(), int(CertificateRequestWizard::SummaryPage));
    QAbstractButton *create = wizard->button(QWizard::CommitButton);
    QVERIFY2(create->isEnabled(),
             qPrintable(wizard->findChild<QLabel *>(QStringLiteral("problems"))->text()));
    QTest::mouseClick(create, Qt::LeftButton);

    // The key is generated off the GUI thread; Finish waits for it.
    auto *creation = qobject_cast<KeyCreationPage *>(wizard->currentPage());
    QVERIFY(creation);
    QTRY_VERIFY_WITH_TIMEOUT(creation->isComplete(), 60000);
    QVERIFY2(creation->outcome()->ok(),
             qPrintable(creation->outcome()->ok() ? QString()
                                                  : creation->outcome()->error().toString()));

    // The CSR file carries the expected names (read back with openssl).
    QVERIFY(QFile::exists(csrPath));
    QString text;
    QCOMPARE(test::runCommand(QStringLiteral("openssl"),
                              {QStringLiteral("req"), QStringLiteral("-in"), csrPath,
                               QStringLiteral("-noout"), QStringLiteral("-text")},
                              &text),
             0);
    for (const QString &name :
         {QStringLiteral("DNS:xmpp.contoso.test"), QStringLiteral("DNS:sip.contoso.test"),
          QStringLiteral("DNS:webconf.contoso.test"), QStringLiteral("DNS:contoso.test")})
        QVERIFY2(text.contains(name), qPrintable(name + QStringLiteral(" missing:\n") + text));
    QVERIFY(text.contains(QStringLiteral("C = FR")));
    QVERIFY(text.contains(QStringLiteral("CN = xmpp.contoso.test")));
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);

    // The page lists the pending request.
    auto *pending = page.findChild<QTreeWidget *>(QStringLiteral("pending"));
    QTRY_COMPARE(pending->topLevelItemCount(), 1);
    QCOMPARE(pending->topLevelItem(0)->text(0), QStringLiteral("Edge external 2026"));

    // An outside CA answers (openssl, copying the requested extensions).
    const QString caKey = out.filePath(QStringLiteral("ca.key"));
    const QString caCert = out.filePath(QStringLiteral("ca.pem"));
    const QString issued = out.filePath(QStringLiteral("issued.cer"));
    QCOMPARE(
        test::runCommand(QStringLiteral("openssl"),
                         {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                          QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                          QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                          QStringLiteral("-keyout"), caKey, QStringLiteral("-out"), caCert,
                          QStringLiteral("-subj"), QStringLiteral("/CN=Test CA"),
                          QStringLiteral("-days"), QStringLiteral("30")}),
        0);
    QCOMPARE(
        test::runCommand(QStringLiteral("openssl"),
                         {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                          csrPath, QStringLiteral("-CA"), caCert, QStringLiteral("-CAkey"), caKey,
                          QStringLiteral("-CAcreateserial"), QStringLiteral("-days"),
                          QStringLiteral("20"), QStringLiteral("-copy_extensions"),
                          QStringLiteral("copy"), QStringLiteral("-out"), issued}),
        0);

    // Import it from the page: matched with the pending request's key.
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("import")), Qt::LeftButton);
    auto *dialog = page.findChild<ImportCertificateDialog *>();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("path")), issued);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("import")), Qt::LeftButton);
    const QString result = dialog->findChild<QLabel *>(QStringLiteral("result"))->text();
    QVERIFY2(result.contains(QStringLiteral("matched with pending request")), qPrintable(result));
    // Lint findings are listed (this one expires within 30 days).
    auto *findings = dialog->findChild<QListWidget *>(QStringLiteral("findings"));
    QVERIFY(findings->count() > 0);
    bool expiryWarned = false;
    for (int i = 0; i < findings->count(); ++i)
        expiryWarned = expiryWarned || findings->item(i)
                                           ->data(Qt::UserRole)
                                           .toString()
                                           .startsWith(QStringLiteral("expires-within"));
    QVERIFY(expiryWarned);
    dialog->reject();

    // Assign it to the external edge.
    auto *list = page.findChild<QTreeWidget *>(QStringLiteral("certificates"));
    QTRY_COMPARE(list->topLevelItemCount(), 1);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->topLevelItem(0)).center());
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("assignExternal")),
                      Qt::LeftButton);
    certs::KeyStore store;
    auto assignment = store.assignment(certs::CertificateUsage::ExternalEdge);
    QVERIFY(assignment.ok() && assignment.value().has_value());
    QCOMPARE(assignment.value()->friendlyName, QStringLiteral("Edge external 2026"));
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("assigned"))
                ->text()
                .contains(QStringLiteral("Edge external 2026")));
}

QTEST_MAIN(TestCertificatesPage)
#include "tst_certificatespage.moc"
