// fedgated runs on the allocator the build chose for it
// (cmake/FedgateAllocator.cmake: mimalloc, or AddressSanitizer's in the
// sanitizer build). The daemon asks its own malloc where a block lives
// (engine/tls/HeapTrim), so a link that let glibc's malloc win, or a
// daemon that never set the allocator up, fails here: `fedgated --version`
// names it, and so does the daemon's log at start.
#include "support/TestPaths.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
// From tests/app/CMakeLists.txt: "mimalloc", "AddressSanitizer" or "glibc".
const QString kExpectedAllocator = QStringLiteral(FEDGATE_EXPECTED_ALLOCATOR);

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runFedgated(const QStringList &args, const QString &dataDir)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FEDGATE_DATA_DIR"), dataDir);
    process.setProcessEnvironment(env);
    process.start(fedgate::test::executable(QStringLiteral("fedgated")), args);
    Run run;
    if (!process.waitForFinished(30000))
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}
} // namespace

class TstFedgatedAllocator : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void versionNamesTheAllocator()
    {
        const Run run = runFedgated({QStringLiteral("--version")}, m_dir.path());
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].startsWith(QStringLiteral("fedgated ")), qPrintable(run.out));
        QVERIFY2(lines[1].startsWith(QStringLiteral("allocator: ") + kExpectedAllocator),
                 qPrintable(run.out));
    }

    void daemonLogsItsAllocatorAtStart()
    {
        // Set up and logged before the topology is read: a missing topology
        // file ends the run right after (exit 2, saying which file).
        const QString missing = m_dir.filePath(QStringLiteral("no-such-topology.json"));
        const Run run = runFedgated(
            {QStringLiteral("--role"), QStringLiteral("edge"), QStringLiteral("--topology"),
             missing, QStringLiteral("--control"), m_dir.filePath(QStringLiteral("control.sock"))},
            m_dir.path());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("memory allocator: ") + kExpectedAllocator),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(missing), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TstFedgatedAllocator)
#include "tst_fedgated_allocator.moc"
