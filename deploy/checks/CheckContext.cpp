#include "CheckContext.h"

#include "engine/control/ControlClient.h"
#include "topology/Paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostInfo>

namespace fedgate::deploy::checks {

namespace {

// User-facing text: French in the wizard, which installs a translator;
// English in fedgatectl and fedgated, which install none.
QString tr(const char *text)
{
    return QCoreApplication::translate("CheckContext", text);
}

QString titleOf(const QString &id)
{
    const QHash<QString, QString> titles{
        // not static: the language may change
        {QStringLiteral("service"), tr("Service running")},
        {QStringLiteral("replica"), tr("Local replica up to date")},
        {QStringLiteral("route"), tr("XMPP federation route")},
        {QStringLiteral("listeners"), tr("Listeners")},
        {QStringLiteral("link"), tr("Internal link")},
        {QStringLiteral("certificates"), tr("Certificates")},
        {QStringLiteral("dns"), tr("DNS records")},
        {QStringLiteral("partners"), tr("Partners reachable")}};
    return titles.value(id, id);
}

bool isMember(const topology::EdgePool &pool, const QString &host)
{
    for (const topology::EdgeServer &m : pool.members)
        if (m.internalFqdn.compare(host, Qt::CaseInsensitive) == 0 ||
            m.externalFqdn.compare(host, Qt::CaseInsensitive) == 0 ||
            m.internalFqdn.section(QLatin1Char('.'), 0, 0).compare(host, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

} // namespace

Context::Context(CheckOptions options)
    : m_options(std::move(options))
{
    const QString data =
        m_options.dataDirectory.isEmpty() ? fedgate::dataDir() : m_options.dataDirectory;
    m_layout = ServiceLayout::forDataDirectory(data);
    auto configuration = ServiceConfiguration::load(m_layout);
    if (configuration) {
        m_configuration = configuration.value();
        m_layout.control = m_configuration->engine.controlSocketPath;
    } else {
        m_configurationError = configuration.error().message;
    }
}

const ServiceState &Context::service()
{
    if (!m_service)
        m_service = ServiceSupervisor(m_layout).status();
    return *m_service;
}

const ServiceConfiguration *Context::configuration(QString *why) const
{
    if (!m_configuration && why)
        *why = m_configurationError;
    return m_configuration ? &*m_configuration : nullptr;
}

const topology::Topology *Context::topology(QString *why)
{
    if (!m_topologyLoaded) {
        m_topologyLoaded = true;
        if (!m_configuration) {
            m_topologyError = m_configurationError;
        } else if (m_configuration->engine.topologyFile.isEmpty() &&
                   !QFileInfo::exists(replicaPath())) {
            m_topologyError = tr("there is no local replica at %1").arg(replicaPath());
        } else {
            auto loaded = m_configuration->loadTopology();
            if (loaded)
                m_topology = loaded.value();
            else
                m_topologyError = loaded.error().message;
        }
    }
    if (!m_topology && why)
        *why = m_topologyError;
    return m_topology ? &*m_topology : nullptr;
}

const topology::EdgePool *Context::edgePool(QString *why)
{
    const topology::Topology *t = topology(why);
    if (!t)
        return nullptr;
    const engine::EngineConfig &engine = m_configuration->engine;
    if (engine.edgePool.isEmpty()) {
        const QString host =
            engine.edgeMember.isEmpty() ? QHostInfo::localHostName() : engine.edgeMember;
        for (const topology::EdgePool *pool : t->edgePools())
            if (isMember(*pool, host))
                return pool;
    }
    auto pool = engine.selectEdgePool(*t);
    if (!pool) {
        if (why)
            *why = pool.error().message;
        return nullptr;
    }
    return pool.value();
}

QString Context::replicaPath() const
{
    if (m_configuration && !m_configuration->engine.replicaPath.isEmpty())
        return m_configuration->engine.replicaPath;
    return QDir(dataDirectory()).filePath(QStringLiteral("replica.sqlite"));
}

QJsonObject Context::control(const QJsonObject &request, int timeoutMs, QString *why) const
{
    auto answer = engine::ControlClient::request(m_layout.controlSocket(), request, timeoutMs);
    if (!answer) {
        *why = answer.error().message;
        return {};
    }
    return answer.value();
}

CheckResult makeResult(const QString &id)
{
    CheckResult result;
    result.id = id;
    result.title = titleOf(id);
    result.status = CheckStatus::Pass;
    return result;
}

CheckResult notChecked(const QString &id, const QString &why)
{
    CheckResult result = makeResult(id);
    result.status = CheckStatus::NotChecked;
    result.detail = why;
    return result;
}

void fail(CheckResult *result, const QString &problem, const QString &fix)
{
    result->findings.append({problem, fix});
    result->status = CheckStatus::Fail;
}

void warn(CheckResult *result, const QString &problem, const QString &fix)
{
    result->findings.append({problem, fix});
    if (result->status == CheckStatus::Pass)
        result->status = CheckStatus::Warning;
}

} // namespace fedgate::deploy::checks
