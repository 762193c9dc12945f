#include "SiteForm.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>

namespace fedgate::wizard {

SiteForm::SiteForm(QWidget *parent)
    : ObjectForm(parent)
{
    m_name = addLine(tr("Site name"), tr("Paris"));
    m_name->setObjectName(QStringLiteral("siteName"));
    m_description = addLine(tr("Description"));
    m_route = new QComboBox(this);
    m_route->setObjectName(QStringLiteral("xmppRoute"));
    m_route->setAccessibleName(tr("XMPP federation route"));
    m_route->setToolTip(tr("The edge pool that carries this site's XMPP federation traffic. "
                           "Only edge pools with XMPP federation enabled are offered."));
    m_form->addRow(tr("XMPP federation route:"), m_route);
    connect(m_route, &QComboBox::activated, this, &ObjectForm::edited);
}

void SiteForm::fill(const topology::Topology &topology)
{
    TopologyPath p = TopologyPath::parse(m_path);
    topology::Topology copy = topology;
    const topology::Site *site = p.siteIn(copy);
    if (!site)
        return;
    m_name->setText(site->name);
    m_description->setText(site->description);
    m_route->clear();
    m_route->addItem(tr("(none: this site does not federate over XMPP)"), QString());
    for (const topology::EdgePool *pool : topology.edgePools()) {
        if (!pool->xmppFederation)
            continue;
        const topology::Site *owner = topology.siteOfEdgePool(pool->fqdn);
        m_route->addItem(tr("%1 (site %2)").arg(pool->fqdn, owner ? owner->name : QString()),
                         pool->fqdn);
    }
    int index = m_route->findData(site->xmppFederationRoute);
    if (index < 0 && !site->xmppFederationRoute.isEmpty()) {
        // Keep showing a route that no longer qualifies; validation says why.
        m_route->addItem(tr("%1 (XMPP federation not enabled)").arg(site->xmppFederationRoute),
                         site->xmppFederationRoute);
        index = m_route->count() - 1;
    }
    m_route->setCurrentIndex(qMax(index, 0));
}

QString SiteForm::apply(topology::Topology &topology) const
{
    topology::Site *site = TopologyPath::parse(m_path).siteIn(topology);
    if (!site)
        return {};
    const QString newName = m_name->text().trimmed();
    // Other sites' routes name edge pools, not sites, so a rename touches
    // only users whose home site it is.
    for (topology::User &u : topology.users) {
        if (u.site == site->name)
            u.site = newName;
    }
    for (topology::ExternalAccessPolicy &policy : topology.policies) {
        if (policy.identity == QStringLiteral("site:") + site->name)
            policy.identity = QStringLiteral("site:") + newName;
    }
    site->name = newName;
    site->description = m_description->text().trimmed();
    site->xmppFederationRoute = m_route->currentData().toString();
    return TopologyPath::ofSite(newName);
}

} // namespace fedgate::wizard
