// The central store under stress and damage, through fedgatectl as an
// administrator runs it: concurrent draft edits (defect 9), a store truncated
// or garbled on disk (defect 10), and 'fedgatectl store backup/restore/check'.
#include "support/Fedgatectl.h"
#include "support/TestPaths.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using fedgate::test::CliResult;

class TstFedgatectlStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_counter = 0;

    QString freshStore()
    {
        return m_dir.filePath(QStringLiteral("cms-%1.sqlite").arg(++m_counter));
    }

    CliResult run(const QString &store, QStringList args)
    {
        args << QStringLiteral("--store") << store;
        return fedgate::test::runFedgatectl(args, m_dir.path());
    }

    // A store holding version 1 (the example topology).
    bool publishExample(const QString &store)
    {
        const CliResult r =
            run(store, {QStringLiteral("topology"), QStringLiteral("publish"),
                        QStringLiteral("--file"), fedgate::test::exampleTopologyPath()});
        if (r.exitCode != 0)
            qWarning().noquote() << r.text();
        return r.exitCode == 0;
    }

    // Several versions and a few pages of documents, so that a page in the
    // middle of the file belongs to the store's tables.
    bool publishSeveralVersions(const QString &store, int versions)
    {
        if (!publishExample(store))
            return false;
        for (int v = 0; v < versions - 1; ++v) {
            for (int i = 0; i < 8; ++i) {
                const CliResult r =
                    run(store, {QStringLiteral("partner"), QStringLiteral("add"),
                                QStringLiteral("v%1-p%2.partner.test").arg(v).arg(i)});
                if (r.exitCode != 0) {
                    qWarning().noquote() << r.text();
                    return false;
                }
            }
            const CliResult r = run(store, {QStringLiteral("topology"), QStringLiteral("publish")});
            if (r.exitCode != 0) {
                qWarning().noquote() << r.text();
                return false;
            }
        }
        return true;
    }

    QStringList partnerDomains(const QString &store)
    {
        const CliResult r = run(
            store, {QStringLiteral("partner"), QStringLiteral("list"), QStringLiteral("--json")});
        QStringList out;
        for (const QJsonValue &v : r.json().toArray())
            out << v.toObject().value(QStringLiteral("domain")).toString();
        return out;
    }

    static QByteArray digest(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }

    // Overwrites 4 KiB (one page) in the middle of the file with a pattern.
    static bool garbleMiddle(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadWrite))
            return false;
        const qint64 pages = f.size() / 4096;
        if (pages < 3)
            return false;
        f.seek((pages / 2) * 4096);
        QByteArray junk(4096, '\0');
        for (int i = 0; i < junk.size(); ++i)
            junk[i] = char((i * 37 + 11) & 0xff);
        return f.write(junk) == junk.size();
    }

    // The message a refused store gives: names the file and the ways back.
    static void verifyDamageMessage(const CliResult &r, const QString &store)
    {
        QVERIFY2(r.exitCode == 2, qPrintable(r.text()));
        const QString text = QString::fromUtf8(r.err);
        QVERIFY2(text.contains(QFileInfo(store).absoluteFilePath()), qPrintable(r.text()));
        QVERIFY2(text.contains(QLatin1String("fedgatectl store restore")), qPrintable(r.text()));
        QVERIFY2(text.contains(QLatin1String("--file")), qPrintable(r.text()));
    }

    // Every kind of verb refuses the store the same way: a read, a publish
    // and a draft edit.
    void verifyEveryVerbRefuses(const QString &store)
    {
        verifyDamageMessage(run(store, {QStringLiteral("topology"), QStringLiteral("versions")}),
                            store);
        verifyDamageMessage(
            run(store, {QStringLiteral("topology"), QStringLiteral("publish"),
                        QStringLiteral("--file"), fedgate::test::exampleTopologyPath()}),
            store);
        verifyDamageMessage(run(store, {QStringLiteral("partner"), QStringLiteral("add"),
                                        QStringLiteral("late.partner.test")}),
                            store);
        verifyDamageMessage(run(store, {QStringLiteral("topology"), QStringLiteral("show")}),
                            store);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Defect 9: ten administrators (or scripts) add partners at the same
    // time; every one of them is told "added", so every partner must land.
    void concurrentPartnerAdd_defect9()
    {
        const QString store = freshStore();
        QVERIFY(publishExample(store));
        const int before = int(partnerDomains(store).size());

        constexpr int kRounds = 10;
        constexpr int kWriters = 10;
        QStringList expected;
        for (int round = 0; round < kRounds; ++round) {
            std::vector<std::unique_ptr<QProcess>> writers;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("FEDGATE_DATA_DIR"), m_dir.path());
            for (int w = 0; w < kWriters; ++w) {
                const QString domain = QStringLiteral("r%1-w%2.partner.test").arg(round).arg(w);
                expected << domain;
                auto p = std::make_unique<QProcess>();
                p->setProcessEnvironment(env);
                p->start(fedgate::test::executable(QStringLiteral("fedgatectl")),
                         {QStringLiteral("partner"), QStringLiteral("add"), domain,
                          QStringLiteral("--store"), store});
                writers.push_back(std::move(p));
            }
            for (auto &p : writers) {
                QVERIFY(p->waitForFinished(60000));
                QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0,
                         p->readAllStandardError().constData());
            }
        }
        const QStringList landed = partnerDomains(store);
        int missing = 0;
        for (const QString &domain : expected)
            missing += landed.contains(domain) ? 0 : 1;
        QVERIFY2(missing == 0, qPrintable(QStringLiteral("%1 of %2 partners landed")
                                              .arg(kRounds * kWriters - missing)
                                              .arg(kRounds * kWriters)));
        QCOMPARE(int(landed.size()), before + kRounds * kWriters);
    }

    // Defect 10: a store truncated to 0 bytes is not a new store.
    void truncatedStore_defect10()
    {
        const QString store = freshStore();
        QVERIFY(publishExample(store));
        {
            QFile f(store);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        }
        QCOMPARE(QFileInfo(store).size(), 0);

        verifyEveryVerbRefuses(store);
        const CliResult check = run(store, {QStringLiteral("store"), QStringLiteral("check")});
        QVERIFY2(check.exitCode == 2, qPrintable(check.text()));
        QVERIFY2(check.err.contains("0 bytes"), qPrintable(check.text()));
        // Nothing was written: still empty, no version 1 made.
        QCOMPARE(QFileInfo(store).size(), 0);
    }

    // Defect 10: a page garbled in the middle is caught at open by every
    // verb, and nothing is written.
    void garbledStore_defect10()
    {
        const QString store = freshStore();
        QVERIFY(publishSeveralVersions(store, 4));
        QVERIFY(garbleMiddle(store));
        const QByteArray damaged = digest(store);

        verifyEveryVerbRefuses(store);
        const CliResult check = run(store, {QStringLiteral("store"), QStringLiteral("check")});
        QVERIFY2(check.exitCode == 2, qPrintable(check.text()));
        QVERIFY2(check.err.contains("integrity"), qPrintable(check.text()));
        QCOMPARE(digest(store), damaged);
    }

    // A file that is not a Fedgate store (another program's SQLite database)
    // is not taken over.
    void foreignDatabaseRefused_defect10()
    {
        const QString store = freshStore();
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
            db.setDatabaseName(store);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE contacts (name TEXT)")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
        const QByteArray before = digest(store);
        const CliResult r =
            run(store, {QStringLiteral("topology"), QStringLiteral("publish"),
                        QStringLiteral("--file"), fedgate::test::exampleTopologyPath()});
        QVERIFY2(r.exitCode == 2, qPrintable(r.text()));
        QVERIFY2(r.err.contains("not a Fedgate"), qPrintable(r.text()));
        QCOMPARE(digest(store), before);
    }

    void backupRestoreRoundTrip()
    {
        const QString store = freshStore();
        QVERIFY(publishSeveralVersions(store, 3));
        const QString backup = m_dir.filePath(QStringLiteral("backup-%1.sqlite").arg(m_counter));
        CliResult r = run(store, {QStringLiteral("store"), QStringLiteral("backup"),
                                  QStringLiteral("--output"), backup});
        QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
        QVERIFY(QFileInfo(backup).size() > 0);

        // The backup is a complete, checked store of its own.
        r = run(backup, {QStringLiteral("store"), QStringLiteral("check")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
        r = run(backup,
                {QStringLiteral("topology"), QStringLiteral("versions"), QStringLiteral("--json")});
        QCOMPARE(r.object()[QStringLiteral("latest")].toInt(), 3);

        // Later damage; the restore brings back all three versions and the
        // draft edits made before the backup.
        const QStringList partnersAtBackup = partnerDomains(store);
        QVERIFY(garbleMiddle(store));
        const QByteArray damaged = digest(store);
        r = run(store, {QStringLiteral("store"), QStringLiteral("restore"),
                        QStringLiteral("--file"), backup});
        QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
        QCOMPARE(digest(store + QStringLiteral(".before-restore")), damaged);
        r = run(store, {QStringLiteral("store"), QStringLiteral("check")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
        r = run(store,
                {QStringLiteral("topology"), QStringLiteral("versions"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
        QCOMPARE(r.object()[QStringLiteral("latest")].toInt(), 3);
        QCOMPARE(partnerDomains(store), partnersAtBackup);
        // And the restored store takes new versions.
        r = run(store, {QStringLiteral("partner"), QStringLiteral("add"),
                        QStringLiteral("after-restore.partner.test")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
        r = run(store, {QStringLiteral("topology"), QStringLiteral("publish")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
    }

    void restoreRefusesGarbledBackup()
    {
        const QString store = freshStore();
        QVERIFY(publishSeveralVersions(store, 4));
        const QString backup = m_dir.filePath(QStringLiteral("backup-%1.sqlite").arg(m_counter));
        CliResult r = run(store, {QStringLiteral("store"), QStringLiteral("backup"),
                                  QStringLiteral("--output"), backup});
        QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
        QVERIFY(garbleMiddle(backup));
        const QByteArray intact = digest(store);

        r = run(store, {QStringLiteral("store"), QStringLiteral("restore"),
                        QStringLiteral("--file"), backup});
        QVERIFY2(r.exitCode == 2, qPrintable(r.text()));
        QVERIFY2(r.err.contains(QFileInfo(backup).absoluteFilePath().toUtf8()),
                 qPrintable(r.text()));
        QCOMPARE(digest(store), intact);
        QVERIFY(!QFileInfo::exists(store + QStringLiteral(".before-restore")));

        // Neither is a file that is not a Fedgate store restored.
        const QString text = m_dir.filePath(QStringLiteral("notes.txt"));
        {
            QFile f(text);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("not a database\n");
        }
        r = run(store, {QStringLiteral("store"), QStringLiteral("restore"),
                        QStringLiteral("--file"), text});
        QVERIFY2(r.exitCode == 2, qPrintable(r.text()));
        QCOMPARE(digest(store), intact);
    }

    // A PostgreSQL store is backed up with pg_dump: said without even
    // connecting (no password printed), exit 1.
    void postgresBackupPointsToPgDump()
    {
        const QString url = QStringLiteral("postgresql://fedgate:secret@127.0.0.1:1/cms");
        CliResult r = run(url, {QStringLiteral("store"), QStringLiteral("backup"),
                                QStringLiteral("--output"), m_dir.filePath(QStringLiteral("pg"))});
        QVERIFY2(r.exitCode == 1, qPrintable(r.text()));
        QVERIFY2(r.err.contains("pg_dump"), qPrintable(r.text()));
        QVERIFY2(!r.err.contains("secret"), qPrintable(r.text()));
        r = run(url, {QStringLiteral("store"), QStringLiteral("restore"), QStringLiteral("--file"),
                      m_dir.filePath(QStringLiteral("pg"))});
        QVERIFY2(r.exitCode == 1, qPrintable(r.text()));
        QVERIFY2(r.err.contains("pg_restore"), qPrintable(r.text()));
    }
};

QTEST_GUILESS_MAIN(TstFedgatectlStore)
#include "tst_fedgatectl_store.moc"
