#pragma once

#include <QWizardPage>

// Friendly name, key type and size, and whether the key may be exported.
namespace fedgate::wizard {

class RequestKeyPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RequestKeyPage(QWidget *parent = nullptr);
    void initializePage() override;
};

} // namespace fedgate::wizard
