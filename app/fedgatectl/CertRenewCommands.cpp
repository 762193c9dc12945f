// fedgatectl cert unassign|renew: the two actions on a certificate already in
// the key store (KeyStore::unassign, KeyStore::renew); this file only turns
// options into calls and results into text or JSON.
#include "CertCliSupport.h"
#include "Cli.h"
#include "PublishedTopology.h"

#include "certs/KeyStore.h"

#include <QJsonObject>

namespace fedgate::cli {

namespace {

using namespace fedgate::certs;

// ---- cert unassign -----------------------------------------------------------

int certUnassign(Context &ctx)
{
    QCommandLineParser parser;
    const auto usage = valueOption(QStringLiteral("usage"),
                                   QStringLiteral("external, internal or gateway (required)."),
                                   QStringLiteral("USAGE"));
    parser.addOption(usage);
    if (!ctx.parse(parser, QStringLiteral("Remove the certificate assigned to an interface. The "
                                          "certificate stays in the key store.")))
        return ctx.exitCode();
    CertificateUsage u;
    int exitCode = Ok;
    if (!requiredUsageOption(ctx, parser, usage, &u, &exitCode))
        return exitCode;
    KeyStore store;
    Result<std::optional<Assignment>> current = store.assignment(u);
    if (!current)
        return failWith(ctx, store, current.error());
    if (Status s = store.unassign(u); !s)
        return failWith(ctx, store, s.error());
    const QString id = current.value()->certificateId;
    return ctx.succeed(
        QStringLiteral("Removed certificate %1 from the %2 interface; it stays in the key store "
                       "('fedgatectl cert show'). Restart the edge services: until a "
                       "certificate is assigned again the interface has none.\n")
            .arg(id, displayName(u)),
        QJsonObject{{QStringLiteral("usage"), toString(u)},
                    {QStringLiteral("certificateId"), id},
                    {QStringLiteral("assigned"), false}});
}

// ---- cert renew --------------------------------------------------------------

int certRenew(Context &ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption now(QStringLiteral("immediate"),
                                 QStringLiteral("Sign now with the internal CA (only when the "
                                                "internal CA issued the certificate)."));
    const auto csr = valueOption(QStringLiteral("csr"),
                                 QStringLiteral("Delayed renewal: write the CSR to FILE."),
                                 QStringLiteral("FILE"));
    parser.addOption(now);
    parser.addOption(csr);
    if (!ctx.parse(parser,
                   QStringLiteral("Make a new request with the names of an imported certificate "
                                  "and a fresh key. The certificate stays assigned until its "
                                  "renewal is imported and assigned."),
                   QStringLiteral("ID"), 1, 1))
        return ctx.exitCode();
    if (parser.isSet(now) && parser.isSet(csr))
        return ctx.fail(UsageOrValidation,
                        QStringLiteral("--csr is for delayed renewals; an immediate renewal is "
                                       "signed by the internal CA at once."));
    LoadedTopology loaded = loadTopology(ctx, QString(), false);
    if (loaded.failed)
        return loaded.exitCode;
    KeyStore store;
    Result<RequestOutcome> outcome =
        store.renew(parser.positionalArguments().first(),
                    parser.isSet(now) ? RequestMode::Immediate : RequestMode::Delayed,
                    parser.value(csr), loaded.topology ? &*loaded.topology : nullptr);
    if (!outcome)
        return failWith(ctx, store, outcome.error());
    const RequestOutcome &o = outcome.value();
    QJsonObject json = o.toJson();
    json.insert(QStringLiteral("renews"), parser.positionalArguments().first());
    QString text =
        QStringLiteral("Renewal request %1 (%2, %3 key):\n  CN=%4\n  SANs: %5\n")
            .arg(o.request.id, displayName(o.request.request.usage), o.request.keyDescription,
                 o.request.names.commonName, o.request.names.dnsNames.join(QStringLiteral(", ")));
    text += nextStepText(o);
    return ctx.succeed(text, json);
}

const Registrar registrar{
    {QStringLiteral("cert"), QStringLiteral("unassign"),
     QStringLiteral("Remove the certificate assigned to an interface (kept in the store)"),
     certUnassign},
    {QStringLiteral("cert"), QStringLiteral("renew"),
     QStringLiteral("Request a certificate again with the same names and a new key"), certRenew},
};

} // namespace

} // namespace fedgate::cli
