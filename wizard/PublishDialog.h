#pragma once

#include <QDialog>
#include <QStringList>

class QLineEdit;
class QPlainTextEdit;
class QPushButton;

// Shows what publishing will change, in plain words (one line per change
// against the published version), and the warnings still outstanding, and
// asks for a comment. Publishing itself is the caller's job.
namespace fedgate::wizard {

class PublishDialog : public QDialog
{
    Q_OBJECT
public:
    PublishDialog(int baseVersion, const QStringList &changes, const QStringList &warnings,
                  QWidget *parent = nullptr);
    QString comment() const;
    QPushButton *publishButton() const { return m_publish; }

private:
    QLineEdit *m_comment;
    QPushButton *m_publish;
};

} // namespace fedgate::wizard
