#pragma once

#include <QByteArray>

#include <cstddef>
#include <cstdint>

// What every fuzz target of Fedgate shares: silence (libFuzzer runs millions
// of inputs; a log line per input would drown its own output and slow it
// down), and a QCoreApplication for the targets that need an event loop.
namespace fedgate::fuzz {

// Turns spdlog off and drops Qt's messages (qWarning and friends), unless
// FEDGATE_FUZZ_VERBOSE is set. Call once, from LLVMFuzzerInitialize.
void silenceLogs();

// Creates the QCoreApplication of the process (once; argc/argv as libFuzzer
// passed them).
void ensureApplication(int *argc, char ***argv);

// Stops the process with a message on stderr: a finding for libFuzzer.
[[noreturn]] void fail(const char *what, const QByteArray &detail = {});

} // namespace fedgate::fuzz
