#pragma once

#include "PageId.h"

#include <QFutureWatcher>
#include <QList>
#include <QPair>
#include <QTime>
#include <QWidget>

#include <functional>
#include <optional>

class QGridLayout;

// The deployment as steps, in the order an administrator runs them, each with
// its current state read from the core libraries and a Run / Run Again
// button. Steps whose code is not in this version are shown disabled and say
// so; they never report success.
namespace fedgate::wizard {

class PageHeader;
class Workspace;

class HomePage : public QWidget
{
    Q_OBJECT
public:
    enum class StepState
    {
        NotDone,
        Done,
        Failed,
        Unavailable
    };

    struct Step
    {
        QString id; // stable, for tests: "publish", "replica", ...
        QString title;
        QString description;
        StepState state = StepState::NotDone;
        QString stateText;
        bool canRun = false;
        QString blockedReason; // why Run is disabled, when it is
        std::function<void()> run;
    };

    explicit HomePage(Workspace *workspace, QWidget *parent = nullptr);

    QList<Step> steps() const;

public slots:
    void refresh();
    // The result of the last DNS check in this session (DnsPage::checked).
    void setDnsResult(int ok, int total, bool allOk, const QTime &at = QTime::currentTime());

signals:
    void pageRequested(fedgate::wizard::PageId page);

private:
    Step publishStep() const;
    Step replicaStep();
    QList<Step> certificateSteps();
    Step servicesStep();
    static Step unavailableStep(const QString &id, const QString &title,
                                const QString &description);
    void installReplica();

    Workspace *m_workspace;
    PageHeader *m_header;
    QGridLayout *m_grid;
    QList<Step> m_steps;
    // fedgated's status, asked over its control channel on a worker thread.
    QFutureWatcher<QPair<bool, QString>> m_serviceQuery;
    std::optional<QPair<bool, QString>> m_serviceAnswer;
    bool m_serviceAnswerFresh = false;
    QString m_dnsState;
    bool m_dnsOk = false;
};

} // namespace fedgate::wizard
