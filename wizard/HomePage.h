#pragma once

#include "PageId.h"

#include "deploy/DeploymentAnswers.h"
#include "deploy/DeploymentPlan.h"
#include "topology/DnsCheckReport.h"

#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QWidget>

#include <optional>

class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;

// The deployment as steps, in the order an administrator runs them: publish
// the topology, install the local replica, certificates, set up components,
// start services, DNS, verify. Each step's state is what the core libraries
// report for this machine (the deployment plan's dry run, the service and
// its sockets as the operating system shows them, the saved DNS check, the
// checklist); a step is green only when what it claims was checked. Run
// performs the step on a worker thread with progress; View Log shows what
// the step did. The listener table under the steps refreshes by itself.
namespace fedgate::wizard {

class ListenerMonitor;
class ListenerPanel;
class PageHeader;
class StepJob;
class Workspace;
struct JobOutcome;

class HomePage : public QWidget
{
    Q_OBJECT
public:
    enum class StepState
    {
        NotDone,
        Done,
        Failed,
        Running
    };

    struct Step
    {
        QString id; // stable, for tests: "publish", "replica", "certificates", "components",
                    // "services", "dns", "verify"
        QString title;
        QString description;
        StepState state = StepState::NotDone;
        QString stateText; // one sentence
        QString details;   // every action of the step, for the tooltip
        bool canRun = false;
        QString blockedReason; // why Run is disabled, when it is
    };

    explicit HomePage(Workspace *workspace, QWidget *parent = nullptr);
    ~HomePage() override;

    QList<Step> steps() const { return m_steps; }
    // A step's action, the plan or a listener poll is running.
    bool isBusy() const;
    ListenerMonitor *listenerMonitor() const { return m_monitor; }

public slots:
    // Reads the state again (plan, DNS result, store) and redraws.
    void refresh();
    void runStep(const QString &id);
    void showLog(const QString &id);

signals:
    void pageRequested(fedgate::wizard::PageId page);
    // The publish step's action: the topology page's Publish dialog.
    void publishRequested();

private:
    struct Row
    {
        QLabel *icon = nullptr;
        QLabel *text = nullptr;
        QLabel *state = nullptr;
        QPushButton *run = nullptr;
        QPushButton *log = nullptr;
    };
    struct PlanOutcome
    {
        bool ok = false;
        deploy::DeploymentPlan plan;
        QString error;
    };

    static QString formatTime(const QDateTime &utc);
    void buildMachineRow(QGridLayout *grid);
    void addRow(const QString &id);
    // home/HomeStepStates.cpp: each step's state from what the page holds.
    void updateSteps();
    void render();
    void reloadMachines();
    void saveAnswers();
    Step publishStep() const;
    Step planStep(const QString &id, const QString &planStep, const QString &title,
                  const QString &description) const;
    QString doneText(const QString &id, const QList<deploy::DeployAction> &done) const;
    Step servicesStep() const;
    Step dnsStep() const;
    Step verifyStep() const;
    // The step as a running job or a failed last run shows it.
    Step adjusted(Step step) const;
    void askInternalCa();
    void startJob(const QString &id);
    void jobFinished(const QString &id, const JobOutcome &outcome);

    Workspace *m_workspace;
    QString m_dataDirectory;
    deploy::DeploymentAnswers m_answers;
    PageHeader *m_header;
    QLabel *m_dataLabel;
    QComboBox *m_machine;
    QComboBox *m_roles;
    QPushButton *m_internalCa = nullptr;
    QLineEdit *m_options;
    QGridLayout *m_grid;
    QHash<QString, Row> m_rows;
    QStringList m_order;
    QList<Step> m_steps;
    ListenerMonitor *m_monitor;
    ListenerPanel *m_listeners;
    StepJob *m_job;
    QString m_running;                // the step whose job runs
    QHash<QString, QString> m_result; // step -> last outcome message in this session
    QHash<QString, bool> m_resultOk;
    QStringList m_verifyLog;
    std::optional<bool> m_verified; // the last Verify's allPassed
    QFutureWatcher<PlanOutcome> m_planWatcher;
    std::optional<PlanOutcome> m_plan;
    std::optional<topology::DnsCheckReport> m_lastDns; // the saved last check
    bool m_planBusy = false;                           // until the plan's result is shown
    bool m_replanAgain = false;
};

} // namespace fedgate::wizard
