#pragma once

#include "ObjectForm.h"

class QLineEdit;

// A front-end (gateway) pool: its FQDN and member servers.
namespace fedgate::wizard {

class NameListEditor;

class FrontEndPoolForm : public ObjectForm
{
    Q_OBJECT
public:
    explicit FrontEndPoolForm(QWidget *parent = nullptr);
    QString apply(topology::Topology &topology) const override;

protected:
    void fill(const topology::Topology &topology) override;

private:
    QLineEdit *m_fqdn;
    NameListEditor *m_members;
};

} // namespace fedgate::wizard
