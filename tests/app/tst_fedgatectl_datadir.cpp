// One place for the deployment's files (issue 11 item 7): fedgatectl, the
// wizard and the service agree on the data directory. FEDGATE_DATA_DIR wins;
// else the system service's directory when it exists (the package created
// it); else the user's own XDG directory. `service status` says which and
// why. The system directory is relocated with FEDGATE_SYSTEM_DATA_DIR so the
// test never touches /var/lib.
#include "support/TestPaths.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TstFedgatectlDataDir : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QJsonObject status(const QProcessEnvironment &env)
    {
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(
            fedgate::test::executable(QStringLiteral("fedgatectl")),
            {QStringLiteral("service"), QStringLiteral("status"), QStringLiteral("--json")});
        if (!process.waitForFinished(30000))
            return {};
        return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    }

    QProcessEnvironment baseEnvironment()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("FEDGATE_DATA_DIR"));
        env.remove(QStringLiteral("FEDGATE_SYSTEM"));
        env.remove(QStringLiteral("XDG_DATA_HOME"));
        env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("FEDGATE_SYSTEM_DATA_DIR"),
                   m_dir.filePath(QStringLiteral("system")));
        return env;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void userDirectoryWithoutASystemService()
    {
        const QJsonObject o = status(baseEnvironment());
        QCOMPARE(o.value(QStringLiteral("dataDirectory")).toString(),
                 m_dir.filePath(QStringLiteral("home/.local/share/fedgate")));
        QVERIFY(o.value(QStringLiteral("dataDirectoryOrigin"))
                    .toString()
                    .contains(QStringLiteral("your own")));
    }

    void systemDirectoryOnceThePackageMadeIt()
    {
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("system"))));
        const QJsonObject o = status(baseEnvironment());
        QCOMPARE(o.value(QStringLiteral("dataDirectory")).toString(),
                 m_dir.filePath(QStringLiteral("system")));
        QVERIFY(o.value(QStringLiteral("dataDirectoryOrigin"))
                    .toString()
                    .contains(QStringLiteral("system service")));
    }

    void environmentWins()
    {
        QProcessEnvironment env = baseEnvironment();
        env.insert(QStringLiteral("FEDGATE_DATA_DIR"), m_dir.filePath(QStringLiteral("chosen")));
        const QJsonObject o = status(env);
        QCOMPARE(o.value(QStringLiteral("dataDirectory")).toString(),
                 m_dir.filePath(QStringLiteral("chosen")));
        QVERIFY(o.value(QStringLiteral("dataDirectoryOrigin"))
                    .toString()
                    .contains(QStringLiteral("FEDGATE_DATA_DIR")));
    }
};

QTEST_GUILESS_MAIN(TstFedgatectlDataDir)
#include "tst_fedgatectl_datadir.moc"
