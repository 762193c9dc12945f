#include "VersionsDialog.h"

#include "Workspace.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

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
    for (const topology::VersionInfo &v : versions.value()) {
        auto *item = new QTreeWidgetItem(
            {QString::number(v.version),
             QLocale().toString(v.publishedAt.toLocalTime(), QLocale::ShortFormat), v.publishedBy,
             v.comment, v.summary});
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
    auto result = m_workspace->rollback(version);
    if (!result.ok()) {
        QMessageBox::warning(this, windowTitle(), result.error().toString());
        return;
    }
    reload();
    emit rolledBack(version, result.value());
}

} // namespace fedgate::wizard
