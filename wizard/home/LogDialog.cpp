#include "LogDialog.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QVBoxLayout>

namespace fedgate::wizard {

void showLogDialog(QWidget *parent, const QString &title, const QStringList &lines,
                   const QString &emptyText)
{
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(QStringLiteral("logDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    dialog->resize(960, 480);
    auto *layout = new QVBoxLayout(dialog);
    auto *view =
        new QPlainTextEdit(lines.isEmpty() ? emptyText : lines.join(QLatin1Char('\n')), dialog);
    view->setObjectName(QStringLiteral("log"));
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(view);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->open();
    // The newest lines are at the end.
    view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
}

} // namespace fedgate::wizard
