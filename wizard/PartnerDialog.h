#pragma once

#include "topology/Topology.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

// New or edit one XMPP federated partner, with every per-partner setting.
// The negotiation matrix is applied as the user chooses: the verdict, what
// the combination will negotiate, and, for a refused combination, why and
// what to change; OK stays disabled until the partner can be saved.
namespace fedgate::wizard {

class PartnerDialog : public QDialog
{
    Q_OBJECT
public:
    // `existing` lists the topology's partners (for the duplicate check);
    // `originalDomain` is empty for a new partner.
    PartnerDialog(const topology::Topology &topology, const topology::XmppPartner &partner,
                  const QString &originalDomain, QWidget *parent = nullptr);

    topology::XmppPartner partner() const;
    QString originalDomain() const { return m_originalDomain; }
    bool canSave() const;
    QString problem() const; // why OK is disabled; empty when it is not

private:
    void update();
    QString checkFields() const;

    topology::Topology m_topology;
    QString m_originalDomain;
    QLineEdit *m_domain;
    QLineEdit *m_description;
    QLineEdit *m_additionalDomains;
    QComboBox *m_type;
    QLabel *m_typeHelp;
    QComboBox *m_tls;
    QComboBox *m_sasl;
    QCheckBox *m_dialback;
    QSpinBox *m_connectionLimit;
    QCheckBox *m_keepAlive;
    QCheckBox *m_dane;
    QLineEdit *m_proxyFqdn;
    QLabel *m_verdictIcon;
    QLabel *m_verdict;
    QLabel *m_summary;
    QLabel *m_problemLabel;
    QDialogButtonBox *m_buttons;
    QString m_problem;
};

} // namespace fedgate::wizard
