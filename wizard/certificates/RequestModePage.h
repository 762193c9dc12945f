#pragma once

#include <QWizardPage>

// Delayed (write a CSR for an outside CA) or immediate (the deployment's
// internal CA signs it now). Immediate skips the file page.
namespace fedgate::wizard {

class RequestModePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RequestModePage(QWidget *parent = nullptr);
    int nextId() const override;
};

} // namespace fedgate::wizard
