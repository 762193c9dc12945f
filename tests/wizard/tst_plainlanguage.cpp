// Plain language (issue 12 item 3): every finding of the example and its
// common mistakes, every line of the publish dialog's summary and the
// versions list read without an internal path or an enum spelling, in
// English and in French; Publish shows no success mark while errors remain.
#include "WizardFixture.h"

#include "wizard/Language.h"
#include "wizard/PublishDialog.h"
#include "wizard/TopologyPage.h"
#include "wizard/VersionsDialog.h"

#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace fedgate;
using namespace fedgate::wizard;

namespace {
QString internalSpelling(const QString &text)
{
    static const QRegularExpression internal(
        QStringLiteral("sites/|edgePools|frontEndPools|/members/|partners/|policies/|users/|"
                       "NotSupported|PublicVerified|PublicUnverified|xmppFederationRoute|"
                       "externalIPv4|internalIPv4|tlsNegotiation|saslNegotiation|nextHopPool|"
                       "xmppFederation\\b|description\\b:"));
    const QRegularExpressionMatch m = internal.match(text);
    return m.hasMatch() ? m.captured() : QString();
}

// The common mistakes an administrator makes, one draft each.
QList<topology::Topology> mistakes(const topology::Topology &base)
{
    QList<topology::Topology> list;
    topology::Topology t = base;
    t.edgePool(QStringLiteral("edge-paris.contoso.test"))->xmppFederation = false;
    list << t;
    t = base;
    t.edgePool(QStringLiteral("edge-mtl.contoso.test"))->members[0].externalIPv4 =
        base.edgePool(QStringLiteral("edge-paris.contoso.test"))->members[0].externalIPv4;
    t.edgePool(QStringLiteral("edge-mtl.contoso.test"))->members[0].internalIPv4.clear();
    t.edgePool(QStringLiteral("edge-mtl.contoso.test"))->members[0].internalIPv6.clear();
    list << t;
    t = base;
    t.partner(QStringLiteral("fabrikam.test"))->tls = topology::Negotiation::NotSupported;
    t.partner(QStringLiteral("fabrikam.test"))->sasl = topology::Negotiation::Optional;
    t.organisation.xmppDomains.clear();
    t.users[0].site = QStringLiteral("Lyon");
    list << t;
    t = base;
    t.site(QStringLiteral("Paris"))->xmppFederationRoute = QStringLiteral("nowhere.contoso.test");
    t.edgePool(QStringLiteral("edge-mtl.contoso.test"))->nextHopPool = QStringLiteral("x.test");
    list << t;
    return list;
}
} // namespace

class TestPlainLanguage : public QObject
{
    Q_OBJECT
private slots:
    void cleanup() { Language::install(QStringLiteral("en")); }
    void findingsPublishAndVersionsReadPlainly_data();
    void findingsPublishAndVersionsReadPlainly();
    void publishShowsNoSuccessMarkWhileErrorsRemain();
};

void TestPlainLanguage::findingsPublishAndVersionsReadPlainly_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("siteWord");
    QTest::newRow("English") << QStringLiteral("en") << QStringLiteral("site Paris");
    QTest::newRow("French") << QStringLiteral("fr") << QStringLiteral("site Paris");
}

void TestPlainLanguage::findingsPublishAndVersionsReadPlainly()
{
    QFETCH(QString, language);
    QFETCH(QString, siteWord);
    QVERIFY(Language::install(language));
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    const topology::Topology base = fixture.workspace()->topology();
    QCOMPARE(fixture.workspace()->publish(QStringLiteral("first")).value(), 1);

    int lines = 0;
    bool namedASite = false;
    for (const topology::Topology &mistake : mistakes(fixture.workspace()->topology())) {
        QVERIFY(fixture.workspace()->setTopology(mistake).ok());
        TopologyPage page(fixture.workspace());
        auto *findings = page.findChild<QListWidget *>(QStringLiteral("findings"));
        QVERIFY(findings->count() > 0);
        for (int i = 0; i < findings->count(); ++i) {
            const QString text = findings->item(i)->text();
            QVERIFY2(internalSpelling(text).isEmpty(), qPrintable(text));
            namedASite = namedASite || text.contains(siteWord);
            ++lines;
        }
    }
    QVERIFY(namedASite);

    // A valid edit: the publish dialog's summary, in words.
    topology::Topology edited = fixture.workspace()->publishedTopology(1).value();
    edited.partner(QStringLiteral("fabrikam.test"))->sasl = topology::Negotiation::NotSupported;
    edited.partner(QStringLiteral("fabrikam.test"))->dialback = true;
    edited.edgePool(QStringLiteral("edge-paris.contoso.test"))->members[0].externalIPv4 =
        QStringLiteral("192.0.2.77");
    edited.site(QStringLiteral("Montreal"))->xmppFederationRoute =
        QStringLiteral("edge-paris.contoso.test");
    QVERIFY(fixture.workspace()->setTopology(edited).ok());
    TopologyPage page(fixture.workspace());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("publish")), Qt::LeftButton);
    auto *dialog = page.findChild<PublishDialog *>();
    QVERIFY2(dialog, qPrintable(page.findChild<QLabel *>(QStringLiteral("message"))->text()));
    const QString diff = dialog->findChild<QPlainTextEdit *>(QStringLiteral("diff"))->toPlainText();
    QCOMPARE(diff.count(QLatin1Char('\n')) + 1, 4);
    QVERIFY2(internalSpelling(diff).isEmpty(), qPrintable(diff));
    QVERIFY2(diff.contains(QStringLiteral("192.0.2.77")), qPrintable(diff));
    QVERIFY2(diff.contains(language == QLatin1String("fr") ? QStringLiteral("Non pris en charge")
                                                           : QStringLiteral("Not supported")),
             qPrintable(diff));
    // Outstanding warnings are listed before the admin confirms.
    auto *warnings = dialog->findChild<QListWidget *>(QStringLiteral("warnings"));
    QVERIFY(warnings && warnings->count() > 0);
    for (int i = 0; i < warnings->count(); ++i)
        QVERIFY2(internalSpelling(warnings->item(i)->text()).isEmpty(),
                 qPrintable(warnings->item(i)->text()));
    QTest::mouseClick(dialog->publishButton(), Qt::LeftButton);
    QCOMPARE(fixture.workspace()->latestVersion().value(), 2);

    VersionsDialog versions(fixture.workspace(), &page);
    auto *list = versions.findChild<QTreeWidget *>(QStringLiteral("versions"));
    QCOMPARE(list->topLevelItemCount(), 2);
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        QVERIFY2(internalSpelling(list->topLevelItem(i)->text(4)).isEmpty(),
                 qPrintable(list->topLevelItem(i)->text(4)));
    QVERIFY(lines > 4);
}

void TestPlainLanguage::publishShowsNoSuccessMarkWhileErrorsRemain()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    TopologyPage page(fixture.workspace());
    auto *publish = page.findChild<QPushButton *>(QStringLiteral("publish"));
    const QImage done = QIcon(QStringLiteral(":/icons/status-done.svg")).pixmap(16).toImage();
    QCOMPARE(publish->icon().pixmap(16).toImage(), done);
    topology::Topology broken = fixture.workspace()->topology();
    broken.edgePool(QStringLiteral("edge-paris.contoso.test"))->xmppFederation = false;
    QVERIFY(fixture.workspace()->setTopology(broken).ok());
    QVERIFY(publish->icon().pixmap(16).toImage() != done);
    QVERIFY(!publish->toolTip().isEmpty());
    fixture.workspace()->undoStack()->undo();
    QCOMPARE(publish->icon().pixmap(16).toImage(), done);
}

QTEST_MAIN(TestPlainLanguage)
#include "tst_plainlanguage.moc"
