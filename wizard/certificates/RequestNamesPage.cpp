#include "RequestNamesPage.h"

#include "CertificateRequestWizard.h"

#include "certs/CertificateNames.h"
#include "topology/Validation.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace fedgate::wizard {

RequestNamesPage::RequestNamesPage(const topology::Topology &topology, QWidget *parent)
    : QWizardPage(parent)
    , m_topology(topology)
{
    setTitle(tr("Subject name and alternative names"));
    setSubTitle(tr("Filled in from the published topology. Tick the SIP domains whose "
                   "sip.<domain> name the certificate must carry and add any other name."));
    auto *layout = new QGridLayout(this);

    m_sipBox = new QGroupBox(tr("SIP domains"), this);
    auto *sipLayout = new QVBoxLayout(m_sipBox);
    for (const QString &domain : m_topology.organisation.sipDomains()) {
        auto *check = new QCheckBox(QStringLiteral("sip.") + domain, m_sipBox);
        check->setObjectName(QStringLiteral("sip:") + domain);
        check->setProperty("domain", domain);
        sipLayout->addWidget(check);
        m_sipDomains.append(check);
        connect(check, &QCheckBox::toggled, this, &RequestNamesPage::updatePreview);
    }
    sipLayout->addStretch(1);
    layout->addWidget(m_sipBox, 0, 0);

    auto *extraBox = new QGroupBox(tr("Additional names"), this);
    auto *extraLayout = new QVBoxLayout(extraBox);
    m_additional = new QListWidget(extraBox);
    m_additional->setObjectName(QStringLiteral("additionalSans"));
    m_additional->setAccessibleName(tr("Additional names"));
    auto *addRow = new QHBoxLayout;
    m_newName = new QLineEdit(extraBox);
    m_newName->setObjectName(QStringLiteral("newSan"));
    m_newName->setAccessibleName(tr("New alternative name"));
    m_newName->setPlaceholderText(tr("webconf.contoso.com"));
    auto *add = new QPushButton(tr("&Add"), extraBox);
    add->setObjectName(QStringLiteral("addSan"));
    auto *remove = new QPushButton(tr("Re&move"), extraBox);
    addRow->addWidget(m_newName, 1);
    addRow->addWidget(add);
    addRow->addWidget(remove);
    extraLayout->addWidget(m_additional, 1);
    extraLayout->addLayout(addRow);
    layout->addWidget(extraBox, 0, 1);

    m_srvIds = new QCheckBox(tr("Add XMPP service names (SRV-ID, _xmpp-server.<domain>)"), this);
    m_xmppAddrs = new QCheckBox(tr("Add XMPP addresses (xmppAddr)"), this);
    layout->addWidget(m_srvIds, 1, 0, 1, 2);
    layout->addWidget(m_xmppAddrs, 2, 0, 1, 2);

    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("namesPreview"));
    m_preview->setAccessibleName(tr("Names the request will carry"));
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_preview, 3, 0, 1, 2);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("namesProblem"));
    m_problem->setWordWrap(true);
    layout->addWidget(m_problem, 4, 0, 1, 2);
    layout->setRowStretch(3, 1);

    connect(add, &QPushButton::clicked, this, &RequestNamesPage::addName);
    // Enter in the name field adds the name; it must not press Next.
    m_newName->installEventFilter(this);
    connect(remove, &QPushButton::clicked, this, [this] {
        delete m_additional->currentItem();
        updatePreview();
    });
    connect(m_srvIds, &QCheckBox::toggled, this, &RequestNamesPage::updatePreview);
    connect(m_xmppAddrs, &QCheckBox::toggled, this, &RequestNamesPage::updatePreview);
}

bool RequestNamesPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_newName && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            addName();
            return true;
        }
    }
    return QWizardPage::eventFilter(watched, event);
}

void RequestNamesPage::initializePage()
{
    // The SIP names belong on the external certificate only.
    const bool external = field(QStringLiteral("external")).toBool();
    m_sipBox->setVisible(external);
    m_srvIds->setVisible(external);
    m_xmppAddrs->setVisible(external);
    updatePreview();
}

void RequestNamesPage::addName()
{
    const QString name = m_newName->text().trimmed().toLower();
    if (name.isEmpty())
        return;
    const QString reason =
        topology::checkDomainName(name.startsWith(QLatin1String("*.")) ? name.mid(2) : name);
    if (!reason.isEmpty()) {
        m_problem->setText(tr("%1 cannot be added: %2").arg(name, reason));
        return;
    }
    if (m_additional->findItems(name, Qt::MatchFixedString).isEmpty())
        m_additional->addItem(name);
    m_newName->clear();
    updatePreview();
}

void RequestNamesPage::fillRequest(certs::CertificateRequest &request) const
{
    if (request.usage != certs::CertificateUsage::ExternalEdge)
        return;
    for (QCheckBox *check : m_sipDomains) {
        if (check->isChecked())
            request.sipDomains.append(check->property("domain").toString());
    }
    for (int i = 0; i < m_additional->count(); ++i)
        request.additionalSans.append(m_additional->item(i)->text());
    request.includeSrvIds = m_srvIds->isChecked();
    request.includeXmppAddrs = m_xmppAddrs->isChecked();
}

void RequestNamesPage::updatePreview()
{
    auto *w = qobject_cast<CertificateRequestWizard *>(wizard());
    if (!w)
        return;
    auto names = certs::computeNames(m_topology, w->request());
    m_namesOk = names.ok();
    if (!names.ok()) {
        m_preview->clear();
        m_problem->setText(names.error().message);
    } else {
        QStringList lines;
        lines << tr("Subject: CN=%1").arg(names.value().commonName);
        lines << tr("Alternative names:");
        for (const QString &n : names.value().dnsNames)
            lines << QStringLiteral("  DNS:") + n;
        for (const QString &n : names.value().srvIds)
            lines << QStringLiteral("  SRV:") + n;
        for (const QString &n : names.value().xmppAddrs)
            lines << QStringLiteral("  xmppAddr:") + n;
        m_preview->setPlainText(lines.join(QLatin1Char('\n')));
        m_problem->setText(names.value().warnings.join(QLatin1Char(' ')));
    }
    emit completeChanged();
}

bool RequestNamesPage::isComplete() const
{
    return m_namesOk;
}

} // namespace fedgate::wizard
