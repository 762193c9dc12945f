#include "RequestModePage.h"

#include "CertificateRequestWizard.h"

#include "certs/InternalCa.h"
#include "certs/KeyStore.h"

#include <QCheckBox>
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
    // The internal authority is created only once the administrator agrees,
    // knowing what it is for.
    m_caNote = new QLabel(tr("This deployment has no internal certification authority yet. "
                             "Creating one makes a private authority on this machine that signs "
                             "certificates for the internal edge, the gateway and tests; "
                             "partners on the Internet do not trust it."),
                          this);
    m_caNote->setObjectName(QStringLiteral("caNote"));
    m_caNote->setWordWrap(true);
    m_createCa = new QCheckBox(tr("Create the internal certification &authority"), this);
    m_createCa->setObjectName(QStringLiteral("createCa"));
    layout->addSpacing(12);
    layout->addWidget(m_caNote);
    layout->addWidget(m_createCa);
    layout->addStretch(1);
    registerField(QStringLiteral("immediate"), immediate);
    connect(immediate, &QRadioButton::toggled, this, &RequestModePage::updateCaConsent);
    connect(m_createCa, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
    updateCaConsent();
}

bool RequestModePage::caExists() const
{
    return certs::InternalCa(certs::KeyStore().dataDirectory()).exists();
}

void RequestModePage::updateCaConsent()
{
    const bool ask = field(QStringLiteral("immediate")).toBool() && !caExists();
    m_caNote->setVisible(ask);
    m_createCa->setVisible(ask);
    emit completeChanged();
}

bool RequestModePage::isComplete() const
{
    return !field(QStringLiteral("immediate")).toBool() || caExists() || m_createCa->isChecked();
}

int RequestModePage::nextId() const
{
    return field(QStringLiteral("immediate")).toBool() ? CertificateRequestWizard::TemplatePage
                                                       : CertificateRequestWizard::FilePage;
}

} // namespace fedgate::wizard
