#pragma once

#include "certs/CertificateRequest.h"
#include "topology/Topology.h"

#include <QWizard>

// The certificate request, page by page in the order of Lync's certificate
// wizard: type, delayed or immediate, file, template, name and key,
// organisation, geography, subject and SANs, summary, then the key creation
// job (off the GUI thread) with View CSR and View Log. The pages only collect
// fields; certs::KeyStore::createRequest does the work.
namespace fedgate::wizard {

class RequestNamesPage;

class CertificateRequestWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageIdentifier
    {
        TypePage,
        ModePage,
        FilePage,
        TemplatePage,
        KeyPage,
        OrganisationPage,
        GeographyPage,
        NamesPage,
        SummaryPage,
        CreationPage
    };

    // `topology` is the published topology the names come from.
    CertificateRequestWizard(const topology::Topology &topology, const QString &dataDirectory,
                             QWidget *parent = nullptr);

    const topology::Topology &topology() const { return m_topology; }
    QString dataDirectory() const { return m_dataDirectory; }
    // The request as the fields describe it now.
    certs::CertificateRequest request() const;

private:
    topology::Topology m_topology;
    QString m_dataDirectory;
    RequestNamesPage *m_names;
};

} // namespace fedgate::wizard
