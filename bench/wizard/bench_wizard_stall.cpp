// The longest GUI event-loop stall while the wizard works, for the two long
// jobs a user starts from it: RSA-4096 key generation (certificate request
// wizard, KeyCreationPage) and a 20-record DNS check (DnsPage against a
// dnsmasq on 127.0.0.72, so it must run as root). For contrast it also times
// the key generation called on the GUI thread, which is what the page avoids.
//
//   bench_wizard_stall [ROUNDS]     (QT_QPA_PLATFORM=offscreen is set if unset)
#include "StallMeter.h"

#include "support/DnsmasqServer.h"
#include "support/TestPaths.h"
#include "wizard/DnsPage.h"
#include "wizard/Workspace.h"
#include "wizard/certificates/CertificateRequestWizard.h"
#include "wizard/certificates/KeyCreationPage.h"

#include "certs/KeyStore.h"
#include "topology/DnsRecordPlan.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace fedgate;
using namespace fedgate::wizard;

namespace {
struct Figure
{
    double stallMs = 0;
    qint64 durationMs = 0;
};

// Runs the event loop until `done` or `timeoutMs`.
bool spin(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    return done();
}

Figure keyGenerationInWizard(const topology::Topology &topology, const QString &dir)
{
    CertificateRequestWizard wizard(topology, QString());
    wizard.show();
    QElapsedTimer settle;
    settle.start();
    spin([&settle] { return settle.elapsed() > 300; }, 1000);
    wizard.setField(QStringLiteral("csrPath"), dir + QStringLiteral("/bench.csr"));
    wizard.setField(QStringLiteral("friendlyName"), QStringLiteral("bench"));
    wizard.setField(QStringLiteral("organisation"), QStringLiteral("Contoso"));
    auto *key = wizard.findChild<QWidget *>(QStringLiteral("keyType"));
    key->setProperty("currentIndex", 2); // RSA 4096
    while (wizard.currentId() != CertificateRequestWizard::CreationPage) {
        const int before = wizard.currentId();
        wizard.next();
        if (wizard.currentId() == before) {
            std::fprintf(stderr, "wizard stuck on page %d\n", before);
            return {};
        }
    }
    // next() onto the creation page started the job; measure until it ends.
    auto *page = qobject_cast<KeyCreationPage *>(wizard.currentPage());
    StallMeter meter;
    QElapsedTimer clock;
    clock.start();
    meter.start();
    spin([page] { return page->isComplete(); }, 120000);
    meter.stop();
    return {meter.longestStallMsPrecise(), clock.elapsed()};
}

Figure keyGenerationOnGuiThread(const topology::Topology &topology)
{
    certs::CertificateRequest request;
    request.friendlyName = QStringLiteral("bench");
    request.organisation = QStringLiteral("Contoso");
    request.keyType = certs::KeyType::Rsa4096;
    StallMeter meter;
    QElapsedTimer clock;
    clock.start();
    meter.start();
    QCoreApplication::processEvents();
    certs::KeyStore store;
    auto outcome = store.createRequest(topology, request); // blocks the loop
    QCoreApplication::processEvents();
    meter.stop();
    if (!outcome.ok())
        std::fprintf(stderr, "createRequest: %s\n", qPrintable(outcome.error().toString()));
    return {meter.longestStallMsPrecise(), clock.elapsed()};
}

Figure dnsCheck(Workspace *workspace, int *recordCount)
{
    DnsPage page(workspace);
    page.show();
    const topology::DnsRecordPlan plan =
        topology::DnsRecordPlan::fromTopology(workspace->topology());
    *recordCount = int(plan.records(topology::DnsZone::External).size());
    page.findChild<QLineEdit *>(QStringLiteral("server"))->setText(QStringLiteral("127.0.0.72"));
    page.findChild<QWidget *>(QStringLiteral("namedServer"))->setProperty("checked", true);
    bool finished = false;
    QObject::connect(&page, &DnsPage::checked, [&finished] { finished = true; });
    // The page is on screen before the user can press Check Now: let its
    // first layout and paint happen outside the measurement.
    QElapsedTimer settle;
    settle.start();
    spin([&settle] { return settle.elapsed() > 300; }, 1000);
    StallMeter meter;
    QElapsedTimer clock;
    clock.start();
    meter.start();
    page.findChild<QPushButton *>(QStringLiteral("checkNow"))->click();
    spin([&finished] { return finished; }, 60000);
    meter.stop();
    return {meter.longestStallMsPrecise(), clock.elapsed()};
}
} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int rounds = argc > 1 ? qMax(1, atoi(argv[1])) : 3;
    QTemporaryDir dir;
    qputenv("FEDGATE_DATA_DIR", dir.path().toLocal8Bit());
    if (qEnvironmentVariableIsEmpty("FEDGATE_SOURCE_DIR"))
        qputenv("FEDGATE_SOURCE_DIR", FEDGATE_SOURCE_DIR_DEFAULT);

    Workspace workspace(dir.filePath(QStringLiteral("cms.sqlite")),
                        dir.filePath(QStringLiteral("replica.sqlite")));
    if (!workspace.open().ok() || !workspace.importFile(test::exampleTopologyPath()).ok()) {
        std::fprintf(stderr, "cannot load %s\n", qPrintable(test::exampleTopologyPath()));
        return 1;
    }
    // More XMPP domains until the external plan has 20 records (two SRV per
    // domain, one per routed edge pool).
    topology::Topology t = workspace.topology();
    for (int i = 1;
         topology::DnsRecordPlan::fromTopology(t).records(topology::DnsZone::External).size() < 20;
         ++i)
        t.organisation.xmppDomains << QStringLiteral("im%1.contoso.test").arg(i);
    if (!workspace.setTopology(t).ok() || !workspace.publish(QStringLiteral("bench")).ok()) {
        std::fprintf(stderr, "cannot publish the bench topology\n");
        return 1;
    }

    std::printf("%-44s %10s %12s\n", "scenario", "stall ms", "duration ms");
    for (int r = 0; r < rounds; ++r) {
        const Figure f = keyGenerationInWizard(workspace.topology(), dir.path());
        std::printf("%-44s %10.1f %12lld\n", "RSA-4096 request, wizard (worker thread)", f.stallMs,
                    f.durationMs);
    }
    for (int r = 0; r < rounds; ++r) {
        const Figure f = keyGenerationOnGuiThread(workspace.topology());
        std::printf("%-44s %10.1f %12lld\n", "RSA-4096 request on the GUI thread (contrast)",
                    f.stallMs, f.durationMs);
    }

    test::DnsmasqServer dns(QHostAddress(QStringLiteral("127.0.0.72")));
    const topology::DnsRecordPlan plan =
        topology::DnsRecordPlan::fromTopology(workspace.topology());
    QStringList zone;
    for (const topology::DnsRecord &record : plan.records(topology::DnsZone::External))
        zone << record.zoneLine();
    QString error;
    if (!dns.addZone(zone.join(QLatin1Char('\n')), &error) || !dns.start(&error)) {
        std::fprintf(stderr, "dnsmasq: %s (run as root)\n", qPrintable(error));
        return 1;
    }
    for (int r = 0; r < rounds; ++r) {
        int records = 0;
        const Figure f = dnsCheck(&workspace, &records);
        std::printf("%-44s %10.1f %12lld\n",
                    qPrintable(QStringLiteral("DNS check, %1 records, DnsPage").arg(records)),
                    f.stallMs, f.durationMs);
    }
    return 0;
}
