// Internal link established: the gateway connected to the edge over the
// mutual-TLS link (23456), in the engine's session table.
#include "CheckContext.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace fedgate::deploy::checks {

namespace {

// User-facing text: French in the wizard, which installs a translator;
// English in fedgatectl and fedgated, which install none.
QString tr(const char *text)
{
    return QCoreApplication::translate("LinkCheck", text);
}

} // namespace

CheckResult checkLink(Context &context)
{
    const QString id = QStringLiteral("link");
    QString why;
    const ServiceConfiguration *configuration = context.configuration(&why);
    if (!configuration)
        return notChecked(id, tr("the service configuration cannot be used (%1).").arg(why));
    const ServiceState &state = context.service();
    if (!state.answering)
        return notChecked(id, tr("fedgated does not answer (see the service check)."));
    CheckResult result = makeResult(id);
    const QJsonObject answer =
        context.control({{QStringLiteral("command"), QStringLiteral("sessions")}}, 10000, &why);
    if (answer.isEmpty()) {
        fail(&result, tr("fedgated did not list its sessions: %1").arg(why),
             tr("Read its log with 'fedgatectl service log'."));
        return result;
    }
    QStringList established;
    int links = 0;
    for (const QJsonValue &v : answer.value(QStringLiteral("sessions")).toArray()) {
        const QJsonObject s = v.toObject();
        if (s.value(QStringLiteral("kind")).toString() != u"link")
            continue;
        ++links;
        if (s.value(QStringLiteral("state")).toString() == u"established")
            established << QStringLiteral("%1 (%2)").arg(
                s.value(QStringLiteral("remoteDomain")).toString(),
                s.value(QStringLiteral("remoteAddress")).toString());
    }
    const bool gatewayHere = configuration->roles.runsGateway();
    if (!established.isEmpty()) {
        result.detail =
            QStringLiteral("established: %1").arg(established.join(QStringLiteral(", ")));
        return result;
    }
    if (gatewayHere) {
        fail(&result,
             links == 0 ? tr("The gateway is not connected to the edge over the "
                             "internal link.")
                        : tr("The internal link between the gateway and the edge is "
                             "not established (%1 attempt(s) in progress).")
                              .arg(links),
             tr("Read why in 'fedgatectl service log' (usually a certificate the "
                "other side refuses: 'fedgatectl cert check'), and check that the "
                "edge's link listener is open with 'fedgatectl service "
                "listeners'."));
        result.detail = tr("no established link");
        return result;
    }
    // Only the edge runs here: the gateway connects from its own machine.
    warn(&result, tr("No gateway is connected to this edge's internal link yet."),
         tr("Run 'fedgatectl check' on the gateway's machine."));
    result.detail = tr("edge only: no gateway connected");
    return result;
}

} // namespace fedgate::deploy::checks
