#pragma once

#include <QDialog>

class QLineEdit;
class QPlainTextEdit;
class QPushButton;

// Shows what publishing will change (the diff against the published version)
// and asks for a comment. Publishing itself is the caller's job.
namespace fedgate::wizard {

class PublishDialog : public QDialog
{
    Q_OBJECT
public:
    PublishDialog(int baseVersion, const QString &diffText, int changeCount,
                  QWidget *parent = nullptr);
    QString comment() const;
    QPushButton *publishButton() const { return m_publish; }

private:
    QLineEdit *m_comment;
    QPushButton *m_publish;
};

} // namespace fedgate::wizard
