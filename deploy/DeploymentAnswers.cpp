#include "DeploymentAnswers.h"

#include "engine/xmpp/Jid.h"
#include "topology/SqlConnection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <optional>

namespace fedgate::deploy {

namespace {

constexpr qint64 kMaxAnswersBytes = 1024 * 1024;
constexpr qint64 kMaxPasswordsBytes = 1024 * 1024;

const QStringList kUsages{QStringLiteral("external"), QStringLiteral("internal"),
                          QStringLiteral("gateway")};

class Reader
{
public:
    Reader(QString base, QString label)
        : m_base(std::move(base))
        , m_label(std::move(label))
    {}

    Error error(const QString &key, const QString &problem) const
    {
        return Error{QStringLiteral("%1: \"%2\" %3").arg(m_label, key, problem), m_label};
    }

    // A path answer: relative paths from the answers file's folder.
    QString path(const QString &value) const
    {
        if (value.isEmpty() || QFileInfo(value).isAbsolute())
            return value;
        return QDir::cleanPath(QDir(m_base).absoluteFilePath(value));
    }

    std::optional<Error> string(const QJsonObject &o, const QString &key, const QString &name,
                                QString *out) const
    {
        if (!o.contains(key))
            return std::nullopt;
        if (!o.value(key).isString())
            return error(name, QStringLiteral("must be a string."));
        *out = o.value(key).toString().trimmed();
        return std::nullopt;
    }

    std::optional<Error> boolean(const QJsonObject &o, const QString &key, const QString &name,
                                 bool *out) const
    {
        if (!o.contains(key))
            return std::nullopt;
        if (!o.value(key).isBool())
            return error(name, QStringLiteral("must be true or false."));
        *out = o.value(key).toBool();
        return std::nullopt;
    }

    std::optional<Error> strings(const QJsonObject &o, const QString &key, QStringList *out) const
    {
        if (!o.contains(key))
            return std::nullopt;
        if (!o.value(key).isArray())
            return error(key, QStringLiteral("must be a list of strings."));
        for (const QJsonValue &v : o.value(key).toArray()) {
            if (!v.isString())
                return error(key, QStringLiteral("must be a list of strings."));
            *out << v.toString();
        }
        return std::nullopt;
    }

    std::optional<Error> unknownKeys(const QJsonObject &o, const QStringList &known,
                                     const QString &prefix) const
    {
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!known.contains(it.key()) && it.key() != QLatin1String("comment"))
                return error(prefix + it.key(), QStringLiteral("is not an answer. Known: %1.")
                                                    .arg(known.join(QStringLiteral(", "))));
        return std::nullopt;
    }

    Result<CertificateAnswer> certificate(const QJsonValue &value, const QString &name,
                                          QString usage) const
    {
        if (!value.isObject())
            return error(name, QStringLiteral("must be an object such as {\"immediate\": true} "
                                              "or {\"certificateFile\": ..., \"keyFile\": ...}."));
        const QJsonObject o = value.toObject();
        const QStringList known{QStringLiteral("usage"), QStringLiteral("immediate"),
                                QStringLiteral("certificateFile"), QStringLiteral("keyFile"),
                                QStringLiteral("chainFile")};
        if (auto e = unknownKeys(o, known, name + QLatin1Char('.')))
            return *e;
        CertificateAnswer a;
        a.usage = usage;
        if (auto e = string(o, QStringLiteral("usage"), name + QStringLiteral(".usage"), &a.usage))
            return *e;
        if (!usage.isEmpty() && a.usage != usage)
            return error(name + QStringLiteral(".usage"),
                         QStringLiteral("says '%1' under the key '%2'.").arg(a.usage, usage));
        if (!kUsages.contains(a.usage))
            return error(
                name + QStringLiteral(".usage"),
                QStringLiteral("must be external, internal or gateway, not '%1'.").arg(a.usage));
        if (auto e = boolean(o, QStringLiteral("immediate"), name + QStringLiteral(".immediate"),
                             &a.immediate))
            return *e;
        for (auto [key, out] : {std::pair{QStringLiteral("certificateFile"), &a.certificateFile},
                                std::pair{QStringLiteral("keyFile"), &a.keyFile},
                                std::pair{QStringLiteral("chainFile"), &a.chainFile}}) {
            if (auto e = string(o, key, name + QLatin1Char('.') + key, out))
                return *e;
            *out = path(*out);
        }
        if (a.immediate && !a.certificateFile.isEmpty())
            return error(name, QStringLiteral("gives both \"immediate\": true and a "
                                              "\"certificateFile\"; choose one."));
        if (!a.immediate && a.certificateFile.isEmpty())
            return error(name, QStringLiteral("needs \"immediate\": true (signed by the internal "
                                              "CA) or a \"certificateFile\" to import."));
        if (a.immediate && (!a.keyFile.isEmpty() || !a.chainFile.isEmpty()))
            return error(name, QStringLiteral("\"keyFile\" and \"chainFile\" go with "
                                              "\"certificateFile\", not with \"immediate\"."));
        return a;
    }

private:
    QString m_base;
    QString m_label;
};

} // namespace

const CertificateAnswer *DeploymentAnswers::certificate(const QString &usage) const
{
    for (const CertificateAnswer &a : certificates)
        if (a.usage == usage)
            return &a;
    return nullptr;
}

Result<DeploymentAnswers> DeploymentAnswers::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{
            QStringLiteral("Cannot read the answers file %1: %2.").arg(path, file.errorString()),
            path};
    if (file.size() > kMaxAnswersBytes)
        return Error{QStringLiteral("The answers file %1 is larger than 1 MiB; it is not an "
                                    "answers file.")
                         .arg(path),
                     path};
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{QStringLiteral("%1 is not valid JSON at offset %2: %3.")
                         .arg(path)
                         .arg(parseError.offset)
                         .arg(parseError.errorString()),
                     path};
    if (!doc.isObject())
        return Error{QStringLiteral("%1 must hold one JSON object of answers.").arg(path), path};
    const QFileInfo info(path);
    auto answers = parse(doc.object(), info.absolutePath(), path);
    if (answers)
        answers.value().sourceFile = info.absoluteFilePath();
    return answers;
}

Result<DeploymentAnswers> DeploymentAnswers::fromJson(const QJsonObject &object,
                                                      const QString &baseDirectory)
{
    return parse(object, baseDirectory, QStringLiteral("the answers"));
}

Result<DeploymentAnswers>
DeploymentAnswers::parse(const QJsonObject &o, const QString &baseDirectory, const QString &label)
{
    const Reader r(baseDirectory, label);
    const QStringList known{QStringLiteral("topologyFile"),  QStringLiteral("store"),
                            QStringLiteral("version"),       QStringLiteral("machine"),
                            QStringLiteral("roles"),         QStringLiteral("certificates"),
                            QStringLiteral("passwordsFile"), QStringLiteral("serviceArguments"),
                            QStringLiteral("startService")};
    if (auto e = r.unknownKeys(o, known, QString()))
        return *e;
    DeploymentAnswers a;
    for (auto [key, out] : {std::pair{QStringLiteral("topologyFile"), &a.topologyFile},
                            std::pair{QStringLiteral("store"), &a.store},
                            std::pair{QStringLiteral("machine"), &a.machine},
                            std::pair{QStringLiteral("passwordsFile"), &a.passwordsFile}})
        if (auto e = r.string(o, key, key, out))
            return *e;
    a.topologyFile = r.path(a.topologyFile);
    a.passwordsFile = r.path(a.passwordsFile);
    if (!topology::SqlConnection::isPostgresUrl(a.store))
        a.store = r.path(a.store);
    if (!a.topologyFile.isEmpty() && !a.store.isEmpty())
        return r.error(QStringLiteral("topologyFile"),
                       QStringLiteral("and \"store\" are both given; give one: an exported "
                                      "topology file, or the central store to import from."));
    if (o.contains(QStringLiteral("version"))) {
        const QJsonValue v = o.value(QStringLiteral("version"));
        if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() != double(v.toInt()))
            return r.error(QStringLiteral("version"),
                           QStringLiteral("must be a published version number (0 = the "
                                          "latest)."));
        a.version = v.toInt();
        if (a.version > 0 && !a.topologyFile.isEmpty())
            return r.error(QStringLiteral("version"),
                           QStringLiteral("goes with \"store\"; an exported topology file "
                                          "carries its own version."));
    }
    if (auto e = r.strings(o, QStringLiteral("serviceArguments"), &a.serviceArguments))
        return *e;
    if (auto e = r.strings(o, QStringLiteral("roles"), &a.roles))
        return *e;
    for (const QString &role : a.roles)
        if (role != QLatin1String("edge") && role != QLatin1String("gateway"))
            return r.error(
                QStringLiteral("roles"),
                QStringLiteral("lists '%1'; the roles are \"edge\" and \"gateway\".").arg(role));
    if (auto e = r.boolean(o, QStringLiteral("startService"), QStringLiteral("startService"),
                           &a.startService))
        return *e;

    const QJsonValue certs = o.value(QStringLiteral("certificates"));
    if (certs.isObject()) {
        const QJsonObject byUsage = certs.toObject();
        for (auto it = byUsage.begin(); it != byUsage.end(); ++it) {
            const QString name = QStringLiteral("certificates.") + it.key();
            if (!kUsages.contains(it.key()))
                return r.error(name, QStringLiteral("is not an interface; use external, "
                                                    "internal or gateway."));
            auto answer = r.certificate(it.value(), name, it.key());
            if (!answer)
                return answer.error();
            a.certificates << answer.value();
        }
    } else if (certs.isArray()) {
        int index = 0;
        for (const QJsonValue &v : certs.toArray()) {
            const QString name = QStringLiteral("certificates[%1]").arg(index++);
            if (!v.toObject().contains(QStringLiteral("usage")))
                return r.error(name, QStringLiteral("needs \"usage\": external, internal or "
                                                    "gateway."));
            auto answer = r.certificate(v, name, QString());
            if (!answer)
                return answer.error();
            if (a.certificate(answer.value().usage))
                return r.error(name, QStringLiteral("answers the %1 certificate a second time.")
                                         .arg(answer.value().usage));
            a.certificates << answer.value();
        }
    } else if (!certs.isUndefined() && !certs.isNull()) {
        return r.error(QStringLiteral("certificates"),
                       QStringLiteral("must be an object keyed by external, internal and "
                                      "gateway."));
    }
    return a;
}

QJsonObject DeploymentAnswers::toJson() const
{
    QJsonObject o;
    if (!topologyFile.isEmpty())
        o.insert(QStringLiteral("topologyFile"), topologyFile);
    if (!store.isEmpty())
        o.insert(QStringLiteral("store"), store);
    if (version > 0)
        o.insert(QStringLiteral("version"), version);
    if (!machine.isEmpty())
        o.insert(QStringLiteral("machine"), machine);
    if (!roles.isEmpty())
        o.insert(QStringLiteral("roles"), QJsonArray::fromStringList(roles));
    QJsonObject certs;
    for (const CertificateAnswer &c : certificates) {
        QJsonObject one;
        if (c.immediate)
            one.insert(QStringLiteral("immediate"), true);
        for (auto [key, value] : {std::pair{QStringLiteral("certificateFile"), c.certificateFile},
                                  std::pair{QStringLiteral("keyFile"), c.keyFile},
                                  std::pair{QStringLiteral("chainFile"), c.chainFile}})
            if (!value.isEmpty())
                one.insert(key, value);
        certs.insert(c.usage, one);
    }
    if (!certs.isEmpty())
        o.insert(QStringLiteral("certificates"), certs);
    if (!passwordsFile.isEmpty())
        o.insert(QStringLiteral("passwordsFile"), passwordsFile);
    if (!serviceArguments.isEmpty())
        o.insert(QStringLiteral("serviceArguments"), QJsonArray::fromStringList(serviceArguments));
    o.insert(QStringLiteral("startService"), startService);
    return o;
}

Result<QList<PasswordEntry>> readPasswordsFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{
            QStringLiteral("Cannot read the passwords file %1: %2.").arg(path, file.errorString()),
            path};
    if (file.size() > kMaxPasswordsBytes)
        return Error{QStringLiteral("The passwords file %1 is larger than 1 MiB.").arg(path), path};
    QList<PasswordEntry> entries;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        QString line = QString::fromUtf8(lines.at(i));
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype gap = trimmed.indexOf(QRegularExpression(QStringLiteral("[ \\t]")));
        const QString user = gap < 0 ? trimmed : trimmed.left(gap);
        const QString password = gap < 0 ? QString() : trimmed.mid(gap + 1).trimmed();
        const auto where = [&](const QString &problem) {
            return Error{QStringLiteral("%1:%2: %3").arg(path).arg(i + 1).arg(problem), path};
        };
        if (password.isEmpty())
            return where(QStringLiteral("'%1' has no password; write \"user@domain password\" "
                                        "(a tab or a space between them).")
                             .arg(user));
        const auto jid = engine::Jid::parse(user);
        if (!jid || !jid->isBare() || jid->localpart().isEmpty())
            return where(
                QStringLiteral("'%1' is not a user address such as alice@contoso.test.").arg(user));
        for (const PasswordEntry &e : entries)
            if (e.user == jid->toString())
                return where(QStringLiteral("%1 is listed twice.").arg(e.user));
        entries.append({jid->toString(), password});
    }
    return entries;
}

} // namespace fedgate::deploy
