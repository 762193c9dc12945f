#pragma once

#include <QWizardPage>

// Which interface the certificate is for: the external edge (partners check
// it) or the internal edge (the gateway checks it).
namespace fedgate::wizard {

class RequestTypePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RequestTypePage(QWidget *parent = nullptr);
};

} // namespace fedgate::wizard
