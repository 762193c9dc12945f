#include "Checklist.h"

#include "checks/CheckContext.h"

#include <QJsonArray>

namespace fedgate::deploy {

QString toString(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Pass:
        return QStringLiteral("pass");
    case CheckStatus::Fail:
        return QStringLiteral("fail");
    case CheckStatus::Warning:
        return QStringLiteral("warning");
    case CheckStatus::NotChecked:
        break;
    }
    return QStringLiteral("not-checked");
}

QStringList Checklist::checkIds()
{
    return {QStringLiteral("service"),   QStringLiteral("replica"), QStringLiteral("route"),
            QStringLiteral("listeners"), QStringLiteral("link"),    QStringLiteral("certificates"),
            QStringLiteral("dns"),       QStringLiteral("partners")};
}

QList<CheckResult> Checklist::run(const CheckOptions &options, const Progress &progress)
{
    using Check = CheckResult (*)(checks::Context &);
    static const QList<std::pair<QString, Check>> all{
        {QStringLiteral("service"), checks::checkService},
        {QStringLiteral("replica"), checks::checkReplica},
        {QStringLiteral("route"), checks::checkRoute},
        {QStringLiteral("listeners"), checks::checkListeners},
        {QStringLiteral("link"), checks::checkLink},
        {QStringLiteral("certificates"), checks::checkCertificates},
        {QStringLiteral("dns"), checks::checkDns},
        {QStringLiteral("partners"), checks::checkPartners}};
    checks::Context context(options);
    QList<CheckResult> results;
    for (const auto &[id, check] : all) {
        if (!options.only.isEmpty() && !options.only.contains(id))
            continue;
        results.append(check(context));
        if (progress)
            progress(results.last());
    }
    return results;
}

bool Checklist::allPassed(const QList<CheckResult> &results)
{
    for (const CheckResult &r : results)
        if (r.status == CheckStatus::Fail || r.status == CheckStatus::NotChecked)
            return false;
    return true;
}

QJsonObject Checklist::toJson(const QList<CheckResult> &results)
{
    QJsonArray checks;
    for (const CheckResult &r : results) {
        QJsonArray findings;
        for (const CheckFinding &f : r.findings)
            findings.append(QJsonObject{{QStringLiteral("problem"), f.problem},
                                        {QStringLiteral("fix"), f.fix}});
        checks.append(QJsonObject{{QStringLiteral("id"), r.id},
                                  {QStringLiteral("title"), r.title},
                                  {QStringLiteral("status"), toString(r.status)},
                                  {QStringLiteral("detail"), r.detail},
                                  {QStringLiteral("findings"), findings}});
    }
    return QJsonObject{{QStringLiteral("passed"), allPassed(results)},
                       {QStringLiteral("checks"), checks}};
}

} // namespace fedgate::deploy
