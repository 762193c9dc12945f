#pragma once

#include "topology/Topology.h"

#include <QWizard>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QRadioButton;
class QSpinBox;
class QTableWidget;

// Topology Builder's "New Edge Pool", for one site: the pool's FQDNs and
// whether it is a single- or multi-computer pool and carries XMPP
// federation; its servers with their internal and external names and
// addresses (and the public address when behind NAT); the next hop and
// whether this site's XMPP federation goes through it. Every page is
// checked with the core validation rules; result() is the draft with the
// pool added, and poolPath() its object path.
namespace fedgate::wizard {

class NewEdgePoolWizard : public QWizard
{
    Q_OBJECT
public:
    NewEdgePoolWizard(const topology::Topology &draft, const QString &site,
                      QWidget *parent = nullptr);

    topology::EdgePool pool() const;
    topology::Topology result() const;
    QString poolPath() const;

private:
    friend class EdgePoolNamePage;
    friend class EdgePoolMembersPage;
    friend class EdgePoolRoutePage;
    void fillMemberDefaults();

    topology::Topology m_draft;
    QString m_site;
    QLineEdit *m_fqdn = nullptr;
    QLineEdit *m_externalFqdn = nullptr;
    QRadioButton *m_single = nullptr;
    QRadioButton *m_multi = nullptr;
    QCheckBox *m_xmpp = nullptr;
    QTableWidget *m_members = nullptr;
    QCheckBox *m_nat = nullptr;
    QComboBox *m_nextHop = nullptr;
    QCheckBox *m_route = nullptr;
};

} // namespace fedgate::wizard
