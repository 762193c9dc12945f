// fedgatectl gateway: the gateway-wide settings (Get/Set-CsXmppGatewayConfiguration
// in the original product): connection limits, stream timers and message-body logging.
#include "DraftEdit.h"

namespace fedgate::cli {

namespace {

using namespace fedgate::topology;

// One numeric setting: its option, its name in the product's documentation,
// the field it edits and the range accepted. The upper bounds keep values a
// typo would produce (an extra zero or two) from reaching the engine: a day
// for stream timers, a week for the subscription refresh.
struct IntSetting
{
    const char *option;
    const char *productName;
    const char *help;
    int GatewaySettings::*field;
    int max;
};

constexpr IntSetting kIntSettings[] = {
    {"connection-limit", "ConnectionLimit",
     "Maximum XMPP server-to-server connections of the gateway (default 1000).",
     &GatewaySettings::connectionLimit, 100000},
    {"partner-connection-limit", "PartnerConnectionLimit",
     "Maximum connections to one partner, unless the partner sets its own (default 20).",
     &GatewaySettings::partnerConnectionLimit, 100000},
    {"keep-alive-interval", "KeepAliveInterval",
     "Seconds between keep-alives on idle streams (default 300).",
     &GatewaySettings::keepAliveInterval, 86400},
    {"stream-establishment-timeout", "StreamEstablishmentTimeout",
     "Seconds a new stream may take to be established (default 60).",
     &GatewaySettings::streamEstablishmentTimeout, 86400},
    {"stream-inactivity-timeout", "StreamInactivityTimeout",
     "Seconds without traffic before a stream is closed (default 600).",
     &GatewaySettings::streamInactivityTimeout, 86400},
    {"subscription-refresh-interval", "SubscriptionRefreshInterval",
     "Seconds between presence subscription refreshes (default 28800).",
     &GatewaySettings::subscriptionRefreshInterval, 604800},
};

// The settings as JSON. The dialback secret is key material shared by the
// edge pool members: it is never printed, only whether one exists.
QJsonObject gatewayJson(const GatewaySettings &g)
{
    QJsonObject o;
    for (const IntSetting &s : kIntSettings)
        o.insert(QLatin1String(s.productName), g.*s.field);
    o.insert(QStringLiteral("EnableLoggingAllMessageBodies"), g.enableLoggingAllMessageBodies);
    o.insert(QStringLiteral("DialbackSecretGenerated"), !g.dialbackSecret.isEmpty());
    return o;
}

QString gatewayText(const GatewaySettings &g)
{
    QString text;
    for (const IntSetting &s : kIntSettings)
        text += QStringLiteral("%1: %2\n").arg(QLatin1String(s.productName)).arg(g.*s.field);
    text += QStringLiteral("EnableLoggingAllMessageBodies: %1\n")
                .arg(g.enableLoggingAllMessageBodies ? QStringLiteral("true")
                                                     : QStringLiteral("false"));
    text += g.dialbackSecret.isEmpty()
                ? QStringLiteral("Dialback secret: not generated yet (created at first publish)")
                : QStringLiteral("Dialback secret: generated (not shown)");
    return text;
}

int gatewayShow(Context &ctx)
{
    QCommandLineParser parser;
    return editDraft(ctx, parser, QStringLiteral("Show the gateway-wide settings of the draft."),
                     {}, 0, 0, [&](DraftEdit &draft) -> int {
                         const GatewaySettings &g = draft.topology().gateway;
                         return ctx.succeed(gatewayText(g), QJsonObject{{QStringLiteral("gateway"),
                                                                         gatewayJson(g)}});
                     });
}

int gatewaySet(Context &ctx)
{
    QCommandLineParser parser;
    QList<QCommandLineOption> intOptions;
    for (const IntSetting &s : kIntSettings) {
        intOptions << valueOption(
            QLatin1String(s.option),
            QStringLiteral("%1 Accepted: 1 to %2.").arg(QLatin1String(s.help)).arg(s.max),
            QStringLiteral("N"));
        parser.addOption(intOptions.last());
    }
    const QCommandLineOption logBodies =
        valueOption(QStringLiteral("log-message-bodies"),
                    QStringLiteral("Log the bodies of all messages: true or false (default false). "
                                   "Message bodies are user content; enable only for diagnosis."),
                    QStringLiteral("BOOL"));
    parser.addOption(logBodies);

    return editDraft(
        ctx, parser, QStringLiteral("Change the gateway-wide settings of the draft."), {}, 0, 0,
        [&](DraftEdit &draft) -> int {
            // Every value is checked before any is applied, so a refused
            // command leaves the draft exactly as it was.
            GatewaySettings changed = draft.topology().gateway;
            bool any = false;
            for (int i = 0; i < intOptions.size(); ++i) {
                if (!parser.isSet(intOptions[i]))
                    continue;
                const IntSetting &s = kIntSettings[i];
                if (!parseInt(ctx, QLatin1String(s.option), parser.value(intOptions[i]), 1, s.max,
                              &(changed.*s.field)))
                    return UsageOrValidation;
                any = true;
            }
            if (parser.isSet(logBodies)) {
                if (!parseBool(ctx, QStringLiteral("log-message-bodies"), parser.value(logBodies),
                               &changed.enableLoggingAllMessageBodies))
                    return UsageOrValidation;
                any = true;
            }
            if (!any)
                return ctx.fail(UsageOrValidation,
                                QStringLiteral("Nothing to change: give at least one setting, "
                                               "e.g. --connection-limit 2000. 'fedgatectl gateway "
                                               "set --help' lists them."));
            draft.topology().gateway = changed;
            QString human =
                QStringLiteral("Changed the gateway settings.\n") + gatewayText(changed);
            if (changed.enableLoggingAllMessageBodies &&
                !draft.original().gateway.enableLoggingAllMessageBodies)
                human += QStringLiteral("\nNote: message bodies will be written to the log once "
                                        "published. Turn it off again after the diagnosis.");
            return draft.commit(ctx, QStringLiteral("gateway"), human,
                                {{QStringLiteral("gateway"), gatewayJson(changed)}});
        });
}

const Registrar registrar{
    {QStringLiteral("gateway"), QStringLiteral("show"),
     QStringLiteral("Show the gateway-wide settings."), gatewayShow},
    {QStringLiteral("gateway"), QStringLiteral("set"),
     QStringLiteral("Change the gateway-wide settings."), gatewaySet},
};

} // namespace
} // namespace fedgate::cli
