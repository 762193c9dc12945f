// issue 11's first "Show": the bundled example deployed on this machine from
// an answers file (`fedgatectl deploy --answers`), both roles under the
// built-in supervisor, a real Prosody serving the partner fabrikam.test and
// dnsmasq serving the planned records; `fedgatectl check` passes
// everything. Then one thing at a time is broken and restored: the service
// stopped, the site's route moved off this edge pool, a DNS record removed,
// an expired certificate assigned, the partner stopped; each time the
// matching check fails with a finding and the exit code is not 0.
// Prosody on 127.0.0.40, federation on 127.0.0.41, the internal link and the
// clients on 127.0.0.42, dnsmasq on 127.0.0.43, Montreal's edge (down) on
// 127.0.0.44.
#include "DatedCertificate.h"

#include "certs/CertificateNames.h"
#include "support/DnsmasqServer.h"
#include "support/FederationPartner.h"
#include "support/Fedgatectl.h"
#include "support/PeerProcess.h"
#include "support/TestPaths.h"
#include "topology/TopologyDocument.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace fedgate;
using namespace fedgate::test;

namespace {
const FederationAddresses kAddresses{QStringLiteral("127.0.0.40"), QStringLiteral("127.0.0.42"),
                                     QStringLiteral("127.0.0.41"), QStringLiteral("127.0.0.44")};
const QString kDns = QStringLiteral("127.0.0.43");
const QString kParis = QStringLiteral("edge-paris.contoso.test");
const QString kMontreal = QStringLiteral("edge-mtl.contoso.test");
} // namespace

class TstDeployCheckE2e : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    FederationPartner m_partner;
    DnsmasqServer m_dnsmasq{QHostAddress(kDns)};
    QStringList m_dnsLines;
    QString m_data;
    QString m_store;
    topology::Topology m_topology;

    CliResult ctl(const QStringList &args, int timeoutMs = 120000)
    {
        return runFedgatectl(args, m_data, timeoutMs);
    }

    QString diagnostics()
    {
        const CliResult log = ctl({QStringLiteral("service"), QStringLiteral("log"),
                                   QStringLiteral("--lines"), QStringLiteral("60")});
        std::fprintf(stderr, "--- fedgated (tail) ---\n%s\n--- prosody (tail) ---\n%s\n",
                     log.out.constData(), qPrintable(m_partner.prosody.debugLog().right(4000)));
        return QStringLiteral("(fedgated's and Prosody's logs above)");
    }

    // `fedgatectl check --json`; the exit code and the result per id.
    QHash<QString, QJsonObject> check(int *exitCode, QString *output)
    {
        const CliResult r =
            ctl({QStringLiteral("check"), QStringLiteral("--json"), QStringLiteral("--dns-server"),
                 kDns, QStringLiteral("--ping-timeout"), QStringLiteral("10")});
        *exitCode = r.exitCode;
        *output = r.text();
        QHash<QString, QJsonObject> byId;
        for (const QJsonValue &v : r.object().value(QStringLiteral("checks")).toArray())
            byId.insert(v.toObject().value(QStringLiteral("id")).toString(), v.toObject());
        return byId;
    }

    // The check `id` fails with at least one finding whose problem
    // contains `problem`, and `fedgatectl check` exits 1.
    void expectFailure(const QString &id, const QString &problem)
    {
        int exitCode = -1;
        QString output;
        const QHash<QString, QJsonObject> results = check(&exitCode, &output);
        QVERIFY2(exitCode == 1, qPrintable(output));
        const QJsonObject result = results.value(id);
        QVERIFY2(result.value(QStringLiteral("status")).toString() == u"fail", qPrintable(output));
        bool found = false;
        for (const QJsonValue &f : result.value(QStringLiteral("findings")).toArray()) {
            const QJsonObject finding = f.toObject();
            QVERIFY(!finding.value(QStringLiteral("fix")).toString().isEmpty());
            found = found || finding.value(QStringLiteral("problem")).toString().contains(problem);
        }
        QVERIFY2(found, qPrintable(output));
    }

    void expectAllPass()
    {
        int exitCode = -1;
        QString output;
        const QHash<QString, QJsonObject> results = check(&exitCode, &output);
        if (exitCode != 0)
            diagnostics();
        QString notPassed;
        for (const QJsonObject &r : results)
            if (r.value(QStringLiteral("status")).toString() != u"pass")
                notPassed += QString::fromUtf8(QJsonDocument(r).toJson()) + u'\n';
        QVERIFY2(exitCode == 0 && results.size() == 8 && notPassed.isEmpty(),
                 qPrintable(notPassed.isEmpty() ? output : notPassed));
    }

    // Bounded wait until the listeners are as planned (the gateway's link
    // to the edge included).
    bool waitForListeners()
    {
        const QDeadlineTimer deadline(60000);
        while (!deadline.hasExpired()) {
            if (ctl({QStringLiteral("service"), QStringLiteral("listeners")}, 20000).exitCode == 0)
                return true;
            QTest::qWait(250);
        }
        return false;
    }

    bool publishAndImport(const topology::Topology &topology)
    {
        const QString file = m_dir.filePath(QStringLiteral("topology.json"));
        if (!topology::TopologyDocument::writeFile(topology, file).ok())
            return false;
        for (const QStringList &step :
             {QStringList{QStringLiteral("topology"), QStringLiteral("publish"),
                          QStringLiteral("--file"), file},
              QStringList{QStringLiteral("topology"), QStringLiteral("import"),
                          QStringLiteral("--from-store"), m_store}}) {
            const CliResult r = ctl(step + QStringList{QStringLiteral("--store"), m_store});
            if (r.exitCode != 0) {
                qWarning("fedgatectl %s: %s", qPrintable(step.join(u' ')), qPrintable(r.text()));
                return false;
            }
        }
        return true;
    }

    // dnsmasq lines for the external records `fedgatectl dns plan` lists.
    bool planDnsLines(QString *error)
    {
        const CliResult plan =
            ctl({QStringLiteral("dns"), QStringLiteral("plan"), QStringLiteral("--json"),
                 QStringLiteral("--replica"), m_data + QStringLiteral("/replica.sqlite")});
        const QJsonArray records = plan.object().value(QStringLiteral("external")).toArray();
        if (records.isEmpty()) {
            *error = plan.text();
            return false;
        }
        DnsmasqServer lines{QHostAddress(kDns)};
        for (const QJsonValue &v : records) {
            const QJsonObject r = v.toObject();
            const QString type = r.value(QStringLiteral("type")).toString();
            const QString name = r.value(QStringLiteral("name")).toString();
            const QString value = r.value(QStringLiteral("value")).toString();
            if (type == u"SRV")
                lines.addSrv(name, value, quint16(r.value(QStringLiteral("port")).toInt()),
                             quint16(r.value(QStringLiteral("priority")).toInt()),
                             quint16(r.value(QStringLiteral("weight")).toInt()));
            else if (type == u"A" || type == u"AAAA")
                lines.addHost(name, value);
            else if (type == u"TLSA") {
                const QStringList f = value.split(u' ');
                lines.addLine(QStringLiteral("dns-rr=%1,52,%2%3%4%5")
                                  .arg(name)
                                  .arg(f.value(0).toInt(), 2, 16, QLatin1Char('0'))
                                  .arg(f.value(1).toInt(), 2, 16, QLatin1Char('0'))
                                  .arg(f.value(2).toInt(), 2, 16, QLatin1Char('0'))
                                  .arg(f.value(3)));
            } else {
                *error = QStringLiteral("record type %1 not served by this test").arg(type);
                return false;
            }
        }
        m_dnsLines = lines.lines();
        return true;
    }

    bool startDns(const QStringList &lines)
    {
        m_dnsmasq.setLines(lines);
        QString error;
        if (!m_dnsmasq.start(&error)) {
            qWarning("dnsmasq: %s", qPrintable(error));
            return false;
        }
        return true;
    }

    QString writeAnswers()
    {
        const TestCa::Leaf external = m_partner.leaves.value(QStringLiteral("external"));
        const QJsonObject answers{
            {QStringLiteral("store"), m_store},
            {QStringLiteral("machine"), QStringLiteral("edge-paris1.contoso.test")},
            {QStringLiteral("roles"),
             QJsonArray{QStringLiteral("edge"), QStringLiteral("gateway")}},
            {QStringLiteral("certificates"),
             QJsonObject{
                 {QStringLiteral("external"),
                  QJsonObject{{QStringLiteral("certificateFile"), external.certificatePath},
                              {QStringLiteral("keyFile"), external.keyPath},
                              {QStringLiteral("chainFile"), m_partner.ca.certificatePath()}}},
                 {QStringLiteral("internal"), QJsonObject{{QStringLiteral("immediate"), true}}},
                 {QStringLiteral("gateway"), QJsonObject{{QStringLiteral("immediate"), true}}}}},
            {QStringLiteral("serviceArguments"),
             QJsonArray{QStringLiteral("--listen"), kAddresses.external + QStringLiteral(":5269"),
                        QStringLiteral("--internal-listen"),
                        kAddresses.internal + QStringLiteral(":23456"),
                        QStringLiteral("--client-listen"),
                        kAddresses.internal + QStringLiteral(":5222"), QStringLiteral("--host"),
                        QStringLiteral("fabrikam.test=") + kAddresses.prosody,
                        QStringLiteral("--ca"), m_partner.ca.certificatePath()}},
            {QStringLiteral("startService"), true}};
        const QString path = m_dir.filePath(QStringLiteral("answers.json"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(answers).toJson()) < 0)
            return {};
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        makeWorldReadableDir(m_dir.path());
        QString error;
        m_partner.ca.setValidityDays(365); // no "expires within 30 days" warning
        QVERIFY2(m_partner.start(m_dir.path(), kAddresses, QStringLiteral("Fedgate Check CA"),
                                 {QStringLiteral("bob")}, QStringLiteral("bob-secret"), &error),
                 qPrintable(error));
        // The partner's CA is the one public CA of this little Internet: the
        // certificate lint (and fedgated) trust it as a system root.
        qputenv("SSL_CERT_FILE", m_partner.ca.certificatePath().toUtf8());

        m_data = m_dir.filePath(QStringLiteral("data"));
        m_store = m_data + QStringLiteral("/cms.sqlite");
        QVERIFY(QDir().mkpath(m_data));
        m_topology = loopbackExampleTopology(kAddresses);
        QVERIFY(!m_topology.sites.isEmpty());
        const QString file = m_dir.filePath(QStringLiteral("topology.json"));
        QVERIFY(topology::TopologyDocument::writeFile(m_topology, file).ok());
        const CliResult published =
            ctl({QStringLiteral("topology"), QStringLiteral("publish"), QStringLiteral("--file"),
                 file, QStringLiteral("--store"), m_store});
        QVERIFY2(published.exitCode == 0, qPrintable(published.text()));

        // The external edge's certificate from the partner's CA, with the
        // names the topology needs; internal and gateway from the internal CA.
        auto names =
            certs::requiredNames(m_topology, certs::CertificateUsage::ExternalEdge, kParis);
        QVERIFY(names);
        auto external = m_partner.ca.issue(QStringLiteral("external"), names.value().first(),
                                           names.value(), {}, &error);
        QVERIFY2(external, qPrintable(error));
        m_partner.leaves.insert(QStringLiteral("external"), *external);

        const QString answers = writeAnswers();
        QVERIFY(!answers.isEmpty());
        const CliResult deployed =
            ctl({QStringLiteral("deploy"), QStringLiteral("--answers"), answers}, 180000);
        QVERIFY2(deployed.exitCode == 0 || deployed.exitCode == 1, qPrintable(deployed.text()));
        if (!waitForListeners())
            QFAIL(qPrintable(deployed.text() + diagnostics()));

        QVERIFY2(planDnsLines(&error), qPrintable(error));
        QVERIFY(startDns(m_dnsLines));
    }

    void cleanupTestCase()
    {
        ctl({QStringLiteral("service"), QStringLiteral("stop")});
        m_dnsmasq.stop();
        m_partner.stop();
    }

    void everythingPassesAfterTheDeployment()
    {
        expectAllPass();
        // The human form: one line per check, a summary, exit 0.
        const CliResult text = ctl({QStringLiteral("check"), QStringLiteral("--dns-server"), kDns});
        QVERIFY2(text.exitCode == 0, qPrintable(text.text()));
        QVERIFY2(text.out.contains("PASS         Service running") &&
                     text.out.contains("Everything checked passes."),
                 text.out.constData());
    }

    void stoppedService()
    {
        const CliResult stopped = ctl({QStringLiteral("service"), QStringLiteral("stop")});
        QVERIFY2(stopped.exitCode == 0, qPrintable(stopped.text()));
        expectFailure(QStringLiteral("service"), QStringLiteral("fedgated is not running"));
        int exitCode = -1;
        QString output;
        const auto results = check(&exitCode, &output);
        for (const QString &id :
             {QStringLiteral("listeners"), QStringLiteral("link"), QStringLiteral("partners")})
            QVERIFY2(results.value(id).value(QStringLiteral("status")).toString() == u"not-checked",
                     qPrintable(output));

        const CliResult started = ctl({QStringLiteral("service"), QStringLiteral("start")});
        QVERIFY2(started.exitCode == 0, qPrintable(started.text()));
        if (!waitForListeners())
            QFAIL(qPrintable(diagnostics()));
        expectAllPass();
    }

    void routeNotOnThisEdgePool()
    {
        topology::Topology moved = m_topology;
        moved.site(QStringLiteral("Paris"))->xmppFederationRoute = kMontreal;
        QVERIFY(publishAndImport(moved));
        expectFailure(QStringLiteral("route"), kMontreal);

        QVERIFY(publishAndImport(m_topology));
        const CliResult restarted = ctl({QStringLiteral("service"), QStringLiteral("restart")});
        QVERIFY2(restarted.exitCode == 0, qPrintable(restarted.text()));
        if (!waitForListeners())
            QFAIL(qPrintable(diagnostics()));
        expectAllPass();
    }

    void dnsRecordRemoved()
    {
        // The edge's address record goes; the SRV record then points to a
        // name that does not resolve.
        QStringList without = m_dnsLines;
        const qsizetype removed = without.removeIf(
            [](const QString &line) { return line.contains(u"xmpp.contoso.test,127.0.0.41"); });
        QVERIFY2(removed == 1, qPrintable(m_dnsLines.join(u'\n')));
        QVERIFY(startDns(without));
        expectFailure(QStringLiteral("dns"), QStringLiteral("xmpp.contoso.test"));

        QVERIFY(startDns(m_dnsLines));
        expectAllPass();
    }

    void certificateExpired()
    {
        const CliResult shown =
            ctl({QStringLiteral("cert"), QStringLiteral("show"), QStringLiteral("--json")});
        const QString assigned = shown.object()
                                     .value(QStringLiteral("assigned"))
                                     .toObject()
                                     .value(QStringLiteral("internal"))
                                     .toObject()
                                     .value(QStringLiteral("certificateId"))
                                     .toString();
        QVERIFY2(!assigned.isEmpty(), qPrintable(shown.text()));

        auto names =
            certs::requiredNames(m_topology, certs::CertificateUsage::InternalEdge, kParis);
        QVERIFY(names);
        const QString file = m_dir.filePath(QStringLiteral("expired.pem"));
        QString error;
        QVERIFY2(writeDatedCertificate(m_data, file, names.value(), -400, -2, &error),
                 qPrintable(error));
        const CliResult imported = ctl({QStringLiteral("cert"), QStringLiteral("import"), file,
                                        QStringLiteral("--usage"), QStringLiteral("internal"),
                                        QStringLiteral("--assign"), QStringLiteral("internal")});
        QVERIFY2(imported.exitCode == 0 || imported.exitCode == 1, qPrintable(imported.text()));
        expectFailure(QStringLiteral("certificates"), QStringLiteral("expired"));

        const CliResult restored = ctl({QStringLiteral("cert"), QStringLiteral("assign"), assigned,
                                        QStringLiteral("--usage"), QStringLiteral("internal")});
        QVERIFY2(restored.exitCode == 0, qPrintable(restored.text()));
        expectAllPass();
    }

    void partnerStopped()
    {
        m_partner.prosody.stop();
        expectFailure(QStringLiteral("partners"), QStringLiteral("fabrikam.test"));

        QString error;
        QVERIFY2(m_partner.prosody.restart(&error), qPrintable(error));
        expectAllPass();
    }
};

QTEST_GUILESS_MAIN(TstDeployCheckE2e)
#include "tst_deploycheck_e2e.moc"
