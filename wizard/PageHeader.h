#pragma once

#include <QWidget>

class QLabel;

// The top of every page: its title, a help text saying what the page is for
// and what to do on it, and one line of feedback for the last action (kept in
// the page rather than a modal box so the user can read it while working).
namespace fedgate::wizard {

class PageHeader : public QWidget
{
    Q_OBJECT
public:
    enum class Tone
    {
        Info,
        Success,
        Warning,
        Error
    };

    PageHeader(const QString &title, const QString &help, QWidget *parent = nullptr);

    void showMessage(const QString &text, Tone tone = Tone::Info);
    void clearMessage();
    QString message() const;

private:
    QLabel *m_message;
};

} // namespace fedgate::wizard
