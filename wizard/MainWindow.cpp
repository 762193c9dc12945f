#include "MainWindow.h"

#include "DnsPage.h"
#include "HomePage.h"
#include "Language.h"
#include "PartnersPage.h"
#include "PoliciesPage.h"
#include "TopologyPage.h"
#include "Workspace.h"
#ifdef FEDGATE_HAVE_CERTS
#include "certificates/CertificatesPage.h"
#endif
#ifdef FEDGATE_HAVE_ENGINE
#include "users/UsersPage.h"
#endif

#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QUndoStack>

#include "topology/ObjectNames.h"
#include "topology/TopologyDiff.h"

namespace fedgate::wizard {

MainWindow::MainWindow(Workspace *workspace, QWidget *parent)
    : QMainWindow(parent)
    , m_workspace(workspace)
{
    setWindowIcon(QIcon(QStringLiteral(":/icons/fedgate.svg")));
    resize(1280, 800);
    buildUi();
    // Someone else changed the draft in the store: say so and offer to load
    // their version (one question at a time).
    connect(m_workspace, &Workspace::draftConflict, this, [this](const QString &message) {
        if (findChild<QMessageBox *>(QStringLiteral("draftConflict")))
            return;
        auto *box = new QMessageBox(QMessageBox::Warning, tr("The draft was changed elsewhere"),
                                    message, QMessageBox::NoButton, this);
        box->setObjectName(QStringLiteral("draftConflict"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        QPushButton *reload = box->addButton(tr("Reload the draft"), QMessageBox::AcceptRole);
        box->addButton(tr("Keep my view"), QMessageBox::RejectRole);
        connect(reload, &QPushButton::clicked, this, [this] {
            if (Status s = m_workspace->reload(); !s.ok())
                QMessageBox::warning(this, tr("Reload the draft"), s.error().toString());
        });
        box->open();
    });
}

void MainWindow::addPage(PageId id, const QString &iconPath, const QString &label, QWidget *page)
{
    auto *item = new QListWidgetItem(QIcon(iconPath), label, m_navigation);
    item->setSizeHint(QSize(0, 40));
    page->setAccessibleName(label);
    m_stack->addWidget(page);
    m_pages.insert(id, page);
    m_order.append(id);
}

void MainWindow::buildUi()
{
    const PageId previous = m_stack ? currentPage() : PageId::Home;
    setWindowTitle(tr("Fedgate - XMPP federation deployment"));
    m_pages.clear();
    m_order.clear();

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    m_navigation = new QListWidget(central);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setIconSize(QSize(24, 24));
    m_navigation->setFixedWidth(190);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setStyleSheet(
        QStringLiteral("QListWidget { background: palette(window); font-size: 11pt; }"
                       "QListWidget::item { padding: 4px; border-radius: 4px; }"
                       "QListWidget::item:selected { background: palette(highlight);"
                       " color: palette(highlighted-text); }"));
    m_stack = new QStackedWidget(central);
    layout->addWidget(m_navigation);
    layout->addWidget(m_stack, 1);

    auto *home = new HomePage(m_workspace, m_stack);
    connect(home, &HomePage::pageRequested, this, &MainWindow::showPage);
    connect(home, &HomePage::publishRequested, this, [this] {
        showPage(PageId::Topology);
        if (auto *page = qobject_cast<TopologyPage *>(m_pages.value(PageId::Topology)))
            page->publish();
    });
    addPage(PageId::Home, QStringLiteral(":/icons/nav-home.svg"), tr("Deployment"), home);
    auto *topologyPage = new TopologyPage(m_workspace, m_stack);
    connect(topologyPage, &TopologyPage::pageRequested, this, &MainWindow::showPage);
    addPage(PageId::Topology, QStringLiteral(":/icons/nav-topology.svg"), tr("Topology"),
            topologyPage);
    addPage(PageId::Partners, QStringLiteral(":/icons/nav-partners.svg"), tr("XMPP partners"),
            new PartnersPage(m_workspace, m_stack));
    addPage(PageId::Policies, QStringLiteral(":/icons/nav-policies.svg"), tr("External access"),
            new PoliciesPage(m_workspace, m_stack));
#ifdef FEDGATE_HAVE_ENGINE
    addPage(PageId::Users, QStringLiteral(":/icons/nav-users.svg"), tr("Users"),
            new UsersPage(m_workspace, {}, m_stack));
#endif
#ifdef FEDGATE_HAVE_CERTS
    auto *certificates = new CertificatesPage(m_workspace, m_stack);
    connect(certificates, &CertificatesPage::certificatesChanged, home, &HomePage::refresh);
    addPage(PageId::Certificates, QStringLiteral(":/icons/nav-certificates.svg"),
            tr("Certificates"), certificates);
#endif
    auto *dns = new DnsPage(m_workspace, m_stack);
    // The home page reads the saved last check (also after a restart).
    connect(dns, &DnsPage::checked, home, &HomePage::refresh);
    addPage(PageId::Dns, QStringLiteral(":/icons/nav-dns.svg"), tr("DNS"), dns);

    connect(m_navigation, &QListWidget::currentRowChanged, m_stack,
            &QStackedWidget::setCurrentIndex);
    setCentralWidget(central); // deletes the previous pages
    buildMenus();
    statusBar()->showMessage(tr("Central store: %1").arg(m_workspace->storeLocation()));
    showPage(m_pages.contains(previous) ? previous : PageId::Home);
}

void MainWindow::buildMenus()
{
    menuBar()->clear();
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newTopology = file->addAction(tr("&New Topology..."), QKeySequence::New, this, [this] {
        showPage(PageId::Topology);
        if (auto *page = qobject_cast<TopologyPage *>(m_pages.value(PageId::Topology)))
            page->newTopology();
    });
    newTopology->setObjectName(QStringLiteral("newTopology"));
    file->addAction(tr("&Open Topology File..."), QKeySequence::Open, this,
                    &MainWindow::openTopologyFile);
    file->addAction(tr("&Export Topology File..."), QKeySequence(tr("Ctrl+E")), this,
                    &MainWindow::exportTopologyFile);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    // Undo and redo work on the draft topology (the Workspace's history),
    // whichever page made the edit.
    QUndoStack *history = m_workspace->undoStack();
    QAction *undo = history->createUndoAction(edit, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undo"));
    undo->setShortcuts(QKeySequence::Undo);
    QAction *redo = history->createRedoAction(edit, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redo"));
    redo->setShortcuts({QKeySequence(tr("Ctrl+Shift+Z")), QKeySequence::Redo});
    edit->addAction(undo);
    edit->addAction(redo);
    QAction *discard = edit->addAction(tr("D&iscard Draft..."), this, &MainWindow::discardDraft);
    discard->setObjectName(QStringLiteral("discardDraft"));
    edit->addSeparator();
    edit->addAction(tr("&Deployment Steps"), QKeySequence(tr("Ctrl+1")), this,
                    [this] { showPage(PageId::Home); });
    edit->addAction(tr("&Topology..."), QKeySequence(tr("Ctrl+2")), this,
                    [this] { showPage(PageId::Topology); });
    edit->addAction(tr("XMPP &Partners..."), QKeySequence(tr("Ctrl+3")), this,
                    [this] { showPage(PageId::Partners); });
    edit->addAction(tr("External &Access Policies..."), QKeySequence(tr("Ctrl+4")), this,
                    [this] { showPage(PageId::Policies); });
    if (m_pages.contains(PageId::Users))
        edit->addAction(tr("U&sers and Passwords..."), QKeySequence(tr("Ctrl+7")), this,
                        [this] { showPage(PageId::Users); });
    if (m_pages.contains(PageId::Certificates))
        edit->addAction(tr("&Certificates..."), QKeySequence(tr("Ctrl+5")), this,
                        [this] { showPage(PageId::Certificates); });
    edit->addAction(tr("&DNS Records..."), QKeySequence(tr("Ctrl+6")), this,
                    [this] { showPage(PageId::Dns); });

    QMenu *language = menuBar()->addMenu(tr("&Language"));
    auto *group = new QActionGroup(language);
    for (const QString &code : Language::available()) {
        QAction *action = language->addAction(Language::nativeName(code));
        action->setCheckable(true);
        action->setChecked(code == Language::current());
        action->setData(code);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] { setLanguage(code); });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Fedgate"), this, &MainWindow::showAbout);
}

void MainWindow::showPage(PageId page)
{
    const int row = m_order.indexOf(page);
    if (row < 0)
        return;
    m_navigation->setCurrentRow(row);
    m_stack->setCurrentIndex(row);
}

PageId MainWindow::currentPage() const
{
    const int row = m_stack->currentIndex();
    return row >= 0 && row < m_order.size() ? m_order.at(row) : PageId::Home;
}

void MainWindow::setLanguage(const QString &code)
{
    if (!Language::install(code))
        statusBar()->showMessage(tr("The %1 translation is missing; staying in English.")
                                     .arg(Language::nativeName(code)));
}

void MainWindow::changeEvent(QEvent *event)
{
    // Installing a translator sends LanguageChange to every widget; the pages
    // are rebuilt once, from here.
    if (event->type() == QEvent::LanguageChange && m_stack && !m_rebuildPending) {
        m_rebuildPending = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_rebuildPending = false;
                buildUi();
            },
            Qt::QueuedConnection);
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::openTopologyFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Topology File"), QString(),
                                                      tr("Topology documents (*.json)"));
    if (path.isEmpty())
        return;
    Status status = m_workspace->importFile(path);
    if (status.ok())
        statusBar()->showMessage(tr("Loaded %1 as the draft topology.").arg(path));
    else
        QMessageBox::warning(this, tr("Open Topology File"), status.error().toString());
}

void MainWindow::exportTopologyFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Topology File"),
                                                      QStringLiteral("topology.json"),
                                                      tr("Topology documents (*.json)"));
    if (path.isEmpty())
        return;
    Status status = m_workspace->exportFile(path);
    if (status.ok())
        statusBar()->showMessage(tr("Draft topology written to %1.").arg(path));
    else
        QMessageBox::warning(this, tr("Export Topology File"), status.error().toString());
}

void MainWindow::discardDraft()
{
    auto latest = m_workspace->latestVersion();
    if (!latest.ok()) {
        QMessageBox::warning(this, tr("Discard Draft"), latest.error().toString());
        return;
    }
    if (latest.value() == 0) {
        QMessageBox::information(this, tr("Discard Draft"),
                                 tr("Nothing is published yet, so there is no version to go "
                                    "back to. Publish the topology first."));
        return;
    }
    auto published = m_workspace->publishedTopology(latest.value());
    if (!published.ok()) {
        QMessageBox::warning(this, tr("Discard Draft"), published.error().toString());
        return;
    }
    const QList<topology::Change> changes =
        topology::diff(published.value(), m_workspace->topology());
    if (changes.isEmpty()) {
        statusBar()->showMessage(
            tr("The draft has no unpublished change: it is version %1.").arg(latest.value()));
        return;
    }
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Discard Draft"),
                        tr("Discard %n unpublished change(s) and go back to published version %1?",
                           nullptr, int(changes.size()))
                            .arg(latest.value()),
                        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmDiscard"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDetailedText(
        topology::describeChanges(changes, published.value(), m_workspace->topology())
            .join(QLatin1Char('\n')));
    QPushButton *discard = box->addButton(tr("Discard"), QMessageBox::DestructiveRole);
    discard->setObjectName(QStringLiteral("confirmDiscardButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(discard, &QPushButton::clicked, this, [this] {
        if (Status s = m_workspace->discardDraft(); !s.ok())
            QMessageBox::warning(this, tr("Discard Draft"), s.error().toString());
        else
            statusBar()->showMessage(tr("Draft discarded: the topology is the published version "
                                        "again."));
    });
    box->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Fedgate"),
                       tr("<b>Fedgate</b><br>Deploys XMPP federation through an edge "
                          "server: topology, partners, policies, certificates and DNS."));
}

} // namespace fedgate::wizard
