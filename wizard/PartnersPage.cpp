#include "PartnersPage.h"

#include "PageHeader.h"
#include "PartnerDialog.h"
#include "Workspace.h"

#include "topology/NegotiationMatrix.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fedgate::wizard {

using namespace fedgate::topology;

namespace {
QString typeText(PartnerType type)
{
    switch (type) {
    case PartnerType::Federated:
        return PartnersPage::tr("Federated");
    case PartnerType::PublicVerified:
        return PartnersPage::tr("Public verified");
    case PartnerType::PublicUnverified:
        break;
    }
    return PartnersPage::tr("Public unverified");
}

QString negotiationText(Negotiation n)
{
    switch (n) {
    case Negotiation::Required:
        return PartnersPage::tr("Required");
    case Negotiation::Optional:
        return PartnersPage::tr("Optional");
    case Negotiation::NotSupported:
        break;
    }
    return PartnersPage::tr("Not supported");
}
} // namespace

PartnersPage::PartnersPage(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    auto *layout = new QVBoxLayout(this);
    m_header = new PageHeader(
        tr("XMPP partners"),
        tr("The XMPP domains your users may exchange messages and presence with. The partner "
           "type decides what partner contacts may do without your users' consent; TLS, SASL "
           "and dialback decide how the servers authenticate each other."),
        this);
    layout->addWidget(m_header);

    auto *row = new QHBoxLayout;
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("partners"));
    m_list->setAccessibleName(tr("XMPP partners"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels(
        {tr("Domain"), tr("Type"), tr("TLS"), tr("SASL"), tr("Dialback"), tr("Negotiates")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    row->addWidget(m_list, 1);

    auto *buttons = new QVBoxLayout;
    auto *add = new QPushButton(tr("&New..."), this);
    add->setObjectName(QStringLiteral("new"));
    m_edit = new QPushButton(tr("&Edit..."), this);
    m_edit->setObjectName(QStringLiteral("edit"));
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("remove"));
    for (QPushButton *b : {add, m_edit, m_remove}) {
        b->setAccessibleName(b->text().remove(QLatin1Char('&')));
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    row->addLayout(buttons);
    layout->addLayout(row, 1);

    connect(add, &QPushButton::clicked, this, &PartnersPage::newPartner);
    connect(m_edit, &QPushButton::clicked, this, &PartnersPage::editPartner);
    connect(m_remove, &QPushButton::clicked, this, &PartnersPage::removePartner);
    connect(m_list, &QTreeWidget::itemActivated, this, &PartnersPage::editPartner);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        m_edit->setEnabled(item);
        m_remove->setEnabled(item);
    });
    connect(m_workspace, &Workspace::topologyChanged, this, &PartnersPage::reload);
    reload();
}

void PartnersPage::reload()
{
    const QString selected = selectedDomain();
    m_list->clear();
    for (const XmppPartner &p : m_workspace->topology().partners) {
        const NegotiationOutcome outcome = evaluateNegotiation(p);
        auto *item = new QTreeWidgetItem(
            m_list, {p.domain, typeText(p.type), negotiationText(p.tls), negotiationText(p.sasl),
                     p.dialback ? tr("Yes") : tr("No"), outcome.summary});
        item->setData(0, Qt::UserRole, p.domain);
        item->setToolTip(0, p.description);
        if (outcome.verdict != NegotiationVerdict::Valid) {
            item->setIcon(0, QIcon(outcome.canSave() ? QStringLiteral(":/icons/status-warning.svg")
                                                     : QStringLiteral(":/icons/status-error.svg")));
            item->setToolTip(5, outcome.message);
        }
        if (p.domain == selected)
            m_list->setCurrentItem(item);
    }
    m_edit->setEnabled(m_list->currentItem());
    m_remove->setEnabled(m_list->currentItem());
}

QString PartnersPage::selectedDomain() const
{
    QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

void PartnersPage::newPartner()
{
    auto *dialog = new PartnerDialog(m_workspace->topology(), XmppPartner(), QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { save(dialog); });
    dialog->open();
}

void PartnersPage::editPartner()
{
    const XmppPartner *p = m_workspace->topology().partner(selectedDomain());
    if (!p)
        return;
    auto *dialog = new PartnerDialog(m_workspace->topology(), *p, p->domain, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { save(dialog); });
    dialog->open();
}

void PartnersPage::save(PartnerDialog *dialog)
{
    Topology t = m_workspace->topology();
    const XmppPartner partner = dialog->partner();
    if (XmppPartner *existing = t.partner(dialog->originalDomain()))
        *existing = partner;
    else
        t.partners.append(partner);
    Status status = m_workspace->setTopology(t);
    if (status.ok())
        m_header->showMessage(tr("Partner %1 saved in the draft topology. Publish the "
                                 "topology to apply it.")
                                  .arg(partner.domain),
                              PageHeader::Tone::Success);
    else
        m_header->showMessage(status.error().toString(), PageHeader::Tone::Error);
}

void PartnersPage::removePartner()
{
    const QString domain = selectedDomain();
    Topology t = m_workspace->topology();
    if (!t.partner(domain))
        return;
    t.partners.removeIf(
        [&](const XmppPartner &p) { return p.domain.compare(domain, Qt::CaseInsensitive) == 0; });
    Status status = m_workspace->setTopology(t);
    if (status.ok())
        m_header->showMessage(tr("Partner %1 removed from the draft topology.").arg(domain),
                              PageHeader::Tone::Success);
    else
        m_header->showMessage(status.error().toString(), PageHeader::Tone::Error);
}

} // namespace fedgate::wizard
