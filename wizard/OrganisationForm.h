#pragma once

#include "ObjectForm.h"

class QCheckBox;
class QLineEdit;
class QSpinBox;

// The organisation: its name and the SIP and XMPP domains it answers for,
// and below them the gateway-wide settings (limits and stream timers), which
// apply to the whole organisation's federation.
namespace fedgate::wizard {

class OrganisationForm : public ObjectForm
{
    Q_OBJECT
public:
    explicit OrganisationForm(QWidget *parent = nullptr);
    QString apply(topology::Topology &topology) const override;

protected:
    void fill(const topology::Topology &topology) override;

private:
    QLineEdit *m_name;
    QLineEdit *m_defaultSipDomain;
    QLineEdit *m_additionalSipDomains;
    QLineEdit *m_xmppDomains;
    QSpinBox *m_connectionLimit;
    QSpinBox *m_partnerConnectionLimit;
    QSpinBox *m_keepAliveInterval;
    QSpinBox *m_streamEstablishmentTimeout;
    QSpinBox *m_streamInactivityTimeout;
    QSpinBox *m_subscriptionRefreshInterval;
    QCheckBox *m_logMessageBodies;
};

} // namespace fedgate::wizard
