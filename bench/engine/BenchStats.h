#pragma once

#include <QLocale>
#include <QString>

#include <algorithm>
#include <vector>

// The figures bench_s2s and bench_c2s print: medians over repetitions and
// numbers as the tables show them.
namespace fedgate::bench {

inline double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// One figure of one server over the repetitions, with the CPU-seconds.
struct Series
{
    std::vector<double> values;       // per second
    std::vector<double> serverCpu;    // CPU-seconds of the server
    std::vector<double> perCpuSecond; // work per server CPU-second
    std::vector<double> generatorCpu; // CPU-seconds of the generator
};

// Thousands separated above 1,000, three significant digits below.
inline QString number(double v)
{
    if (v >= 1000)
        return QLocale(QLocale::English).toString(qint64(v + 0.5));
    return QString::number(v, 'g', 3);
}

} // namespace fedgate::bench
