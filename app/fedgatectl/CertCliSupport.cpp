// Output and option helpers shared by the fedgatectl cert commands.
#include "CertCliSupport.h"

#include <QFileInfo>

namespace fedgate::cli {

using namespace fedgate::certs;

// Certificate errors often name the file by its base name only.
QString describeCertError(const Error &error)
{
    if (error.line == 0 && !error.source.isEmpty() &&
        error.message.contains(QFileInfo(error.source).fileName()))
        return error.message;
    return describeError(error);
}

// Input problems are the user's to fix (exit 1); failures of the key store's
// own files are exit 2.
int failWith(Context &ctx, const KeyStore &store, const Error &error)
{
    return ctx.fail(store.isStoreError(error) ? StoreError : UsageOrValidation,
                    describeCertError(error));
}

QJsonArray findingsJson(const QList<CertificateFinding> &findings)
{
    QJsonArray array;
    for (const CertificateFinding &f : findings)
        array.append(f.toJson());
    return array;
}

QString findingsText(const QList<CertificateFinding> &findings)
{
    if (findings.isEmpty())
        return QStringLiteral("Check: no findings.\n");
    QString text;
    for (const CertificateFinding &f : findings)
        text += QStringLiteral("  %1 [%2] %3\n")
                    .arg(topology::toString(f.severity).leftJustified(7), f.rule, f.message);
    return text;
}

bool parseUsageOption(Context &ctx, const QString &text, CertificateUsage *usage, int *exitCode)
{
    if (parseUsage(text, usage))
        return true;
    *exitCode = ctx.fail(
        UsageOrValidation,
        QStringLiteral("Unknown usage '%1': use external (the public interface, "
                       "5269), internal (the edge's side of the 23456 link) or gateway (the "
                       "gateway's side of the link and its clients on 5222).")
            .arg(text));
    return false;
}

QString nextStepText(const RequestOutcome &o)
{
    QString text;
    if (!o.csrWrittenTo.isEmpty())
        text += QStringLiteral("CSR written to %1. Send it to your CA, then import its answer "
                               "with 'fedgatectl cert import FILE'.\n")
                    .arg(o.csrWrittenTo);
    else if (!o.issued)
        text += QStringLiteral("Write the CSR with 'fedgatectl cert pending %1 --csr FILE'.\n")
                    .arg(o.request.id);
    if (o.issued)
        text += QStringLiteral("Signed by the internal CA and imported as certificate %1. Assign "
                               "it with 'fedgatectl cert assign %1 --usage %2'.\n")
                    .arg(o.issued->certificate.id, toString(o.request.request.usage)) +
                findingsText(o.issued->findings);
    return text;
}

bool requiredUsageOption(Context &ctx, const QCommandLineParser &parser,
                         const QCommandLineOption &option, CertificateUsage *usage, int *exitCode)
{
    if (!parser.isSet(option)) {
        *exitCode = ctx.fail(UsageOrValidation,
                             QStringLiteral("Say which interface: --usage external or --usage "
                                            "internal or --usage gateway."));
        return false;
    }
    return parseUsageOption(ctx, parser.value(option), usage, exitCode);
}

} // namespace fedgate::cli
