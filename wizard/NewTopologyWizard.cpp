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

namespace {
// The layout both pages share: a form of line edits with a hint under them,
// the core validation's errors at the bottom; validatePage() checks the
// topology paths the page describes.
class NewTopologyFormPage : public QWizardPage
{
public:
    NewTopologyFormPage(NewTopologyWizard *wizard, const QString &objectName, const QString &title,
                        const QString &subTitle)
        : QWizardPage(wizard)
        , m_wizard(wizard)
        , m_form(new QFormLayout)
    {
        setObjectName(objectName);
        setTitle(title);
        setSubTitle(subTitle);
    }

    bool validatePage() override
    {
        const Topology t = m_wizard->topology();
        return showPageErrors(m_errors, pageErrors(t, paths(t)));
    }

protected:
    virtual QStringList paths(const Topology &t) const = 0;

    QLineEdit *addLine(const QString &objectName, const QString &label,
                       const QString &placeholder = {})
    {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(objectName);
        edit->setPlaceholderText(placeholder);
        m_form->addRow(label, edit);
        return edit;
    }
    void addRow(const QString &label, QWidget *field) { m_form->addRow(label, field); }
    // The hint under the fields, then the error label; call last.
    void finish(const QString &hint)
    {
        auto *text = new QLabel(hint, this);
        text->setWordWrap(true);
        m_form->addRow(QString(), text);
        auto *layout = new QVBoxLayout(this);
        layout->addLayout(m_form);
        layout->addStretch(1);
        m_errors = makeErrorLabel(this);
        layout->addWidget(m_errors);
    }

    NewTopologyWizard *m_wizard;

private:
    QFormLayout *m_form;
    QLabel *m_errors = nullptr;
};
} // namespace

class NewTopologyOrganisationPage : public NewTopologyFormPage
{
public:
    explicit NewTopologyOrganisationPage(NewTopologyWizard *wizard)
        : NewTopologyFormPage(
              wizard, QStringLiteral("organisationPage"), NewTopologyWizard::tr("Organisation"),
              NewTopologyWizard::tr(
                  "Your organisation's name and the domains its users' addresses are in."))
    {
        wizard->m_name =
            addLine(QStringLiteral("organisationName"), NewTopologyWizard::tr("Organisation name:"),
                    NewTopologyWizard::tr("Contoso"));
        wizard->m_sipDomain =
            addLine(QStringLiteral("sipDomain"), NewTopologyWizard::tr("Default SIP domain:"),
                    NewTopologyWizard::tr("contoso.com"));
        wizard->m_xmppDomains = new NameListEditor(NewTopologyWizard::tr("XMPP domains"), this);
        wizard->m_xmppDomains->setObjectName(QStringLiteral("xmppDomains"));
        addRow(NewTopologyWizard::tr("XMPP domains:"), wizard->m_xmppDomains);
        finish(NewTopologyWizard::tr("The domains of your users' XMPP addresses, one per row. "
                                     "Left empty, the SIP domain is used."));
        registerField(QStringLiteral("organisationName*"), wizard->m_name);
        registerField(QStringLiteral("sipDomain*"), wizard->m_sipDomain);
    }

protected:
    QStringList paths(const Topology &) const override { return {QStringLiteral("organisation")}; }
};

class NewTopologySitePage : public NewTopologyFormPage
{
public:
    explicit NewTopologySitePage(NewTopologyWizard *wizard)
        : NewTopologyFormPage(wizard, QStringLiteral("sitePage"),
                              NewTopologyWizard::tr("First site"),
                              NewTopologyWizard::tr("A site is a place with its own servers, such "
                                                    "as a city or a data centre. You add edge "
                                                    "pools to it afterwards."))
    {
        wizard->m_site = addLine(QStringLiteral("siteName"), NewTopologyWizard::tr("Site name:"),
                                 NewTopologyWizard::tr("Paris"));
        wizard->m_siteDescription =
            addLine(QStringLiteral("siteDescription"), NewTopologyWizard::tr("Description:"));
        wizard->m_frontEnd =
            addLine(QStringLiteral("frontEndPool"), NewTopologyWizard::tr("Front-end pool FQDN:"),
                    NewTopologyWizard::tr("optional"));
        finish(NewTopologyWizard::tr("The gateway's pool in this site, if it has one (a "
                                     "single-computer pool: its member is the pool FQDN "
                                     "itself)."));
        registerField(QStringLiteral("siteName*"), wizard->m_site);
    }

protected:
    QStringList paths(const Topology &t) const override
    {
        return {QStringLiteral("sites/") + t.sites.value(0).name};
    }
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
