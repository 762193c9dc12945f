#include "RequestKeyPage.h"

#include "certs/CertificateRequest.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace fedgate::wizard {

RequestKeyPage::RequestKeyPage(QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("Name and security"));
    setSubTitle(tr("The friendly name tells certificates apart in lists. A longer key is "
                   "stronger but slower to create: RSA 4096 can take several seconds."));
    auto *layout = new QFormLayout(this);
    auto *name = new QLineEdit(this);
    name->setObjectName(QStringLiteral("friendlyName"));
    name->setAccessibleName(tr("Friendly name"));
    layout->addRow(tr("&Friendly name:"), name);
    auto *key = new QComboBox(this);
    key->setObjectName(QStringLiteral("keyType"));
    key->setAccessibleName(tr("Key type and size"));
    using certs::KeyType;
    for (KeyType t :
         {KeyType::Rsa2048, KeyType::Rsa3072, KeyType::Rsa4096, KeyType::EcP256, KeyType::EcP384})
        key->addItem(certs::displayName(t), int(t));
    layout->addRow(tr("&Key:"), key);
    auto *exportable = new QCheckBox(tr("Mark the private key as &exportable"), this);
    exportable->setObjectName(QStringLiteral("exportable"));
    layout->addRow(exportable);
    auto *help = new QLabel(tr("Exportable keys can be copied, with the certificate, to the "
                               "other servers of the edge pool as a PFX file."),
                            this);
    help->setWordWrap(true);
    layout->addRow(help);
    registerField(QStringLiteral("friendlyName*"), name);
    registerField(QStringLiteral("keyType"), key, "currentData", "currentIndexChanged");
    registerField(QStringLiteral("exportable"), exportable);
}

void RequestKeyPage::initializePage()
{
    auto *name = findChild<QLineEdit *>(QStringLiteral("friendlyName"));
    if (name->text().isEmpty())
        name->setText(field(QStringLiteral("external")).toBool() ? tr("XMPP edge external")
                                                                 : tr("XMPP edge internal"));
}

} // namespace fedgate::wizard
