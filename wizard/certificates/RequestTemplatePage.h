#pragma once

#include <QWizardPage>

// An alternate certificate template for an Active Directory CA.
namespace fedgate::wizard {

class RequestTemplatePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RequestTemplatePage(QWidget *parent = nullptr);
};

} // namespace fedgate::wizard
