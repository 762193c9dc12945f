#include "RequestOrganisationPage.h"

#include "CertificateRequestWizard.h"

#include <QFormLayout>
#include <QLineEdit>

namespace fedgate::wizard {

RequestOrganisationPage::RequestOrganisationPage(QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("Organisation"));
    setSubTitle(tr("Public certification authorities check these against your registration; "
                   "use your organisation's legal name."));
    auto *layout = new QFormLayout(this);
    auto *organisation = new QLineEdit(this);
    organisation->setObjectName(QStringLiteral("organisation"));
    organisation->setAccessibleName(tr("Organisation"));
    auto *unit = new QLineEdit(this);
    unit->setObjectName(QStringLiteral("organisationalUnit"));
    unit->setAccessibleName(tr("Organisational unit"));
    unit->setPlaceholderText(tr("optional"));
    layout->addRow(tr("&Organisation:"), organisation);
    layout->addRow(tr("Organisational &unit:"), unit);
    registerField(QStringLiteral("organisation*"), organisation);
    registerField(QStringLiteral("organisationalUnit"), unit);
}

void RequestOrganisationPage::initializePage()
{
    auto *w = qobject_cast<CertificateRequestWizard *>(wizard());
    if (w && field(QStringLiteral("organisation")).toString().isEmpty())
        setField(QStringLiteral("organisation"), w->topology().organisation.name);
}

} // namespace fedgate::wizard
