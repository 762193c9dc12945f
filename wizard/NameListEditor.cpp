#include "NameListEditor.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace fedgate::wizard {

NameListEditor::NameListEditor(const QString &accessibleName, QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_add(new QPushButton(tr("Add"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_list->setAccessibleName(accessibleName);
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    m_list->setMaximumHeight(120);
    layout->addWidget(m_list, 1);
    auto *buttons = new QVBoxLayout;
    m_add->setObjectName(QStringLiteral("addName"));
    m_add->setAccessibleName(tr("Add to %1").arg(accessibleName));
    m_remove->setObjectName(QStringLiteral("removeName"));
    m_remove->setAccessibleName(tr("Remove from %1").arg(accessibleName));
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, [this] {
        auto *item = new QListWidgetItem(QString(), m_list);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        m_list->setCurrentItem(item);
        m_list->editItem(item);
        updateButtons();
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        QListWidgetItem *item = m_list->currentItem();
        if (!item)
            return;
        const bool hadName = !item->text().trimmed().isEmpty();
        delete item;
        updateButtons();
        if (hadName)
            emit edited();
    });
    // Queued: the edit is applied (and the list refilled from the draft)
    // once the item view has finished committing its editor.
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem *) {
        if (!m_filling)
            QMetaObject::invokeMethod(this, &NameListEditor::edited, Qt::QueuedConnection);
    });
    connect(m_list, &QListWidget::currentItemChanged, this, &NameListEditor::updateButtons);
    updateButtons();
}

QStringList NameListEditor::names() const
{
    QStringList result;
    for (int i = 0; i < m_list->count(); ++i) {
        const QString name = m_list->item(i)->text().trimmed();
        if (!name.isEmpty())
            result << name;
    }
    return result;
}

void NameListEditor::setNames(const QStringList &names)
{
    m_filling = true;
    m_list->clear();
    for (const QString &name : names) {
        auto *item = new QListWidgetItem(name, m_list);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    m_filling = false;
    updateButtons();
}

void NameListEditor::addName(const QString &name)
{
    m_filling = true;
    auto *item = new QListWidgetItem(name, m_list);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    m_filling = false;
    updateButtons();
    emit edited();
}

void NameListEditor::updateButtons()
{
    m_remove->setEnabled(m_list->currentItem() != nullptr);
}

} // namespace fedgate::wizard
