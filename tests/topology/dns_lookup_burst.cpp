// Helper of tst_dnsresolver: starts COUNT SRV lookups at once on one
// DnsResolver against SERVER with TIMEOUT_MS each, waits for all of them,
// prints "completed C of COUNT, outcomes: timeout=N ..., elapsed E ms" and
// returns 0 when every lookup completed. The test runs it as its own process
// to see that nothing keeps the process alive after the last answer.
#include "topology/DnsResolver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMap>
#include <QTextStream>

#include <cstdio>

using namespace fedgate::topology;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: dns_lookup_burst SERVER[:PORT] COUNT TIMEOUT_MS\n");
        return 2;
    }
    QString error;
    const std::optional<DnsServerAddress> server = DnsServerAddress::parse(args.at(1), &error);
    const int count = args.at(2).toInt();
    if (!server || count <= 0 || count > 10000) {
        std::fprintf(stderr, "bad arguments: %s\n", qPrintable(error));
        return 2;
    }
    DnsResolver::Options options;
    options.server = *server;
    options.timeoutMs = args.at(3).toInt();
    DnsResolver resolver(options);
    int completed = 0;
    QMap<QString, int> outcomes;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < count; ++i)
        resolver.lookup(QStringLiteral("_xmpp-server._tcp.d%1.burst.test").arg(i),
                        DnsRecordType::SRV, [&](const DnsLookupResult &r) {
                            ++completed;
                            ++outcomes[toString(r.outcome)];
                            if (completed == count)
                                app.quit();
                        });
    const int peak = resolver.pending();
    app.exec();
    QStringList parts;
    for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it)
        parts << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
    QTextStream(stdout) << "in flight " << peak << ", completed " << completed << " of " << count
                        << ", outcomes: " << parts.join(QLatin1Char(' ')) << ", elapsed "
                        << clock.elapsed() << " ms\n";
    return completed == count && resolver.pending() == 0 ? 0 : 1;
}
