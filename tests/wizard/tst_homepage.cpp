// The home page's states before anything is deployed: nothing green that
// was not checked, the data directory and its origin shown, the listener
// table saying the service does not run, the last DNS check remembered by a
// new page (as after a restart), French for the new texts.
#include "WizardFixture.h"

#include "wizard/HomePage.h"
#include "wizard/Language.h"
#include "wizard/MainWindow.h"
#include "wizard/home/ListenerMonitor.h"

#include "topology/DnsCheckReport.h"
#include "topology/DnsRecordPlan.h"

#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

using namespace fedgate;
using namespace fedgate::wizard;

namespace {
QString stateText(HomePage &page, const QString &step)
{
    auto *label = page.findChild<QLabel *>(QStringLiteral("state-") + step);
    return label ? label->text() : QStringLiteral("(no label state-%1)").arg(step);
}

HomePage::Step step(const HomePage &page, const QString &id)
{
    for (const HomePage::Step &s : page.steps())
        if (s.id == id)
            return s;
    return {};
}
} // namespace

class TestHomePage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(Language::install(QStringLiteral("en"))); }
    void cleanup() { Language::install(QStringLiteral("en")); }
    void nothingDeployedIsNotGreen();
    void lastDnsCheckIsRemembered();
    void dnsRunChecksAndSaves();
    void viewLogOpensTheStepsLog();
    void publishAndCertificatesOpenTheirPages();
    void frenchTexts();
};

void TestHomePage::nothingDeployedIsNotGreen()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    HomePage page(fixture.workspace());

    const QStringList ids = {QStringLiteral("publish"),      QStringLiteral("replica"),
                             QStringLiteral("certificates"), QStringLiteral("components"),
                             QStringLiteral("services"),     QStringLiteral("dns"),
                             QStringLiteral("verify")};
    QStringList shown;
    for (const HomePage::Step &s : page.steps())
        shown << s.id;
    QCOMPARE(shown, ids);
    // The plan and the first poll run on worker threads: wait for both.
    QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy() && page.listenerMonitor()->snapshot().valid, 20000);
    for (const HomePage::Step &s : page.steps())
        QVERIFY2(s.state != HomePage::StepState::Done,
                 qPrintable(s.id + QStringLiteral(": ") + s.stateText));
    QCOMPARE(stateText(page, QStringLiteral("publish")), QStringLiteral("Not published yet."));
    // Nothing published: the plan says why the deployment steps cannot run.
    for (const char *id : {"replica", "components"}) {
        auto *run = page.findChild<QPushButton *>(QStringLiteral("run-") + QLatin1String(id));
        QVERIFY(run);
        QVERIFY2(!run->isEnabled(), id);
        QVERIFY(!run->toolTip().isEmpty());
    }
    QCOMPARE(stateText(page, QStringLiteral("services")), QStringLiteral("Not running."));
    QCOMPARE(stateText(page, QStringLiteral("dns")), QStringLiteral("Not checked yet."));
    QCOMPARE(stateText(page, QStringLiteral("verify")),
             QStringLiteral("Not verified since Fedgate started."));
    QCOMPARE(page.findChild<QPushButton *>(QStringLiteral("run-services"))->text(),
             QStringLiteral("Run"));

    // The listener table: what the operating system shows, and the findings.
    const QString findings = page.findChild<QLabel *>(QStringLiteral("listenerFindings"))->text();
    QVERIFY2(findings.contains(QStringLiteral("fedgated is not running.")), qPrintable(findings));
    QVERIFY(page.findChild<QTreeWidget *>(QStringLiteral("listeners")));

    // The data directory in use and why.
    const QString data = page.findChild<QLabel *>(QStringLiteral("dataDirectory"))->text();
    QVERIFY2(data.contains(qEnvironmentVariable("FEDGATE_DATA_DIR")), qPrintable(data));
    QVERIFY2(data.contains(QStringLiteral("FEDGATE_DATA_DIR")), qPrintable(data));

    // After publishing, the machines of the topology are offered and the
    // replica step can run.
    auto published = fixture.workspace()->publish(QStringLiteral("first"));
    QVERIFY(published.ok());
    auto *machine = page.findChild<QComboBox *>(QStringLiteral("machine"));
    QTRY_VERIFY(machine->findText(QStringLiteral("edge-paris1.contoso.test")) >= 0);
    machine->setCurrentIndex(machine->findText(QStringLiteral("edge-paris1.contoso.test")));
    emit machine->activated(machine->currentIndex());
    QTRY_VERIFY_WITH_TIMEOUT(
        !page.isBusy() && page.findChild<QPushButton *>(QStringLiteral("run-replica"))->isEnabled(),
        20000);
    QVERIFY2(stateText(page, QStringLiteral("replica")).startsWith(QStringLiteral("To do: ")),
             qPrintable(stateText(page, QStringLiteral("replica"))));
    QVERIFY(step(page, QStringLiteral("replica")).state == HomePage::StepState::NotDone);
}

void TestHomePage::lastDnsCheckIsRemembered()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    // A saved check, as `fedgatectl dns check` or the DNS page leaves it:
    // one record correct, one missing.
    const topology::DnsRecordPlan plan =
        topology::DnsRecordPlan::fromTopology(fixture.workspace()->topology());
    QVERIFY(plan.records().size() >= 2);
    topology::DnsCheckReport report;
    report.server = QStringLiteral("127.0.0.29");
    report.checkedAt = QStringLiteral("2026-11-29T12:00:00Z");
    for (int i = 0; i < 2; ++i) {
        topology::DnsCheckResult r;
        r.index = i;
        r.record = plan.records().at(i);
        r.status = i == 0 ? topology::DnsCheckStatus::Ok : topology::DnsCheckStatus::Missing;
        report.results << r;
    }
    QString error;
    QVERIFY2(topology::saveLastDnsCheck(report, &error), qPrintable(error));

    // A page made afterwards (Fedgate restarted) shows it, not green.
    HomePage page(fixture.workspace());
    QVERIFY2(stateText(page, QStringLiteral("dns"))
                 .startsWith(QStringLiteral("1 of 2 records correct, checked ")),
             qPrintable(stateText(page, QStringLiteral("dns"))));
    QVERIFY(stateText(page, QStringLiteral("dns")).endsWith(QStringLiteral("against 127.0.0.29.")));
    QVERIFY(step(page, QStringLiteral("dns")).state == HomePage::StepState::Failed);

    // All correct: green.
    report.results[1].status = topology::DnsCheckStatus::Ok;
    QVERIFY(topology::saveLastDnsCheck(report, &error));
    HomePage again(fixture.workspace());
    QVERIFY(step(again, QStringLiteral("dns")).state == HomePage::StepState::Done);
    QVERIFY2(stateText(again, QStringLiteral("dns"))
                 .startsWith(QStringLiteral("2 of 2 records correct")),
             qPrintable(stateText(again, QStringLiteral("dns"))));
}

// Run on the DNS step checks for real (on a worker thread) where the last
// check asked, and saves the result for `fedgatectl dns check --last`.
// Nothing answers DNS on 127.0.0.29: every record "not checked", not green.
void TestHomePage::dnsRunChecksAndSaves()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    QVERIFY(fixture.workspace()->publish(QStringLiteral("first")).ok());
    topology::DnsCheckReport previous;
    previous.server = QStringLiteral("127.0.0.29");
    previous.checkedAt = QStringLiteral("2026-11-29T12:00:00Z");
    QVERIFY(topology::saveLastDnsCheck(previous));
    HomePage page(fixture.workspace());
    auto *run = page.findChild<QPushButton *>(QStringLiteral("run-dns"));
    QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy() && run->isEnabled(), 20000);
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(page.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy(), 60000);
    const std::optional<topology::DnsCheckReport> saved = topology::loadLastDnsCheck();
    QVERIFY(saved);
    QCOMPARE(saved->server, QStringLiteral("127.0.0.29"));
    QVERIFY(saved->checkedAt != previous.checkedAt);
    QVERIFY(!saved->results.isEmpty());
    QVERIFY(!saved->allOk());
    QVERIFY(step(page, QStringLiteral("dns")).state == HomePage::StepState::Failed);
    QVERIFY2(stateText(page, QStringLiteral("dns")).endsWith(QStringLiteral("against 127.0.0.29.")),
             qPrintable(stateText(page, QStringLiteral("dns"))));
}

void TestHomePage::viewLogOpensTheStepsLog()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    QVERIFY(fixture.workspace()->publish(QStringLiteral("first version")).ok());
    HomePage page(fixture.workspace());
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("log-publish")), Qt::LeftButton);
    auto *dialog = page.findChild<QDialog *>(QStringLiteral("logDialog"));
    QVERIFY(dialog);
    const QString text = dialog->findChild<QPlainTextEdit *>(QStringLiteral("log"))->toPlainText();
    QVERIFY2(text.startsWith(QStringLiteral("Version 1 published on ")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("first version")));
    dialog->close();
    // A step that has not run: its log says so.
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("log-components")),
                      Qt::LeftButton);
    auto dialogs = page.findChildren<QDialog *>(QStringLiteral("logDialog"));
    QVERIFY(!dialogs.isEmpty());
    QCOMPARE(dialogs.constLast()->findChild<QPlainTextEdit *>(QStringLiteral("log"))->toPlainText(),
             QStringLiteral("Nothing logged yet for this step."));
}

// Publish opens the Publish dialog (the administrator writes the comment);
// Certificates opens the Certificates page (choosing the CA is theirs).
void TestHomePage::publishAndCertificatesOpenTheirPages()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    MainWindow window(fixture.workspace());
    auto *home = static_cast<HomePage *>(window.page(PageId::Home));
    QTest::mouseClick(home->findChild<QPushButton *>(QStringLiteral("run-publish")),
                      Qt::LeftButton);
    QCOMPARE(window.currentPage(), PageId::Topology);
    auto *publish = window.findChild<QDialog *>(QStringLiteral("publishDialog"));
    QVERIFY(publish);
    QVERIFY(publish->isVisible());
    publish->reject();
    if (!window.page(PageId::Certificates))
        return; // built without the certs library
    window.showPage(PageId::Home);
    QTest::mouseClick(home->findChild<QPushButton *>(QStringLiteral("run-certificates")),
                      Qt::LeftButton);
    QCOMPARE(window.currentPage(), PageId::Certificates);
}

void TestHomePage::frenchTexts()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    QVERIFY(Language::install(QStringLiteral("fr")));
    HomePage page(fixture.workspace());
    QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy() && page.listenerMonitor()->snapshot().valid, 20000);
    QCOMPARE(page.findChild<QPushButton *>(QStringLiteral("run-services"))->text(),
             QStringLiteral("Exécuter"));
    QCOMPARE(page.findChild<QPushButton *>(QStringLiteral("log-services"))->text(),
             QStringLiteral("Voir le journal"));
    QCOMPARE(stateText(page, QStringLiteral("services")), QStringLiteral("Arrêté."));
    QCOMPARE(stateText(page, QStringLiteral("dns")), QStringLiteral("Pas encore vérifié."));
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("listenerFindings"))
                ->text()
                .contains(QStringLiteral("fedgated ne tourne pas.")));
    // The core libraries' sentences too: the replica step's reason (from
    // deploy::DeploymentTarget), the data directory's origin (topology/Paths)
    // and the listener findings (engine::EngineConfig), none left in English.
    const QString replica = stateText(page, QStringLiteral("replica"));
    QVERIFY2(replica.contains(QStringLiteral("Publiez d'abord")), qPrintable(replica));
    QVERIFY2(!replica.contains(QStringLiteral("Publish first")), qPrintable(replica));
    const QString data = page.findChild<QLabel *>(QStringLiteral("dataDirectory"))->text();
    QVERIFY2(data.contains(QStringLiteral("fixé par FEDGATE_DATA_DIR")), qPrintable(data));
    QVERIFY2(!data.contains(QStringLiteral("set by")), qPrintable(data));
    const QString findings = page.findChild<QLabel *>(QStringLiteral("listenerFindings"))->text();
    QVERIFY2(!findings.contains(QStringLiteral("holds no topology yet")), qPrintable(findings));
}

QTEST_MAIN(TestHomePage)
#include "tst_homepage.moc"
