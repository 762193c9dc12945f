#include "HomePage.h"

#include "PageHeader.h"
#include "Workspace.h"

#ifdef FEDGATE_HAVE_CERTS
#include "certificates/CertificatesPage.h"
#include "certs/KeyStore.h"
#endif

#include <QGridLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTime>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#ifdef FEDGATE_HAVE_ENGINE
#include "engine/control/ControlClient.h"

#include <QJsonArray>
#include <QJsonObject>
#endif

namespace fedgate::wizard {

namespace {
QString iconFor(HomePage::StepState state)
{
    switch (state) {
    case HomePage::StepState::Done:
        return QStringLiteral(":/icons/status-done.svg");
    case HomePage::StepState::Failed:
        return QStringLiteral(":/icons/status-error.svg");
    case HomePage::StepState::Unavailable:
        return QStringLiteral(":/icons/status-unavailable.svg");
    case HomePage::StepState::NotDone:
        break;
    }
    return QStringLiteral(":/icons/status-pending.svg");
}

QString formatTime(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}
} // namespace

HomePage::HomePage(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    auto *layout = new QVBoxLayout(this);
    m_header = new PageHeader(
        tr("Deployment steps"),
        tr("Run the steps from top to bottom. Each step shows what is already done on this "
           "machine; Run Again repeats a step safely, for example after you change and "
           "republish the topology."),
        this);
    layout->addWidget(m_header);

    auto *frame = new QWidget(this);
    m_grid = new QGridLayout(frame);
    m_grid->setHorizontalSpacing(16);
    m_grid->setVerticalSpacing(14);
    m_grid->setColumnStretch(1, 3);
    m_grid->setColumnStretch(2, 2);
    layout->addWidget(frame);
    layout->addStretch(1);

    connect(&m_serviceQuery, &QFutureWatcher<QPair<bool, QString>>::finished, this, [this] {
        m_serviceAnswer = m_serviceQuery.result();
        m_serviceAnswerFresh = true;
        refresh();
    });
    connect(m_workspace, &Workspace::publishedChanged, this, &HomePage::refresh);
    connect(m_workspace, &Workspace::topologyChanged, this, &HomePage::refresh);
    connect(m_workspace, &Workspace::replicaChanged, this, &HomePage::refresh);
    refresh();
}

QList<HomePage::Step> HomePage::steps() const
{
    return m_steps;
}

HomePage::Step HomePage::publishStep() const
{
    Step step;
    step.id = QStringLiteral("publish");
    step.title = tr("Publish the topology");
    step.description = tr("Describe sites, pools and the XMPP federation route, then publish "
                          "them to the central store.");
    step.canRun = true;
    auto versions = m_workspace->versions();
    if (!versions.ok()) {
        step.state = StepState::Failed;
        step.stateText = versions.error().message;
    } else if (versions.value().isEmpty()) {
        step.stateText = tr("Not published yet.");
    } else {
        const topology::VersionInfo &last = versions.value().constLast();
        step.state = StepState::Done;
        step.stateText =
            tr("Version %1 published on %2.").arg(last.version).arg(formatTime(last.publishedAt));
        if (m_workspace->hasUnpublishedChanges())
            step.stateText += QLatin1Char(' ') + tr("The draft has unpublished changes.");
    }
    return step;
}

HomePage::Step HomePage::replicaStep()
{
    Step step;
    step.id = QStringLiteral("replica");
    step.title = tr("Install the local configuration store");
    step.description = tr("Copy the published topology into this machine's local store; the "
                          "federation services read only this copy.");
    auto latest = m_workspace->latestVersion();
    const int published = latest.ok() ? latest.value() : 0;
    step.canRun = published > 0;
    if (!step.canRun)
        step.blockedReason = tr("Publish the topology first.");
    step.run = [this] { installReplica(); };

    auto state = m_workspace->replicaState();
    if (!state.ok()) {
        step.state = StepState::Failed;
        step.stateText = state.error().message;
    } else if (!state.value()) {
        step.stateText = tr("Not installed.");
    } else {
        const topology::ReplicaState &replica = *state.value();
        step.state = StepState::Done;
        step.stateText = tr("Version %1 installed on %2.")
                             .arg(replica.version)
                             .arg(formatTime(replica.importedAt));
        if (published > replica.version)
            step.stateText += QLatin1Char(' ') +
                              tr("Version %1 is newer: run again to install it.").arg(published);
    }
    return step;
}

HomePage::Step HomePage::unavailableStep(const QString &id, const QString &title,
                                         const QString &description)
{
    Step step;
    step.id = id;
    step.title = title;
    step.description = description;
    step.state = StepState::Unavailable;
    step.stateText = tr("Not available in this version.");
    step.blockedReason = step.stateText;
    return step;
}

QList<HomePage::Step> HomePage::certificateSteps()
{
    const QString requestTitle = tr("Request certificates");
    const QString requestText = tr("Create the requests for the external and internal edge "
                                   "interfaces, with the names taken from the topology.");
    const QString importTitle = tr("Import certificates");
    const QString importText = tr("Import the certificates your certification authority "
                                  "issued and match them to their private keys.");
    const QString assignTitle = tr("Assign certificates");
    const QString assignText =
        tr("Assign a certificate to the external and to the internal edge interface.");
#ifndef FEDGATE_HAVE_CERTS
    return {unavailableStep(QStringLiteral("certificates-request"), requestTitle, requestText),
            unavailableStep(QStringLiteral("certificates-import"), importTitle, importText),
            unavailableStep(QStringLiteral("certificates-assign"), assignTitle, assignText)};
#else
    certs::KeyStore store;
    auto openCertificates = [this] { emit pageRequested(PageId::Certificates); };
    auto pending = store.pendingRequests();
    auto stored = store.certificates();
    const int pendingCount = pending.ok() ? int(pending.value().size()) : 0;
    const int storedCount = stored.ok() ? int(stored.value().size()) : 0;

    Step request;
    request.id = QStringLiteral("certificates-request");
    request.title = requestTitle;
    request.description = requestText;
    request.canRun = true;
    request.run = openCertificates;
    if (!pending.ok()) {
        request.state = StepState::Failed;
        request.stateText = pending.error().message;
    } else if (pendingCount + storedCount == 0) {
        request.stateText = tr("No request yet.");
    } else {
        request.state = StepState::Done;
        request.stateText = tr("%1, %2 in the key store.")
                                .arg(tr("%n pending request(s)", nullptr, pendingCount),
                                     tr("%n certificate(s)", nullptr, storedCount));
    }

    Step import;
    import.id = QStringLiteral("certificates-import");
    import.title = importTitle;
    import.description = importText;
    import.canRun = true;
    import.run = openCertificates;
    if (!stored.ok()) {
        import.state = StepState::Failed;
        import.stateText = stored.error().message;
    } else if (storedCount == 0) {
        import.stateText = tr("No certificate imported yet.");
    } else {
        import.state = StepState::Done;
        import.stateText = tr("%n certificate(s) imported.", nullptr, storedCount);
    }

    Step assign;
    assign.id = QStringLiteral("certificates-assign");
    assign.title = assignTitle;
    assign.description = assignText;
    assign.canRun = storedCount > 0;
    assign.blockedReason = tr("Import a certificate first.");
    assign.run = openCertificates;
    QStringList parts;
    int assigned = 0;
    for (certs::CertificateUsage usage :
         {certs::CertificateUsage::ExternalEdge, certs::CertificateUsage::InternalEdge}) {
        auto a = store.assignment(usage);
        const bool has = a.ok() && a.value().has_value();
        assigned += has ? 1 : 0;
        parts << (has ? tr("%1: %2").arg(CertificatesPage::usageName(usage),
                                         a.value()->friendlyName)
                      : tr("%1: not assigned").arg(CertificatesPage::usageName(usage)));
    }
    assign.state = assigned == 2 ? StepState::Done : StepState::NotDone;
    assign.stateText = parts.join(QStringLiteral("; ")) + QLatin1Char('.');
    return {request, import, assign};
#endif
}

void HomePage::setDnsResult(int ok, int total, bool allOk, const QTime &at)
{
    m_dnsOk = allOk;
    m_dnsState = tr("%n of %1 record(s) correct at %2.", nullptr, ok)
                     .arg(total)
                     .arg(QLocale().toString(at, QLocale::ShortFormat));
    refresh();
}

HomePage::Step HomePage::servicesStep()
{
    const QString title = tr("Start services");
    const QString description =
        tr("Start the federation services and verify the listeners on ports 5269 and 23456.");
#ifndef FEDGATE_HAVE_ENGINE
    return unavailableStep(QStringLiteral("services"), title, description);
#else
    Step step;
    step.id = QStringLiteral("services");
    step.title = title;
    step.description = description;
    // Starting fedgated belongs to the service manager; the wizard only
    // reports whether it answers on its control channel.
    step.blockedReason = tr("Starting services from the wizard is not available in this "
                            "version: run systemctl start fedgated.");
    if (!m_serviceAnswerFresh && !m_serviceQuery.isRunning()) {
        m_serviceQuery.setFuture(QtConcurrent::run([]() -> QPair<bool, QString> {
            auto answer = engine::ControlClient::request(
                engine::ControlClient::defaultPath(),
                QJsonObject{{QStringLiteral("command"), QStringLiteral("status")}}, 1500);
            if (!answer.ok())
                return {false, answer.error().message};
            const QJsonObject o = answer.value();
            if (!o.value(QStringLiteral("ok")).toBool())
                return {false, o.value(QStringLiteral("error")).toString()};
            return {true, tr("fedgated is running (process %1), listening on %2, %n session(s).",
                             nullptr, o.value(QStringLiteral("sessions")).toInt())
                              .arg(o.value(QStringLiteral("pid")).toInt())
                              .arg(o.value(QStringLiteral("listen")).toString())};
        }));
    }
    m_serviceAnswerFresh = false;
    if (!m_serviceAnswer) {
        step.stateText = tr("Asking fedgated...");
    } else if (m_serviceAnswer->first) {
        step.state = StepState::Done;
        step.stateText = m_serviceAnswer->second;
    } else {
        // The control channel's own error (socket path, errno text) is for
        // fedgatectl users; here one sentence is enough.
        step.stateText = tr("fedgated is not running (it does not answer on its control "
                            "channel).");
    }
    return step;
#endif
}

void HomePage::installReplica()
{
    Status status = m_workspace->installReplicaFromStore();
    if (status.ok())
        m_header->showMessage(tr("The local configuration store now holds the latest "
                                 "published topology."),
                              PageHeader::Tone::Success);
    else
        m_header->showMessage(status.error().toString(), PageHeader::Tone::Error);
    refresh();
}

void HomePage::refresh()
{
    Step publish = publishStep();
    publish.run = [this] { emit pageRequested(PageId::Topology); };
    m_steps = {
        publish,
        replicaStep(),
        unavailableStep(QStringLiteral("components"), tr("Set up components"),
                        tr("Install or update what the topology puts on this machine.")),
        servicesStep(),
    };

    // A button's own click may have started this refresh: detach the old
    // widgets now and delete them once their signals have returned.
    Step dns;
    dns.id = QStringLiteral("dns");
    dns.title = tr("Check DNS records");
    dns.description = tr("Check the SRV and address records partners use to find this edge.");
    dns.canRun = true;
    dns.run = [this] { emit pageRequested(PageId::Dns); };
    dns.state =
        m_dnsState.isEmpty() ? StepState::NotDone : (m_dnsOk ? StepState::Done : StepState::Failed);
    dns.stateText = m_dnsState.isEmpty() ? tr("Not checked since Fedgate started.") : m_dnsState;
    m_steps = m_steps.mid(0, 3) + certificateSteps() + QList<Step>{dns} + m_steps.mid(3);

    while (QLayoutItem *item = m_grid->takeAt(0)) {
        if (QWidget *w = item->widget()) {
            w->hide();
            w->setParent(nullptr);
            w->deleteLater();
        }
        delete item;
    }
    int row = 0;
    for (const Step &step : std::as_const(m_steps)) {
        const bool unavailable = step.state == StepState::Unavailable;
        auto *icon = new QLabel;
        icon->setPixmap(QIcon(iconFor(step.state)).pixmap(24, 24));
        icon->setAccessibleName(step.stateText);
        m_grid->addWidget(icon, row, 0, Qt::AlignTop);

        auto *text =
            new QLabel(QStringLiteral("<b>%1</b><br>%2")
                           .arg(step.title.toHtmlEscaped(), step.description.toHtmlEscaped()));
        text->setWordWrap(true);
        text->setEnabled(!unavailable);
        m_grid->addWidget(text, row, 1, Qt::AlignTop);

        auto *state = new QLabel(step.stateText);
        state->setObjectName(QStringLiteral("state-") + step.id);
        state->setWordWrap(true);
        state->setEnabled(!unavailable);
        m_grid->addWidget(state, row, 2, Qt::AlignTop);

        auto *button = new QPushButton(step.state == StepState::Done ? tr("Run Again") : tr("Run"));
        button->setObjectName(QStringLiteral("run-") + step.id);
        button->setAccessibleName(button->text() + QStringLiteral(": ") + step.title);
        button->setEnabled(step.canRun && step.run);
        button->setToolTip(step.blockedReason);
        if (step.run)
            connect(button, &QPushButton::clicked, this, step.run);
        m_grid->addWidget(button, row, 3, Qt::AlignTop);
        ++row;
    }
}

} // namespace fedgate::wizard
