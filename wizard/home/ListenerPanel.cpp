#include "ListenerPanel.h"

#include "ListenerMonitor.h"

#include <QHeaderView>
#include <QLabel>
#include <QTime>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fedgate::wizard {

namespace {
QString purposeText(deploy::ListenerPurpose purpose)
{
    switch (purpose) {
    case deploy::ListenerPurpose::Federation:
        return ListenerPanel::tr("federation with partners (5269)");
    case deploy::ListenerPurpose::FederationDirectTls:
        return ListenerPanel::tr("federation, direct TLS (5270)");
    case deploy::ListenerPurpose::InternalLink:
        return ListenerPanel::tr("internal link, gateway to edge (23456)");
    case deploy::ListenerPurpose::Clients:
        return ListenerPanel::tr("your users' clients (5222)");
    case deploy::ListenerPurpose::Other:
        break;
    }
    return ListenerPanel::tr("other");
}
} // namespace

ListenerPanel::ListenerPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("listenerTitle"));
    layout->addWidget(m_title);
    m_table = new QTreeWidget(this);
    m_table->setObjectName(QStringLiteral("listeners"));
    m_table->setAccessibleName(tr("Listeners"));
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setHeaderLabels(
        {tr("Local address"), tr("Remote address"), tr("State"), tr("PID/Program"), tr("Purpose")});
    m_table->header()->setStretchLastSection(true);
    // As tall as the page leaves room for (the findings under it stay in
    // view), at least five rows.
    m_table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);
    m_table->setMinimumHeight(120);
    layout->addWidget(m_table, 1);
    m_findings = new QLabel(this);
    m_findings->setObjectName(QStringLiteral("listenerFindings"));
    m_findings->setWordWrap(true);
    m_findings->setTextFormat(Qt::RichText);
    m_findings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_findings);
    m_title->setText(
        QStringLiteral("<b>%1</b>").arg(tr("Listeners on this machine").toHtmlEscaped()));
}

void ListenerPanel::show(const ListenerSnapshot &snapshot)
{
    m_title->setText(
        QStringLiteral("<b>%1</b> &nbsp; %2")
            .arg(tr("Listeners on this machine").toHtmlEscaped(),
                 tr("as the operating system reports them, refreshed every 2 s (last at %1)")
                     .arg(QLocale().toString(QTime::currentTime(), QStringLiteral("HH:mm:ss")))
                     .toHtmlEscaped()));
    m_table->clear();
    for (const deploy::ListenerRow &row : snapshot.rows) {
        auto *item = new QTreeWidgetItem(m_table);
        item->setText(LocalColumn, row.socket.localEndpoint());
        item->setText(RemoteColumn, row.socket.remoteEndpoint());
        item->setText(StateColumn, deploy::toString(row.socket.state));
        item->setText(ProcessColumn,
                      row.socket.pid < 0
                          ? QStringLiteral("-")
                          : QStringLiteral("%1/%2").arg(row.socket.pid).arg(row.socket.process));
        item->setText(PurposeColumn, purposeText(row.purpose));
    }
    if (snapshot.rows.isEmpty()) {
        auto *item = new QTreeWidgetItem(m_table);
        item->setText(LocalColumn, tr("(no socket of Fedgate's ports or processes)"));
        item->setFirstColumnSpanned(true);
        item->setDisabled(true);
    }
    for (int c = LocalColumn; c < PurposeColumn; ++c)
        m_table->resizeColumnToContents(c);

    QStringList lines;
    auto add = [&lines](const QString &problem, const QString &fix) {
        lines << QStringLiteral("&#9888; %1 <i>%2</i>")
                     .arg(problem.toHtmlEscaped(), fix.toHtmlEscaped());
    };
    if (!snapshot.socketsError.isEmpty())
        add(snapshot.socketsError, QString());
    if (!snapshot.service.running)
        add(tr("fedgated is not running."), tr("Run \"Start services\" above."));
    if (!snapshot.expectedError.isEmpty())
        add(tr("Cannot tell which listeners this machine should have: %1")
                .arg(snapshot.expectedError),
            tr("Run the steps above up to \"Set up components\"."));
    for (const deploy::ListenerFinding &f : snapshot.findings)
        add(f.problem, f.fix);
    if (lines.isEmpty())
        lines << QStringLiteral("&#10004; %1")
                     .arg(tr("Every planned listener is open, and the internal link is "
                             "established where it is planned.")
                              .toHtmlEscaped());
    m_findings->setText(lines.join(QStringLiteral("<br>")));
}

} // namespace fedgate::wizard
