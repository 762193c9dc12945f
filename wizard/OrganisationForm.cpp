#include "OrganisationForm.h"

#include <QLineEdit>

namespace fedgate::wizard {

OrganisationForm::OrganisationForm(QWidget *parent)
    : ObjectForm(parent)
{
    m_name = addLine(tr("Name"), tr("Contoso Ltd"));
    m_name->setObjectName(QStringLiteral("organisationName"));
    m_defaultSipDomain = addLine(tr("Default SIP domain"), tr("contoso.com"),
                                 tr("The domain of your users' addresses."));
    m_defaultSipDomain->setObjectName(QStringLiteral("defaultSipDomain"));
    m_additionalSipDomains = addLine(tr("Additional SIP domains"), tr("fabrikam.com, ..."),
                                     tr("Other domains your users have addresses in, "
                                        "separated by commas."));
    m_xmppDomains = addLine(tr("XMPP domains"), tr("contoso.com"),
                            tr("Domains whose users federate over XMPP; the edge answers for "
                               "them and DNS must publish an SRV record for each."));
    m_xmppDomains->setObjectName(QStringLiteral("xmppDomains"));
}

void OrganisationForm::fill(const topology::Topology &topology)
{
    const topology::Organisation &o = topology.organisation;
    m_name->setText(o.name);
    m_defaultSipDomain->setText(o.defaultSipDomain);
    m_additionalSipDomains->setText(joinList(o.additionalSipDomains));
    m_xmppDomains->setText(joinList(o.xmppDomains));
}

QString OrganisationForm::apply(topology::Topology &topology) const
{
    topology::Organisation &o = topology.organisation;
    o.name = m_name->text().trimmed();
    o.defaultSipDomain = m_defaultSipDomain->text().trimmed();
    o.additionalSipDomains = splitList(m_additionalSipDomains->text());
    o.xmppDomains = splitList(m_xmppDomains->text());
    return TopologyPath::organisation();
}

} // namespace fedgate::wizard
