#pragma once

#include <QString>
#include <QStringList>

class QWidget;

// "View Log": a step's log lines in a read-only, fixed-width text dialog
// (object name "logDialog", the text "log"), opened non-modally.
namespace fedgate::wizard {

void showLogDialog(QWidget *parent, const QString &title, const QStringList &lines,
                   const QString &emptyText);

} // namespace fedgate::wizard
