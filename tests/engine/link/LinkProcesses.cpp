#include "LinkProcesses.h"

#include "support/Fedgatectl.h"
#include "topology/TopologyDocument.h"

#include <QFile>
#include <QStringList>

namespace fedgate::test {

bool installTopology(const topology::Topology &topology, const QString &dataDir)
{
    const QString file = dataDir + QStringLiteral("/topology.json");
    const QString exported = dataDir + QStringLiteral("/exported.json");
    if (!topology::TopologyDocument::writeFile(topology, file).ok())
        return false;
    for (const QStringList &step :
         {QStringList{QStringLiteral("topology"), QStringLiteral("publish"),
                      QStringLiteral("--file"), file},
          QStringList{QStringLiteral("topology"), QStringLiteral("export"),
                      QStringLiteral("--output"), exported},
          QStringList{QStringLiteral("topology"), QStringLiteral("import"),
                      QStringLiteral("--file"), exported}}) {
        const CliResult result = runFedgatectl(step, dataDir);
        if (result.exitCode != 0) {
            qWarning("fedgatectl %s: %s", qPrintable(step.join(QLatin1Char(' '))),
                     qPrintable(result.text()));
            return false;
        }
    }
    return true;
}

QString readTextFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace fedgate::test
