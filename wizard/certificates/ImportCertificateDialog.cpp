#include "ImportCertificateDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace fedgate::wizard {

ImportCertificateDialog::ImportCertificateDialog(const topology::Topology &topology,
                                                 const QString &dataDirectory, QWidget *parent)
    : QDialog(parent)
    , m_topology(topology)
    , m_dataDirectory(dataDirectory)
{
    setObjectName(QStringLiteral("importCertificateDialog"));
    setWindowTitle(tr("Import Certificate"));
    resize(680, 460);
    auto *layout = new QVBoxLayout(this);
    auto *help = new QLabel(tr("Choose the file your certification authority sent: PEM or DER "
                               "(.cer, .crt, .pem), PKCS#7 (.p7b) or PKCS#12 (.pfx, .p12). The "
                               "certificate is matched to the private key of its pending "
                               "request, or the key in the file is used."),
                            this);
    help->setWordWrap(true);
    layout->addWidget(help);

    auto *form = new QFormLayout;
    auto *fileRow = new QHBoxLayout;
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("path"));
    m_path->setAccessibleName(tr("Certificate file"));
    auto *browse = new QPushButton(tr("&Browse..."), this);
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browse);
    // A row of widgets gets no buddy from addRow(): without one the label
    // would show "&File:" with its ampersand. The label names the path field.
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_path);
    form->addRow(fileLabel, fileRow);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setAccessibleName(tr("File password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("only for PFX files and encrypted keys"));
    form->addRow(tr("&Password:"), m_password);
    m_friendlyName = new QLineEdit(this);
    m_friendlyName->setAccessibleName(tr("Friendly name"));
    m_friendlyName->setPlaceholderText(tr("keep the request's"));
    form->addRow(tr("F&riendly name:"), m_friendlyName);
    m_exportable = new QCheckBox(tr("A key in the file may be &exported again"), this);
    form->addRow(m_exportable);
    layout->addLayout(form);

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("result"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result);
    m_findings = new QListWidget(this);
    m_findings->setObjectName(QStringLiteral("findings"));
    m_findings->setAccessibleName(tr("Certificate check findings"));
    m_findings->setWordWrap(true);
    layout->addWidget(m_findings, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_import = buttons->addButton(tr("&Import"), QDialogButtonBox::ActionRole);
    m_import->setObjectName(QStringLiteral("import"));
    m_import->setEnabled(false);
    layout->addWidget(buttons);

    connect(m_path, &QLineEdit::textChanged, this,
            [this](const QString &t) { m_import->setEnabled(!t.trimmed().isEmpty()); });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Import Certificate"), QString(),
            tr("Certificates (*.cer *.crt *.pem *.der *.p7b *.p7c *.pfx *.p12);;All files (*)"));
        if (!path.isEmpty())
            m_path->setText(path);
    });
    connect(m_import, &QPushButton::clicked, this, &ImportCertificateDialog::import);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

bool ImportCertificateDialog::needsPassword(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("pfx") || suffix == QLatin1String("p12");
}

void ImportCertificateDialog::import()
{
    const QString path = m_path->text().trimmed();
    if (needsPassword(path) && m_password->text().isEmpty()) {
        bool ok = false;
        const QString password =
            QInputDialog::getText(this, tr("PFX Password"),
                                  tr("%1 protects its private key with a password. Password:")
                                      .arg(QFileInfo(path).fileName()),
                                  QLineEdit::Password, QString(), &ok);
        if (!ok)
            return;
        m_password->setText(password);
    }
    certs::ImportOptions options;
    options.password = m_password->text().toUtf8();
    options.friendlyName = m_friendlyName->text().trimmed();
    options.exportable = m_exportable->isChecked();
    options.topology = &m_topology;
    certs::KeyStore store(m_dataDirectory);
    auto result = store.importFile(path, options);
    m_findings->clear();
    if (!result.ok()) {
        m_result->setText(tr("Not imported: %1").arg(result.error().toString()));
        return;
    }
    const certs::ImportResult &r = result.value();
    m_importedId = r.certificate.id;
    m_result->setText(tr("Imported \"%1\" (%2, %3). Private key: matched with %4. Expires on %5.")
                          .arg(r.certificate.friendlyName, r.certificate.info.commonName,
                               r.certificate.sourceFormat, r.keySource,
                               QLocale().toString(r.certificate.info.notAfter.toLocalTime(),
                                                  QLocale::ShortFormat)));
    for (const certs::CertificateFinding &f : r.findings) {
        auto *item = new QListWidgetItem(QIcon(f.severity == topology::Severity::Error
                                                   ? QStringLiteral(":/icons/status-error.svg")
                                                   : QStringLiteral(":/icons/status-warning.svg")),
                                         f.message, m_findings);
        item->setData(Qt::UserRole, f.rule);
    }
    if (r.findings.isEmpty())
        new QListWidgetItem(QIcon(QStringLiteral(":/icons/status-done.svg")),
                            tr("No problem found in the certificate."), m_findings);
    emit imported(m_importedId);
}

} // namespace fedgate::wizard
