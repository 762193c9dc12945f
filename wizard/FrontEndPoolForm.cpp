#include "FrontEndPoolForm.h"

#include <QLineEdit>

namespace fedgate::wizard {

FrontEndPoolForm::FrontEndPoolForm(QWidget *parent)
    : ObjectForm(parent)
{
    m_fqdn = addLine(tr("Pool FQDN"), tr("pool.contoso.com"));
    m_fqdn->setObjectName(QStringLiteral("frontEndFqdn"));
    m_members = addLine(tr("Member servers"), tr("fe1.contoso.com, fe2.contoso.com"),
                        tr("The FQDNs of the servers in the pool, separated by commas. A "
                           "single-computer pool lists the pool FQDN itself."));
}

void FrontEndPoolForm::fill(const topology::Topology &topology)
{
    topology::Topology copy = topology;
    const topology::FrontEndPool *pool = TopologyPath::parse(m_path).frontEndPoolIn(copy);
    if (!pool)
        return;
    m_fqdn->setText(pool->fqdn);
    m_members->setText(joinList(pool->members));
}

QString FrontEndPoolForm::apply(topology::Topology &topology) const
{
    const TopologyPath p = TopologyPath::parse(m_path);
    topology::FrontEndPool *pool = p.frontEndPoolIn(topology);
    if (!pool)
        return {};
    const QString oldFqdn = pool->fqdn;
    pool->fqdn = m_fqdn->text().trimmed();
    pool->members = splitList(m_members->text());
    // Edge pools name their next hop by FQDN; follow the rename.
    for (topology::Site &site : topology.sites) {
        for (topology::EdgePool &edge : site.edgePools) {
            if (edge.nextHopPool == oldFqdn)
                edge.nextHopPool = pool->fqdn;
        }
    }
    return TopologyPath::ofFrontEndPool(p.site, pool->fqdn);
}

} // namespace fedgate::wizard
