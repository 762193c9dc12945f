// fedgatectl check's command line: its options are checked before anything
// runs, --only runs just the checks named (in the checklist's order), --json
// gives the checklist's JSON, and the exit code is 1 while a check fails or
// could not be checked. Nothing is deployed in its data directory, so no
// process is started.
#include "support/Fedgatectl.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using fedgate::test::CliResult;
using fedgate::test::runFedgatectl;

class TstFedgatectlCheck : public QObject
{
    Q_OBJECT

    QTemporaryDir m_data;

    CliResult check(const QStringList &args)
    {
        return runFedgatectl(QStringList{QStringLiteral("check")} + args, m_data.path());
    }

private Q_SLOTS:
    void badOptionsAreRefused()
    {
        CliResult r = check({QStringLiteral("--only"), QStringLiteral("service,firewall")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("no check 'firewall'") && r.err.contains("partners"),
                 qPrintable(r.text()));
        r = check({QStringLiteral("--dns-server"), QStringLiteral("not an address:99999")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("--dns-server"), qPrintable(r.text()));
        r = check({QStringLiteral("--ping-timeout"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("--ping-timeout"), qPrintable(r.text()));
    }

    void onlyTheChecksAsked()
    {
        const CliResult r = check(
            {QStringLiteral("--only"), QStringLiteral("route,Service"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject json = r.object();
        QCOMPARE(json.value(u"passed").toBool(true), false);
        const QJsonArray checks = json.value(u"checks").toArray();
        QCOMPARE(checks.size(), 2);
        QCOMPARE(checks.at(0).toObject().value(u"id").toString(), QStringLiteral("service"));
        QCOMPARE(checks.at(0).toObject().value(u"status").toString(), QStringLiteral("fail"));
        QCOMPARE(checks.at(1).toObject().value(u"id").toString(), QStringLiteral("route"));
        QCOMPARE(checks.at(1).toObject().value(u"status").toString(),
                 QStringLiteral("not-checked"));
    }

    void humanForm()
    {
        const CliResult r = check({});
        QCOMPARE(r.exitCode, 1);
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(u"FAIL         Service running") &&
                     out.contains(u"PROBLEM: fedgated is not running") &&
                     out.contains(u"Fix: Start it with 'fedgatectl service start'") &&
                     out.contains(u"NOT CHECKED  Partners reachable") &&
                     out.contains(u"8 of 8 checks did not pass."),
                 qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TstFedgatectlCheck)
#include "tst_fedgatectl_check.moc"
