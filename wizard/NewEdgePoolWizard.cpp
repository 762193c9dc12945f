#include "NewEdgePoolWizard.h"

#include "GuidedCheck.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QWizardPage>

namespace fedgate::wizard {

using namespace fedgate::topology;

namespace {
enum Column
{
    InternalFqdn,
    InternalIPv4,
    ExternalFqdn,
    ExternalIPv4,
    NatIPv4,
    ColumnCount
};

QString cell(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text().trimmed() : QString();
}

void setCell(QTableWidget *table, int row, int column, const QString &text)
{
    if (QTableWidgetItem *item = table->item(row, column))
        item->setText(text);
    else
        table->setItem(row, column, new QTableWidgetItem(text));
}
} // namespace

class EdgePoolNamePage : public QWizardPage
{
public:
    explicit EdgePoolNamePage(NewEdgePoolWizard *wizard)
        : QWizardPage(wizard)
        , m_wizard(wizard)
    {
        setObjectName(QStringLiteral("poolPage"));
        setTitle(NewEdgePoolWizard::tr("Edge pool"));
        setSubTitle(NewEdgePoolWizard::tr("The pool's internal FQDN is its identity; partners "
                                          "connect to its external FQDN."));
        auto *layout = new QVBoxLayout(this);
        auto *form = new QFormLayout;
        wizard->m_fqdn = new QLineEdit(this);
        wizard->m_fqdn->setObjectName(QStringLiteral("poolFqdn"));
        wizard->m_fqdn->setPlaceholderText(NewEdgePoolWizard::tr("edge.contoso.local"));
        form->addRow(NewEdgePoolWizard::tr("Internal pool FQDN:"), wizard->m_fqdn);
        wizard->m_single =
            new QRadioButton(NewEdgePoolWizard::tr("Single-computer pool (one edge server)"), this);
        wizard->m_single->setObjectName(QStringLiteral("singleComputer"));
        wizard->m_single->setChecked(true);
        wizard->m_multi = new QRadioButton(
            NewEdgePoolWizard::tr("Multiple-computer pool (servers share the load)"), this);
        wizard->m_multi->setObjectName(QStringLiteral("multiComputer"));
        form->addRow(wizard->m_single);
        form->addRow(wizard->m_multi);
        wizard->m_externalFqdn = new QLineEdit(this);
        wizard->m_externalFqdn->setObjectName(QStringLiteral("poolExternalFqdn"));
        wizard->m_externalFqdn->setPlaceholderText(NewEdgePoolWizard::tr("xmpp.contoso.com"));
        form->addRow(NewEdgePoolWizard::tr("External FQDN:"), wizard->m_externalFqdn);
        wizard->m_xmpp =
            new QCheckBox(NewEdgePoolWizard::tr("Enable XMPP federation (port 5269)"), this);
        wizard->m_xmpp->setObjectName(QStringLiteral("poolXmpp"));
        wizard->m_xmpp->setChecked(true);
        form->addRow(wizard->m_xmpp);
        layout->addLayout(form);
        layout->addStretch(1);
        m_errors = makeErrorLabel(this);
        layout->addWidget(m_errors);
        registerField(QStringLiteral("poolFqdn*"), wizard->m_fqdn);
    }

    bool validatePage() override
    {
        // The servers come on the next page.
        const bool ok =
            showPageErrors(m_errors, pageErrors(m_wizard->result(), {m_wizard->poolPath()},
                                                {QStringLiteral("edge-pool-empty"),
                                                 QStringLiteral("missing-address"),
                                                 QStringLiteral("xmpp-pool-unrouted")}));
        if (ok)
            m_wizard->fillMemberDefaults();
        return ok;
    }

private:
    NewEdgePoolWizard *m_wizard;
    QLabel *m_errors;
};

class EdgePoolMembersPage : public QWizardPage
{
public:
    explicit EdgePoolMembersPage(NewEdgePoolWizard *wizard)
        : QWizardPage(wizard)
        , m_wizard(wizard)
    {
        setObjectName(QStringLiteral("membersPage"));
        setTitle(NewEdgePoolWizard::tr("Edge servers"));
        setSubTitle(NewEdgePoolWizard::tr(
            "Each server's internal interface (towards the gateway) and external interface "
            "(towards partners). New servers take the pool's external FQDN."));
        auto *layout = new QVBoxLayout(this);
        QTableWidget *table = new QTableWidget(0, ColumnCount, this);
        wizard->m_members = table;
        table->setObjectName(QStringLiteral("members"));
        table->setAccessibleName(NewEdgePoolWizard::tr("Edge servers"));
        table->setHorizontalHeaderLabels(
            {NewEdgePoolWizard::tr("Internal FQDN"), NewEdgePoolWizard::tr("Internal IPv4"),
             NewEdgePoolWizard::tr("External FQDN"), NewEdgePoolWizard::tr("External IPv4"),
             NewEdgePoolWizard::tr("Public IPv4 (NAT)")});
        table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
        table->verticalHeader()->hide();
        layout->addWidget(table, 1);
        auto *row = new QHBoxLayout;
        m_add = new QPushButton(NewEdgePoolWizard::tr("Add Server"), this);
        m_add->setObjectName(QStringLiteral("addMember"));
        m_remove = new QPushButton(NewEdgePoolWizard::tr("Remove Server"), this);
        m_remove->setObjectName(QStringLiteral("removeMember"));
        row->addWidget(m_add);
        row->addWidget(m_remove);
        row->addStretch(1);
        layout->addLayout(row);
        wizard->m_nat = new QCheckBox(
            NewEdgePoolWizard::tr("The external interfaces are behind NAT (DNS then publishes "
                                  "the public address)"),
            this);
        wizard->m_nat->setObjectName(QStringLiteral("behindNat"));
        layout->addWidget(wizard->m_nat);
        m_errors = makeErrorLabel(this);
        layout->addWidget(m_errors);
        connect(m_add, &QPushButton::clicked, this, [this] {
            QTableWidget *t = m_wizard->m_members;
            const int r = t->rowCount();
            t->insertRow(r);
            for (int c = 0; c < ColumnCount; ++c)
                setCell(t, r, c, QString());
            setCell(t, r, ExternalFqdn, m_wizard->m_externalFqdn->text().trimmed());
            t->setCurrentCell(r, InternalFqdn);
        });
        connect(m_remove, &QPushButton::clicked, this, [this] {
            QTableWidget *t = m_wizard->m_members;
            if (t->currentRow() >= 0 && t->rowCount() > 1)
                t->removeRow(t->currentRow());
        });
        connect(wizard->m_nat, &QCheckBox::toggled, this,
                [this](bool on) { m_wizard->m_members->setColumnHidden(NatIPv4, !on); });
        table->setColumnHidden(NatIPv4, true);
    }

    void initializePage() override
    {
        const bool multi = m_wizard->m_multi->isChecked();
        m_add->setVisible(multi);
        m_remove->setVisible(multi);
    }

    bool validatePage() override
    {
        return showPageErrors(m_errors, pageErrors(m_wizard->result(), {m_wizard->poolPath()},
                                                   {QStringLiteral("xmpp-pool-unrouted")}));
    }

private:
    NewEdgePoolWizard *m_wizard;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_errors;
};

class EdgePoolRoutePage : public QWizardPage
{
public:
    explicit EdgePoolRoutePage(NewEdgePoolWizard *wizard)
        : QWizardPage(wizard)
        , m_wizard(wizard)
    {
        setObjectName(QStringLiteral("routePage"));
        setTitle(NewEdgePoolWizard::tr("Next hop and route"));
        setSubTitle(NewEdgePoolWizard::tr("Where the pool sends traffic inside, and whether "
                                          "this site's XMPP federation goes through it."));
        auto *layout = new QVBoxLayout(this);
        auto *form = new QFormLayout;
        wizard->m_nextHop = new QComboBox(this);
        wizard->m_nextHop->setObjectName(QStringLiteral("nextHop"));
        wizard->m_nextHop->addItem(NewEdgePoolWizard::tr("(none)"), QString());
        for (const Site &s : wizard->m_draft.sites)
            for (const FrontEndPool &f : s.frontEndPools)
                wizard->m_nextHop->addItem(
                    NewEdgePoolWizard::tr("%1 (site %2)").arg(f.fqdn, s.name), f.fqdn);
        if (wizard->m_nextHop->count() > 1)
            wizard->m_nextHop->setCurrentIndex(1);
        form->addRow(NewEdgePoolWizard::tr("Next hop pool:"), wizard->m_nextHop);
        wizard->m_route = new QCheckBox(this);
        wizard->m_route->setObjectName(QStringLiteral("routeSite"));
        form->addRow(wizard->m_route);
        layout->addLayout(form);
        layout->addStretch(1);
        m_errors = makeErrorLabel(this);
        layout->addWidget(m_errors);
    }

    void initializePage() override
    {
        const Site *site = m_wizard->m_draft.site(m_wizard->m_site);
        const bool xmpp = m_wizard->m_xmpp->isChecked();
        m_wizard->m_route->setText(
            NewEdgePoolWizard::tr("Route the XMPP federation of site %1 through this pool")
                .arg(m_wizard->m_site));
        m_wizard->m_route->setEnabled(xmpp);
        m_wizard->m_route->setChecked(xmpp && site && site->xmppFederationRoute.isEmpty());
    }

    bool validatePage() override
    {
        return showPageErrors(m_errors, pageErrors(m_wizard->result(),
                                                   {m_wizard->poolPath(),
                                                    QStringLiteral("sites/") + m_wizard->m_site}));
    }

private:
    NewEdgePoolWizard *m_wizard;
    QLabel *m_errors;
};

NewEdgePoolWizard::NewEdgePoolWizard(const Topology &draft, const QString &site, QWidget *parent)
    : QWizard(parent)
    , m_draft(draft)
    , m_site(site)
{
    setObjectName(QStringLiteral("newEdgePoolWizard"));
    setWindowTitle(tr("New Edge Pool in Site %1").arg(site));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    resize(760, 520);
    addPage(new EdgePoolNamePage(this));
    addPage(new EdgePoolMembersPage(this));
    addPage(new EdgePoolRoutePage(this));
}

void NewEdgePoolWizard::fillMemberDefaults()
{
    const QString fqdn = m_fqdn->text().trimmed();
    const QString external = m_externalFqdn->text().trimmed();
    if (m_members->rowCount() == 0) {
        m_members->insertRow(0);
        for (int c = 0; c < ColumnCount; ++c)
            setCell(m_members, 0, c, QString());
        // A single-computer pool's server is named as the pool.
        if (m_single->isChecked())
            setCell(m_members, 0, InternalFqdn, fqdn);
    }
    // Servers whose external FQDN is empty take the pool's.
    for (int r = 0; r < m_members->rowCount(); ++r)
        if (cell(m_members, r, ExternalFqdn).isEmpty())
            setCell(m_members, r, ExternalFqdn, external);
    if (m_single->isChecked())
        while (m_members->rowCount() > 1)
            m_members->removeRow(m_members->rowCount() - 1);
}

EdgePool NewEdgePoolWizard::pool() const
{
    EdgePool pool;
    pool.fqdn = m_fqdn->text().trimmed();
    pool.externalFqdn = m_externalFqdn->text().trimmed();
    pool.xmppFederation = m_xmpp->isChecked();
    if (m_nextHop)
        pool.nextHopPool = m_nextHop->currentData().toString();
    for (int r = 0; m_members && r < m_members->rowCount(); ++r) {
        EdgeServer s;
        s.internalFqdn = cell(m_members, r, InternalFqdn);
        s.internalIPv4 = cell(m_members, r, InternalIPv4);
        s.externalFqdn = cell(m_members, r, ExternalFqdn);
        s.externalIPv4 = cell(m_members, r, ExternalIPv4);
        if (m_nat->isChecked())
            s.natIPv4 = cell(m_members, r, NatIPv4);
        pool.members.append(s);
    }
    return pool;
}

Topology NewEdgePoolWizard::result() const
{
    Topology t = m_draft;
    Site *site = t.site(m_site);
    if (!site)
        return t;
    const EdgePool p = pool();
    site->edgePools.append(p);
    if (m_route && m_route->isEnabled() && m_route->isChecked())
        site->xmppFederationRoute = p.fqdn;
    return t;
}

QString NewEdgePoolWizard::poolPath() const
{
    const Site *site = m_draft.site(m_site);
    return QStringLiteral("sites/%1/edgePools/%2")
        .arg(site ? site->name : m_site, m_fqdn->text().trimmed());
}

} // namespace fedgate::wizard
