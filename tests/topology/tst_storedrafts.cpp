// Draft edits on the central store from several writers at once (defect 9)
// and the store checks (defect 10), on a SQLite file and on a real
// PostgreSQL 15 server (started on 127.0.0.1 at a free port, as
// tst_centralstore does).
#include "StoreTestBase.h"
#include "support/PostgresServer.h"
#include "support/TestPaths.h"
#include "topology/CentralStore.h"
#include "topology/SqlConnection.h"
#include "topology/StoreMaintenance.h"
#include "topology/TopologyDocument.h"

#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace fedgate;
using namespace fedgate::topology;
using fedgate::test::PostgresServer;

class TestStoreDrafts : public StoreTestBase
{
    Q_OBJECT

    static XmppPartner partner(const QString &domain)
    {
        XmppPartner p;
        p.domain = domain;
        return p;
    }

    static Status addPartner(Draft &draft, const QString &domain)
    {
        draft.topology.partners << partner(domain);
        return Status::success();
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

    // Defect 9 at the library level: ten writers, each on its own
    // connection (its own thread), add a partner at the same moment, for
    // several rounds. Every edit lands.
    void concurrentDraftEdits_defect9()
    {
        const QString location = freshLocation();
        {
            auto store = openOrFail(location);
            QVERIFY(store);
            QCOMPARE(store->publish(example(), 0).value(), 1);
        }
        constexpr int kWriters = 10;
        constexpr int kRounds = 3;
        std::atomic<int> failures{0};
        QStringList errors;
        QMutex errorsLock;
        for (int round = 0; round < kRounds; ++round) {
            std::atomic<int> ready{0};
            std::vector<std::thread> writers;
            for (int w = 0; w < kWriters; ++w) {
                writers.emplace_back([&, round, w] {
                    Result<std::unique_ptr<CentralStore>> store = CentralStore::open(location);
                    // Start together, so the reads really overlap.
                    ++ready;
                    for (int spin = 0; ready.load() < kWriters && spin < 100000; ++spin)
                        std::this_thread::yield();
                    Result<Draft> edited = store ? store.value()->editDraft([&](Draft &d) {
                        return addPartner(d,
                                          QStringLiteral("r%1-w%2.partner.test").arg(round).arg(w));
                    })
                                                 : Result<Draft>(store.error());
                    if (!edited) {
                        ++failures;
                        QMutexLocker lock(&errorsLock);
                        errors << edited.error().toString();
                    }
                });
            }
            for (std::thread &t : writers)
                t.join();
        }
        QVERIFY2(failures == 0, qPrintable(errors.join(QLatin1Char('\n'))));
        auto reader = openOrFail(location);
        QVERIFY(reader);
        const Draft draft = *reader->draft().value();
        int landed = 0;
        for (int round = 0; round < kRounds; ++round)
            for (int w = 0; w < kWriters; ++w)
                landed +=
                    draft.topology.partner(QStringLiteral("r%1-w%2.partner.test").arg(round).arg(w))
                        ? 1
                        : 0;
        QVERIFY2(landed == kWriters * kRounds,
                 qPrintable(
                     QStringLiteral("%1 of %2 edits landed").arg(landed).arg(kWriters * kRounds)));
        // One revision per edit, after the first publish's.
        QCOMPARE(draft.revision, qint64(1 + kWriters * kRounds));
    }

    // Defect 9, the wizard's way: it holds a draft for a long time and saves
    // it whole. A save on a draft someone else changed meanwhile is refused
    // as a conflict, and the other edit stays.
    void staleDraftSaveRefused_defect9()
    {
        const QString location = freshLocation();
        auto wizard = openOrFail(location);
        auto cli = openOrFail(location);
        QVERIFY(wizard && cli);
        QCOMPARE(wizard->publish(example(), 0).value(), 1);

        Draft held = *wizard->draft().value();
        QVERIFY(cli->editDraft([](Draft &d) { return addPartner(d, QStringLiteral("cli.test")); }));

        held.topology.organisation.name = QStringLiteral("Renamed in the wizard");
        Result<Draft> saved = wizard->saveDraft(held);
        QVERIFY(!saved);
        QVERIFY(CentralStore::isConflict(saved.error()));
        QVERIFY2(saved.error().message.contains(QLatin1String("someone else changed the draft")),
                 qPrintable(saved.error().message));
        QVERIFY2(saved.error().message.contains(QLatin1String("Reload")),
                 qPrintable(saved.error().message));
        Draft now = *wizard->draft().value();
        QVERIFY(now.topology.partner(QStringLiteral("cli.test")));
        QCOMPARE(now.topology.organisation.name, example().organisation.name);

        // After a reload the wizard's save goes through, keeping both.
        now.topology.organisation.name = QStringLiteral("Renamed in the wizard");
        saved = wizard->saveDraft(now);
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
        QCOMPARE(saved.value().revision, now.revision + 1);
        now = *cli->draft().value();
        QVERIFY(now.topology.partner(QStringLiteral("cli.test")));
        QCOMPARE(now.topology.organisation.name, QStringLiteral("Renamed in the wizard"));
    }

    // A publish of a draft read before another writer's edit is refused:
    // that edit is neither published unseen nor dropped with the draft.
    void publishRefusesChangedDraft_defect9()
    {
        const QString location = freshLocation();
        auto publisher = openOrFail(location);
        auto editor = openOrFail(location);
        QVERIFY(publisher && editor);
        QCOMPARE(publisher->publish(example(), 0).value(), 1);
        QVERIFY(
            editor->editDraft([](Draft &d) { return addPartner(d, QStringLiteral("a.test")); }));

        const Draft read = *publisher->draft().value();
        QVERIFY(
            editor->editDraft([](Draft &d) { return addPartner(d, QStringLiteral("late.test")); }));
        Result<int> published =
            publisher->publish(read.topology, read.baseVersion, {}, read.revision);
        QVERIFY(!published);
        QVERIFY(CentralStore::isConflict(published.error()));
        QCOMPARE(publisher->latestVersion().value(), 1);
        QVERIFY(publisher->draft().value()->topology.partner(QStringLiteral("late.test")));

        // Read again, it publishes and consumes the draft.
        const Draft fresh = *publisher->draft().value();
        published = publisher->publish(fresh.topology, fresh.baseVersion, {}, fresh.revision);
        QVERIFY2(published, qPrintable(published ? QString() : published.error().toString()));
        QCOMPARE(published.value(), 2);
        const Draft after = *editor->draft().value();
        QCOMPARE(after.baseVersion, 2);
        QVERIFY(after.revision > fresh.revision);
        // A writer still holding the consumed draft's revision is refused.
        QVERIFY(!editor->saveDraft(fresh));
    }

    void discardRefusesChangedDraft_defect9()
    {
        const QString location = freshLocation();
        auto a = openOrFail(location);
        auto b = openOrFail(location);
        QVERIFY(a && b);
        QCOMPARE(a->publish(example(), 0).value(), 1);
        QVERIFY(a->editDraft([](Draft &d) { return addPartner(d, QStringLiteral("x.test")); }));
        const qint64 seen = a->draft().value()->revision;
        QVERIFY(b->editDraft([](Draft &d) { return addPartner(d, QStringLiteral("y.test")); }));
        const Status refused = a->discardDraft(seen);
        QVERIFY(!refused);
        QVERIFY(CentralStore::isConflict(refused.error()));
        QVERIFY(a->draft().value()->topology.partner(QStringLiteral("y.test")));
        QVERIFY(a->discardDraft(a->draft().value()->revision));
        QVERIFY(!a->draft().value()->topology.partner(QStringLiteral("y.test")));
    }

    // An edit that changes nothing writes nothing; an error from the change
    // rolls back.
    void editDraftWritesOnlyChanges()
    {
        auto store = openOrFail(freshLocation());
        QVERIFY(store);
        Result<Draft> empty = store->editDraft([](Draft &d) {
            return d.empty ? Status(Error{QStringLiteral("empty"), {}}) : Status::success();
        });
        QVERIFY(!empty);
        QCOMPARE(empty.error().message, QStringLiteral("empty"));
        QVERIFY(!store->draft().value().has_value());
        QCOMPARE(store->publish(example(), 0).value(), 1);
        const qint64 before = store->draft().value()->revision;
        QVERIFY(store->editDraft([](Draft &) { return Status::success(); }));
        QCOMPARE(store->draft().value()->revision, before);
    }

    // A store made by the previous Fedgate (schema 1, no revision column)
    // is migrated in place and keeps its draft.
    void schemaOneStoreMigrated()
    {
        const QString location = freshLocation();
        {
            auto old = SqlConnection::open(location, QStringLiteral("schema 1 store"));
            QVERIFY2(old, qPrintable(old ? QString() : old.error().toString()));
            SqlConnection &db = *old.value();
            for (const char *statement :
                 {"CREATE TABLE fedgate_meta (key VARCHAR(64) PRIMARY KEY, value TEXT NOT NULL)",
                  "INSERT INTO fedgate_meta VALUES ('kind', 'central-store')",
                  "INSERT INTO fedgate_meta VALUES ('schema_version', '1')",
                  "CREATE TABLE topology_versions (version INTEGER PRIMARY KEY, published_at "
                  "VARCHAR(40) NOT NULL, published_by TEXT NOT NULL, comment TEXT NOT NULL, "
                  "summary TEXT NOT NULL, document TEXT NOT NULL)",
                  "CREATE TABLE topology_draft (id INTEGER PRIMARY KEY CHECK (id = 1), "
                  "base_version INTEGER NOT NULL, modified_at VARCHAR(40) NOT NULL, document "
                  "TEXT NOT NULL)"}) {
                const Status done = db.execStatus(QString::fromLatin1(statement));
                QVERIFY2(done, qPrintable(done ? QString() : done.error().toString()));
            }
            const Status draft =
                db.execStatus(QStringLiteral("INSERT INTO topology_draft VALUES (1, 0, "
                                             "'2026-01-01T00:00:00.000Z', ?)"),
                              {QString::fromUtf8(TopologyDocument::toJson(example()))});
            QVERIFY2(draft, qPrintable(draft ? QString() : draft.error().toString()));
        }

        auto store = openOrFail(location);
        QVERIFY(store);
        const Draft draft = *store->draft().value();
        QCOMPARE(draft.revision, qint64(0));
        QCOMPARE(draft.topology.organisation.name, example().organisation.name);
        QVERIFY(store->editDraft([](Draft &d) { return addPartner(d, QStringLiteral("m.test")); }));
        QCOMPARE(store->draft().value()->revision, qint64(1));
        Result<StoreCheckReport> report = checkStore(location);
        QVERIFY(report);
        QVERIFY2(report.value().sound(), qPrintable(report.value().problems.join(';')));
        QCOMPARE(report.value().schemaVersion, 2);
    }

    // 'fedgatectl store check' on both backends; backup and restore are
    // pg_dump's on PostgreSQL.
    void storeCheckOnBothBackends()
    {
        const QString location = freshLocation();
        auto store = openOrFail(location);
        QVERIFY(store);
        QCOMPARE(store->publish(example(), 0).value(), 1);
        QVERIFY(store->editDraft([](Draft &d) { return addPartner(d, QStringLiteral("c.test")); }));
        Result<StoreCheckReport> report = checkStore(location);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
        QVERIFY2(report.value().sound(), qPrintable(report.value().problems.join(';')));
        QCOMPARE(report.value().versions, 1);
        QVERIFY(report.value().hasDraft);
        QCOMPARE(report.value().draftRevision, store->draft().value()->revision);
        if (!isPostgres())
            return;
        Result<StoreCheckReport> backup =
            backupStore(location, m_dir.filePath(QStringLiteral("pg.sqlite")));
        QVERIFY(!backup);
        QVERIFY2(backup.error().message.contains(QLatin1String("pg_dump")),
                 qPrintable(backup.error().message));
        QVERIFY2(!backup.error().message.contains(m_pg.password()), "password printed");
        QString kept;
        Result<StoreCheckReport> restore =
            restoreStore(location, m_dir.filePath(QStringLiteral("pg.sqlite")), &kept);
        QVERIFY(!restore);
        QVERIFY2(restore.error().message.contains(QLatin1String("pg_restore")),
                 qPrintable(restore.error().message));
    }
};

QTEST_GUILESS_MAIN(TestStoreDrafts)
#include "tst_storedrafts.moc"
