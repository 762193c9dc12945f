// fedgatectl dns plan|check|export: the DNS records the published topology
// needs, checked live against a resolver, and written out for the DNS team.
#include "Cli.h"

#include "certs/DaneKeys.h"
#include "topology/CentralStore.h"
#include "topology/DnsChecker.h"
#include "topology/DnsExport.h"
#include "topology/DnsRecordPlan.h"
#include "topology/DnsServerAddress.h"
#include "topology/LocalReplica.h"
#include "topology/TopologyDocument.h"

#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

#include <optional>

namespace fedgate::cli {

namespace {

using namespace fedgate::topology;

const QCommandLineOption &fileOption()
{
    static const QCommandLineOption option(
        QStringLiteral("file"),
        QStringLiteral("Take the topology from this file (an exported or draft topology) "
                       "instead of the central store."),
        QStringLiteral("FILE"));
    return option;
}

struct Source
{
    std::optional<Topology> topology;
    QString label;
    int exitCode = Ok;
};

// --file F, else --replica (this machine's local replica), else the latest
// published version of --store (or of the default central store).
Source loadTopology(Context &ctx, const QCommandLineParser &parser)
{
    Source source;
    const QString file = parser.value(fileOption());
    const int selectors =
        int(!file.isEmpty()) + int(!ctx.store().isEmpty()) + int(!ctx.replica().isEmpty());
    if (selectors > 1) {
        source.exitCode =
            ctx.fail(UsageOrValidation, QStringLiteral("Give only one of --file, --store and "
                                                       "--replica: they name where the topology "
                                                       "comes from."));
        return source;
    }
    if (!file.isEmpty()) {
        Result<Topology> read = TopologyDocument::readFile(file);
        if (!read) {
            source.exitCode = ctx.fail(UsageOrValidation, describeError(read.error()));
            return source;
        }
        source.topology = read.value();
        source.label = file;
        return source;
    }
    if (!ctx.replica().isEmpty()) {
        Result<std::unique_ptr<LocalReplica>> replica = LocalReplica::open(ctx.replica());
        if (!replica) {
            source.exitCode = ctx.fail(StoreError, describeError(replica.error()));
            return source;
        }
        Result<std::optional<ReplicaState>> state = replica.value()->current();
        if (!state) {
            source.exitCode = ctx.fail(StoreError, describeError(state.error()));
            return source;
        }
        if (!state.value()) {
            source.exitCode = ctx.fail(
                UsageOrValidation,
                QStringLiteral("The local replica %1 holds no topology yet. Import one with "
                               "'fedgatectl topology import', or give --file or --store.")
                    .arg(replica.value()->location()));
            return source;
        }
        source.topology = state.value()->topology;
        source.label = QStringLiteral("version %1 in the local replica %2")
                           .arg(state.value()->version)
                           .arg(replica.value()->location());
        return source;
    }
    Result<std::unique_ptr<CentralStore>> store = CentralStore::open(ctx.store());
    if (!store) {
        source.exitCode = ctx.fail(StoreError, describeError(store.error()));
        return source;
    }
    Result<int> latest = store.value()->latestVersion();
    if (!latest) {
        source.exitCode = ctx.fail(StoreError, describeError(latest.error()));
        return source;
    }
    if (latest.value() == 0) {
        source.exitCode = ctx.fail(
            UsageOrValidation,
            QStringLiteral("The central store %1 has no published topology: the DNS records "
                           "come from a published one. Publish it first (fedgatectl topology "
                           "publish), or give --file or --replica.")
                .arg(store.value()->location()));
        return source;
    }
    Result<Topology> topology = store.value()->topology(latest.value());
    if (!topology) {
        source.exitCode = ctx.fail(StoreError, describeError(topology.error()));
        return source;
    }
    source.topology = topology.value();
    source.label =
        QStringLiteral("version %1 of %2").arg(latest.value()).arg(store.value()->location());
    return source;
}

// The topology's records, with the edge's TLSA records when this machine's
// key store has an external edge certificate assigned or requested.
DnsRecordPlan planFor(const Topology &topology)
{
    DnsRecordPlan plan = DnsRecordPlan::fromTopology(topology);
    plan.addDaneKeys(certs::edgeDaneKeys(certs::KeyStore()));
    return plan;
}

QString planText(const DnsRecordPlan &plan, const QString &label)
{
    QString text = QStringLiteral("DNS records for %1\n").arg(label);
    for (DnsZone zone : {DnsZone::External, DnsZone::Internal}) {
        text += zone == DnsZone::External
                    ? QStringLiteral("\nExternal DNS (the Internet-facing zone):\n")
                    : QStringLiteral("\nInternal DNS (the resolver the edge and gateway use):\n");
        const QList<DnsRecord> records = plan.records(zone);
        if (records.isEmpty())
            text += QStringLiteral("  (none)\n");
        for (const DnsRecord &r : records)
            text += QStringLiteral("  %1\n      %2\n").arg(r.zoneLine(), r.purpose);
    }
    if (!plan.notes().isEmpty()) {
        text += QStringLiteral("\nNotes:\n");
        for (const QString &note : plan.notes())
            text += QStringLiteral("  - %1\n").arg(note);
    }
    return text;
}

int dnsPlan(Context &ctx)
{
    QCommandLineParser parser;
    parser.addOption(fileOption());
    if (!ctx.parse(parser, QStringLiteral("List every DNS record the published topology needs, "
                                          "external and internal, each with its purpose.")))
        return ctx.exitCode();
    const Source source = loadTopology(ctx, parser);
    if (!source.topology)
        return source.exitCode;
    const DnsRecordPlan plan = planFor(*source.topology);
    const int code = plan.notes().isEmpty() ? Ok : UsageOrValidation;
    if (ctx.json()) {
        QJsonArray external, internal;
        for (const DnsRecord &r : plan.records())
            (r.zone == DnsZone::External ? external : internal).append(dnsRecordJson(r));
        ctx.printJson(
            QJsonObject{{QStringLiteral("source"), source.label},
                        {QStringLiteral("external"), external},
                        {QStringLiteral("internal"), internal},
                        {QStringLiteral("notes"), QJsonArray::fromStringList(plan.notes())},
                        {QStringLiteral("ok"), code == Ok}});
        return code;
    }
    ctx.out() << planText(plan, source.label);
    ctx.out().flush();
    return code;
}

QJsonObject reportJson(const DnsCheckReport &report)
{
    QJsonObject json = toJson(report);
    // The internal rows of an external-only check are not part of the answer.
    QJsonArray records;
    for (const QJsonValue &v : json.value(QStringLiteral("records")).toArray())
        if (v.toObject().value(QStringLiteral("status")).toString() !=
                QLatin1String("not-checked") ||
            v.toObject().value(QStringLiteral("zone")).toString() != QLatin1String("internal"))
            records.append(v);
    json.insert(QStringLiteral("records"), records);
    return json;
}

// The row's state as a person reads it: "OK", "MISSING", "NOT CHECKED (TIMEOUT)".
QString statusLabel(DnsCheckStatus status)
{
    switch (status) {
    case DnsCheckStatus::Timeout:
        return QStringLiteral("NOT CHECKED (NO ANSWER)");
    case DnsCheckStatus::Unreachable:
        return QStringLiteral("NOT CHECKED (UNREACHABLE)");
    case DnsCheckStatus::Refused:
        return QStringLiteral("NOT CHECKED (REFUSED)");
    case DnsCheckStatus::ServerFailure:
        return QStringLiteral("NOT CHECKED (SERVFAIL)");
    default:
        return toString(status).toUpper().replace(QLatin1Char('-'), QLatin1Char(' '));
    }
}

QString reportText(const DnsCheckReport &report, const QString &label)
{
    QString text = QStringLiteral("DNS check of %1 against %2 (%3 lookups, %4 ms)\n\n")
                       .arg(label, report.server)
                       .arg(report.lookups)
                       .arg(report.elapsedMs);
    constexpr int kWidth = 26;
    for (const DnsCheckResult &r : report.results) {
        if (r.status == DnsCheckStatus::NotChecked && r.record.zone == DnsZone::Internal)
            continue;
        text += QStringLiteral("  %1 %2\n")
                    .arg(statusLabel(r.status).leftJustified(kWidth), r.record.zoneLine());
        if (r.status != DnsCheckStatus::Ok && !r.found.isEmpty())
            text += QStringLiteral("  %1 found: %2\n")
                        .arg(QString(kWidth, QLatin1Char(' ')), r.found.join(QStringLiteral(", ")));
    }
    if (!report.dnssec.isEmpty()) {
        text += QStringLiteral("\nDNSSEC (trust anchor %1):\n").arg(report.trustAnchor);
        for (const DnsZoneSecurity &z : report.dnssec)
            text += QStringLiteral("  %1 %2%3\n")
                        .arg(z.status.toUpper().leftJustified(12), z.zone,
                             z.reason.isEmpty() ? QString() : QStringLiteral(": ") + z.reason);
    }
    if (report.findings.isEmpty()) {
        text += QStringLiteral("\nAll records OK.\n");
        return text;
    }
    text += QStringLiteral("\n%1 finding(s):\n").arg(report.findings.size());
    for (const DnsFinding &f : report.findings)
        text += QStringLiteral("  - [%1] %2\n").arg(f.rule, f.message);
    return text;
}

void printReport(Context &ctx, const DnsCheckReport &report, const QStringList &notes, int code)
{
    if (ctx.json()) {
        QJsonObject json = reportJson(report);
        json.insert(QStringLiteral("notes"), QJsonArray::fromStringList(notes));
        json.insert(QStringLiteral("ok"), code == Ok);
        ctx.printJson(json);
        return;
    }
    ctx.out() << reportText(report, report.source);
    for (const QString &note : notes)
        ctx.out() << "  - [plan] " << note << '\n';
    ctx.out().flush();
}

int dnsCheck(Context &ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption server(
        QStringLiteral("server"),
        QStringLiteral("Ask this name server instead of the system resolver: ADDRESS or "
                       "ADDRESS:PORT (IPv4, [IPv6]:PORT, or a host name)."),
        QStringLiteral("ADDRESS[:PORT]"));
    const QCommandLineOption timeout(QStringLiteral("timeout-ms"),
                                     QStringLiteral("How long each lookup may take (default %1).")
                                         .arg(DnsChecker::kDefaultTimeoutMs),
                                     QStringLiteral("N"));
    const QCommandLineOption internal(
        QStringLiteral("internal"),
        QStringLiteral("Also check the internal records (ask the internal resolver)."));
    const QCommandLineOption trustAnchor(
        QStringLiteral("trust-anchor"),
        QStringLiteral("Validate DNSSEC with this trust anchor file (DS or DNSKEY records) and "
                       "report each XMPP domain as secure, insecure or bogus. Default: the "
                       "system's root key when asking the system resolver."),
        QStringLiteral("FILE"));
    const QCommandLineOption last(
        QStringLiteral("last"),
        QStringLiteral("Show the result of the last check (saved in the data directory) "
                       "instead of checking again."));
    parser.addOptions({fileOption(), server, timeout, internal, trustAnchor, last});
    if (!ctx.parse(parser,
                   QStringLiteral("Check the records the topology needs against a live resolver, "
                                  "all lookups at once. Each finding names the record to create, "
                                  "change or delete; a name server that cannot be asked is one "
                                  "finding and its records read 'not checked'. Exit 0 when "
                                  "everything is right, 1 when something needs fixing or could "
                                  "not be checked.")))
        return ctx.exitCode();

    if (parser.isSet(last)) {
        const std::optional<DnsCheckReport> saved = loadLastDnsCheck();
        if (!saved)
            return ctx.fail(UsageOrValidation,
                            QStringLiteral("No DNS check has been saved on this machine yet. "
                                           "Run 'fedgatectl dns check' first."));
        printReport(ctx, *saved, {}, saved->allOk() ? Ok : UsageOrValidation);
        return saved->allOk() ? Ok : UsageOrValidation;
    }

    DnsChecker::Options options;
    options.includeInternal = parser.isSet(internal);
    if (parser.isSet(server)) {
        QString error;
        const std::optional<DnsServerAddress> parsed =
            DnsServerAddress::parse(parser.value(server), &error);
        if (!parsed)
            return ctx.fail(UsageOrValidation, QStringLiteral("--server: %1").arg(error));
        options.server = *parsed;
    }
    if (parser.isSet(timeout)) {
        bool ok = false;
        options.timeoutMs = parser.value(timeout).toInt(&ok);
        if (!ok || options.timeoutMs < 100 || options.timeoutMs > 600000)
            return ctx.fail(UsageOrValidation,
                            QStringLiteral("--timeout-ms '%1' is not a number of milliseconds "
                                           "between 100 and 600000.")
                                .arg(parser.value(timeout)));
    }
    if (parser.isSet(trustAnchor)) {
        options.trustAnchorFile = parser.value(trustAnchor);
        if (!QFileInfo(options.trustAnchorFile).isReadable())
            return ctx.fail(UsageOrValidation,
                            QStringLiteral("--trust-anchor %1 cannot be read. Give a file of DS "
                                           "or DNSKEY records in zone-file syntax.")
                                .arg(options.trustAnchorFile));
    }
    const Source source = loadTopology(ctx, parser);
    if (!source.topology)
        return source.exitCode;

    const DnsRecordPlan plan = planFor(*source.topology);
    DnsCheckReport report = DnsChecker::check(plan, options);
    report.source = source.label;
    // Notes mean part of the deployment could not be planned, so could not
    // be checked either: not "all OK".
    const int code = report.allOk() && plan.notes().isEmpty() ? Ok : UsageOrValidation;
    QString saveError;
    if (!saveLastDnsCheck(report, &saveError))
        ctx.err() << "Could not save the result for 'dns check --last': " << saveError << '\n';
    printReport(ctx, report, plan.notes(), code);
    return code;
}

int dnsExport(Context &ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption format(
        QStringLiteral("format"),
        QStringLiteral("zone (a BIND zone-file snippet, the default) or csv (a checklist of "
                       "every record)."),
        QStringLiteral("FORMAT"), QStringLiteral("zone"));
    const QCommandLineOption output(QStringLiteral("output"),
                                    QStringLiteral("Write to this file instead of stdout."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption internal(
        QStringLiteral("internal"),
        QStringLiteral("With --format zone: the internal zone's records instead of the "
                       "external ones."));
    parser.addOptions({fileOption(), format, output, internal});
    if (!ctx.parse(parser, QStringLiteral("Write the DNS records the topology needs as a BIND "
                                          "zone-file snippet or a CSV checklist.")))
        return ctx.exitCode();
    const QString fmt = parser.value(format).toLower();
    if (fmt != QLatin1String("zone") && fmt != QLatin1String("csv"))
        return ctx.fail(UsageOrValidation,
                        QStringLiteral("--format '%1' is not known: use zone or csv.")
                            .arg(parser.value(format)));
    const Source source = loadTopology(ctx, parser);
    if (!source.topology)
        return source.exitCode;
    const DnsRecordPlan plan = planFor(*source.topology);
    const DnsZone zone = parser.isSet(internal) ? DnsZone::Internal : DnsZone::External;
    const QString content =
        fmt == QLatin1String("csv") ? DnsExport::csv(plan) : DnsExport::zoneSnippet(plan, zone);

    const QString path = parser.value(output);
    if (!path.isEmpty()) {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content.toUtf8()) < 0 || !file.commit())
            return ctx.fail(UsageOrValidation,
                            QStringLiteral("Could not write %1: %2. Choose a writable path.")
                                .arg(path, file.errorString()));
    }
    if (ctx.json()) {
        ctx.printJson(QJsonObject{
            {QStringLiteral("source"), source.label},
            {QStringLiteral("format"), fmt},
            {QStringLiteral("zone"), toString(zone)},
            {QStringLiteral("output"), path.isEmpty() ? QJsonValue() : QJsonValue(path)},
            {QStringLiteral("records"), static_cast<int>(plan.records().size())},
            {QStringLiteral("notes"), QJsonArray::fromStringList(plan.notes())},
            {QStringLiteral("content"), content}});
        return Ok;
    }
    if (path.isEmpty()) {
        ctx.out() << content;
        ctx.out().flush();
    } else {
        ctx.err() << "Wrote " << path << '\n';
        ctx.err().flush();
    }
    return Ok;
}

const Registrar registrar{
    {QStringLiteral("dns"), QStringLiteral("plan"),
     QStringLiteral("List the DNS records the topology needs"), dnsPlan},
    {QStringLiteral("dns"), QStringLiteral("check"),
     QStringLiteral("Check the DNS records live against a resolver"), dnsCheck},
    {QStringLiteral("dns"), QStringLiteral("export"),
     QStringLiteral("Write the records as a zone snippet or CSV"), dnsExport},
};

} // namespace

} // namespace fedgate::cli
