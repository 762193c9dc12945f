#include "InactivityDeadline.h"

#include <chrono>
#include <ctime>

namespace fedgate::engine {

qint64 InactivityDeadline::nowMs()
{
#if defined(CLOCK_MONOTONIC_COARSE)
    timespec ts{};
    if (clock_gettime(CLOCK_MONOTONIC_COARSE, &ts) == 0)
        return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
#endif
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

} // namespace fedgate::engine
