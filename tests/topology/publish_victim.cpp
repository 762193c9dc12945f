// A publisher to be killed: publishes a topology file to a central store,
// and inside the publish transaction (after the new version's row is
// written, before the commit) writes a marker file and sleeps. The test waits
// for the marker, then SIGKILLs this process (or lets it finish, to race a
// second publisher against it).
//
// Usage: publish_victim STORE TOPOLOGY_FILE BASE_VERSION ORGANISATION_NAME MARKER SLEEP_MS
// Exit: 0 published, 1 usage, 2 publish failed (message on stderr).
#include "topology/CentralStore.h"
#include "topology/TopologyDocument.h"

#include <QCoreApplication>
#include <QFile>
#include <QThread>

#include <cstdio>

using namespace fedgate;
using namespace fedgate::topology;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.size() != 6) {
        std::fprintf(stderr, "usage: publish_victim STORE TOPOLOGY_FILE BASE_VERSION "
                             "ORGANISATION_NAME MARKER SLEEP_MS\n");
        return 1;
    }
    Result<Topology> topology = TopologyDocument::readFile(args[1]);
    if (!topology) {
        std::fprintf(stderr, "%s\n", qPrintable(topology.error().toString()));
        return 1;
    }
    topology.value().organisation.name = args[3];

    Result<std::unique_ptr<CentralStore>> store = CentralStore::open(args[0]);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().toString()));
        return 2;
    }
    const QString marker = args[4];
    const unsigned long sleepMs = args[5].toULong();
    store.value()->setPublishHookForTesting([&] {
        QFile file(marker);
        if (file.open(QIODevice::WriteOnly))
            file.write("inside the publish transaction\n");
        file.close();
        QThread::msleep(sleepMs);
    });
    Result<int> published =
        store.value()->publish(topology.value(), args[2].toInt(), QStringLiteral("victim"));
    if (!published) {
        std::fprintf(stderr, "%s\n", qPrintable(published.error().toString()));
        return 2;
    }
    std::printf("%d\n", published.value());
    return 0;
}
