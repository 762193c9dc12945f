#include "EdgePoolForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>

namespace fedgate::wizard {

EdgePoolForm::EdgePoolForm(QWidget *parent)
    : ObjectForm(parent)
{
    m_fqdn = addLine(tr("Internal pool FQDN"), tr("edge.contoso.local"),
                     tr("The pool's identity: the FQDN of its internal interface."));
    m_fqdn->setObjectName(QStringLiteral("edgeFqdn"));
    m_externalFqdn = addLine(tr("External FQDN"), tr("xmpp.contoso.com"),
                             tr("The name partners connect to; the XMPP SRV records point "
                                "to it."));
    m_externalFqdn->setObjectName(QStringLiteral("edgeExternalFqdn"));
    m_xmpp = addCheck(tr("Enable XMPP federation (port 5269)"),
                      tr("Run the XMPP proxy on this pool. A site routes its XMPP traffic "
                         "only through a pool that has it."));
    m_xmpp->setObjectName(QStringLiteral("enableXmpp"));
    m_xmppPort = addPort(tr("XMPP port"));
    m_internalPort = addPort(tr("Internal link port"));
    m_directTls = addCheck(tr("Also accept direct TLS (XEP-0368)"));
    m_directTlsPort = addPort(tr("Direct TLS port"));
    m_nextHop = new QComboBox(this);
    m_nextHop->setAccessibleName(tr("Next hop pool"));
    m_form->addRow(tr("Next hop pool:"), m_nextHop);
    connect(m_nextHop, &QComboBox::activated, this, &ObjectForm::edited);
}

void EdgePoolForm::fill(const topology::Topology &topology)
{
    topology::Topology copy = topology;
    const topology::EdgePool *pool = TopologyPath::parse(m_path).edgePoolIn(copy);
    if (!pool)
        return;
    m_fqdn->setText(pool->fqdn);
    m_externalFqdn->setText(pool->externalFqdn);
    m_xmpp->setChecked(pool->xmppFederation);
    m_xmppPort->setValue(pool->xmppPort);
    m_xmppPort->setEnabled(pool->xmppFederation);
    m_internalPort->setValue(pool->internalPort);
    m_directTls->setChecked(pool->directTls);
    m_directTls->setEnabled(pool->xmppFederation);
    m_directTlsPort->setValue(pool->directTlsPort);
    m_directTlsPort->setEnabled(pool->xmppFederation && pool->directTls);
    m_nextHop->clear();
    m_nextHop->addItem(tr("(none)"), QString());
    for (const topology::Site &site : topology.sites) {
        for (const topology::FrontEndPool &fe : site.frontEndPools)
            m_nextHop->addItem(fe.fqdn, fe.fqdn);
    }
    m_nextHop->setCurrentIndex(qMax(0, m_nextHop->findData(pool->nextHopPool)));
}

QString EdgePoolForm::apply(topology::Topology &topology) const
{
    const TopologyPath p = TopologyPath::parse(m_path);
    topology::EdgePool *pool = p.edgePoolIn(topology);
    if (!pool)
        return {};
    const QString oldFqdn = pool->fqdn;
    pool->fqdn = m_fqdn->text().trimmed();
    pool->externalFqdn = m_externalFqdn->text().trimmed();
    pool->xmppFederation = m_xmpp->isChecked();
    pool->xmppPort = static_cast<quint16>(m_xmppPort->value());
    pool->internalPort = static_cast<quint16>(m_internalPort->value());
    pool->directTls = m_directTls->isChecked();
    pool->directTlsPort = static_cast<quint16>(m_directTlsPort->value());
    pool->nextHopPool = m_nextHop->currentData().toString();
    // Sites name their route by pool FQDN; follow the rename.
    for (topology::Site &site : topology.sites) {
        if (site.xmppFederationRoute == oldFqdn)
            site.xmppFederationRoute = pool->fqdn;
    }
    return TopologyPath::ofEdgePool(p.site, pool->fqdn);
}

} // namespace fedgate::wizard
