#include "CertificatesPage.h"

#include "CertificateRequestWizard.h"
#include "ImportCertificateDialog.h"
#include "KeyCreationPage.h"

#include "wizard/PageHeader.h"
#include "wizard/Workspace.h"

#include "certs/KeyStore.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fedgate::wizard {

namespace {
QPushButton *button(const QString &text, const QString &name, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(name);
    b->setAccessibleName(QString(text).remove(QLatin1Char('&')));
    return b;
}

QString expiryIcon(const QDateTime &notAfter)
{
    const qint64 days = QDateTime::currentDateTimeUtc().daysTo(notAfter);
    if (days < 0)
        return QStringLiteral(":/icons/status-error.svg");
    if (days <= 30)
        return QStringLiteral(":/icons/status-warning.svg");
    return QStringLiteral(":/icons/status-done.svg");
}

// The topology certificates are requested for: the latest published one.
Result<topology::Topology> publishedTopology(Workspace *workspace)
{
    auto latest = workspace->latestVersion();
    if (!latest.ok())
        return latest.error();
    if (latest.value() == 0)
        return Error{CertificatesPage::tr("Publish the topology first: certificate names come "
                                          "from the published topology."),
                     QString()};
    return workspace->publishedTopology(latest.value());
}
} // namespace

CertificatesPage::CertificatesPage(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    auto *layout = new QVBoxLayout(this);
    m_header = new PageHeader(
        tr("Certificates"),
        tr("Request a certificate for each edge interface, import what your certification "
           "authority sends back, then assign it. The external certificate must name what "
           "partners connect to; the list warns before a certificate expires."),
        this);
    layout->addWidget(m_header);

    m_assigned = new QLabel(this);
    m_assigned->setObjectName(QStringLiteral("assigned"));
    m_assigned->setWordWrap(true);
    m_assigned->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_assigned);

    auto *row = new QHBoxLayout;
    auto *certBox = new QGroupBox(tr("Certificates in the key store"), this);
    auto *certLayout = new QVBoxLayout(certBox);
    m_certificates = new QTreeWidget(certBox);
    m_certificates->setObjectName(QStringLiteral("certificates"));
    m_certificates->setAccessibleName(tr("Certificates"));
    m_certificates->setRootIsDecorated(false);
    m_certificates->setHeaderLabels({tr("Friendly name"), tr("Subject"), tr("Issuer"),
                                     tr("Expires"), tr("Key"), tr("Assigned to")});
    m_certificates->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    certLayout->addWidget(m_certificates);
    row->addWidget(certBox, 1);

    auto *actions = new QVBoxLayout;
    auto *request = button(tr("&Request..."), QStringLiteral("request"), this);
    auto *import = button(tr("&Import..."), QStringLiteral("import"), this);
    actions->addWidget(request);
    actions->addWidget(import);
    // One Assign button per certificate usage, from certs::allUsages(): a
    // new usage needs only its name in usageName() and assignLabel().
    for (certs::CertificateUsage usage : certs::allUsages()) {
        QString id = certs::toString(usage);
        id[0] = id.at(0).toUpper();
        auto *assignButton = button(assignLabel(usage), QStringLiteral("assign") + id, this);
        connect(assignButton, &QPushButton::clicked, this, [this, usage] { assign(usage); });
        actions->addWidget(assignButton);
        m_needsCertificate << assignButton;
    }
    auto *exportButton = button(tr("E&xport..."), QStringLiteral("export"), this);
    connect(exportButton, &QPushButton::clicked, this, &CertificatesPage::exportSelected);
    actions->addWidget(exportButton);
    m_needsCertificate << exportButton;
    auto *unassign = button(tr("Re&move Assignment..."), QStringLiteral("unassign"), this);
    connect(unassign, &QPushButton::clicked, this, &CertificatesPage::removeAssignment);
    actions->addWidget(unassign);
    auto *renew = button(tr("Rene&w..."), QStringLiteral("renew"), this);
    connect(renew, &QPushButton::clicked, this, &CertificatesPage::renewSelected);
    actions->addWidget(renew);
    m_needsCertificate << unassign << renew;
    auto *details = button(tr("&Details..."), QStringLiteral("details"), this);
    connect(details, &QPushButton::clicked, this, &CertificatesPage::showDetails);
    actions->addWidget(details);
    m_needsCertificate << details;
    actions->addStretch(1);
    row->addLayout(actions);
    layout->addLayout(row, 3);

    auto *pendingBox = new QGroupBox(tr("Pending requests"), this);
    auto *pendingLayout = new QHBoxLayout(pendingBox);
    m_pending = new QTreeWidget(pendingBox);
    m_pending->setObjectName(QStringLiteral("pending"));
    m_pending->setAccessibleName(tr("Pending requests"));
    m_pending->setRootIsDecorated(false);
    m_pending->setHeaderLabels({tr("Friendly name"), tr("For"), tr("Names"), tr("Created")});
    m_pending->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    pendingLayout->addWidget(m_pending, 1);
    auto *viewCsr = button(tr("View &CSR"), QStringLiteral("viewCsr"), pendingBox);
    auto *deleteRequest =
        button(tr("De&lete Request..."), QStringLiteral("deleteRequest"), pendingBox);
    m_needsRequest << viewCsr << deleteRequest;
    auto *pendingActions = new QVBoxLayout;
    pendingActions->addWidget(viewCsr);
    pendingActions->addWidget(deleteRequest);
    pendingActions->addStretch(1);
    pendingLayout->addLayout(pendingActions);
    layout->addWidget(pendingBox, 2);

    connect(request, &QPushButton::clicked, this, &CertificatesPage::requestCertificate);
    connect(import, &QPushButton::clicked, this, &CertificatesPage::importCertificate);
    connect(viewCsr, &QPushButton::clicked, this, &CertificatesPage::viewPendingCsr);
    connect(deleteRequest, &QPushButton::clicked, this, &CertificatesPage::deletePendingRequest);
    // Actions on a certificate or a request are offered only with one selected.
    connect(m_certificates, &QTreeWidget::itemSelectionChanged, this,
            &CertificatesPage::updateActions);
    connect(m_pending, &QTreeWidget::itemSelectionChanged, this, &CertificatesPage::updateActions);
    reload();
}

QString CertificatesPage::assignLabel(certs::CertificateUsage usage)
{
    switch (usage) {
    case certs::CertificateUsage::ExternalEdge:
        return tr("Assign to &External Edge");
    case certs::CertificateUsage::InternalEdge:
        return tr("Assign to I&nternal Edge");
    case certs::CertificateUsage::Gateway:
        break;
    }
    return tr("Assign to &Gateway");
}

void CertificatesPage::updateActions()
{
    for (QPushButton *b : std::as_const(m_needsCertificate))
        b->setEnabled(!m_certificates->selectedItems().isEmpty());
    for (QPushButton *b : std::as_const(m_needsRequest))
        b->setEnabled(!m_pending->selectedItems().isEmpty());
}

QString CertificatesPage::usageName(certs::CertificateUsage usage)
{
    switch (usage) {
    case certs::CertificateUsage::ExternalEdge:
        return tr("External edge");
    case certs::CertificateUsage::InternalEdge:
        return tr("Internal edge");
    case certs::CertificateUsage::Gateway:
        break;
    }
    return tr("Gateway");
}

void CertificatesPage::reload()
{
    certs::KeyStore store;
    QHash<QString, QStringList> assignedTo;
    QStringList assignedLines;
    for (certs::CertificateUsage usage : certs::allUsages()) {
        auto a = store.assignment(usage);
        if (a.ok() && a.value()) {
            assignedTo[a.value()->certificateId] << usageName(usage);
            assignedLines << tr("%1: <b>%2</b>, expires on %3.")
                                 .arg(usageName(usage), a.value()->friendlyName.toHtmlEscaped(),
                                      QLocale().toString(a.value()->info.notAfter.toLocalTime(),
                                                         QLocale::ShortFormat));
        } else {
            assignedLines << tr("%1: no certificate assigned.").arg(usageName(usage));
        }
    }
    m_assigned->setText(assignedLines.join(QStringLiteral("<br>")));

    m_certificates->clear();
    auto list = store.certificates();
    if (!list.ok())
        m_header->showMessage(list.error().toString(), PageHeader::Tone::Error);
    else
        for (const certs::StoredCertificate &c : list.value()) {
            auto *item = new QTreeWidgetItem(
                m_certificates,
                {c.friendlyName, c.info.commonName, c.info.issuer,
                 QLocale().toString(c.info.notAfter.toLocalTime(), QLocale::ShortFormat),
                 c.info.keyDescription, assignedTo.value(c.id).join(QStringLiteral(", "))});
            item->setIcon(3, QIcon(expiryIcon(c.info.notAfter)));
            item->setData(0, Qt::UserRole, c.id);
            item->setToolTip(1, c.info.dnsNames.join(QStringLiteral("\n")));
        }

    m_pending->clear();
    auto pending = store.pendingRequests();
    if (pending.ok())
        for (const certs::PendingRequest &p : pending.value()) {
            auto *item = new QTreeWidgetItem(
                m_pending, {p.request.friendlyName, usageName(p.request.usage),
                            p.names.dnsNames.join(QStringLiteral(", ")),
                            QLocale().toString(p.createdAt.toLocalTime(), QLocale::ShortFormat)});
            item->setData(0, Qt::UserRole, p.id);
        }
    updateActions();
}

void CertificatesPage::requestCertificate()
{
    auto topology = publishedTopology(m_workspace);
    if (!topology.ok()) {
        m_header->showMessage(topology.error().message, PageHeader::Tone::Warning);
        return;
    }
    auto *wizard = new CertificateRequestWizard(topology.value(), QString(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    auto *creation =
        qobject_cast<KeyCreationPage *>(wizard->page(CertificateRequestWizard::CreationPage));
    connect(creation, &KeyCreationPage::requestCreated, this, [this] {
        reload();
        emit certificatesChanged();
    });
    wizard->open();
}

void CertificatesPage::importCertificate()
{
    auto topology = publishedTopology(m_workspace);
    const topology::Topology t = topology.ok() ? topology.value() : m_workspace->topology();
    auto *dialog = new ImportCertificateDialog(t, QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportCertificateDialog::imported, this, [this] {
        reload();
        emit certificatesChanged();
    });
    dialog->open();
}

QString CertificatesPage::selectedCertificate() const
{
    const QList<QTreeWidgetItem *> selected = m_certificates->selectedItems();
    return selected.isEmpty() ? QString() : selected.first()->data(0, Qt::UserRole).toString();
}

void CertificatesPage::assign(certs::CertificateUsage usage)
{
    const QString id = selectedCertificate();
    if (id.isEmpty()) {
        m_header->showMessage(tr("Select a certificate in the list first."),
                              PageHeader::Tone::Warning);
        return;
    }
    auto topology = publishedTopology(m_workspace);
    certs::KeyStore store;
    auto result = store.assign(id, usage, topology.ok() ? &topology.value() : nullptr);
    if (!result.ok()) {
        m_header->showMessage(result.error().toString(), PageHeader::Tone::Error);
        return;
    }
    QStringList findings;
    for (const certs::CertificateFinding &f : result.value().findings)
        findings << f.message;
    m_header->showMessage(
        tr("Assigned to the %1 interface. Restart the edge services to use it.")
                .arg(usageName(usage)) +
            (findings.isEmpty() ? QString() : QLatin1Char(' ') + findings.join(QLatin1Char(' '))),
        findings.isEmpty() ? PageHeader::Tone::Success : PageHeader::Tone::Warning);
    reload();
    emit certificatesChanged();
}

void CertificatesPage::viewPendingCsr()
{
    const QList<QTreeWidgetItem *> selected = m_pending->selectedItems();
    QTreeWidgetItem *item = selected.isEmpty() ? nullptr : selected.first();
    if (!item) {
        m_header->showMessage(tr("Select a pending request first."), PageHeader::Tone::Warning);
        return;
    }
    certs::KeyStore store;
    auto pending = store.pendingRequest(item->data(0, Qt::UserRole).toString());
    if (!pending.ok()) {
        m_header->showMessage(pending.error().toString(), PageHeader::Tone::Error);
        return;
    }
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Certificate Request"));
    dialog->resize(640, 420);
    auto *layout = new QVBoxLayout(dialog);
    auto *view = new QPlainTextEdit(QString::fromLatin1(pending.value().csrPem), dialog);
    view->setReadOnly(true);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(view);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->open();
}

void CertificatesPage::deletePendingRequest()
{
    const QList<QTreeWidgetItem *> selected = m_pending->selectedItems();
    if (selected.isEmpty())
        return;
    QTreeWidgetItem *item = selected.first();
    const QString id = item->data(0, Qt::UserRole).toString();
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Delete Request"),
        tr("Delete the pending request %1 and its private key? A certificate issued for it "
           "can then no longer be imported.")
            .arg(item->text(0)),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmDeleteRequest"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *confirm = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmDeleteRequestButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(confirm, &QPushButton::clicked, this, [this, id] {
        certs::KeyStore store;
        if (Status s = store.deletePendingRequest(id); !s.ok()) {
            m_header->showMessage(s.error().toString(), PageHeader::Tone::Error);
            return;
        }
        m_header->showMessage(tr("Request deleted."), PageHeader::Tone::Success);
        reload();
        emit certificatesChanged();
    });
    box->open();
}

void CertificatesPage::showDetails()
{
    const QString id = selectedCertificate();
    if (id.isEmpty())
        return;
    certs::KeyStore store;
    auto stored = store.certificate(id);
    if (!stored.ok()) {
        m_header->showMessage(stored.error().toString(), PageHeader::Tone::Error);
        return;
    }
    const certs::CertificateInfo &info = stored.value().info;
    QStringList eku;
    if (info.serverAuth)
        eku << tr("server authentication");
    if (info.clientAuth)
        eku << tr("client authentication");
    QString text;
    const auto row = [&text](const QString &label, const QString &value) {
        text += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    row(tr("Subject"), info.subject);
    row(tr("Names (SAN)"), info.dnsNames.join(QStringLiteral(", ")));
    if (!info.xmppAddrs.isEmpty())
        row(tr("XMPP addresses"), info.xmppAddrs.join(QStringLiteral(", ")));
    row(tr("Issued by"), info.selfSigned ? tr("%1 (self-signed)").arg(info.issuer) : info.issuer);
    row(tr("Valid from"), QLocale().toString(info.notBefore.toLocalTime(), QLocale::LongFormat));
    row(tr("Valid until"), QLocale().toString(info.notAfter.toLocalTime(), QLocale::LongFormat));
    row(tr("Key"), info.keyDescription);
    row(tr("Extended key usage"),
        !info.hasExtendedKeyUsage ? tr("(none: any purpose)") : eku.join(QStringLiteral(", ")));
    row(tr("SHA-256 fingerprint"), info.sha256Fingerprint);
    // The chain as stored, leaf first, and whether it reaches a root.
    if (auto chain = store.certificateChain(id); chain.ok()) {
        QStringList subjects;
        for (const certs::CertificateInfo &link : chain.value())
            subjects << link.subject;
        row(tr("Chain"), subjects.join(QStringLiteral(" \u2192 ")) + QStringLiteral(" (") +
                             (stored.value().chainComplete ? tr("complete")
                                                           : tr("incomplete: an intermediate "
                                                                "or the root is missing")) +
                             QLatin1Char(')'));
    }
    // Lint findings of each usage it is assigned to.
    QStringList findings;
    auto topology = publishedTopology(m_workspace);
    for (certs::CertificateUsage usage : certs::allUsages()) {
        auto a = store.assignment(usage);
        if (!a.ok() || !a.value() || a.value()->certificateId != stored.value().id)
            continue;
        auto checked = store.checkAssigned(usage, topology.ok() ? &topology.value() : nullptr);
        if (checked.ok())
            for (const certs::CertificateFinding &f : checked.value())
                findings << tr("%1: %2").arg(usageName(usage), f.message);
    }
    row(tr("Findings"), findings.isEmpty() ? tr("none") : findings.join(QLatin1Char('\n')));

    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("certificateDetails"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Certificate %1").arg(stored.value().friendlyName));
    dialog->resize(720, 420);
    auto *layout = new QVBoxLayout(dialog);
    auto *label = new QLabel(QStringLiteral("<table cellspacing=6>%1</table>").arg(text), dialog);
    label->setObjectName(QStringLiteral("details"));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(label, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->open();
}

std::optional<certs::CertificateUsage> CertificatesPage::assignedUsage(const QString &id) const
{
    certs::KeyStore store;
    for (certs::CertificateUsage usage : certs::allUsages()) {
        auto a = store.assignment(usage);
        if (a.ok() && a.value() && a.value()->certificateId == id)
            return usage;
    }
    return std::nullopt;
}

void CertificatesPage::exportSelected()
{
    const QString id = selectedCertificate();
    if (id.isEmpty())
        return;
    if (!assignedUsage(id)) {
        m_header->showMessage(tr("Only an assigned certificate can be exported with its key. "
                                 "Assign it first."),
                              PageHeader::Tone::Warning);
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Certificate"),
                                                      QStringLiteral("certificate.pfx"),
                                                      tr("PKCS #12 files (*.pfx *.p12)"));
    if (path.isEmpty())
        return;
    bool ok = false;
    const QString password = QInputDialog::getText(
        this, tr("Export Certificate"),
        tr("Password protecting the file (you type it again when importing it on the other "
           "pool member):"),
        QLineEdit::Password, QString(), &ok);
    if (!ok)
        return;
    exportSelectedTo(path, password.toUtf8());
}

bool CertificatesPage::exportSelectedTo(const QString &path, const QByteArray &password)
{
    const QString id = selectedCertificate();
    const std::optional<certs::CertificateUsage> usage = assignedUsage(id);
    if (!usage)
        return false;
    certs::KeyStore store;
    if (Status s = store.exportPkcs12(*usage, path, password); !s.ok()) {
        m_header->showMessage(s.error().toString(), PageHeader::Tone::Error);
        return false;
    }
    m_header->showMessage(tr("Exported with its key and chain to %1 (PKCS #12). Import it on the "
                             "other members of the pool.")
                              .arg(path),
                          PageHeader::Tone::Success);
    return true;
}

QMessageBox *CertificatesPage::ask(const QString &name, const QString &title, const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::NoButton, this);
    box->setObjectName(name);
    box->setAttribute(Qt::WA_DeleteOnClose);
    return box;
}

void CertificatesPage::removeAssignment()
{
    const QString id = selectedCertificate();
    const std::optional<certs::CertificateUsage> usage =
        id.isEmpty() ? std::nullopt : assignedUsage(id);
    if (!usage) {
        m_header->showMessage(tr("This certificate is not assigned to any interface; there is no "
                                 "assignment to remove."),
                              PageHeader::Tone::Warning);
        return;
    }
    QMessageBox *box = ask(QStringLiteral("confirmUnassign"), tr("Remove Assignment"),
                           tr("Remove the certificate from the %1 interface? The interface then "
                              "has no certificate until another is assigned. The certificate "
                              "stays in the key store.")
                               .arg(usageName(*usage)));
    QPushButton *confirm = box->addButton(tr("Remove Assignment"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmUnassignButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(confirm, &QPushButton::clicked, this, [this, usage] {
        certs::KeyStore store;
        if (Status s = store.unassign(*usage); !s.ok()) {
            m_header->showMessage(s.error().toString(), PageHeader::Tone::Error);
            return;
        }
        m_header->showMessage(tr("The %1 interface has no certificate now. Restart the edge "
                                 "services.")
                                  .arg(usageName(*usage)),
                              PageHeader::Tone::Success);
        reload();
        emit certificatesChanged();
    });
    box->open();
}

void CertificatesPage::renewSelected()
{
    const QString id = selectedCertificate();
    certs::KeyStore store;
    auto record = store.certificate(id);
    if (id.isEmpty() || !record.ok()) {
        m_header->showMessage(record.ok() ? tr("Select a certificate in the list first.")
                                          : record.error().toString(),
                              PageHeader::Tone::Warning);
        return;
    }
    const bool internalCa = record.value().sourceFormat == QLatin1String("internal CA");
    QMessageBox *box =
        ask(QStringLiteral("confirmRenew"), tr("Renew Certificate"),
            (internalCa ? tr("Renew %1 with the same names and a new key? The internal CA signs "
                             "it at once; assign the new certificate to use it.")
                        : tr("Make a request for %1 with the same names and a new key? Send its "
                             "CSR to your CA, then import the answer and assign it."))
                    .arg(record.value().friendlyName.isEmpty() ? record.value().info.commonName
                                                               : record.value().friendlyName) +
                QLatin1Char(' ') + tr("The current certificate stays assigned until then."));
    QPushButton *confirm = box->addButton(tr("Renew"), QMessageBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirmRenewButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(confirm);
    const certs::RequestMode mode =
        internalCa ? certs::RequestMode::Immediate : certs::RequestMode::Delayed;
    connect(confirm, &QPushButton::clicked, this, [this, id, mode] {
        auto topology = publishedTopology(m_workspace);
        certs::KeyStore store;
        auto outcome = store.renew(id, mode, {}, topology.ok() ? &topology.value() : nullptr);
        if (!outcome.ok()) {
            m_header->showMessage(outcome.error().toString(), PageHeader::Tone::Error);
            return;
        }
        m_header->showMessage(
            outcome.value().issued
                ? tr("Renewed: the new certificate is in the list. Assign it to replace the "
                     "current one.")
                : tr("Renewal request made: select it under Pending requests, View CSR and send "
                     "it to your CA, then import the answer."),
            PageHeader::Tone::Success);
        reload();
        emit certificatesChanged();
    });
    box->open();
}

} // namespace fedgate::wizard
