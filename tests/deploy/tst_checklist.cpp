// The checklist's checks that need no process (deploy/Checklist): the local
// replica against the latest version of the store it came from (and a file
// import, which cannot be compared), the site's XMPP federation route, the
// certificates of the roles that run (assigned, expiring, expired, names),
// prerequisites reported as not checked, and the JSON shape scripts read.
#include "DatedCertificate.h"

#include "certs/CertificateNames.h"
#include "certs/KeyStore.h"
#include "deploy/Checklist.h"
#include "support/TestPaths.h"
#include "topology/CentralStore.h"
#include "topology/LocalReplica.h"
#include "topology/TopologyDocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace fedgate;
using deploy::Checklist;
using deploy::CheckOptions;
using deploy::CheckResult;
using deploy::CheckStatus;

namespace {
const QString kParis = QStringLiteral("edge-paris.contoso.test");
const QString kMontreal = QStringLiteral("edge-mtl.contoso.test");
} // namespace

class TstChecklist : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_data;

    CheckResult runOne(const QString &id)
    {
        CheckOptions options;
        options.dataDirectory = m_data;
        options.only = {id};
        const QList<CheckResult> results = Checklist::run(options);
        if (results.size() != 1)
            return {};
        return results.first();
    }

    static QString text(const CheckResult &r)
    {
        QString s = deploy::toString(r.status) + QStringLiteral(": ") + r.detail;
        for (const deploy::CheckFinding &f : r.findings)
            s += QStringLiteral("\n  ") + f.problem + QStringLiteral("\n  -> ") + f.fix;
        return s;
    }

    topology::Topology example()
    {
        auto t = topology::TopologyDocument::readFile(test::exampleTopologyPath());
        return t ? t.value() : topology::Topology{};
    }

    // fedgated's configuration: `arguments` plus the topology file.
    void writeService(const QStringList &arguments, const topology::Topology &topology)
    {
        const QString file = m_data + QStringLiteral("/topology.json");
        QVERIFY(topology::TopologyDocument::writeFile(topology, file).ok());
        QFile service(m_data + QStringLiteral("/service.json"));
        QVERIFY(service.open(QIODevice::WriteOnly | QIODevice::Truncate));
        service.write(
            QJsonDocument(
                QJsonObject{{QStringLiteral("arguments"),
                             QJsonArray::fromStringList(
                                 arguments + QStringList{QStringLiteral("--topology"), file})}})
                .toJson());
    }

    int publish(const topology::Topology &topology)
    {
        auto store = topology::CentralStore::open(m_data + QStringLiteral("/cms.sqlite"));
        if (!store)
            return -1;
        auto latest = store.value()->latestVersion();
        auto published = store.value()->publish(topology, latest ? latest.value() : 0);
        return published ? published.value() : -1;
    }

    // An immediate certificate from the internal CA, assigned to `usage`.
    bool assignImmediate(const topology::Topology &topology, certs::CertificateUsage usage)
    {
        certs::KeyStore store(m_data);
        certs::CertificateRequest request;
        request.usage = usage;
        request.mode = certs::RequestMode::Immediate;
        request.keyType = certs::KeyType::EcP256;
        request.edgePool = usage == certs::CertificateUsage::Gateway ? QString() : kParis;
        auto made = store.createRequest(topology, request);
        if (!made || !made.value().issued) {
            qWarning("request: %s", made ? "not issued" : qPrintable(made.error().message));
            return false;
        }
        return store.assign(made.value().issued->certificate.id, usage).ok();
    }

    // A certificate from the internal CA valid from `from` to `to` days
    // from now with `names`, assigned to the external edge.
    bool assignDated(const QStringList &names, int from, int to)
    {
        QString error;
        const QString file = m_dir->filePath(QStringLiteral("dated-%1.pem").arg(to));
        if (!test::writeDatedCertificate(m_data, file, names, from, to, &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        certs::KeyStore store(m_data);
        certs::ImportOptions options;
        options.usage = certs::CertificateUsage::ExternalEdge;
        auto imported = store.importFile(file, options);
        if (!imported) {
            qWarning("import: %s", qPrintable(imported.error().message));
            return false;
        }
        return store.assign(imported.value().certificate.id, certs::CertificateUsage::ExternalEdge)
            .ok();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_data = m_dir->filePath(QStringLiteral("data"));
        QVERIFY(QDir().mkpath(m_data));
    }

    void jsonShapeAndPrerequisites()
    {
        CheckOptions options;
        options.dataDirectory = m_data;
        QStringList seen;
        const QList<CheckResult> results =
            Checklist::run(options, [&seen](const CheckResult &r) { seen << r.id; });
        QCOMPARE(seen, Checklist::checkIds());
        QCOMPARE(results.size(), 8);
        // Nothing deployed: the service and the replica fail, everything
        // that needs them is not checked, never passed.
        QVERIFY2(results.at(0).status == CheckStatus::Fail, qPrintable(text(results.at(0))));
        QVERIFY2(results.at(1).status == CheckStatus::Fail, qPrintable(text(results.at(1))));
        for (int i = 2; i < results.size(); ++i) {
            QVERIFY2(results.at(i).status == CheckStatus::NotChecked,
                     qPrintable(text(results.at(i))));
            QVERIFY(!results.at(i).detail.isEmpty());
        }
        QVERIFY(results.at(0).findings.first().fix.contains(u"'fedgatectl service start'"));
        QVERIFY(!Checklist::allPassed(results));

        const QJsonObject json = Checklist::toJson(results);
        QCOMPARE(json.value(u"passed").toBool(true), false);
        const QJsonArray checks = json.value(u"checks").toArray();
        QCOMPARE(checks.size(), 8);
        const QJsonObject service = checks.at(0).toObject();
        QCOMPARE(service.value(u"id").toString(), QStringLiteral("service"));
        QCOMPARE(service.value(u"title").toString(), QStringLiteral("Service running"));
        QCOMPARE(service.value(u"status").toString(), QStringLiteral("fail"));
        QVERIFY(service.value(u"detail").isString());
        const QJsonObject finding = service.value(u"findings").toArray().at(0).toObject();
        QVERIFY(!finding.value(u"problem").toString().isEmpty());
        QVERIFY(!finding.value(u"fix").toString().isEmpty());
        QCOMPARE(checks.at(2).toObject().value(u"status").toString(),
                 QStringLiteral("not-checked"));

        // --only: just those; warnings pass, not-checked does not.
        options.only = {QStringLiteral("route")};
        QCOMPARE(Checklist::run(options).size(), 1);
        CheckResult pass, warning, notChecked;
        pass.status = CheckStatus::Pass;
        warning.status = CheckStatus::Warning;
        QVERIFY(Checklist::allPassed({pass, warning}));
        QVERIFY(!Checklist::allPassed({pass, notChecked}));
    }

    void replicaAtTheStoresLatestVersion()
    {
        CheckResult r = runOne(QStringLiteral("replica"));
        QVERIFY2(r.status == CheckStatus::Fail, qPrintable(text(r)));
        QVERIFY2(r.findings.first().problem.contains(u"no local replica"), qPrintable(text(r)));

        const topology::Topology topology = example();
        QCOMPARE(publish(topology), 1);
        const QString store = m_data + QStringLiteral("/cms.sqlite");
        auto replica = topology::LocalReplica::open(m_data + QStringLiteral("/replica.sqlite"));
        QVERIFY(replica);
        QVERIFY(replica.value()->importFromStore(store).ok());
        r = runOne(QStringLiteral("replica"));
        QVERIFY2(r.status == CheckStatus::Pass, qPrintable(text(r)));
        QVERIFY2(r.detail.contains(u"version 1") && r.detail.contains(u"latest"),
                 qPrintable(r.detail));

        topology::Topology changed = topology;
        changed.gateway.keepAliveInterval = 120;
        QCOMPARE(publish(changed), 2);
        r = runOne(QStringLiteral("replica"));
        QVERIFY2(r.status == CheckStatus::Fail, qPrintable(text(r)));
        QCOMPARE(r.findings.size(), 1);
        QVERIFY2(r.findings.first().problem.contains(u"holds version 1") &&
                     r.findings.first().problem.contains(u"published version 2"),
                 qPrintable(text(r)));
        QVERIFY(r.findings.first().fix.contains(
            QStringLiteral("'fedgatectl topology import --from-store %1'").arg(store)));

        QVERIFY(replica.value()->importFromStore(store).ok());
        QVERIFY(runOne(QStringLiteral("replica")).status == CheckStatus::Pass);

        // From a file: imported, but nobody can tell whether it is the latest.
        const QString exported = m_dir->filePath(QStringLiteral("export.json"));
        QVERIFY(topology::LocalReplica::exportVersion(store, 2, exported).ok());
        QVERIFY(replica.value()->importFile(exported).ok());
        r = runOne(QStringLiteral("replica"));
        QVERIFY2(r.status == CheckStatus::Warning, qPrintable(text(r)));
        QVERIFY(r.findings.first().problem.contains(exported));
        QVERIFY(r.findings.first().fix.contains(u"'fedgatectl topology versions'"));
    }

    void routeAssignedToThisEdgePool()
    {
        topology::Topology topology = example();
        const QStringList edge{QStringLiteral("--role"), QStringLiteral("edge"),
                               QStringLiteral("--edge-pool"), kParis};
        writeService(edge, topology);
        CheckResult r = runOne(QStringLiteral("route"));
        QVERIFY2(r.status == CheckStatus::Pass, qPrintable(text(r)));
        QVERIFY(r.detail.contains(kParis));

        topology.site(QStringLiteral("Paris"))->xmppFederationRoute = kMontreal;
        writeService(edge, topology);
        r = runOne(QStringLiteral("route"));
        QVERIFY2(r.status == CheckStatus::Fail, qPrintable(text(r)));
        QCOMPARE(r.findings.size(), 1);
        QVERIFY2(r.findings.first().problem.contains(kMontreal), qPrintable(text(r)));
        QVERIFY(r.findings.first().fix.contains(
            QStringLiteral("'fedgatectl route set Paris %1'").arg(kParis)));

        // Both roles: the gateway's front-end pool (fe-paris, the pool's
        // next hop) is in the same site; one finding, not two.
        writeService({QStringLiteral("--role"), QStringLiteral("all"),
                      QStringLiteral("--edge-pool"), kParis},
                     topology);
        r = runOne(QStringLiteral("route"));
        QVERIFY2(r.status == CheckStatus::Fail, qPrintable(text(r)));
        QCOMPARE(r.findings.size(), 1);

        // The gateway alone: its front-end pool's site must route through an
        // edge pool with XMPP federation, whichever.
        const QStringList gateway{QStringLiteral("--role"), QStringLiteral("gateway"),
                                  QStringLiteral("--front-end-pool"),
                                  QStringLiteral("fe-paris.contoso.test")};
        writeService(gateway, topology);
        r = runOne(QStringLiteral("route"));
        QVERIFY2(r.status == CheckStatus::Pass, qPrintable(text(r)));
        QVERIFY(r.detail.contains(kMontreal));

        topology.site(QStringLiteral("Paris"))->xmppFederationRoute.clear();
        writeService(gateway, topology);
        r = runOne(QStringLiteral("route"));
        QVERIFY2(r.status == CheckStatus::Fail, qPrintable(text(r)));
        QVERIFY(r.findings.first().fix.contains(u"'fedgatectl route set Paris EDGEPOOL'"));

        writeService(edge, topology);
        r = runOne(QStringLiteral("route"));
        QVERIFY2(r.status == CheckStatus::Fail, qPrintable(text(r)));
        QVERIFY2(r.findings.first().problem.contains(u"no XMPP federation route"),
                 qPrintable(text(r)));
    }

    void certificatesOfTheRolesThatRun()
    {
        const topology::Topology topology = example();
        writeService({QStringLiteral("--role"), QStringLiteral("all"),
                      QStringLiteral("--edge-pool"), kParis},
                     topology);
        CheckResult r = runOne(QStringLiteral("certificates"));
        QVERIFY2(r.status == CheckStatus::Fail, qPrintable(text(r)));
        QCOMPARE(r.findings.size(), 3); // external, internal, gateway: none assigned
        QVERIFY(r.findings.first().fix.contains(u"'fedgatectl cert request --usage external'"));

        for (auto usage : certs::allUsages())
            QVERIFY(assignImmediate(topology, usage));
        // Partners do not trust the internal CA: a warning on the external
        // edge only, with the way to a public CA.
        r = runOne(QStringLiteral("certificates"));
        QVERIFY2(r.status == CheckStatus::Warning && r.findings.size() == 1, qPrintable(text(r)));
        QVERIFY(r.findings.first().problem.startsWith(u"External Edge"));
        QVERIFY(r.findings.first().fix.contains(
            u"'fedgatectl cert request --usage external --csr FILE'"));

        // The edge alone needs no gateway certificate.
        QVERIFY(certs::KeyStore(m_data).unassign(certs::CertificateUsage::Gateway).ok());
        QVERIFY(runOne(QStringLiteral("certificates")).status == CheckStatus::Fail);
        writeService({QStringLiteral("--role"), QStringLiteral("edge"),
                      QStringLiteral("--edge-pool"), kParis},
                     topology);
        r = runOne(QStringLiteral("certificates"));
        QVERIFY2(r.status == CheckStatus::Warning && r.findings.size() == 1, qPrintable(text(r)));

        auto names = certs::requiredNames(topology, certs::CertificateUsage::ExternalEdge, kParis);
        QVERIFY(names);
        QVERIFY(assignDated(names.value(), -300, 10));
        r = runOne(QStringLiteral("certificates"));
        QVERIFY2(r.status == CheckStatus::Warning && r.findings.size() == 2, qPrintable(text(r)));
        QVERIFY2(r.findings.first().problem.contains(u"expires") &&
                     r.findings.first().fix.contains(u"'fedgatectl cert renew ID'"),
                 qPrintable(text(r)));

        QVERIFY(assignDated(names.value(), -300, -1));
        r = runOne(QStringLiteral("certificates"));
        QVERIFY2(r.status == CheckStatus::Fail, qPrintable(text(r)));
        QVERIFY2(r.findings.first().problem.contains(u"expired"), qPrintable(text(r)));

        QVERIFY(assignDated({QStringLiteral("other.contoso.test")}, -1, 300));
        r = runOne(QStringLiteral("certificates"));
        QVERIFY2(r.status == CheckStatus::Fail, qPrintable(text(r)));
        QVERIFY2(r.findings.first().problem.contains(names.value().first()), qPrintable(text(r)));
    }
};

QTEST_GUILESS_MAIN(TstChecklist)
#include "tst_checklist.moc"
