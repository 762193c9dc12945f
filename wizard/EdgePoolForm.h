#pragma once

#include "ObjectForm.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

// An edge pool: identity, external FQDN, "Enable XMPP federation", ports and
// the next-hop front-end pool.
namespace fedgate::wizard {

class EdgePoolForm : public ObjectForm
{
    Q_OBJECT
public:
    explicit EdgePoolForm(QWidget *parent = nullptr);
    QString apply(topology::Topology &topology) const override;

protected:
    void fill(const topology::Topology &topology) override;

private:
    QLineEdit *m_fqdn;
    QLineEdit *m_externalFqdn;
    QCheckBox *m_xmpp;
    QSpinBox *m_xmppPort;
    QSpinBox *m_internalPort;
    QCheckBox *m_directTls;
    QSpinBox *m_directTlsPort;
    QComboBox *m_nextHop;
};

} // namespace fedgate::wizard
