// Each partner reachable: a federation ping (XEP-0199) to every partner's
// primary domain through the running engine's control socket, as
// `fedgatectl ping DOMAIN` sends it. At most kParallel pings at once, each
// bounded by CheckOptions::pingTimeoutMs.
#include "CheckContext.h"

#include <future>
#include <vector>

#include <QCoreApplication>

namespace fedgate::deploy::checks {

namespace {

// User-facing text: French in the wizard, which installs a translator;
// English in fedgatectl and fedgated, which install none.
QString tr(const char *text)
{
    return QCoreApplication::translate("PartnerCheck", text);
}

constexpr int kParallel = 8;

struct Pong
{
    bool ok = false;
    QString detail;
    qint64 rttMs = -1;
};

Pong ping(const Context &context, const QString &domain, int timeoutMs)
{
    QString why;
    const QJsonObject answer = context.control({{QStringLiteral("command"), QStringLiteral("ping")},
                                                {QStringLiteral("domain"), domain},
                                                {QStringLiteral("timeoutMs"), timeoutMs}},
                                               timeoutMs + 5000, &why);
    if (answer.isEmpty())
        return {false, why, -1};
    return {answer.value(QStringLiteral("ok")).toBool(),
            answer.value(QStringLiteral("detail")).toString(),
            answer.value(QStringLiteral("rttMs")).toInteger(-1)};
}

} // namespace

CheckResult checkPartners(Context &context)
{
    const QString id = QStringLiteral("partners");
    QString why;
    const topology::Topology *topology = context.topology(&why);
    if (!topology)
        return notChecked(id, tr("no topology to list the partners from (%1).").arg(why));
    if (!context.configuration(nullptr)->roles.runsEdge()) {
        // Not a failed prerequisite: this machine has no federation to test.
        CheckResult result = makeResult(id);
        result.detail = tr("not applicable: only the gateway runs here; the edge's "
                           "machine pings the partners ('fedgatectl check' there)");
        return result;
    }
    const ServiceState &state = context.service();
    if (!state.answering)
        return notChecked(id, tr("fedgated does not answer (see the service check)."));
    CheckResult result = makeResult(id);
    const int timeoutMs = std::clamp(context.options().pingTimeoutMs, 1000, 120000);
    QStringList domains;
    for (const topology::XmppPartner &p : topology->partners)
        domains << p.domain;
    QStringList reached;
    for (qsizetype first = 0; first < domains.size(); first += kParallel) {
        std::vector<std::future<Pong>> batch;
        const qsizetype end = std::min<qsizetype>(first + kParallel, domains.size());
        for (qsizetype i = first; i < end; ++i)
            batch.push_back(
                std::async(std::launch::async, ping, std::cref(context), domains.at(i), timeoutMs));
        for (qsizetype i = first; i < end; ++i) {
            const Pong pong = batch.at(size_t(i - first)).get();
            const QString &domain = domains.at(i);
            if (pong.ok) {
                reached << QStringLiteral("%1 (%2 ms)").arg(domain).arg(pong.rttMs);
                continue;
            }
            fail(&result,
                 tr("Partner %1 does not answer a federation ping: %2").arg(domain, pong.detail),
                 tr("Follow the ping step by step with 'fedgatectl ping %1' and read "
                    "'fedgatectl service log'; check that the partner's server runs "
                    "and that its DNS SRV records (_xmpp-server._tcp.%1) point to "
                    "it.")
                     .arg(domain));
        }
    }
    result.detail = domains.isEmpty()
                        ? tr("the topology names no partner")
                        : QStringLiteral("%1 of %2 answered%3")
                              .arg(reached.size())
                              .arg(domains.size())
                              .arg(reached.isEmpty()
                                       ? QString()
                                       : QStringLiteral(": ") + reached.join(QStringLiteral(", ")));
    return result;
}

} // namespace fedgate::deploy::checks
