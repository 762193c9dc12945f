// fedgatectl cert request|pending|import|assign|show|check|export and
// fedgatectl ca create|issue: the certificate step of the deployment wizard.
// Every action is a call into certs/ (KeyStore, InternalCa, lint); this file
// only turns options into calls and results into text or JSON.
#include "CertCliSupport.h"
#include "Cli.h"
#include "PublishedTopology.h"

#include "certs/CertificateFile.h"
#include "certs/CertificateInfo.h"
#include "certs/CertificateLint.h"
#include "certs/InternalCa.h"
#include "certs/KeyStore.h"
#include "certs/OpenSsl.h"
#include "certs/SecureFile.h"

#include "topology/CentralStore.h"
#include "topology/LocalReplica.h"
#include "topology/Paths.h"
#include "topology/TopologyDocument.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <openssl/pem.h>

#include <optional>

namespace fedgate::cli {

namespace {

using namespace fedgate::certs;
using topology::Topology;

QCommandLineOption flag(const QString &name, const QString &description)
{
    return QCommandLineOption(name, description);
}

QString certificateText(const CertificateInfo &info)
{
    QStringList usages;
    if (info.serverAuth)
        usages << QStringLiteral("serverAuth");
    if (info.clientAuth)
        usages << QStringLiteral("clientAuth");
    QString text = QStringLiteral("  Subject:      %1\n  Issuer:       %2\n  Names:        %3\n")
                       .arg(info.subject, info.issuer,
                            info.dnsNames.isEmpty() ? QStringLiteral("(none)")
                                                    : info.dnsNames.join(QStringLiteral(", ")));
    if (!info.srvIds.isEmpty())
        text += QStringLiteral("  SRV-IDs:      %1\n").arg(info.srvIds.join(QStringLiteral(", ")));
    if (!info.xmppAddrs.isEmpty())
        text +=
            QStringLiteral("  xmppAddrs:    %1\n").arg(info.xmppAddrs.join(QStringLiteral(", ")));
    text += QStringLiteral("  Valid:        %1 to %2 (UTC)\n  Key:          %3, signed %4\n"
                           "  Purposes:     %5\n  SHA-256:      %6\n")
                .arg(info.notBefore.toString(Qt::ISODate), info.notAfter.toString(Qt::ISODate),
                     info.keyDescription, info.signatureAlgorithm,
                     info.hasExtendedKeyUsage ? usages.join(QStringLiteral(", "))
                                              : QStringLiteral("any"),
                     info.sha256Fingerprint);
    return text;
}

Result<QByteArray> readPassword(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("password-file"))) {
        QFile file(parser.value(QStringLiteral("password-file")));
        if (!file.open(QIODevice::ReadOnly))
            return userError(QStringLiteral("Cannot read the password file %1: %2.")
                                 .arg(file.fileName(), file.errorString()));
        QByteArray password = file.readAll();
        while (password.endsWith('\n') || password.endsWith('\r'))
            password.chop(1);
        return password;
    }
    return parser.value(QStringLiteral("password")).toUtf8();
}

const QCommandLineOption kTopologyOption(
    QStringLiteral("topology"),
    QStringLiteral("Take the names from this topology file instead of the published topology."),
    QStringLiteral("FILE"));
const QCommandLineOption kPasswordOption(QStringLiteral("password"),
                                         QStringLiteral("Password of the PKCS#12 file."),
                                         QStringLiteral("PASSWORD"));
const QCommandLineOption kPasswordFileOption(
    QStringLiteral("password-file"),
    QStringLiteral("Read the password from the first line of FILE (keeps it out of ps)."),
    QStringLiteral("FILE"));

// ---- cert request ------------------------------------------------------------

int certRequest(Context &ctx)
{
    QCommandLineParser parser;
    const auto usage = valueOption(QStringLiteral("usage"),
                                   QStringLiteral("external (default), internal or gateway."),
                                   QStringLiteral("USAGE"));
    const auto immediate = flag(QStringLiteral("immediate"),
                                QStringLiteral("Sign now with the deployment's internal CA "
                                               "(internal link, gateway, test deployments)."));
    const auto csr = valueOption(QStringLiteral("csr"),
                                 QStringLiteral("Delayed request: write the CSR to FILE."),
                                 QStringLiteral("FILE"));
    const auto templ =
        valueOption(QStringLiteral("template"),
                    QStringLiteral("AD CS certificate template name (e.g. WebServer)."),
                    QStringLiteral("NAME"));
    const auto friendly = valueOption(QStringLiteral("friendly-name"),
                                      QStringLiteral("Friendly name."), QStringLiteral("NAME"));
    const auto keyType = valueOption(QStringLiteral("key-type"),
                                     QStringLiteral("rsa2048 (default), rsa3072, rsa4096, ec-p256, "
                                                    "ec-p384."),
                                     QStringLiteral("TYPE"));
    const auto exportable = flag(QStringLiteral("exportable"),
                                 QStringLiteral("Mark the private key exportable (PKCS#12 for "
                                                "the other pool members)."));
    const auto org = valueOption(QStringLiteral("org"), QStringLiteral("Organisation (O)."),
                                 QStringLiteral("NAME"));
    const auto ou = valueOption(QStringLiteral("ou"), QStringLiteral("Organisational unit (OU)."),
                                QStringLiteral("NAME"));
    const auto country =
        valueOption(QStringLiteral("country"),
                    QStringLiteral("Two-letter ISO 3166 country code (C)."), QStringLiteral("CC"));
    const auto state = valueOption(
        QStringLiteral("state"), QStringLiteral("State or province (ST)."), QStringLiteral("NAME"));
    const auto city =
        valueOption(QStringLiteral("city"), QStringLiteral("City (L)."), QStringLiteral("NAME"));
    const auto sip =
        valueOption(QStringLiteral("sip-domain"),
                    QStringLiteral("Add sip.<DOMAIN> for this SIP domain; repeatable."),
                    QStringLiteral("DOMAIN"));
    const auto allSip = flag(QStringLiteral("all-sip-domains"),
                             QStringLiteral("Add sip.<domain> for every SIP domain."));
    const auto san = valueOption(QStringLiteral("san"),
                                 QStringLiteral("Additional subject alternative name; repeatable."),
                                 QStringLiteral("NAME"));
    const auto srvId = flag(QStringLiteral("srv-id"),
                            QStringLiteral("Add _xmpp-server.<domain> SRV-IDs (RFC 6125)."));
    const auto xmppAddr =
        flag(QStringLiteral("xmpp-addr"), QStringLiteral("Add xmppAddr identities (RFC 6120)."));
    const auto pool =
        valueOption(QStringLiteral("edge-pool"),
                    QStringLiteral("The edge pool (default: the XMPP federation pool)."),
                    QStringLiteral("FQDN"));
    const auto frontEnd = valueOption(
        QStringLiteral("front-end-pool"),
        QStringLiteral("Gateway usage: the front-end pool (default: the XMPP federation edge "
                       "pool's next hop)."),
        QStringLiteral("FQDN"));
    for (const auto &option :
         {usage,    immediate, csr,      templ,          friendly, keyType, exportable, org,
          ou,       country,   state,    city,           sip,      allSip,  san,        srvId,
          xmppAddr, pool,      frontEnd, kTopologyOption})
        parser.addOption(option);
    if (!ctx.parse(parser,
                   QStringLiteral("Make a key and a certificate request whose names come from "
                                  "the published topology.")))
        return ctx.exitCode();

    CertificateRequest request;
    int exitCode = Ok;
    if (parser.isSet(usage) &&
        !parseUsageOption(ctx, parser.value(usage), &request.usage, &exitCode))
        return exitCode;
    if (parser.isSet(keyType) && !parseKeyType(parser.value(keyType), &request.keyType))
        return ctx.fail(UsageOrValidation,
                        QStringLiteral("Unknown key type '%1'. Use rsa2048, rsa3072, rsa4096, "
                                       "ec-p256 or ec-p384.")
                            .arg(parser.value(keyType)));
    request.mode = parser.isSet(immediate) ? RequestMode::Immediate : RequestMode::Delayed;
    if (parser.isSet(immediate) && parser.isSet(csr))
        return ctx.fail(UsageOrValidation,
                        QStringLiteral("--csr is for delayed requests; an immediate request is "
                                       "signed by the internal CA at once."));
    request.csrPath = parser.value(csr);
    request.templateName = parser.value(templ);
    request.friendlyName = parser.value(friendly);
    request.exportable = parser.isSet(exportable);
    request.organisation = parser.value(org);
    request.organisationalUnit = parser.value(ou);
    request.country = parser.value(country).toUpper();
    request.state = parser.value(state);
    request.city = parser.value(city);
    request.sipDomains = parser.values(sip);
    request.additionalSans = parser.values(san);
    request.includeSrvIds = parser.isSet(srvId);
    request.includeXmppAddrs = parser.isSet(xmppAddr);
    request.edgePool = parser.value(pool);
    request.frontEndPool = parser.value(frontEnd);

    LoadedTopology loaded = loadTopology(ctx, parser.value(kTopologyOption), true);
    if (loaded.failed)
        return loaded.exitCode;
    if (parser.isSet(allSip)) {
        request.sipDomains = QStringList{loaded.topology->organisation.defaultSipDomain} +
                             loaded.topology->organisation.additionalSipDomains;
        request.sipDomains.removeAll(QString());
    }

    KeyStore store;
    Result<RequestOutcome> outcome = store.createRequest(*loaded.topology, request);
    if (!outcome)
        return failWith(ctx, store, outcome.error());
    const RequestOutcome &o = outcome.value();
    QJsonObject json = o.toJson();
    json.insert(QStringLiteral("topology"), loaded.label);
    QString text =
        QStringLiteral("Pending request %1 (%2, %3 key), names from %4:\n  CN=%5\n  "
                       "SANs: %6\n")
            .arg(o.request.id, displayName(request.usage), o.request.keyDescription, loaded.label,
                 o.request.names.commonName, o.request.names.dnsNames.join(QStringLiteral(", ")));
    for (const QString &warning : o.request.names.warnings)
        text += QStringLiteral("  warning: %1\n").arg(warning);
    text += nextStepText(o);
    return ctx.succeed(text, json);
}

// ---- cert pending ------------------------------------------------------------

int certPending(Context &ctx)
{
    QCommandLineParser parser;
    const auto remove = flag(QStringLiteral("delete"),
                             QStringLiteral("Delete the pending request and its private key."));
    const auto csr = valueOption(QStringLiteral("csr"),
                                 QStringLiteral("Write the request's CSR (PEM) to FILE again."),
                                 QStringLiteral("FILE"));
    parser.addOption(remove);
    parser.addOption(csr);
    if (!ctx.parse(parser,
                   QStringLiteral("List pending requests, or show, delete or write out one."),
                   QStringLiteral("[ID]"), 0, 1))
        return ctx.exitCode();
    KeyStore store;
    const QString id = parser.positionalArguments().value(0);
    if (id.isEmpty()) {
        if (parser.isSet(remove) || parser.isSet(csr))
            return ctx.fail(UsageOrValidation,
                            QStringLiteral("--delete and --csr need the request's ID."));
        Result<QList<PendingRequest>> list = store.pendingRequests();
        if (!list)
            return failWith(ctx, store, list.error());
        QJsonArray array;
        QString text = list.value().isEmpty() ? QStringLiteral("No pending requests.\n")
                                              : QStringLiteral("Pending requests:\n");
        for (const PendingRequest &p : list.value()) {
            array.append(p.toJson());
            text += QStringLiteral("  %1  %2  %3  CN=%4  made %5\n")
                        .arg(p.id, toString(p.request.usage).leftJustified(8),
                             p.keyDescription.leftJustified(11), p.names.commonName,
                             p.createdAt.toString(Qt::ISODate));
        }
        return ctx.succeed(text, QJsonObject{{QStringLiteral("pending"), array}});
    }
    Result<PendingRequest> pending = store.pendingRequest(id);
    if (!pending)
        return failWith(ctx, store, pending.error());
    const PendingRequest &p = pending.value();
    if (parser.isSet(remove)) {
        if (Status s = store.deletePendingRequest(p.id); !s)
            return failWith(ctx, store, s.error());
        return ctx.succeed(
            QStringLiteral("Deleted pending request %1 and its private key.").arg(p.id),
            QJsonObject{{QStringLiteral("deleted"), p.id}});
    }
    QJsonObject json = p.toJson();
    if (parser.isSet(csr)) {
        if (Status s = store.writeCsr(p.id, parser.value(csr)); !s)
            return failWith(ctx, store, s.error());
        json.insert(QStringLiteral("csrWrittenTo"),
                    QFileInfo(parser.value(csr)).absoluteFilePath());
    }
    QString text = QStringLiteral("Pending request %1\n  Usage:        %2\n  Key:          %3 "
                                  "(%4)\n  Made:         %5\n  CN:           %6\n  SANs:         "
                                  "%7\n")
                       .arg(p.id, displayName(p.request.usage), p.keyDescription,
                            p.request.exportable ? QStringLiteral("exportable")
                                                 : QStringLiteral("not exportable"),
                            p.createdAt.toString(Qt::ISODate), p.names.commonName,
                            p.names.dnsNames.join(QStringLiteral(", ")));
    if (parser.isSet(csr))
        text += QStringLiteral("CSR written to %1.\n").arg(parser.value(csr));
    else
        text += QString::fromLatin1(p.csrPem);
    return ctx.succeed(text, json);
}

// ---- cert import -------------------------------------------------------------

int certImport(Context &ctx)
{
    QCommandLineParser parser;
    const auto friendly = valueOption(QStringLiteral("friendly-name"),
                                      QStringLiteral("Friendly name (default: the request's)."),
                                      QStringLiteral("NAME"));
    const auto exportable = flag(QStringLiteral("exportable"),
                                 QStringLiteral("A key that comes in the file may be exported "
                                                "again."));
    const auto usage =
        valueOption(QStringLiteral("usage"),
                    QStringLiteral("external, internal or gateway, for the check (default: "
                                   "the request's)."),
                    QStringLiteral("USAGE"));
    const auto assignTo =
        valueOption(QStringLiteral("assign"),
                    QStringLiteral("Assign it at once to external, internal or gateway."),
                    QStringLiteral("USAGE"));
    for (const auto &option : {friendly, exportable, usage, assignTo, kPasswordOption,
                               kPasswordFileOption, kTopologyOption})
        parser.addOption(option);
    if (!ctx.parse(parser,
                   QStringLiteral("Import a CA's answer (PEM, DER, .p7b, .pfx/.p12) and match it "
                                  "to its private key."),
                   QStringLiteral("FILE"), 1, 1))
        return ctx.exitCode();
    int exitCode = Ok;
    ImportOptions options;
    if (parser.isSet(usage)) {
        CertificateUsage u;
        if (!parseUsageOption(ctx, parser.value(usage), &u, &exitCode))
            return exitCode;
        options.usage = u;
    }
    std::optional<CertificateUsage> assignUsage;
    if (parser.isSet(assignTo)) {
        CertificateUsage u;
        if (!parseUsageOption(ctx, parser.value(assignTo), &u, &exitCode))
            return exitCode;
        assignUsage = u;
        if (!options.usage)
            options.usage = u;
    }
    Result<QByteArray> password = readPassword(parser);
    if (!password)
        return ctx.fail(UsageOrValidation, password.error().message);
    options.password = password.value();
    options.friendlyName = parser.value(friendly);
    options.exportable = parser.isSet(exportable);
    LoadedTopology loaded = loadTopology(ctx, parser.value(kTopologyOption), false);
    if (loaded.failed)
        return loaded.exitCode;
    options.topology = loaded.topology ? &*loaded.topology : nullptr;

    KeyStore store;
    Result<ImportResult> imported = store.importFile(parser.positionalArguments().first(), options);
    if (!imported)
        return failWith(ctx, store, imported.error());
    const ImportResult &r = imported.value();
    QJsonObject json = r.toJson();
    QString text = QStringLiteral("Imported certificate %1 (%2, key from %3, chain of %4%5):\n")
                       .arg(r.certificate.id, r.certificate.sourceFormat, r.keySource)
                       .arg(r.certificate.chainLength)
                       .arg(r.certificate.chainComplete ? QStringLiteral(", complete")
                                                        : QStringLiteral(", INCOMPLETE")) +
                   certificateText(r.certificate.info) + findingsText(r.findings);
    if (assignUsage) {
        Result<AssignResult> assigned =
            store.assign(r.certificate.id, *assignUsage, options.topology);
        if (!assigned)
            return failWith(ctx, store, assigned.error());
        json.insert(QStringLiteral("assignment"), assigned.value().assignment.toJson());
        text += QStringLiteral("Assigned to the %1 interface.\n").arg(displayName(*assignUsage));
    } else {
        text += QStringLiteral("Assign it with 'fedgatectl cert assign %1 --usage %2'.\n")
                    .arg(r.certificate.id, toString(r.certificate.usage));
    }
    return ctx.succeed(text, json);
}

// ---- cert assign -------------------------------------------------------------

int certAssign(Context &ctx)
{
    QCommandLineParser parser;
    const auto usage = valueOption(QStringLiteral("usage"),
                                   QStringLiteral("external, internal or gateway (required)."),
                                   QStringLiteral("USAGE"));
    parser.addOption(usage);
    parser.addOption(kTopologyOption);
    if (!ctx.parse(parser,
                   QStringLiteral("Assign an imported certificate and its key to the external "
                                  "or internal edge interface."),
                   QStringLiteral("ID"), 1, 1))
        return ctx.exitCode();
    CertificateUsage u;
    int exitCode = Ok;
    if (!requiredUsageOption(ctx, parser, usage, &u, &exitCode))
        return exitCode;
    LoadedTopology loaded = loadTopology(ctx, parser.value(kTopologyOption), false);
    if (loaded.failed)
        return loaded.exitCode;
    KeyStore store;
    Result<AssignResult> assigned = store.assign(parser.positionalArguments().first(), u,
                                                 loaded.topology ? &*loaded.topology : nullptr);
    if (!assigned)
        return failWith(ctx, store, assigned.error());
    QJsonObject json = assigned.value().assignment.toJson();
    json.insert(QStringLiteral("findings"), findingsJson(assigned.value().findings));
    return ctx.succeed(QStringLiteral("Assigned certificate %1 to the %2 interface. Restart the "
                                      "edge services to use it.\n")
                               .arg(assigned.value().assignment.certificateId, displayName(u)) +
                           findingsText(assigned.value().findings),
                       json);
}

// ---- cert show ---------------------------------------------------------------

int certShow(Context &ctx)
{
    QCommandLineParser parser;
    if (!ctx.parse(parser,
                   QStringLiteral("List imported certificates and assignments, or show one "
                                  "(ID, external, internal or gateway)."),
                   QStringLiteral("[ID|external|internal|gateway]"), 0, 1))
        return ctx.exitCode();
    KeyStore store;
    const QString what = parser.positionalArguments().value(0);
    CertificateUsage usage;
    if (!what.isEmpty() && parseUsage(what, &usage)) {
        Result<std::optional<Assignment>> a = store.assignment(usage);
        if (!a)
            return failWith(ctx, store, a.error());
        if (!a.value())
            return ctx.fail(UsageOrValidation,
                            QStringLiteral("No certificate is assigned to the %1 interface.")
                                .arg(displayName(usage)));
        return ctx.succeed(
            QStringLiteral("%1 interface: certificate %2%3\n")
                    .arg(displayName(usage), a.value()->certificateId,
                         a.value()->exportable ? QStringLiteral(" (exportable)") : QString()) +
                certificateText(a.value()->info),
            a.value()->toJson());
    }
    if (!what.isEmpty()) {
        Result<StoredCertificate> c = store.certificate(what);
        if (!c)
            return failWith(ctx, store, c.error());
        return ctx.succeed(
            QStringLiteral("Certificate %1 (%2)\n").arg(c.value().id, c.value().friendlyName) +
                certificateText(c.value().info),
            c.value().toJson());
    }
    Result<QList<StoredCertificate>> list = store.certificates();
    if (!list)
        return failWith(ctx, store, list.error());
    QJsonArray certificates;
    QString text = list.value().isEmpty() ? QStringLiteral("No imported certificates.\n")
                                          : QStringLiteral("Certificates:\n");
    for (const StoredCertificate &c : list.value()) {
        certificates.append(c.toJson());
        text += QStringLiteral("  %1  CN=%2  expires %3  %4\n")
                    .arg(c.id, c.info.commonName, c.info.notAfter.toString(Qt::ISODate),
                         c.friendlyName);
    }
    QJsonObject assignments;
    for (CertificateUsage u : allUsages()) {
        Result<std::optional<Assignment>> a = store.assignment(u);
        if (!a)
            return failWith(ctx, store, a.error());
        assignments.insert(toString(u), a.value() ? QJsonValue(a.value()->toJson()) : QJsonValue());
        text += QStringLiteral("%1: %2\n")
                    .arg(displayName(u),
                         a.value() ? a.value()->certificateId : QStringLiteral("(none assigned)"));
    }
    return ctx.succeed(text, QJsonObject{{QStringLiteral("certificates"), certificates},
                                         {QStringLiteral("assigned"), assignments}});
}

// ---- cert check --------------------------------------------------------------

int certCheck(Context &ctx)
{
    QCommandLineParser parser;
    const auto usageOption =
        valueOption(QStringLiteral("usage"),
                    QStringLiteral("For a FILE: external (default), internal or gateway."),
                    QStringLiteral("USAGE"));
    for (const auto &option : {usageOption, kPasswordOption, kPasswordFileOption, kTopologyOption})
        parser.addOption(option);
    if (!ctx.parse(parser,
                   QStringLiteral("Check the assigned certificates (default), one interface, or a "
                                  "certificate FILE. Exit code 1 when there are errors."),
                   QStringLiteral("[external|internal|gateway|FILE]"), 0, 1))
        return ctx.exitCode();
    LoadedTopology loaded = loadTopology(ctx, parser.value(kTopologyOption), false);
    if (loaded.failed)
        return loaded.exitCode;
    const Topology *topology = loaded.topology ? &*loaded.topology : nullptr;
    KeyStore store;
    const QString what = parser.positionalArguments().value(0);
    int exitCode = Ok;
    CertificateUsage usage = CertificateUsage::ExternalEdge;
    QList<CertificateFinding> all;
    QJsonObject json;
    QString text;
    if (!what.isEmpty() && !parseUsage(what, &usage)) {
        if (parser.isSet(QStringLiteral("usage")) &&
            !parseUsageOption(ctx, parser.value(QStringLiteral("usage")), &usage, &exitCode))
            return exitCode;
        Result<QByteArray> password = readPassword(parser);
        if (!password)
            return ctx.fail(UsageOrValidation, password.error().message);
        LintOptions options;
        options.usage = usage;
        if (topology) {
            if (Result<QStringList> required = requiredNames(*topology, usage))
                options.requiredNames = required.value();
        }
        Result<QList<CertificateFinding>> findings =
            store.checkFile(what, options, password.value());
        if (!findings)
            return failWith(ctx, store, findings.error());
        all = findings.value();
        json.insert(QStringLiteral("file"), what);
        json.insert(QStringLiteral("findings"), findingsJson(all));
        text = QStringLiteral("%1 (%2):\n").arg(what, displayName(usage)) + findingsText(all);
    } else {
        QList<CertificateUsage> usages;
        if (what.isEmpty())
            usages = allUsages();
        else
            usages = {usage};
        for (CertificateUsage u : usages) {
            Result<std::optional<Assignment>> a = store.assignment(u);
            if (!a)
                return failWith(ctx, store, a.error());
            if (!a.value()) {
                CertificateFinding none;
                none.rule = QStringLiteral("not-assigned");
                none.message = QStringLiteral("No certificate is assigned to the %1 interface. "
                                              "Request one (fedgatectl cert request --usage %2), "
                                              "import the answer and assign it.")
                                   .arg(displayName(u), toString(u));
                all << none;
                json.insert(toString(u),
                            QJsonObject{{QStringLiteral("findings"), findingsJson({none})}});
                text +=
                    QStringLiteral("%1 interface:\n").arg(displayName(u)) + findingsText({none});
                continue;
            }
            Result<QList<CertificateFinding>> findings = store.checkAssigned(u, topology);
            if (!findings)
                return failWith(ctx, store, findings.error());
            all += findings.value();
            json.insert(toString(u),
                        QJsonObject{{QStringLiteral("certificateId"), a.value()->certificateId},
                                    {QStringLiteral("findings"), findingsJson(findings.value())}});
            text += QStringLiteral("%1 interface (certificate %2):\n")
                        .arg(displayName(u), a.value()->certificateId) +
                    findingsText(findings.value());
        }
    }
    if (!topology)
        text += QStringLiteral("No published topology found: the names were not checked.\n");
    json.insert(QStringLiteral("namesChecked"), topology != nullptr);
    json.insert(QStringLiteral("ok"), !hasErrors(all));
    if (hasErrors(all)) {
        if (ctx.json()) {
            ctx.printJson(json);
        } else {
            ctx.out() << text;
            ctx.out().flush();
        }
        return UsageOrValidation;
    }
    return ctx.succeed(text, json);
}

// ---- cert export -------------------------------------------------------------

int certExport(Context &ctx)
{
    QCommandLineParser parser;
    const auto out =
        valueOption(QStringLiteral("out"), QStringLiteral("The PKCS#12 file to write (required)."),
                    QStringLiteral("FILE"));
    parser.addOption(out);
    parser.addOption(QCommandLineOption(QStringLiteral("password"),
                                        QStringLiteral("Password protecting the exported key "
                                                       "(8 characters or more)."),
                                        QStringLiteral("PASSWORD")));
    parser.addOption(kPasswordFileOption);
    if (!ctx.parse(parser,
                   QStringLiteral("Export the certificate assigned to an interface, with its "
                                  "chain and key, as PKCS#12 for the other pool members (only "
                                  "if it was marked exportable)."),
                   QStringLiteral("external|internal|gateway"), 1, 1))
        return ctx.exitCode();
    CertificateUsage usage;
    int exitCode = Ok;
    if (!parseUsageOption(ctx, parser.positionalArguments().first(), &usage, &exitCode))
        return exitCode;
    if (!parser.isSet(out))
        return ctx.fail(UsageOrValidation, QStringLiteral("Give the file to write with --out."));
    Result<QByteArray> password = readPassword(parser);
    if (!password)
        return ctx.fail(UsageOrValidation, password.error().message);
    KeyStore store;
    if (Status s = store.exportPkcs12(usage, parser.value(out), password.value()); !s)
        return failWith(ctx, store, s.error());
    const QString path = QFileInfo(parser.value(out)).absoluteFilePath();
    return ctx.succeed(
        QStringLiteral("Wrote %1 (PKCS#12, mode 0600). Import it on the other "
                       "pool members with 'fedgatectl cert import %1 --password "
                       "...'.")
            .arg(path),
        QJsonObject{{QStringLiteral("usage"), toString(usage)}, {QStringLiteral("file"), path}});
}

// ---- ca create / ca issue ------------------------------------------------------

int caCreate(Context &ctx)
{
    QCommandLineParser parser;
    const auto name = valueOption(QStringLiteral("name"),
                                  QStringLiteral("The CA's common name (default: Fedgate internal "
                                                 "CA (host))."),
                                  QStringLiteral("CN"));
    const auto keyType = valueOption(QStringLiteral("key-type"),
                                     QStringLiteral("ec-p384 (default), ec-p256, rsa2048, rsa3072, "
                                                    "rsa4096."),
                                     QStringLiteral("TYPE"));
    const auto days =
        valueOption(QStringLiteral("days"), QStringLiteral("Validity in days (default 3650)."),
                    QStringLiteral("N"));
    const auto force = flag(QStringLiteral("force"),
                            QStringLiteral("Replace an existing CA (what it issued stops being "
                                           "trusted)."));
    for (const auto &option : {name, keyType, days, force})
        parser.addOption(option);
    if (!ctx.parse(parser, QStringLiteral("Create the deployment's internal CA.")))
        return ctx.exitCode();
    KeyType type = KeyType::EcP384;
    if (parser.isSet(keyType) && !parseKeyType(parser.value(keyType), &type))
        return ctx.fail(UsageOrValidation,
                        QStringLiteral("Unknown key type '%1'.").arg(parser.value(keyType)));
    bool ok = true;
    const int validity = parser.isSet(days) ? parser.value(days).toInt(&ok) : 3650;
    if (!ok)
        return ctx.fail(UsageOrValidation,
                        QStringLiteral("--days wants a number, not '%1'.").arg(parser.value(days)));
    KeyStore store;
    InternalCa ca(store.dataDirectory());
    const bool existed = ca.exists();
    if (Status s = ca.create(parser.value(name), type, validity, parser.isSet(force)); !s) {
        if (existed && !parser.isSet(force))
            return ctx.fail(UsageOrValidation, s.error().message);
        return failWith(ctx, store, s.error());
    }
    Result<X509Ptr> certificate = ca.certificate();
    if (!certificate)
        return failWith(ctx, store, certificate.error());
    const CertificateInfo info = CertificateInfo::of(certificate.value().get());
    QJsonObject json = info.toJson();
    json.insert(QStringLiteral("certificatePath"), ca.certificatePath());
    return ctx.succeed(QStringLiteral("Created the internal CA %1. Its certificate is %2; the "
                                      "gateway trusts it for the 23456 link.\n")
                               .arg(info.subject, ca.certificatePath()) +
                           certificateText(info),
                       json);
}

int caIssue(Context &ctx)
{
    QCommandLineParser parser;
    const auto out = valueOption(QStringLiteral("out"),
                                 QStringLiteral("Where to write the certificate (PEM, required)."),
                                 QStringLiteral("FILE"));
    const auto days =
        valueOption(QStringLiteral("days"), QStringLiteral("Validity in days (default 397)."),
                    QStringLiteral("N"));
    parser.addOption(out);
    parser.addOption(days);
    if (!ctx.parse(parser,
                   QStringLiteral("Sign a certificate request (PEM or DER) with the internal "
                                  "CA."),
                   QStringLiteral("CSR"), 1, 1))
        return ctx.exitCode();
    if (!parser.isSet(out))
        return ctx.fail(UsageOrValidation, QStringLiteral("Give the file to write with --out."));
    bool ok = true;
    const int validity = parser.isSet(days) ? parser.value(days).toInt(&ok) : 397;
    if (!ok)
        return ctx.fail(UsageOrValidation,
                        QStringLiteral("--days wants a number, not '%1'.").arg(parser.value(days)));
    const QString csrPath = parser.positionalArguments().first();
    QFile file(csrPath);
    if (!file.open(QIODevice::ReadOnly) || file.size() > 1024 * 1024)
        return ctx.fail(UsageOrValidation,
                        QStringLiteral("Cannot read the request %1: %2.")
                            .arg(csrPath, file.isOpen() ? QStringLiteral("it is too large")
                                                        : file.errorString()));
    const QByteArray data = file.readAll();
    BioPtr bio = memoryBio(data);
    X509ReqPtr csr(PEM_read_bio_X509_REQ(bio.get(), nullptr, nullptr, nullptr));
    if (!csr) {
        const auto *p = reinterpret_cast<const unsigned char *>(data.constData());
        csr.reset(d2i_X509_REQ(nullptr, &p, long(data.size())));
    }
    takeOpenSslErrors();
    if (!csr)
        return ctx.fail(
            UsageOrValidation,
            QStringLiteral("%1 is not a certificate request (PEM or DER PKCS#10).").arg(csrPath));
    KeyStore store;
    InternalCa ca(store.dataDirectory());
    if (!ca.exists())
        return ctx.fail(UsageOrValidation,
                        QStringLiteral("The internal CA does not exist yet. Create it with "
                                       "'fedgatectl ca create'."));
    Result<X509Ptr> issued = ca.issue(csr.get(), validity);
    if (!issued)
        return failWith(ctx, store, issued.error());
    if (Status s = writeFileAtomically(parser.value(out), certificateToPem(issued.value().get()),
                                       FileMode::Public);
        !s)
        return ctx.fail(UsageOrValidation, s.error().message);
    const CertificateInfo info = CertificateInfo::of(issued.value().get());
    QJsonObject json = info.toJson();
    json.insert(QStringLiteral("file"), QFileInfo(parser.value(out)).absoluteFilePath());
    return ctx.succeed(QStringLiteral("Issued %1 to %2.\n").arg(info.subject, parser.value(out)) +
                           certificateText(info),
                       json);
}

const Registrar registrar{
    {QStringLiteral("cert"), QStringLiteral("request"),
     QStringLiteral("Make a key and CSR with the topology's names"), certRequest},
    {QStringLiteral("cert"), QStringLiteral("pending"),
     QStringLiteral("List, show, delete or write out pending requests"), certPending},
    {QStringLiteral("cert"), QStringLiteral("import"),
     QStringLiteral("Import a CA's answer and match it to its key"), certImport},
    {QStringLiteral("cert"), QStringLiteral("assign"),
     QStringLiteral("Assign a certificate to the external edge, internal edge or gateway"),
     certAssign},
    {QStringLiteral("cert"), QStringLiteral("show"),
     QStringLiteral("List certificates and assignments, or show one"), certShow},
    {QStringLiteral("cert"), QStringLiteral("check"),
     QStringLiteral("Check assigned certificates or a file"), certCheck},
    {QStringLiteral("cert"), QStringLiteral("export"),
     QStringLiteral("Export an assigned, exportable certificate as PKCS#12"), certExport},
    {QStringLiteral("ca"), QStringLiteral("create"),
     QStringLiteral("Create the deployment's internal CA"), caCreate},
    {QStringLiteral("ca"), QStringLiteral("issue"),
     QStringLiteral("Sign a CSR with the internal CA"), caIssue},
};

} // namespace

} // namespace fedgate::cli
