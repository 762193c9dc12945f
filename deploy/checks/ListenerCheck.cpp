// Listeners as planned: the sockets the operating system reports for
// fedgated against the listeners its configuration opens
// (ServiceConfiguration), as `fedgatectl service listeners` compares them.
#include "CheckContext.h"

#include "deploy/ListenerStatus.h"
#include "deploy/SocketTable.h"

#include <QCoreApplication>

namespace fedgate::deploy::checks {

namespace {

// User-facing text: French in the wizard, which installs a translator;
// English in fedgatectl and fedgated, which install none.
QString tr(const char *text)
{
    return QCoreApplication::translate("ListenerCheck", text);
}

} // namespace

CheckResult checkListeners(Context &context)
{
    const QString id = QStringLiteral("listeners");
    const ServiceState &state = context.service();
    if (!state.running)
        return notChecked(id, tr("fedgated is not running (see the service check)."));
    QString why;
    const topology::Topology *topology = context.topology(&why);
    if (!topology)
        return notChecked(id, tr("no topology to compute the listeners from (%1).").arg(why));
    CheckResult result = makeResult(id);
    auto expected = context.configuration(nullptr)->expectedListeners(*topology);
    if (!expected) {
        fail(&result,
             tr("Cannot tell which listeners this machine should have: %1")
                 .arg(expected.error().message),
             tr("Correct the service configuration %1, then 'fedgatectl service "
                "restart'.")
                 .arg(context.layout().configFile()));
        return result;
    }
    auto sockets = SocketTable::read();
    if (!sockets) {
        fail(&result, sockets.error().message, tr("Run the check as a user who may read /proc."));
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
                        ? tr("as planned: %1").arg(planned.join(QStringLiteral(", ")))
                        : QStringLiteral("planned: %1").arg(planned.join(QStringLiteral(", ")));
    return result;
}

} // namespace fedgate::deploy::checks
