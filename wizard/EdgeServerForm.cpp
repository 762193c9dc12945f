#include "EdgeServerForm.h"

#include <QLineEdit>

namespace fedgate::wizard {

EdgeServerForm::EdgeServerForm(QWidget *parent)
    : ObjectForm(parent)
{
    m_internalFqdn = addLine(tr("Internal FQDN"), tr("edge1.contoso.local"));
    m_internalFqdn->setObjectName(QStringLiteral("memberInternalFqdn"));
    m_internalIPv4 = addLine(tr("Internal IPv4"), QStringLiteral("10.0.0.10"));
    m_internalIPv6 = addLine(tr("Internal IPv6"), tr("optional"));
    m_externalFqdn = addLine(tr("External FQDN"), tr("xmpp.contoso.com"));
    m_externalIPv4 = addLine(tr("External IPv4"), QStringLiteral("192.0.2.10"));
    m_externalIPv6 = addLine(tr("External IPv6"), tr("optional"));
    m_natIPv4 = addLine(tr("Public IPv4 behind NAT"), tr("optional"),
                        tr("Fill in when the external interface sits behind NAT: DNS then "
                           "publishes this address."));
}

void EdgeServerForm::fill(const topology::Topology &topology)
{
    topology::Topology copy = topology;
    const topology::EdgeServer *s = TopologyPath::parse(m_path).edgeServerIn(copy);
    if (!s)
        return;
    m_internalFqdn->setText(s->internalFqdn);
    m_internalIPv4->setText(s->internalIPv4);
    m_internalIPv6->setText(s->internalIPv6);
    m_externalFqdn->setText(s->externalFqdn);
    m_externalIPv4->setText(s->externalIPv4);
    m_externalIPv6->setText(s->externalIPv6);
    m_natIPv4->setText(s->natIPv4);
}

QString EdgeServerForm::apply(topology::Topology &topology) const
{
    topology::EdgeServer *s = TopologyPath::parse(m_path).edgeServerIn(topology);
    if (!s)
        return {};
    s->internalFqdn = m_internalFqdn->text().trimmed();
    s->internalIPv4 = m_internalIPv4->text().trimmed();
    s->internalIPv6 = m_internalIPv6->text().trimmed();
    s->externalFqdn = m_externalFqdn->text().trimmed();
    s->externalIPv4 = m_externalIPv4->text().trimmed();
    s->externalIPv6 = m_externalIPv6->text().trimmed();
    s->natIPv4 = m_natIPv4->text().trimmed();
    return m_path;
}

} // namespace fedgate::wizard
