#include "Deployer.h"

#include "DeploymentLog.h"
#include "DeploymentTarget.h"
#include "ServiceManager.h"
#include "ServiceSupervisor.h"

#include "certs/CertificateFile.h"
#include "certs/InternalCa.h"
#include "certs/KeyStore.h"
#include "certs/SecureFile.h"
#include "engine/gateway/AccountAdmin.h"
#include "engine/gateway/AccountStore.h"
#include "engine/gateway/GatewayDatabase.h"
#include "topology/LocalReplica.h"
#include "topology/SqlConnection.h"
#include "topology/TopologyDocument.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace fedgate::deploy {

namespace {

// User-facing text: French in the wizard, which installs a translator;
// English in fedgatectl and fedgated, which install none.
QString tr(const char *text)
{
    return QCoreApplication::translate("Deployer", text);
}

using certs::CertificateUsage;

Error failure(const QString &message)
{
    Error error;
    error.message = message;
    return error;
}

DeployAction makeAction(const QString &id, const QString &step, const QString &description,
                        DeployActionState state, const QString &reason)
{
    DeployAction a;
    a.id = id;
    a.step = step;
    a.description = description;
    a.state = state;
    a.reason = reason;
    return a;
}

// ---- replica -------------------------------------------------------------------

DeployAction replicaAction(const DeploymentTarget &t)
{
    const QString description = tr("Import topology version %1 from %2 into the "
                                   "local replica")
                                    .arg(t.version)
                                    .arg(t.sourceLabel);
    const auto pending = [&](const QString &reason) {
        return makeAction(QStringLiteral("replica"), QStringLiteral("replica"), description,
                          DeployActionState::Pending, reason);
    };
    if (!QFileInfo::exists(t.replicaPath))
        return pending(tr("there is no local replica yet"));
    auto replica = topology::LocalReplica::open(t.replicaPath);
    if (!replica)
        return pending(tr("the local replica cannot be read (%1); it is imported "
                          "again")
                           .arg(replica.error().message));
    auto current = replica.value()->current();
    if (!current || !current.value())
        return pending(tr("the local replica is empty"));
    const topology::ReplicaState &state = *current.value();
    if (state.version == t.version &&
        topology::TopologyDocument::toJson(state.topology, state.version) ==
            topology::TopologyDocument::toJson(t.topology, t.version))
        return makeAction(QStringLiteral("replica"), QStringLiteral("replica"), description,
                          DeployActionState::UpToDate, tr("already at version %1").arg(t.version));
    if (state.version == t.version)
        return pending(tr("the replica holds another version %1 (from %2)")
                           .arg(state.version)
                           .arg(state.source));
    return pending(tr("replica has version %1, %2 has %3")
                       .arg(state.version)
                       .arg(t.fromFile ? tr("the file") : tr("the store"))
                       .arg(t.version));
}

// ---- certificates --------------------------------------------------------------

QString interfaceName(CertificateUsage usage)
{
    switch (usage) {
    case CertificateUsage::ExternalEdge:
        return tr("external edge interface");
    case CertificateUsage::InternalEdge:
        return tr("internal edge interface");
    case CertificateUsage::Gateway:
        return tr("gateway");
    }
    return {};
}

// Findings that make an assigned certificate unusable for this topology.
// Trust findings (an internal CA's root is not in the system store) are not
// among them: the internal CA is the deployment's own.
QStringList blockingFindings(const QList<certs::CertificateFinding> &findings)
{
    static const QStringList trust{QStringLiteral("untrusted-root"),
                                   QStringLiteral("self-signed-external"),
                                   QStringLiteral("incomplete-chain")};
    QStringList problems;
    for (const certs::CertificateFinding &f : findings)
        if (f.severity == topology::Severity::Error && !trust.contains(f.rule))
            problems << f.message;
    return problems;
}

struct AssignedNow
{
    std::optional<certs::Assignment> assignment;
    QStringList problems;
    QString error; // the key store could not be read
};

AssignedNow assignedNow(const DeploymentTarget &t, CertificateUsage usage)
{
    AssignedNow now;
    if (!QFileInfo::exists(t.dataDirectory + QStringLiteral("/certs")))
        return now;
    certs::KeyStore store(t.dataDirectory);
    auto assignment = store.assignment(usage);
    if (!assignment) {
        now.error = assignment.error().message;
        return now;
    }
    now.assignment = assignment.value();
    if (!now.assignment)
        return now;
    auto findings = store.checkAssigned(usage, &t.topology);
    if (!findings)
        now.problems << findings.error().message;
    else
        now.problems = blockingFindings(findings.value());
    return now;
}

// The SHA-256 fingerprint of the first certificate of `path`.
Result<QString> leafFingerprint(const QString &path)
{
    auto file = certs::CertificateFile::read(path);
    if (!file)
        return file.error();
    if (file.value().certificates.empty())
        return Error{tr("%1 holds no certificate.").arg(path), path};
    return certs::sha256Fingerprint(file.value().certificates.front().get());
}

DeployAction certificateAction(const DeploymentTarget &t, CertificateUsage usage,
                               const CertificateAnswer *answer)
{
    const QString name = certs::toString(usage);
    const QString id = QStringLiteral("cert:") + name;
    const QString where = interfaceName(usage);
    QString description =
        answer && answer->immediate
            ? tr("Request a certificate for the %1 from the internal CA and assign "
                 "it")
                  .arg(where)
        : answer ? tr("Import %1 and assign it to the %2")
                       .arg(QFileInfo(answer->certificateFile).fileName(), where)
                 : tr("Use the certificate assigned to the %1").arg(where);
    const auto action = [&](DeployActionState state, const QString &reason) {
        return makeAction(id, QStringLiteral("certificates"), description, state, reason);
    };
    const AssignedNow now = assignedNow(t, usage);
    if (!now.error.isEmpty())
        return action(DeployActionState::Blocked,
                      tr("The key store cannot be read: %1").arg(now.error));
    const QString assignedText =
        now.assignment
            ? tr("certificate %1 (%2, valid until %3)")
                  .arg(now.assignment->certificateId.left(16), now.assignment->info.commonName,
                       now.assignment->info.notAfter.toString(Qt::ISODate))
            : QString();
    if (answer && !answer->immediate) {
        auto fingerprint = leafFingerprint(answer->certificateFile);
        if (!fingerprint)
            return action(DeployActionState::Blocked,
                          tr("certificates.%1.certificateFile: %2 Fix the file or "
                             "the answer.")
                              .arg(name, fingerprint.error().message));
        if (now.assignment && now.assignment->info.sha256Fingerprint == fingerprint.value())
            return action(DeployActionState::UpToDate,
                          tr("%1 from this file is assigned already").arg(assignedText));
        return action(DeployActionState::Pending,
                      now.assignment
                          ? tr("the %1 has another certificate (%2)").arg(where, assignedText)
                          : tr("no certificate is assigned to the %1").arg(where));
    }
    if (now.assignment && now.problems.isEmpty())
        return action(DeployActionState::UpToDate,
                      tr("%1 is assigned and covers the topology's names").arg(assignedText));
    if (answer) // immediate
        return action(DeployActionState::Pending,
                      now.assignment ? tr("the assigned %1 has problems (%2); a new one is "
                                          "requested")
                                           .arg(assignedText, now.problems.join(QLatin1Char(' ')))
                                     : tr("no certificate is assigned to the %1").arg(where));
    if (now.assignment)
        return action(DeployActionState::Blocked,
                      tr("The certificate assigned to the %1 (%2) has problems: %3 "
                         "Answer certificates.%4, or request a new one ('fedgatectl "
                         "cert request --usage %4 --immediate') and assign it "
                         "('fedgatectl cert assign --usage %4 ID').")
                          .arg(where, assignedText, now.problems.join(QLatin1Char(' ')), name));
    return action(DeployActionState::Blocked,
                  tr("No certificate is assigned for the %1; answer certificates.%2 "
                     "or run 'fedgatectl cert assign --usage %2 ID'.")
                      .arg(where, name));
}

DeployAction caAction(const DeploymentTarget &t, bool needed)
{
    const QString description = tr("Create the deployment's internal CA");
    certs::InternalCa ca(t.dataDirectory);
    if (ca.exists())
        return makeAction(QStringLiteral("ca"), QStringLiteral("certificates"), description,
                          DeployActionState::UpToDate,
                          tr("the internal CA exists (%1)").arg(ca.certificatePath()));
    if (!needed)
        return makeAction(QStringLiteral("ca"), QStringLiteral("certificates"), description,
                          DeployActionState::UpToDate,
                          tr("not needed: no certificate is requested from it"));
    return makeAction(QStringLiteral("ca"), QStringLiteral("certificates"), description,
                      DeployActionState::Pending,
                      tr("there is no internal CA yet; it signs the immediate "
                         "certificates and anchors the internal link"));
}

// ---- users ---------------------------------------------------------------------

DeployAction passwordAction(const DeploymentTarget &t, const PasswordEntry &entry)
{
    const QString id = QStringLiteral("password:") + entry.user;
    const QString description =
        tr("Set the password of %1 in the gateway's account store").arg(entry.user);
    const auto action = [&](DeployActionState state, const QString &reason) {
        return makeAction(id, QStringLiteral("users"), description, state, reason);
    };
    const engine::Jid jid = engine::Jid::fromString(entry.user);
    bool known = false;
    for (const topology::User &u : t.topology.users)
        known = known || engine::Jid::fromString(u.xmppAddress) == jid;
    if (!known)
        return action(DeployActionState::Blocked,
                      tr("%1 is not a user in topology version %2. Add it ('fedgatectl "
                         "user add %1 --site SITE', then 'fedgatectl topology "
                         "publish') or remove it from %3.")
                          .arg(entry.user)
                          .arg(t.version)
                          .arg(t.passwordsFile));
    const bool sqlite = !topology::SqlConnection::isPostgresUrl(t.gatewayStore);
    if (sqlite && !QFileInfo::exists(t.gatewayStore))
        return action(DeployActionState::Pending,
                      tr("no password is set (the gateway store does not exist yet)"));
    auto database = engine::GatewayDatabase::open(t.gatewayStore);
    if (!database)
        return action(DeployActionState::Blocked,
                      tr("The gateway store cannot be opened: %1").arg(database.error().message));
    auto accounts = engine::AccountStore::open(*database.value());
    if (!accounts)
        return action(DeployActionState::Blocked,
                      tr("The gateway store cannot be read: %1").arg(accounts.error().message));
    auto has = accounts.value()->hasPassword(jid);
    if (!has || !has.value())
        return action(DeployActionState::Pending, tr("no password is set"));
    if (accounts.value()->checkPlainPassword(jid, entry.password))
        return action(DeployActionState::UpToDate, tr("the password is set already"));
    return action(DeployActionState::Pending, tr("a different password is set; it is replaced"));
}

// ---- service -------------------------------------------------------------------

QByteArray serviceConfigBytes(const DeploymentTarget &t)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("arguments"),
                                      QJsonArray::fromStringList(t.serviceArguments)}})
        .toJson(QJsonDocument::Indented);
}

DeployAction serviceConfigAction(const DeploymentTarget &t, const ServiceLayout &layout)
{
    const QString description = tr("Write the service configuration %1").arg(layout.configFile());
    const auto action = [&](DeployActionState state, const QString &reason) {
        return makeAction(QStringLiteral("service-config"), QStringLiteral("components"),
                          description, state, reason);
    };
    if (!QFileInfo::exists(layout.configFile()))
        return action(DeployActionState::Pending, tr("it does not exist yet"));
    auto current = ServiceSupervisor(layout).serviceArguments();
    if (!current)
        return action(DeployActionState::Pending,
                      tr("it cannot be used (%1)").arg(current.error().message));
    if (current.value() == t.serviceArguments)
        return action(DeployActionState::UpToDate,
                      tr("fedgated's arguments are already: %1")
                          .arg(t.serviceArguments.join(QLatin1Char(' '))));
    return action(DeployActionState::Pending,
                  tr("its arguments differ (now: %1)").arg(current.value().join(QLatin1Char(' '))));
}

DeployAction serviceAction(const DeploymentTarget &t, const ServiceManager &manager,
                           const QList<DeployAction> &before, bool start)
{
    const ServiceState state = manager.status();
    const QString description =
        (state.running ? tr("Restart fedgated (%1), %2") : tr("Start fedgated (%1), %2"))
            .arg(t.roles.join(QStringLiteral(" and ")), describe(manager.backend()));
    const auto action = [&](DeployActionState to, const QString &reason) {
        return makeAction(QStringLiteral("service"), QStringLiteral("service"), description, to,
                          reason);
    };
    if (!start)
        return action(DeployActionState::UpToDate,
                      state.running ? tr("startService is false; fedgated runs (pid "
                                         "%1) and is left alone")
                                          .arg(state.pid)
                                    : tr("startService is false; fedgated is not "
                                         "started"));
    if (!state.running)
        return action(DeployActionState::Pending, tr("fedgated is not running"));
    QStringList changed;
    for (const DeployAction &a : before) {
        if (a.state != DeployActionState::Pending)
            continue;
        if (a.id == QLatin1String("replica"))
            changed << tr("the replica");
        else if (a.step == QLatin1String("certificates") &&
                 !changed.contains(QStringLiteral("certificates")))
            changed << QStringLiteral("certificates");
        else if (a.id == QLatin1String("service-config"))
            changed << tr("its configuration");
    }
    if (!changed.isEmpty())
        return action(DeployActionState::Pending,
                      tr("fedgated runs (pid %1) and is restarted: what it reads "
                         "changes (%2)")
                          .arg(state.pid)
                          .arg(changed.join(QStringLiteral(", "))));
    const QJsonValue inUse = state.engine.value(QStringLiteral("topologyVersion"));
    if (state.answering && inUse.isDouble() && inUse.toInt() != t.version)
        return action(DeployActionState::Pending,
                      tr("fedgated runs topology version %1, the replica has %2; it "
                         "is restarted")
                          .arg(inUse.toInt())
                          .arg(t.version));
    return action(DeployActionState::UpToDate,
                  tr("fedgated runs (pid %1) with the current replica, certificates "
                     "and configuration")
                      .arg(state.pid));
}

// ---- apply ---------------------------------------------------------------------

Status applyReplica(const DeploymentTarget &t)
{
    auto replica = topology::LocalReplica::open(t.replicaPath);
    if (!replica)
        return replica.error();
    return t.fromFile ? replica.value()->importFile(t.source)
                      : replica.value()->importFromStore(t.source, t.version);
}

Status applyCa(const DeploymentTarget &t)
{
    certs::InternalCa ca(t.dataDirectory);
    if (ca.exists())
        return {};
    return ca.create();
}

Result<QString> applyCertificate(const DeploymentTarget &t, CertificateUsage usage,
                                 const CertificateAnswer &answer)
{
    certs::KeyStore store(t.dataDirectory);
    QString id;
    if (answer.immediate) {
        certs::CertificateRequest request;
        request.usage = usage;
        request.mode = certs::RequestMode::Immediate;
        request.edgePool = t.edgePool;
        request.frontEndPool = t.frontEndPool;
        auto outcome = store.createRequest(t.topology, request);
        if (!outcome)
            return outcome.error();
        if (!outcome.value().issued)
            return failure(
                tr("The internal CA did not sign the %1 request.").arg(certs::toString(usage)));
        id = outcome.value().issued->certificate.id;
    } else {
        QByteArray bundle;
        for (const QString &path : {answer.certificateFile, answer.chainFile, answer.keyFile}) {
            if (path.isEmpty())
                continue;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly) || file.size() > certs::CertificateFile::kMaxSize)
                return Error{
                    tr("Cannot read %1: %2.")
                        .arg(path, file.isOpen() ? tr("it is too large") : file.errorString()),
                    path};
            bundle += file.readAll() + '\n';
        }
        certs::ImportOptions options;
        options.usage = usage;
        options.topology = &t.topology;
        auto imported = store.importData(bundle, answer.certificateFile, options);
        if (!imported)
            return imported.error();
        id = imported.value().certificate.id;
    }
    auto assigned = store.assign(id, usage, &t.topology);
    if (!assigned)
        return assigned.error();
    return tr("assigned certificate %1 to the %2").arg(id.left(16), interfaceName(usage));
}

Status writeServiceConfig(const DeploymentTarget &t, const ServiceLayout &layout)
{
    if (!QDir().mkpath(layout.dataDirectory))
        return failure(tr("Cannot create the data directory %1.").arg(layout.dataDirectory));
    return certs::writeFileAtomically(layout.configFile(), serviceConfigBytes(t),
                                      certs::FileMode::OwnerOnly);
}

} // namespace

Deployer::Deployer(QString dataDirectory)
    : m_dataDirectory(QDir::cleanPath(std::move(dataDirectory)))
{}

QString Deployer::logFile() const
{
    return DeploymentLog::path(m_dataDirectory);
}

ServiceLayout Deployer::serviceLayout() const
{
    ServiceLayout layout = ServiceLayout::forDataDirectory(m_dataDirectory);
    if (!m_fedgatedProgram.isEmpty())
        layout.program = m_fedgatedProgram;
    return layout;
}

ServiceManager Deployer::serviceManager(const QList<DeployAction> &actions) const
{
    ServiceEnvironment environment = probeServiceEnvironment(m_dataDirectory, m_machineRoot);
    for (const DeployAction &a : actions) {
        if (a.id == QLatin1String("unit") && a.state == DeployActionState::Pending)
            environment.unitInstalled = true; // installed by this deployment before the start
    }
    return ServiceManager(serviceLayout(), chooseServiceBackend(environment));
}

ServiceUnit Deployer::serviceUnit() const
{
    ServiceUnit unit(m_dataDirectory, serviceLayout().program, m_machineRoot);
    if (m_runningAsRoot)
        unit.setRunningAsRoot(*m_runningAsRoot);
    return unit;
}

Result<DeploymentPlan> Deployer::plan(const DeploymentAnswers &answers) const
{
    auto resolved = DeploymentTarget::resolve(m_dataDirectory, answers);
    if (!resolved)
        return resolved.error();
    const DeploymentTarget &t = resolved.value();
    QList<PasswordEntry> passwords;
    if (!answers.passwordsFile.isEmpty()) {
        auto read = readPasswordsFile(answers.passwordsFile);
        if (!read)
            return Error{QStringLiteral("passwordsFile: %1").arg(read.error().message),
                         read.error().source};
        passwords = read.value();
    }

    DeploymentPlan plan;
    plan.dataDirectory = m_dataDirectory;
    plan.machine = t.machine;
    plan.roles = t.roles;
    plan.topologyVersion = t.version;
    plan.listeners = t.listeners;

    plan.actions << replicaAction(t);
    QList<DeployAction> certificates;
    bool caNeeded = false;
    for (CertificateUsage usage : t.certificateUsages) {
        const CertificateAnswer *answer = answers.certificate(certs::toString(usage));
        certificates << certificateAction(t, usage, answer);
        caNeeded = caNeeded || (answer && answer->immediate &&
                                certificates.last().state == DeployActionState::Pending);
    }
    plan.actions << caAction(t, caNeeded) << certificates;
    for (const PasswordEntry &entry : passwords)
        plan.actions << passwordAction(t, entry);
    const ServiceLayout layout = serviceLayout();
    plan.actions << serviceConfigAction(t, layout);
    plan.actions << serviceUnit().action(
        answers.sourceFile.isEmpty()
            ? tr("the deployment")
            : QStringLiteral("fedgatectl deploy --answers %1").arg(answers.sourceFile));
    plan.actions << serviceAction(t, serviceManager(plan.actions), plan.actions,
                                  answers.startService);
    return plan;
}

Result<Deployer::Report> Deployer::apply(const DeploymentPlan &plan,
                                         const DeploymentAnswers &answers, const Progress &progress)
{
    const auto say = [&](int done, int total, const QString &step, const QString &line) {
        DeploymentLog::append(m_dataDirectory, step, line);
        if (progress)
            progress(done, total, line);
    };
    QStringList blocked;
    for (const DeployAction &a : plan.actions)
        if (a.state == DeployActionState::Blocked)
            blocked << QStringLiteral("%1: %2").arg(a.id, a.reason);
    if (!blocked.isEmpty()) {
        const QString message = tr("Nothing was applied: %1 action(s) are blocked. "
                                   "%2")
                                    .arg(blocked.size())
                                    .arg(blocked.join(QLatin1Char(' ')));
        DeploymentLog::append(m_dataDirectory, QStringLiteral("deploy"), message);
        return failure(message);
    }
    auto resolved = DeploymentTarget::resolve(m_dataDirectory, answers);
    if (!resolved)
        return resolved.error();
    const DeploymentTarget &t = resolved.value();
    QHash<QString, QString> passwords;
    if (!answers.passwordsFile.isEmpty()) {
        auto read = readPasswordsFile(answers.passwordsFile);
        if (!read)
            return read.error();
        for (const PasswordEntry &e : read.value())
            passwords.insert(e.user, e.password);
    }

    int total = 0;
    for (const DeployAction &a : plan.actions)
        total += a.state == DeployActionState::Pending ? 1 : 0;
    Report report;
    say(0, total, QStringLiteral("deploy"),
        tr("Deploying topology version %1 on %2 (%3) in %4: %5 action(s) to apply")
            .arg(t.version)
            .arg(t.machine, t.roles.join(QStringLiteral(", ")), m_dataDirectory)
            .arg(total));
    const ServiceLayout layout = serviceLayout();
    int done = 0;
    for (const DeployAction &a : plan.actions) {
        if (a.state == DeployActionState::UpToDate) {
            report.skipped << a;
            DeploymentLog::append(m_dataDirectory, a.step,
                                  tr("%1: up to date (%2)").arg(a.id, a.reason));
            continue;
        }
        say(done, total, a.step, QStringLiteral("%1 ...").arg(a.description));
        Status status;
        QString result = QStringLiteral("done");
        if (a.id == QLatin1String("replica")) {
            status = applyReplica(t);
        } else if (a.id == QLatin1String("ca")) {
            status = applyCa(t);
        } else if (a.id.startsWith(QLatin1String("cert:"))) {
            CertificateUsage usage;
            const CertificateAnswer *answer = answers.certificate(a.id.mid(5));
            if (!certs::parseUsage(a.id.mid(5), &usage) || !answer) {
                status = failure(tr("The answers no longer say how to get the %1 "
                                    "certificate; plan again.")
                                     .arg(a.id.mid(5)));
            } else if (auto assigned = applyCertificate(t, usage, *answer); !assigned) {
                status = assigned.error();
            } else {
                result = assigned.value();
            }
        } else if (a.id.startsWith(QLatin1String("password:"))) {
            const QString user = a.id.mid(9);
            if (!passwords.contains(user)) {
                status = failure(tr("%1 is no longer in the passwords file; plan "
                                    "again.")
                                     .arg(user));
            } else if (auto set = engine::setAccountPassword(
                           t.gatewayStore, engine::Jid::fromString(user), passwords.value(user));
                       !set) {
                status = set.error();
            }
        } else if (a.id == QLatin1String("service-config")) {
            status = writeServiceConfig(t, layout);
        } else if (a.id == QLatin1String("unit")) {
            auto installed =
                serviceUnit().apply([&](const QString &text) { say(done, total, a.step, text); });
            if (!installed)
                status = installed.error();
            else
                result = installed.value();
        } else if (a.id == QLatin1String("service")) {
            // Through systemd where it runs fedgated here (the unit action
            // before may just have installed it), else the built-in
            // supervisor.
            ServiceManager service = serviceManager(plan.actions);
            const auto line = [&](const QString &text) { say(done, total, a.step, text); };
            auto started = service.restart(line);
            if (!started)
                status = started.error();
            else
                result = tr("fedgated runs (pid %1), %2")
                             .arg(started.value().pid)
                             .arg(describe(service.backend()));
        } else {
            status = failure(tr("Unknown action '%1'.").arg(a.id));
        }
        if (!status) {
            report.error =
                QStringLiteral("%1 failed: %2").arg(a.description, status.error().toString());
            say(done, total, a.step, QStringLiteral("FAILED: %1").arg(report.error));
            return report;
        }
        ++done;
        report.applied << a;
        say(done, total, a.step, QStringLiteral("%1: %2").arg(a.id, result));
    }
    report.ok = true;
    say(done, total, QStringLiteral("deploy"),
        total == 0 ? tr("Nothing to change: every action was up to date.")
                   : tr("Applied %1 action(s); %2 were up to date.")
                         .arg(report.applied.size())
                         .arg(report.skipped.size()));
    return report;
}

} // namespace fedgate::deploy
