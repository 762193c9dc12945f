// fedgatectl's command-line grammar as users of git and kubectl expect it:
// the common options before the noun ("fedgatectl --store X site list"),
// and "fedgatectl NOUN --help" listing the noun's verbs.
#include "support/Fedgatectl.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using fedgate::test::CliResult;
using fedgate::test::runFedgatectl;

class TstFedgatectlCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_store;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_store = m_dir.filePath(QStringLiteral("elsewhere.db"));
        const CliResult r = runFedgatectl(
            {QStringLiteral("topology"), QStringLiteral("new"), QStringLiteral("--org"),
             QStringLiteral("Contoso"), QStringLiteral("--sip-domain"),
             QStringLiteral("contoso.test"), QStringLiteral("--store"), m_store},
            m_dir.path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
        QVERIFY2(runFedgatectl({QStringLiteral("site"), QStringLiteral("add"),
                                QStringLiteral("Paris"), QStringLiteral("--store"), m_store},
                               m_dir.path())
                         .exitCode == 0,
                 "site add");
    }

    void globalOptionsBeforeTheNoun()
    {
        // The site lives in the store named by --store only: the default
        // store of this data directory has no topology at all.
        const CliResult before =
            runFedgatectl({QStringLiteral("--store"), m_store, QStringLiteral("--json"),
                           QStringLiteral("site"), QStringLiteral("list")},
                          m_dir.path());
        QVERIFY2(before.exitCode == 0, qPrintable(before.text()));
        const QJsonArray sites = before.json().toArray();
        QCOMPARE(sites.size(), 1);
        QCOMPARE(sites[0].toObject()[QStringLiteral("name")].toString(), QStringLiteral("Paris"));

        const CliResult equals =
            runFedgatectl({QStringLiteral("--store=") + m_store, QStringLiteral("site"),
                           QStringLiteral("list"), QStringLiteral("--json")},
                          m_dir.path());
        QCOMPARE(equals.exitCode, 0);
        QCOMPARE(equals.json().toArray(), sites);

        const CliResult after =
            runFedgatectl({QStringLiteral("site"), QStringLiteral("list"),
                           QStringLiteral("--store"), m_store, QStringLiteral("--json")},
                          m_dir.path());
        QCOMPARE(after.json().toArray(), sites);
    }

    void globalOptionWithoutValue()
    {
        const CliResult r = runFedgatectl({QStringLiteral("--store")}, m_dir.path());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("--store needs a value"), qPrintable(r.text()));
    }

    void nounHelpListsItsVerbs()
    {
        for (const QString &help : {QStringLiteral("--help"), QStringLiteral("help")}) {
            const CliResult r = runFedgatectl({QStringLiteral("site"), help}, m_dir.path());
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.out.contains("Usage: fedgatectl site VERB"), qPrintable(r.text()));
            for (const char *verb : {"add", "list", "remove"})
                QVERIFY2(r.out.contains(QByteArray("\n  ") + verb), verb);
            QVERIFY(!r.out.contains("partner"));
        }
    }

    void nounWithoutVerbSaysSoAndLists()
    {
        const CliResult r = runFedgatectl({QStringLiteral("site")}, m_dir.path());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("'site' needs a verb"), qPrintable(r.text()));
        QVERIFY(r.err.contains("Usage: fedgatectl site VERB"));
    }

    void topLevelHelpShowsTheGrammar()
    {
        const CliResult r = runFedgatectl({QStringLiteral("--help")}, m_dir.path());
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("fedgatectl [--store LOCATION]"));
        QVERIFY(r.out.contains("fedgatectl NOUN --help"));
    }
};

QTEST_GUILESS_MAIN(TstFedgatectlCli)
#include "tst_fedgatectl_cli.moc"
