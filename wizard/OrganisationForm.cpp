#include "OrganisationForm.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QSpinBox>

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

    // The same bounds as 'fedgatectl gateway set', so both tools accept the
    // same values: a day for stream timers, a week for subscriptions.
    addSection(tr("Gateway settings"));
    const QString seconds = tr(" s", "seconds suffix");
    m_connectionLimit =
        addNumber(tr("Connection limit"), 1, 100000, {},
                  tr("Maximum XMPP server-to-server connections of the whole gateway."));
    m_connectionLimit->setObjectName(QStringLiteral("gatewayConnectionLimit"));
    m_partnerConnectionLimit =
        addNumber(tr("Connections per partner"), 1, 100000, {},
                  tr("Maximum connections to one partner, unless the partner sets its own."));
    m_partnerConnectionLimit->setObjectName(QStringLiteral("gatewayPartnerConnectionLimit"));
    m_keepAliveInterval = addNumber(tr("Keep-alive interval"), 1, 86400, seconds,
                                    tr("Time between keep-alives on idle streams."));
    m_keepAliveInterval->setObjectName(QStringLiteral("gatewayKeepAliveInterval"));
    m_streamEstablishmentTimeout =
        addNumber(tr("Stream establishment timeout"), 1, 86400, seconds,
                  tr("Time a new stream may take to be established before it is dropped."));
    m_streamEstablishmentTimeout->setObjectName(QStringLiteral("gatewayStreamEstablishment"));
    m_streamInactivityTimeout =
        addNumber(tr("Stream inactivity timeout"), 1, 86400, seconds,
                  tr("Time without traffic after which a stream is closed."));
    m_streamInactivityTimeout->setObjectName(QStringLiteral("gatewayStreamInactivity"));
    m_subscriptionRefreshInterval =
        addNumber(tr("Subscription refresh interval"), 1, 604800, seconds,
                  tr("Time between refreshes of presence subscriptions with partners."));
    m_subscriptionRefreshInterval->setObjectName(QStringLiteral("gatewaySubscriptionRefresh"));
    m_logMessageBodies = addCheck(tr("Log the bodies of all messages"),
                                  tr("Message bodies are your users' conversations: enable "
                                     "this only while diagnosing a problem."));
    m_logMessageBodies->setObjectName(QStringLiteral("gatewayLogMessageBodies"));
}

void OrganisationForm::fill(const topology::Topology &topology)
{
    const topology::Organisation &o = topology.organisation;
    m_name->setText(o.name);
    m_defaultSipDomain->setText(o.defaultSipDomain);
    m_additionalSipDomains->setText(joinList(o.additionalSipDomains));
    m_xmppDomains->setText(joinList(o.xmppDomains));

    const topology::GatewaySettings &g = topology.gateway;
    m_connectionLimit->setValue(g.connectionLimit);
    m_partnerConnectionLimit->setValue(g.partnerConnectionLimit);
    m_keepAliveInterval->setValue(g.keepAliveInterval);
    m_streamEstablishmentTimeout->setValue(g.streamEstablishmentTimeout);
    m_streamInactivityTimeout->setValue(g.streamInactivityTimeout);
    m_subscriptionRefreshInterval->setValue(g.subscriptionRefreshInterval);
    m_logMessageBodies->setChecked(g.enableLoggingAllMessageBodies);
}

QString OrganisationForm::apply(topology::Topology &topology) const
{
    topology::Organisation &o = topology.organisation;
    o.name = m_name->text().trimmed();
    o.defaultSipDomain = m_defaultSipDomain->text().trimmed();
    o.additionalSipDomains = splitList(m_additionalSipDomains->text());
    o.xmppDomains = splitList(m_xmppDomains->text());

    // The dialback secret is not shown here and stays as it is.
    topology::GatewaySettings &g = topology.gateway;
    g.connectionLimit = m_connectionLimit->value();
    g.partnerConnectionLimit = m_partnerConnectionLimit->value();
    g.keepAliveInterval = m_keepAliveInterval->value();
    g.streamEstablishmentTimeout = m_streamEstablishmentTimeout->value();
    g.streamInactivityTimeout = m_streamInactivityTimeout->value();
    g.subscriptionRefreshInterval = m_subscriptionRefreshInterval->value();
    g.enableLoggingAllMessageBodies = m_logMessageBodies->isChecked();
    return TopologyPath::organisation();
}

} // namespace fedgate::wizard
