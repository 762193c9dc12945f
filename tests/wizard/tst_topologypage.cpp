#include "WizardFixture.h"

#include "wizard/Language.h"
#include "wizard/PublishDialog.h"
#include "wizard/TopologyPage.h"

#include "topology/CentralStore.h"
#include "topology/Validation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>
#include <QWizard>

using namespace fedgate;
using namespace fedgate::wizard;

namespace {
const QString kParisEdge = QStringLiteral("sites/Paris/edgePools/edge-paris.contoso.test");

QTreeWidgetItem *itemWithPath(QTreeWidget *tree, const QString &path)
{
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        if ((*it)->data(0, Qt::UserRole).toString() == path)
            return *it;
    }
    return nullptr;
}

QTreeWidget *tree(QWidget &page)
{
    return page.findChild<QTreeWidget *>(QStringLiteral("tree"));
}

void clickItem(QTreeWidget *tree, QTreeWidgetItem *item)
{
    const QRect r = tree->visualItemRect(item);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, r.center());
}

// Replaces a line edit's text as a user would and leaves the field.
void retype(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}
} // namespace

class TestTopologyPage : public QObject
{
    Q_OBJECT
private slots:
    // The English catalogue holds the plural forms; install it as the
    // application does.
    void initTestCase() { QVERIFY(Language::install(QStringLiteral("en"))); }
    void cleanup() { Language::install(QStringLiteral("en")); }
    void editingAFieldSavesTheDraft();
    void findingSummaryUsesPluralForms();
    void gatewaySettingsAreEditedOnTheOrganisation();
    void disablingXmppShowsAFindingThatSelectsTheObject();
    void publishShowsDiffThenNewVersion();
    void addSiteAndEdgePool();
};

void TestTopologyPage::editingAFieldSavesTheDraft()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    TopologyPage page(fixture.workspace());
    page.resize(1100, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));

    auto *tree = page.findChild<QTreeWidget *>(QStringLiteral("tree"));
    clickItem(tree, itemWithPath(tree, kParisEdge));
    QCOMPARE(page.selectedPath(), kParisEdge);
    auto *external = page.findChild<QLineEdit *>(QStringLiteral("edgeExternalFqdn"));
    QVERIFY(external->isVisible());
    retype(external, QStringLiteral("federation.contoso.test"));

    QCOMPARE(fixture.workspace()
                 ->topology()
                 .edgePool(QStringLiteral("edge-paris.contoso.test"))
                 ->externalFqdn,
             QStringLiteral("federation.contoso.test"));
    // Saved to the store's draft, where fedgatectl sees it too.
    auto store = topology::CentralStore::open(fixture.storePath());
    QVERIFY(store.ok());
    auto draft = store.value()->draft();
    QVERIFY(draft.ok() && draft.value().has_value());
    QCOMPARE(
        draft.value()->topology.edgePool(QStringLiteral("edge-paris.contoso.test"))->externalFqdn,
        QStringLiteral("federation.contoso.test"));
}

// Replaces a spin box's value as a user would: select, type, Enter.
void retypeNumber(QSpinBox *spin, int value)
{
    spin->setFocus();
    spin->selectAll();
    QTest::keyClick(spin, Qt::Key_Backspace);
    QTest::keyClicks(spin, QString::number(value));
    QTest::keyClick(spin, Qt::Key_Return);
}

void TestTopologyPage::gatewaySettingsAreEditedOnTheOrganisation()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    TopologyPage page(fixture.workspace());
    page.resize(1100, 900);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));

    auto *tree = page.findChild<QTreeWidget *>(QStringLiteral("tree"));
    clickItem(tree, itemWithPath(tree, kParisEdge));
    auto *limit = page.findChild<QSpinBox *>(QStringLiteral("gatewayConnectionLimit"));
    QVERIFY(limit);
    QVERIFY(!limit->isVisible());
    clickItem(tree, itemWithPath(tree, QStringLiteral("organisation")));
    QVERIFY(limit->isVisible());
    // The form shows the draft's values.
    const topology::GatewaySettings initial = fixture.workspace()->topology().gateway;
    QCOMPARE(limit->value(), initial.connectionLimit);
    auto *inactivity = page.findChild<QSpinBox *>(QStringLiteral("gatewayStreamInactivity"));
    QCOMPARE(inactivity->value(), initial.streamInactivityTimeout);
    QCOMPARE(inactivity->suffix(), QStringLiteral(" s"));

    retypeNumber(limit, 2500);
    retypeNumber(page.findChild<QSpinBox *>(QStringLiteral("gatewayPartnerConnectionLimit")), 35);
    retypeNumber(page.findChild<QSpinBox *>(QStringLiteral("gatewayKeepAliveInterval")), 120);
    retypeNumber(page.findChild<QSpinBox *>(QStringLiteral("gatewayStreamEstablishment")), 45);
    retypeNumber(inactivity, 900);
    retypeNumber(page.findChild<QSpinBox *>(QStringLiteral("gatewaySubscriptionRefresh")), 7200);
    auto *bodies = page.findChild<QCheckBox *>(QStringLiteral("gatewayLogMessageBodies"));
    QVERIFY(!bodies->isChecked());
    QTest::mouseClick(bodies, Qt::LeftButton, {}, QPoint(5, bodies->height() / 2));
    // Out of range input is clamped by the field, never saved as typed.
    retypeNumber(page.findChild<QSpinBox *>(QStringLiteral("gatewaySubscriptionRefresh")), 9999999);

    auto store = topology::CentralStore::open(fixture.storePath());
    QVERIFY(store.ok());
    auto draft = store.value()->draft();
    QVERIFY(draft.ok() && draft.value().has_value());
    const topology::GatewaySettings &g = draft.value()->topology.gateway;
    QCOMPARE(g.connectionLimit, 2500);
    QCOMPARE(g.partnerConnectionLimit, 35);
    QCOMPARE(g.keepAliveInterval, 120);
    QCOMPARE(g.streamEstablishmentTimeout, 45);
    QCOMPARE(g.streamInactivityTimeout, 900);
    QVERIFY(g.subscriptionRefreshInterval >= 1 && g.subscriptionRefreshInterval <= 604800);
    QVERIFY(g.enableLoggingAllMessageBodies);
    // The secret the form does not show is kept.
    QCOMPARE(g.dialbackSecret, initial.dialbackSecret);
    // The organisation's own fields are untouched.
    QCOMPARE(draft.value()->topology.organisation, fixture.workspace()->topology().organisation);

    // Coming back to the organisation shows the saved values.
    clickItem(tree, itemWithPath(tree, kParisEdge));
    clickItem(tree, itemWithPath(tree, QStringLiteral("organisation")));
    QCOMPARE(limit->value(), 2500);
    QVERIFY(bodies->isChecked());

    // A finding about the gateway settings (a limit of 0 from an imported
    // file) selects the organisation, where they are edited.
    topology::Topology broken = fixture.workspace()->topology();
    broken.gateway.connectionLimit = 0;
    QVERIFY(fixture.workspace()->setTopology(broken).ok());
    clickItem(tree, itemWithPath(tree, kParisEdge));
    auto *findings = page.findChild<QListWidget *>(QStringLiteral("findings"));
    QListWidgetItem *gatewayFinding = nullptr;
    for (int i = 0; i < findings->count(); ++i) {
        if (findings->item(i)->data(Qt::UserRole).toString() == QLatin1String("gateway"))
            gatewayFinding = findings->item(i);
    }
    QVERIFY2(gatewayFinding, "no finding about the gateway settings");
    findings->scrollToItem(gatewayFinding);
    QTest::mouseClick(findings->viewport(), Qt::LeftButton, {},
                      findings->visualItemRect(gatewayFinding).center());
    QCOMPARE(page.selectedPath(), QStringLiteral("organisation"));
    QVERIFY(limit->isVisible());
}

// "1 error", "2 errors", never "error(s)", in English and in French.
void TestTopologyPage::findingSummaryUsesPluralForms()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    // At least one error: Paris routes through a pool without XMPP.
    topology::Topology t = fixture.workspace()->topology();
    t.edgePool(QStringLiteral("edge-paris.contoso.test"))->xmppFederation = false;
    QVERIFY(fixture.workspace()->setTopology(t).ok());
    int errors = 0;
    int warnings = 0;
    for (const topology::Finding &f : topology::validate(t))
        (f.severity == topology::Severity::Error ? errors : warnings) += 1;
    QVERIFY(errors > 0);

    const auto count = [](int n, const char *one, const char *many) {
        return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
    };
    {
        TopologyPage page(fixture.workspace());
        const QString summary = page.findChild<QLabel *>(QStringLiteral("findingSummary"))->text();
        QVERIFY2(!summary.contains(QStringLiteral("(s)")), qPrintable(summary));
        QVERIFY2(summary.startsWith(count(errors, "error", "errors") + QStringLiteral(" and ") +
                                    count(warnings, "warning", "warnings") + QLatin1Char('.')),
                 qPrintable(summary));
    }
    {
        QVERIFY(Language::install(QStringLiteral("fr")));
        TopologyPage page(fixture.workspace());
        const QString summary = page.findChild<QLabel *>(QStringLiteral("findingSummary"))->text();
        // French uses the singular for 0 and 1.
        const auto fr = [](int n, const char *one, const char *many) {
            return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n <= 1 ? one : many));
        };
        QVERIFY2(summary.startsWith(fr(errors, "erreur", "erreurs") + QStringLiteral(" et ") +
                                    fr(warnings, "avertissement", "avertissements")),
                 qPrintable(summary));
        QVERIFY2(!summary.contains(QStringLiteral("(s)")), qPrintable(summary));
    }
}

void TestTopologyPage::disablingXmppShowsAFindingThatSelectsTheObject()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    TopologyPage page(fixture.workspace());
    page.resize(1100, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *findings = page.findChild<QListWidget *>(QStringLiteral("findings"));
    const int before = findings->count();

    auto *tree = page.findChild<QTreeWidget *>(QStringLiteral("tree"));
    clickItem(tree, itemWithPath(tree, kParisEdge));
    auto *xmpp = page.findChild<QCheckBox *>(QStringLiteral("enableXmpp"));
    QVERIFY(xmpp->isChecked());
    QTest::mouseClick(xmpp, Qt::LeftButton, {}, QPoint(5, xmpp->height() / 2));
    QVERIFY(!fixture.workspace()
                 ->topology()
                 .edgePool(QStringLiteral("edge-paris.contoso.test"))
                 ->xmppFederation);

    // Paris still routes through this pool: validation says so, live.
    QVERIFY(findings->count() > before);
    QListWidgetItem *routeFinding = nullptr;
    for (int i = 0; i < findings->count(); ++i) {
        if (findings->item(i)->data(Qt::UserRole).toString() == QLatin1String("sites/Paris"))
            routeFinding = findings->item(i);
    }
    QVERIFY2(routeFinding, "no finding about site Paris");

    // Select something else, then click the finding: the site is selected.
    clickItem(tree, itemWithPath(tree, QStringLiteral("organisation")));
    QCOMPARE(page.selectedPath(), QStringLiteral("organisation"));
    findings->scrollToItem(routeFinding);
    QTest::mouseClick(findings->viewport(), Qt::LeftButton, {},
                      findings->visualItemRect(routeFinding).center());
    QCOMPARE(page.selectedPath(), QStringLiteral("sites/Paris"));
    QCOMPARE(tree->currentItem()->data(0, Qt::UserRole).toString(), QStringLiteral("sites/Paris"));

    // Publishing is refused while errors remain, with the reason on the page.
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("publish")), Qt::LeftButton);
    QVERIFY(!page.findChild<PublishDialog *>());
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("message"))
                ->text()
                .contains(QStringLiteral("errors")));
    QCOMPARE(fixture.workspace()->latestVersion().value(), 0);
}

void TestTopologyPage::publishShowsDiffThenNewVersion()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    QCOMPARE(fixture.workspace()->publish(QStringLiteral("initial")).value(), 1);
    TopologyPage page(fixture.workspace());
    page.resize(1100, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));

    // Rename the site Montreal through its form.
    auto *tree = page.findChild<QTreeWidget *>(QStringLiteral("tree"));
    clickItem(tree, itemWithPath(tree, QStringLiteral("sites/Montreal")));
    retype(page.findChild<QLineEdit *>(QStringLiteral("siteName")), QStringLiteral("Quebec"));
    QCOMPARE(page.selectedPath(), QStringLiteral("sites/Quebec"));

    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("publish")), Qt::LeftButton);
    auto *dialog = page.findChild<PublishDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    const QString diff = dialog->findChild<QPlainTextEdit *>(QStringLiteral("diff"))->toPlainText();
    QVERIFY2(diff.contains(QStringLiteral("Quebec")), qPrintable(diff));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("comment")),
                     QStringLiteral("Montreal becomes Quebec"));
    QTest::mouseClick(dialog->publishButton(), Qt::LeftButton);

    auto store = topology::CentralStore::open(fixture.storePath());
    QVERIFY(store.ok());
    QCOMPARE(store.value()->latestVersion().value(), 2);
    auto versions = store.value()->versions();
    QCOMPARE(versions.value().constLast().comment, QStringLiteral("Montreal becomes Quebec"));
    QVERIFY(store.value()->topology(2).value().site(QStringLiteral("Quebec")));
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("message"))
                ->text()
                .startsWith(QStringLiteral("Published version 2.")));
}

void TestTopologyPage::addSiteAndEdgePool()
{
    test::WizardFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    TopologyPage page(fixture.workspace());
    page.resize(1100, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const int sites = int(fixture.workspace()->topology().sites.size());

    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("addSite")), Qt::LeftButton);
    QCOMPARE(fixture.workspace()->topology().sites.size(), sites + 1);
    const QString siteName = fixture.workspace()->topology().sites.constLast().name;
    QCOMPARE(page.selectedPath(), QStringLiteral("sites/") + siteName);

    // New Edge Pool is a wizard: a single-computer pool with its addresses.
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("addEdgePool")), Qt::LeftButton);
    auto *wizard = page.findChild<QWizard *>(QStringLiteral("newEdgePoolWizard"));
    QVERIFY(wizard);
    QTRY_VERIFY(wizard->isVisible());
    QTest::keyClicks(wizard->findChild<QLineEdit *>(QStringLiteral("poolFqdn")),
                     QStringLiteral("edge9.contoso.test"));
    QCheckBox *poolXmpp = wizard->findChild<QCheckBox *>(QStringLiteral("poolXmpp"));
    QTest::mouseClick(poolXmpp, Qt::LeftButton, {}, QPoint(5, poolXmpp->height() / 2));
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
    auto *members = wizard->findChild<QTableWidget *>(QStringLiteral("members"));
    members->item(0, 1)->setText(QStringLiteral("10.0.9.11"));
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
    const topology::Site &site = fixture.workspace()->topology().sites.constLast();
    QCOMPARE(site.edgePools.size(), 1);
    QVERIFY(page.selectedPath().startsWith(QStringLiteral("sites/%1/edgePools/").arg(siteName)));

    // Enable XMPP on the new pool, then route the new site through it.
    auto *xmpp = page.findChild<QCheckBox *>(QStringLiteral("enableXmpp"));
    QVERIFY(xmpp->isVisible());
    QTest::mouseClick(xmpp, Qt::LeftButton, {}, QPoint(5, xmpp->height() / 2));
    const QString poolFqdn = fixture.workspace()->topology().sites.constLast().edgePools.at(0).fqdn;
    QVERIFY(fixture.workspace()->topology().edgePool(poolFqdn)->xmppFederation);
    clickItem(tree(page), itemWithPath(tree(page), QStringLiteral("sites/") + siteName));
    auto *route = page.findChild<QComboBox *>(QStringLiteral("xmppRoute"));
    const int index = route->findData(poolFqdn);
    QVERIFY(index > 0);
    route->setFocus();
    // Keyboard selection, as a user without a mouse would do it.
    while (route->currentIndex() < index)
        QTest::keyClick(route, Qt::Key_Down);
    QCOMPARE(fixture.workspace()->topology().site(siteName)->xmppFederationRoute, poolFqdn);
}

QTEST_MAIN(TestTopologyPage)
#include "tst_topologypage.moc"
