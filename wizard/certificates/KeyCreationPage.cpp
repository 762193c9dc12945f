#include "KeyCreationPage.h"

#include "CertificateRequestWizard.h"
#include "CertificatesPage.h"

#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace fedgate::wizard {

KeyCreationPage::KeyCreationPage(QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("Creating the key and the request"));
    setSubTitle(tr("You can keep using Fedgate meanwhile."));
    setFinalPage(true);
    auto *layout = new QVBoxLayout(this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setAccessibleName(tr("Key creation progress"));
    auto *buttons = new QHBoxLayout;
    m_viewCsr = new QPushButton(tr("View &CSR"), this);
    m_viewCsr->setObjectName(QStringLiteral("viewCsr"));
    m_viewLog = new QPushButton(tr("View &Log"), this);
    m_viewLog->setObjectName(QStringLiteral("viewLog"));
    buttons->addWidget(m_viewCsr);
    buttons->addWidget(m_viewLog);
    buttons->addStretch(1);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    layout->addStretch(1);

    m_tick.setInterval(200);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        m_status->setText(
            tr("Generating the private key... %1 s").arg(m_elapsed.elapsed() / 1000.0, 0, 'f', 1));
    });
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &KeyCreationPage::finished);
    connect(m_viewCsr, &QPushButton::clicked, this, &KeyCreationPage::showCsr);
    connect(m_viewLog, &QPushButton::clicked, this, &KeyCreationPage::showLog);
}

KeyCreationPage::~KeyCreationPage()
{
    // The job holds copies only, but it must not outlive the page: a process
    // exiting meanwhile would report its OpenSSL objects as leaked.
    m_watcher.waitForFinished();
}

void KeyCreationPage::log(const QString &line)
{
    m_log << QStringLiteral("%1  %2").arg(
        QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss.zzz")), line);
}

void KeyCreationPage::initializePage()
{
    auto *w = qobject_cast<CertificateRequestWizard *>(wizard());
    const certs::CertificateRequest request = w->request();
    const topology::Topology topology = w->topology();
    const QString dataDirectory = w->dataDirectory();
    m_outcome.reset();
    m_log.clear();
    m_viewCsr->setEnabled(false);
    m_progress->setRange(0, 0); // key generation gives no progress: show activity
    log(tr("Request for the %1 interface, key %2.")
            .arg(CertificatesPage::usageName(request.usage), certs::displayName(request.keyType)));
    m_elapsed.start();
    m_tick.start();
    // The key store is safe to use from a worker thread; the page keeps only
    // copies of the topology and the request.
    m_watcher.setFuture(QtConcurrent::run([topology, request, dataDirectory]() -> Outcome {
        certs::KeyStore store(dataDirectory);
        return std::make_shared<Result<certs::RequestOutcome>>(
            store.createRequest(topology, request));
    }));
    emit completeChanged();
}

void KeyCreationPage::finished()
{
    m_tick.stop();
    m_outcome = m_watcher.result();
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    const QString seconds = QString::number(m_elapsed.elapsed() / 1000.0, 'f', 1);
    if (!m_outcome->ok()) {
        log(tr("Failed: %1").arg(m_outcome->error().toString()));
        m_status->setText(
            tr("The request could not be created: %1").arg(m_outcome->error().toString()));
    } else {
        const certs::RequestOutcome &o = m_outcome->value();
        log(tr("Key %1 generated and stored encrypted in the key store.")
                .arg(o.request.keyDescription));
        log(tr("Request %1 created for %2.")
                .arg(o.request.id.left(12), o.request.names.dnsNames.join(QStringLiteral(", "))));
        QString text = tr("Done in %1 s. The request is pending in the key store (id %2).")
                           .arg(seconds, o.request.id.left(12));
        if (!o.csrWrittenTo.isEmpty()) {
            log(tr("CSR written to %1.").arg(o.csrWrittenTo));
            text += QLatin1Char(' ') + tr("The CSR was written to %1: send it to your "
                                          "certification authority, then import the answer "
                                          "from the Certificates page.")
                                           .arg(o.csrWrittenTo);
        }
        if (o.issued) {
            log(tr("Signed by the internal certification authority and imported."));
            text += QLatin1Char(' ') + tr("The internal authority signed it and the "
                                          "certificate is imported; assign it from the "
                                          "Certificates page.");
        }
        m_status->setText(text);
        m_viewCsr->setEnabled(true);
        emit requestCreated();
    }
    emit completeChanged();
}

bool KeyCreationPage::isComplete() const
{
    return m_outcome != nullptr;
}

namespace {
void showText(QWidget *parent, const QString &title, const QString &text)
{
    auto *dialog = new QDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    dialog->resize(640, 420);
    auto *layout = new QVBoxLayout(dialog);
    auto *view = new QPlainTextEdit(text, dialog);
    view->setReadOnly(true);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(view);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->open();
}
} // namespace

void KeyCreationPage::showCsr()
{
    if (m_outcome && m_outcome->ok())
        showText(this, tr("Certificate Request"),
                 QString::fromLatin1(m_outcome->value().request.csrPem));
}

void KeyCreationPage::showLog()
{
    showText(this, tr("Request Log"), m_log.join(QLatin1Char('\n')));
}

} // namespace fedgate::wizard
