// The central management store on both backends: every test runs once on a
// SQLite file and once on a real PostgreSQL 15 server that the test class
// starts (initTestCase) and stops (cleanupTestCase).
#include "StoreTestBase.h"
#include "support/PeerProcess.h"
#include "support/PostgresServer.h"
#include "support/TestPaths.h"
#include "topology/CentralStore.h"
#include "topology/LocalReplica.h"
#include "topology/TopologyDocument.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace fedgate;
using namespace fedgate::topology;
using fedgate::test::PostgresServer;

class TestCentralStore : public StoreTestBase
{
    Q_OBJECT

private:
    static Topology withoutSecret(Topology t)
    {
        t.gateway.dialbackSecret.clear();
        t.normalise();
        return t;
    }

    // Starts publish_victim; it publishes `organisation` as version
    // base+1 and sleeps `sleepMs` inside the transaction.
    std::unique_ptr<QProcess> startVictim(const QString &location, int base,
                                          const QString &organisation, const QString &marker,
                                          int sleepMs)
    {
        auto process = std::make_unique<QProcess>();
        process->setProcessChannelMode(QProcess::SeparateChannels);
        process->start(fedgate::test::executable(QStringLiteral("publish_victim")),
                       {location, fedgate::test::exampleTopologyPath(), QString::number(base),
                        organisation, marker, QString::number(sleepMs)});
        return process;
    }

private slots:
    void initTestCase_data() { addBackendRows(); }

    void initTestCase()
    {
        QString error;
        QVERIFY2(startBackends(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_pg.stop(); }

    void init() { selectBackend(); }

    void publishRoundTrip()
    {
        const QString location = freshLocation();
        auto store = openOrFail(location);
        QVERIFY(store);
        QCOMPARE(store->latestVersion().value(), 0);
        QVERIFY(store->versions().value().isEmpty());
        QVERIFY(!store->draft().value().has_value());

        const Topology original = example();
        QVERIFY(original.gateway.dialbackSecret.isEmpty());
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        Result<int> v1 = store->publish(original, 0, QStringLiteral("first"));
        QVERIFY2(v1, qPrintable(v1 ? QString() : v1.error().toString()));
        QCOMPARE(v1.value(), 1);

        // Read back through a second, independent store object.
        auto reader = openOrFail(location);
        QVERIFY(reader);
        Result<Topology> stored = reader->topology(1);
        QVERIFY(stored);
        QCOMPARE(withoutSecret(stored.value()), withoutSecret(original));
        const QString secret = stored.value().gateway.dialbackSecret;
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(secret).hasMatch(),
                 qPrintable(secret));

        const QList<VersionInfo> versions = reader->versions().value();
        QCOMPARE(versions.size(), 1);
        QCOMPARE(versions[0].version, 1);
        QCOMPARE(versions[0].comment, QStringLiteral("first"));
        QVERIFY(!versions[0].publishedBy.isEmpty());
        QVERIFY2(versions[0].summary.startsWith(QLatin1String("first version")),
                 qPrintable(versions[0].summary));
        QCOMPARE(versions[0].publishedAt.timeSpec(), Qt::UTC);
        QVERIFY(versions[0].publishedAt >= before);
        QVERIFY(versions[0].publishedAt <= QDateTime::currentDateTimeUtc().addSecs(1));

        // The second version keeps the secret and records what changed.
        Topology changed = stored.value();
        changed.organisation.name = QStringLiteral("Contoso Ltd");
        changed.gateway.dialbackSecret.clear();
        Result<int> v2 = store->publish(changed, 1, QStringLiteral("rename"));
        QVERIFY2(v2, qPrintable(v2 ? QString() : v2.error().toString()));
        QCOMPARE(v2.value(), 2);
        QCOMPARE(reader->latestVersion().value(), 2);
        QCOMPARE(reader->topology(2).value().organisation.name, QStringLiteral("Contoso Ltd"));
        QCOMPARE(reader->topology(2).value().gateway.dialbackSecret, secret);
        QCOMPARE(reader->topology(1).value().organisation.name, original.organisation.name);
        const VersionInfo second = reader->versions().value().last();
        QVERIFY2(second.summary.contains(QLatin1String("organisation/name")),
                 qPrintable(second.summary));

        Result<Topology> missing = reader->topology(7);
        QVERIFY(!missing);
        QVERIFY2(missing.error().message.contains(QLatin1String("1 to 2")),
                 qPrintable(missing.error().message));
    }

    void conflictBetweenTwoStoreObjects()
    {
        const QString location = freshLocation();
        auto first = openOrFail(location);
        auto second = openOrFail(location);
        QVERIFY(first && second);
        QCOMPARE(first->publish(example(), 0).value(), 1);

        // Both editors started from version 1.
        Topology a = example();
        a.organisation.name = QStringLiteral("A");
        Topology b = example();
        b.organisation.name = QStringLiteral("B");
        QCOMPARE(first->publish(a, 1).value(), 2);
        Result<int> lost = second->publish(b, 1);
        QVERIFY(!lost);
        const QString message = lost.error().message;
        QVERIFY2(message.contains(QLatin1String("conflict")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("version 1")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("version 2")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("Re-read the latest version")),
                 qPrintable(message));
        QCOMPARE(second->latestVersion().value(), 2);
        QCOMPARE(second->topology(2).value().organisation.name, QStringLiteral("A"));
    }

    // A real race: the other publisher has written version 2 but not yet
    // committed when this one publishes on the same base.
    void racingPublisherGetsConflict()
    {
        const QString location = freshLocation();
        auto store = openOrFail(location);
        QVERIFY(store);
        QCOMPARE(store->publish(example(), 0).value(), 1);

        const QString marker = m_dir.filePath(QStringLiteral("race-marker-%1").arg(m_counter));
        auto victim = startVictim(location, 1, QStringLiteral("Winner"), marker, 1500);
        QVERIFY(victim->waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(marker), 20000);

        Topology mine = example();
        mine.organisation.name = QStringLiteral("Loser");
        QElapsedTimer timer;
        timer.start();
        Result<int> lost = store->publish(mine, 1);
        QVERIFY2(!lost, "the second publisher must not succeed");
        QVERIFY2(lost.error().message.contains(QLatin1String("conflict")),
                 qPrintable(lost.error().message));
        QVERIFY(timer.elapsed() < 12000);

        QVERIFY(victim->waitForFinished(20000));
        QCOMPARE(victim->exitCode(), 0);
        QCOMPARE(store->latestVersion().value(), 2);
        QCOMPARE(store->topology(2).value().organisation.name, QStringLiteral("Winner"));
        QCOMPARE(store->versions().value().size(), 2);
    }

    void killedPublisherLeavesPreviousVersion()
    {
        const QString location = freshLocation();
        const Topology original = example();
        {
            auto store = openOrFail(location);
            QVERIFY(store);
            QCOMPARE(store->publish(original, 0).value(), 1);
        }
        const QString marker = m_dir.filePath(QStringLiteral("kill-marker-%1").arg(m_counter));
        auto victim = startVictim(location, 1, QStringLiteral("Half-written"), marker, 60000);
        QVERIFY(victim->waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(marker), 20000);

        // While the publisher sits inside its transaction, readers are not
        // blocked and do not see the uncommitted version.
        {
            QElapsedTimer timer;
            timer.start();
            auto reader = openOrFail(location);
            QVERIFY(reader);
            QCOMPARE(reader->latestVersion().value(), 1);
            QVERIFY(reader->topology(1));
            QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
        }

        victim->kill(); // SIGKILL: no destructor, no rollback, no commit
        QVERIFY(victim->waitForFinished(10000));
        QCOMPARE(victim->exitStatus(), QProcess::CrashExit);

        auto store = openOrFail(location);
        QVERIFY(store);
        QCOMPARE(store->latestVersion().value(), 1);
        QCOMPARE(store->versions().value().size(), 1);
        Result<Topology> intact = store->topology(1);
        QVERIFY(intact);
        QCOMPARE(withoutSecret(intact.value()), withoutSecret(original));
        QVERIFY(!store->topology(2));

        // Nothing stays locked: the next publish of version 2 goes through.
        Topology next = original;
        next.organisation.name = QStringLiteral("After the crash");
        Result<int> v2 = store->publish(next, 1);
        QVERIFY2(v2, qPrintable(v2 ? QString() : v2.error().toString()));
        QCOMPARE(v2.value(), 2);
    }

    void rollbackPublishesOldContentAsNewVersion()
    {
        auto store = openOrFail(freshLocation());
        QVERIFY(store);
        const Topology original = example();
        QCOMPARE(store->publish(original, 0).value(), 1);
        Topology changed = original;
        changed.partners.removeLast();
        QCOMPARE(store->publish(changed, 1).value(), 2);

        Result<int> v3 = store->rollback(1, 2);
        QVERIFY2(v3, qPrintable(v3 ? QString() : v3.error().toString()));
        QCOMPARE(v3.value(), 3);
        QCOMPARE(store->topology(3).value(), store->topology(1).value());
        QCOMPARE(store->topology(2).value().partners.size(), original.partners.size() - 1);
        const VersionInfo info = store->versions().value().last();
        QCOMPARE(info.comment, QStringLiteral("Rollback to version 1"));
        QVERIFY2(info.summary.contains(QLatin1String("+ partners/")), qPrintable(info.summary));

        // A rollback is a publish: a stale base conflicts.
        Result<int> stale = store->rollback(2, 2);
        QVERIFY(!stale);
        QVERIFY(stale.error().message.contains(QLatin1String("conflict")));
        QVERIFY(!store->rollback(9, 3));
        QCOMPARE(store->latestVersion().value(), 3);
    }

    void invalidTopologyIsNotPublished()
    {
        auto store = openOrFail(freshLocation());
        QVERIFY(store);
        QCOMPARE(store->publish(example(), 0).value(), 1);
        Topology bad = example();
        // A partner claiming our own domain is an error.
        XmppPartner self;
        self.domain = bad.organisation.defaultSipDomain;
        bad.partners.append(self);
        Result<int> refused = store->publish(bad, 1);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("partners/") +
                                                  bad.organisation.defaultSipDomain),
                 qPrintable(refused.error().message));
        QCOMPARE(store->latestVersion().value(), 1);
    }

    void draftLifecycle()
    {
        auto store = openOrFail(freshLocation());
        QVERIFY(store);
        QVERIFY(!store->draft().value().has_value());

        Draft draft;
        draft.topology = example();
        QVERIFY(store->saveDraft(draft));
        std::optional<Draft> loaded = store->draft().value();
        QVERIFY(loaded.has_value());
        QCOMPARE(loaded->baseVersion, 0);
        QCOMPARE(loaded->topology, draft.topology);
        QVERIFY(loaded->modifiedAt.isValid());

        // Publishing exactly the draft consumes it: editing goes on from
        // the new version, which now holds the secret.
        QCOMPARE(store->publish(loaded->topology, 0).value(), 1);
        loaded = store->draft().value();
        QVERIFY(loaded.has_value());
        QCOMPARE(loaded->baseVersion, 1);
        QCOMPARE(loaded->topology, store->topology(1).value());

        // An edited draft survives a publish of something else...
        Draft edited = *loaded;
        edited.topology.organisation.name = QStringLiteral("Edited");
        QVERIFY(store->saveDraft(edited));
        Topology other = store->topology(1).value();
        other.organisation.name = QStringLiteral("Other");
        QCOMPARE(store->publish(other, 1).value(), 2);
        loaded = store->draft().value();
        QCOMPARE(loaded->baseVersion, 1);
        QCOMPARE(loaded->topology.organisation.name, QStringLiteral("Edited"));
        // ...and then conflicts, since it is based on version 1.
        QVERIFY(!store->publish(loaded->topology, loaded->baseVersion));

        QVERIFY(store->discardDraft());
        loaded = store->draft().value();
        QCOMPARE(loaded->baseVersion, 2);
        QCOMPARE(loaded->topology.organisation.name, QStringLiteral("Other"));
    }

    void exportThenImportIsIdentical()
    {
        const QString location = freshLocation();
        auto store = openOrFail(location);
        QVERIFY(store);
        QCOMPARE(store->publish(example(), 0).value(), 1);
        const Topology published = store->topology(1).value();

        const QString file = m_dir.filePath(QStringLiteral("export-%1.json").arg(m_counter));
        const Status exported = LocalReplica::exportVersion(location, 1, file);
        QVERIFY2(exported, qPrintable(exported ? QString() : exported.error().toString()));

        // Into a replica, from the file and straight from the store.
        Result<std::unique_ptr<LocalReplica>> replica =
            LocalReplica::open(m_dir.filePath(QStringLiteral("replica-%1.sqlite").arg(m_counter)));
        QVERIFY(replica);
        QVERIFY(replica.value()->importFile(file));
        QCOMPARE(replica.value()->current().value()->topology, published);
        QCOMPARE(replica.value()->current().value()->version, 1);
        const Status fromStore = replica.value()->importFromStore(location);
        QVERIFY2(fromStore, qPrintable(fromStore ? QString() : fromStore.error().toString()));
        QCOMPARE(replica.value()->current().value()->topology, published);
        QVERIFY(!replica.value()->current().value()->source.contains(m_pg.password()));

        // Into another store of the same backend.
        int version = 0;
        Result<Topology> read = TopologyDocument::readFile(file, &version);
        QVERIFY(read);
        QCOMPARE(version, 1);
        auto other = openOrFail(freshLocation());
        QVERIFY(other);
        QCOMPARE(other->publish(read.value(), 0).value(), 1);
        QCOMPARE(other->topology(1).value(), published);
    }

    void connectionsAreUniqueAndRemoved()
    {
        const QString location = freshLocation();
        const int baseline = QSqlDatabase::connectionNames().size();
        {
            auto a = openOrFail(location);
            auto b = openOrFail(location);
            QVERIFY(a && b);
            QCOMPARE(QSqlDatabase::connectionNames().size(), baseline + 2);
        }
        QCOMPARE(QSqlDatabase::connectionNames().size(), baseline);
    }

    void badLocationsAreNamed()
    {
        if (!isPostgres()) {
            QFile plain(m_dir.filePath(QStringLiteral("plain.txt")));
            QVERIFY(plain.open(QIODevice::WriteOnly));
            plain.write("this is not a database, just some text that is long enough\n");
            plain.close();

            // A directory that cannot exist (its parent is a file).
            const QString underFile = plain.fileName() + QStringLiteral("/cms.sqlite");
            Result<std::unique_ptr<CentralStore>> r = CentralStore::open(underFile);
            QVERIFY(!r);
            QVERIFY2(r.error().message.contains(underFile), qPrintable(r.error().message));
            QVERIFY2(r.error().message.contains(QLatin1String("--store")),
                     qPrintable(r.error().message));

            r = CentralStore::open(plain.fileName());
            QVERIFY(!r);
            QVERIFY2(r.error().message.contains(plain.fileName()), qPrintable(r.error().message));
            QVERIFY2(r.error().message.contains(QLatin1String("not a database")),
                     qPrintable(r.error().message));

            r = CentralStore::open(m_dir.path());
            QVERIFY(!r);
            QVERIFY2(r.error().message.contains(QLatin1String("directory")),
                     qPrintable(r.error().message));

            // A replica file is not a store.
            const QString replicaPath =
                m_dir.filePath(QStringLiteral("replica-%1.sqlite").arg(++m_counter));
            QVERIFY(LocalReplica::open(replicaPath));
            r = CentralStore::open(replicaPath);
            QVERIFY(!r);
            QVERIFY2(r.error().message.contains(QLatin1String("local replica")),
                     qPrintable(r.error().message));

            // A store written by a newer Fedgate is refused, not damaged.
            const QString newer = freshLocation();
            QVERIFY(openOrFail(newer));
            {
                QSqlDatabase db =
                    QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
                db.setDatabaseName(newer);
                QVERIFY(db.open());
                QSqlQuery q(db);
                QVERIFY(q.exec(QStringLiteral(
                    "UPDATE fedgate_meta SET value = '99' WHERE key = 'schema_version'")));
                db.close();
            }
            QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
            r = CentralStore::open(newer);
            QVERIFY(!r);
            QVERIFY2(r.error().message.contains(QLatin1String("newer Fedgate")),
                     qPrintable(r.error().message));

            // The store holds the dialback secret: owner-only.
            const QString fresh = freshLocation();
            QVERIFY(openOrFail(fresh));
            QCOMPARE(QFile::permissions(fresh), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                    QFileDevice::ReadUser | QFileDevice::WriteUser);
            return;
        }

        const QString database = QStringLiteral("cms%1").arg(++m_counter);
        QVERIFY(m_pg.createDatabase(database));

        Result<std::unique_ptr<CentralStore>> r =
            CentralStore::open(m_pg.urlWithPassword(database, QStringLiteral("wrong-password")));
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(QLatin1String("password")),
                 qPrintable(r.error().message));
        QVERIFY2(!r.error().message.contains(QLatin1String("wrong-password")),
                 "the password must not be printed");
        QVERIFY2(r.error().message.contains(
                     QStringLiteral("127.0.0.1:%1/%2").arg(m_pg.port()).arg(database)),
                 qPrintable(r.error().message));

        r = CentralStore::open(m_pg.url(QStringLiteral("nosuchdb")));
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(QLatin1String("createdb nosuchdb")),
                 qPrintable(r.error().message));

        const quint16 closedPort = fedgate::test::freeTcpPort();
        QElapsedTimer timer;
        timer.start();
        r = CentralStore::open(
            QStringLiteral("postgresql://fedgate:x@127.0.0.1:%1/cms").arg(closedPort));
        QVERIFY(!r);
        QVERIFY(timer.elapsed() < 10000);
        QVERIFY2(r.error().message.contains(QStringLiteral("127.0.0.1:%1").arg(closedPort)),
                 qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains(QLatin1String("running")),
                 qPrintable(r.error().message));

        r = CentralStore::open(QStringLiteral("postgresql://fedgate@127.0.0.1:5432/"));
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(QLatin1String("DATABASE")),
                 qPrintable(r.error().message));

        auto store = openOrFail(m_pg.url(database));
        QVERIFY(store);
        QVERIFY2(!store->location().contains(m_pg.password()), qPrintable(store->location()));
    }
};

QTEST_GUILESS_MAIN(TestCentralStore)
#include "tst_centralstore.moc"
