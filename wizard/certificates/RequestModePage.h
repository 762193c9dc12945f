#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;

// Delayed (write a CSR for an outside CA) or immediate (the deployment's
// internal CA signs it now). Immediate skips the file page.
namespace fedgate::wizard {

class RequestModePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RequestModePage(QWidget *parent = nullptr);
    int nextId() const override;
    // Immediate needs the internal CA: when there is none yet, the page is
    // complete only once the administrator ticks "Create the internal
    // certification authority" (what it is for is said above the box).
    bool isComplete() const override;

private:
    bool caExists() const;
    void updateCaConsent();

    QLabel *m_caNote;
    QCheckBox *m_createCa;
};

} // namespace fedgate::wizard
