#include "PublishDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace fedgate::wizard {

PublishDialog::PublishDialog(int baseVersion, const QStringList &changes,
                             const QStringList &warnings, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("publishDialog"));
    setWindowTitle(tr("Publish Topology"));
    resize(760, baseVersion == 0 && warnings.isEmpty() ? 260 : 520);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        baseVersion == 0
            ? tr("Nothing is published yet. Publishing stores this topology as version 1.")
            : tr("Publishing makes version %1 with %n change(s) against published version %2:",
                 nullptr, int(changes.size()))
                  .arg(baseVersion + 1)
                  .arg(baseVersion),
        this);
    intro->setObjectName(QStringLiteral("summary"));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *diff = new QPlainTextEdit(this);
    diff->setObjectName(QStringLiteral("diff"));
    diff->setReadOnly(true);
    diff->setAccessibleName(tr("Changes to publish"));
    diff->setPlainText(changes.isEmpty() && baseVersion > 0
                           ? tr("No change: publishing stores the same topology again.")
                           : QStringLiteral("\u2022 ") + changes.join(QStringLiteral("\n\u2022 ")));
    // Nothing published yet: there is no change list to show.
    if (baseVersion == 0)
        diff->hide();
    else
        layout->addWidget(diff, 3);

    // What the validation still warns about: publishing is allowed, but the
    // administrator sees it before confirming.
    auto *warningLabel =
        new QLabel(warnings.isEmpty()
                       ? tr("No warning: the topology passes every check.")
                       : tr("%n warning(s) remain. You can publish, but read them first:", nullptr,
                            int(warnings.size())),
                   this);
    warningLabel->setObjectName(QStringLiteral("warningSummary"));
    warningLabel->setWordWrap(true);
    layout->addWidget(warningLabel);
    if (!warnings.isEmpty()) {
        auto *list = new QListWidget(this);
        list->setObjectName(QStringLiteral("warnings"));
        list->setAccessibleName(tr("Outstanding warnings"));
        list->setWordWrap(true);
        for (const QString &w : warnings)
            new QListWidgetItem(QIcon(QStringLiteral(":/icons/status-warning.svg")), w, list);
        layout->addWidget(list, 2);
    }

    // Without a list to grow, the sentences stay together at the top.
    if (baseVersion == 0 && warnings.isEmpty())
        layout->addStretch(1);
    auto *form = new QFormLayout;
    m_comment = new QLineEdit(this);
    m_comment->setObjectName(QStringLiteral("comment"));
    m_comment->setAccessibleName(tr("Comment"));
    m_comment->setPlaceholderText(tr("Why this change, for the versions list"));
    form->addRow(tr("&Comment:"), m_comment);
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_publish = buttons->addButton(tr("&Publish"), QDialogButtonBox::AcceptRole);
    m_publish->setObjectName(QStringLiteral("publish"));
    m_publish->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_comment->setFocus();
}

QString PublishDialog::comment() const
{
    return m_comment->text().trimmed();
}

} // namespace fedgate::wizard
