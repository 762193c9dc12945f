#include "Cli.h"

#include "topology/Paths.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fedgate"));
    QCoreApplication::setOrganizationName(QStringLiteral("fedgate"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FEDGATE_VERSION));
    // Root working on the service's files writes them as the service account.
    if (auto switched = fedgate::useServiceAccount(); !switched) {
        std::fprintf(stderr, "fedgatectl: %s\n", qPrintable(switched.error().message));
        return fedgate::cli::StoreError;
    }
    return fedgate::cli::run(QCoreApplication::arguments().mid(1));
}
