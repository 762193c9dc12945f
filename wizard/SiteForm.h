#pragma once

#include "ObjectForm.h"

class QComboBox;
class QLineEdit;

// A site: name, description and its XMPP federation route, chosen among the
// edge pools (of any site) that have XMPP federation enabled.
namespace fedgate::wizard {

class SiteForm : public ObjectForm
{
    Q_OBJECT
public:
    explicit SiteForm(QWidget *parent = nullptr);
    QString apply(topology::Topology &topology) const override;

protected:
    void fill(const topology::Topology &topology) override;

private:
    QLineEdit *m_name;
    QLineEdit *m_description;
    QComboBox *m_route;
};

} // namespace fedgate::wizard
