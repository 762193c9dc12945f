#include "RequestSummaryPage.h"

#include "CertificateRequestWizard.h"
#include "CertificatesPage.h"

#include "certs/CertificateNames.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace fedgate::wizard {

RequestSummaryPage::RequestSummaryPage(QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("Request summary"));
    setSubTitle(tr("Check the request. Create generates the private key and the request; it "
                   "cannot be undone from here, but a pending request can be deleted later."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Create"));
    auto *layout = new QVBoxLayout(this);
    m_summary = new QPlainTextEdit(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setAccessibleName(tr("Request summary"));
    m_summary->setReadOnly(true);
    m_summary->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    layout->addWidget(m_summary, 1);
    layout->addWidget(m_problems);
}

void RequestSummaryPage::initializePage()
{
    auto *w = qobject_cast<CertificateRequestWizard *>(wizard());
    const certs::CertificateRequest r = w->request();
    QStringList lines;
    auto line = [&lines](const QString &label, const QString &value) {
        lines << QStringLiteral("%1 %2").arg(label + QLatin1Char(':'), -26).arg(value);
    };
    line(tr("Certificate for"), CertificatesPage::usageName(r.usage));
    line(tr("Request"), r.mode == certs::RequestMode::Delayed
                            ? tr("delayed, CSR written to %1").arg(r.csrPath)
                            : tr("immediate, signed by the internal authority"));
    line(tr("Template"), r.templateName.isEmpty() ? tr("(none)") : r.templateName);
    line(tr("Friendly name"), r.friendlyName);
    line(tr("Key"), certs::displayName(r.keyType));
    line(tr("Exportable"), r.exportable ? tr("yes") : tr("no"));
    line(tr("Organisation"), r.organisation);
    line(tr("Organisational unit"), r.organisationalUnit);
    line(tr("Country"), r.country);
    line(tr("State or province"), r.state);
    line(tr("City"), r.city);
    auto names = certs::computeNames(w->topology(), r);
    if (names.ok()) {
        line(tr("Subject"), QStringLiteral("CN=") + names.value().commonName);
        line(tr("Alternative names"), names.value().dnsNames.join(QStringLiteral(", ")));
    }
    m_summary->setPlainText(lines.join(QLatin1Char('\n')));
    const QStringList problems = certs::checkRequest(r);
    m_ok = problems.isEmpty() && names.ok();
    m_problems->setText(problems.join(QLatin1Char('\n')));
    emit completeChanged();
}

bool RequestSummaryPage::isComplete() const
{
    return m_ok;
}

} // namespace fedgate::wizard
