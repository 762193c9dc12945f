// Measures key generation and CSR building for each key type the request
// wizard offers, the way createRequest() does them, and prints a Markdown
// table (min / median / mean / max in milliseconds).
//
//   bench_certgen [--iterations N] [--rsa4096-iterations N]
//
// RSA key generation time varies widely (it searches for primes), so the
// median matters more than the mean, and the number of runs more than
// either.
#include "certs/CertificateNames.h"
#include "certs/CertificateRequest.h"
#include "certs/CsrBuilder.h"
#include "certs/KeyGenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSysInfo>
#include <QTextStream>
#include <QThread>

#include <openssl/crypto.h>

#include <ctime>

#include <algorithm>
#include <numeric>
#include <vector>

using namespace fedgate::certs;

namespace {

struct Stats
{
    double min = 0, median = 0, mean = 0, max = 0;
};

Stats statsOf(std::vector<double> samples)
{
    Stats s;
    if (samples.empty())
        return s;
    std::sort(samples.begin(), samples.end());
    s.min = samples.front();
    s.max = samples.back();
    const size_t n = samples.size();
    s.median = n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
    s.mean = std::accumulate(samples.begin(), samples.end(), 0.0) / double(n);
    return s;
}

// CPU time of this thread: what the work costs, whatever else the machine
// is doing (wall time on a shared machine includes waiting for a core).
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

QString row(const QString &label, int runs, const Stats &s, const Stats &cpu)
{
    return QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 |")
        .arg(label)
        .arg(runs)
        .arg(s.min, 0, 'f', 2)
        .arg(s.median, 0, 'f', 2)
        .arg(s.mean, 0, 'f', 2)
        .arg(s.max, 0, 'f', 2)
        .arg(cpu.median, 0, 'f', 2)
        .arg(cpu.mean, 0, 'f', 2);
}

// The names of a two-member edge pool with two SIP domains, SRV-ID and
// xmppAddr on: the largest request the wizard usually makes.
CertificateNames typicalNames()
{
    CertificateNames names;
    names.commonName = QStringLiteral("access.contoso.test");
    names.dnsNames = {"access.contoso.test", "access1.contoso.test", "access2.contoso.test",
                      "sip.contoso.test",    "sip.fabrikam.test",    "contoso.test"};
    names.srvIds = {"_xmpp-server.contoso.test"};
    names.xmppAddrs = {"contoso.test"};
    return names;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Key + CSR generation per key type."));
    parser.addHelpOption();
    const QCommandLineOption iterations(QStringLiteral("iterations"),
                                        QStringLiteral("Runs per key type (default 20)."),
                                        QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption rsa4096(QStringLiteral("rsa4096-iterations"),
                                     QStringLiteral("Runs for RSA 4096 (default 10)."),
                                     QStringLiteral("N"), QStringLiteral("10"));
    parser.addOption(iterations);
    parser.addOption(rsa4096);
    parser.process(app);
    const int runs = std::max(1, parser.value(iterations).toInt());
    const int runs4096 = std::max(1, parser.value(rsa4096).toInt());

    QTextStream out(stdout);
    out << "Machine: " << QSysInfo::prettyProductName() << ", "
        << QSysInfo::currentCpuArchitecture() << ", " << QThread::idealThreadCount()
        << " logical CPUs\n"
        << "Date: " << QDateTime::currentDateTimeUtc().toString(Qt::ISODate) << "\n"
        << "OpenSSL: " << OpenSSL_version(OPENSSL_VERSION) << "\n\n";
    out << "| key type | runs | min ms | median ms | mean ms | max ms | CPU median ms | CPU mean "
           "ms |\n"
        << "|---|---|---|---|---|---|---|---|\n";
    out.flush();

    CertificateRequest request;
    request.templateName = QStringLiteral("WebServer");
    request.organisation = QStringLiteral("Contoso");
    request.country = QStringLiteral("FR");
    const CertificateNames names = typicalNames();
    for (KeyType type :
         {KeyType::Rsa2048, KeyType::Rsa3072, KeyType::Rsa4096, KeyType::EcP256, KeyType::EcP384}) {
        const int n = type == KeyType::Rsa4096 ? runs4096 : runs;
        std::vector<double> csrTimes, totals, csrCpu, totalCpu;
        for (int i = 0; i < n; ++i) {
            QElapsedTimer timer;
            const double cpuStart = threadCpuMs();
            timer.start();
            fedgate::Result<PKeyPtr> key = generateKey(type);
            const double keyMs = double(timer.nsecsElapsed()) / 1e6;
            const double cpuKey = threadCpuMs();
            if (!key) {
                QTextStream(stderr) << key.error().message << '\n';
                return 1;
            }
            timer.restart();
            request.keyType = type;
            fedgate::Result<X509ReqPtr> csr = buildCsr(key.value().get(), names, request);
            const double csrMs = double(timer.nsecsElapsed()) / 1e6;
            const double cpuEnd = threadCpuMs();
            if (!csr) {
                QTextStream(stderr) << csr.error().message << '\n';
                return 1;
            }
            csrTimes.push_back(csrMs);
            totals.push_back(keyMs + csrMs);
            csrCpu.push_back(cpuEnd - cpuKey);
            totalCpu.push_back(cpuEnd - cpuStart);
        }
        out << row(displayName(type) + QStringLiteral(" key + CSR"), n, statsOf(totals),
                   statsOf(totalCpu))
            << '\n';
        out << row(QStringLiteral("&nbsp;&nbsp;of which CSR (build + sign)"), n, statsOf(csrTimes),
                   statsOf(csrCpu))
            << '\n';
        out.flush();
    }
    return 0;
}
