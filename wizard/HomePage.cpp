#include "HomePage.h"

#include "PageHeader.h"
#include "Workspace.h"
#include "home/HomeAnswers.h"
#include "home/ListenerMonitor.h"
#include "home/ListenerPanel.h"
#include "home/LogDialog.h"
#include "home/StepJob.h"
#include "home/StepWork.h"

#ifdef FEDGATE_HAVE_CERTS
#include "certs/DaneKeys.h"
#include "certs/KeyStore.h"
#endif

#include "deploy/Deployer.h"
#include "deploy/DeploymentLog.h"
#include "deploy/ServiceManager.h"
#include "topology/DnsCheckReport.h"
#include "topology/DnsRecordPlan.h"
#include "topology/Paths.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace fedgate::wizard {

namespace {
QString iconFor(HomePage::StepState state)
{
    switch (state) {
    case HomePage::StepState::Done:
        return QStringLiteral(":/icons/status-done.svg");
    case HomePage::StepState::Failed:
        return QStringLiteral(":/icons/status-error.svg");
    case HomePage::StepState::Running:
    case HomePage::StepState::NotDone:
        break;
    }
    return QStringLiteral(":/icons/status-pending.svg");
}

const QStringList kSteps = {QStringLiteral("publish"),      QStringLiteral("replica"),
                            QStringLiteral("certificates"), QStringLiteral("components"),
                            QStringLiteral("services"),     QStringLiteral("dns"),
                            QStringLiteral("verify")};
} // namespace

HomePage::HomePage(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_dataDirectory(fedgate::dataDir())
{
    m_answers = HomeAnswers::load(m_dataDirectory, m_workspace->storeLocation());
    auto *outer = new QVBoxLayout(this);
    m_header = new PageHeader(
        tr("Deployment steps"),
        tr("Run the steps from top to bottom. Each step shows what was checked on this machine; "
           "Run Again repeats a step safely, for example after you republish the topology."),
        this);
    outer->addWidget(m_header);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 8, 0);
    m_dataLabel = new QLabel(content);
    m_dataLabel->setObjectName(QStringLiteral("dataDirectory"));
    m_dataLabel->setWordWrap(true);
    m_dataLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dataLabel->setText(tr("Data directory: %1 (%2). The wizard, fedgatectl and the service "
                            "all use it.")
                             .arg(m_dataDirectory, fedgate::dataDirOrigin()));
    layout->addWidget(m_dataLabel);

    m_grid = new QGridLayout;
    m_grid->setHorizontalSpacing(12);
    m_grid->setVerticalSpacing(6);
    m_grid->setColumnStretch(1, 3);
    m_grid->setColumnStretch(2, 3);
    buildMachineRow(m_grid);
    for (const QString &id : kSteps)
        addRow(id);
    layout->addLayout(m_grid);

    m_listeners = new ListenerPanel(content);
    layout->addSpacing(6);
    layout->addWidget(m_listeners, 1);
    scroll->setWidget(content);
    outer->addWidget(scroll, 1);

    m_job = new StepJob(this);
    connect(m_job, &StepJob::progress, this, [this](const QString &line) {
        m_result.insert(m_running, line);
        updateSteps();
        render();
    });
    connect(m_job, &StepJob::finished, this,
            [this](const JobOutcome &outcome) { jobFinished(m_running, outcome); });
    m_monitor = new ListenerMonitor(m_dataDirectory, this);
    connect(m_monitor, &ListenerMonitor::updated, this, [this] {
        m_listeners->show(m_monitor->snapshot());
        // Only the service's state changed: the other steps keep theirs.
        for (Step &step : m_steps)
            if (step.id == QLatin1String("services"))
                step = adjusted(servicesStep());
        render();
    });
    connect(&m_planWatcher, &QFutureWatcher<PlanOutcome>::finished, this, [this] {
        m_plan = m_planWatcher.result();
        m_planBusy = false;
        if (m_replanAgain) {
            m_replanAgain = false;
            refresh();
            return;
        }
        updateSteps();
        render();
    });
    connect(m_workspace, &Workspace::publishedChanged, this, [this] {
        reloadMachines();
        refresh();
    });
    connect(m_workspace, &Workspace::topologyChanged, this, &HomePage::updateSteps);
    connect(m_workspace, &Workspace::replicaChanged, this, &HomePage::refresh);
    reloadMachines();
    refresh();
}

HomePage::~HomePage()
{
    // The workers hold copies only; wait so none outlives the page.
    m_planWatcher.waitForFinished();
}

bool HomePage::isBusy() const
{
    return m_job->isRunning() || m_planBusy;
}

void HomePage::buildMachineRow(QGridLayout *grid)
{
    auto *row = new QHBoxLayout;
    auto *machineLabel = new QLabel(tr("This machine:"));
    m_machine = new QComboBox;
    m_machine->setObjectName(QStringLiteral("machine"));
    m_machine->setAccessibleName(tr("This machine"));
    m_machine->setMinimumContentsLength(20);
    machineLabel->setBuddy(m_machine);
    auto *rolesLabel = new QLabel(tr("Roles:"));
    m_roles = new QComboBox;
    m_roles->setObjectName(QStringLiteral("roles"));
    m_roles->setAccessibleName(tr("Roles"));
    m_roles->addItem(tr("From its place in the topology"), QStringList());
    m_roles->addItem(tr("Edge"), QStringList{QStringLiteral("edge")});
    m_roles->addItem(tr("Gateway"), QStringList{QStringLiteral("gateway")});
    m_roles->addItem(tr("Edge and gateway"),
                     QStringList{QStringLiteral("edge"), QStringLiteral("gateway")});
    m_roles->setToolTip(tr("An edge server runs the edge and a front-end pool member the "
                           "gateway; one machine can run both (the gateway then serves the edge "
                           "pool's next-hop front-end pool)."));
    for (int i = 0; i < m_roles->count(); ++i)
        if (m_roles->itemData(i).toStringList() == m_answers.roles)
            m_roles->setCurrentIndex(i);
    rolesLabel->setBuddy(m_roles);
    auto *optionsLabel = new QLabel(tr("fedgated options:"));
    m_options = new QLineEdit;
    m_options->setObjectName(QStringLiteral("serviceOptions"));
    m_options->setAccessibleName(tr("fedgated options"));
    m_options->setPlaceholderText(tr("none (for example --client-listen 10.10.2.20:5222)"));
    m_options->setText(m_answers.serviceArguments.join(QLatin1Char(' ')));
    m_options->setCursorPosition(0);
    m_options->setToolTip(tr("Extra command-line options the service configuration gives "
                             "fedgated, such as listen addresses."));
    optionsLabel->setBuddy(m_options);
    row->addWidget(machineLabel);
    row->addWidget(m_machine);
    row->addSpacing(12);
    row->addWidget(rolesLabel);
    row->addWidget(m_roles);
    row->addSpacing(12);
    row->addWidget(optionsLabel);
    row->addWidget(m_options, 1);
    grid->addLayout(row, 0, 0, 1, 5);
    connect(m_machine, &QComboBox::activated, this, &HomePage::saveAnswers);
    connect(m_roles, &QComboBox::activated, this, &HomePage::saveAnswers);
    connect(m_options, &QLineEdit::editingFinished, this, [this] {
        if (m_options->text() != m_answers.serviceArguments.join(QLatin1Char(' ')))
            saveAnswers();
    });
}

void HomePage::addRow(const QString &id)
{
    const int r = m_grid->rowCount();
    Row row;
    row.icon = new QLabel;
    m_grid->addWidget(row.icon, r, 0, Qt::AlignTop);
    row.text = new QLabel;
    row.text->setWordWrap(true);
    m_grid->addWidget(row.text, r, 1, Qt::AlignTop);
    row.state = new QLabel;
    row.state->setObjectName(QStringLiteral("state-") + id);
    row.state->setWordWrap(true);
    row.state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_grid->addWidget(row.state, r, 2, Qt::AlignTop);
    row.run = new QPushButton;
    row.run->setObjectName(QStringLiteral("run-") + id);
    if (id == QLatin1String("certificates")) {
        // The quick path for a test or a closed deployment: every missing
        // certificate from Fedgate's own authority, after a question.
        auto *buttons = new QVBoxLayout;
        buttons->addWidget(row.run);
        m_internalCa = new QPushButton(tr("Internal CA..."));
        m_internalCa->setObjectName(QStringLiteral("internalCa"));
        m_internalCa->setAccessibleName(tr("Certificates from the internal CA"));
        m_internalCa->setToolTip(tr("Request every missing certificate from Fedgate's internal "
                                    "certification authority and assign it."));
        buttons->addWidget(m_internalCa);
        m_grid->addLayout(buttons, r, 3, Qt::AlignTop);
        connect(m_internalCa, &QPushButton::clicked, this, &HomePage::askInternalCa);
    } else {
        m_grid->addWidget(row.run, r, 3, Qt::AlignTop);
    }
    row.log = new QPushButton(tr("View Log"));
    row.log->setObjectName(QStringLiteral("log-") + id);
    m_grid->addWidget(row.log, r, 4, Qt::AlignTop);
    connect(row.run, &QPushButton::clicked, this, [this, id] { runStep(id); });
    connect(row.log, &QPushButton::clicked, this, [this, id] { showLog(id); });
    m_rows.insert(id, row);
}

void HomePage::reloadMachines()
{
    topology::Topology topology = m_workspace->topology();
    auto latest = m_workspace->latestVersion();
    if (latest.ok() && latest.value() > 0)
        if (auto published = m_workspace->publishedTopology(latest.value()); published.ok())
            topology = published.value();
    const QStringList machines = HomeAnswers::machines(topology);
    m_machine->clear();
    m_machine->addItems(machines);
    int index = machines.indexOf(m_answers.machine);
    if (index < 0 && m_answers.machine.isEmpty()) {
        // As fedgated does: this host's name, else the first member.
        const QString host = QSysInfo::machineHostName();
        for (int i = 0; i < machines.size() && index < 0; ++i)
            if (machines.at(i).compare(host, Qt::CaseInsensitive) == 0 ||
                machines.at(i).section(QLatin1Char('.'), 0, 0).compare(host, Qt::CaseInsensitive) ==
                    0)
                index = i;
    }
    if (index < 0 && !m_answers.machine.isEmpty()) {
        m_machine->addItem(m_answers.machine); // shown as saved; the plan says what is wrong
        index = m_machine->count() - 1;
    }
    m_machine->setCurrentIndex(qMax(0, index));
    if (m_answers.machine.isEmpty() && !machines.isEmpty())
        saveAnswers();
}

void HomePage::saveAnswers()
{
    m_answers.machine = m_machine->currentText();
    m_answers.roles = m_roles->currentData().toStringList();
    m_answers.serviceArguments = QProcess::splitCommand(m_options->text());
    if (Status saved = HomeAnswers::save(m_dataDirectory, m_answers); !saved.ok())
        m_header->showMessage(saved.error().toString(), PageHeader::Tone::Error);
    refresh();
}

void HomePage::refresh()
{
    if (m_planBusy) {
        m_replanAgain = true;
        return;
    }
    m_planBusy = true;
    m_planWatcher.setFuture(
        QtConcurrent::run([directory = m_dataDirectory, answers = m_answers]() -> PlanOutcome {
            auto plan = deploy::Deployer(directory).plan(answers);
            if (!plan)
                return {false, {}, plan.error().message};
            return {true, plan.value(), {}};
        }));
    m_lastDns = topology::loadLastDnsCheck();
    m_monitor->pollNow();
    updateSteps();
    render();
}

void HomePage::render()
{
    for (const Step &step : std::as_const(m_steps)) {
        const Row &row = m_rows.value(step.id);
        if (!row.icon)
            continue;
        row.icon->setPixmap(QIcon(iconFor(step.state)).pixmap(24, 24));
        row.icon->setAccessibleName(step.stateText);
        row.text->setText(QStringLiteral("<b>%1</b><br><small>%2</small>")
                              .arg(step.title.toHtmlEscaped(), step.description.toHtmlEscaped()));
        row.state->setText(step.stateText);
        row.state->setToolTip(step.details);
        row.run->setText(step.state == StepState::Running ? tr("Running...")
                         : step.state == StepState::Done  ? tr("Run Again")
                                                          : tr("Run"));
        row.run->setAccessibleName(row.run->text() + QStringLiteral(": ") + step.title);
        row.run->setEnabled(step.canRun);
        row.run->setToolTip(step.canRun ? QString() : step.blockedReason);
        row.log->setAccessibleName(row.log->text() + QStringLiteral(": ") + step.title);
        if (step.id == QLatin1String("certificates"))
            m_internalCa->setEnabled(m_plan && m_plan->ok && !m_job->isRunning() &&
                                     step.state != StepState::Done);
    }
}

void HomePage::runStep(const QString &id)
{
    if (m_job->isRunning())
        return;
    if (id == QLatin1String("publish")) {
        emit publishRequested();
        return;
    }
    if (id == QLatin1String("certificates")) {
        emit pageRequested(PageId::Certificates);
        return;
    }
    startJob(id);
}

void HomePage::askInternalCa()
{
    if (findChild<QMessageBox *>(QStringLiteral("confirmInternalCa")))
        return;
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Certificates from the internal CA"),
        tr("Request every missing certificate of this machine from Fedgate's internal "
           "certification authority (created if there is none yet) and assign it?"),
        QMessageBox::NoButton, this);
    box->setInformativeText(tr("Only servers that trust this authority accept these "
                               "certificates: fine for the internal link and the gateway; "
                               "partners usually expect a public certification authority on "
                               "the external interface."));
    box->setObjectName(QStringLiteral("confirmInternalCa"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = box->addButton(tr("Request and Assign"), QMessageBox::AcceptRole);
    yes->setObjectName(QStringLiteral("confirmInternalCaButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(yes, &QPushButton::clicked, this, [this] { startJob(QStringLiteral("certificates")); });
    box->open();
}

void HomePage::startJob(const QString &id)
{
    StepJob::Work work;
    const QString directory = m_dataDirectory;
    if (id == QLatin1String("certificates")) {
        // Immediate answers only where the answers say nothing: a usage
        // already assigned and sound stays as it is (the plan says so).
        deploy::DeploymentAnswers answers = m_answers;
        for (const QString &usage :
             {QStringLiteral("external"), QStringLiteral("internal"), QStringLiteral("gateway")})
            if (!answers.certificate(usage))
                answers.certificates.append({usage, true, {}, {}, {}});
        work = [directory, answers, id](const StepJob::Report &report) {
            return StepWork::applyStep(directory, answers, id, report);
        };
    } else if (id == QLatin1String("replica") || id == QLatin1String("components")) {
        work = [directory, answers = m_answers, id](const StepJob::Report &report) {
            return StepWork::applyStep(directory, answers, id, report);
        };
    } else if (id == QLatin1String("services")) {
        work = [directory](const StepJob::Report &report) {
            return StepWork::startService(directory, report);
        };
    } else if (id == QLatin1String("dns")) {
        auto latest = m_workspace->latestVersion();
        auto published = m_workspace->publishedTopology(latest.ok() ? latest.value() : 0);
        if (!published.ok()) {
            m_header->showMessage(published.error().toString(), PageHeader::Tone::Error);
            return;
        }
        topology::DnsRecordPlan plan = topology::DnsRecordPlan::fromTopology(published.value());
#ifdef FEDGATE_HAVE_CERTS
        plan.addDaneKeys(certs::edgeDaneKeys(certs::KeyStore()));
#endif
        // Asked again where the last check asked (the DNS page's choice).
        topology::DnsChecker::Options options;
        if (m_lastDns)
            if (auto server = topology::DnsServerAddress::parse(m_lastDns->server, nullptr))
                options.server = *server;
        work = [plan, options](const StepJob::Report &report) {
            return StepWork::checkDns(plan, options, report);
        };
    } else if (id == QLatin1String("verify")) {
        work = [directory](const StepJob::Report &report) {
            return StepWork::verify(directory, report);
        };
    } else {
        return;
    }
    m_running = id;
    m_result.insert(id, tr("started."));
    m_header->clearMessage();
    m_job->start(std::move(work));
    updateSteps();
    render();
}

void HomePage::jobFinished(const QString &id, const JobOutcome &outcome)
{
    m_result.insert(id, outcome.message);
    // A check that ran and found problems is the step's state (red), not a
    // failed run: only the actions keep their last error.
    const bool check = id == QLatin1String("dns") || id == QLatin1String("verify");
    if (!check)
        m_resultOk.insert(id, outcome.ok);
    if (id == QLatin1String("verify")) {
        m_verified = outcome.ok;
        m_verifyLog = outcome.details;
    }
    m_header->showMessage(outcome.message, outcome.ok ? PageHeader::Tone::Success
                                           : check    ? PageHeader::Tone::Warning
                                                      : PageHeader::Tone::Error);
    refresh();
}

void HomePage::showLog(const QString &id)
{
    QStringList lines;
    QString title;
    for (const Step &step : std::as_const(m_steps))
        if (step.id == id)
            title = tr("Log: %1").arg(step.title);
    const QString empty = tr("Nothing logged yet for this step.");
    if (id == QLatin1String("publish")) {
        if (auto versions = m_workspace->versions(); versions.ok())
            for (const topology::VersionInfo &v : versions.value())
                lines << tr("Version %1 published on %2 by %3: %4 %5")
                             .arg(v.version)
                             .arg(formatTime(v.publishedAt), v.publishedBy, v.comment, v.summary);
    } else if (id == QLatin1String("services")) {
        auto tail = deploy::ServiceManager(deploy::ServiceLayout::forDataDirectory(m_dataDirectory))
                        .logTail(200);
        lines = tail ? tail.value() : QStringList{tail.error().message};
    } else if (id == QLatin1String("dns")) {
        if (const auto last = topology::loadLastDnsCheck()) {
            lines << tr("Checked %1 against %2.").arg(last->checkedAt, last->server);
            for (const topology::DnsCheckResult &r : last->results)
                lines << QStringLiteral("%1  %2  %3")
                             .arg(topology::toString(r.status).leftJustified(14),
                                  r.record.zoneLine(), r.found.join(QStringLiteral("; ")));
            for (const topology::DnsFinding &f : last->findings)
                lines << f.message;
        }
    } else if (id == QLatin1String("verify")) {
        lines = m_verifyLog;
    } else {
        auto read = deploy::DeploymentLog::read(m_dataDirectory, id);
        lines = read ? read.value() : QStringList{read.error().message};
    }
    showLogDialog(this, title, lines, empty);
}

} // namespace fedgate::wizard
