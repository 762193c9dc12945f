// Local replica present and at the latest published version of the central
// store it was imported from; and the version fedgated runs is the
// replica's.
#include "CheckContext.h"

#include "topology/CentralStore.h"
#include "topology/LocalReplica.h"
#include "topology/SqlConnection.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace fedgate::deploy::checks {

namespace {

// User-facing text: French in the wizard, which installs a translator;
// English in fedgatectl and fedgated, which install none.
QString tr(const char *text)
{
    return QCoreApplication::translate("ReplicaCheck", text);
}

const QString kImportFix = QStringLiteral(
    "Import the published topology: 'fedgatectl topology import --from-store LOCATION', or "
    "'fedgatectl topology import --file EXPORT' with a file written by 'fedgatectl topology "
    "export'.");

// The running engine's topology version against the replica's.
void compareWithEngine(Context &context, int replicaVersion, CheckResult *result)
{
    QString why;
    const ServiceConfiguration *configuration = context.configuration(&why);
    if (!configuration || !configuration->engine.topologyFile.isEmpty())
        return; // fedgated does not run the replica
    const ServiceState &state = context.service();
    if (!state.answering)
        return;
    const int running = state.engine.value(QStringLiteral("topologyVersion")).toInt();
    if (running != replicaVersion)
        fail(result,
             tr("fedgated runs topology version %1 but the local replica holds "
                "version %2.")
                 .arg(running)
                 .arg(replicaVersion),
             tr("Restart it on the replica's version: 'fedgatectl service "
                "restart'."));
}

} // namespace

CheckResult checkReplica(Context &context)
{
    CheckResult result = makeResult(QStringLiteral("replica"));
    const QString path = context.replicaPath();
    if (!QFileInfo::exists(path)) {
        fail(&result, tr("There is no local replica at %1.").arg(path), kImportFix);
        result.detail = tr("no local replica");
        return result;
    }
    auto replica = topology::LocalReplica::open(path);
    if (!replica) {
        fail(&result, replica.error().message, kImportFix);
        return result;
    }
    auto state = replica.value()->current();
    if (!state) {
        fail(&result, state.error().message, kImportFix);
        return result;
    }
    if (!state.value()) {
        fail(&result, tr("The local replica %1 holds no topology.").arg(path), kImportFix);
        result.detail = tr("empty local replica");
        return result;
    }
    const topology::ReplicaState &held = *state.value();
    result.detail = QStringLiteral("version %1 from %2, imported %3 UTC")
                        .arg(held.version)
                        .arg(held.source, held.importedAt.toString(Qt::ISODate));
    if (!held.fromStore) {
        warn(&result,
             tr("The local replica holds version %1 imported from the file %2: this "
                "machine cannot tell whether a newer version has been published.")
                 .arg(held.version)
                 .arg(held.source),
             tr("On a machine that reaches the central store, compare with "
                "'fedgatectl topology versions'; if newer, write it with "
                "'fedgatectl topology export' and import it here with 'fedgatectl "
                "topology import --file FILE'."));
        compareWithEngine(context, held.version, &result);
        return result;
    }
    const QString storeFix =
        tr("Check the store with 'fedgatectl store check --store %1'.").arg(held.source);
    // Opening a missing SQLite file would create an empty store.
    if (!topology::SqlConnection::isPostgresUrl(held.source) && !QFileInfo::exists(held.source)) {
        fail(&result,
             tr("The central store %1 the local replica was imported from does not "
                "exist any more, so the latest published version is unknown.")
                 .arg(held.source),
             kImportFix);
        return result;
    }
    auto store = topology::CentralStore::open(held.source);
    Result<int> latest = store ? store.value()->latestVersion() : Result<int>(store.error());
    if (!latest) {
        fail(&result,
             tr("Cannot read the latest published version of %1: %2")
                 .arg(held.source, latest.error().message),
             storeFix);
        return result;
    }
    if (latest.value() != held.version) {
        const bool behind = latest.value() > held.version;
        fail(&result,
             behind ? tr("The local replica holds version %1; the central store %2 "
                         "has published version %3.")
                          .arg(held.version)
                          .arg(held.source)
                          .arg(latest.value())
                    : tr("The local replica holds version %1, newer than the latest "
                         "version (%3) of the central store %2: the store was "
                         "replaced or restored.")
                          .arg(held.version)
                          .arg(held.source)
                          .arg(latest.value()),
             tr("Import the latest version: 'fedgatectl topology import --from-store "
                "%1', then 'fedgatectl service restart'.")
                 .arg(held.source));
        return result;
    }
    result.detail += tr(" (the latest published)");
    compareWithEngine(context, held.version, &result);
    return result;
}

} // namespace fedgate::deploy::checks
