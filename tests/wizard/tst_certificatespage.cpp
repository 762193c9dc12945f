#include "WizardFixture.h"

#include "support/PeerProcess.h"
#include "wizard/certificates/CertificateRequestWizard.h"
#include "wizard/certificates/CertificatesPage.h"
#include "wizard/certificates/ImportCertificateDialog.h"
#include "wizard/certificates/KeyCreationPage.h"

#include "certs/KeyStore.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
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
    void immediateRequestIsSignedByTheInternalAuthority_data();
    void immediateRequestIsSignedByTheInternalAuthority();
    void pfxImportAsksForThePassword();
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

void TestCertificatesPage::immediateRequestIsSignedByTheInternalAuthority_data()
{
    QTest::addColumn<QString>("usageButton");
    QTest::addColumn<int>("usage");
    QTest::addColumn<QString>("assignButton");
    QTest::newRow("internal edge")
        << QStringLiteral("internal") << int(certs::CertificateUsage::InternalEdge)
        << QStringLiteral("assignInternal");
    QTest::newRow("gateway") << QStringLiteral("gateway") << int(certs::CertificateUsage::Gateway)
                             << QStringLiteral("assignGateway");
}

void TestCertificatesPage::immediateRequestIsSignedByTheInternalAuthority()
{
    QFETCH(QString, usageButton);
    QFETCH(int, usage);
    QFETCH(QString, assignButton);
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    QVERIFY(fixture.workspace()->publish(QStringLiteral("for certificates")).ok());

    CertificatesPage page(fixture.workspace());
    page.resize(1000, 700);
    page.show();
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("request")), Qt::LeftButton);
    auto *wizard = page.findChild<CertificateRequestWizard *>();
    QVERIFY(wizard);
    QTRY_VERIFY(wizard->isVisible());

    // The internal edge and the gateway: the usual uses of the internal authority.
    auto *internal = wizard->findChild<QAbstractButton *>(usageButton);
    QVERIFY(internal);
    QTest::mouseClick(internal, Qt::LeftButton, {}, QPoint(5, internal->height() / 2));
    next(wizard); // -> delayed or immediate
    auto *immediate = wizard->findChild<QAbstractButton *>(QStringLiteral("immediate"));
    QTest::mouseClick(immediate, Qt::LeftButton, {}, QPoint(5, immediate->height() / 2));
    QVERIFY(immediate->isChecked());
    // No internal CA yet: it is created only once the administrator agrees,
    // with a sentence saying what it is for (issue 12 item 5).
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("caNote"))->isVisible());
    QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("caNote"))
                ->text()
                .contains(QStringLiteral("internal edge, the gateway and tests")));
    auto *createCa = wizard->findChild<QAbstractButton *>(QStringLiteral("createCa"));
    QTest::mouseClick(createCa, Qt::LeftButton, {}, QPoint(5, createCa->height() / 2));
    next(wizard); // immediate skips the CSR file page
    QCOMPARE(wizard->currentId(), int(CertificateRequestWizard::TemplatePage));
    next(wizard); // -> name and key
    retype(wizard->findChild<QLineEdit *>(QStringLiteral("friendlyName")),
           QStringLiteral("Edge internal (internal CA)"));
    auto *key = wizard->findChild<QComboBox *>(QStringLiteral("keyType"));
    key->setFocus();
    while (key->currentData().toInt() != int(certs::KeyType::EcP256))
        QTest::keyClick(key, Qt::Key_Down);
    next(wizard); // -> organisation
    next(wizard); // -> geography
    auto *country = wizard->findChild<QComboBox *>(QStringLiteral("country"));
    country->setCurrentIndex(country->findData(QStringLiteral("FR")));
    next(wizard); // -> names
    next(wizard); // -> summary
    QCOMPARE(wizard->currentId(), int(CertificateRequestWizard::SummaryPage));
    QAbstractButton *create = wizard->button(QWizard::CommitButton);
    QVERIFY2(create->isEnabled(),
             qPrintable(wizard->findChild<QLabel *>(QStringLiteral("problems"))->text()));
    QTest::mouseClick(create, Qt::LeftButton);

    auto *creation = qobject_cast<KeyCreationPage *>(wizard->currentPage());
    QVERIFY(creation);
    QTRY_VERIFY_WITH_TIMEOUT(creation->isComplete(), 60000);
    QVERIFY2(creation->outcome()->ok(),
             qPrintable(creation->outcome()->ok() ? QString()
                                                  : creation->outcome()->error().toString()));
    const certs::RequestOutcome &outcome = creation->outcome()->value();
    QVERIFY(outcome.issued.has_value());
    QVERIFY(outcome.csrWrittenTo.isEmpty());
    const QString status = creation->findChild<QLabel *>(QStringLiteral("status"))->text();
    QVERIFY2(status.contains(QStringLiteral("internal authority signed it")), qPrintable(status));
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);

    // The certificate is in the key store already, signed by the internal
    // authority and matched with the request's key; nothing waits for a CA.
    auto *list = page.findChild<QTreeWidget *>(QStringLiteral("certificates"));
    QTRY_COMPARE(list->topLevelItemCount(), 1);
    QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("Edge internal (internal CA)"));
    certs::KeyStore store;
    auto stored = store.certificates();
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().size(), 1);
    const certs::StoredCertificate &c = stored.value().first();
    QCOMPARE(c.sourceFormat, QStringLiteral("internal CA"));
    QVERIFY(int(c.usage) == usage);
    QCOMPARE(c.requestId, outcome.request.id);
    QVERIFY(c.info.issuer != c.info.subject);
    QVERIFY2(c.info.dnsNames.contains(outcome.request.names.dnsNames.first()),
             qPrintable(c.info.dnsNames.join(QLatin1Char(','))));
    // Assigned from the page to the interface it was requested for.
    list->setCurrentItem(list->topLevelItem(0));
    QTest::mouseClick(page.findChild<QPushButton *>(assignButton), Qt::LeftButton);
    auto assignment = store.assignment(certs::CertificateUsage(usage));
    QVERIFY(assignment.ok() && assignment.value().has_value());
    QCOMPARE(assignment.value()->certificateId, c.id);
}

namespace {
// Answers the next modal QInputDialog once it is shown: types `text` and
// accepts, or cancels when `text` is null. Records the prompt it saw.
void answerPasswordPrompt(const QString &text, QString *prompt)
{
    QTimer::singleShot(0, [text, prompt] {
        // The dialog opens in a nested event loop: look for it until it
        // does, for at most 10 s.
        auto *poll = new QTimer;
        auto *elapsed = new QElapsedTimer;
        elapsed->start();
        QObject::connect(poll, &QTimer::timeout, [poll, elapsed, text, prompt] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            if (!dialog && elapsed->elapsed() < 10000)
                return;
            poll->stop();
            poll->deleteLater();
            delete elapsed;
            if (!dialog)
                return;
            *prompt = dialog->labelText();
            auto *edit = dialog->findChild<QLineEdit *>();
            if (text.isNull()) {
                QTest::keyClick(edit, Qt::Key_Escape);
                return;
            }
            QCOMPARE(edit->echoMode(), QLineEdit::Password);
            QTest::keyClicks(edit, text);
            QTest::keyClick(edit, Qt::Key_Return);
        });
        poll->start(20);
    });
}
} // namespace

void TestCertificatesPage::pfxImportAsksForThePassword()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    QTemporaryDir out;
    const QString key = out.filePath(QStringLiteral("edge.key"));
    const QString cert = out.filePath(QStringLiteral("edge.pem"));
    const QString pfx = out.filePath(QStringLiteral("edge.pfx"));
    QCOMPARE(test::runCommand(
                 QStringLiteral("openssl"),
                 {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                  QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                  QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                  QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                  QStringLiteral("-subj"), QStringLiteral("/CN=xmpp.contoso.test"),
                  QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:xmpp.contoso.test"),
                  QStringLiteral("-days"), QStringLiteral("90")}),
             0);
    QCOMPARE(test::runCommand(QStringLiteral("openssl"),
                              {QStringLiteral("pkcs12"), QStringLiteral("-export"),
                               QStringLiteral("-inkey"), key, QStringLiteral("-in"), cert,
                               QStringLiteral("-name"), QStringLiteral("edge"),
                               QStringLiteral("-passout"), QStringLiteral("pass:Corr3ct-horse"),
                               QStringLiteral("-out"), pfx}),
             0);

    ImportCertificateDialog dialog(fixture.workspace()->topology(), QString());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *path = dialog.findChild<QLineEdit *>(QStringLiteral("path"));
    auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("password"));
    auto *importButton = dialog.findChild<QPushButton *>(QStringLiteral("import"));
    auto *result = dialog.findChild<QLabel *>(QStringLiteral("result"));
    QTest::keyClicks(path, pfx);
    QVERIFY(password->text().isEmpty());
    certs::KeyStore store;

    // Cancelling the prompt imports nothing.
    QString prompt;
    answerPasswordPrompt(QString(), &prompt);
    QTest::mouseClick(importButton, Qt::LeftButton);
    QVERIFY2(prompt.contains(QStringLiteral("edge.pfx")), qPrintable(prompt));
    QVERIFY(dialog.importedId().isEmpty());
    QVERIFY(store.certificates().value().isEmpty());

    // A wrong password is refused with the reason, still nothing imported.
    prompt.clear();
    answerPasswordPrompt(QStringLiteral("wrong"), &prompt);
    QTest::mouseClick(importButton, Qt::LeftButton);
    QVERIFY(!prompt.isEmpty());
    QVERIFY2(result->text().startsWith(QStringLiteral("Not imported")), qPrintable(result->text()));
    QVERIFY(dialog.importedId().isEmpty());
    QVERIFY(store.certificates().value().isEmpty());

    // The typed password stays in the field: the next attempt does not
    // prompt again. Clear it so the prompt comes back for the right one.
    QCOMPARE(password->text(), QStringLiteral("wrong"));
    password->clear();
    prompt.clear();
    answerPasswordPrompt(QStringLiteral("Corr3ct-horse"), &prompt);
    QTest::mouseClick(importButton, Qt::LeftButton);
    QVERIFY(!prompt.isEmpty());
    QVERIFY2(!dialog.importedId().isEmpty(), qPrintable(result->text()));
    QVERIFY2(result->text().startsWith(QStringLiteral("Imported")), qPrintable(result->text()));
    auto stored = store.certificates();
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().size(), 1);
    QCOMPARE(stored.value().first().sourceFormat, QStringLiteral("PKCS#12"));
    QCOMPARE(stored.value().first().info.commonName, QStringLiteral("xmpp.contoso.test"));
    // The key came in the file, not from a pending request.
    QVERIFY(stored.value().first().requestId.isEmpty());
}

QTEST_MAIN(TestCertificatesPage)
#include "tst_certificatespage.moc"
