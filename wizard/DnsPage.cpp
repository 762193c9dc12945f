#include "DnsPage.h"

#include "PageHeader.h"
#include "Workspace.h"

#include "certs/DaneKeys.h"
#include "topology/DnsChecker.h"
#include "topology/DnsExport.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fedgate::wizard {

using namespace fedgate::topology;

namespace {
enum Column
{
    StatusColumn,
    ZoneColumn,
    NameColumn,
    RecordColumn,
    FoundColumn,
    PurposeColumn
};

QIcon statusIcon(DnsCheckStatus status);

QString statusIconPath(DnsCheckStatus status)
{
    switch (status) {
    case DnsCheckStatus::Ok:
        return QStringLiteral(":/icons/status-done.svg");
    case DnsCheckStatus::NotChecked:
    case DnsCheckStatus::Timeout:
    case DnsCheckStatus::Unreachable:
    case DnsCheckStatus::Refused:
    case DnsCheckStatus::ServerFailure:
        // Not checked: the server could not be asked; nothing is known wrong.
        return QStringLiteral(":/icons/status-unavailable.svg");
    case DnsCheckStatus::Pending:
        return QStringLiteral(":/icons/status-running.svg");
    case DnsCheckStatus::OtherPriority:
        return QStringLiteral(":/icons/status-warning.svg");
    default:
        break;
    }
    return QStringLiteral(":/icons/status-error.svg");
}

// One QIcon per status for the page's lifetime: an icon made from an SVG file
// parses and renders it on first paint, and twenty fresh icons in one repaint
// stalled the event loop for tens of milliseconds (bench/wizard).
QIcon statusIcon(DnsCheckStatus status)
{
    static QHash<QString, QIcon> cache;
    const QString path = statusIconPath(status);
    auto it = cache.find(path);
    if (it == cache.end())
        it = cache.insert(path, QIcon(path));
    return *it;
}

QString statusText(DnsCheckStatus status)
{
    switch (status) {
    case DnsCheckStatus::NotChecked:
        return DnsPage::tr("not checked");
    case DnsCheckStatus::Pending:
        return DnsPage::tr("checking...");
    case DnsCheckStatus::Ok:
        return DnsPage::tr("OK");
    case DnsCheckStatus::Missing:
        return DnsPage::tr("missing");
    case DnsCheckStatus::OtherTarget:
        return DnsPage::tr("other target");
    case DnsCheckStatus::OtherPort:
        return DnsPage::tr("other port");
    case DnsCheckStatus::OtherPriority:
        return DnsPage::tr("other priority");
    case DnsCheckStatus::ServiceDisabled:
        return DnsPage::tr("service disabled");
    case DnsCheckStatus::CnameTarget:
        return DnsPage::tr("target is an alias");
    case DnsCheckStatus::PrivateAddress:
        return DnsPage::tr("private address");
    case DnsCheckStatus::Timeout:
        return DnsPage::tr("not checked: no answer");
    case DnsCheckStatus::Unreachable:
        return DnsPage::tr("not checked: unreachable");
    case DnsCheckStatus::Refused:
        return DnsPage::tr("not checked: refused");
    case DnsCheckStatus::ServerFailure:
        break;
    }
    return DnsPage::tr("not checked: server failure");
}
} // namespace

DnsPage::DnsPage(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_checker(new DnsChecker(this))
{
    auto *layout = new QVBoxLayout(this);
    m_header = new PageHeader(
        tr("DNS records"),
        tr("Partners find your edge through these records. Publish the external ones in your "
           "Internet zone, then check them here: against the system resolver, or against a "
           "name server you name (for example your zone's primary, before it propagates)."),
        this);
    layout->addWidget(m_header);
    m_source = new QLabel(this);
    m_source->setWordWrap(true);
    layout->addWidget(m_source);

    auto *checkRow = new QHBoxLayout;
    m_system = new QRadioButton(tr("S&ystem resolver"), this);
    m_system->setChecked(true);
    m_named = new QRadioButton(tr("&Name server:"), this);
    m_named->setObjectName(QStringLiteral("namedServer"));
    m_server = new QLineEdit(this);
    m_server->setObjectName(QStringLiteral("server"));
    m_server->setAccessibleName(tr("Name server address"));
    m_server->setPlaceholderText(tr("e.g. 192.0.2.53"));
    m_server->setMaximumWidth(220);
    m_internal = new QCheckBox(tr("Also check &internal records"), this);
    m_check = new QPushButton(QIcon(QStringLiteral(":/icons/nav-dns.svg")), tr("&Check Now"), this);
    m_check->setObjectName(QStringLiteral("checkNow"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setAccessibleName(tr("Check progress"));
    m_progress->setMaximumWidth(180);
    checkRow->addWidget(m_system);
    checkRow->addWidget(m_named);
    checkRow->addWidget(m_server);
    checkRow->addWidget(m_internal);
    checkRow->addStretch(1);
    checkRow->addWidget(m_progress);
    checkRow->addWidget(m_check);
    layout->addLayout(checkRow);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_records = new QTreeWidget(splitter);
    m_records->setObjectName(QStringLiteral("records"));
    m_records->setAccessibleName(tr("Planned DNS records"));
    m_records->setRootIsDecorated(false);
    m_records->setHeaderLabels(
        {tr("Status"), tr("Zone"), tr("Name"), tr("Record"), tr("Found"), tr("Purpose")});
    // Columns are sized once per plan and once per finished check, not on
    // every row update: ResizeToContents re-measures every row each time a
    // cell changes, which stalled the live check (bench/wizard).
    m_records->header()->setSectionResizeMode(QHeaderView::Interactive);
    auto *findingsBox = new QGroupBox(tr("Findings and fixes"), splitter);
    auto *findingsLayout = new QVBoxLayout(findingsBox);
    m_findings = new QListWidget(findingsBox);
    m_findings->setObjectName(QStringLiteral("findings"));
    m_findings->setAccessibleName(tr("DNS findings"));
    m_findings->setWordWrap(true);
    findingsLayout->addWidget(m_findings);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    auto *exportRow = new QHBoxLayout;
    auto *zone = new QPushButton(tr("Export &Zone Snippet..."), this);
    auto *csv = new QPushButton(tr("Export C&SV..."), this);
    auto *copy = new QPushButton(tr("Co&py Zone Snippet"), this);
    copy->setObjectName(QStringLiteral("copyZone"));
    exportRow->addStretch(1);
    for (QPushButton *b : {zone, csv, copy})
        exportRow->addWidget(b);
    layout->addLayout(exportRow);

    connect(m_server, &QLineEdit::textEdited, m_named, [this] { m_named->setChecked(true); });
    connect(m_check, &QPushButton::clicked, this, &DnsPage::checkNow);
    connect(zone, &QPushButton::clicked, this, &DnsPage::exportZone);
    connect(csv, &QPushButton::clicked, this, &DnsPage::exportCsv);
    connect(copy, &QPushButton::clicked, this, &DnsPage::copyZone);
    connect(m_checker, &DnsChecker::recordChecked, this, &DnsPage::recordChecked);
    connect(m_checker, &DnsChecker::finished, this, &DnsPage::finished);
    connect(m_workspace, &Workspace::publishedChanged, this, &DnsPage::reloadPlan);
    reloadPlan();
}

DnsPage::~DnsPage() = default;

bool DnsPage::isChecking() const
{
    return m_checker->isRunning();
}

void DnsPage::reloadPlan()
{
    if (m_checker->isRunning())
        m_checker->cancel();
    auto latest = m_workspace->latestVersion();
    Topology topology = m_workspace->topology();
    if (latest.ok() && latest.value() > 0) {
        auto published = m_workspace->publishedTopology(latest.value());
        if (published.ok())
            topology = published.value();
        m_source->setText(tr("Records planned from published version %1.").arg(latest.value()));
    } else {
        m_source->setText(tr("Nothing is published yet: records planned from the draft."));
    }
    m_plan = DnsRecordPlan::fromTopology(topology);
    // TLSA for the edge's assigned (and pending) external certificate key.
    m_plan.addDaneKeys(certs::edgeDaneKeys(certs::KeyStore()));
    if (!m_plan.notes().isEmpty())
        m_source->setText(m_source->text() + QLatin1Char(' ') +
                          m_plan.notes().join(QLatin1Char(' ')));
    m_records->clear();
    for (const DnsRecord &r : m_plan.records()) {
        auto *item = new QTreeWidgetItem(m_records);
        item->setIcon(StatusColumn, (statusIcon(DnsCheckStatus::NotChecked)));
        item->setText(StatusColumn, statusText(DnsCheckStatus::NotChecked));
        item->setText(ZoneColumn, r.zone == DnsZone::External ? tr("external") : tr("internal"));
        item->setText(NameColumn, r.name);
        item->setText(RecordColumn, r.typeAndData());
        item->setText(PurposeColumn, r.purpose);
    }
    for (int c = StatusColumn; c < PurposeColumn; ++c)
        m_records->resizeColumnToContents(c);
    m_findings->clear();
    m_progress->setRange(0, qMax(1, int(m_plan.records().size())));
    m_progress->setValue(0);
    // The last check's result, if it was of these very records.
    const std::optional<DnsCheckReport> last = loadLastDnsCheck();
    if (last && last->results.size() == m_plan.records().size() &&
        std::equal(last->results.begin(), last->results.end(), m_plan.records().begin(),
                   [](const DnsCheckResult &r, const DnsRecord &p) {
                       return r.record.zoneLine() == p.zoneLine();
                   }))
        showReport(*last, true);
}

void DnsPage::checkNow()
{
    if (m_checker->isRunning()) {
        m_checker->cancel();
        return;
    }
    DnsChecker::Options options;
    if (m_named->isChecked()) {
        QString error;
        const std::optional<DnsServerAddress> server =
            DnsServerAddress::parse(m_server->text(), &error);
        if (!server) {
            m_header->showMessage(error, PageHeader::Tone::Warning);
            return;
        }
        options.server = *server;
    }
    options.includeInternal = m_internal->isChecked();
    m_header->clearMessage();
    m_findings->clear();
    m_done = 0;
    m_progress->setValue(0);
    for (int i = 0; i < m_records->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_records->topLevelItem(i);
        const bool checked =
            options.includeInternal || m_plan.records().at(i).zone == DnsZone::External;
        const DnsCheckStatus status =
            checked ? DnsCheckStatus::Pending : DnsCheckStatus::NotChecked;
        item->setIcon(StatusColumn, (statusIcon(status)));
        item->setText(StatusColumn, statusText(status));
        item->setText(FoundColumn, QString());
        item->setToolTip(FoundColumn, QString());
    }
    m_check->setText(tr("&Cancel Check"));
    m_checker->start(m_plan, options);
}

void DnsPage::recordChecked(int index, const DnsCheckResult &result)
{
    QTreeWidgetItem *item = m_records->topLevelItem(index);
    if (!item)
        return;
    item->setIcon(StatusColumn, (statusIcon(result.status)));
    item->setText(StatusColumn, statusText(result.status));
    item->setText(FoundColumn, result.found.join(QStringLiteral("; ")));
    item->setToolTip(StatusColumn, result.message);
    item->setToolTip(FoundColumn, result.message);
    m_progress->setValue(++m_done);
}

void DnsPage::finished(const DnsCheckReport &report)
{
    m_check->setText(tr("&Check Now"));
    if (!report.cancelled)
        saveLastDnsCheck(report); // shown again after a restart (best effort)
    showReport(report, false);
}

void DnsPage::showReport(const DnsCheckReport &report, bool saved)
{
    int ok = 0;
    int total = 0;
    for (const DnsCheckResult &r : report.results) {
        if (QTreeWidgetItem *item = m_records->topLevelItem(r.index)) {
            item->setIcon(StatusColumn, (statusIcon(r.status)));
            item->setText(StatusColumn, statusText(r.status));
            item->setText(FoundColumn, r.found.join(QStringLiteral("; ")));
        }
        if (r.status != DnsCheckStatus::NotChecked)
            ++total;
        if (r.status == DnsCheckStatus::Ok)
            ++ok;
    }
    m_progress->setValue(m_progress->maximum());
    m_records->resizeColumnToContents(FoundColumn);
    for (const DnsFinding &f : report.findings) {
        QString text = f.message;
        if (!f.create.isEmpty())
            text += QLatin1Char('\n') + tr("Create: %1").arg(f.create.join(QStringLiteral("\n")));
        if (!f.remove.isEmpty())
            text += QLatin1Char('\n') + tr("Delete: %1").arg(f.remove.join(QStringLiteral("\n")));
        auto *item = new QListWidgetItem(QIcon(QStringLiteral(":/icons/status-error.svg")), text,
                                         m_findings);
        item->setData(Qt::UserRole, f.rule);
    }
    // DNSSEC, per zone, when the check validated (a trust anchor was set).
    for (const DnsZoneSecurity &z : report.dnssec) {
        const bool secure = z.status == QLatin1String("secure");
        auto *item = new QListWidgetItem(
            QIcon(secure ? QStringLiteral(":/icons/status-done.svg")
                         : QStringLiteral(":/icons/status-warning.svg")),
            z.reason.isEmpty() ? tr("DNSSEC of %1: %2").arg(z.zone, z.status)
                               : tr("DNSSEC of %1: %2 (%3)").arg(z.zone, z.status, z.reason),
            m_findings);
        item->setData(Qt::UserRole, QStringLiteral("dnssec"));
    }
    // The count of correct records decides the plural (French: "1
    // enregistrement correct", "4 enregistrements corrects").
    const QString summary = tr("%n of %1 record(s) correct on %2 (%3 ms).", nullptr, ok)
                                .arg(total)
                                .arg(report.server)
                                .arg(report.elapsedMs);
    if (saved)
        m_header->showMessage(tr("Last check (%1): %2").arg(report.checkedAt, summary),
                              report.allOk() ? PageHeader::Tone::Success
                                             : PageHeader::Tone::Warning);
    else if (report.cancelled)
        m_header->showMessage(tr("Check cancelled. %1").arg(summary), PageHeader::Tone::Warning);
    else
        m_header->showMessage(summary,
                              report.allOk() ? PageHeader::Tone::Success : PageHeader::Tone::Error);
    if (!report.cancelled && !saved)
        emit checked(ok, total, report.allOk());
}

void DnsPage::copyZone()
{
    QApplication::clipboard()->setText(DnsExport::zoneSnippet(m_plan));
    m_header->showMessage(tr("Zone snippet copied to the clipboard."), PageHeader::Tone::Success);
}

void DnsPage::exportZone()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Zone Snippet"),
                                                      QStringLiteral("fedgate-records.zone"),
                                                      tr("Zone files (*.zone *.txt)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(DnsExport::zoneSnippet(m_plan).toUtf8()) < 0)
        m_header->showMessage(tr("Could not write %1: %2").arg(path, file.errorString()),
                              PageHeader::Tone::Error);
    else
        m_header->showMessage(tr("Zone snippet written to %1.").arg(path),
                              PageHeader::Tone::Success);
}

void DnsPage::exportCsv()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export CSV"), QStringLiteral("fedgate-records.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(DnsExport::csv(m_plan).toUtf8()) < 0)
        m_header->showMessage(tr("Could not write %1: %2").arg(path, file.errorString()),
                              PageHeader::Tone::Error);
    else
        m_header->showMessage(tr("Checklist written to %1.").arg(path), PageHeader::Tone::Success);
}

} // namespace fedgate::wizard
