#include "TopologyPage.h"

#include "EdgePoolForm.h"
#include "EdgeServerForm.h"
#include "FrontEndPoolForm.h"
#include "NewEdgePoolWizard.h"
#include "NewTopologyWizard.h"
#include "OrganisationForm.h"
#include "PageHeader.h"
#include "PublishDialog.h"
#include "SiteForm.h"
#include "TopologyPath.h"
#include "TopologyView.h"
#include "VersionsDialog.h"
#include "Workspace.h"

#include "topology/ObjectNames.h"
#include "topology/Removal.h"
#include "topology/TopologyDiff.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fedgate::wizard {

using namespace fedgate::topology;
using Kind = TopologyPath::Kind;

namespace {
constexpr int kPathRole = Qt::UserRole;

QPushButton *makeButton(const QString &text, const QString &name, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(name);
    button->setAccessibleName(QString(text).remove(QLatin1Char('&')));
    return button;
}
} // namespace

TopologyPage::TopologyPage(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    auto *layout = new QVBoxLayout(this);
    m_header = new PageHeader(
        tr("Topology"),
        tr("Describe your sites, their front-end and edge pools, and which edge pool carries "
           "each site's XMPP federation traffic. Changes are saved as a draft at once; "
           "Publish makes them the new version edge servers install."),
        this);
    layout->addWidget(m_header);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);

    // Left: the tree and the buttons that add and remove objects.
    auto *treeBox = new QGroupBox(tr("Objects"), splitter);
    auto *treeLayout = new QVBoxLayout(treeBox);
    m_tree = new QTreeWidget(treeBox);
    m_tree->setObjectName(QStringLiteral("tree"));
    m_tree->setAccessibleName(tr("Topology objects"));
    m_tree->setHeaderHidden(true);
    // Long FQDNs scroll sideways instead of being cut.
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    treeLayout->addWidget(m_tree, 1);
    auto *buttons = new QGridLayout;
    auto *addSite = makeButton(tr("Add &Site"), QStringLiteral("addSite"), treeBox);
    m_addFrontEnd = makeButton(tr("Add &Front End"), QStringLiteral("addFrontEnd"), treeBox);
    m_addEdge = makeButton(tr("New E&dge Pool..."), QStringLiteral("addEdgePool"), treeBox);
    m_addMember = makeButton(tr("Add Edge Ser&ver"), QStringLiteral("addEdgeServer"), treeBox);
    m_remove = makeButton(tr("&Remove"), QStringLiteral("remove"), treeBox);
    // One column: the labels stay whole in every language.
    int row = 0;
    for (QPushButton *b : {addSite, m_addFrontEnd, m_addEdge, m_addMember, m_remove})
        buttons->addWidget(b, row++, 0);
    treeLayout->addLayout(buttons);

    // Middle: the form of the selected object.
    auto *formBox = new QGroupBox(tr("Properties"), splitter);
    auto *formLayout = new QVBoxLayout(formBox);
    m_forms = new QStackedWidget(formBox);
    m_noSelection = new QLabel(tr("Select an object in the tree to edit it."), m_forms);
    m_noSelection->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_noSelection->setWordWrap(true);
    m_forms->addWidget(m_noSelection);
    const QList<QPair<Kind, ObjectForm *>> forms = {
        {Kind::Organisation, new OrganisationForm(m_forms)},
        {Kind::Site, new SiteForm(m_forms)},
        {Kind::FrontEndPool, new FrontEndPoolForm(m_forms)},
        {Kind::EdgePool, new EdgePoolForm(m_forms)},
        {Kind::EdgeServer, new EdgeServerForm(m_forms)},
    };
    for (const auto &[kind, form] : forms) {
        m_formByKind.insert(int(kind), form);
        m_forms->addWidget(form);
        connect(form, &ObjectForm::edited, this, &TopologyPage::applyForm);
    }
    // The organisation's form (with the gateway settings) is taller than a
    // small window: it scrolls rather than squeezing the findings away.
    auto *formScroll = new QScrollArea(formBox);
    formScroll->setObjectName(QStringLiteral("formScroll"));
    formScroll->setFrameShape(QFrame::NoFrame);
    formScroll->setWidgetResizable(true);
    formScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    formScroll->setWidget(m_forms);
    formLayout->addWidget(formScroll, 1);

    // Middle, below the form: the validation findings, live.
    auto *middle = new QSplitter(Qt::Vertical, splitter);
    middle->setChildrenCollapsible(false);
    middle->addWidget(formBox);
    auto *findingsBox = new QGroupBox(tr("Validation"), middle);
    auto *findingColumn = new QVBoxLayout(findingsBox);
    m_findingSummary = new QLabel(findingsBox);
    m_findingSummary->setObjectName(QStringLiteral("findingSummary"));
    m_findingSummary->setWordWrap(true);
    m_findingList = new QListWidget(findingsBox);
    m_findingList->setObjectName(QStringLiteral("findings"));
    m_findingList->setAccessibleName(tr("Validation findings"));
    m_findingList->setWordWrap(true);
    findingColumn->addWidget(m_findingSummary);
    findingColumn->addWidget(m_findingList, 1);
    middle->addWidget(findingsBox);
    middle->setStretchFactor(0, 3);
    middle->setStretchFactor(1, 2);

    // Right: the picture.
    auto *viewBox = new QGroupBox(tr("Picture"), splitter);
    auto *viewLayout = new QVBoxLayout(viewBox);
    m_view = new TopologyView(viewBox);
    viewLayout->addWidget(m_view);
    splitter->addWidget(treeBox);
    splitter->addWidget(middle);
    splitter->addWidget(viewBox);
    splitter->setSizes({230, 370, 460});
    splitter->setStretchFactor(2, 1);
    layout->addWidget(splitter, 1);

    // Left, under the tree: publishing.
    auto *publishButton = makeButton(tr("&Publish..."), QStringLiteral("publish"), treeBox);
    m_publish = publishButton;
    auto *versionsButton = makeButton(tr("Versions..."), QStringLiteral("versions"), treeBox);
    auto *publishRow = new QHBoxLayout;
    publishRow->addWidget(publishButton);
    publishRow->addWidget(versionsButton);
    treeLayout->addSpacing(8);
    treeLayout->addLayout(publishRow);

    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (m_rebuilding)
            return;
        m_currentPath = item ? item->data(0, kPathRole).toString() : QString();
        showForm();
    });
    connect(addSite, &QPushButton::clicked, this, &TopologyPage::addSite);
    connect(m_addFrontEnd, &QPushButton::clicked, this, &TopologyPage::addFrontEndPool);
    connect(m_addEdge, &QPushButton::clicked, this, &TopologyPage::addEdgePool);
    connect(m_addMember, &QPushButton::clicked, this, &TopologyPage::addEdgeServer);
    connect(m_remove, &QPushButton::clicked, this, &TopologyPage::removeSelected);
    connect(m_findingList, &QListWidget::itemActivated, this, &TopologyPage::findingActivated);
    connect(m_findingList, &QListWidget::itemClicked, this, &TopologyPage::findingActivated);
    connect(publishButton, &QPushButton::clicked, this, &TopologyPage::publish);
    connect(versionsButton, &QPushButton::clicked, this, &TopologyPage::showVersions);
    connect(m_workspace, &Workspace::topologyChanged, this, &TopologyPage::rebuild);

    m_currentPath = TopologyPath::organisation();
    rebuild();
}

void TopologyPage::rebuild()
{
    rebuildTree();
    rebuildFindings();
    m_view->setTopology(m_workspace->topology());
    showForm();
}

void TopologyPage::rebuildTree()
{
    m_rebuilding = true;
    m_tree->clear();
    const Topology &t = m_workspace->topology();
    auto add = [](QTreeWidgetItem *parent, const QString &text, const QString &icon,
                  const QString &path) {
        auto *item = new QTreeWidgetItem(parent, {text});
        item->setIcon(0, QIcon(icon));
        item->setData(0, kPathRole, path);
        return item;
    };
    auto *org = new QTreeWidgetItem(
        m_tree, {t.organisation.name.isEmpty() ? tr("Organisation") : t.organisation.name});
    org->setIcon(0, QIcon(QStringLiteral(":/icons/object-organisation.svg")));
    org->setData(0, kPathRole, TopologyPath::organisation());
    for (const Site &site : t.sites) {
        auto *siteItem =
            add(org, tr("Site %1").arg(site.name), QStringLiteral(":/icons/object-site.svg"),
                TopologyPath::ofSite(site.name));
        for (const FrontEndPool &fe : site.frontEndPools)
            add(siteItem, fe.fqdn, QStringLiteral(":/icons/object-frontend.svg"),
                TopologyPath::ofFrontEndPool(site.name, fe.fqdn));
        for (const EdgePool &edge : site.edgePools) {
            auto *edgeItem =
                add(siteItem, edge.xmppFederation ? tr("%1 (XMPP)").arg(edge.fqdn) : edge.fqdn,
                    QStringLiteral(":/icons/object-edge.svg"),
                    TopologyPath::ofEdgePool(site.name, edge.fqdn));
            for (int i = 0; i < edge.members.size(); ++i) {
                const EdgeServer &member = edge.members.at(i);
                add(edgeItem,
                    member.internalFqdn.isEmpty() ? tr("Edge server %1").arg(i + 1)
                                                  : member.internalFqdn,
                    QStringLiteral(":/icons/object-server.svg"),
                    TopologyPath::ofEdgeServer(site.name, edge.fqdn, i));
            }
        }
    }
    m_tree->expandAll();
    m_rebuilding = false;
    if (!selectPath(m_currentPath))
        selectPath(TopologyPath::organisation());
}

bool TopologyPage::selectPath(const QString &path)
{
    // The deepest item whose path is `path` or one of its ancestors.
    QTreeWidgetItem *best = nullptr;
    int bestLength = -1;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        const QString itemPath = (*it)->data(0, kPathRole).toString();
        const bool matches = path == itemPath || path.startsWith(itemPath + QLatin1Char('/'));
        if (matches && itemPath.size() > bestLength) {
            best = *it;
            bestLength = itemPath.size();
        }
    }
    if (!best)
        return false;
    m_tree->setCurrentItem(best);
    m_tree->scrollToItem(best);
    // setCurrentItem does not signal when the item is already current.
    m_currentPath = best->data(0, kPathRole).toString();
    showForm();
    return true;
}

void TopologyPage::showForm()
{
    const TopologyPath p = TopologyPath::parse(m_currentPath);
    ObjectForm *form = m_formByKind.value(int(p.kind));
    if (!form) {
        m_forms->setCurrentWidget(m_noSelection);
    } else {
        form->load(m_workspace->topology(), m_currentPath);
        m_forms->setCurrentWidget(form);
    }
    // A stacked widget is as tall as its tallest page; only the shown form
    // should count, so a short form does not scroll.
    for (int i = 0; i < m_forms->count(); ++i) {
        QWidget *w = m_forms->widget(i);
        const bool current = w == m_forms->currentWidget();
        w->setSizePolicy(current ? QSizePolicy::Preferred : QSizePolicy::Ignored,
                         current ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    }
    m_forms->updateGeometry();
    const bool inSite = p.kind != Kind::None && p.kind != Kind::Organisation;
    m_addFrontEnd->setEnabled(inSite);
    m_addEdge->setEnabled(inSite);
    m_addMember->setEnabled(p.kind == Kind::EdgePool || p.kind == Kind::EdgeServer);
    m_remove->setEnabled(inSite);
}

void TopologyPage::rebuildFindings()
{
    m_findings = validate(m_workspace->topology());
    m_findingList->clear();
    int errors = 0;
    for (const Finding &f : std::as_const(m_findings)) {
        const bool error = f.severity == Severity::Error;
        errors += error ? 1 : 0;
        auto *item = new QListWidgetItem(
            QIcon(error ? QStringLiteral(":/icons/status-error.svg")
                        : QStringLiteral(":/icons/status-warning.svg")),
            describeFinding(m_workspace->topology(), f.path, f.message), m_findingList);
        item->setData(kPathRole, f.path);
        item->setToolTip(f.message);
    }
    const int warnings = int(m_findings.size()) - errors;
    // The button shows a success mark only when publishing can succeed.
    m_publish->setIcon(QIcon(errors > 0 ? QStringLiteral(":/icons/status-error.svg")
                                        : QStringLiteral(":/icons/status-done.svg")));
    m_publish->setToolTip(errors > 0 ? tr("Fix the errors under Validation before publishing.")
                                     : QString());
    if (m_findings.isEmpty())
        m_findingSummary->setText(tr("No problem found: the topology can be published."));
    else
        m_findingSummary->setText(
            tr("%1 and %2. Errors must be fixed before publishing; click a line to select "
               "the object.")
                .arg(tr("%n error(s)", nullptr, errors), tr("%n warning(s)", nullptr, warnings)));
}

void TopologyPage::findingActivated(QListWidgetItem *item)
{
    if (!item)
        return;
    const QString path = item->data(kPathRole).toString();
    if (path.startsWith(QLatin1String("partners/"))) {
        emit pageRequested(PageId::Partners);
        return;
    }
    if (path.startsWith(QLatin1String("policies/")) || path.startsWith(QLatin1String("users/"))) {
        emit pageRequested(PageId::Policies);
        return;
    }
    // The gateway-wide settings are edited on the organisation's form.
    if (path == QLatin1String("gateway")) {
        selectPath(TopologyPath::organisation());
        return;
    }
    selectPath(path);
}

void TopologyPage::applyForm()
{
    auto *form = qobject_cast<ObjectForm *>(sender());
    if (!form)
        return;
    Topology t = m_workspace->topology();
    const QString newPath = form->apply(t);
    commit(t, newPath);
}

void TopologyPage::commit(const Topology &topology, const QString &path, const QString &description)
{
    if (!path.isEmpty())
        m_currentPath = path;
    Status status = m_workspace->setTopology(topology, description);
    if (!status.ok())
        m_header->showMessage(status.error().toString(), PageHeader::Tone::Error);
}

QString TopologyPage::newDomainSuffix() const
{
    const QString domain = m_workspace->topology().organisation.defaultSipDomain;
    return domain.isEmpty() ? QStringLiteral("example.test") : domain;
}

void TopologyPage::addSite()
{
    Topology t = m_workspace->topology();
    QString name;
    for (int i = t.sites.size() + 1; name.isEmpty() || t.site(name); ++i)
        name = tr("Site%1").arg(i);
    Site site;
    site.name = name;
    t.sites.append(site);
    commit(t, TopologyPath::ofSite(name));
}

void TopologyPage::addFrontEndPool()
{
    Topology t = m_workspace->topology();
    const TopologyPath p = TopologyPath::parse(m_currentPath);
    Site *site = p.siteIn(t);
    if (!site)
        return;
    FrontEndPool pool;
    for (int i = site->frontEndPools.size() + 1; pool.fqdn.isEmpty(); ++i) {
        const QString candidate = QStringLiteral("pool%1.%2").arg(i).arg(newDomainSuffix());
        bool taken = false;
        for (const FrontEndPool &existing : site->frontEndPools)
            taken = taken || existing.fqdn == candidate;
        if (!taken)
            pool.fqdn = candidate;
    }
    pool.members = {pool.fqdn};
    site->frontEndPools.append(pool);
    commit(t, TopologyPath::ofFrontEndPool(site->name, pool.fqdn));
}

void TopologyPage::addEdgePool()
{
    const TopologyPath p = TopologyPath::parse(m_currentPath);
    const Site *site = m_workspace->topology().site(p.site);
    if (!site)
        return;
    // Guided, as Topology Builder's New Edge Pool: names, servers, route.
    auto *wizard = new NewEdgePoolWizard(m_workspace->topology(), site->name, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    const QString siteName = site->name;
    connect(wizard, &QDialog::accepted, this, [this, wizard, siteName] {
        commit(wizard->result(), wizard->poolPath(),
               tr("New edge pool %1 in site %2").arg(wizard->pool().fqdn, siteName));
    });
    wizard->open();
}

void TopologyPage::newTopology()
{
    auto *wizard = new NewTopologyWizard(this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QDialog::accepted, this, [this, wizard] {
        const Topology t = wizard->topology();
        commit(t,
               t.sites.isEmpty() ? TopologyPath::organisation()
                                 : TopologyPath::ofSite(t.sites.first().name),
               tr("New topology for %1").arg(t.organisation.name));
    });
    wizard->open();
}

void TopologyPage::addEdgeServer()
{
    Topology t = m_workspace->topology();
    const TopologyPath p = TopologyPath::parse(m_currentPath);
    EdgePool *pool = p.edgePoolIn(t);
    if (!pool)
        return;
    // A new server answers for the pool on the outside: it takes the
    // pool's external FQDN until the administrator says otherwise.
    EdgeServer member;
    member.externalFqdn = pool->externalFqdn;
    pool->members.append(member);
    commit(t, TopologyPath::ofEdgeServer(p.site, pool->fqdn, int(pool->members.size()) - 1));
}

void TopologyPage::removeSelected()
{
    const TopologyPath p = TopologyPath::parse(m_currentPath);
    if (p.kind == Kind::None || p.kind == Kind::Organisation)
        return;
    const Removal removal = planRemoval(m_workspace->topology(), m_currentPath);
    if (!removal.found)
        return;
    const QString parentPath = p.kind == Kind::Site ? TopologyPath::organisation()
                               : p.kind == Kind::EdgeServer
                                   ? TopologyPath::ofEdgePool(p.site, p.pool)
                                   : TopologyPath::ofSite(p.site);
    if (!removal.hasConsequences()) {
        commit(removal.result, parentPath, tr("Remove %1").arg(removal.description));
        return;
    }
    // Children or references go too: say which, and remove only once the
    // administrator agrees (Edit > Undo brings everything back).
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Remove %1?").arg(removal.description),
                        tr("Removing %1 also changes the following:").arg(removal.description),
                        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmRemoval"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        QStringLiteral("\u2022 ") + describeEffects(removal).join(QStringLiteral("\n\u2022 ")) +
        QStringLiteral("\n\n") + tr("You can bring everything back with Edit > Undo."));
    QPushButton *remove = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmRemove"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    const Topology result = removal.result;
    const QString description = removal.description;
    connect(remove, &QPushButton::clicked, this, [this, result, parentPath, description] {
        commit(result, parentPath, tr("Remove %1").arg(description));
    });
    box->open();
}

void TopologyPage::publish()
{
    if (hasErrors(m_findings)) {
        m_header->showMessage(tr("The topology has errors (listed under Validation). Fix them, "
                                 "then publish again."),
                              PageHeader::Tone::Error);
        return;
    }
    const int base = m_workspace->baseVersion();
    const Topology &draft = m_workspace->topology();
    QStringList changes;
    if (base > 0) {
        auto published = m_workspace->publishedTopology(base);
        if (!published.ok()) {
            m_header->showMessage(published.error().toString(), PageHeader::Tone::Error);
            return;
        }
        changes = describeChanges(diff(published.value(), draft), published.value(), draft);
    }
    QStringList warnings;
    for (const Finding &f : std::as_const(m_findings))
        if (f.severity == Severity::Warning)
            warnings << describeFinding(draft, f.path, f.message);
    auto *dialog = new PublishDialog(base, changes, warnings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { publishAccepted(dialog); });
    dialog->open();
}

void TopologyPage::publishAccepted(PublishDialog *dialog)
{
    auto result = m_workspace->publish(dialog->comment());
    if (result.ok())
        m_header->showMessage(tr("Published version %1. Install it on each edge server from "
                                 "the Deployment page (local configuration store).")
                                  .arg(result.value()),
                              PageHeader::Tone::Success);
    else
        m_header->showMessage(result.error().toString(), PageHeader::Tone::Error);
}

void TopologyPage::showVersions()
{
    auto *dialog = new VersionsDialog(m_workspace, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &VersionsDialog::rolledBack, this, [this](int from, int to) {
        m_header->showMessage(tr("Version %1 published again as version %2.").arg(from).arg(to),
                              PageHeader::Tone::Success);
    });
    dialog->open();
}

} // namespace fedgate::wizard
