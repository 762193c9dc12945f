// fedgatectl topology discard: drops the draft's unpublished edits, so the
// draft is the latest published version again (CentralStore::discardDraft),
// saying in words what was dropped.
#include "Cli.h"
#include "TopologyText.h"

#include "topology/CentralStore.h"
#include "topology/TopologyDiff.h"

#include <QJsonObject>

namespace fedgate::cli {

namespace {

using namespace fedgate::topology;

int topologyDiscard(Context &ctx)
{
    QCommandLineParser parser;
    if (!ctx.parse(parser, QStringLiteral("Drop the draft's unpublished changes: the draft is the "
                                          "latest published version again.")))
        return ctx.exitCode();
    Result<std::unique_ptr<CentralStore>> opened = CentralStore::open(ctx.store());
    if (!opened)
        return ctx.fail(StoreError, describeError(opened.error()));
    CentralStore &store = *opened.value();
    // The revision first, then the draft: a change made in between makes the
    // discard a conflict instead of dropping edits nobody saw.
    Result<qint64> revision = store.draftRevision();
    if (!revision)
        return ctx.fail(StoreError, describeError(revision.error()));
    Result<std::optional<Draft>> draft = store.draft();
    if (!draft)
        return ctx.fail(StoreError, describeError(draft.error()));
    Result<int> latest = store.latestVersion();
    if (!latest)
        return ctx.fail(StoreError, describeError(latest.error()));
    if (latest.value() == 0)
        return ctx.fail(UsageOrValidation,
                        QStringLiteral("Nothing is published in the central store at %1, so "
                                       "there is no version to go back to. Publish the topology "
                                       "first ('fedgatectl topology publish'), or start again "
                                       "with 'fedgatectl topology new --force'.")
                            .arg(store.location()));
    Result<Topology> published = store.topology(latest.value());
    if (!published)
        return ctx.fail(StoreError, describeError(published.error()));
    const Topology current = draft.value() ? draft.value()->topology : published.value();
    const QList<Change> changes = diff(published.value(), current);
    if (Status s = store.discardDraft(revision.value()); !s)
        return ctx.fail(StoreError, describeError(s.error()) +
                                        QStringLiteral(" Look at the draft again "
                                                       "('fedgatectl topology diff latest draft') "
                                                       "and discard again."));
    const QString human =
        changes.isEmpty()
            ? QStringLiteral("The draft had no unpublished change; it is version %1.\n")
                  .arg(latest.value())
            : QStringLiteral("Discarded %1 unpublished change(s); the draft is version %2 "
                             "again. Dropped:\n")
                      .arg(changes.size())
                      .arg(latest.value()) +
                  changesText(changes, published.value(), current);
    return ctx.succeed(human, QJsonObject{{QStringLiteral("discarded"), !changes.isEmpty()},
                                          {QStringLiteral("version"), latest.value()},
                                          {QStringLiteral("changes"), changesJson(changes)}});
}

const Registrar registrar{
    {QStringLiteral("topology"), QStringLiteral("discard"),
     QStringLiteral("Drop the draft's unpublished changes (back to the latest version)."),
     topologyDiscard},
};

} // namespace

} // namespace fedgate::cli
