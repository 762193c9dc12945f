#include "VersionsDialog.h"

#include "Workspace.h"

#include "topology/ObjectNames.h"
#include "topology/TopologyDiff.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <optional>

namespace fedgate::wizard {

VersionsDialog::VersionsDialog(Workspace *workspace, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
{
    setObjectName(QStringLiteral("versionsDialog"));
    setWindowTitle(tr("Published Versions"));
    resize(820, 420);
    auto *layout = new QVBoxLayout(this);
    auto *help = new QLabel(tr("Rolling back publishes the content of the selected version "
                               "again, as a new version. Edge servers pick it up when their "
                               "local store is installed again."),
                            this);
    help->setWordWrap(true);
    layout->addWidget(help);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("versions"));
    m_list->setAccessibleName(tr("Published versions"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels(
        {tr("Version"), tr("Published"), tr("By"), tr("Comment"), tr("Changes")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    layout->addWidget(m_list, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_rollback = buttons->addButton(tr("&Roll Back to This Version"), QDialogButtonBox::ActionRole);
    m_rollback->setObjectName(QStringLiteral("rollback"));
    m_rollback->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_rollback, &QPushButton::clicked, this, &VersionsDialog::rollbackSelected);
    connect(m_list, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *item) { m_rollback->setEnabled(item != nullptr); });
    layout->addWidget(buttons);
    reload();
}

void VersionsDialog::reload()
{
    m_list->clear();
    auto versions = m_workspace->versions();
    if (!versions.ok()) {
        QMessageBox::warning(this, windowTitle(), versions.error().toString());
        return;
    }
    // The changes column in words, from the versions themselves (the stored
    // summary names internal paths); the newest 50 only, the rest as stored.
    const QList<topology::VersionInfo> &all = versions.value();
    std::optional<topology::Topology> previous;
    for (int i = 0; i < all.size(); ++i) {
        const topology::VersionInfo &v = all.at(i);
        QString summary = v.summary;
        if (all.size() - i <= 50) {
            auto current = m_workspace->publishedTopology(v.version);
            if (current.ok() && v.version == 1) {
                summary = tr("First version");
            } else if (current.ok() && previous) {
                const QStringList lines = topology::describeChanges(
                    topology::diff(*previous, current.value()), *previous, current.value());
                summary = lines.isEmpty() ? tr("No change")
                          : lines.size() == 1
                              ? lines.first()
                              : tr("%1 (and %n more change(s))", nullptr, int(lines.size()) - 1)
                                    .arg(lines.first());
            }
            if (current.ok())
                previous = current.value();
        } else if (all.size() - i == 51) {
            auto current = m_workspace->publishedTopology(v.version);
            if (current.ok())
                previous = current.value();
        }
        auto *item = new QTreeWidgetItem(
            {QString::number(v.version),
             QLocale().toString(v.publishedAt.toLocalTime(), QLocale::ShortFormat), v.publishedBy,
             v.comment, summary});
        item->setToolTip(4, summary);
        item->setData(0, Qt::UserRole, v.version);
        m_list->insertTopLevelItem(0, item);
    }
}

void VersionsDialog::rollbackSelected()
{
    QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const int version = item->data(0, Qt::UserRole).toInt();
    auto latest = m_workspace->latestVersion();
    if (!latest.ok()) {
        QMessageBox::warning(this, windowTitle(), latest.error().toString());
        return;
    }
    // Rolling back publishes at once: say what it changes and ask first.
    QStringList changes;
    auto from = m_workspace->publishedTopology(latest.value());
    auto to = m_workspace->publishedTopology(version);
    if (from.ok() && to.ok())
        changes = topology::describeChanges(topology::diff(from.value(), to.value()), from.value(),
                                            to.value());
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Roll Back to Version %1").arg(version),
        tr("Publish the content of version %1 again as version %2? Edge servers pick it up the "
           "next time their local store is installed; unpublished edits in the draft are "
           "dropped.")
            .arg(version)
            .arg(latest.value() + 1),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmRollback"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(changes.isEmpty()
                                ? tr("It is the same as the latest version: nothing changes.")
                                : tr("%n change(s) against the latest version, for example: %1",
                                     nullptr, int(changes.size()))
                                      .arg(changes.first()));
    if (!changes.isEmpty())
        box->setDetailedText(changes.join(QLatin1Char('\n')));
    QPushButton *confirm = box->addButton(tr("Roll Back and Publish"), QMessageBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirmRollbackButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(confirm, &QPushButton::clicked, this, [this, version] {
        auto result = m_workspace->rollback(version);
        if (!result.ok()) {
            QMessageBox::warning(this, windowTitle(), result.error().toString());
            return;
        }
        reload();
        emit rolledBack(version, result.value());
    });
    box->open();
}

} // namespace fedgate::wizard
