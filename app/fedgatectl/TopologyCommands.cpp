// fedgatectl topology new|show|validate|publish|export|import|versions|diff|
// rollback, and replica show: the topology's life cycle in the central store
// (draft -> published versions) and on this machine (the local replica).
#include "Cli.h"
#include "DraftEdit.h"
#include "TopologyText.h"

#include "topology/CentralStore.h"
#include "topology/LocalReplica.h"
#include "topology/TopologyDiff.h"
#include "topology/TopologyDocument.h"
#include "topology/Validation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fedgate::cli {

namespace {

using namespace fedgate::topology;

// Parses a version number option or argument; 0 when absent.
bool parseVersion(Context &ctx, const QString &text, int *version, int *exitCode)
{
    bool ok = false;
    const int v = text.toInt(&ok);
    if (!ok || v <= 0) {
        *exitCode = ctx.fail(UsageOrValidation,
                             QStringLiteral("'%1' is not a version number (1, 2, ...). List the "
                                            "versions with 'fedgatectl topology versions'.")
                                 .arg(text));
        return false;
    }
    *version = v;
    return true;
}

struct Opened
{
    std::unique_ptr<CentralStore> store;
    int exitCode = Ok;
};

Opened openStore(Context &ctx)
{
    Result<std::unique_ptr<CentralStore>> store = CentralStore::open(ctx.store());
    if (!store)
        return {nullptr, ctx.fail(StoreError, describeError(store.error()))};
    return {std::move(store).value(), Ok};
}

// Does the stored draft hold edits that no published version has?
Result<bool> hasUnpublishedChanges(CentralStore &store, const Draft &draft)
{
    if (draft.baseVersion == 0)
        return true;
    Result<Topology> base = store.topology(draft.baseVersion);
    if (!base)
        return base.error();
    Topology a = draft.topology;
    Topology b = base.value();
    a.normalise();
    b.normalise();
    // The published copy has the generated secret, the draft may not yet.
    if (a.gateway.dialbackSecret.isEmpty())
        a.gateway.dialbackSecret = b.gateway.dialbackSecret;
    return !(a == b);
}

// ---- topology new ------------------------------------------------------------

int topologyNew(Context &ctx)
{
    QCommandLineParser parser;
    const auto org = valueOption(QStringLiteral("org"), QStringLiteral("Organisation name."),
                                 QStringLiteral("NAME"));
    const auto sip = valueOption(QStringLiteral("sip-domain"),
                                 QStringLiteral("SIP domain; repeat for more (the first is the "
                                                "default)."),
                                 QStringLiteral("DOMAIN"));
    const auto xmpp = valueOption(QStringLiteral("xmpp-domain"),
                                  QStringLiteral("XMPP domain; repeat for more (default: the "
                                                 "default SIP domain)."),
                                  QStringLiteral("DOMAIN"));
    const auto fromFile =
        valueOption(QStringLiteral("from-file"), QStringLiteral("Start from a topology file."),
                    QStringLiteral("FILE"));
    const QCommandLineOption force(QStringLiteral("force"),
                                   QStringLiteral("Discard a draft with unpublished changes."));
    parser.addOptions({org, sip, xmpp, fromFile, force});
    if (!ctx.parse(parser,
                   QStringLiteral("Start a new draft topology in the central store. Edit it with "
                                  "the site/edge-pool/route/partner/policy/user verbs, then "
                                  "'fedgatectl topology publish'.")))
        return ctx.exitCode();

    Topology topology;
    if (parser.isSet(fromFile)) {
        Result<Topology> read = TopologyDocument::readFile(parser.value(fromFile));
        if (!read)
            return ctx.fail(UsageOrValidation, describeError(read.error()));
        topology = std::move(read).value();
    }
    if (parser.isSet(org))
        topology.organisation.name = parser.value(org);
    if (parser.isSet(sip)) {
        const QStringList domains = parser.values(sip);
        topology.organisation.defaultSipDomain = domains.first();
        topology.organisation.additionalSipDomains = domains.mid(1);
    }
    if (parser.isSet(xmpp))
        topology.organisation.xmppDomains = parser.values(xmpp);
    else if (parser.isSet(sip) && !parser.isSet(fromFile))
        topology.organisation.xmppDomains = {topology.organisation.defaultSipDomain};
    topology.normalise();

    Opened opened = openStore(ctx);
    if (!opened.store)
        return opened.exitCode;
    CentralStore &store = *opened.store;

    // Checked and replaced in one transaction: an edit another writer makes
    // meanwhile is either seen here (and refused without --force) or made
    // after the new draft, never silently overwritten.
    int latestVersion = 0;
    int refusal = Ok;
    Result<Draft> saved = store.editDraft([&](Draft &draft) -> Status {
        if (!draft.empty && !parser.isSet(force)) {
            Result<bool> unpublished = hasUnpublishedChanges(store, draft);
            if (!unpublished)
                return unpublished.error();
            if (unpublished.value()) {
                refusal = ctx.fail(
                    UsageOrValidation,
                    QStringLiteral("The central store at %1 has a draft with unpublished changes "
                                   "(based on version %2). Publish it first ('fedgatectl "
                                   "topology publish'), or pass --force to discard it.")
                        .arg(store.location())
                        .arg(draft.baseVersion));
                return Error{QStringLiteral("refused"), store.location()};
            }
        }
        Result<int> latest = store.latestVersion();
        if (!latest)
            return latest.error();
        latestVersion = latest.value();
        // Publishing keeps the deployed dialback secret (edges still use
        // it); carry it into the draft now so that diffs show only real
        // edits.
        if (topology.gateway.dialbackSecret.isEmpty() && latestVersion > 0) {
            Result<Topology> current = store.topology(latestVersion);
            if (!current)
                return current.error();
            topology.gateway.dialbackSecret = current.value().gateway.dialbackSecret;
        }
        draft.topology = topology;
        draft.baseVersion = latestVersion;
        return Status::success();
    });
    if (!saved)
        return refusal != Ok ? refusal : ctx.fail(StoreError, describeError(saved.error()));
    const QList<Finding> findings = validate(topology);
    QString human = QStringLiteral("Started a new draft topology%1 in the central store at %2.\n")
                        .arg(topology.organisation.name.isEmpty()
                                 ? QString()
                                 : QStringLiteral(" for ") + topology.organisation.name,
                             store.location());
    if (latestVersion > 0)
        human += QStringLiteral("Publishing it replaces the content of version %1 with a new "
                                "version.\n")
                     .arg(latestVersion);
    human += QStringLiteral("It has %1 error(s) and %2 warning(s) so far; 'fedgatectl topology "
                            "validate' lists them.")
                 .arg(countOf(findings, Severity::Error))
                 .arg(countOf(findings, Severity::Warning));
    return ctx.succeed(human,
                       QJsonObject{{QStringLiteral("store"), store.location()},
                                   {QStringLiteral("baseVersion"), latestVersion},
                                   {QStringLiteral("organisation"), topology.organisation.name},
                                   {QStringLiteral("findings"), findingsJson(findings)}});
}

// ---- topology show -------------------------------------------------------------

struct Loaded
{
    Topology topology;
    QString label;       // "version 3", "draft (based on version 2)", "file x.json"
    int version = 0;     // published version shown, 0 for a draft or a file
    int baseVersion = 0; // for a draft
    bool isDraft = false;
    bool unpublishedChanges = false;
    int exitCode = Ok;
    bool ok = false;
};

// Loads what --version/--draft/--file name; the draft when none is given.
Loaded loadSelected(Context &ctx, const QCommandLineParser &parser, bool allowVersion)
{
    Loaded loaded;
    const QString file =
        parser.isSet(QStringLiteral("file")) ? parser.value(QStringLiteral("file")) : QString();
    const bool wantVersion = allowVersion && parser.isSet(QStringLiteral("version"));
    const bool wantDraft = allowVersion && parser.isSet(QStringLiteral("draft"));
    if (int(!file.isEmpty()) + int(wantVersion) + int(wantDraft) > 1) {
        loaded.exitCode =
            ctx.fail(UsageOrValidation, QStringLiteral("Give at most one of --version, --draft and "
                                                       "--file."));
        return loaded;
    }
    if (!file.isEmpty()) {
        int published = 0;
        Result<Topology> read = TopologyDocument::readFile(file, &published);
        if (!read) {
            loaded.exitCode = ctx.fail(UsageOrValidation, describeError(read.error()));
            return loaded;
        }
        loaded.topology = std::move(read).value();
        loaded.version = published;
        loaded.label =
            published > 0
                ? QStringLiteral("file %1 (published version %2)").arg(file).arg(published)
                : QStringLiteral("file %1").arg(file);
        loaded.ok = true;
        return loaded;
    }

    Opened opened = openStore(ctx);
    if (!opened.store) {
        loaded.exitCode = opened.exitCode;
        return loaded;
    }
    CentralStore &store = *opened.store;
    if (wantVersion) {
        int version = 0;
        if (!parseVersion(ctx, parser.value(QStringLiteral("version")), &version, &loaded.exitCode))
            return loaded;
        Result<Topology> t = store.topology(version);
        if (!t) {
            loaded.exitCode = ctx.fail(StoreError, describeError(t.error()));
            return loaded;
        }
        loaded.topology = std::move(t).value();
        loaded.version = version;
        loaded.label = QStringLiteral("version %1 of %2").arg(version).arg(store.location());
        loaded.ok = true;
        return loaded;
    }

    Result<std::optional<Draft>> draft = store.draft();
    if (!draft) {
        loaded.exitCode = ctx.fail(StoreError, describeError(draft.error()));
        return loaded;
    }
    if (!draft.value()) {
        loaded.exitCode =
            ctx.fail(UsageOrValidation,
                     QStringLiteral("The central store at %1 holds no topology yet. Start one with "
                                    "'fedgatectl topology new --org NAME --sip-domain DOMAIN' (or "
                                    "--from-file FILE).")
                         .arg(store.location()));
        return loaded;
    }
    Result<bool> unpublished = hasUnpublishedChanges(store, *draft.value());
    if (!unpublished) {
        loaded.exitCode = ctx.fail(StoreError, describeError(unpublished.error()));
        return loaded;
    }
    Result<int> latest = store.latestVersion();
    if (!latest) {
        loaded.exitCode = ctx.fail(StoreError, describeError(latest.error()));
        return loaded;
    }
    loaded.topology = draft.value()->topology;
    loaded.baseVersion = draft.value()->baseVersion;
    loaded.isDraft = true;
    loaded.unpublishedChanges = unpublished.value();
    if (!unpublished.value())
        loaded.version = loaded.baseVersion;
    loaded.label =
        !unpublished.value() ? QStringLiteral("version %1 of %2 (no unpublished changes)")
                                   .arg(loaded.baseVersion)
                                   .arg(store.location())
        : loaded.baseVersion > 0
            ? QStringLiteral("draft of %1, based on version %2, with unpublished changes")
                  .arg(store.location())
                  .arg(loaded.baseVersion)
            : QStringLiteral("draft of %1, not yet published").arg(store.location());
    if (unpublished.value() && latest.value() > loaded.baseVersion)
        loaded.label +=
            QStringLiteral("; version %1 has been published since, so publishing this draft "
                           "will conflict")
                .arg(latest.value());
    loaded.ok = true;
    return loaded;
}

void addSelectionOptions(QCommandLineParser &parser, bool allowVersion)
{
    parser.addOption(valueOption(QStringLiteral("file"),
                                 QStringLiteral("Read a topology file instead of the store."),
                                 QStringLiteral("FILE")));
    if (allowVersion) {
        parser.addOption(valueOption(QStringLiteral("version"),
                                     QStringLiteral("A published version of the store."),
                                     QStringLiteral("N")));
        parser.addOption(QCommandLineOption(QStringLiteral("draft"),
                                            QStringLiteral("The store's draft (the default).")));
    }
}

int topologyShow(Context &ctx)
{
    QCommandLineParser parser;
    addSelectionOptions(parser, true);
    if (!ctx.parse(parser, QStringLiteral("Show a topology (the draft by default) and its "
                                          "validation findings.")))
        return ctx.exitCode();
    const Loaded loaded = loadSelected(ctx, parser, true);
    if (!loaded.ok)
        return loaded.exitCode;
    const QList<Finding> findings = validate(loaded.topology);
    return ctx.succeed(
        QStringLiteral("Topology: %1\n\n").arg(loaded.label) + topologyText(loaded.topology) +
            QLatin1Char('\n') + findingsText(findings, loaded.topology),
        QJsonObject{{QStringLiteral("source"), loaded.label},
                    {QStringLiteral("version"), versionOrNull(loaded.version)},
                    {QStringLiteral("draft"), loaded.isDraft && loaded.unpublishedChanges},
                    {QStringLiteral("baseVersion"), versionOrNull(loaded.baseVersion)},
                    {QStringLiteral("unpublishedChanges"), loaded.unpublishedChanges},
                    {QStringLiteral("topology"), topologyJson(loaded.topology)},
                    {QStringLiteral("findings"), findingsJson(findings)}});
}

// ---- topology validate ---------------------------------------------------------

int topologyValidate(Context &ctx)
{
    QCommandLineParser parser;
    addSelectionOptions(parser, true);
    if (!ctx.parse(parser, QStringLiteral("Validate a topology (the draft by default). Exit "
                                          "code 1 when it has errors.")))
        return ctx.exitCode();
    const Loaded loaded = loadSelected(ctx, parser, true);
    if (!loaded.ok)
        return loaded.exitCode;
    const QList<Finding> findings = validate(loaded.topology);
    const bool valid = !hasErrors(findings);
    if (ctx.json())
        ctx.printJson(
            QJsonObject{{QStringLiteral("source"), loaded.label},
                        {QStringLiteral("valid"), valid},
                        {QStringLiteral("errors"), countOf(findings, Severity::Error)},
                        {QStringLiteral("warnings"), countOf(findings, Severity::Warning)},
                        {QStringLiteral("findings"), findingsJson(findings)}});
    else
        ctx.out() << QStringLiteral("Topology: %1\n").arg(loaded.label)
                  << findingsText(findings, loaded.topology)
                  << (valid ? QStringLiteral("It can be published.\n")
                            : QStringLiteral("Fix the errors before publishing.\n"));
    ctx.out().flush();
    return valid ? Ok : UsageOrValidation;
}

// ---- topology publish ------------------------------------------------------------

int topologyPublish(Context &ctx)
{
    QCommandLineParser parser;
    const auto file = valueOption(QStringLiteral("file"),
                                  QStringLiteral("Publish this file instead of the draft."),
                                  QStringLiteral("FILE"));
    const auto comment =
        valueOption(QStringLiteral("comment"), QStringLiteral("Why this version (kept with it)."),
                    QStringLiteral("TEXT"));
    parser.addOptions({file, comment});
    if (!ctx.parse(parser, QStringLiteral("Validate the draft (or a file) and publish it as a "
                                          "new version of the central store.")))
        return ctx.exitCode();

    Topology topology;
    int fileVersion = 0;
    if (parser.isSet(file)) {
        Result<Topology> read = TopologyDocument::readFile(parser.value(file), &fileVersion);
        if (!read)
            return ctx.fail(UsageOrValidation, describeError(read.error()));
        topology = std::move(read).value();
    }
    Opened opened = openStore(ctx);
    if (!opened.store)
        return opened.exitCode;
    CentralStore &store = *opened.store;

    Result<int> latest = store.latestVersion();
    if (!latest)
        return ctx.fail(StoreError, describeError(latest.error()));
    int baseVersion = latest.value();
    // The revision of the draft being published: an edit that lands after
    // it was read makes the publish a conflict instead of going unnoticed.
    std::optional<qint64> draftRevision;
    if (parser.isSet(file)) {
        // An exported file names the version it was taken from: publishing
        // an edited copy of an old version must conflict, not overwrite.
        if (fileVersion > 0)
            baseVersion = fileVersion;
    } else {
        Result<std::optional<Draft>> draft = store.draft();
        if (!draft)
            return ctx.fail(StoreError, describeError(draft.error()));
        if (!draft.value())
            return ctx.fail(UsageOrValidation,
                            QStringLiteral("There is no draft to publish in the central store at "
                                           "%1. Start one with 'fedgatectl topology new', or "
                                           "publish a file with --file.")
                                .arg(store.location()));
        topology = draft.value()->topology;
        baseVersion = draft.value()->baseVersion;
        draftRevision = draft.value()->revision;
    }
    // Publishing what is already the newest version would only add an empty
    // version (re-running an unattended install must be a no-op).
    if (baseVersion > 0 && baseVersion == latest.value()) {
        Result<bool> unpublished = hasUnpublishedChanges(store, Draft{topology, baseVersion, {}});
        if (!unpublished)
            return ctx.fail(StoreError, describeError(unpublished.error()));
        if (!unpublished.value())
            return ctx.succeed(QStringLiteral("Nothing to publish: %1 is identical to version %2 "
                                              "of the central store at %3.")
                                   .arg(parser.isSet(file) ? QStringLiteral("the file")
                                                           : QStringLiteral("the draft"))
                                   .arg(baseVersion)
                                   .arg(store.location()),
                               QJsonObject{{QStringLiteral("published"), false},
                                           {QStringLiteral("version"), baseVersion},
                                           {QStringLiteral("store"), store.location()}});
    }

    const QList<Finding> findings = validate(topology);
    if (hasErrors(findings)) {
        const QString message =
            QStringLiteral("The topology has %1 error(s) and was not published; fix them and "
                           "publish again.")
                .arg(countOf(findings, Severity::Error));
        if (ctx.json()) {
            ctx.printJson(QJsonObject{{QStringLiteral("error"), message},
                                      {QStringLiteral("exitCode"), UsageOrValidation},
                                      {QStringLiteral("findings"), findingsJson(findings)}});
        } else {
            ctx.err() << findingsText(findings, topology) << "fedgatectl: " << message << '\n';
            ctx.err().flush();
        }
        return UsageOrValidation;
    }

    Result<int> published =
        store.publish(topology, baseVersion, parser.value(comment), draftRevision);
    if (!published) {
        QString message = describeError(published.error());
        if (message.contains(QLatin1String("Draft conflict")))
            message += QStringLiteral(" Review the draft ('fedgatectl topology show') and publish "
                                      "again.");
        else if (!parser.isSet(file) && message.contains(QLatin1String("Publish conflict")))
            message +=
                QStringLiteral(" Your edits: 'fedgatectl topology diff %1 draft'. To start again "
                               "from the latest version: 'fedgatectl topology export --output "
                               "latest.json', then 'fedgatectl topology new --force --from-file "
                               "latest.json'.")
                    .arg(baseVersion);
        return ctx.fail(StoreError, message);
    }
    const int version = published.value();

    QList<Change> changes;
    Topology previousTopology, publishedTopology;
    if (version > 1) {
        Result<Topology> before = store.topology(version - 1);
        Result<Topology> after = store.topology(version);
        if (before && after) {
            previousTopology = before.value();
            publishedTopology = after.value();
            changes = diff(previousTopology, publishedTopology);
        }
    }
    Result<QList<VersionInfo>> all = store.versions();
    const QString summary =
        all && !all.value().isEmpty() ? all.value().last().summary : summarizeDiff(changes);

    QString human = QStringLiteral("Published version %1 to the central store at %2.\n")
                        .arg(version)
                        .arg(store.location());
    human += QStringLiteral("Summary: %1\n")
                 .arg(changesSummary(changes, previousTopology, publishedTopology));
    if (!changes.isEmpty())
        human += QStringLiteral("Changes against version %1:\n").arg(version - 1) +
                 changesText(changes, previousTopology, publishedTopology);
    if (!findings.isEmpty())
        human += findingsText(findings, topology);
    return ctx.succeed(human, QJsonObject{{QStringLiteral("published"), true},
                                          {QStringLiteral("version"), version},
                                          {QStringLiteral("previousVersion"), version - 1},
                                          {QStringLiteral("store"), store.location()},
                                          {QStringLiteral("summary"), summary},
                                          {QStringLiteral("changes"), changesJson(changes)},
                                          {QStringLiteral("findings"), findingsJson(findings)}});
}

// ---- topology export ---------------------------------------------------------------

int topologyExport(Context &ctx)
{
    QCommandLineParser parser;
    const auto version = valueOption(QStringLiteral("version"),
                                     QStringLiteral("Version to export (default: the latest)."),
                                     QStringLiteral("N"));
    const auto output = valueOption(QStringLiteral("output"),
                                    QStringLiteral("File to write (for 'topology import --file' "
                                                   "on the edge)."),
                                    QStringLiteral("FILE"));
    parser.addOptions({version, output});
    if (!ctx.parse(parser, QStringLiteral("Export a published version to a file, for edge "
                                          "servers that cannot reach the central store.")))
        return ctx.exitCode();
    if (!parser.isSet(output))
        return ctx.fail(UsageOrValidation,
                        QStringLiteral("Say where to write the file: fedgatectl topology export "
                                       "--output FILE [--version N]."));
    int wanted = 0;
    int exitCode = Ok;
    if (parser.isSet(version) && !parseVersion(ctx, parser.value(version), &wanted, &exitCode))
        return exitCode;

    Opened opened = openStore(ctx);
    if (!opened.store)
        return opened.exitCode;
    Result<int> latest = opened.store->latestVersion();
    if (!latest)
        return ctx.fail(StoreError, describeError(latest.error()));
    if (latest.value() == 0)
        return ctx.fail(UsageOrValidation,
                        QStringLiteral("Nothing has been published to the central store at %1 "
                                       "yet. Publish first: fedgatectl topology publish.")
                            .arg(opened.store->location()));
    if (wanted > latest.value())
        return ctx.fail(UsageOrValidation,
                        QStringLiteral("Version %1 does not exist; the central store at %2 holds "
                                       "versions 1 to %3.")
                            .arg(wanted)
                            .arg(opened.store->location())
                            .arg(latest.value()));
    if (wanted == 0)
        wanted = latest.value();
    const QString location = opened.store->location();
    opened.store.reset();

    const QString path = parser.value(output);
    if (Status s = LocalReplica::exportVersion(ctx.store(), wanted, path); !s)
        return ctx.fail(StoreError, describeError(s.error()));
    return ctx.succeed(QStringLiteral("Exported version %1 of the central store at %2 to %3.\n"
                                      "The file holds the dialback secret: copy it to the edge "
                                      "server over a trusted channel, then run 'fedgatectl "
                                      "topology import --file %3' there.")
                           .arg(wanted)
                           .arg(location, path),
                       QJsonObject{{QStringLiteral("version"), wanted},
                                   {QStringLiteral("store"), location},
                                   {QStringLiteral("file"), path}});
}

// ---- topology import ---------------------------------------------------------------

QJsonObject replicaJson(const QString &location, const ReplicaState &state)
{
    return QJsonObject{
        {QStringLiteral("replica"), location},
        {QStringLiteral("version"), state.version},
        {QStringLiteral("source"), state.source},
        // "store": `source` is the central store it came from (fedgatectl check
        // compares with its latest version); "file": an exported file.
        {QStringLiteral("sourceKind"),
         state.fromStore ? QStringLiteral("store") : QStringLiteral("file")},
        {QStringLiteral("importedAt"), state.importedAt.toString(Qt::ISODateWithMs)}};
}

int topologyImport(Context &ctx)
{
    QCommandLineParser parser;
    const auto file =
        valueOption(QStringLiteral("file"), QStringLiteral("An exported topology file."),
                    QStringLiteral("FILE"));
    const auto fromStore = valueOption(QStringLiteral("from-store"),
                                       QStringLiteral("A central store (file path or "
                                                      "postgresql:// URL)."),
                                       QStringLiteral("LOCATION"));
    const auto version = valueOption(QStringLiteral("version"),
                                     QStringLiteral("With --from-store: the version (default: "
                                                    "the latest)."),
                                     QStringLiteral("N"));
    parser.addOptions({file, fromStore, version});
    if (!ctx.parse(parser, QStringLiteral("Import a published topology into this machine's "
                                          "local replica (the configuration the engine runs).")))
        return ctx.exitCode();
    if (parser.isSet(file) == parser.isSet(fromStore))
        return ctx.fail(UsageOrValidation,
                        QStringLiteral("Give either --file FILE (an exported topology) or "
                                       "--from-store LOCATION [--version N]."));
    int wanted = 0;
    int exitCode = Ok;
    if (parser.isSet(version)) {
        if (parser.isSet(file))
            return ctx.fail(UsageOrValidation,
                            QStringLiteral("--version goes with --from-store; an exported file "
                                           "carries its own version."));
        if (!parseVersion(ctx, parser.value(version), &wanted, &exitCode))
            return exitCode;
    }

    Result<std::unique_ptr<LocalReplica>> replica = LocalReplica::open(ctx.replica());
    if (!replica)
        return ctx.fail(StoreError, describeError(replica.error()));
    Result<std::optional<ReplicaState>> before = replica.value()->current();
    const int previousVersion = before && before.value() ? before.value()->version : 0;

    if (parser.isSet(file)) {
        const QString path = parser.value(file);
        if (Status s = replica.value()->importFile(path); !s) {
            // A problem with the file (unreadable, damaged, invalid) is the
            // user's to fix; anything else is the replica's storage failing.
            const bool fileProblem = s.error().source == path || s.error().message.contains(path);
            return ctx.fail(fileProblem ? UsageOrValidation : StoreError, describeError(s.error()));
        }
    } else if (Status s = replica.value()->importFromStore(parser.value(fromStore), wanted); !s) {
        return ctx.fail(StoreError, describeError(s.error()));
    }

    Result<std::optional<ReplicaState>> after = replica.value()->current();
    if (!after || !after.value())
        return ctx.fail(StoreError, after ? QStringLiteral("The local replica at %1 is empty "
                                                           "after the import.")
                                                .arg(replica.value()->location())
                                          : describeError(after.error()));
    const ReplicaState &state = *after.value();
    QJsonObject json = replicaJson(replica.value()->location(), state);
    json.insert(QStringLiteral("previousVersion"), versionOrNull(previousVersion));
    return ctx.succeed(
        QStringLiteral("Imported version %1 from %2 into the local replica at %3%4.")
            .arg(state.version)
            .arg(state.source, replica.value()->location(),
                 previousVersion > 0
                     ? QStringLiteral(" (it held version %1 before)").arg(previousVersion)
                     : QString()),
        json);
}

// ---- topology versions ---------------------------------------------------------------

int topologyVersions(Context &ctx)
{
    QCommandLineParser parser;
    if (!ctx.parse(parser, QStringLiteral("List the published versions of the central store.")))
        return ctx.exitCode();
    Opened opened = openStore(ctx);
    if (!opened.store)
        return opened.exitCode;
    Result<QList<VersionInfo>> versions = opened.store->versions();
    if (!versions)
        return ctx.fail(StoreError, describeError(versions.error()));

    QJsonArray array;
    QString human;
    if (versions.value().isEmpty())
        human = QStringLiteral("Nothing has been published to the central store at %1 yet.")
                    .arg(opened.store->location());
    else
        human =
            QStringLiteral("Versions in the central store at %1:\n").arg(opened.store->location());
    for (const VersionInfo &v : versions.value()) {
        const QString at = v.publishedAt.toString(Qt::ISODate);
        array.append(
            QJsonObject{{QStringLiteral("version"), v.version},
                        {QStringLiteral("publishedAt"), v.publishedAt.toString(Qt::ISODateWithMs)},
                        {QStringLiteral("publishedBy"), v.publishedBy},
                        {QStringLiteral("comment"), v.comment},
                        {QStringLiteral("summary"), v.summary}});
        human +=
            QStringLiteral("  %1  %2  %3%4\n      %5\n")
                .arg(QString::number(v.version).rightJustified(4), at, v.publishedBy,
                     v.comment.isEmpty() ? QString()
                                         : QStringLiteral("  \"") + v.comment + QLatin1Char('"'),
                     v.summary);
    }
    const int latest = versions.value().isEmpty() ? 0 : versions.value().last().version;
    return ctx.succeed(human, QJsonObject{{QStringLiteral("store"), opened.store->location()},
                                          {QStringLiteral("latest"), latest},
                                          {QStringLiteral("versions"), array}});
}

// ---- topology diff -------------------------------------------------------------------

// "3", "latest" or "draft".
bool resolveSpec(Context &ctx, CentralStore &store, const QString &spec, Topology *out,
                 int *exitCode)
{
    if (spec.compare(QLatin1String("draft"), Qt::CaseInsensitive) == 0) {
        Result<std::optional<Draft>> draft = store.draft();
        if (!draft) {
            *exitCode = ctx.fail(StoreError, describeError(draft.error()));
            return false;
        }
        if (!draft.value()) {
            *exitCode = ctx.fail(UsageOrValidation,
                                 QStringLiteral("The central store at %1 has no draft. Start one "
                                                "with 'fedgatectl topology new'.")
                                     .arg(store.location()));
            return false;
        }
        *out = draft.value()->topology;
        return true;
    }
    int version = 0;
    if (spec.compare(QLatin1String("latest"), Qt::CaseInsensitive) == 0) {
        Result<int> latest = store.latestVersion();
        if (!latest) {
            *exitCode = ctx.fail(StoreError, describeError(latest.error()));
            return false;
        }
        version = latest.value();
        if (version == 0) {
            *exitCode = ctx.fail(UsageOrValidation,
                                 QStringLiteral("Nothing has been published to the central "
                                                "store at %1 yet.")
                                     .arg(store.location()));
            return false;
        }
    } else {
        bool ok = false;
        version = spec.toInt(&ok);
        if (!ok || version <= 0) {
            *exitCode = ctx.fail(UsageOrValidation,
                                 QStringLiteral("'%1' is not a version number, 'latest' or "
                                                "'draft'.")
                                     .arg(spec));
            return false;
        }
    }
    Result<Topology> t = store.topology(version);
    if (!t) {
        *exitCode = ctx.fail(UsageOrValidation, describeError(t.error()));
        return false;
    }
    *out = std::move(t).value();
    return true;
}

int topologyDiff(Context &ctx)
{
    QCommandLineParser parser;
    if (!ctx.parse(parser,
                   QStringLiteral("Show what changed between two versions (a number, 'latest' "
                                  "or 'draft')."),
                   QStringLiteral("FROM TO"), 2, 2))
        return ctx.exitCode();
    const QString fromSpec = parser.positionalArguments().value(0);
    const QString toSpec = parser.positionalArguments().value(1);
    Opened opened = openStore(ctx);
    if (!opened.store)
        return opened.exitCode;
    Topology from, to;
    int exitCode = Ok;
    if (!resolveSpec(ctx, *opened.store, fromSpec, &from, &exitCode) ||
        !resolveSpec(ctx, *opened.store, toSpec, &to, &exitCode))
        return exitCode;
    const QList<Change> changes = diff(from, to);
    const QString human =
        changes.isEmpty()
            ? QStringLiteral("No differences between %1 and %2.").arg(fromSpec, toSpec)
            : QStringLiteral("From %1 to %2: %3\n")
                      .arg(fromSpec, toSpec, changesSummary(changes, from, to)) +
                  changesText(changes, from, to);
    return ctx.succeed(human, QJsonObject{{QStringLiteral("from"), fromSpec},
                                          {QStringLiteral("to"), toSpec},
                                          {QStringLiteral("summary"), summarizeDiff(changes)},
                                          {QStringLiteral("changes"), changesJson(changes)}});
}

// ---- topology rollback -----------------------------------------------------------------

int topologyRollback(Context &ctx)
{
    QCommandLineParser parser;
    if (!ctx.parse(parser,
                   QStringLiteral("Publish the content of an earlier version as a new version."),
                   QStringLiteral("VERSION"), 1, 1))
        return ctx.exitCode();
    int target = 0;
    int exitCode = Ok;
    if (!parseVersion(ctx, parser.positionalArguments().value(0), &target, &exitCode))
        return exitCode;
    Opened opened = openStore(ctx);
    if (!opened.store)
        return opened.exitCode;
    CentralStore &store = *opened.store;
    Result<int> latest = store.latestVersion();
    if (!latest)
        return ctx.fail(StoreError, describeError(latest.error()));
    if (target > latest.value())
        return ctx.fail(UsageOrValidation,
                        QStringLiteral("Version %1 does not exist; the central store at %2 holds "
                                       "versions 1 to %3.")
                            .arg(target)
                            .arg(store.location())
                            .arg(latest.value()));
    Result<int> published = store.rollback(target, latest.value());
    if (!published)
        return ctx.fail(StoreError, describeError(published.error()));
    QList<Change> changes;
    Topology beforeTopology, afterTopology;
    Result<Topology> before = store.topology(latest.value());
    Result<Topology> after = store.topology(published.value());
    if (before && after) {
        beforeTopology = before.value();
        afterTopology = after.value();
        changes = diff(beforeTopology, afterTopology);
    }
    return ctx.succeed(QStringLiteral("Published version %1 with the content of version %2 (%3).\n")
                               .arg(published.value())
                               .arg(target)
                               .arg(changesSummary(changes, beforeTopology, afterTopology)) +
                           changesText(changes, beforeTopology, afterTopology),
                       QJsonObject{{QStringLiteral("version"), published.value()},
                                   {QStringLiteral("rolledBackTo"), target},
                                   {QStringLiteral("previousVersion"), latest.value()},
                                   {QStringLiteral("summary"), summarizeDiff(changes)},
                                   {QStringLiteral("changes"), changesJson(changes)}});
}

// ---- replica show ------------------------------------------------------------------------

int replicaShow(Context &ctx)
{
    QCommandLineParser parser;
    if (!ctx.parse(parser, QStringLiteral("Show the topology this machine's local replica "
                                          "holds (what the engine runs).")))
        return ctx.exitCode();
    Result<std::unique_ptr<LocalReplica>> replica = LocalReplica::open(ctx.replica());
    if (!replica)
        return ctx.fail(StoreError, describeError(replica.error()));
    Result<std::optional<ReplicaState>> state = replica.value()->current();
    if (!state)
        return ctx.fail(StoreError, describeError(state.error()));
    if (!state.value())
        return ctx.fail(UsageOrValidation,
                        QStringLiteral("The local replica at %1 is empty. Import a published "
                                       "topology: 'fedgatectl topology import --file FILE' or "
                                       "'--from-store LOCATION'.")
                            .arg(replica.value()->location()));
    const ReplicaState &s = *state.value();
    const QList<Finding> findings = validate(s.topology);
    QJsonObject json = replicaJson(replica.value()->location(), s);
    json.insert(QStringLiteral("topology"), topologyJson(s.topology));
    json.insert(QStringLiteral("findings"), findingsJson(findings));
    return ctx.succeed(QStringLiteral("Local replica %1: version %2 from %3, imported %4\n\n")
                               .arg(replica.value()->location())
                               .arg(s.version)
                               .arg((s.fromStore ? QStringLiteral("the central store ")
                                                 : QStringLiteral("the file ")) +
                                        s.source,
                                    s.importedAt.toString(Qt::ISODate)) +
                           topologyText(s.topology) + QLatin1Char('\n') +
                           findingsText(findings, s.topology),
                       json);
}

const Registrar registrar{
    {QStringLiteral("topology"), QStringLiteral("new"),
     QStringLiteral("Start a new draft topology (from scratch or a file)."), topologyNew},
    {QStringLiteral("topology"), QStringLiteral("show"),
     QStringLiteral("Show the draft, a version or a file, with validation findings."),
     topologyShow},
    {QStringLiteral("topology"), QStringLiteral("validate"),
     QStringLiteral("Validate the draft, a version or a file."), topologyValidate},
    {QStringLiteral("topology"), QStringLiteral("publish"),
     QStringLiteral("Publish the draft (or a file) as a new version."), topologyPublish},
    {QStringLiteral("topology"), QStringLiteral("export"),
     QStringLiteral("Write a published version to a file for an edge server."), topologyExport},
    {QStringLiteral("topology"), QStringLiteral("import"),
     QStringLiteral("Import a file or a store version into the local replica."), topologyImport},
    {QStringLiteral("topology"), QStringLiteral("versions"),
     QStringLiteral("List the published versions."), topologyVersions},
    {QStringLiteral("topology"), QStringLiteral("diff"),
     QStringLiteral("Show what changed between two versions or the draft."), topologyDiff},
    {QStringLiteral("topology"), QStringLiteral("rollback"),
     QStringLiteral("Publish an earlier version's content again."), topologyRollback},
    {QStringLiteral("replica"), QStringLiteral("show"),
     QStringLiteral("Show the topology in this machine's local replica."), replicaShow},
};

} // namespace

} // namespace fedgate::cli
