// Every fedgatectl command that a message of Fedgate names (quoted 'like
// this', (in parentheses) or `in backquotes` in the sources of the engine,
// the libraries, the programs and the wizard) exists: the noun is a command
// of `fedgatectl --help` and the verb, when one follows, is one of the
// noun's verbs. A message that sends an administrator to a command that does
// not exist ("fedgatectl replica import") fails this test.
#include "support/Fedgatectl.h"

#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

class TstFedgatectlMentions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyMentionedCommandExists()
    {
        QTemporaryDir data;
        const auto help = fedgate::test::runFedgatectl({QStringLiteral("--help")}, data.path());
        QCOMPARE(help.exitCode, 0);
        // "  noun verb   summary" or "  noun          summary" (single word).
        QHash<QString, QSet<QString>> verbs;
        static const QRegularExpression row(QStringLiteral("^  ([a-z][a-z-]*) ([a-z][a-z-]*)?"));
        for (const QString &line : QString::fromUtf8(help.out).split(QLatin1Char('\n'))) {
            const auto m = row.match(line);
            if (m.hasMatch())
                verbs[m.captured(1)].insert(m.captured(2));
        }
        QVERIFY2(verbs.contains(QStringLiteral("topology")), help.out.constData());

        const QString source = qEnvironmentVariable("FEDGATE_SOURCE_DIR");
        QVERIFY(!source.isEmpty());
        static const QRegularExpression mention(
            QStringLiteral("['(`]fedgatectl ([a-z][a-z-]*)(?: ([a-z][a-z-]*))?"));
        QStringList wrong;
        int checked = 0;
        for (const char *folder : {"engine", "topology", "certs", "deploy", "app", "wizard"}) {
            QDirIterator it(source + QLatin1Char('/') + QLatin1String(folder),
                            {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                QVERIFY(file.open(QIODevice::ReadOnly));
                // Messages are split over string literals: join them.
                const QString text =
                    QString::fromUtf8(file.readAll())
                        .replace(QRegularExpression(QStringLiteral("\"\\s*\"")), QString());
                auto matches = mention.globalMatch(text);
                while (matches.hasNext()) {
                    const auto m = matches.next();
                    ++checked;
                    const QString noun = m.captured(1);
                    const QString verb = m.captured(2);
                    const QString where =
                        QStringLiteral("%1: '%2'")
                            .arg(it.filePath().mid(source.size() + 1), m.captured(0).mid(1));
                    if (!verbs.contains(noun))
                        wrong << where + QStringLiteral(" (no command ") + noun + QLatin1Char(')');
                    else if (!verb.isEmpty() && !verbs[noun].contains(QString()) &&
                             !verbs[noun].contains(verb))
                        wrong << where + QStringLiteral(" (") + noun +
                                     QStringLiteral(" has no verb ") + verb + QLatin1Char(')');
                }
            }
        }
        QVERIFY2(checked > 50, qPrintable(QString::number(checked)));
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TstFedgatectlMentions)
#include "tst_fedgatectl_mentions.moc"
