#pragma once

#include <QString>

// Where the test finds the source tree, the build tree and the executables.
// CTest sets FEDGATE_SOURCE_DIR and FEDGATE_BINARY_DIR (tests/CMakeLists.txt).
namespace fedgate::test {

QString sourceDir();
QString binaryDir();
QString executable(const QString &name); // e.g. "fedgatectl" -> <build>/bin/fedgatectl
QString exampleTopologyPath();           // resources/examples/contoso.json

} // namespace fedgate::test
