#pragma once

#include "topology/DnsCheckReport.h"
#include "topology/DnsRecordPlan.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTreeWidget;

namespace fedgate::topology {
class DnsChecker;
}

// The DNS checklist: the records the published topology needs
// (DnsRecordPlan), checked live with DnsChecker against the system resolver
// or a named server, rows filling in as answers arrive; the findings with
// their fix; export as a zone snippet or CSV, or copy to the clipboard.
namespace fedgate::wizard {

class PageHeader;
class Workspace;

class DnsPage : public QWidget
{
    Q_OBJECT
public:
    explicit DnsPage(Workspace *workspace, QWidget *parent = nullptr);
    ~DnsPage() override;
    bool isChecking() const;

public slots:
    void reloadPlan();
    void checkNow();
    void copyZone();

signals:
    // After each complete check: how many planned records are right.
    void checked(int ok, int total, bool allOk);

private:
    void recordChecked(int index, const topology::DnsCheckResult &result);
    void finished(const topology::DnsCheckReport &report);
    // Fills the rows and findings; `saved` = the last check, read back at start.
    void showReport(const topology::DnsCheckReport &report, bool saved);
    void exportZone();
    void exportCsv();

    Workspace *m_workspace;
    topology::DnsRecordPlan m_plan;
    topology::DnsChecker *m_checker;
    PageHeader *m_header;
    QLabel *m_source;
    QRadioButton *m_system;
    QRadioButton *m_named;
    QLineEdit *m_server;
    QCheckBox *m_internal;
    QPushButton *m_check;
    QProgressBar *m_progress;
    QTreeWidget *m_records;
    QListWidget *m_findings;
    int m_done = 0;
};

} // namespace fedgate::wizard
