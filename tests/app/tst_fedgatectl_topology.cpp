// fedgatectl topology new/show/validate/publish/export/import/versions/diff/
// rollback and replica show, run as a user would run them (the built binary,
// its own data directory), with --json parsed. The functions run in order
// and build on each other: draft -> versions 1, 2 -> replica -> rollback.
#include "support/Fedgatectl.h"
#include "support/PeerProcess.h"
#include "support/TestPaths.h"
#include "topology/TopologyDocument.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using fedgate::test::CliResult;
using namespace fedgate;
using namespace fedgate::topology;

class TstFedgatectlTopology : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString dataDir() const { return path(QStringLiteral("data")); }
    QString store() const { return dataDir() + QStringLiteral("/cms.sqlite"); }

    CliResult run(QStringList args)
    {
        args << QStringLiteral("--json");
        return fedgate::test::runFedgatectl(args, dataDir());
    }
    CliResult runHuman(const QStringList &args)
    {
        return fedgate::test::runFedgatectl(args, dataDir());
    }
    static QStringList topology(const QString &verb, QStringList more = {})
    {
        more.prepend(verb);
        more.prepend(QStringLiteral("topology"));
        return more;
    }
    int latestVersion()
    {
        return run(topology(QStringLiteral("versions")))
            .object()[QStringLiteral("latest")]
            .toInt(-1);
    }
    static Topology example()
    {
        Result<Topology> t = TopologyDocument::readFile(fedgate::test::exampleTopologyPath());
        if (!t)
            qFatal("%s", qPrintable(t.error().toString()));
        return t.value();
    }
    QString writeTopology(const QString &name, const Topology &t, int publishedVersion = 0)
    {
        const QString file = path(name);
        const Status s = TopologyDocument::writeFile(t, file, publishedVersion);
        if (!s)
            qWarning("%s", qPrintable(s.error().toString()));
        return file;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void showWithoutTopologyTellsWhatToDo()
    {
        const CliResult r = run(topology(QStringLiteral("show")));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
            r.object()[QStringLiteral("error")].toString().contains(QLatin1String("topology new")),
            qPrintable(r.text()));
        QCOMPARE(latestVersion(), 0);
    }

    void newDraftFromFile()
    {
        CliResult r = run(topology(QStringLiteral("new"), {QStringLiteral("--from-file"),
                                                           fedgate::test::exampleTopologyPath()}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.object()[QStringLiteral("organisation")].toString(), QStringLiteral("Contoso"));
        QCOMPARE(r.object()[QStringLiteral("baseVersion")].toInt(-1), 0);
        QCOMPARE(r.object()[QStringLiteral("store")].toString(), store());
        QVERIFY(r.object()[QStringLiteral("findings")].isArray());

        // A draft with unpublished changes is not overwritten by accident.
        r = run(topology(QStringLiteral("new"),
                         {QStringLiteral("--org"), QStringLiteral("Other"),
                          QStringLiteral("--sip-domain"), QStringLiteral("other.test")}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.object()[QStringLiteral("error")].toString().contains(QLatin1String("--force")),
                 qPrintable(r.text()));
        r = run(topology(QStringLiteral("show")));
        QCOMPARE(r.object()[QStringLiteral("topology")][QStringLiteral("organisation")]
                           [QStringLiteral("name")]
                               .toString(),
                 QStringLiteral("Contoso"));

        // --force replaces it; the XMPP domain defaults to the SIP domain.
        r = run(topology(QStringLiteral("new"),
                         {QStringLiteral("--org"), QStringLiteral("Other"),
                          QStringLiteral("--sip-domain"), QStringLiteral("other.test"),
                          QStringLiteral("--force")}));
        QCOMPARE(r.exitCode, 0);
        r = run(topology(QStringLiteral("show")));
        const QJsonObject org =
            r.object()[QStringLiteral("topology")][QStringLiteral("organisation")].toObject();
        QCOMPARE(org[QStringLiteral("name")].toString(), QStringLiteral("Other"));
        QCOMPARE(org[QStringLiteral("xmppDomains")].toArray(),
                 QJsonArray{QStringLiteral("other.test")});

        QCOMPARE(run(topology(QStringLiteral("new"),
                              {QStringLiteral("--from-file"), fedgate::test::exampleTopologyPath(),
                               QStringLiteral("--force")}))
                     .exitCode,
                 0);
    }

    void validateDraft()
    {
        const CliResult r = run(topology(QStringLiteral("validate")));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.object()[QStringLiteral("valid")].toBool(), true);
        QCOMPARE(r.object()[QStringLiteral("errors")].toInt(-1), 0);
    }

    void showDraftIsReadable()
    {
        CliResult r = run(topology(QStringLiteral("show")));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.object()[QStringLiteral("draft")].toBool(), true);
        QCOMPARE(r.object()[QStringLiteral("unpublishedChanges")].toBool(), true);
        QCOMPARE(r.object()[QStringLiteral("topology")][QStringLiteral("sites")].toArray().size(),
                 example().sites.size());

        r = runHuman(topology(QStringLiteral("show")));
        QCOMPARE(r.exitCode, 0);
        const QString text = QString::fromUtf8(r.out);
        const Topology t = example();
        for (const QString &expected :
             {QStringLiteral("Organisation: Contoso"),
              QStringLiteral("Sites (%1):").arg(t.sites.size()), t.sites[0].name,
              QStringLiteral("Front-end pool ") + t.sites[0].frontEndPools[0].fqdn,
              QStringLiteral("Edge pool ") + t.sites[0].edgePools[0].fqdn,
              QStringLiteral("member ") + t.sites[0].edgePools[0].members[0].internalFqdn,
              QStringLiteral("XMPP federation route: ") + t.sites[0].xmppFederationRoute,
              QStringLiteral("XMPP partners (%1):").arg(t.partners.size()), t.partners[0].domain,
              QStringLiteral("negotiation (row "), QStringLiteral("External access policies"),
              QStringLiteral("Users (%1):").arg(t.users.size()), t.users[0].xmppAddress,
              QStringLiteral("Gateway: connection limit"), QStringLiteral("Validation:")})
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral("\n") + text));
    }

    void publishDraft()
    {
        CliResult r = run(topology(QStringLiteral("publish"),
                                   {QStringLiteral("--comment"), QStringLiteral("first")}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.object()[QStringLiteral("version")].toInt(), 1);
        QVERIFY2(r.object()[QStringLiteral("summary")].toString().startsWith(
                     QLatin1String("first version")),
                 qPrintable(r.text()));

        // The draft was consumed: show now gives version 1, secret hidden.
        r = run(topology(QStringLiteral("show")));
        QCOMPARE(r.object()[QStringLiteral("draft")].toBool(), false);
        QCOMPARE(r.object()[QStringLiteral("version")].toInt(), 1);
        QCOMPARE(r.object()[QStringLiteral("topology")][QStringLiteral("gateway")]
                           [QStringLiteral("dialbackSecret")]
                               .toString(),
                 QStringLiteral("(hidden)"));
        // The secret itself appears only in an export (for the edge).
        const QString exported = path(QStringLiteral("secret-check.json"));
        QCOMPARE(run(topology(QStringLiteral("export"), {QStringLiteral("--output"), exported}))
                     .exitCode,
                 0);
        const QString secret = TopologyDocument::readFile(exported).value().gateway.dialbackSecret;
        QCOMPARE(secret.size(), 64);
        QVERIFY(!r.out.contains(secret.toLatin1()));
        QVERIFY(!runHuman(topology(QStringLiteral("show"))).out.contains(secret.toLatin1()));

        r = run(topology(QStringLiteral("versions")));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.object()[QStringLiteral("latest")].toInt(), 1);
        const QJsonArray versions = r.object()[QStringLiteral("versions")].toArray();
        QCOMPARE(versions.size(), 1);
        QCOMPARE(versions[0][QStringLiteral("comment")].toString(), QStringLiteral("first"));
        QVERIFY(!versions[0][QStringLiteral("publishedBy")].toString().isEmpty());
    }

    void publishingAnUnchangedDraftDoesNothing()
    {
        const CliResult r = run(topology(QStringLiteral("publish")));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.object()[QStringLiteral("published")].toBool(true), false);
        QCOMPARE(r.object()[QStringLiteral("version")].toInt(), 1);
        QCOMPARE(latestVersion(), 1);
    }

    void editDiffAndPublishAgain()
    {
        Topology edited = example();
        edited.organisation.name = QStringLiteral("Contoso Europe");
        QCOMPARE(run(topology(QStringLiteral("new"),
                              {QStringLiteral("--from-file"),
                               writeTopology(QStringLiteral("edited.json"), edited)}))
                     .exitCode,
                 0);
        CliResult r = run(
            topology(QStringLiteral("diff"), {QStringLiteral("latest"), QStringLiteral("draft")}));
        QCOMPARE(r.exitCode, 0);
        QJsonArray changes = r.object()[QStringLiteral("changes")].toArray();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0][QStringLiteral("path")].toString(),
                 QStringLiteral("organisation/name"));
        QCOMPARE(changes[0][QStringLiteral("kind")].toString(), QStringLiteral("modified"));
        QCOMPARE(changes[0][QStringLiteral("newValue")].toString(),
                 QStringLiteral("\"Contoso Europe\""));

        r = run(topology(QStringLiteral("publish")));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.object()[QStringLiteral("version")].toInt(), 2);
        QCOMPARE(r.object()[QStringLiteral("changes")].toArray().size(), 1);
        QVERIFY(r.object()[QStringLiteral("summary")].toString().contains(
            QLatin1String("organisation/name")));

        r = run(topology(QStringLiteral("diff"), {QStringLiteral("1"), QStringLiteral("2")}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.object()[QStringLiteral("changes")].toArray().size(), 1);
        r = run(topology(QStringLiteral("diff"), {QStringLiteral("2"), QStringLiteral("draft")}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.object()[QStringLiteral("changes")].toArray().size(), 0);

        r = run(topology(QStringLiteral("diff"), {QStringLiteral("1"), QStringLiteral("banana")}));
        QCOMPARE(r.exitCode, 1);
        r = run(topology(QStringLiteral("diff"), {QStringLiteral("1")}));
        QCOMPARE(r.exitCode, 1);
    }

    void staleExportConflicts()
    {
        // An export of version 1, edited and published while the store is
        // at version 2: a conflict, exit 2, nothing written.
        CliResult r = run(topology(QStringLiteral("export"),
                                   {QStringLiteral("--version"), QStringLiteral("1"),
                                    QStringLiteral("--output"), path(QStringLiteral("v1.json"))}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.object()[QStringLiteral("version")].toInt(), 1);
        int version = 0;
        Result<Topology> v1 = TopologyDocument::readFile(path(QStringLiteral("v1.json")), &version);
        QVERIFY(v1);
        QCOMPARE(version, 1);
        Topology stale = v1.value();
        stale.organisation.name = QStringLiteral("Stale edit");
        const QString file = writeTopology(QStringLiteral("stale.json"), stale, 1);

        r = run(topology(QStringLiteral("publish"), {QStringLiteral("--file"), file}));
        QCOMPARE(r.exitCode, 2);
        const QString error = r.object()[QStringLiteral("error")].toString();
        QVERIFY2(error.contains(QLatin1String("conflict")), qPrintable(r.text()));
        QVERIFY2(error.contains(QLatin1String("based on version 1")), qPrintable(r.text()));
        QVERIFY2(error.contains(QLatin1String("version 2 has been published")),
                 qPrintable(r.text()));
        QVERIFY2(error.contains(QLatin1String("Re-read the latest version")), qPrintable(r.text()));
        QCOMPARE(latestVersion(), 2);
    }

    void invalidAndDamagedFilesAreRefused()
    {
        Topology invalid = example();
        XmppPartner self;
        self.domain = invalid.organisation.defaultSipDomain;
        invalid.partners.append(self);
        const QString file = writeTopology(QStringLiteral("invalid.json"), invalid);

        CliResult r = run(topology(QStringLiteral("validate"), {QStringLiteral("--file"), file}));
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.object()[QStringLiteral("valid")].toBool(), false);
        QVERIFY(r.object()[QStringLiteral("errors")].toInt() >= 1);
        bool found = false;
        for (const QJsonValue &f : r.object()[QStringLiteral("findings")].toArray())
            found = found || (f[QStringLiteral("severity")].toString() == QLatin1String("error") &&
                              f[QStringLiteral("path")].toString() ==
                                  QStringLiteral("partners/") + self.domain);
        QVERIFY2(found, qPrintable(r.text()));

        r = run(topology(QStringLiteral("publish"), {QStringLiteral("--file"), file}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!r.object()[QStringLiteral("findings")].toArray().isEmpty());
        QCOMPARE(latestVersion(), 2);

        // A truncated file: named, with its position, store unchanged.
        QFile good(fedgate::test::exampleTopologyPath());
        QVERIFY(good.open(QIODevice::ReadOnly));
        const QByteArray content = good.readAll();
        const QString truncated = path(QStringLiteral("truncated.json"));
        QFile out(truncated);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(content.left(content.size() / 3));
        out.close();
        r = run(topology(QStringLiteral("publish"), {QStringLiteral("--file"), truncated}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
            r.object()[QStringLiteral("error")].toString().startsWith(truncated + QLatin1Char(':')),
            qPrintable(r.text()));
        QCOMPARE(latestVersion(), 2);
    }

    void damagedFilesLeaveTheStoreUnchanged_data()
    {
        QTest::addColumn<QByteArray>("content");
        QFile file(fedgate::test::exampleTopologyPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray good = file.readAll();
        QVERIFY(good.contains("\"schemaVersion\": 1"));
        QVERIFY(good.contains("\"defaultSipDomain\""));
        QVERIFY(good.contains("Contoso"));

        QTest::newRow("truncated") << good.left(good.size() * 2 / 3);
        QTest::newRow("newer schema version")
            << QByteArray(good).replace("\"schemaVersion\": 1", "\"schemaVersion\": 7");
        QTest::newRow("unknown element") << QByteArray(good).replace(
            "\"defaultSipDomain\"", "\"mystery\": true, \"defaultSipDomain\"");
        QTest::newRow("invalid UTF-8")
            << QByteArray(good).replace("Contoso", QByteArray("Cont\xC0\xAFoso", 10));
        QTest::newRow("50 MB") << good + QByteArray(50 * 1024 * 1024, ' ');
    }

    void damagedFilesLeaveTheStoreUnchanged()
    {
        QFETCH(QByteArray, content);
        const QString file = path(QStringLiteral("damaged.json"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(out.write(content), content.size());
        out.close();

        const int before = latestVersion();
        QVERIFY(before > 0);
        for (const QString &verb : {QStringLiteral("publish"), QStringLiteral("validate")}) {
            const CliResult r = run(topology(verb, {QStringLiteral("--file"), file}));
            QCOMPARE(r.exitCode, 1);
            const QString error = r.object()[QStringLiteral("error")].toString();
            QVERIFY2(error.startsWith(file + QLatin1Char(':')), qPrintable(r.text()));
        }
        QCOMPARE(latestVersion(), before);
        QFile::remove(file);
    }

    void exportImportAndReplicaShow()
    {
        const QString exported = path(QStringLiteral("v2.json"));
        const QString replica = path(QStringLiteral("edge-replica.sqlite"));
        CliResult r =
            run(topology(QStringLiteral("export"), {QStringLiteral("--output"), exported}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.object()[QStringLiteral("version")].toInt(), 2);
        QVERIFY(QFile::exists(exported));

        r = run(topology(QStringLiteral("import"), {QStringLiteral("--file"), exported,
                                                    QStringLiteral("--replica"), replica}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.object()[QStringLiteral("version")].toInt(), 2);
        QCOMPARE(r.object()[QStringLiteral("replica")].toString(), replica);
        QVERIFY(r.object()[QStringLiteral("previousVersion")].isNull());

        // The replica holds exactly what the store published.
        r = run({QStringLiteral("replica"), QStringLiteral("show"), QStringLiteral("--replica"),
                 replica});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.object()[QStringLiteral("version")].toInt(), 2);
        const QJsonObject published =
            run(topology(QStringLiteral("show"),
                         {QStringLiteral("--version"), QStringLiteral("2")}))
                .object()[QStringLiteral("topology")]
                .toObject();
        QVERIFY(!published.isEmpty());
        QCOMPARE(r.object()[QStringLiteral("topology")].toObject(), published);

        // Straight from the store (another location given explicitly).
        r = run(topology(QStringLiteral("import"),
                         {QStringLiteral("--from-store"), store(), QStringLiteral("--version"),
                          QStringLiteral("1"), QStringLiteral("--replica"), replica}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.object()[QStringLiteral("version")].toInt(), 1);
        QCOMPARE(r.object()[QStringLiteral("previousVersion")].toInt(), 2);

        // A damaged file leaves the replica as it was.
        r = run(topology(QStringLiteral("import"),
                         {QStringLiteral("--file"), path(QStringLiteral("truncated.json")),
                          QStringLiteral("--replica"), replica}));
        QCOMPARE(r.exitCode, 1);
        r = run({QStringLiteral("replica"), QStringLiteral("show"), QStringLiteral("--replica"),
                 replica});
        QCOMPARE(r.object()[QStringLiteral("version")].toInt(), 1);

        // The default replica is in the data directory, empty so far.
        r = run({QStringLiteral("replica"), QStringLiteral("show")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.object()[QStringLiteral("error")].toString().contains(
            dataDir() + QStringLiteral("/replica.sqlite")));

        r = run(topology(QStringLiteral("export")));
        QCOMPARE(r.exitCode, 1); // --output is required
        r = run(topology(QStringLiteral("import")));
        QCOMPARE(r.exitCode, 1); // --file or --from-store
    }

    void rollback()
    {
        CliResult r = run(topology(QStringLiteral("rollback"), {QStringLiteral("1")}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.object()[QStringLiteral("version")].toInt(), 3);
        QCOMPARE(r.object()[QStringLiteral("rolledBackTo")].toInt(), 1);
        const QJsonObject v1 = run(topology(QStringLiteral("show"),
                                            {QStringLiteral("--version"), QStringLiteral("1")}))
                                   .object()[QStringLiteral("topology")]
                                   .toObject();
        const QJsonObject v3 = run(topology(QStringLiteral("show"),
                                            {QStringLiteral("--version"), QStringLiteral("3")}))
                                   .object()[QStringLiteral("topology")]
                                   .toObject();
        QVERIFY(!v1.isEmpty());
        QCOMPARE(v3, v1);
        const QJsonArray versions = run(topology(QStringLiteral("versions")))
                                        .object()[QStringLiteral("versions")]
                                        .toArray();
        QCOMPARE(versions.size(), 3);
        QCOMPARE(versions[2][QStringLiteral("comment")].toString(),
                 QStringLiteral("Rollback to version 1"));

        r = run(topology(QStringLiteral("rollback"), {QStringLiteral("42")}));
        QCOMPARE(r.exitCode, 1);
        r = run(topology(QStringLiteral("rollback"), {QStringLiteral("x")}));
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(latestVersion(), 3);
    }

    void storeErrorsExitWithTwo()
    {
        QFile plain(path(QStringLiteral("plain.txt")));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.write("not a directory\n");
        plain.close();
        const QString impossible = plain.fileName() + QStringLiteral("/cms.sqlite");
        CliResult r =
            run(topology(QStringLiteral("versions"), {QStringLiteral("--store"), impossible}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.object()[QStringLiteral("error")].toString().contains(impossible),
                 qPrintable(r.text()));

        const quint16 closed = fedgate::test::freeTcpPort();
        r = run(topology(QStringLiteral("show"),
                         {QStringLiteral("--store"),
                          QStringLiteral("postgresql://fedgate:pw@127.0.0.1:%1/cms").arg(closed)}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.object()[QStringLiteral("error")].toString().contains(
                     QStringLiteral("127.0.0.1:%1").arg(closed)),
                 qPrintable(r.text()));
        QVERIFY(!r.object()[QStringLiteral("error")].toString().contains(QLatin1String(":pw@")));

        // An explicit --store works like the default one.
        const QString other = path(QStringLiteral("other.sqlite"));
        r = run(topology(QStringLiteral("publish"),
                         {QStringLiteral("--file"), fedgate::test::exampleTopologyPath(),
                          QStringLiteral("--store"), other}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.object()[QStringLiteral("version")].toInt(), 1);
        QCOMPARE(r.object()[QStringLiteral("store")].toString(), other);
        QCOMPARE(latestVersion(), 3);

        // A draft overtaken by another publish: conflict, exit 2, and the
        // message says how to see the edits and start again.
        Topology edited = example();
        edited.organisation.name = QStringLiteral("Draft edit");
        QCOMPARE(run(topology(QStringLiteral("new"),
                              {QStringLiteral("--from-file"),
                               writeTopology(QStringLiteral("draft-edit.json"), edited),
                               QStringLiteral("--store"), other}))
                     .exitCode,
                 0);
        // Publishing the same file again is a no-op, not an empty version.
        r = run(topology(QStringLiteral("publish"),
                         {QStringLiteral("--file"), fedgate::test::exampleTopologyPath(),
                          QStringLiteral("--store"), other}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.object()[QStringLiteral("published")].toBool(true), false);
        QCOMPARE(r.object()[QStringLiteral("version")].toInt(), 1);
        Topology second = example();
        second.sites[0].description = QStringLiteral("second version");
        r = run(topology(QStringLiteral("publish"),
                         {QStringLiteral("--file"),
                          writeTopology(QStringLiteral("second.json"), second),
                          QStringLiteral("--store"), other}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.object()[QStringLiteral("version")].toInt(), 2);
        r = run(topology(QStringLiteral("show"), {QStringLiteral("--store"), other}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.object()[QStringLiteral("source")].toString().contains(
                     QLatin1String("will conflict")),
                 qPrintable(r.text()));
        r = run(topology(QStringLiteral("publish"), {QStringLiteral("--store"), other}));
        QCOMPARE(r.exitCode, 2);
        const QString error = r.object()[QStringLiteral("error")].toString();
        QVERIFY2(error.contains(QLatin1String("based on version 1")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("topology diff 1 draft")), qPrintable(error));
        r = run(topology(QStringLiteral("versions"), {QStringLiteral("--store"), other}));
        QCOMPARE(r.object()[QStringLiteral("latest")].toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TstFedgatectlTopology)
#include "tst_fedgatectl_topology.moc"
