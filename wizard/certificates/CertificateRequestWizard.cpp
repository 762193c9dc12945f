#include "CertificateRequestWizard.h"

#include "KeyCreationPage.h"
#include "RequestFilePage.h"
#include "RequestGeographyPage.h"
#include "RequestKeyPage.h"
#include "RequestModePage.h"
#include "RequestNamesPage.h"
#include "RequestOrganisationPage.h"
#include "RequestSummaryPage.h"
#include "RequestTemplatePage.h"
#include "RequestTypePage.h"

namespace fedgate::wizard {

CertificateRequestWizard::CertificateRequestWizard(const topology::Topology &topology,
                                                   const QString &dataDirectory, QWidget *parent)
    : QWizard(parent)
    , m_topology(topology)
    , m_dataDirectory(dataDirectory)
{
    setObjectName(QStringLiteral("certificateRequestWizard"));
    setWindowTitle(tr("Certificate Request"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setPage(TypePage, new RequestTypePage);
    setPage(ModePage, new RequestModePage);
    setPage(FilePage, new RequestFilePage);
    setPage(TemplatePage, new RequestTemplatePage);
    setPage(KeyPage, new RequestKeyPage);
    setPage(OrganisationPage, new RequestOrganisationPage);
    setPage(GeographyPage, new RequestGeographyPage);
    m_names = new RequestNamesPage(m_topology);
    setPage(NamesPage, m_names);
    setPage(SummaryPage, new RequestSummaryPage);
    setPage(CreationPage, new KeyCreationPage);
    resize(760, 560);
}

certs::CertificateRequest CertificateRequestWizard::request() const
{
    certs::CertificateRequest r;
    r.usage = field(QStringLiteral("external")).toBool()  ? certs::CertificateUsage::ExternalEdge
              : field(QStringLiteral("gateway")).toBool() ? certs::CertificateUsage::Gateway
                                                          : certs::CertificateUsage::InternalEdge;
    r.mode = field(QStringLiteral("immediate")).toBool() ? certs::RequestMode::Immediate
                                                         : certs::RequestMode::Delayed;
    if (r.mode == certs::RequestMode::Delayed)
        r.csrPath = field(QStringLiteral("csrPath")).toString().trimmed();
    if (field(QStringLiteral("useTemplate")).toBool())
        r.templateName = field(QStringLiteral("templateName")).toString().trimmed();
    r.friendlyName = field(QStringLiteral("friendlyName")).toString().trimmed();
    r.keyType = certs::KeyType(field(QStringLiteral("keyType")).toInt());
    r.exportable = field(QStringLiteral("exportable")).toBool();
    r.organisation = field(QStringLiteral("organisation")).toString().trimmed();
    r.organisationalUnit = field(QStringLiteral("organisationalUnit")).toString().trimmed();
    r.country = field(QStringLiteral("country")).toString();
    r.state = field(QStringLiteral("state")).toString().trimmed();
    r.city = field(QStringLiteral("city")).toString().trimmed();
    m_names->fillRequest(r);
    return r;
}

} // namespace fedgate::wizard
