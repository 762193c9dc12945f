#pragma once

#include <QWizardPage>

// Organisation and organisational unit of the subject.
namespace fedgate::wizard {

class RequestOrganisationPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RequestOrganisationPage(QWidget *parent = nullptr);
    void initializePage() override;
};

} // namespace fedgate::wizard
