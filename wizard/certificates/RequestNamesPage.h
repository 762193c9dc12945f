#pragma once

#include "certs/CertificateRequest.h"
#include "topology/Topology.h"

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

// Subject and subject alternative names, filled in from the topology
// (certs::computeNames): a check box per SIP domain adds sip.<domain>, an
// editor takes additional names, and the preview shows what the CSR will
// carry as the user changes them.
namespace fedgate::wizard {

class RequestNamesPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RequestNamesPage(const topology::Topology &topology, QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;
    // Adds this page's choices to `request`.
    void fillRequest(certs::CertificateRequest &request) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updatePreview();
    void addName();

    topology::Topology m_topology;
    QList<QCheckBox *> m_sipDomains;
    QWidget *m_sipBox;
    QListWidget *m_additional;
    QLineEdit *m_newName;
    QCheckBox *m_srvIds;
    QCheckBox *m_xmppAddrs;
    QPlainTextEdit *m_preview;
    QLabel *m_problem;
    bool m_namesOk = false;
};

} // namespace fedgate::wizard
