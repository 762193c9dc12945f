#include "RequestGeographyPage.h"

#include "certs/CertificateRequest.h"

#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QLineEdit>
#include <QLocale>

#include <algorithm>

namespace fedgate::wizard {

RequestGeographyPage::RequestGeographyPage(QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("Geographical information"));
    setSubTitle(tr("Where your organisation is registered. Type to search the country list."));
    auto *layout = new QFormLayout(this);
    auto *country = new QComboBox(this);
    country->setObjectName(QStringLiteral("country"));
    country->setAccessibleName(tr("Country or region"));
    country->setEditable(true);
    country->setInsertPolicy(QComboBox::NoInsert);
    country->completer()->setCompletionMode(QCompleter::PopupCompletion);
    country->completer()->setFilterMode(Qt::MatchContains);

    // Every territory Qt knows that has an ISO 3166-1 code, named in the
    // interface language, sorted by that name.
    QList<QPair<QString, QString>> entries;
    for (int t = 1; t <= int(QLocale::LastTerritory); ++t) {
        const QString code = QLocale::territoryToCode(QLocale::Territory(t));
        if (!certs::isIsoCountryCode(code))
            continue;
        entries.append({QLocale::territoryToString(QLocale::Territory(t)), code});
    }
    std::sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) {
        return QString::localeAwareCompare(a.first, b.first) < 0;
    });
    country->addItem(tr("(choose a country)"), QString());
    for (const auto &[name, code] : std::as_const(entries))
        country->addItem(QStringLiteral("%1 (%2)").arg(name, code), code);
    const QString systemCode = QLocale::territoryToCode(QLocale::system().territory());
    country->setCurrentIndex(qMax(0, country->findData(systemCode)));
    layout->addRow(tr("&Country or region:"), country);

    auto *state = new QLineEdit(this);
    state->setObjectName(QStringLiteral("state"));
    state->setAccessibleName(tr("State or province"));
    auto *city = new QLineEdit(this);
    city->setObjectName(QStringLiteral("city"));
    city->setAccessibleName(tr("City"));
    layout->addRow(tr("&State or province:"), state);
    layout->addRow(tr("C&ity:"), city);
    registerField(QStringLiteral("country"), country, "currentData", "currentIndexChanged");
    connect(country, &QComboBox::currentIndexChanged, this, &QWizardPage::completeChanged);
    registerField(QStringLiteral("state"), state);
    registerField(QStringLiteral("city"), city);
}

bool RequestGeographyPage::isComplete() const
{
    return !field(QStringLiteral("country")).toString().isEmpty();
}

} // namespace fedgate::wizard
