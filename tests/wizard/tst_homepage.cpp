#include "WizardFixture.h"

#include "wizard/HomePage.h"

#include "topology/LocalReplica.h"

#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace fedgate;
using namespace fedgate::wizard;

class TestHomePage : public QObject
{
    Q_OBJECT
private slots:
    void unavailableStepsAreDisabledNotFaked();
    void replicaInstallsAfterPublish();
};

void TestHomePage::unavailableStepsAreDisabledNotFaked()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    HomePage page(fixture.workspace());

    for (const HomePage::Step &step : page.steps()) {
        if (step.id == QLatin1String("publish") || step.id == QLatin1String("replica"))
            continue;
#ifdef FEDGATE_HAVE_ENGINE
        if (step.id == QLatin1String("services")) {
            // No fedgated answers in this data directory: reported, not faked,
            // and the wizard does not offer to start it.
            QVERIFY(step.state != HomePage::StepState::Done);
            QVERIFY(!step.canRun);
            QTRY_VERIFY(page.findChild<QLabel *>(QStringLiteral("state-services")) &&
                        page.findChild<QLabel *>(QStringLiteral("state-services"))
                            ->text()
                            .startsWith(QStringLiteral("fedgated is not running")));
            continue;
        }
#endif
        if (step.id == QLatin1String("dns")) {
            // Available, but nothing checked yet in this session.
            QVERIFY(step.state == HomePage::StepState::NotDone);
            QVERIFY(step.canRun);
            continue;
        }
#ifdef FEDGATE_HAVE_CERTS
        // With the certs library the certificate steps report the key store.
        if (step.id.startsWith(QLatin1String("certificates-"))) {
            QVERIFY(step.state != HomePage::StepState::Unavailable);
            QVERIFY(step.state != HomePage::StepState::Done);
            continue;
        }
#endif
        QVERIFY(step.state == HomePage::StepState::Unavailable);
        auto *button = page.findChild<QPushButton *>(QStringLiteral("run-") + step.id);
        QVERIFY(button);
        QVERIFY(!button->isEnabled());
        auto *state = page.findChild<QLabel *>(QStringLiteral("state-") + step.id);
        QCOMPARE(state->text(), QStringLiteral("Not available in this version."));
    }
    // Nothing published: the replica step cannot run yet.
    QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("run-replica"))->isEnabled());
    QCOMPARE(page.findChild<QLabel *>(QStringLiteral("state-publish"))->text(),
             QStringLiteral("Not published yet."));
}

void TestHomePage::replicaInstallsAfterPublish()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    HomePage page(fixture.workspace());
    auto published = fixture.workspace()->publish(QStringLiteral("first"));
    QVERIFY2(published.ok(), qPrintable(published.ok() ? QString() : published.error().toString()));
    QCOMPARE(published.value(), 1);

    QVERIFY(page.findChild<QLabel *>(QStringLiteral("state-publish"))
                ->text()
                .startsWith(QStringLiteral("Version 1 published")));
    auto *run = page.findChild<QPushButton *>(QStringLiteral("run-replica"));
    QVERIFY(run->isEnabled());
    QCOMPARE(run->text(), QStringLiteral("Run"));
    QTest::mouseClick(run, Qt::LeftButton);
    const QString message = page.findChild<QLabel *>(QStringLiteral("message"))->text();
    QVERIFY2(message.startsWith(QStringLiteral("The local configuration store now holds")),
             qPrintable(message));

    // The core state changed: the local replica holds version 1.
    auto replica = topology::LocalReplica::open(fixture.replicaPath());
    QVERIFY2(replica.ok(), qPrintable(replica.ok() ? QString() : replica.error().toString()));
    auto current = replica.value()->current();
    QVERIFY2(current.ok(), qPrintable(current.ok() ? QString() : current.error().toString()));
    QVERIFY(current.value().has_value());
    QCOMPARE(current.value()->version, 1);
    QCOMPARE(current.value()->topology.organisation.name, QStringLiteral("Contoso"));

    // The page shows it, and offers Run Again.
    auto *state = page.findChild<QLabel *>(QStringLiteral("state-replica"));
    QVERIFY(state->text().startsWith(QStringLiteral("Version 1 installed")));
    QCOMPARE(page.findChild<QPushButton *>(QStringLiteral("run-replica"))->text(),
             QStringLiteral("Run Again"));
}

QTEST_MAIN(TestHomePage)
#include "tst_homepage.moc"
