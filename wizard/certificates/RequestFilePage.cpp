#include "RequestFilePage.h"

#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace fedgate::wizard {

RequestFilePage::RequestFilePage(QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("Certificate request file"));
    setSubTitle(tr("The CSR is written here, to send to your certification authority. It "
                   "holds no secret; the private key stays in Fedgate's key store."));
    auto *layout = new QFormLayout(this);
    auto *row = new QHBoxLayout;
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("csrPath"));
    m_path->setAccessibleName(tr("Request file"));
    auto *browse = new QPushButton(tr("&Browse..."), this);
    row->addWidget(m_path, 1);
    row->addWidget(browse);
    // A row of widgets gets no buddy from addRow(): without one the label
    // would show "&File:" with its ampersand. The label names the path field.
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_path);
    layout->addRow(fileLabel, row);
    registerField(QStringLiteral("csrPath*"), m_path);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Certificate Request File"), m_path->text(), tr("Requests (*.csr *.req)"));
        if (!path.isEmpty())
            m_path->setText(path);
    });
}

void RequestFilePage::initializePage()
{
    if (m_path->text().isEmpty()) {
        const bool external = field(QStringLiteral("external")).toBool();
        m_path->setText(QDir::home().filePath(external ? QStringLiteral("edge-external.csr")
                                                       : QStringLiteral("edge-internal.csr")));
    }
}

} // namespace fedgate::wizard
