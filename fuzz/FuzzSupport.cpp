#include "FuzzSupport.h"

#include <QCoreApplication>
#include <QtGlobal>

#include <spdlog/spdlog.h>

#include <cstdio>
#include <cstdlib>

namespace fedgate::fuzz {

void silenceLogs()
{
    if (qEnvironmentVariableIsSet("FEDGATE_FUZZ_VERBOSE"))
        return; // replaying one input by hand: keep the engine's log
    spdlog::set_level(spdlog::level::off);
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
}

void ensureApplication(int *argc, char ***argv)
{
    if (QCoreApplication::instance())
        return;
    // Deliberately never deleted: libFuzzer ends the process with exit().
    new QCoreApplication(*argc, *argv);
}

void fail(const char *what, const QByteArray &detail)
{
    std::fprintf(stderr, "fuzz finding: %s\n%s\n", what, detail.left(4096).constData());
    std::abort();
}

} // namespace fedgate::fuzz
