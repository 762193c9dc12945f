#pragma once

#include "certs/KeyStore.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QTimer>
#include <QWizardPage>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

// Runs certs::KeyStore::createRequest on a worker thread (key generation can
// take seconds) with a busy indicator; Finish is disabled until it is done.
// View CSR shows the request, View Log what was done. Destroying the page
// (the wizard closed, the window quit) waits for a job still running, so no
// key generation outlives the page and its OpenSSL objects are freed.
namespace fedgate::wizard {

class KeyCreationPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit KeyCreationPage(QWidget *parent = nullptr);
    ~KeyCreationPage() override;
    void initializePage() override;
    bool isComplete() const override;
    bool isRunning() const { return m_watcher.isRunning(); }
    // The outcome once finished (nullptr before).
    const Result<certs::RequestOutcome> *outcome() const { return m_outcome.get(); }

signals:
    void requestCreated();

private:
    using Outcome = std::shared_ptr<Result<certs::RequestOutcome>>;
    void finished();
    void log(const QString &line);
    void showCsr();
    void showLog();

    QFutureWatcher<Outcome> m_watcher;
    Outcome m_outcome;
    QElapsedTimer m_elapsed;
    QTimer m_tick;
    QLabel *m_status;
    QProgressBar *m_progress;
    QPushButton *m_viewCsr;
    QPushButton *m_viewLog;
    QStringList m_log;
};

} // namespace fedgate::wizard
