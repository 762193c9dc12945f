// Service running: the supervisor's pid file and the control socket's
// "status" answer, as `fedgatectl service status` shows them.
#include "CheckContext.h"

#include <QJsonArray>

namespace fedgate::deploy::checks {

CheckResult checkService(Context &context)
{
    CheckResult result = makeResult(QStringLiteral("service"));
    QString why;
    if (!context.configuration(&why))
        fail(&result, QStringLiteral("The service configuration cannot be used: %1").arg(why),
             QStringLiteral("Correct the \"arguments\" array of %1 (fedgated's command line), "
                            "then restart fedgated ('fedgatectl service restart').")
                 .arg(context.layout().configFile()));
    const ServiceState &state = context.service();
    if (!state.running) {
        fail(&result,
             QStringLiteral("fedgated is not running (data directory %1).")
                 .arg(context.dataDirectory()),
             QStringLiteral("Start it with 'fedgatectl service start'; if it stops again, read "
                            "why in 'fedgatectl service log'."));
        result.detail = QStringLiteral("fedgated is not running");
        return result;
    }
    if (!state.answering) {
        fail(&result,
             QStringLiteral("fedgated runs (pid %1) but does not answer on its control socket "
                            "%2.")
                 .arg(state.pid)
                 .arg(context.layout().controlSocket()),
             QStringLiteral("Read its log ('fedgatectl service log'), then restart it "
                            "('fedgatectl service restart')."));
        result.detail = QStringLiteral("pid %1, not answering").arg(state.pid);
        return result;
    }
    QStringList roles;
    for (const QJsonValue &r : state.engine.value(QStringLiteral("roles")).toArray())
        roles << r.toString();
    result.detail =
        QStringLiteral("fedgated %1 runs (pid %2, up %3 s, roles %4, topology "
                       "version %5)")
            .arg(state.engine.value(QStringLiteral("version")).toString())
            .arg(state.pid)
            .arg(state.uptimeSeconds)
            .arg(roles.isEmpty() ? QStringLiteral("unknown") : roles.join(QStringLiteral(", ")))
            .arg(state.engine.value(QStringLiteral("topologyVersion")).toInt());
    return result;
}

} // namespace fedgate::deploy::checks
