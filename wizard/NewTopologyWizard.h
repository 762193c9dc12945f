#pragma once

#include "topology/Topology.h"

#include <QWizard>

class QLabel;
class QLineEdit;

// File > New Topology: the organisation (name, SIP and XMPP domains) and its
// first site (name, description, optional front-end pool), page by page as
// Topology Builder's "New Topology" does. Each page is checked with the core
// validation rules before the next one opens; topology() is the result.
namespace fedgate::wizard {

class NameListEditor;

class NewTopologyWizard : public QWizard
{
    Q_OBJECT
public:
    explicit NewTopologyWizard(QWidget *parent = nullptr);

    // The topology the pages describe so far (gateway settings default).
    topology::Topology topology() const;

private:
    friend class NewTopologyOrganisationPage;
    friend class NewTopologySitePage;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_sipDomain = nullptr;
    NameListEditor *m_xmppDomains = nullptr;
    QLineEdit *m_site = nullptr;
    QLineEdit *m_siteDescription = nullptr;
    QLineEdit *m_frontEnd = nullptr;
};

} // namespace fedgate::wizard
