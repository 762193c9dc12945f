// fedgatectl deploy --answers FILE, as an administrator runs it on a fresh
// machine: the dry run changes no file; the deployment goes from nothing to
// fedgated running both roles under the built-in supervisor, with the
// listeners the plan announced in LISTEN and the internal link ESTABLISHED
// (read back through 'fedgatectl service listeners --json'); a second run
// prints "Nothing to change" and exits 0 with fedgated untouched; a Blocked
// plan exits non-zero; deploy log shows one step's lines.
// fedgated: federation on 127.0.0.246:5269, the internal link on
// 127.0.0.247:23456, clients on 127.0.0.248:5222 (127.0.0.249: the Montreal
// pool, where nothing listens).
#include "support/FederationPartner.h"
#include "support/Fedgatectl.h"
#include "support/TestPaths.h"

#include "deploy/ProcessInfo.h"
#include "topology/TopologyDocument.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using fedgate::test::CliResult;
using fedgate::test::runFedgatectl;

namespace {
const QString kExternal = QStringLiteral("127.0.0.246");
const QString kInternal = QStringLiteral("127.0.0.247");
const QString kClients = QStringLiteral("127.0.0.248");
const QString kNobody = QStringLiteral("127.0.0.249");
} // namespace

class TstFedgatectlDeploy : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_data;
    QString m_answers;

    CliResult ctl(const QStringList &args) { return runFedgatectl(args, m_data, 120000); }

    qint64 pidFromFile() const
    {
        QFile file(m_data + QStringLiteral("/fedgated.pid"));
        return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toLongLong() : -1;
    }

    // Every file of the data directory with its size and modification time.
    QStringList snapshot() const
    {
        QStringList files;
        QDirIterator it(m_data, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QFileInfo info(it.next());
            files << QStringLiteral("%1 %2 %3")
                         .arg(info.filePath())
                         .arg(info.size())
                         .arg(info.lastModified().toMSecsSinceEpoch());
        }
        files.sort();
        return files;
    }

    void writeAnswers(const QString &path, bool withGateway)
    {
        QJsonObject certificates{
            {QStringLiteral("external"), QJsonObject{{QStringLiteral("immediate"), true}}},
            {QStringLiteral("internal"), QJsonObject{{QStringLiteral("immediate"), true}}}};
        if (withGateway)
            certificates.insert(QStringLiteral("gateway"),
                                QJsonObject{{QStringLiteral("immediate"), true}});
        const QJsonObject answers{
            {QStringLiteral("machine"), QStringLiteral("edge-paris1.contoso.test")},
            {QStringLiteral("roles"),
             QJsonArray{QStringLiteral("edge"), QStringLiteral("gateway")}},
            {QStringLiteral("certificates"), certificates},
            {QStringLiteral("passwordsFile"), QStringLiteral("passwords.txt")},
            {QStringLiteral("serviceArguments"),
             QJsonArray{QStringLiteral("--client-listen"), kClients + QStringLiteral(":5222")}}};
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(answers).toJson());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_data = m_dir.filePath(QStringLiteral("data"));
        // The example topology with this test's addresses, published into
        // the data directory's default central store as an administrator
        // would.
        const fedgate::topology::Topology topology =
            fedgate::test::loopbackExampleTopology({QString(), kInternal, kExternal, kNobody});
        QVERIFY(!topology.partners.isEmpty());
        const QString document = m_dir.filePath(QStringLiteral("topology.json"));
        QVERIFY(fedgate::topology::TopologyDocument::writeFile(topology, document));
        const CliResult published = ctl({QStringLiteral("topology"), QStringLiteral("publish"),
                                         QStringLiteral("--file"), document});
        QVERIFY2(published.exitCode == 0, published.text().toUtf8().constData());

        QFile passwords(m_dir.filePath(QStringLiteral("passwords.txt")));
        QVERIFY(passwords.open(QIODevice::WriteOnly));
        passwords.write("alice@contoso.test deploy-test-password\n");
        passwords.close();
        m_answers = m_dir.filePath(QStringLiteral("answers.json"));
        writeAnswers(m_answers, true);
    }

    void cleanupTestCase()
    {
        ctl({QStringLiteral("service"), QStringLiteral("stop")});
        // Never leave a detached fedgated behind, whatever failed.
        const qint64 pid = pidFromFile();
        if (pid > 0 && fedgate::deploy::ProcessInfo::commandName(pid) == QLatin1String("fedgated"))
            ::kill(pid_t(pid), SIGKILL);
    }

    void dryRunChangesNoFile()
    {
        const QStringList before = snapshot();
        const CliResult r = ctl({QStringLiteral("deploy"), QStringLiteral("--answers"), m_answers,
                                 QStringLiteral("--dry-run")});
        QVERIFY2(r.exitCode == 0, r.text().toUtf8().constData());
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(QStringLiteral("Pending   replica: Import topology version 1")),
                 r.text().toUtf8().constData());
        QVERIFY(
            out.contains(QStringLiteral("Pending   service: Start fedgated (edge and gateway)")));
        QVERIFY(out.contains(QStringLiteral("Dry run: nothing was changed.")));
        QVERIFY(out.contains(kInternal + QStringLiteral(":23456")));
        QCOMPARE(snapshot(), before);
    }

    void blockedPlanExitsNonZero()
    {
        const QString answers = m_dir.filePath(QStringLiteral("no-gateway.json"));
        writeAnswers(answers, false);
        const QStringList before = snapshot();
        const CliResult r = ctl({QStringLiteral("deploy"), QStringLiteral("--answers"), answers});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("Blocked   cert:gateway"), r.text().toUtf8().constData());
        QVERIFY(r.out.contains("'fedgatectl cert assign --usage gateway ID'"));
        QVERIFY(r.err.contains("1 action(s) are Blocked"));
        // Nothing written but the log line that says so.
        QStringList after = snapshot();
        after.removeIf([](const QString &f) { return f.contains(QStringLiteral("deploy.log")); });
        QCOMPARE(after, before);
    }

    void deploysFromNothingToRunning()
    {
        const CliResult r = ctl({QStringLiteral("deploy"), QStringLiteral("--answers"), m_answers});
        QVERIFY2(r.exitCode == 0, r.text().toUtf8().constData());
        QVERIFY2(r.out.contains("Applied 8 action(s); 1 were up to date."),
                 r.text().toUtf8().constData());
        QVERIFY(r.out.contains("Every planned listener is open."));
        QVERIFY(pidFromFile() > 0);

        const CliResult listeners =
            ctl({QStringLiteral("service"), QStringLiteral("listeners"), QStringLiteral("--json")});
        QVERIFY2(listeners.exitCode == 0, listeners.text().toUtf8().constData());
        QVERIFY(listeners.object().value(QStringLiteral("findings")).toArray().isEmpty());
        QSet<QString> seen;
        for (const QJsonValue &v : listeners.object().value(QStringLiteral("sockets")).toArray()) {
            const QJsonObject s = v.toObject();
            seen.insert(
                s.value(QStringLiteral("state")).toString() + QLatin1Char(' ') +
                s.value(QStringLiteral("local")).toString() +
                (s.value(QStringLiteral("state")).toString() == QLatin1String("LISTEN")
                     ? QString()
                     : QStringLiteral(" -> ") + s.value(QStringLiteral("remote")).toString()));
            QCOMPARE(s.value(QStringLiteral("pid")).toInteger(), pidFromFile());
        }
        for (const QString &expected :
             {QStringLiteral("LISTEN 127.0.0.246:5269"), QStringLiteral("LISTEN 127.0.0.247:23456"),
              QStringLiteral("LISTEN 127.0.0.248:5222")})
            QVERIFY2(seen.contains(expected), qPrintable(QStringList(seen.values()).join('\n')));
        bool established = false;
        for (const QString &row : seen)
            established = established || (row.startsWith(QStringLiteral("ESTABLISHED")) &&
                                          row.endsWith(QStringLiteral(" -> 127.0.0.247:23456")));
        QVERIFY2(established, qPrintable(QStringList(seen.values()).join('\n')));
    }

    void secondRunChangesNothing()
    {
        const qint64 pid = pidFromFile();
        const CliResult r = ctl({QStringLiteral("deploy"), QStringLiteral("--answers"), m_answers});
        QVERIFY2(r.exitCode == 0, r.text().toUtf8().constData());
        QVERIFY2(r.out.contains("Nothing to change: this machine already runs topology version 1"),
                 r.text().toUtf8().constData());
        QVERIFY(!r.out.contains("Pending"));
        QCOMPARE(pidFromFile(), pid);

        const CliResult json =
            ctl({QStringLiteral("deploy"), QStringLiteral("--answers"), m_answers,
                 QStringLiteral("--dry-run"), QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, json.text().toUtf8().constData());
        QVERIFY(json.object().value(QStringLiteral("changesNothing")).toBool());
        // Eight actions and "unit" (up to date: no systemd runs here).
        QCOMPARE(json.object().value(QStringLiteral("actions")).toArray().size(), 9);
    }

    void logShowsOneStep()
    {
        const CliResult r = ctl({QStringLiteral("deploy"), QStringLiteral("log"),
                                 QStringLiteral("--step"), QStringLiteral("certificates")});
        QVERIFY2(r.exitCode == 0, r.text().toUtf8().constData());
        const QStringList lines = QString::fromUtf8(r.out).trimmed().split(QLatin1Char('\n'));
        QVERIFY(lines.size() >= 4);
        for (const QString &line : lines)
            QVERIFY2(line.contains(QStringLiteral(" [certificates] ")), qPrintable(line));
        QVERIFY(r.out.contains("cert:gateway: assigned certificate"));
        QVERIFY(r.out.contains("cert:gateway: up to date"));
    }
};

QTEST_GUILESS_MAIN(TstFedgatectlDeploy)
#include "tst_fedgatectl_deploy.moc"
