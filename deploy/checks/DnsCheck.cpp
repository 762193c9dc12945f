// DNS records as planned: the topology's external records (with the
// edge's TLSA when a certificate is assigned), checked live as `fedgatectl
// dns check` does, against CheckOptions::dnsServer or the system resolver.
// The result is saved as the last DNS check (`fedgatectl dns check
// --last`, the wizard's DNS page).
#include "CheckContext.h"

#include "certs/DaneKeys.h"
#include "certs/KeyStore.h"
#include "topology/DnsChecker.h"
#include "topology/DnsRecordPlan.h"

#include <QCoreApplication>
#include <QDir>

namespace fedgate::deploy::checks {

namespace {

// User-facing text: French in the wizard, which installs a translator;
// English in fedgatectl and fedgated, which install none.
QString tr(const char *text)
{
    return QCoreApplication::translate("DnsCheck", text);
}

QString fixFor(const topology::DnsFinding &finding)
{
    QStringList steps;
    if (!finding.create.isEmpty())
        steps << tr("create %1").arg(finding.create.join(tr(" and ")));
    if (!finding.remove.isEmpty())
        steps << tr("delete %1").arg(finding.remove.join(tr(" and ")));
    if (finding.rule.startsWith(QLatin1String("server-")))
        return tr("Check that the name server answers, or give the one that serves "
                  "the zone with --dns-server; then 'fedgatectl dns check'.");
    if (steps.isEmpty())
        return tr("Correct the records as the problem says, then check again with "
                  "'fedgatectl dns check'.");
    return tr("In the external DNS zone, %1; then check again with 'fedgatectl dns "
              "check'.")
        .arg(steps.join(QStringLiteral(", ")));
}

} // namespace

CheckResult checkDns(Context &context)
{
    const QString id = QStringLiteral("dns");
    QString why;
    const topology::Topology *topology = context.topology(&why);
    if (!topology)
        return notChecked(id, tr("no topology to plan the records from (%1).").arg(why));
    CheckResult result = makeResult(id);
    topology::DnsChecker::Options options;
    if (!context.options().dnsServer.isEmpty()) {
        QString error;
        const auto server = topology::DnsServerAddress::parse(context.options().dnsServer, &error);
        if (!server) {
            fail(&result, QStringLiteral("--dns-server: %1").arg(error),
                 tr("Give the name server as ADDRESS or ADDRESS:PORT."));
            return result;
        }
        options.server = *server;
    }
    topology::DnsRecordPlan plan = topology::DnsRecordPlan::fromTopology(*topology);
    plan.addDaneKeys(certs::edgeDaneKeys(certs::KeyStore(context.dataDirectory())));
    topology::DnsCheckReport report = topology::DnsChecker::check(plan, options);
    report.source = tr("the topology fedgated runs (fedgatectl check)");
    topology::saveLastDnsCheck(
        report, nullptr, QDir(context.dataDirectory()).filePath(QStringLiteral("dns-check.json")));
    for (const topology::DnsFinding &f : report.findings)
        fail(&result, f.message, fixFor(f));
    for (const QString &note : plan.notes())
        fail(&result, note,
             tr("Complete the topology as the note says, publish it and import it "
                "here ('fedgatectl topology import')."));
    int ok = 0;
    int checked = 0;
    for (const topology::DnsCheckResult &r : report.results) {
        if (r.status == topology::DnsCheckStatus::NotChecked)
            continue;
        ++checked;
        ok += r.status == topology::DnsCheckStatus::Ok;
    }
    if (!report.allOk() && report.findings.isEmpty())
        fail(&result,
             tr("%1 of %2 planned records are not as planned.").arg(checked - ok).arg(checked),
             tr("See each record with 'fedgatectl dns check'."));
    result.detail =
        tr("%1 of %2 planned external records found as planned%3 "
           "(asked %4)")
            .arg(ok)
            .arg(checked)
            .arg(result.findings.isEmpty() ? QString()
                                           : tr(", %1 problem(s)").arg(result.findings.size()))
            .arg(report.server);
    return result;
}

} // namespace fedgate::deploy::checks
