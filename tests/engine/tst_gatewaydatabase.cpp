// GatewayDatabase, the gateway's own store: the default file in the data
// directory, the per-component schema versions, refusals naming the location
// (a topology store, another program's database, a store written by a newer
// Fedgate), and the same store on PostgreSQL through a URL, with the account
// store working on it.
#include "engine/gateway/AccountStore.h"
#include "engine/gateway/GatewayDatabase.h"
#include "support/PostgresServer.h"
#include "topology/LocalReplica.h"
#include "topology/Paths.h"
#include "topology/SqlConnection.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace fedgate;
using namespace fedgate::engine;
using namespace Qt::StringLiterals;

class TstGatewayDatabase : public QObject
{
    Q_OBJECT

private slots:
    void defaultLocationIsInDataDir();
    void componentVersions();
    void refusesTopologyStore();
    void refusesForeignDatabase();
    void refusesNewerSchema();
    void postgresUrl();
};

void TstGatewayDatabase::defaultLocationIsInDataDir()
{
    QTemporaryDir dir;
    qputenv("FEDGATE_DATA_DIR", dir.path().toUtf8());
    QCOMPARE(GatewayDatabase::defaultLocation(), dir.filePath(u"gateway.db"_s));
    auto db = GatewayDatabase::open();
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    QVERIFY(QFile::exists(dir.filePath(u"gateway.db"_s)));
    QCOMPARE(db.value()->componentVersion(u"gateway"_s).value(), GatewayDatabase::kSchemaVersion);
}

void TstGatewayDatabase::componentVersions()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"g.db"_s);
    auto db = GatewayDatabase::open(path);
    QVERIFY(db);
    QCOMPARE(db.value()->componentVersion(u"rosters"_s).value(), 0);
    QVERIFY(db.value()->ensureTables(
        u"rosters"_s, 2, {u"CREATE TABLE IF NOT EXISTS t_rosters (a TEXT PRIMARY KEY)"_s}));
    QCOMPARE(db.value()->componentVersion(u"rosters"_s).value(), 2);
    QVERIFY(db.value()->connection().execStatus(u"INSERT INTO t_rosters (a) VALUES ('x')"_s));
    // Asking again with the same version is a no-op; an older Fedgate asking
    // for version 1 is refused with the location and the fix.
    QVERIFY(db.value()->ensureTables(u"rosters"_s, 2, {}));
    Status older = db.value()->ensureTables(u"rosters"_s, 1, {});
    QVERIFY(!older);
    QVERIFY2(older.error().message.contains(path), qPrintable(older.error().message));
    QVERIFY2(older.error().message.contains(u"Upgrade Fedgate"_s),
             qPrintable(older.error().message));
    // A statement that fails leaves neither tables nor a version behind.
    QVERIFY(!db.value()->ensureTables(
        u"broken"_s, 1,
        {u"CREATE TABLE IF NOT EXISTS t_ok (a TEXT)"_s, u"CREATE TABLE nonsense syntax here"_s}));
    QCOMPARE(db.value()->componentVersion(u"broken"_s).value(), 0);
    QVERIFY(!db.value()->connection().database().tables().contains(u"t_ok"_s));
}

void TstGatewayDatabase::refusesTopologyStore()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"replica.sqlite"_s);
    QVERIFY(topology::LocalReplica::open(path));
    auto db = GatewayDatabase::open(path);
    QVERIFY(!db);
    QVERIFY2(db.error().message.contains(u"topology store"_s), qPrintable(db.error().message));
    QVERIFY2(db.error().message.contains(path), qPrintable(db.error().message));
}

void TstGatewayDatabase::refusesForeignDatabase()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"other.db"_s);
    {
        auto sql = topology::SqlConnection::open(path, u"test"_s);
        QVERIFY(sql);
        QVERIFY(sql.value()->execStatus(u"CREATE TABLE photos (id INTEGER)"_s));
    }
    auto db = GatewayDatabase::open(path);
    QVERIFY(!db);
    QVERIFY2(db.error().message.contains(u"photos"_s), qPrintable(db.error().message));
    QVERIFY2(db.error().message.contains(u"other.db"_s), qPrintable(db.error().message));
}

void TstGatewayDatabase::refusesNewerSchema()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"g.db"_s);
    {
        auto db = GatewayDatabase::open(path);
        QVERIFY(db);
        QVERIFY(db.value()->connection().execStatus(
            u"UPDATE gateway_schema SET version = 99 WHERE component = 'gateway'"_s));
    }
    auto db = GatewayDatabase::open(path);
    QVERIFY(!db);
    QVERIFY2(db.error().message.contains(u"newer Fedgate"_s), qPrintable(db.error().message));
}

void TstGatewayDatabase::postgresUrl()
{
    test::PostgresServer server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    QVERIFY2(server.createDatabase(u"gateway"_s, &error), qPrintable(error));
    auto db = GatewayDatabase::open(server.url(u"gateway"_s));
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    QVERIFY(!db.value()->location().contains(server.password()));
    auto accounts = AccountStore::open(*db.value());
    QVERIFY2(accounts, qPrintable(accounts ? QString() : accounts.error().message));
    const Jid alice = Jid::fromString(u"alice@contoso.test");
    QVERIFY(accounts.value()->setPassword(alice, u"secret pass"_s));
    QVERIFY(accounts.value()->setPassword(alice, u"secret pass 2"_s)); // the upsert
    QVERIFY(accounts.value()->checkPlainPassword(alice, u"secret pass 2"_s));
    QVERIFY(!accounts.value()->checkPlainPassword(alice, u"secret pass"_s));
    QCOMPARE(accounts.value()->accountsWithPassword().value(), QList<Jid>{alice});
    accounts.value().reset();
    db.value().reset();
    // Opening again finds the tables and versions in place.
    auto again = GatewayDatabase::open(server.url(u"gateway"_s));
    QVERIFY(again);
    QCOMPARE(again.value()->componentVersion(u"accounts"_s).value(), AccountStore::kSchemaVersion);
    // A wrong password is refused with the location (without the password).
    auto wrong = GatewayDatabase::open(server.urlWithPassword(u"gateway"_s, u"nope"_s));
    QVERIFY(!wrong);
    QVERIFY(!wrong.error().message.contains(u"nope"_s));
}

QTEST_GUILESS_MAIN(TstGatewayDatabase)
#include "tst_gatewaydatabase.moc"
