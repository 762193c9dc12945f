// The local replica: export a published version, import it on "another
// machine" (another store/replica file), and refuse damaged files while
// keeping the previous content.
#include "support/TestPaths.h"
#include "topology/CentralStore.h"
#include "topology/LocalReplica.h"
#include "topology/TopologyDocument.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace fedgate;
using namespace fedgate::topology;

class TestLocalReplica : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;    // a central store with versions 1 and 2
    QString m_exported; // version 2 exported
    Topology m_version1;
    Topology m_version2;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    static QByteArray readAll(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static void writeAll(const QString &file, const QByteArray &data)
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(data), data.size());
    }

    // A replica holding version 1, to show that a refused import keeps it.
    std::unique_ptr<LocalReplica> replicaWithVersion1(const QString &name)
    {
        Result<std::unique_ptr<LocalReplica>> replica = LocalReplica::open(path(name));
        if (!replica || !replica.value()->importFromStore(m_store, 1))
            return nullptr;
        return std::move(replica).value();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("FEDGATE_DATA_DIR", m_dir.path().toUtf8());
        m_store = path(QStringLiteral("cms.sqlite"));
        Result<Topology> example = TopologyDocument::readFile(fedgate::test::exampleTopologyPath());
        QVERIFY2(example, qPrintable(example ? QString() : example.error().toString()));
        Result<std::unique_ptr<CentralStore>> store = CentralStore::open(m_store);
        QVERIFY(store);
        Result<int> v1 = store.value()->publish(example.value(), 0);
        QVERIFY2(v1, qPrintable(v1 ? QString() : v1.error().toString()));
        QCOMPARE(v1.value(), 1);
        Topology changed = example.value();
        changed.organisation.name = QStringLiteral("Contoso (version 2)");
        QCOMPARE(store.value()->publish(changed, 1).value(), 2);
        m_version1 = store.value()->topology(1).value();
        m_version2 = store.value()->topology(2).value();
        m_exported = path(QStringLiteral("exported-v2.json"));
        const Status exported = LocalReplica::exportVersion(m_store, 2, m_exported);
        QVERIFY2(exported, qPrintable(exported ? QString() : exported.error().toString()));
    }

    void defaultLocationIsInTheDataDirectory()
    {
        QCOMPARE(LocalReplica::defaultLocation(), path(QStringLiteral("replica.sqlite")));
        QCOMPARE(CentralStore::defaultLocation(), path(QStringLiteral("cms.sqlite")));
        Result<std::unique_ptr<LocalReplica>> replica = LocalReplica::open();
        QVERIFY(replica);
        QCOMPARE(replica.value()->location(), path(QStringLiteral("replica.sqlite")));
        QVERIFY(!replica.value()->current().value().has_value());
    }

    void exportThenImportGivesTheSameTopology()
    {
        // The exported file carries the version and the secret.
        int version = 0;
        Result<Topology> file = TopologyDocument::readFile(m_exported, &version);
        QVERIFY(file);
        QCOMPARE(version, 2);
        QCOMPARE(file.value(), m_version2);
        QVERIFY(!file.value().gateway.dialbackSecret.isEmpty());
        QCOMPARE(QFile::permissions(m_exported) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());

        // The edge in the DMZ: a replica fed from the file.
        Result<std::unique_ptr<LocalReplica>> edge =
            LocalReplica::open(path(QStringLiteral("edge.sqlite")));
        QVERIFY(edge);
        const Status imported = edge.value()->importFile(m_exported);
        QVERIFY2(imported, qPrintable(imported ? QString() : imported.error().toString()));
        std::optional<ReplicaState> state = edge.value()->current().value();
        QVERIFY(state.has_value());
        QCOMPARE(state->version, 2);
        QCOMPARE(state->topology, m_version2);
        QCOMPARE(state->source, m_exported);
        QVERIFY(qAbs(state->importedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);

        // Reopened, it still holds the same content.
        edge = LocalReplica::open(path(QStringLiteral("edge.sqlite")));
        QCOMPARE(edge.value()->current().value()->topology, m_version2);

        // Another central store receiving the exported file publishes the
        // identical topology.
        Result<std::unique_ptr<CentralStore>> other =
            CentralStore::open(path(QStringLiteral("other-cms.sqlite")));
        QVERIFY(other);
        QCOMPARE(other.value()->publish(file.value(), 0).value(), 1);
        QCOMPARE(other.value()->topology(1).value(), m_version2);
    }

    void importFromStore()
    {
        Result<std::unique_ptr<LocalReplica>> replica =
            LocalReplica::open(path(QStringLiteral("from-store.sqlite")));
        QVERIFY(replica);
        QVERIFY(replica.value()->importFromStore(m_store));
        QCOMPARE(replica.value()->current().value()->version, 2);
        QCOMPARE(replica.value()->current().value()->topology, m_version2);
        QCOMPARE(replica.value()->current().value()->source, m_store);
        QVERIFY(replica.value()->importFromStore(m_store, 1));
        QCOMPARE(replica.value()->current().value()->version, 1);
        QCOMPARE(replica.value()->current().value()->topology, m_version1);

        const Status missing = replica.value()->importFromStore(m_store, 5);
        QVERIFY(!missing);
        QVERIFY2(missing.error().message.contains(QLatin1String("1 to 2")),
                 qPrintable(missing.error().message));
        QCOMPARE(replica.value()->current().value()->version, 1);
    }

    void badFilesAreRefusedAndReplicaUnchanged_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("positioned");  // must the error give a line?
        QTest::addColumn<QString>("expected"); // a word the message must hold

        const QByteArray good = readAll(m_exported);
        QVERIFY(good.contains("\"publishedVersion\""));

        QTest::newRow("truncated") << good.left(good.size() / 2) << true << QString();

        QByteArray newer = good;
        newer.replace("\"schemaVersion\": 1", "\"schemaVersion\": 99");
        QVERIFY(newer != good);
        QTest::newRow("newer schema version") << newer << true << QStringLiteral("99");

        QByteArray unknown = good;
        unknown.replace("\"defaultSipDomain\"",
                        "\"colour\": \"blue\",\n        \"defaultSipDomain\"");
        QVERIFY(unknown != good);
        QTest::newRow("unknown element") << unknown << true << QStringLiteral("colour");

        QByteArray badUtf8 = good;
        const qsizetype at = badUtf8.indexOf("Contoso");
        QVERIFY(at > 0);
        badUtf8.insert(at, QByteArray("\xC3\x28\xFF", 3));
        QTest::newRow("invalid UTF-8") << badUtf8 << true << QStringLiteral("UTF-8");

        QByteArray huge = good;
        huge.chop(2); // keep it valid JSON up to the padding
        huge.append(QByteArray(50 * 1024 * 1024, ' '));
        huge.append("}\n");
        QTest::newRow("50 MB") << huge << false << QStringLiteral("MB");

        QByteArray draft = good;
        draft.replace("\"publishedVersion\": 2,", "");
        QVERIFY(draft != good);
        QTest::newRow("not a published export")
            << draft << false << QStringLiteral("publishedVersion");

        QByteArray invalid = good;
        // A partner that claims our own domain: valid JSON, invalid topology.
        invalid.replace("\"domain\": \"fabrikam.test\"", "\"domain\": \"contoso.test\"");
        QVERIFY(invalid != good);
        QTest::newRow("validation errors") << invalid << false << QStringLiteral("partners/");
    }

    void badFilesAreRefusedAndReplicaUnchanged()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, positioned);
        QFETCH(QString, expected);

        const QString file = path(QStringLiteral("bad-%1.json")
                                      .arg(QTest::currentDataTag())
                                      .replace(QLatin1Char(' '), QLatin1Char('-')));
        writeAll(file, content);
        auto replica = replicaWithVersion1(QStringLiteral("bad-target.sqlite"));
        QVERIFY(replica);

        const Status refused = replica->importFile(file);
        QVERIFY(!refused);
        const QString text = refused.error().toString();
        QVERIFY2(text.contains(file), qPrintable(text));
        if (positioned)
            QVERIFY2(refused.error().line > 0, qPrintable(text));
        if (!expected.isEmpty())
            QVERIFY2(text.contains(expected), qPrintable(text));

        std::optional<ReplicaState> state = replica->current().value();
        QVERIFY(state.has_value());
        QCOMPARE(state->version, 1);
        QCOMPARE(state->topology, m_version1);
        QFile::remove(file);
    }

    void missingFileIsNamed()
    {
        auto replica = replicaWithVersion1(QStringLiteral("missing.sqlite"));
        QVERIFY(replica);
        const QString file = path(QStringLiteral("no-such-file.json"));
        const Status refused = replica->importFile(file);
        QVERIFY(!refused);
        QVERIFY(refused.error().toString().contains(file));
        QCOMPARE(replica->current().value()->version, 1);
    }

    void exportOfMissingVersionFails()
    {
        const QString file = path(QStringLiteral("v9.json"));
        const Status s = LocalReplica::exportVersion(m_store, 9, file);
        QVERIFY(!s);
        QVERIFY(!QFile::exists(file));
        // 0 = latest
        QVERIFY(LocalReplica::exportVersion(m_store, 0, file));
        int version = 0;
        QVERIFY(TopologyDocument::readFile(file, &version));
        QCOMPARE(version, 2);
    }

    void aStoreIsNotAReplica()
    {
        Result<std::unique_ptr<LocalReplica>> r = LocalReplica::open(m_store);
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(QLatin1String("central management store")),
                 qPrintable(r.error().message));
        r = LocalReplica::open(QStringLiteral("postgresql://u@127.0.0.1/db"));
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(QLatin1String("SQLite file")));
    }
};

QTEST_GUILESS_MAIN(TestLocalReplica)
#include "tst_localreplica.moc"
