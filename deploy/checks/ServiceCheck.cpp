// Service running: the supervisor's pid file and the control socket's
// "status" answer, as `fedgatectl service status` shows them.
#include "CheckContext.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace fedgate::deploy::checks {

namespace {

// User-facing text: French in the wizard, which installs a translator;
// English in fedgatectl and fedgated, which install none.
QString tr(const char *text)
{
    return QCoreApplication::translate("ServiceCheck", text);
}

} // namespace

CheckResult checkService(Context &context)
{
    CheckResult result = makeResult(QStringLiteral("service"));
    QString why;
    if (!context.configuration(&why))
        fail(&result, tr("The service configuration cannot be used: %1").arg(why),
             tr("Correct the \"arguments\" array of %1 (fedgated's command line), "
                "then restart fedgated ('fedgatectl service restart').")
                 .arg(context.layout().configFile()));
    const ServiceState &state = context.service();
    if (!state.running) {
        fail(&result,
             tr("fedgated is not running (data directory %1).").arg(context.dataDirectory()),
             tr("Start it with 'fedgatectl service start'; if it stops again, read "
                "why in 'fedgatectl service log'."));
        result.detail = tr("fedgated is not running");
        return result;
    }
    if (!state.answering) {
        fail(&result,
             tr("fedgated runs (pid %1) but does not answer on its control socket "
                "%2.")
                 .arg(state.pid)
                 .arg(context.layout().controlSocket()),
             tr("Read its log ('fedgatectl service log'), then restart it "
                "('fedgatectl service restart')."));
        result.detail = tr("pid %1, not answering").arg(state.pid);
        return result;
    }
    QStringList roles;
    for (const QJsonValue &r : state.engine.value(QStringLiteral("roles")).toArray())
        roles << r.toString();
    result.detail =
        tr("fedgated %1 runs (pid %2, up %3 s, roles %4, topology "
           "version %5)")
            .arg(state.engine.value(QStringLiteral("version")).toString())
            .arg(state.pid)
            .arg(state.uptimeSeconds)
            .arg(roles.isEmpty() ? QStringLiteral("unknown") : roles.join(QStringLiteral(", ")))
            .arg(state.engine.value(QStringLiteral("topologyVersion")).toInt());
    return result;
}

} // namespace fedgate::deploy::checks
