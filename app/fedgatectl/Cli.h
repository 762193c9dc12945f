#pragma once

#include "topology/Result.h"

#include <QCommandLineParser>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>

// The small framework behind fedgatectl: "fedgatectl NOUN VERB [options]".
// A command group (TopologyCommands.cpp, PartnerCommands.cpp, ...) registers
// its verbs with a static Registrar; main() dispatches.
namespace fedgate::cli {

// Exit codes, the same for every verb.
enum ExitCode
{
    Ok = 0,
    UsageOrValidation = 1,
    StoreError = 2
};

class Context
{
public:
    Context(QString noun, QString verb, QStringList arguments);

    const QString noun;
    const QString verb;

    // Adds the common options (--json, --store, --replica, --help), then
    // parses. On --help prints help and returns false with exitCode() = Ok; on
    // a usage error prints it and returns false with exitCode() =
    // UsageOrValidation. `positional` names the positional arguments for help
    // ("SITE EDGEPOOL").
    bool parse(QCommandLineParser &parser, const QString &description,
               const QString &positional = {}, int minPositional = 0, int maxPositional = 0);
    int exitCode() const { return m_exitCode; }

    bool json() const { return m_json; }
    QString store() const { return m_store; }     // "" = default central store
    QString replica() const { return m_replica; } // "" = default local replica

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    // Prints `message` on stderr (or as {"error": ...} with --json) and
    // returns `code`, so handlers can `return ctx.fail(...)`.
    int fail(int code, const QString &message);
    // Prints a JSON value (indented) on stdout.
    void printJson(const QJsonValue &value);
    // Prints `human` or, with --json, `json`; returns Ok.
    int succeed(const QString &human, const QJsonValue &json = QJsonValue());

private:
    QStringList m_arguments;
    QTextStream m_out;
    QTextStream m_err;
    bool m_json = false;
    QString m_store;
    QString m_replica;
    int m_exitCode = Ok;
};

// An option that takes a value: --name VALUENAME.
QCommandLineOption valueOption(const QString &name, const QString &help,
                               const QString &valueName = QStringLiteral("VALUE"));

// An error as one line for the terminal: store errors already name their
// location in the sentence; file errors carry it (with the position) in
// source/line/column.
QString describeError(const Error &error);

using Handler = std::function<int(Context &)>;

struct Command
{
    QString noun;
    QString verb;
    QString summary;
    Handler handler;
};

// Static registration: `static const fedgate::cli::Registrar r{{...}, {...}};`
struct Registrar
{
    Registrar(std::initializer_list<Command> commands);
};

const QList<Command> &commands();
int run(const QStringList &arguments); // arguments without the program name

} // namespace fedgate::cli
