#include "GatewayAccounts.h"

namespace fedgate::cli {

const QCommandLineOption &gatewayStoreOption()
{
    static const QCommandLineOption option(
        QStringLiteral("gateway-store"),
        QStringLiteral("The gateway's account store: a SQLite file or a postgresql:// URL "
                       "(default: gateway.db in the data directory, as fedgated uses)."),
        QStringLiteral("LOCATION"));
    return option;
}

} // namespace fedgate::cli
