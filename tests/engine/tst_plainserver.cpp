// PlainServer (RFC 4616) against the real account store, and the mechanism
// list: PLAIN offered and created only over TLS, SCRAM-SHA-256 first, an
// unknown name refused. A wrong password, an unknown user and a bad name all
// give not-authorized; a malformed message is malformed-request; the authzid
// must be empty or the user's own address.
#include "engine/gateway/AccountStore.h"
#include "engine/gateway/GatewayDatabase.h"
#include "engine/sasl/PlainServer.h"
#include "engine/sasl/SaslMechanisms.h"

#include <QTemporaryDir>
#include <QTest>

using namespace fedgate;
using namespace fedgate::engine;
using namespace Qt::StringLiterals;

class TstPlainServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void offeredMechanisms();
    void plain_data();
    void plain();
    void emptyInitialResponseThenResponse();
    void oneAttemptPerObject();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<GatewayDatabase> m_db;
    std::unique_ptr<AccountStore> m_accounts;
};

void TstPlainServer::initTestCase()
{
    auto db = GatewayDatabase::open(m_dir.filePath(u"gateway.db"_s));
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    m_db = std::move(db).value();
    m_accounts = std::move(AccountStore::open(*m_db)).value();
    QVERIFY(m_accounts->setPassword(Jid::fromString(u"alice@contoso.test"), u"wonderland"_s));
    QVERIFY(m_accounts->setPassword(Jid::fromString(u"rené@contoso.test"), u"pässword"_s));
}

void TstPlainServer::offeredMechanisms()
{
    QCOMPARE(offeredSaslMechanisms(false), (QStringList{u"SCRAM-SHA-256"_s, u"SCRAM-SHA-1"_s}));
    QCOMPARE(offeredSaslMechanisms(true),
             (QStringList{u"SCRAM-SHA-256"_s, u"SCRAM-SHA-1"_s, u"PLAIN"_s}));
    QVERIFY(!createSaslMechanism(u"PLAIN"_s, *m_accounts, u"contoso.test"_s, false));
    QVERIFY(!createSaslMechanism(u"DIGEST-MD5"_s, *m_accounts, u"contoso.test"_s, true));
    QVERIFY(!createSaslMechanism(u"SCRAM-SHA-1-PLUS"_s, *m_accounts, u"contoso.test"_s, true));
    QVERIFY(!createSaslMechanism(u"scram-sha-1"_s, *m_accounts, u"contoso.test"_s, true));
    for (const QString &name : offeredSaslMechanisms(true)) {
        auto mechanism = createSaslMechanism(name, *m_accounts, u"contoso.test"_s, true);
        QVERIFY(mechanism);
        QCOMPARE(mechanism->name(), name);
    }
}

void TstPlainServer::plain_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("condition");
    const int ok = SaslStep::Success, no = SaslStep::Failure;
    const QString none, denied = u"not-authorized"_s, malformed = u"malformed-request"_s;
    QTest::newRow("right") << QByteArray("\0alice\0wonderland", 17) << ok << none;
    QTest::newRow("capitals fold") << QByteArray("\0ALICE\0wonderland", 17) << ok << none;
    QTest::newRow("non-ASCII") << QByteArray("\0ren\xc3\xa9\0p\xc3\xa4ssword", 16) << ok << none;
    QTest::newRow("authzid = own address")
        << QByteArray("alice@contoso.test\0alice\0wonderland", 35) << ok << none;
    QTest::newRow("authzid = other")
        << QByteArray("bob@contoso.test\0alice\0wonderland", 33) << no << u"invalid-authzid"_s;
    QTest::newRow("wrong password") << QByteArray("\0alice\0wonderlanD", 17) << no << denied;
    QTest::newRow("unknown user") << QByteArray("\0mallory\0wonderland", 19) << no << denied;
    QTest::newRow("bad name") << QByteArray("\0a/b\0wonderland", 15) << no << denied;
    QTest::newRow("name with domain")
        << QByteArray("\0alice@contoso.test\0wonderland", 30) << no << denied;
    QTest::newRow("authzid other, wrong password")
        << QByteArray("bob@contoso.test\0alice\0x", 24) << no << denied;
    QTest::newRow("no NUL") << QByteArray("alice wonderland") << no << malformed;
    QTest::newRow("one NUL") << QByteArray("alice\0wonderland", 16) << no << malformed;
    QTest::newRow("three NULs") << QByteArray("\0alice\0wonder\0land", 18) << no << malformed;
    QTest::newRow("empty password") << QByteArray("\0alice\0", 7) << no << malformed;
    QTest::newRow("empty authcid") << QByteArray("\0\0wonderland", 12) << no << malformed;
    QTest::newRow("invalid utf-8") << QByteArray("\0alice\0\xff\xfe", 9) << no << malformed;
    QTest::newRow("oversized") << "\0alice\0" + QByteArray(4000, 'p') << no << malformed;
}

void TstPlainServer::plain()
{
    QFETCH(QByteArray, message);
    QFETCH(int, kind);
    QFETCH(QString, condition);
    PlainServer server(*m_accounts, u"contoso.test"_s);
    const SaslStep step = server.start(message);
    QCOMPARE(int(step.kind), kind);
    QCOMPARE(step.condition, condition);
    QVERIFY(step.data.isEmpty());
    if (kind == SaslStep::Success)
        QVERIFY(step.username == u"alice"_s || step.username == u"rené"_s);
    else
        QVERIFY(step.username.isEmpty());
}

void TstPlainServer::emptyInitialResponseThenResponse()
{
    PlainServer server(*m_accounts, u"contoso.test"_s);
    const SaslStep challenge = server.start({});
    QCOMPARE(challenge.kind, SaslStep::Challenge);
    QVERIFY(challenge.data.isEmpty());
    const SaslStep done = server.respond(QByteArray("\0alice\0wonderland", 17));
    QCOMPARE(done.kind, SaslStep::Success);
    QCOMPARE(done.username, u"alice"_s);
}

void TstPlainServer::oneAttemptPerObject()
{
    PlainServer server(*m_accounts, u"contoso.test"_s);
    QCOMPARE(server.start(QByteArray("\0alice\0nope", 11)).kind, SaslStep::Failure);
    // A second try on the same exchange is refused even with the right password.
    QCOMPARE(server.respond(QByteArray("\0alice\0wonderland", 17)).kind, SaslStep::Failure);
    PlainServer unstarted(*m_accounts, u"contoso.test"_s);
    QCOMPARE(unstarted.respond(QByteArray("\0alice\0wonderland", 17)).kind, SaslStep::Failure);
}

QTEST_GUILESS_MAIN(TstPlainServer)
#include "tst_plainserver.moc"
