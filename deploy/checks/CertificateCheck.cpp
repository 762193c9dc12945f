// Certificates for the roles that run here: assigned (or the files the
// service configuration names), valid now, not expiring within 30 days (a
// warning), covering the names the topology needs. The lint is certs'
// own (CertificateLint), the one `fedgatectl cert check` runs.
#include "CheckContext.h"

#include "certs/CertificateNames.h"
#include "certs/KeyStore.h"

#include <QCoreApplication>

namespace fedgate::deploy::checks {

namespace {

// User-facing text: French in the wizard, which installs a translator;
// English in fedgatectl and fedgated, which install none.
QString tr(const char *text)
{
    return QCoreApplication::translate("CertificateCheck", text);
}

struct Interface
{
    certs::CertificateUsage usage;
    QString file;     // a certificate file given to fedgated; "" = the key store's
    QString namesFor; // the pool whose names it needs
};

QString requestFix(certs::CertificateUsage usage)
{
    const QString u = certs::toString(usage);
    return tr("Request a new one ('fedgatectl cert request --usage %1', with "
              "--immediate for the internal CA), import the CA's answer if it was "
              "delayed ('fedgatectl cert import'), then 'fedgatectl cert assign ID "
              "--usage %1' and 'fedgatectl service restart'.")
        .arg(u);
}

QString fixFor(const certs::CertificateFinding &finding, certs::CertificateUsage usage,
               const QString &file)
{
    if (!file.isEmpty())
        return tr("Replace %1 (given to fedgated in the service configuration) "
                  "with a certificate that passes 'fedgatectl cert check %1'.")
            .arg(file);
    if (finding.rule == u"expires-within-30-days" || finding.rule == u"expires-within-7-days")
        return tr("Renew it before it expires ('fedgatectl cert renew ID'), then "
                  "'fedgatectl cert assign ID --usage %1'.")
            .arg(certs::toString(usage));
    if (finding.rule == u"untrusted-root" || finding.rule == u"self-signed-external")
        return tr("Request a certificate from a CA the partners trust: 'fedgatectl "
                  "cert request --usage %1 --csr FILE', send FILE to the CA, then "
                  "'fedgatectl cert import' its answer and 'fedgatectl cert assign "
                  "ID --usage %1'.")
            .arg(certs::toString(usage));
    return requestFix(usage);
}

} // namespace

CheckResult checkCertificates(Context &context)
{
    const QString id = QStringLiteral("certificates");
    QString why;
    const topology::Topology *topology = context.topology(&why);
    if (!topology)
        return notChecked(id, tr("no topology to take the required names from (%1).").arg(why));
    const ServiceConfiguration &configuration = *context.configuration(nullptr);
    QList<Interface> interfaces;
    if (configuration.roles.runsEdge()) {
        const topology::EdgePool *pool = context.edgePool(&why);
        if (!pool)
            return notChecked(id, tr("no edge pool for this machine (%1).").arg(why));
        interfaces.append({certs::CertificateUsage::ExternalEdge,
                           configuration.engine.certificatePath, pool->fqdn});
        interfaces.append(
            {certs::CertificateUsage::InternalEdge, configuration.roles.internalCert, pool->fqdn});
    }
    if (configuration.roles.runsGateway()) {
        auto frontEnd = configuration.roles.selectFrontEndPool(configuration.engine, *topology);
        if (!frontEnd)
            return notChecked(
                id, tr("no front-end pool for the gateway (%1).").arg(frontEnd.error().message));
        interfaces.append(
            {certs::CertificateUsage::Gateway, configuration.roles.gatewayCert, frontEnd.value()});
    }

    CheckResult result = makeResult(id);
    const certs::KeyStore store(context.dataDirectory());
    QStringList seen;
    for (const Interface &i : interfaces) {
        const QString name = certs::displayName(i.usage);
        QString file = i.file;
        QString label;
        if (file.isEmpty()) {
            auto assignment = store.assignment(i.usage);
            if (!assignment) {
                fail(&result, assignment.error().message, requestFix(i.usage));
                continue;
            }
            if (!assignment.value()) {
                fail(&result, tr("No certificate is assigned to the %1 interface.").arg(name),
                     requestFix(i.usage));
                continue;
            }
            file = QStringLiteral("%1/assigned/%2.pem").arg(store.root(), certs::toString(i.usage));
            label = tr("%1: %2, valid until %3")
                        .arg(name, assignment.value()->friendlyName.isEmpty()
                                       ? assignment.value()->certificateId.left(12)
                                       : assignment.value()->friendlyName)
                        .arg(assignment.value()->info.notAfter.toString(Qt::ISODate));
        } else {
            label = QStringLiteral("%1: %2").arg(name, file);
        }
        certs::LintOptions options;
        options.usage = i.usage;
        auto required = certs::requiredNames(*topology, i.usage, i.namesFor);
        if (!required) {
            fail(&result, required.error().message, requestFix(i.usage));
            continue;
        }
        options.requiredNames = required.value();
        auto findings = store.checkFile(file, options);
        if (!findings) {
            fail(&result, findings.error().message,
                 i.file.isEmpty() ? requestFix(i.usage) : fixFor({}, i.usage, i.file));
            continue;
        }
        for (const certs::CertificateFinding &f : findings.value()) {
            const QString problem = QStringLiteral("%1 certificate: %2").arg(name, f.message);
            if (f.severity == topology::Severity::Error)
                fail(&result, problem, fixFor(f, i.usage, i.file));
            else
                warn(&result, problem, fixFor(f, i.usage, i.file));
        }
        seen << label;
    }
    result.detail = seen.join(QStringLiteral("; "));
    return result;
}

} // namespace fedgate::deploy::checks
