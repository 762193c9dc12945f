#include "DeploymentTarget.h"

#include "ServiceConfiguration.h"

#include "topology/CentralStore.h"
#include "topology/SqlConnection.h"
#include "topology/TopologyDocument.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHostInfo>

namespace fedgate::deploy {

namespace {

// User-facing text: French in the wizard, which installs a translator;
// English in fedgatectl and fedgated, which install none.
QString tr(const char *text)
{
    return QCoreApplication::translate("DeploymentTarget", text);
}

Error answerError(const QString &key, const QString &message, const QString &source = {})
{
    return Error{tr("%1: %2").arg(key, message), source};
}

Status loadTopology(const QString &dataDirectory, const DeploymentAnswers &answers,
                    DeploymentTarget *t)
{
    if (!answers.topologyFile.isEmpty()) {
        int version = 0;
        auto topology = topology::TopologyDocument::readFile(answers.topologyFile, &version);
        if (!topology)
            return answerError(QStringLiteral("topologyFile"), topology.error().toString(),
                               answers.topologyFile);
        if (version <= 0)
            return answerError(QStringLiteral("topologyFile"),
                               tr("%1 is not an exported published topology (it carries no "
                                  "\"publishedVersion\"). Publish it ('fedgatectl topology publish "
                                  "--file %1') and answer \"store\" instead (or leave both out for "
                                  "the default central store), or import an export of a published "
                                  "version ('fedgatectl topology export --output FILE').")
                                   .arg(answers.topologyFile),
                               answers.topologyFile);
        t->topology = std::move(topology).value();
        t->version = version;
        t->source = answers.topologyFile;
        t->sourceLabel = answers.topologyFile;
        t->fromFile = true;
        return {};
    }
    const QString location = answers.store.isEmpty()
                                 ? QDir::cleanPath(dataDirectory) + QStringLiteral("/cms.sqlite")
                                 : answers.store;
    if (!topology::SqlConnection::isPostgresUrl(location) && !QFileInfo::exists(location))
        return answerError(QStringLiteral("store"),
                           tr("there is no central store at %1. Publish a topology "
                              "first ('fedgatectl topology publish --file FILE'), "
                              "or answer \"store\" or \"topologyFile\".")
                               .arg(location),
                           location);
    auto store = topology::CentralStore::open(location);
    if (!store)
        return answerError(QStringLiteral("store"), store.error().message, location);
    auto latest = store.value()->latestVersion();
    if (!latest)
        return answerError(QStringLiteral("store"), latest.error().message, location);
    if (latest.value() == 0)
        return answerError(QStringLiteral("store"),
                           tr("nothing is published in the central store at %1 yet. "
                              "Publish first ('fedgatectl topology publish').")
                               .arg(store.value()->location()),
                           location);
    if (answers.version > latest.value())
        return answerError(QStringLiteral("version"),
                           tr("version %1 does not exist; the central store at %2 "
                              "holds versions 1 to %3.")
                               .arg(answers.version)
                               .arg(store.value()->location())
                               .arg(latest.value()),
                           location);
    t->version = answers.version > 0 ? answers.version : latest.value();
    auto topology = store.value()->topology(t->version);
    if (!topology)
        return answerError(QStringLiteral("store"), topology.error().message, location);
    t->topology = std::move(topology).value();
    t->source = location;
    t->sourceLabel = store.value()->location();
    return {};
}

bool sameHost(const QString &fqdn, const QString &host)
{
    return !fqdn.isEmpty() &&
           (fqdn.compare(host, Qt::CaseInsensitive) == 0 ||
            fqdn.section(QLatin1Char('.'), 0, 0).compare(host, Qt::CaseInsensitive) == 0);
}

// Which edge server and/or front-end pool member `host` is.
Status findMachine(const QString &host, bool hostGiven, DeploymentTarget *t,
                   const topology::EdgePool **edgePool, QString *frontEndPool)
{
    QStringList candidates;
    for (const topology::Site &site : t->topology.sites) {
        for (const topology::EdgePool &pool : site.edgePools)
            for (const topology::EdgeServer &member : pool.members) {
                candidates << tr("%1 (edge server of %2)").arg(member.internalFqdn, pool.fqdn);
                if (!*edgePool && sameHost(member.internalFqdn, host)) {
                    *edgePool = &pool;
                    t->edgeMember = member.internalFqdn;
                }
            }
        for (const topology::FrontEndPool &pool : site.frontEndPools)
            for (const QString &member : pool.members) {
                candidates << tr("%1 (front-end pool %2)").arg(member, pool.fqdn);
                if (frontEndPool->isEmpty() && sameHost(member, host)) {
                    *frontEndPool = pool.fqdn;
                    if (t->machine.isEmpty())
                        t->machine = member;
                }
            }
    }
    if (!t->edgeMember.isEmpty())
        t->machine = t->edgeMember;
    if (!t->machine.isEmpty())
        return {};
    return answerError(
        QStringLiteral("machine"),
        tr("%1 '%2' is neither an edge server nor a front-end pool "
           "member in topology version %3. Answer \"machine\" with "
           "one of: %4.")
            .arg(hostGiven ? tr("the machine") : tr("this machine's host name"), host)
            .arg(t->version)
            .arg(candidates.join(QStringLiteral(", "))));
}

bool hasOption(const QStringList &arguments, const QString &option)
{
    for (const QString &a : arguments)
        if (a == option || a.startsWith(option + QLatin1Char('=')))
            return true;
    return false;
}

} // namespace

Result<DeploymentTarget> DeploymentTarget::resolve(const QString &dataDirectory,
                                                   const DeploymentAnswers &answers)
{
    DeploymentTarget t;
    t.dataDirectory = QDir::cleanPath(dataDirectory);
    t.replicaPath = t.dataDirectory + QStringLiteral("/replica.sqlite");
    t.passwordsFile = answers.passwordsFile;
    if (Status s = loadTopology(t.dataDirectory, answers, &t); !s)
        return s.error();

    const QString host = answers.machine.isEmpty() ? QHostInfo::localHostName() : answers.machine;
    const topology::EdgePool *edgePool = nullptr;
    QString frontEndPool;
    if (Status s = findMachine(host, !answers.machine.isEmpty(), &t, &edgePool, &frontEndPool); !s)
        return s.error();

    QStringList roles = answers.roles;
    if (roles.isEmpty()) {
        if (edgePool)
            roles << QStringLiteral("edge");
        if (!frontEndPool.isEmpty())
            roles << QStringLiteral("gateway");
    }
    const bool edge = roles.contains(QStringLiteral("edge"));
    const bool gateway = roles.contains(QStringLiteral("gateway"));
    if (edge) {
        t.roles << QStringLiteral("edge");
        if (!edgePool)
            return answerError(QStringLiteral("roles"),
                               tr("lists \"edge\", but %1 is not an edge server in "
                                  "topology version %2.")
                                   .arg(t.machine)
                                   .arg(t.version));
        if (!edgePool->xmppFederation)
            return answerError(QStringLiteral("machine"),
                               tr("%1 is a member of edge pool %2, which does not "
                                  "have XMPP federation enabled. Enable it in the "
                                  "topology and publish again.")
                                   .arg(t.machine, edgePool->fqdn));
        t.edgePool = edgePool->fqdn;
    }
    if (gateway) {
        t.roles << QStringLiteral("gateway");
        t.frontEndPool = !frontEndPool.isEmpty() ? frontEndPool
                         : edgePool              ? edgePool->nextHopPool
                                                 : QString();
        if (t.frontEndPool.isEmpty())
            return answerError(QStringLiteral("roles"),
                               tr("lists \"gateway\", but %1 is not a front-end pool "
                                  "member and its edge pool names no next-hop "
                                  "front-end pool.")
                                   .arg(t.machine));
    }

    for (certs::CertificateUsage usage : certs::allUsages()) {
        const bool needed = usage == certs::CertificateUsage::Gateway ? gateway : edge;
        if (needed || answers.certificate(certs::toString(usage)))
            t.certificateUsages << usage;
    }

    QStringList generated{QStringLiteral("--role"), edge && gateway ? QStringLiteral("all")
                                                    : edge          ? QStringLiteral("edge")
                                                                    : QStringLiteral("gateway")};
    if (edge)
        generated << QStringLiteral("--edge-pool") << t.edgePool << QStringLiteral("--edge-member")
                  << t.edgeMember;
    if (gateway)
        generated << QStringLiteral("--front-end-pool") << t.frontEndPool;
    for (int i = 0; i + 1 < generated.size(); i += 2)
        if (!hasOption(answers.serviceArguments, generated.at(i)))
            t.serviceArguments << generated.at(i) << generated.at(i + 1);
    t.serviceArguments += answers.serviceArguments;

    auto configuration = ServiceConfiguration::fromArguments(t.serviceArguments, t.dataDirectory);
    if (!configuration)
        return answerError(QStringLiteral("serviceArguments"), configuration.error().message);
    t.gatewayStore = configuration.value().roles.gatewayDatabase.isEmpty()
                         ? t.dataDirectory + QStringLiteral("/gateway.db")
                         : configuration.value().roles.gatewayDatabase;
    auto listeners = configuration.value().expectedListeners(t.topology);
    if (!listeners)
        return answerError(QStringLiteral("serviceArguments"), listeners.error().message);
    t.listeners = listeners.value();
    return t;
}

} // namespace fedgate::deploy
