#include "TestPaths.h"

#include <QDir>

namespace fedgate::test {

QString sourceDir()
{
    const QString dir = qEnvironmentVariable("FEDGATE_SOURCE_DIR");
    return dir.isEmpty() ? QDir::currentPath() : dir;
}

QString binaryDir()
{
    const QString dir = qEnvironmentVariable("FEDGATE_BINARY_DIR");
    return dir.isEmpty() ? QDir::currentPath() : dir;
}

QString executable(const QString &name)
{
    return binaryDir() + QStringLiteral("/bin/") + name;
}

QString exampleTopologyPath()
{
    return sourceDir() + QStringLiteral("/resources/examples/contoso.json");
}

} // namespace fedgate::test
