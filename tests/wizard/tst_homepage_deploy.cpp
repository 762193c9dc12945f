// The home page's steps driven as an administrator would, from "nothing
// deployed" to "services running" (issue 11 Show): a published topology in
// the test's store whose edge server edge-paris1 has loopback addresses
// (federation on 127.0.0.24:5269, the internal link on 127.0.0.23:23456,
// clients on 127.0.0.25:5222), each step's Run clicked, certificates from
// the internal CA through the step's own button, fedgated started by the
// built-in supervisor. "Start services" turns green only once the listener
// table, read from the operating system's sockets, shows LISTEN on the
// planned ports and ESTABLISHED on the internal link; stopping the service
// behind the page's back turns it back by itself.
#include "WizardFixture.h"

#include "wizard/HomePage.h"
#include "wizard/Language.h"
#include "wizard/home/ListenerMonitor.h"
#include "wizard/home/ListenerPanel.h"

#include "support/TestPaths.h"

#include "deploy/DeploymentLog.h"
#include "deploy/ServiceSupervisor.h"
#include "topology/Paths.h"

#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

using namespace fedgate;
using namespace fedgate::wizard;

namespace {
const QString kInternal = QStringLiteral("127.0.0.23");
const QString kExternal = QStringLiteral("127.0.0.24");
const QString kClients = QStringLiteral("127.0.0.25");
constexpr int kStepTimeoutMs = 90000;

HomePage::Step step(const HomePage &page, const QString &id)
{
    for (const HomePage::Step &s : page.steps())
        if (s.id == id)
            return s;
    return {};
}

QString describe(const HomePage &page, const QString &id)
{
    return id + QStringLiteral(": ") + step(page, id).stateText;
}

// "LOCAL REMOTE STATE" of every row of the listener table.
QStringList tableRows(const HomePage &page)
{
    QStringList rows;
    auto *table = page.findChild<QTreeWidget *>(QStringLiteral("listeners"));
    for (int i = 0; table && i < table->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = table->topLevelItem(i);
        rows << QStringLiteral("%1 %2 %3")
                    .arg(item->text(ListenerPanel::LocalColumn),
                         item->text(ListenerPanel::RemoteColumn),
                         item->text(ListenerPanel::StateColumn));
    }
    return rows;
}

bool hasRow(const QStringList &rows, const QString &prefix, const QString &state)
{
    for (const QString &row : rows)
        if (row.startsWith(prefix + QLatin1Char(' ')) && row.endsWith(QLatin1Char(' ') + state))
            return true;
    return false;
}
} // namespace

class TestHomePageDeploy : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(Language::install(QStringLiteral("en"))); }
    // Whatever happened, no fedgated outlives the test.
    void cleanup()
    {
        if (!m_data.isEmpty())
            deploy::ServiceSupervisor(deploy::ServiceLayout::forDataDirectory(m_data)).stop();
        m_data.clear();
    }
    void fromNothingToRunningServices();

private:
    QString m_data;
};

void TestHomePageDeploy::fromNothingToRunningServices()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    m_data = fedgate::dataDir();
    QCOMPARE(m_data, qEnvironmentVariable("FEDGATE_DATA_DIR"));

    // The example topology with edge-paris1 on loopback addresses, published.
    QFile example(test::exampleTopologyPath());
    QVERIFY(example.open(QIODevice::ReadOnly));
    QJsonObject document = QJsonDocument::fromJson(example.readAll()).object();
    QJsonArray sites = document[QStringLiteral("sites")].toArray();
    QJsonObject paris = sites[0].toObject();
    QJsonArray pools = paris[QStringLiteral("edgePools")].toArray();
    QJsonObject pool = pools[0].toObject();
    QJsonArray members = pool[QStringLiteral("members")].toArray();
    QJsonObject member = members[0].toObject();
    QCOMPARE(member[QStringLiteral("internalFqdn")].toString(),
             QStringLiteral("edge-paris1.contoso.test"));
    member[QStringLiteral("internalIPv4")] = kInternal;
    member[QStringLiteral("externalIPv4")] = kExternal;
    member[QStringLiteral("externalIPv6")] = QString();
    members[0] = member;
    pool[QStringLiteral("members")] = members;
    pools[0] = pool;
    paris[QStringLiteral("edgePools")] = pools;
    sites[0] = paris;
    document[QStringLiteral("sites")] = sites;
    const QString topologyFile = m_data + QStringLiteral("/loopback-topology.json");
    QFile out(topologyFile);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(document).toJson());
    out.close();
    Status imported = fixture.workspace()->importFile(topologyFile);
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
    QVERIFY(fixture.workspace()->publish(QStringLiteral("loopback edge")).ok());

    HomePage page(fixture.workspace());
    page.resize(1100, 900);
    page.show();
    // Nothing deployed: nothing green but the publication.
    QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy() && page.listenerMonitor()->snapshot().valid, 20000);
    for (const HomePage::Step &s : page.steps())
        if (s.id != QLatin1String("publish"))
            QVERIFY2(s.state != HomePage::StepState::Done, qPrintable(s.id + s.stateText));

    // This machine: edge-paris1, running both roles, clients on loopback.
    auto *machine = page.findChild<QComboBox *>(QStringLiteral("machine"));
    machine->setCurrentIndex(machine->findText(QStringLiteral("edge-paris1.contoso.test")));
    QVERIFY(machine->currentIndex() >= 0);
    emit machine->activated(machine->currentIndex());
    auto *roles = page.findChild<QComboBox *>(QStringLiteral("roles"));
    roles->setCurrentIndex(roles->count() - 1); // edge and gateway
    emit roles->activated(roles->currentIndex());
    auto *options = page.findChild<QLineEdit *>(QStringLiteral("serviceOptions"));
    options->setText(QStringLiteral("--client-listen %1:5222").arg(kClients));
    emit options->editingFinished();

    auto runStep = [&page](const QString &id) {
        QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy(), kStepTimeoutMs);
        auto *run = page.findChild<QPushButton *>(QStringLiteral("run-") + id);
        QVERIFY(run);
        QVERIFY2(run->isEnabled(), qPrintable(describe(page, id) + run->toolTip()));
        QTest::mouseClick(run, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy(), kStepTimeoutMs);
    };

    // Install the local replica.
    runStep(QStringLiteral("replica"));
    QTRY_VERIFY2_WITH_TIMEOUT(step(page, QStringLiteral("replica")).state ==
                                  HomePage::StepState::Done,
                              qPrintable(describe(page, QStringLiteral("replica"))), 20000);
    QCOMPARE(page.findChild<QPushButton *>(QStringLiteral("run-replica"))->text(),
             QStringLiteral("Run Again"));
    auto replicaLog = deploy::DeploymentLog::read(m_data, QStringLiteral("replica"));
    QVERIFY(replicaLog.ok() && !replicaLog.value().isEmpty());

    // Certificates: every interface's from the internal CA, after the question.
    QVERIFY(step(page, QStringLiteral("certificates")).state != HomePage::StepState::Done);
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("internalCa")), Qt::LeftButton);
    auto *confirm = page.findChild<QMessageBox *>(QStringLiteral("confirmInternalCa"));
    QVERIFY(confirm);
    QTest::mouseClick(confirm->findChild<QPushButton *>(QStringLiteral("confirmInternalCaButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy(), kStepTimeoutMs);
    QTRY_VERIFY2_WITH_TIMEOUT(step(page, QStringLiteral("certificates")).state ==
                                  HomePage::StepState::Done,
                              qPrintable(describe(page, QStringLiteral("certificates"))), 20000);

    // Set up components: the service configuration.
    runStep(QStringLiteral("components"));
    QTRY_VERIFY2_WITH_TIMEOUT(step(page, QStringLiteral("components")).state ==
                                  HomePage::StepState::Done,
                              qPrintable(describe(page, QStringLiteral("components"))), 20000);
    QVERIFY(QFile::exists(m_data + QStringLiteral("/service.json")));
    QVERIFY(step(page, QStringLiteral("services")).state != HomePage::StepState::Done);

    // Start services: green only once the operating system shows the
    // listeners and the established internal link. Every refresh of the
    // table is watched (after the page's own handler): green with a row
    // missing is counted.
    QStringList greenTooEarly;
    connect(page.listenerMonitor(), &ListenerMonitor::updated, this, [&page, &greenTooEarly] {
        if (step(page, QStringLiteral("services")).state != HomePage::StepState::Done)
            return;
        const QStringList now = tableRows(page);
        if (!hasRow(now, kExternal + QStringLiteral(":5269"), QStringLiteral("LISTEN")) ||
            !hasRow(now, kInternal + QStringLiteral(":23456"), QStringLiteral("LISTEN")) ||
            !hasRow(now, kInternal + QStringLiteral(":23456"), QStringLiteral("ESTABLISHED")))
            greenTooEarly << now.join(QStringLiteral("; "));
    });
    runStep(QStringLiteral("services"));
    QTRY_VERIFY2_WITH_TIMEOUT(step(page, QStringLiteral("services")).state ==
                                  HomePage::StepState::Done,
                              qPrintable(describe(page, QStringLiteral("services")) +
                                         tableRows(page).join(QLatin1Char('\n'))),
                              kStepTimeoutMs);
    const QStringList rows = tableRows(page);
    QVERIFY2(hasRow(rows, kExternal + QStringLiteral(":5269"), QStringLiteral("LISTEN")),
             qPrintable(rows.join(QLatin1Char('\n'))));
    QVERIFY2(hasRow(rows, kInternal + QStringLiteral(":23456"), QStringLiteral("LISTEN")),
             qPrintable(rows.join(QLatin1Char('\n'))));
    QVERIFY2(hasRow(rows, kInternal + QStringLiteral(":23456"), QStringLiteral("ESTABLISHED")),
             qPrintable(rows.join(QLatin1Char('\n'))));
    QVERIFY2(hasRow(rows, kClients + QStringLiteral(":5222"), QStringLiteral("LISTEN")),
             qPrintable(rows.join(QLatin1Char('\n'))));
    QVERIFY(page.listenerMonitor()->snapshot().healthy());
    QVERIFY2(greenTooEarly.isEmpty(), qPrintable(greenTooEarly.join(QLatin1Char('\n'))));
    QCOMPARE(page.findChild<QPushButton *>(QStringLiteral("run-services"))->text(),
             QStringLiteral("Run Again"));

    // View Log of Start services: the service's own log.
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("log-services")),
                      Qt::LeftButton);
    auto *dialog = page.findChild<QDialog *>(QStringLiteral("logDialog"));
    QVERIFY(dialog);
    const QString log = dialog->findChild<QPlainTextEdit *>(QStringLiteral("log"))->toPlainText();
    QVERIFY2(!log.isEmpty() && log != QStringLiteral("Nothing logged yet for this step."),
             qPrintable(log));
    dialog->close();

    // Verify runs the whole checklist; green only when every check passed:
    // here the DNS records and the partners are not reachable, so not green,
    // and its log says what failed with the fix.
    runStep(QStringLiteral("verify"));
    QVERIFY2(step(page, QStringLiteral("verify")).state == HomePage::StepState::Failed,
             qPrintable(describe(page, QStringLiteral("verify"))));
    QVERIFY2(
        step(page, QStringLiteral("verify")).stateText.contains(QStringLiteral(" checks passed.")),
        qPrintable(describe(page, QStringLiteral("verify"))));
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("log-verify")), Qt::LeftButton);
    const QString checks = page.findChildren<QDialog *>(QStringLiteral("logDialog"))
                               .constLast()
                               ->findChild<QPlainTextEdit *>(QStringLiteral("log"))
                               ->toPlainText();
    QVERIFY2(checks.contains(QStringLiteral("[pass] ")) &&
                 checks.contains(QStringLiteral("[fail] ")),
             qPrintable(checks));

    // Stopped behind the page's back: the state follows by itself (no
    // click, no refresh call).
    const deploy::ServiceState before =
        deploy::ServiceSupervisor(deploy::ServiceLayout::forDataDirectory(m_data)).status();
    QVERIFY(before.running);
    Status stopped =
        deploy::ServiceSupervisor(deploy::ServiceLayout::forDataDirectory(m_data)).stop();
    QVERIFY2(stopped.ok(), qPrintable(stopped.ok() ? QString() : stopped.error().toString()));
    QTRY_VERIFY2_WITH_TIMEOUT(step(page, QStringLiteral("services")).state !=
                                  HomePage::StepState::Done,
                              qPrintable(describe(page, QStringLiteral("services"))), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(step(page, QStringLiteral("services")).stateText,
                              QStringLiteral("Not running."), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(page.findChild<QLabel *>(QStringLiteral("listenerFindings"))
                                 ->text()
                                 .contains(QStringLiteral("fedgated is not running.")),
                             20000);
}

QTEST_MAIN(TestHomePageDeploy)
#include "tst_homepage_deploy.moc"
