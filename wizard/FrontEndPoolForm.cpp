#include "FrontEndPoolForm.h"

#include "NameListEditor.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace fedgate::wizard {

FrontEndPoolForm::FrontEndPoolForm(QWidget *parent)
    : ObjectForm(parent)
{
    m_fqdn = addLine(tr("Pool FQDN"), tr("pool.contoso.com"));
    m_fqdn->setObjectName(QStringLiteral("frontEndFqdn"));
    // One server per row: FQDNs are long, and a row at a time is easier to
    // check than a comma-separated line.
    m_members = new NameListEditor(tr("Member servers"), this);
    m_members->setObjectName(QStringLiteral("frontEndMembers"));
    m_members->setToolTip(tr("The FQDN of each server in the pool, one per row. A "
                             "single-computer pool lists the pool FQDN itself."));
    m_form->addRow(tr("%1:").arg(tr("Member servers")), m_members);
    auto *hint = new QLabel(tr("One server FQDN per row; double-click a row to change it. A "
                               "single-computer pool lists the pool FQDN itself."),
                            this);
    hint->setWordWrap(true);
    m_form->addRow(QString(), hint);
    connect(m_members, &NameListEditor::edited, this, &ObjectForm::edited);
}

void FrontEndPoolForm::fill(const topology::Topology &topology)
{
    topology::Topology copy = topology;
    const topology::FrontEndPool *pool = TopologyPath::parse(m_path).frontEndPoolIn(copy);
    if (!pool)
        return;
    m_fqdn->setText(pool->fqdn);
    m_members->setNames(pool->members);
}

QString FrontEndPoolForm::apply(topology::Topology &topology) const
{
    const TopologyPath p = TopologyPath::parse(m_path);
    topology::FrontEndPool *pool = p.frontEndPoolIn(topology);
    if (!pool)
        return {};
    const QString oldFqdn = pool->fqdn;
    pool->fqdn = m_fqdn->text().trimmed();
    pool->members = m_members->names();
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
