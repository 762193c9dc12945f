#include "WizardFixture.h"

#include "support/DnsmasqServer.h"
#include "wizard/DnsPage.h"
#include "wizard/Language.h"

#include "topology/DnsChecker.h"
#include "topology/DnsExport.h"
#include "topology/DnsRecordPlan.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

#include <optional>

using namespace fedgate;
using namespace fedgate::wizard;

class TestDnsPage : public QObject
{
    Q_OBJECT
private slots:
    // The English catalogue holds the plural forms; install it as the
    // application does.
    void initTestCase() { QVERIFY(Language::install(QStringLiteral("en"))); }
    void rowsFillInAgainstDnsmasq();
    void frenchPurposesAndFindings();
    void nothingListensIsOneFindingAfterARestartToo();
    void cleanup() { Language::install(QStringLiteral("en")); }
};

void TestDnsPage::rowsFillInAgainstDnsmasq()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    QVERIFY(fixture.workspace()->publish(QStringLiteral("for DNS")).ok());
    const topology::DnsRecordPlan plan =
        topology::DnsRecordPlan::fromTopology(fixture.workspace()->topology());
    QVERIFY(plan.records(topology::DnsZone::External).size() >= 3);

    // The zone as planned, except the address of the second edge's external
    // name: that row must come back "missing", with its fix.
    std::optional<topology::DnsRecord> dropped;
    QStringList zone;
    const QList<topology::DnsRecord> external = plan.records(topology::DnsZone::External);
    for (const topology::DnsRecord &r : external) {
        if (!dropped && r.type == topology::DnsRecordType::A &&
            r.name == QLatin1String("xmpp2.contoso.test")) {
            dropped = r;
            continue;
        }
        zone << r.zoneLine();
    }
    QVERIFY(dropped.has_value());
    test::DnsmasqServer dns(QHostAddress(QStringLiteral("127.0.0.71")));
    QString error;
    QVERIFY2(dns.addZone(zone.join(QLatin1Char('\n')), &error), qPrintable(error));
    QVERIFY2(dns.start(&error), qPrintable(error));

    DnsPage page(fixture.workspace());
    page.resize(1100, 700);
    page.show();
    auto *records = page.findChild<QTreeWidget *>(QStringLiteral("records"));
    QCOMPARE(records->topLevelItemCount(), int(plan.records().size()));
    QSignalSpy checked(&page, &DnsPage::checked);
    QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("server")),
                     QStringLiteral("127.0.0.71"));
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("checkNow")), Qt::LeftButton);
    QVERIFY(page.isChecking());
    QVERIFY(checked.wait(20000));

    int ok = 0;
    for (int i = 0; i < records->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = records->topLevelItem(i);
        const topology::DnsRecord &r = plan.records().at(i);
        if (r.zone != topology::DnsZone::External) {
            QCOMPARE(item->text(0), QStringLiteral("not checked"));
        } else if (r.name == dropped->name && r.type == topology::DnsRecordType::A) {
            QCOMPARE(item->text(0), QStringLiteral("missing"));
        } else {
            QVERIFY2(item->text(0) == QLatin1String("OK"),
                     qPrintable(r.zoneLine() + QStringLiteral(": ") + item->text(0)));
            QVERIFY(!item->text(4).isEmpty()); // what the server answered
            ++ok;
        }
    }
    QCOMPARE(checked.first().at(0).toInt(), ok);
    QCOMPARE(checked.first().at(2).toBool(), false);
    // The summary counts in words, never "record(s)".
    const QString summary = page.findChild<QLabel *>(QStringLiteral("message"))->text();
    QVERIFY2(summary.startsWith(QStringLiteral("%1 of %2 records correct on 127.0.0.71 (")
                                    .arg(ok)
                                    .arg(checked.first().at(1).toInt())),
             qPrintable(summary));

    // The finding names the record to create.
    auto *findings = page.findChild<QListWidget *>(QStringLiteral("findings"));
    bool fix = false;
    for (int i = 0; i < findings->count(); ++i)
        fix = fix || findings->item(i)->text().contains(QStringLiteral("xmpp2.contoso.test"));
    QVERIFY(fix);

    // Copy to the clipboard gives the zone snippet.
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("copyZone")), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), topology::DnsExport::zoneSnippet(plan));
}

void TestDnsPage::frenchPurposesAndFindings()
{
    // The DNS page in French: the purpose column and the findings come from
    // the topology library, translated through fedgate_core_fr.ts.
    QVERIFY(Language::install(QStringLiteral("fr")));
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    QVERIFY(fixture.workspace()->publish(QStringLiteral("for DNS")).ok());
    const topology::DnsRecordPlan plan =
        topology::DnsRecordPlan::fromTopology(fixture.workspace()->topology());
    QStringList zone;
    for (const topology::DnsRecord &r : plan.records(topology::DnsZone::External))
        if (r.name != QLatin1String("xmpp2.contoso.test") || r.type == topology::DnsRecordType::SRV)
            zone << r.zoneLine();
    test::DnsmasqServer dns(QHostAddress(QStringLiteral("127.0.0.71")));
    QString error;
    QVERIFY2(dns.addZone(zone.join(QLatin1Char('\n')), &error), qPrintable(error));
    QVERIFY2(dns.start(&error), qPrintable(error));

    DnsPage page(fixture.workspace());
    page.resize(1100, 700);
    page.show();
    auto *records = page.findChild<QTreeWidget *>(QStringLiteral("records"));
    QVERIFY(records->topLevelItemCount() >= 3);
    constexpr int purposeColumn = 5;
    QCOMPARE(records->headerItem()->text(purposeColumn), QStringLiteral("Rôle"));
    bool srvPurpose = false;
    bool addressPurpose = false;
    for (int i = 0; i < records->topLevelItemCount(); ++i) {
        const QString purpose = records->topLevelItem(i)->text(purposeColumn);
        QVERIFY2(!purpose.contains(QStringLiteral("edge pool")), qPrintable(purpose));
        srvPurpose =
            srvPurpose ||
            purpose.startsWith(QStringLiteral("Les serveurs des partenaires trouvent le pool de "
                                              "périphérie "));
        addressPurpose = addressPurpose ||
                         purpose.startsWith(QStringLiteral("Adresse IPv4 externe du serveur de "
                                                           "périphérie "));
    }
    QVERIFY(srvPurpose);
    QVERIFY(addressPurpose);
    // Findings about a silent resolver name it in French too.
    QCOMPARE(topology::DnsChecker::serverLabel(QHostAddress()),
             QStringLiteral("le résolveur du système"));

    QSignalSpy checked(&page, &DnsPage::checked);
    QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("server")),
                     QStringLiteral("127.0.0.71"));
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("checkNow")), Qt::LeftButton);
    QVERIFY(checked.wait(20000));
    // xmpp2.contoso.test, an SRV target, has no address in the zone.
    auto *findings = page.findChild<QListWidget *>(QStringLiteral("findings"));
    QString finding;
    for (int i = 0; i < findings->count(); ++i)
        if (findings->item(i)->text().contains(QStringLiteral("xmpp2.contoso.test")))
            finding = findings->item(i)->text();
    QVERIFY2(finding.startsWith(QStringLiteral(
                 "xmpp2.contoso.test. est la cible d'un enregistrement SRV mais n'a aucun "
                 "enregistrement A ni AAAA : les partenaires trouvent la périphérie sans pouvoir "
                 "s'y connecter. Créez `xmpp2.contoso.test. 3600 IN A ")),
             qPrintable(finding));
}

void TestDnsPage::nothingListensIsOneFindingAfterARestartToo()
{
    // Issue 12 item 4: nothing listens on 127.0.0.154. One "could not ask"
    // finding, every external row "not checked", none "missing"; a new page
    // (the wizard restarted) shows that last result again.
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    QVERIFY(fixture.workspace()->publish(QStringLiteral("for DNS")).ok());
    int rows = 0;
    {
        DnsPage page(fixture.workspace());
        QSignalSpy checked(&page, &DnsPage::checked);
        QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("server")),
                         QStringLiteral("127.0.0.154"));
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("checkNow")),
                          Qt::LeftButton);
        QVERIFY(checked.wait(20000));
        QCOMPARE(checked.first().at(2).toBool(), false);
        auto *findings = page.findChild<QListWidget *>(QStringLiteral("findings"));
        QCOMPARE(findings->count(), 1);
        QVERIFY2(findings->item(0)->text().startsWith(
                     QStringLiteral("Could not ask 127.0.0.154: connection refused")),
                 qPrintable(findings->item(0)->text()));
        auto *records = page.findChild<QTreeWidget *>(QStringLiteral("records"));
        rows = records->topLevelItemCount();
        for (int i = 0; i < rows; ++i) {
            const QString status = records->topLevelItem(i)->text(0);
            QVERIFY2(status == QLatin1String("not checked: unreachable") ||
                         status == QLatin1String("not checked"),
                     qPrintable(status));
        }
    }
    DnsPage restarted(fixture.workspace());
    auto *records = restarted.findChild<QTreeWidget *>(QStringLiteral("records"));
    QCOMPARE(records->topLevelItemCount(), rows);
    int unreachable = 0;
    for (int i = 0; i < rows; ++i)
        unreachable +=
            records->topLevelItem(i)->text(0) == QLatin1String("not checked: unreachable");
    QVERIFY(unreachable > 0);
    auto *findings = restarted.findChild<QListWidget *>(QStringLiteral("findings"));
    QCOMPARE(findings->count(), 1);
    const QString message = restarted.findChild<QLabel *>(QStringLiteral("message"))->text();
    QVERIFY2(message.startsWith(QStringLiteral("Last check (")), qPrintable(message));
}

QTEST_MAIN(TestDnsPage)
#include "tst_dnspage.moc"
