#include "WizardFixture.h"

#include "wizard/HomePage.h"
#include "wizard/Language.h"

#include "support/PeerProcess.h"

#include "topology/LocalReplica.h"

#ifdef FEDGATE_HAVE_CERTS
#include "certs/KeyStore.h"
#endif

#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace fedgate;
using namespace fedgate::wizard;

class TestHomePage : public QObject
{
    Q_OBJECT
private slots:
    // The English catalogue holds the plural forms; install it as the
    // application does.
    void initTestCase() { QVERIFY(Language::install(QStringLiteral("en"))); }
    void cleanup() { Language::install(QStringLiteral("en")); }
    void unavailableStepsAreDisabledNotFaked();
    void replicaInstallsAfterPublish();
#ifdef FEDGATE_HAVE_CERTS
    void certificateCountsUsePluralForms();
#endif
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

#ifdef FEDGATE_HAVE_CERTS
namespace {
// A self-signed certificate and its key in one PEM file, made with openssl.
bool makePem(const QString &path, const QString &commonName)
{
    const QString crt = path + QStringLiteral(".crt");
    if (test::runCommand(QStringLiteral("openssl"),
                         {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                          QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                          QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                          QStringLiteral("-keyout"), path, QStringLiteral("-out"), crt,
                          QStringLiteral("-subj"), QStringLiteral("/CN=") + commonName,
                          QStringLiteral("-days"), QStringLiteral("90")}) != 0)
        return false;
    QFile in(crt);
    QFile out(path);
    return in.open(QIODevice::ReadOnly) && out.open(QIODevice::Append) &&
           out.write(in.readAll()) > 0;
}

QString stateText(HomePage &page, const QString &step)
{
    auto *label = page.findChild<QLabel *>(QStringLiteral("state-") + step);
    return label ? label->text() : QStringLiteral("(no label state-%1)").arg(step);
}
} // namespace

// "1 certificate", "2 certificates", never "certificate(s)".
void TestHomePage::certificateCountsUsePluralForms()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    QTemporaryDir files;
    certs::KeyStore store;
    const QString first = files.filePath(QStringLiteral("one.pem"));
    QVERIFY(makePem(first, QStringLiteral("one.contoso.test")));
    auto imported = store.importFile(first, {});
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
    {
        HomePage page(fixture.workspace());
        QCOMPARE(stateText(page, QStringLiteral("certificates-import")),
                 QStringLiteral("1 certificate imported."));
        QCOMPARE(stateText(page, QStringLiteral("certificates-request")),
                 QStringLiteral("0 pending requests, 1 certificate in the key store."));
    }
    const QString second = files.filePath(QStringLiteral("two.pem"));
    QVERIFY(makePem(second, QStringLiteral("two.contoso.test")));
    imported = store.importFile(second, {});
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
    {
        HomePage page(fixture.workspace());
        QCOMPARE(stateText(page, QStringLiteral("certificates-import")),
                 QStringLiteral("2 certificates imported."));
        QCOMPARE(stateText(page, QStringLiteral("certificates-request")),
                 QStringLiteral("0 pending requests, 2 certificates in the key store."));
    }
    QVERIFY(Language::install(QStringLiteral("fr")));
    HomePage page(fixture.workspace());
    QCOMPARE(stateText(page, QStringLiteral("certificates-import")),
             QStringLiteral("2 certificats importés."));
    QCOMPARE(stateText(page, QStringLiteral("certificates-request")),
             QStringLiteral("0 demande en attente, 2 certificats dans le magasin de clés."));
}
#endif

QTEST_MAIN(TestHomePage)
#include "tst_homepage.moc"
