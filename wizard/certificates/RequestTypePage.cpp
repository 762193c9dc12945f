#include "RequestTypePage.h"

#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace fedgate::wizard {

RequestTypePage::RequestTypePage(QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("Certificate type"));
    setSubTitle(tr("Each edge interface needs its own certificate."));
    auto *layout = new QVBoxLayout(this);
    auto *external = new QRadioButton(tr("&External edge certificate (public interface)"), this);
    external->setObjectName(QStringLiteral("external"));
    external->setChecked(true);
    auto *externalHelp = new QLabel(tr("Partners check this certificate on port 5269. Have it "
                                       "issued by a public certification authority."),
                                    this);
    auto *internal = new QRadioButton(tr("&Internal edge certificate"), this);
    internal->setObjectName(QStringLiteral("internal"));
    auto *internalHelp = new QLabel(tr("The gateway checks this certificate on port 23456. An "
                                       "internal certification authority is fine."),
                                    this);
    auto *gateway = new QRadioButton(tr("&Gateway certificate (front-end pool)"), this);
    gateway->setObjectName(QStringLiteral("gateway"));
    auto *gatewayHelp = new QLabel(tr("The gateway presents this certificate to the edge on port "
                                      "23456 and to your users' XMPP clients on port 5222. An "
                                      "internal certification authority is fine."),
                                   this);
    for (QLabel *help : {externalHelp, internalHelp, gatewayHelp}) {
        help->setWordWrap(true);
        help->setIndent(24);
    }
    layout->addWidget(external);
    layout->addWidget(externalHelp);
    layout->addSpacing(12);
    layout->addWidget(internal);
    layout->addWidget(internalHelp);
    layout->addSpacing(12);
    layout->addWidget(gateway);
    layout->addWidget(gatewayHelp);
    layout->addStretch(1);
    registerField(QStringLiteral("external"), external);
    registerField(QStringLiteral("gateway"), gateway);
}

} // namespace fedgate::wizard
