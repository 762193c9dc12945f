// fedgatectl user password / user list, run as a user would: the password is
// set only for a user of the published topology (an unknown address is
// refused with the way to add it, and nothing is written), read from
// --password-file or asked twice on stdin, stored as SCRAM credentials in the
// gateway store of the data directory fedgated uses (checked by opening that
// store), and `user list` shows which users have one and their effective
// policy.
#include "engine/gateway/AccountStore.h"
#include "engine/gateway/GatewayDatabase.h"
#include "support/Fedgatectl.h"
#include "support/TestPaths.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace fedgate;
using fedgate::test::CliResult;
using namespace Qt::StringLiterals;

class TstFedgatectlUser : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    CliResult run(QStringList args)
    {
        args << u"--json"_s;
        return test::runFedgatectl(args, m_dir.path());
    }
    // fedgatectl with `input` on its stdin (not a terminal: no echo to turn off).
    CliResult runWithInput(const QStringList &args, const QByteArray &input)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"FEDGATE_DATA_DIR"_s, m_dir.path());
        process.setProcessEnvironment(env);
        process.start(test::executable(u"fedgatectl"_s), args);
        CliResult result;
        if (!process.waitForStarted(10000))
            return result;
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished(3000);
            return result;
        }
        result.exitCode = process.exitCode();
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }
    QString passwordFile(const QByteArray &content)
    {
        const QString path = m_dir.filePath(u"pw-%1.txt"_s.arg(++m_files));
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(content);
        return path;
    }
    bool storeAccepts(const QString &location, const QString &user, const QString &password)
    {
        auto db = engine::GatewayDatabase::open(location);
        if (!db)
            return false;
        auto store = engine::AccountStore::open(*db.value());
        return store && store.value()->checkPlainPassword(engine::Jid::fromString(user), password);
    }
    QString gatewayDb() const { return m_dir.filePath(u"gateway.db"_s); }
    int m_files = 0;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The example, published in the central store of this machine and
        // imported into its local replica (what fedgated reads).
        CliResult r = run({u"topology"_s, u"new"_s, u"--from-file"_s, test::exampleTopologyPath()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
        r = run({u"topology"_s, u"publish"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
        r = run({u"topology"_s, u"import"_s, u"--from-store"_s, m_dir.filePath(u"cms.sqlite"_s)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
    }

    void refusesAddressNotInTopology()
    {
        const CliResult r = run({u"user"_s, u"password"_s, u"mallory@contoso.test"_s,
                                 u"--password-file"_s, passwordFile("secret\n")});
        QCOMPARE(r.exitCode, 1);
        const QString error = r.object()[u"error"_s].toString();
        QVERIFY2(error.contains(u"not a user"_s), qPrintable(error));
        QVERIFY2(error.contains(u"fedgatectl user add mallory@contoso.test"_s), qPrintable(error));
        QVERIFY(!QFile::exists(gatewayDb())); // nothing written
    }

    void refusesMalformedAddress()
    {
        CliResult r = run({u"user"_s, u"password"_s, u"al ice@contoso.test"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.object()[u"error"_s].toString().contains(u"not a valid XMPP address"_s),
                 qPrintable(r.text()));
        r = run({u"user"_s, u"password"_s, u"alice@contoso.test/phone"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.object()[u"error"_s].toString().contains(u"bare address"_s),
                 qPrintable(r.text()));
    }

    void passwordFromFile()
    {
        const CliResult r = run({u"user"_s, u"password"_s, u"Alice@Contoso.test"_s,
                                 u"--password-file"_s, passwordFile("Tr0ub4dor&3\nignored\n")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
        QCOMPARE(r.object()[u"user"_s].toString(), u"alice@contoso.test"_s);
        QCOMPARE(r.object()[u"gatewayStore"_s].toString(), gatewayDb());
        QVERIFY(storeAccepts(gatewayDb(), u"alice@contoso.test"_s, u"Tr0ub4dor&3"_s));
        QVERIFY(!storeAccepts(gatewayDb(), u"alice@contoso.test"_s, u"ignored"_s));
        QFile f(gatewayDb());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("Tr0ub4dor&3"));
        // An empty password file is refused and the old password stays.
        const CliResult empty = run({u"user"_s, u"password"_s, u"alice@contoso.test"_s,
                                     u"--password-file"_s, passwordFile("\n")});
        QCOMPARE(empty.exitCode, 1);
        QVERIFY(storeAccepts(gatewayDb(), u"alice@contoso.test"_s, u"Tr0ub4dor&3"_s));
    }

    void passwordAskedTwice()
    {
        CliResult r = runWithInput({u"user"_s, u"password"_s, u"bob@contoso.test"_s},
                                   "s3cret pass\ns3cret pass\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
        QVERIFY(r.err.contains("New password for bob@contoso.test"));
        QVERIFY(r.err.contains("Repeat"));
        QVERIFY(!r.out.contains("s3cret") && !r.err.contains("s3cret"));
        QVERIFY(storeAccepts(gatewayDb(), u"bob@contoso.test"_s, u"s3cret pass"_s));
        r = runWithInput({u"user"_s, u"password"_s, u"bob@contoso.test"_s}, "one\ntwo\n");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("differ"), qPrintable(r.text()));
        QVERIFY(storeAccepts(gatewayDb(), u"bob@contoso.test"_s, u"s3cret pass"_s));
        r = runWithInput({u"user"_s, u"password"_s, u"bob@contoso.test"_s}, "");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("No password was entered"), qPrintable(r.text()));
    }

    void otherGatewayStore()
    {
        const QString other = m_dir.filePath(u"elsewhere.db"_s);
        const CliResult r =
            run({u"user"_s, u"password"_s, u"carol@contoso.test"_s, u"--password-file"_s,
                 passwordFile("carol-pw"), u"--gateway-store"_s, other});
        QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
        QVERIFY(storeAccepts(other, u"carol@contoso.test"_s, u"carol-pw"_s));
        QVERIFY(!storeAccepts(gatewayDb(), u"carol@contoso.test"_s, u"carol-pw"_s));
    }

    void listShowsPasswordAndPolicy()
    {
        const CliResult r = run({u"user"_s, u"list"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
        QHash<QString, QJsonObject> users;
        for (const QJsonValue &v : r.json().toArray())
            users.insert(v.toObject()[u"xmppAddress"_s].toString(), v.toObject());
        QCOMPARE(users.size(), 3);
        QCOMPARE(users[u"alice@contoso.test"_s][u"passwordSet"_s].toBool(), true);
        QCOMPARE(users[u"bob@contoso.test"_s][u"passwordSet"_s].toBool(), true);
        // carol's password went to another store.
        QCOMPARE(users[u"carol@contoso.test"_s][u"passwordSet"_s].toBool(), false);
        QCOMPARE(users[u"bob@contoso.test"_s][u"effectivePolicy"_s].toString(),
                 u"tag:xmpp-federation"_s);
        QCOMPARE(users[u"alice@contoso.test"_s][u"effectivePolicy"_s].toString(), u"site:Paris"_s);
        // The human form says it too.
        const CliResult text = test::runFedgatectl({u"user"_s, u"list"_s}, m_dir.path());
        QVERIFY(text.out.contains("alice@contoso.test (Alice Martin)"));
        QVERIFY2(text.out.contains("password set"), text.out.constData());
        QVERIFY(text.out.contains("password not set"));
    }

    void removePassword()
    {
        const QString other = m_dir.filePath(u"elsewhere.db"_s);
        CliResult r = run({u"user"_s, u"password"_s, u"carol@contoso.test"_s, u"--remove"_s,
                           u"--gateway-store"_s, other});
        QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
        QCOMPARE(r.object()[u"removed"_s].toBool(), true);
        QVERIFY(!storeAccepts(other, u"carol@contoso.test"_s, u"carol-pw"_s));
        // Again: nothing left, still fine. An address the topology no longer
        // names can be cleaned up too.
        r = run({u"user"_s, u"password"_s, u"carol@contoso.test"_s, u"--remove"_s,
                 u"--gateway-store"_s, other});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.object()[u"removed"_s].toBool(), false);
        r = run({u"user"_s, u"password"_s, u"former@contoso.test"_s, u"--remove"_s});
        QCOMPARE(r.exitCode, 0);
    }

    void listWithoutGatewayStore()
    {
        QTemporaryDir other;
        QVERIFY(test::runFedgatectl(
                    {u"topology"_s, u"new"_s, u"--from-file"_s, test::exampleTopologyPath()},
                    other.path())
                    .exitCode == 0);
        const CliResult r = test::runFedgatectl({u"user"_s, u"list"_s}, other.path());
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("no gateway store"), qPrintable(r.text()));
        QVERIFY(!QFile::exists(other.filePath(u"gateway.db"_s))); // listing creates nothing
    }
};

QTEST_GUILESS_MAIN(TstFedgatectlUser)
#include "tst_fedgatectl_user.moc"
