// fedgatectl user password ADDRESS: sets a user's password in the gateway's
// account store on this machine (the store fedgated's gateway role reads).
// Only users of the published topology are accounts, so an address that is
// not among them is refused with the way to add it. The password is asked
// twice without echo (or read from --password-file) and only its SCRAM
// credentials are stored.
#include "Cli.h"
#include "GatewayAccounts.h"
#include "PublishedTopology.h"

#include "engine/gateway/AccountStore.h"

#include <QFile>
#include <QJsonObject>

#include <cstdio>
#include <optional>

#include <termios.h>
#include <unistd.h>

namespace fedgate::cli {

namespace {

using engine::AccountStore;
using engine::Jid;

const QCommandLineOption kPasswordFile(
    QStringLiteral("password-file"),
    QStringLiteral("Read the password from the first line of FILE instead of asking (keeps it "
                   "out of the shell history and ps)."),
    QStringLiteral("FILE"));
const QCommandLineOption kRemove(
    QStringLiteral("remove"),
    QStringLiteral("Forget the user's password instead: the user can no longer log in. Works "
                   "for addresses no longer in the topology too."));
const QCommandLineOption kTopologyFile(
    QStringLiteral("topology"),
    QStringLiteral("Check the address against this topology file instead of the published "
                   "topology."),
    QStringLiteral("FILE"));

// One line from stdin, bounded; echo off while reading when stdin is a
// terminal. nullopt at end of input.
std::optional<QByteArray> readSecretLine(QTextStream &err, const QString &prompt)
{
    err << prompt;
    err.flush();
    const bool tty = isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (tty && tcgetattr(STDIN_FILENO, &saved) == 0) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    QByteArray line;
    bool any = false;
    for (int c = std::getchar(); c != EOF; c = std::getchar()) {
        any = true;
        if (c == '\n')
            break;
        if (line.size() < 4096)
            line += char(c);
    }
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        err << '\n';
        err.flush();
    }
    if (!any)
        return std::nullopt;
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

Result<QString> passwordFromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{
            QStringLiteral("Cannot read the password file %1: %2.").arg(path, file.errorString()),
            path, 0, 0};
    QByteArray line = file.read(64 * 1024);
    if (const qsizetype nl = line.indexOf('\n'); nl >= 0)
        line.truncate(nl);
    if (line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

Result<QString> askPassword(Context &ctx, const QString &address)
{
    const auto first =
        readSecretLine(ctx.err(), QStringLiteral("New password for %1: ").arg(address));
    const auto second =
        first ? readSecretLine(ctx.err(), QStringLiteral("Repeat the password: ")) : std::nullopt;
    if (!first || !second)
        return Error{QStringLiteral("No password was entered (end of input). Type it twice, or "
                                    "give --password-file FILE."),
                     QString(), 0, 0};
    if (*first != *second)
        return Error{QStringLiteral("The two passwords differ; nothing was changed. Run the "
                                    "command again."),
                     QString(), 0, 0};
    return QString::fromUtf8(*first);
}

int removePassword(Context &ctx, const QCommandLineParser &parser, const Jid &user)
{
    auto removed = engine::removeAccountPassword(parser.value(gatewayStoreOption()), user);
    if (!removed)
        return ctx.fail(StoreError, describeError(removed.error()));
    const bool had = removed.value().hadPassword;
    const QString location = removed.value().location;
    return ctx.succeed(
        had ? QStringLiteral("Removed the password of %1 from the gateway store %2; %1 "
                             "can no longer log in.")
                  .arg(user.toString(), location)
            : QStringLiteral("%1 had no password in the gateway store %2; nothing to "
                             "remove.")
                  .arg(user.toString(), location),
        QJsonObject{{QStringLiteral("user"), user.toString()},
                    {QStringLiteral("gatewayStore"), location},
                    {QStringLiteral("removed"), had}});
}

int userPassword(Context &ctx)
{
    QCommandLineParser parser;
    parser.addOption(kPasswordFile);
    parser.addOption(gatewayStoreOption());
    parser.addOption(kTopologyFile);
    parser.addOption(kRemove);
    if (!ctx.parse(parser,
                   QStringLiteral("Set a user's password in the gateway's account store on this "
                                  "machine. The user must be in the published topology."),
                   QStringLiteral("ADDRESS"), 1, 1))
        return ctx.exitCode();
    const QString text = parser.positionalArguments().first().trimmed();
    QString error;
    const std::optional<Jid> parsed = Jid::parse(text, &error);
    if (!parsed)
        return ctx.fail(UsageOrValidation, error);
    if (!parsed->isBare() || parsed->localpart().isEmpty())
        return ctx.fail(UsageOrValidation,
                        QStringLiteral("'%1' is not a user address: give the bare address, "
                                       "such as alice@contoso.test.")
                            .arg(text));
    const Jid user = *parsed;
    if (parser.isSet(kRemove))
        return removePassword(ctx, parser, user);

    const LoadedTopology loaded = loadTopology(ctx, parser.value(kTopologyFile), false);
    if (loaded.failed)
        return loaded.exitCode;
    if (!loaded.topology)
        return ctx.fail(UsageOrValidation,
                        QStringLiteral("No published topology on this machine, so %1 cannot be "
                                       "checked as a user. Import the published topology "
                                       "(fedgatectl topology import) or give --store LOCATION.")
                            .arg(user.toString()));
    bool known = false;
    for (const topology::User &u : loaded.topology->users)
        known = known || Jid::fromString(u.xmppAddress) == user;
    if (!known)
        return ctx.fail(UsageOrValidation,
                        QStringLiteral("%1 is not a user in %2, so it has no account. Add it "
                                       "first ('fedgatectl user add %1 --site SITE', then "
                                       "'fedgatectl topology publish' and import it on this "
                                       "machine), then set the password.")
                            .arg(user.toString(), loaded.label));

    Result<QString> password = parser.isSet(kPasswordFile)
                                   ? passwordFromFile(parser.value(kPasswordFile))
                                   : askPassword(ctx, user.toString());
    if (!password)
        return ctx.fail(UsageOrValidation, describeError(password.error()));

    auto set =
        engine::setAccountPassword(parser.value(gatewayStoreOption()), user, password.value());
    if (!set)
        return ctx.fail(set.error().source.isEmpty() ? UsageOrValidation : StoreError,
                        describeError(set.error()));
    const QString location = set.value();
    return ctx.succeed(
        QStringLiteral("Set the password of %1 in the gateway store %2 (SCRAM-SHA-1 and "
                       "SCRAM-SHA-256, %3 iterations; the password itself is not stored). It "
                       "applies at the next login.")
            .arg(user.toString(), location)
            .arg(AccountStore::kDefaultIterations),
        QJsonObject{{QStringLiteral("user"), user.toString()},
                    {QStringLiteral("gatewayStore"), location},
                    {QStringLiteral("iterations"), AccountStore::kDefaultIterations}});
}

const Registrar registrar{
    {QStringLiteral("user"), QStringLiteral("password"),
     QStringLiteral("Set a user's password in the gateway's account store."), userPassword},
};

} // namespace
} // namespace fedgate::cli
