#pragma once

#include <QWizardPage>

class QLineEdit;

// Where the CSR file goes (delayed requests).
namespace fedgate::wizard {

class RequestFilePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RequestFilePage(QWidget *parent = nullptr);
    void initializePage() override;

private:
    QLineEdit *m_path;
};

} // namespace fedgate::wizard
