#include "PartnerDialog.h"

#include "topology/NegotiationMatrix.h"
#include "topology/Validation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace fedgate::wizard {

using namespace fedgate::topology;

namespace {
QStringList splitDomains(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

void fillNegotiation(QComboBox *combo)
{
    combo->addItem(PartnerDialog::tr("Required"), int(Negotiation::Required));
    combo->addItem(PartnerDialog::tr("Optional"), int(Negotiation::Optional));
    combo->addItem(PartnerDialog::tr("Not supported"), int(Negotiation::NotSupported));
}
} // namespace

PartnerDialog::PartnerDialog(const Topology &topology, const XmppPartner &partner,
                             const QString &originalDomain, QWidget *parent)
    : QDialog(parent)
    , m_topology(topology)
    , m_originalDomain(originalDomain)
{
    setObjectName(QStringLiteral("partnerDialog"));
    setWindowTitle(originalDomain.isEmpty() ? tr("New XMPP Partner")
                                            : tr("Edit XMPP Partner %1").arg(originalDomain));
    auto *layout = new QVBoxLayout(this);

    auto *identity = new QGroupBox(tr("Partner"), this);
    auto *form = new QFormLayout(identity);
    auto line = [&](const QString &label, const QString &name, const QString &hint) {
        auto *edit = new QLineEdit(identity);
        edit->setObjectName(name);
        edit->setAccessibleName(label);
        edit->setPlaceholderText(hint);
        form->addRow(tr("%1:").arg(label), edit);
        connect(edit, &QLineEdit::textChanged, this, &PartnerDialog::update);
        return edit;
    };
    m_domain = line(tr("Primary &domain"), QStringLiteral("domain"), tr("fabrikam.com"));
    m_description = line(tr("D&escription"), QStringLiteral("description"), QString());
    m_additionalDomains = line(tr("&Additional domains"), QStringLiteral("additionalDomains"),
                               tr("Other domains of the same partner, separated by commas"));
    m_type = new QComboBox(identity);
    m_type->setObjectName(QStringLiteral("type"));
    m_type->setAccessibleName(tr("Partner type"));
    m_type->addItem(tr("Federated"), int(PartnerType::Federated));
    m_type->addItem(tr("Public verified"), int(PartnerType::PublicVerified));
    m_type->addItem(tr("Public unverified"), int(PartnerType::PublicUnverified));
    form->addRow(tr("Partner &type:"), m_type);
    m_typeHelp = new QLabel(identity);
    m_typeHelp->setWordWrap(true);
    form->addRow(QString(), m_typeHelp);
    layout->addWidget(identity);

    auto *negotiation = new QGroupBox(tr("Stream negotiation"), this);
    auto *negotiationForm = new QFormLayout(negotiation);
    m_tls = new QComboBox(negotiation);
    m_tls->setObjectName(QStringLiteral("tls"));
    m_tls->setAccessibleName(tr("TLS negotiation"));
    fillNegotiation(m_tls);
    negotiationForm->addRow(tr("T&LS negotiation:"), m_tls);
    m_sasl = new QComboBox(negotiation);
    m_sasl->setObjectName(QStringLiteral("sasl"));
    m_sasl->setAccessibleName(tr("SASL negotiation"));
    fillNegotiation(m_sasl);
    negotiationForm->addRow(tr("&SASL negotiation:"), m_sasl);
    m_dialback = new QCheckBox(tr("Allow server &dialback"), negotiation);
    m_dialback->setObjectName(QStringLiteral("dialback"));
    negotiationForm->addRow(QString(), m_dialback);

    auto *verdictRow = new QHBoxLayout;
    m_verdictIcon = new QLabel(negotiation);
    m_verdictIcon->setFixedSize(24, 24);
    m_verdict = new QLabel(negotiation);
    m_verdict->setObjectName(QStringLiteral("verdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setAccessibleName(tr("Negotiation verdict"));
    verdictRow->addWidget(m_verdictIcon, 0, Qt::AlignTop);
    verdictRow->addWidget(m_verdict, 1);
    negotiationForm->addRow(verdictRow);
    m_summary = new QLabel(negotiation);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("What this combination negotiates"));
    negotiationForm->addRow(tr("Negotiates:"), m_summary);
    layout->addWidget(negotiation);

    auto *connection = new QGroupBox(tr("Connection"), this);
    auto *connectionForm = new QFormLayout(connection);
    m_connectionLimit = new QSpinBox(connection);
    m_connectionLimit->setObjectName(QStringLiteral("connectionLimit"));
    m_connectionLimit->setRange(1, 1000);
    m_connectionLimit->setAccessibleName(tr("Connection limit"));
    connectionForm->addRow(tr("Connection &limit:"), m_connectionLimit);
    m_keepAlive = new QCheckBox(tr("Send &keep-alive pings"), connection);
    connectionForm->addRow(QString(), m_keepAlive);
    m_dane =
        new QCheckBox(tr("&Verify its certificate by DANE when its zone is signed"), connection);
    m_dane->setObjectName(QStringLiteral("dane"));
    m_dane->setToolTip(tr("Checks the partner's certificate against the TLSA records of its "
                          "SRV target, validated by DNSSEC (RFC 6698, RFC 7673)."));
    connectionForm->addRow(QString(), m_dane);
    m_proxyFqdn = new QLineEdit(connection);
    m_proxyFqdn->setObjectName(QStringLiteral("proxyFqdn"));
    m_proxyFqdn->setAccessibleName(tr("Proxy FQDN"));
    m_proxyFqdn->setPlaceholderText(tr("optional: connect through this host instead of DNS"));
    connectionForm->addRow(tr("&Proxy FQDN:"), m_proxyFqdn);
    connect(m_proxyFqdn, &QLineEdit::textChanged, this, &PartnerDialog::update);
    layout->addWidget(connection);

    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("problem"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    layout->addWidget(m_problemLabel);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("ok"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    m_domain->setText(partner.domain);
    m_description->setText(partner.description);
    m_additionalDomains->setText(partner.additionalDomains.join(QStringLiteral(", ")));
    m_type->setCurrentIndex(m_type->findData(int(partner.type)));
    m_tls->setCurrentIndex(m_tls->findData(int(partner.tls)));
    m_sasl->setCurrentIndex(m_sasl->findData(int(partner.sasl)));
    m_dialback->setChecked(partner.dialback);
    m_connectionLimit->setValue(partner.connectionLimit);
    m_keepAlive->setChecked(partner.keepAlive);
    m_dane->setChecked(partner.dane);
    m_proxyFqdn->setText(partner.proxyFqdn);

    for (QComboBox *combo : {m_type, m_tls, m_sasl})
        connect(combo, &QComboBox::currentIndexChanged, this, &PartnerDialog::update);
    connect(m_dialback, &QCheckBox::toggled, this, &PartnerDialog::update);
    update();
    resize(620, sizeHint().height());
}

XmppPartner PartnerDialog::partner() const
{
    XmppPartner p;
    p.domain = m_domain->text().trimmed().toLower();
    p.description = m_description->text().trimmed();
    for (const QString &d : splitDomains(m_additionalDomains->text()))
        p.additionalDomains.append(d.toLower());
    p.type = PartnerType(m_type->currentData().toInt());
    p.tls = Negotiation(m_tls->currentData().toInt());
    p.sasl = Negotiation(m_sasl->currentData().toInt());
    p.dialback = m_dialback->isChecked();
    p.connectionLimit = m_connectionLimit->value();
    p.keepAlive = m_keepAlive->isChecked();
    p.dane = m_dane->isChecked();
    p.proxyFqdn = m_proxyFqdn->text().trimmed();
    return p;
}

bool PartnerDialog::canSave() const
{
    return m_problem.isEmpty();
}

QString PartnerDialog::problem() const
{
    return m_problem;
}

QString PartnerDialog::checkFields() const
{
    const XmppPartner p = partner();
    if (p.domain.isEmpty())
        return tr("Enter the partner's primary domain.");
    QString reason = checkDomainName(p.domain);
    if (!reason.isEmpty())
        return tr("The primary domain is not valid: %1").arg(reason);
    for (const QString &d : p.additionalDomains) {
        reason = checkDomainName(d);
        if (!reason.isEmpty())
            return tr("The additional domain %1 is not valid: %2").arg(d, reason);
    }
    if (!p.proxyFqdn.isEmpty()) {
        reason = checkDomainName(p.proxyFqdn);
        if (!reason.isEmpty())
            return tr("The proxy FQDN is not valid: %1").arg(reason);
    }
    for (const QString &d : p.allDomains()) {
        if (m_topology.isOwnDomain(d))
            return tr("%1 is one of your own domains; a partner must be another organisation.")
                .arg(d);
        const XmppPartner *other = m_topology.partnerForDomain(d);
        if (other && other->domain.compare(m_originalDomain, Qt::CaseInsensitive) != 0)
            return tr("%1 already belongs to partner %2. Edit that partner instead.")
                .arg(d, other->domain);
    }
    return {};
}

void PartnerDialog::update()
{
    switch (PartnerType(m_type->currentData().toInt())) {
    case PartnerType::Federated:
        m_typeHelp->setText(tr("Trusted: partner contacts may add your users, see their "
                               "presence and status notes, and send them messages."));
        break;
    case PartnerType::PublicVerified:
        m_typeHelp->setText(tr("Partner contacts may add your users, see presence and send "
                               "messages without authorisation, but never see status notes."));
        break;
    case PartnerType::PublicUnverified:
        m_typeHelp->setText(tr("Partner contacts can communicate only with users who added "
                               "them first. Recommended for public providers."));
        break;
    }

    const XmppPartner p = partner();
    const NegotiationOutcome outcome = evaluateNegotiation(p);
    m_summary->setText(outcome.summary);
    QString icon = QStringLiteral(":/icons/status-done.svg");
    QString verdict =
        outcome.message.isEmpty() ? tr("This combination is valid.") : outcome.message;
    if (outcome.verdict == NegotiationVerdict::ValidWithWarning)
        icon = QStringLiteral(":/icons/status-warning.svg");
    else if (outcome.verdict == NegotiationVerdict::Invalid)
        icon = QStringLiteral(":/icons/status-error.svg");
    m_verdictIcon->setPixmap(QIcon(icon).pixmap(24, 24));
    m_verdict->setText(verdict);

    m_problem = outcome.canSave() ? checkFields() : outcome.message;
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(m_problem.isEmpty());
    ok->setToolTip(m_problem);
    // The negotiation refusal is already shown beside the choices.
    const QString fieldProblem = outcome.canSave() ? m_problem : QString();
    m_problemLabel->setText(fieldProblem);
    m_problemLabel->setVisible(!fieldProblem.isEmpty());
}

} // namespace fedgate::wizard
