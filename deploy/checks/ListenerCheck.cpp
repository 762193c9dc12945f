// Listeners as planned: the sockets the operating system reports for
// fedgated against the listeners its configuration opens
// (ServiceConfiguration), as `fedgatectl service listeners` compares them.
#include "CheckContext.h"

#include "deploy/ListenerStatus.h"
#include "deploy/SocketTable.h"

namespace fedgate::deploy::checks {

CheckResult checkListeners(Context &context)
{
    const QString id = QStringLiteral("listeners");
    const ServiceState &state = context.service();
    if (!state.running)
        return notChecked(id, QStringLiteral("fedgated is not running (see the service check)."));
    QString why;
    const topology::Topology *topology = context.topology(&why);
    if (!topology)
        return notChecked(
            id, QStringLiteral("no topology to compute the listeners from (%1).").arg(why));
    CheckResult result = makeResult(id);
    auto expected = context.configuration(nullptr)->expectedListeners(*topology);
    if (!expected) {
        fail(&result,
             QStringLiteral("Cannot tell which listeners this machine should have: %1")
                 .arg(expected.error().message),
             QStringLiteral("Correct the service configuration %1, then 'fedgatectl service "
                            "restart'.")
                 .arg(context.layout().configFile()));
        return result;
    }
    auto sockets = SocketTable::read();
    if (!sockets) {
        fail(&result, sockets.error().message,
             QStringLiteral("Run the check as a user who may read /proc."));
        return result;
    }
    const QSet<qint64> pids{state.pid};
    for (const ListenerFinding &f :
         ListenerStatus::compare(sockets.value(), expected.value(), pids))
        fail(&result, f.problem, f.fix);
    QStringList planned;
    for (const ExpectedListener &l : expected.value())
        planned << QStringLiteral("%1 %2").arg(endpointText(l.address, l.port),
                                               describe(l.purpose));
    result.detail = result.status == CheckStatus::Pass
                        ? QStringLiteral("as planned: %1").arg(planned.join(QStringLiteral(", ")))
                        : QStringLiteral("planned: %1").arg(planned.join(QStringLiteral(", ")));
    return result;
}

} // namespace fedgate::deploy::checks
