// The Debian package as a packager checks it: cpack builds it from this build
// tree into a temporary directory; `dpkg-deb --info/--contents` show the
// expected files, control fields and maintainer scripts; lintian reports no
// error; and the programs run from a `dpkg-deb -x` extraction. Nothing is
// installed into this machine's system directories.
#include "support/TestPaths.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
};

Run run(const QString &program, const QStringList &args, const QString &workDir = {},
        int timeoutMs = 300000)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (!workDir.isEmpty())
        process.setWorkingDirectory(workDir);
    process.start(program, args);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {-1, process.readAll() + "\n(timed out)"};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAll()};
}

} // namespace

class TstDebPackage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_deb;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString build = qEnvironmentVariable("FEDGATE_BINARY_DIR");
        QVERIFY2(!build.isEmpty(), "FEDGATE_BINARY_DIR is not set (run through ctest)");
        const Run cpack =
            run(QStringLiteral("cpack"),
                {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("-B"), m_dir.path()},
                build, 600000);
        QVERIFY2(cpack.exitCode == 0, cpack.out.constData());
        const QStringList debs =
            QDir(m_dir.path()).entryList({QStringLiteral("fedgate_*.deb")}, QDir::Files);
        QCOMPARE(debs.size(), 1);
        m_deb = m_dir.filePath(debs.first());
    }

    void containsTheExpectedFiles()
    {
        const Run contents = run(QStringLiteral("dpkg-deb"), {QStringLiteral("--contents"), m_deb});
        QCOMPARE(contents.exitCode, 0);
        for (const char *path :
             {"./usr/bin/fedgate", "./usr/bin/fedgatectl", "./usr/bin/fedgated",
              "./lib/systemd/system/fedgated.service", "./usr/share/applications/fedgate.desktop",
              "./usr/share/icons/hicolor/scalable/apps/fedgate.svg",
              "./usr/share/metainfo/org.fedgate.Fedgate.metainfo.xml",
              "./usr/share/man/man8/fedgatectl.8.gz", "./usr/share/man/man8/fedgated.8.gz",
              "./usr/share/man/man1/fedgate.1.gz", "./usr/share/doc/fedgate/copyright",
              "./usr/share/doc/fedgate/changelog.gz"})
            QVERIFY2(contents.out.contains(QByteArray(path) + '\n'), path);
        // Everything belongs to root, nothing under /usr/local.
        QVERIFY(!contents.out.contains("./usr/local"));
        for (const QByteArray &line : contents.out.split('\n'))
            if (!line.isEmpty())
                QVERIFY2(line.contains(" root/root "), line.constData());
    }

    void controlFieldsAndMaintainerScripts()
    {
        const Run info = run(QStringLiteral("dpkg-deb"), {QStringLiteral("--info"), m_deb});
        QCOMPARE(info.exitCode, 0);
        QVERIFY2(info.out.contains("Package: fedgate"), info.out.constData());
        QVERIFY(info.out.contains("Architecture: amd64") || info.out.contains("Architecture: "));
        QVERIFY2(info.out.contains("adduser") && info.out.contains("dns-root-data") &&
                     info.out.contains("libqt6core6"),
                 info.out.constData());
        for (const char *script : {"postinst", "prerm", "postrm", "md5sums"})
            QVERIFY2(info.out.contains(script), script);
        const QString control = m_dir.filePath(QStringLiteral("control"));
        QCOMPARE(
            run(QStringLiteral("dpkg-deb"), {QStringLiteral("--control"), m_deb, control}).exitCode,
            0);
        QFile postinst(control + QStringLiteral("/postinst"));
        QVERIFY(postinst.open(QIODevice::ReadOnly));
        const QByteArray script = postinst.readAll();
        QVERIFY(script.contains("adduser --system --group --home /var/lib/fedgate"));
        QVERIFY(script.contains("/etc/fedgate"));
    }

    void lintianFindsNoError()
    {
        const Run lintian = run(QStringLiteral("lintian"), {QStringLiteral("--tag-display-limit"),
                                                            QStringLiteral("0"), m_deb});
        // lintian exits 1 when it reports errors (warnings alone exit 0).
        QVERIFY2(lintian.exitCode == 0, lintian.out.constData());
        for (const QByteArray &line : lintian.out.split('\n')) {
            QVERIFY2(!line.startsWith("E: "), line.constData());
            QVERIFY2(!line.contains("no-manual-page"), line.constData());
        }
        if (!lintian.out.isEmpty())
            qInfo().noquote() << "lintian (warnings and notes):\n" << lintian.out;
    }

    void programsRunFromTheExtraction()
    {
        const QString root = m_dir.filePath(QStringLiteral("root"));
        QCOMPARE(run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, root}).exitCode, 0);
        const Run ctl =
            run(root + QStringLiteral("/usr/bin/fedgatectl"), {QStringLiteral("--help")});
        QCOMPARE(ctl.exitCode, 0);
        QVERIFY2(ctl.out.contains("Usage: fedgatectl"), ctl.out.constData());
        const Run daemon =
            run(root + QStringLiteral("/usr/bin/fedgated"), {QStringLiteral("--help")});
        QCOMPARE(daemon.exitCode, 0);
        QVERIFY2(daemon.out.contains("Usage: fedgated"), daemon.out.constData());
        // The unit runs the packaged program as the fedgate account.
        QFile unit(root + QStringLiteral("/lib/systemd/system/fedgated.service"));
        QVERIFY(unit.open(QIODevice::ReadOnly));
        const QByteArray text = unit.readAll();
        QVERIFY2(text.contains("ExecStart=/usr/bin/fedgated"), text.constData());
        QVERIFY(text.contains("User=fedgate"));
        QVERIFY(text.contains("FEDGATE_SYSTEM=1"));
        // The man pages are real pages generated from the programs.
        const Run man =
            run(QStringLiteral("sh"),
                {QStringLiteral("-c"),
                 QStringLiteral("zcat '%1/usr/share/man/man8/fedgatectl.8.gz'").arg(root)});
        QCOMPARE(man.exitCode, 0);
        QVERIFY(man.out.contains(".SH FILES"));
        QVERIFY(man.out.contains("service"));
    }
};

QTEST_GUILESS_MAIN(TstDebPackage)
#include "tst_debpackage.moc"
