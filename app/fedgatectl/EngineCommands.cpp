// fedgatectl sessions | ping DOMAIN: talk to the running
// fedgated through its control socket.
#include "Cli.h"

#include "engine/control/ControlClient.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

using fedgate::engine::ControlClient;

namespace fedgate::cli {

namespace {
QCommandLineOption controlOption()
{
    return QCommandLineOption(QStringLiteral("control"),
                              QStringLiteral("fedgated's control socket (default: %1).")
                                  .arg(ControlClient::defaultPath()),
                              QStringLiteral("PATH"));
}

QString controlPath(const QCommandLineParser &parser)
{
    const QString path = parser.value(QStringLiteral("control"));
    return path.isEmpty() ? ControlClient::defaultPath() : path;
}

int sessions(Context &ctx)
{
    QCommandLineParser parser;
    parser.addOption(controlOption());
    if (!ctx.parse(parser, QStringLiteral("Lists the sessions of the running fedgated: "
                                          "server-to-server (s2s), the internal link between "
                                          "gateway and edge (link) and clients (c2s).")))
        return ctx.exitCode();
    auto answer = ControlClient::request(
        controlPath(parser), {{QStringLiteral("command"), QStringLiteral("sessions")}}, 10000);
    if (!answer)
        return ctx.fail(StoreError, answer.error().message);
    const QJsonArray rows = answer.value().value(QStringLiteral("sessions")).toArray();
    if (ctx.json())
        return ctx.succeed({}, rows);
    if (rows.isEmpty())
        return ctx.succeed(QStringLiteral("No session."));
    QString text;
    QTextStream s(&text);
    const QStringList keys{QStringLiteral("id"),           QStringLiteral("kind"),
                           QStringLiteral("direction"),    QStringLiteral("localDomain"),
                           QStringLiteral("remoteDomain"), QStringLiteral("remoteAddress"),
                           QStringLiteral("state"),        QStringLiteral("tlsVersion"),
                           QStringLiteral("tlsCipher"),    QStringLiteral("auth"),
                           QStringLiteral("certificate"),  QStringLiteral("created"),
                           QStringLiteral("lastActivity"), QStringLiteral("stanzasIn"),
                           QStringLiteral("stanzasOut"),   QStringLiteral("user"),
                           QStringLiteral("resource")};
    const QStringList titles{QStringLiteral("ID"),
                             QStringLiteral("KIND"),
                             QStringLiteral("DIR"),
                             QStringLiteral("LOCAL"),
                             QStringLiteral("REMOTE"),
                             QStringLiteral("ADDRESS"),
                             QStringLiteral("STATE"),
                             QStringLiteral("TLS"),
                             QStringLiteral("CIPHER"),
                             QStringLiteral("AUTH"),
                             QStringLiteral("CERT"),
                             QStringLiteral("CREATED"),
                             QStringLiteral("LAST ACTIVITY"),
                             QStringLiteral("IN"),
                             QStringLiteral("OUT"),
                             QStringLiteral("USER"),
                             QStringLiteral("RESOURCE")};
    QList<QStringList> table{titles};
    for (const QJsonValue &v : rows) {
        const QJsonObject o = v.toObject();
        QStringList cells;
        for (const QString &k : keys) {
            const QJsonValue value = o.value(k);
            QString cell = value.isDouble() ? QString::number(value.toInteger()) : value.toString();
            if (k == QLatin1String("tlsVersion") && cell.isEmpty())
                cell = QStringLiteral("plain");
            cells << (cell.isEmpty() ? QStringLiteral("-") : cell);
        }
        table << cells;
    }
    QList<qsizetype> widths(keys.size(), 0);
    for (const QStringList &row : table)
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    for (const QStringList &row : table) {
        QStringList padded;
        for (qsizetype i = 0; i < row.size(); ++i)
            padded << row[i].leftJustified(widths[i]);
        s << padded.join(QStringLiteral("  ")).trimmed() << '\n';
    }
    return ctx.succeed(text);
}

int ping(Context &ctx)
{
    QCommandLineParser parser;
    parser.addOption(controlOption());
    parser.addOption(QCommandLineOption(QStringLiteral("timeout"),
                                        QStringLiteral("Seconds to wait for the reply (default "
                                                       "20)."),
                                        QStringLiteral("SECONDS"), QStringLiteral("20")));
    if (!ctx.parse(parser,
                   QStringLiteral("Sends a federation ping (XEP-0199) to a partner domain through "
                                  "the running engine and prints each step."),
                   QStringLiteral("DOMAIN"), 1, 1))
        return ctx.exitCode();
    const QString domain = parser.positionalArguments().value(0);
    bool ok = false;
    const int seconds = parser.value(QStringLiteral("timeout")).toInt(&ok);
    if (!ok || seconds <= 0)
        return ctx.fail(UsageOrValidation, QStringLiteral("--timeout needs a positive number of "
                                                          "seconds."));
    QJsonArray steps;
    auto answer = ControlClient::request(
        controlPath(parser),
        {{QStringLiteral("command"), QStringLiteral("ping")},
         {QStringLiteral("domain"), domain},
         {QStringLiteral("timeoutMs"), seconds * 1000}},
        seconds * 1000 + 5000, [&](const QJsonObject &line) {
            steps << line;
            if (!ctx.json()) {
                ctx.out() << line.value(QStringLiteral("step")).toString() << ": "
                          << line.value(QStringLiteral("detail")).toString() << '\n';
                ctx.out().flush();
            }
        });
    if (!answer)
        return ctx.fail(StoreError, answer.error().message);
    const QJsonObject result = answer.value();
    const bool pong = result.value(QStringLiteral("ok")).toBool();
    const QString detail = result.value(QStringLiteral("detail")).toString();
    if (ctx.json()) {
        ctx.printJson(QJsonObject{{QStringLiteral("domain"), domain},
                                  {QStringLiteral("ok"), pong},
                                  {QStringLiteral("detail"), detail},
                                  {QStringLiteral("rttMs"), result.value(QStringLiteral("rttMs"))},
                                  {QStringLiteral("steps"), steps}});
        return pong ? Ok : UsageOrValidation;
    }
    if (!pong)
        return ctx.fail(UsageOrValidation,
                        QStringLiteral("ping %1 failed: %2").arg(domain, detail));
    ctx.out() << "round trip: " << result.value(QStringLiteral("rttMs")).toInteger() << " ms\n";
    ctx.out().flush();
    return Ok;
}

const Registrar registrar{
    {QStringLiteral("sessions"), QString(),
     QStringLiteral("List the engine's server-to-server sessions"), sessions},
    {QStringLiteral("ping"), QString(),
     QStringLiteral("DOMAIN: federation ping to a partner, step by step"), ping},
};
} // namespace

} // namespace fedgate::cli
