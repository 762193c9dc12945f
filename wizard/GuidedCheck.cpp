#include "GuidedCheck.h"

#include "topology/ObjectNames.h"
#include "topology/Validation.h"

namespace fedgate::wizard {

QStringList pageErrors(const topology::Topology &candidate, const QStringList &paths,
                       const QStringList &ignoredRules)
{
    QStringList errors;
    for (const topology::Finding &f : topology::validate(candidate)) {
        if (f.severity != topology::Severity::Error || ignoredRules.contains(f.rule))
            continue;
        for (const QString &p : paths) {
            if (f.path == p || f.path.startsWith(p + QLatin1Char('/'))) {
                errors << topology::describeFinding(candidate, f.path, f.message);
                break;
            }
        }
    }
    errors.removeDuplicates();
    return errors;
}

QLabel *makeErrorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("pageErrors"));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    label->hide();
    return label;
}

bool showPageErrors(QLabel *label, const QStringList &errors)
{
    label->setText(errors.join(QLatin1Char('\n')));
    label->setVisible(!errors.isEmpty());
    return errors.isEmpty();
}

} // namespace fedgate::wizard
