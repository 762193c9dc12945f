#include "NewTopologyWizard.h"

#include "GuidedCheck.h"
#include "NameListEditor.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>
#include <QWizardPage>

namespace fedgate::wizard {

using namespace fedgate::topology;

class NewTopologyOrganisationPage : public QWizardPage
{
public:
    explicit NewTopologyOrganisationPage(NewTopologyWizard *wizard)
        : QWizardPage(wizard)
        , m_wizard(wizard)
    {
        setObjectName(QStringLiteral("organisationPage"));
        setTitle(NewTopologyWizard::tr("Organisation"));
        setSubTitle(NewTopologyWizard::tr(
            "Your organisation's name and the domains its users' addresses are in."));
        auto *layout = new QVBoxLayout(this);
        auto *form = new QFormLayout;
        wizard->m_name = new QLineEdit(this);
        wizard->m_name->setObjectName(QStringLiteral("organisationName"));
        wizard->m_name->setPlaceholderText(NewTopologyWizard::tr("Contoso"));
        form->addRow(NewTopologyWizard::tr("Organisation name:"), wizard->m_name);
        wizard->m_sipDomain = new QLineEdit(this);
        wizard->m_sipDomain->setObjectName(QStringLiteral("sipDomain"));
        wizard->m_sipDomain->setPlaceholderText(NewTopologyWizard::tr("contoso.com"));
        form->addRow(NewTopologyWizard::tr("Default SIP domain:"), wizard->m_sipDomain);
        wizard->m_xmppDomains = new NameListEditor(NewTopologyWizard::tr("XMPP domains"), this);
        wizard->m_xmppDomains->setObjectName(QStringLiteral("xmppDomains"));
        form->addRow(NewTopologyWizard::tr("XMPP domains:"), wizard->m_xmppDomains);
        auto *hint = new QLabel(NewTopologyWizard::tr("The domains of your users' XMPP "
                                                      "addresses, one per row. Left empty, the "
                                                      "SIP domain is used."),
                                this);
        hint->setWordWrap(true);
        form->addRow(QString(), hint);
        layout->addLayout(form);
        layout->addStretch(1);
        m_errors = makeErrorLabel(this);
        layout->addWidget(m_errors);
        registerField(QStringLiteral("organisationName*"), wizard->m_name);
        registerField(QStringLiteral("sipDomain*"), wizard->m_sipDomain);
    }

    bool validatePage() override
    {
        return showPageErrors(m_errors,
                              pageErrors(m_wizard->topology(), {QStringLiteral("organisation")}));
    }

private:
    NewTopologyWizard *m_wizard;
    QLabel *m_errors;
};

class NewTopologySitePage : public QWizardPage
{
public:
    explicit NewTopologySitePage(NewTopologyWizard *wizard)
        : QWizardPage(wizard)
        , m_wizard(wizard)
    {
        setObjectName(QStringLiteral("sitePage"));
        setTitle(NewTopologyWizard::tr("First site"));
        setSubTitle(NewTopologyWizard::tr(
            "A site is a place with its own servers, such as a city or a data centre. You add "
            "edge pools to it afterwards."));
        auto *layout = new QVBoxLayout(this);
        auto *form = new QFormLayout;
        wizard->m_site = new QLineEdit(this);
        wizard->m_site->setObjectName(QStringLiteral("siteName"));
        wizard->m_site->setPlaceholderText(NewTopologyWizard::tr("Paris"));
        form->addRow(NewTopologyWizard::tr("Site name:"), wizard->m_site);
        wizard->m_siteDescription = new QLineEdit(this);
        wizard->m_siteDescription->setObjectName(QStringLiteral("siteDescription"));
        form->addRow(NewTopologyWizard::tr("Description:"), wizard->m_siteDescription);
        wizard->m_frontEnd = new QLineEdit(this);
        wizard->m_frontEnd->setObjectName(QStringLiteral("frontEndPool"));
        wizard->m_frontEnd->setPlaceholderText(NewTopologyWizard::tr("optional"));
        form->addRow(NewTopologyWizard::tr("Front-end pool FQDN:"), wizard->m_frontEnd);
        auto *hint = new QLabel(NewTopologyWizard::tr("The gateway's pool in this site, if it "
                                                      "has one (a single-computer pool: its "
                                                      "member is the pool FQDN itself)."),
                                this);
        hint->setWordWrap(true);
        form->addRow(QString(), hint);
        layout->addLayout(form);
        layout->addStretch(1);
        m_errors = makeErrorLabel(this);
        layout->addWidget(m_errors);
        registerField(QStringLiteral("siteName*"), wizard->m_site);
    }

    bool validatePage() override
    {
        const Topology t = m_wizard->topology();
        return showPageErrors(m_errors,
                              pageErrors(t, {QStringLiteral("sites/") + t.sites.value(0).name}));
    }

private:
    NewTopologyWizard *m_wizard;
    QLabel *m_errors;
};

NewTopologyWizard::NewTopologyWizard(QWidget *parent)
    : QWizard(parent)
{
    setObjectName(QStringLiteral("newTopologyWizard"));
    setWindowTitle(tr("New Topology"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    resize(640, 460);
    addPage(new NewTopologyOrganisationPage(this));
    addPage(new NewTopologySitePage(this));
}

Topology NewTopologyWizard::topology() const
{
    Topology t;
    t.organisation.name = m_name->text().trimmed();
    t.organisation.defaultSipDomain = m_sipDomain->text().trimmed();
    t.organisation.xmppDomains = m_xmppDomains->names();
    if (t.organisation.xmppDomains.isEmpty() && !t.organisation.defaultSipDomain.isEmpty())
        t.organisation.xmppDomains = {t.organisation.defaultSipDomain};
    if (!m_site->text().trimmed().isEmpty()) {
        Site site;
        site.name = m_site->text().trimmed();
        site.description = m_siteDescription->text().trimmed();
        const QString fe = m_frontEnd->text().trimmed();
        if (!fe.isEmpty())
            site.frontEndPools.append(FrontEndPool{fe, {fe}});
        t.sites.append(site);
    }
    t.normalise();
    return t;
}

} // namespace fedgate::wizard
