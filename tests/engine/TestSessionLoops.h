#pragma once

#include <QtGlobal>

// How many session loops an Engine built in a test process runs: 1 (all on
// the test's thread) unless FEDGATE_TEST_SESSION_LOOPS says otherwise. The
// s2s suites are registered a second time with 2 (tests/engine/CMakeLists),
// so their sessions also run on a loop of their own thread.
namespace fedgate::test {

inline int testSessionLoops()
{
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("FEDGATE_TEST_SESSION_LOOPS", &ok);
    return ok && n > 0 ? n : 1;
}

} // namespace fedgate::test
