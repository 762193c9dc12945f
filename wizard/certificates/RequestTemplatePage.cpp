#include "RequestTemplatePage.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLineEdit>

namespace fedgate::wizard {

RequestTemplatePage::RequestTemplatePage(QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("Certificate template"));
    setSubTitle(tr("Only Active Directory certification authorities use templates; others "
                   "ignore this setting."));
    auto *layout = new QFormLayout(this);
    auto *use = new QCheckBox(tr("&Use an alternate certificate template"), this);
    use->setObjectName(QStringLiteral("useTemplate"));
    auto *name = new QLineEdit(QStringLiteral("WebServer"), this);
    name->setObjectName(QStringLiteral("templateName"));
    name->setAccessibleName(tr("Template name"));
    name->setEnabled(false);
    connect(use, &QCheckBox::toggled, name, &QLineEdit::setEnabled);
    layout->addRow(use);
    layout->addRow(tr("&Template:"), name);
    registerField(QStringLiteral("useTemplate"), use);
    registerField(QStringLiteral("templateName"), name);
}

} // namespace fedgate::wizard
