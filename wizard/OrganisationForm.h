#pragma once

#include "ObjectForm.h"

class QLineEdit;

// The organisation: its name and the SIP and XMPP domains it answers for.
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
};

} // namespace fedgate::wizard
