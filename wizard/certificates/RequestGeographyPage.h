#pragma once

#include <QWizardPage>

// Country (picked from the ISO 3166 list), state or province, and city.
namespace fedgate::wizard {

class RequestGeographyPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RequestGeographyPage(QWidget *parent = nullptr);
    // Next stays disabled while "(choose a country)" is selected.
    bool isComplete() const override;
};

} // namespace fedgate::wizard
