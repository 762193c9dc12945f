#include "RequestModePage.h"

#include "CertificateRequestWizard.h"

#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace fedgate::wizard {

RequestModePage::RequestModePage(QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("Delayed or immediate request"));
    setSubTitle(tr("Choose who signs the certificate."));
    auto *layout = new QVBoxLayout(this);
    auto *delayed =
        new QRadioButton(tr("&Prepare the request now, send it to a certification authority "
                            "later"),
                         this);
    delayed->setObjectName(QStringLiteral("delayed"));
    delayed->setChecked(true);
    auto *immediate = new QRadioButton(
        tr("Have the deployment's &internal certification authority sign it now"), this);
    immediate->setObjectName(QStringLiteral("immediate"));
    auto *help = new QLabel(tr("A delayed request writes a CSR file; import the answer later "
                               "from the Certificates page. Partners usually do not trust the "
                               "internal authority, so use it for the internal edge or for tests."),
                            this);
    help->setWordWrap(true);
    layout->addWidget(delayed);
    layout->addWidget(immediate);
    layout->addSpacing(12);
    layout->addWidget(help);
    layout->addStretch(1);
    registerField(QStringLiteral("immediate"), immediate);
}

int RequestModePage::nextId() const
{
    return field(QStringLiteral("immediate")).toBool() ? CertificateRequestWizard::TemplatePage
                                                       : CertificateRequestWizard::FilePage;
}

} // namespace fedgate::wizard
