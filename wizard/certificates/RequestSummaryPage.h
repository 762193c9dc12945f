#pragma once

#include <QWizardPage>

class QLabel;
class QPlainTextEdit;

// What will be requested, and the problems certs::checkRequest finds. The
// commit page: Next starts the key creation, after which there is no going
// back.
namespace fedgate::wizard {

class RequestSummaryPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RequestSummaryPage(QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;

private:
    QPlainTextEdit *m_summary;
    QLabel *m_problems;
    bool m_ok = false;
};

} // namespace fedgate::wizard
