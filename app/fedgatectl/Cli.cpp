#include "Cli.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>

namespace fedgate::cli {

namespace {
QList<Command> &registry()
{
    static QList<Command> list;
    return list;
}

int printUsage(QTextStream &stream)
{
    stream << "Usage: fedgatectl [--store LOCATION] [--replica FILE] [--json] NOUN VERB "
              "[options]\n\n"
           << "Fedgate's command line: every step of the deployment wizard.\n"
           << "Run 'fedgatectl NOUN --help' for a noun's verbs and 'fedgatectl NOUN VERB --help'\n"
           << "for a verb's options.\n\nCommands:\n";
    QList<Command> sorted = registry();
    std::sort(sorted.begin(), sorted.end(), [](const Command &a, const Command &b) {
        return a.noun == b.noun ? a.verb < b.verb : a.noun < b.noun;
    });
    for (const Command &c : sorted)
        stream << "  " << QString(c.noun + QLatin1Char(' ') + c.verb).leftJustified(24) << c.summary
               << '\n';
    stream << "\nExit codes: 0 success, 1 validation or usage error, 2 store error (unreachable,\n"
           << "locked, damaged or emptied store: nothing written; see 'fedgatectl store check').\n";
    return Ok;
}
} // namespace

Context::Context(QString n, QString v, QStringList arguments)
    : noun(std::move(n))
    , verb(std::move(v))
    , m_arguments(std::move(arguments))
    , m_out(stdout)
    , m_err(stderr)
{}

bool Context::parse(QCommandLineParser &parser, const QString &description,
                    const QString &positional, int minPositional, int maxPositional)
{
    parser.setApplicationDescription(description);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Machine-readable JSON output."));
    const QCommandLineOption store(
        QStringLiteral("store"),
        QStringLiteral("Central management store: a SQLite file path or a postgresql:// URL."),
        QStringLiteral("LOCATION"));
    const QCommandLineOption replica(QStringLiteral("replica"),
                                     QStringLiteral("This machine's local replica (SQLite file)."),
                                     QStringLiteral("PATH"));
    parser.addOption(help);
    parser.addOption(json);
    parser.addOption(store);
    parser.addOption(replica);
    if (!positional.isEmpty())
        parser.addPositionalArgument(positional, QString());

    QStringList args{QStringLiteral("fedgatectl %1 %2").arg(noun, verb)};
    args += m_arguments;
    const bool parsed = parser.parse(args);
    m_json = parser.isSet(json);
    if (!parsed) {
        m_exitCode = fail(
            UsageOrValidation,
            parser.errorText() +
                QStringLiteral(". Run 'fedgatectl %1 %2 --help' for the options.").arg(noun, verb));
        return false;
    }
    if (parser.isSet(help)) {
        // Qt names the program by argv[0]; name the verb instead.
        QString text = parser.helpText();
        const qsizetype firstLineEnd = text.indexOf(QLatin1Char('\n'));
        text.replace(0, firstLineEnd,
                     QStringLiteral("Usage: fedgatectl %1 [options]%2")
                         .arg(verb.isEmpty() ? noun : noun + QLatin1Char(' ') + verb,
                              positional.isEmpty() ? QString() : QLatin1Char(' ') + positional));
        m_out << text;
        m_out.flush();
        m_exitCode = Ok;
        return false;
    }
    const int count = parser.positionalArguments().size();
    if (count < minPositional || count > maxPositional) {
        m_exitCode =
            fail(UsageOrValidation,
                 QStringLiteral("'fedgatectl %1 %2' takes %3. Usage: fedgatectl %1 %2 %4")
                     .arg(noun, verb,
                          minPositional == maxPositional
                              ? QStringLiteral("%1 argument(s)").arg(minPositional)
                              : QStringLiteral("%1 to %2 arguments")
                                    .arg(minPositional)
                                    .arg(maxPositional),
                          positional.isEmpty() ? QStringLiteral("[options]")
                                               : positional + QStringLiteral(" [options]")));
        return false;
    }
    m_store = parser.value(store);
    m_replica = parser.value(replica);
    return true;
}

int Context::fail(int code, const QString &message)
{
    if (m_json) {
        m_out << QJsonDocument(QJsonObject{{QStringLiteral("error"), message},
                                           {QStringLiteral("exitCode"), code}})
                     .toJson(QJsonDocument::Indented);
        m_out.flush();
    } else {
        m_err << "fedgatectl: " << message << '\n';
        m_err.flush();
    }
    return code;
}

void Context::printJson(const QJsonValue &value)
{
    if (value.isObject())
        m_out << QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
    else if (value.isArray())
        m_out << QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented);
    else
        m_out << QJsonDocument(QJsonObject{{QStringLiteral("value"), value}}).toJson();
    m_out.flush();
}

int Context::succeed(const QString &human, const QJsonValue &json)
{
    if (m_json) {
        printJson(json.isUndefined() || json.isNull()
                      ? QJsonValue(QJsonObject{{QStringLiteral("ok"), true}})
                      : json);
    } else {
        m_out << human;
        if (!human.isEmpty() && !human.endsWith(QLatin1Char('\n')))
            m_out << '\n';
        m_out.flush();
    }
    return Ok;
}

QCommandLineOption valueOption(const QString &name, const QString &help, const QString &valueName)
{
    return QCommandLineOption(name, help, valueName);
}

QString describeError(const Error &error)
{
    if (error.line == 0 && !error.source.isEmpty() && error.message.contains(error.source))
        return error.message;
    return error.toString();
}

Registrar::Registrar(std::initializer_list<Command> list)
{
    for (const Command &c : list)
        registry().append(c);
}

const QList<Command> &commands()
{
    return registry();
}

namespace {

// The options every verb takes (Context::parse), accepted before the noun
// too, as git and kubectl users expect: "fedgatectl --store X site list".
// They are moved after the verb. Returns false (with `*error` set) when one
// that needs a value has none.
bool takeLeadingGlobalOptions(QStringList *arguments, QStringList *globals, QString *error)
{
    while (!arguments->isEmpty() && arguments->first().startsWith(QLatin1String("--"))) {
        const QString option = arguments->first();
        if (option == QLatin1String("--json") || option.startsWith(QLatin1String("--store=")) ||
            option.startsWith(QLatin1String("--replica="))) {
            globals->append(arguments->takeFirst());
        } else if (option == QLatin1String("--store") || option == QLatin1String("--replica")) {
            if (arguments->size() < 2) {
                *error = QStringLiteral("%1 needs a value (a store location).").arg(option);
                return false;
            }
            globals->append(arguments->takeFirst());
            globals->append(arguments->takeFirst());
        } else {
            break; // --help, --version or a mistake: handled below
        }
    }
    return true;
}

bool isHelpWord(const QString &word)
{
    return word == QLatin1String("--help") || word == QLatin1String("-h") ||
           word == QLatin1String("help");
}

// "fedgatectl NOUN --help": the noun's verbs with what each does.
void printNounUsage(QTextStream &stream, const QString &noun)
{
    QList<Command> verbs;
    for (const Command &c : registry())
        if (c.noun == noun)
            verbs.append(c);
    std::sort(verbs.begin(), verbs.end(),
              [](const Command &a, const Command &b) { return a.verb < b.verb; });
    stream << "Usage: fedgatectl " << noun << " VERB [options]\n\nVerbs:\n";
    for (const Command &c : verbs)
        stream << "  " << c.verb.leftJustified(16) << c.summary << '\n';
    stream << "\nRun 'fedgatectl " << noun << " VERB --help' for a verb's options.\n";
}

} // namespace

int run(const QStringList &commandLine)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList arguments = commandLine;
    QStringList globals;
    QString globalsError;
    if (!takeLeadingGlobalOptions(&arguments, &globals, &globalsError)) {
        err << "fedgatectl: " << globalsError << '\n';
        return UsageOrValidation;
    }
    if (arguments.isEmpty() || isHelpWord(arguments.first()))
        return arguments.isEmpty() ? (printUsage(err), UsageOrValidation) : printUsage(out);
    if (arguments.first() == QLatin1String("--version")) {
        out << "fedgatectl " << QCoreApplication::applicationVersion() << '\n';
        return Ok;
    }
    const QString noun = arguments.value(0);
    const QString verb = arguments.value(1);
    bool nounKnown = false;
    for (const Command &c : registry()) {
        if (c.noun != noun)
            continue;
        nounKnown = true;
        if (c.verb == verb) {
            Context ctx(noun, verb, arguments.mid(2) + globals);
            return c.handler(ctx);
        }
    }
    // A command registered with an empty verb is a single word ("fedgatectl
    // sessions", "fedgatectl ping DOMAIN"): everything after the noun is its
    // arguments.
    for (const Command &c : registry()) {
        if (c.noun == noun && c.verb.isEmpty()) {
            Context ctx(noun, QString(), arguments.mid(1) + globals);
            return c.handler(ctx);
        }
    }
    if (!nounKnown) {
        err << "fedgatectl: unknown command '" << noun
            << "'. Run 'fedgatectl --help' for the list of commands.\n";
        return UsageOrValidation;
    }
    if (isHelpWord(verb)) {
        printNounUsage(out, noun);
        return Ok;
    }
    if (verb.isEmpty()) {
        err << "fedgatectl: '" << noun << "' needs a verb.\n";
        printNounUsage(err, noun);
        return UsageOrValidation;
    }
    QStringList verbs;
    for (const Command &c : registry())
        if (c.noun == noun)
            verbs << c.verb;
    verbs.sort();
    err << "fedgatectl: '" << noun << "' has no verb '" << verb
        << "'. Its verbs: " << verbs.join(QStringLiteral(", ")) << ".\n";
    return UsageOrValidation;
}

} // namespace fedgate::cli
