// fedgatectl topology discard, and the plain words of fedgatectl's human
// output (issue 12 items 1 and 3): findings and diffs name objects as people
// do while --json keeps the stable paths; removing a site or an edge pool
// says what else went.
#include "support/Fedgatectl.h"
#include "support/TestPaths.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using fedgate::test::CliResult;

namespace {
QString internalSpelling(const QString &text)
{
    static const QRegularExpression internal(QStringLiteral(
        "sites/|edgePools|frontEndPools|/members/|partners/|policies/|users/|NotSupported|"
        "xmppFederationRoute|tlsNegotiation|saslNegotiation"));
    const QRegularExpressionMatch m = internal.match(text);
    return m.hasMatch() ? m.captured() : QString();
}
} // namespace

class TstFedgatectlDraft : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }
    CliResult human(const QStringList &args)
    {
        return fedgate::test::runFedgatectl(args, dataDir());
    }
    CliResult json(QStringList args)
    {
        args << QStringLiteral("--json");
        return fedgate::test::runFedgatectl(args, dataDir());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(json({QStringLiteral("topology"), QStringLiteral("new"),
                       QStringLiteral("--from-file"), fedgate::test::exampleTopologyPath()})
                     .exitCode,
                 0);
    }

    void discardWithNothingPublishedSaysWhatToDo()
    {
        const CliResult r = human({QStringLiteral("topology"), QStringLiteral("discard")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("Nothing is published"), r.err.constData());
    }

    void diffAndDiscardInWords()
    {
        QCOMPARE(json({QStringLiteral("topology"), QStringLiteral("publish")}).exitCode, 0);
        // Two edits: a partner's TLS and a removed edge pool (Montreal's,
        // which Montreal's route names).
        QCOMPARE(
            json({QStringLiteral("partner"), QStringLiteral("set"), QStringLiteral("fabrikam.test"),
                  QStringLiteral("--tls-negotiation"), QStringLiteral("Optional")})
                .exitCode,
            0);
        const CliResult removed = human({QStringLiteral("edge-pool"), QStringLiteral("remove"),
                                         QStringLiteral("edge-mtl.contoso.test")});
        QCOMPARE(removed.exitCode, 0);
        QVERIFY2(removed.out.contains("edge server edge-mtl1.contoso.test of pool "
                                      "edge-mtl.contoso.test in site Montreal is removed too"),
                 removed.out.constData());
        QVERIFY2(removed.out.contains("the XMPP federation route of site Montreal"),
                 removed.out.constData());

        const CliResult diff = human({QStringLiteral("topology"), QStringLiteral("diff"),
                                      QStringLiteral("latest"), QStringLiteral("draft")});
        QCOMPARE(diff.exitCode, 0);
        const QString text = QString::fromUtf8(diff.out);
        QVERIFY2(internalSpelling(text).isEmpty(), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral(
                     "Changed the TLS of partner fabrikam.test from Required to Optional.")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Removed edge pool edge-mtl.contoso.test in site "
                                              "Montreal.")),
                 qPrintable(text));
        // Scripts keep the stable paths.
        const CliResult scripted = json({QStringLiteral("topology"), QStringLiteral("diff"),
                                         QStringLiteral("latest"), QStringLiteral("draft")});
        bool path = false;
        for (const QJsonValue &c : scripted.object()[QStringLiteral("changes")].toArray())
            path = path || c[QStringLiteral("path")].toString() ==
                               QLatin1String("sites/Montreal/edgePools/edge-mtl.contoso.test");
        QVERIFY2(path, scripted.out.constData());

        // Findings read in words too.
        const CliResult validate = human({QStringLiteral("topology"), QStringLiteral("validate")});
        QVERIFY2(internalSpelling(QString::fromUtf8(validate.out)).isEmpty(),
                 validate.out.constData());

        // Discard: back to version 1, saying what was dropped.
        const CliResult discard = human({QStringLiteral("topology"), QStringLiteral("discard")});
        QCOMPARE(discard.exitCode, 0);
        QVERIFY2(discard.out.contains("the draft is version 1 again"), discard.out.constData());
        QVERIFY2(discard.out.contains("Changed the TLS of partner fabrikam.test"),
                 discard.out.constData());
        const CliResult after = json({QStringLiteral("topology"), QStringLiteral("diff"),
                                      QStringLiteral("latest"), QStringLiteral("draft")});
        QCOMPARE(after.exitCode, 0);
        QVERIFY2(after.object()[QStringLiteral("changes")].toArray().isEmpty(),
                 after.out.constData());
        // Again: nothing left to discard.
        const CliResult again = json({QStringLiteral("topology"), QStringLiteral("discard")});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.object()[QStringLiteral("discarded")].toBool(true), false);
    }
};

QTEST_GUILESS_MAIN(TstFedgatectlDraft)
#include "tst_fedgatectl_draft.moc"
