#pragma once

#include "ObjectForm.h"

class QLineEdit;

// One member server of an edge pool: its internal and external interfaces.
namespace fedgate::wizard {

class EdgeServerForm : public ObjectForm
{
    Q_OBJECT
public:
    explicit EdgeServerForm(QWidget *parent = nullptr);
    QString apply(topology::Topology &topology) const override;

protected:
    void fill(const topology::Topology &topology) override;

private:
    QLineEdit *m_internalFqdn;
    QLineEdit *m_internalIPv4;
    QLineEdit *m_internalIPv6;
    QLineEdit *m_externalFqdn;
    QLineEdit *m_externalIPv4;
    QLineEdit *m_externalIPv6;
    QLineEdit *m_natIPv4;
};

} // namespace fedgate::wizard
