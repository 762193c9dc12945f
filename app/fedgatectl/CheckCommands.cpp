// fedgatectl check: the deployment's troubleshooting checklist, automated
// (deploy/Checklist), as `prosodyctl check` does it: one line per check,
// then each problem with its fix. Exit 0 only when every check passes
// (warnings allowed).
#include "Cli.h"

#include "deploy/Checklist.h"
#include "topology/DnsServerAddress.h"
#include "topology/Paths.h"

#include <QCommandLineParser>

namespace fedgate::cli {

namespace {

using deploy::Checklist;
using deploy::CheckResult;
using deploy::CheckStatus;

QString label(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Pass:
        return QStringLiteral("PASS");
    case CheckStatus::Fail:
        return QStringLiteral("FAIL");
    case CheckStatus::Warning:
        return QStringLiteral("WARN");
    case CheckStatus::NotChecked:
        break;
    }
    return QStringLiteral("NOT CHECKED");
}

void print(Context &ctx, const CheckResult &r)
{
    ctx.out() << QStringLiteral("%1 %2").arg(label(r.status).leftJustified(12), r.title);
    if (!r.detail.isEmpty())
        ctx.out() << QStringLiteral(": ") << r.detail;
    ctx.out() << '\n';
    for (const deploy::CheckFinding &f : r.findings)
        ctx.out() << QStringLiteral("             PROBLEM: %1\n             Fix: %2\n")
                         .arg(f.problem, f.fix);
    ctx.out().flush();
}

int check(Context &ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption dnsServer(
        QStringLiteral("dns-server"),
        QStringLiteral("Check the DNS records against this name server (ADDRESS or "
                       "ADDRESS:PORT) instead of the system resolver."),
        QStringLiteral("ADDRESS[:PORT]"));
    const QCommandLineOption only(QStringLiteral("only"),
                                  QStringLiteral("Run only these checks (comma-separated): %1.")
                                      .arg(Checklist::checkIds().join(QStringLiteral(", "))),
                                  QStringLiteral("ID,..."));
    const QCommandLineOption timeout(
        QStringLiteral("ping-timeout"),
        QStringLiteral("Seconds each partner's federation ping may take (default 10)."),
        QStringLiteral("SECONDS"), QStringLiteral("10"));
    parser.addOptions({dnsServer, only, timeout});
    if (!ctx.parse(parser,
                   QStringLiteral("Run the deployment's checklist: service running, local replica "
                                  "up to date, XMPP federation route, listeners, internal link, "
                                  "certificates, DNS records and a federation ping to each "
                                  "partner. Each problem comes with its fix. Exit 0 when "
                                  "everything passes (warnings allowed), 1 otherwise.")))
        return ctx.exitCode();

    deploy::CheckOptions options;
    options.dataDirectory = dataDir();
    if (parser.isSet(dnsServer)) {
        QString error;
        if (!topology::DnsServerAddress::parse(parser.value(dnsServer), &error))
            return ctx.fail(UsageOrValidation, QStringLiteral("--dns-server: %1").arg(error));
        options.dnsServer = parser.value(dnsServer);
    }
    bool ok = false;
    const int seconds = parser.value(timeout).toInt(&ok);
    if (!ok || seconds < 1 || seconds > 120)
        return ctx.fail(UsageOrValidation,
                        QStringLiteral("--ping-timeout needs a number of seconds from 1 to 120."));
    options.pingTimeoutMs = seconds * 1000;
    const QStringList known = Checklist::checkIds();
    for (const QString &id : parser.value(only).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString trimmed = id.trimmed().toLower();
        if (!known.contains(trimmed))
            return ctx.fail(UsageOrValidation,
                            QStringLiteral("--only: there is no check '%1'. The checks are: %2.")
                                .arg(id.trimmed(), known.join(QStringLiteral(", "))));
        options.only << trimmed;
    }

    const QList<CheckResult> results = Checklist::run(options, [&ctx](const CheckResult &r) {
        if (!ctx.json())
            print(ctx, r);
    });
    const bool passed = Checklist::allPassed(results);
    if (ctx.json()) {
        ctx.printJson(Checklist::toJson(results));
    } else {
        int failed = 0;
        for (const CheckResult &r : results)
            failed += r.status == CheckStatus::Fail || r.status == CheckStatus::NotChecked;
        ctx.out() << '\n'
                  << (passed ? QStringLiteral("Everything checked passes.")
                             : QStringLiteral("%1 of %2 checks did not pass.")
                                   .arg(failed)
                                   .arg(results.size()))
                  << '\n';
        ctx.out().flush();
    }
    return passed ? Ok : UsageOrValidation;
}

const Registrar registrar{
    {QStringLiteral("check"), QString(),
     QStringLiteral("Run the deployment checklist: service, replica, route, listeners, link, "
                    "certificates, DNS, partners"),
     check},
};

} // namespace

} // namespace fedgate::cli
