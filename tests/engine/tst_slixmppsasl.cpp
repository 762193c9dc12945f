// The server mechanisms against a real client implementation: slixmpp's own
// SASL code (Debian's python3-slixmpp, what the end-to-end clients log in
// with) runs in a child process and exchanges the SASL messages with
// ScramServer / PlainServer over its stdin and stdout. slixmpp verifies the
// server signature of SCRAM itself; a wrong password ends in not-authorized.
#include "engine/gateway/AccountStore.h"
#include "engine/gateway/GatewayDatabase.h"
#include "engine/sasl/SaslMechanisms.h"
#include "support/TestPaths.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace fedgate;
using namespace fedgate::engine;
using namespace Qt::StringLiterals;

namespace {
QByteArray readLine(QProcess &process)
{
    for (int i = 0; i < 100 && !process.canReadLine(); ++i)
        if (!process.waitForReadyRead(300) && process.state() != QProcess::Running)
            break;
    return process.readLine().trimmed();
}
} // namespace

class TstSlixmppSasl : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exchange_data();
    void exchange();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<GatewayDatabase> m_db;
    std::unique_ptr<AccountStore> m_accounts;
};

void TstSlixmppSasl::initTestCase()
{
    auto db = GatewayDatabase::open(m_dir.filePath(u"gateway.db"_s));
    QVERIFY(db);
    m_db = std::move(db).value();
    m_accounts = std::move(AccountStore::open(*m_db)).value();
    QVERIFY(m_accounts->setPassword(Jid::fromString(u"alice@contoso.test"), u"wonderland"_s));
    QVERIFY(m_accounts->setPassword(Jid::fromString(u"o,neil=x@contoso.test"), u"pässword"_s));
}

void TstSlixmppSasl::exchange_data()
{
    QTest::addColumn<QString>("mechanism");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("expectedUser"); // empty = must fail with not-authorized
    for (const QString &m : {u"SCRAM-SHA-256"_s, u"SCRAM-SHA-1"_s, u"PLAIN"_s}) {
        QTest::addRow("%s", qPrintable(m)) << m << u"alice"_s << u"wonderland"_s << u"alice"_s;
        QTest::addRow("%s wrong password", qPrintable(m))
            << m << u"alice"_s << u"wonderlant"_s << QString();
        QTest::addRow("%s unknown user", qPrintable(m))
            << m << u"nobody"_s << u"wonderland"_s << QString();
    }
    QTest::newRow("SCRAM-SHA-256 escaped name, non-ASCII password")
        << u"SCRAM-SHA-256"_s << u"o,neil=x"_s << u"pässword"_s << u"o,neil=x"_s;
}

void TstSlixmppSasl::exchange()
{
    QFETCH(QString, mechanism);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, expectedUser);
    auto server = createSaslMechanism(mechanism, *m_accounts, u"contoso.test"_s, true);
    QVERIFY(server);

    QProcess client;
    client.start(
        u"/usr/bin/python3"_s,
        {test::sourceDir() + u"/tests/engine/slixmpp_sasl_client.py"_s, mechanism, user, password});
    QVERIFY2(client.waitForStarted(10000), qPrintable(client.errorString()));
    const auto decode = [](const QByteArray &line) {
        return line == "=" ? QByteArray() : QByteArray::fromBase64(line);
    };
    QByteArray line = readLine(client);
    QVERIFY2(!line.isEmpty(), client.readAllStandardError().constData());
    SaslStep step = server->start(decode(line));
    for (int round = 0; round < 5 && step.kind == SaslStep::Challenge; ++round) {
        client.write((step.data.isEmpty() ? QByteArray("=") : step.data.toBase64()) + '\n');
        line = readLine(client);
        QVERIFY2(!line.isEmpty(), client.readAllStandardError().constData());
        step = server->respond(decode(line));
    }
    if (step.kind == SaslStep::Success) {
        client.write("SUCCESS " + step.data.toBase64() + '\n');
        QCOMPARE(readLine(client), QByteArray("OK")); // slixmpp checked our signature
        QCOMPARE(step.username, expectedUser);
    } else {
        QCOMPARE(int(step.kind), int(SaslStep::Failure));
        QVERIFY2(expectedUser.isEmpty(), qPrintable(step.condition));
        QCOMPARE(step.condition, u"not-authorized"_s);
        client.write("FAILURE " + step.condition.toUtf8() + '\n');
    }
    client.closeWriteChannel();
    QVERIFY(client.waitForFinished(10000));
}

QTEST_GUILESS_MAIN(TstSlixmppSasl)
#include "tst_slixmppsasl.moc"
