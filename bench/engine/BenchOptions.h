#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <functional>

// The command line both benches share: the options every bench has
// (--workload, --repeat, --window, --server, --quick) and a table of its own
// options, each taking one value.
namespace fedgate::bench {

struct CommonOptions
{
    QStringList workloads;
    int repeat = 5;
    int window = 500;
    QStringList servers{QStringLiteral("fedgated"), QStringLiteral("prosody")};
};

using OptionSetters = QHash<QString, std::function<void(const QString &)>>;

// args[0] is the program. false on an unknown option or a missing value.
inline bool parseOptions(const QStringList &args, CommonOptions *common, const OptionSetters &own,
                         const std::function<void()> &quick)
{
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--quick")) {
            common->repeat = 1;
            quick();
            continue;
        }
        if (i + 1 >= args.size() || args[i + 1].isEmpty())
            return false;
        const QString value = args[++i];
        if (a == QLatin1String("--workload"))
            common->workloads = value.split(QLatin1Char(','));
        else if (a == QLatin1String("--repeat"))
            common->repeat = std::max(1, value.toInt());
        else if (a == QLatin1String("--window"))
            common->window = std::max(1, value.toInt());
        else if (a == QLatin1String("--server"))
            common->servers = value.split(QLatin1Char(','));
        else if (const auto setter = own.constFind(a); setter != own.constEnd())
            (*setter)(value);
        else
            return false;
    }
    return true;
}

} // namespace fedgate::bench
