#include "PublishDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace fedgate::wizard {

PublishDialog::PublishDialog(int baseVersion, const QString &diffText, int changeCount,
                             QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("publishDialog"));
    setWindowTitle(tr("Publish Topology"));
    resize(720, 480);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        baseVersion == 0
            ? tr("Nothing is published yet. Publishing stores this topology as version 1.")
            : tr("Changes against published version %1 (%n change(s)):", nullptr, changeCount)
                  .arg(baseVersion),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *diff = new QPlainTextEdit(this);
    diff->setObjectName(QStringLiteral("diff"));
    diff->setReadOnly(true);
    diff->setAccessibleName(tr("Changes to publish"));
    diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    diff->setPlainText(diffText.isEmpty() && baseVersion > 0
                           ? tr("No change: publishing stores the same topology again.")
                           : diffText);
    layout->addWidget(diff, 1);

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
