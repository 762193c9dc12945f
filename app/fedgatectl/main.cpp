#include "Cli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fedgate"));
    QCoreApplication::setOrganizationName(QStringLiteral("fedgate"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FEDGATE_VERSION));
    return fedgate::cli::run(QCoreApplication::arguments().mid(1));
}
