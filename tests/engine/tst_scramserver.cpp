// ScramServer, SCRAM-SHA-1 and SCRAM-SHA-256 server side: the exchanges of
// RFC 5802 section 5 and RFC 7677 section 3 reproduced byte for byte, full
// exchanges with a client written from the RFC against the real account
// store, a wrong password and an unknown user ending identically in
// not-authorized (unknown users get a stable fake salt), saslname escapes,
// authzid, and strict refusal of malformed or oversized client messages.
#include "ScramTestClient.h"
#include "engine/gateway/AccountStore.h"
#include "engine/gateway/GatewayDatabase.h"
#include "engine/sasl/ScramPrimitives.h"
#include "engine/sasl/ScramServer.h"

#include <QTemporaryDir>
#include <QTest>

using namespace fedgate;
using namespace fedgate::engine;
using fedgate::test::ScramTestClient;
using namespace Qt::StringLiterals;

namespace {
constexpr auto kSha1 = QCryptographicHash::Sha1;
constexpr auto kSha256 = QCryptographicHash::Sha256;

// The RFCs' user: "user" with password "pencil" and the salt of the example.
class RfcExampleAuthenticator : public Authenticator
{
public:
    std::optional<ScramCredentials> scramCredentials(const Jid &bare,
                                                     QCryptographicHash::Algorithm a) override
    {
        if (bare.toString() != u"user@example.com"_s)
            return std::nullopt;
        const QByteArray salt =
            QByteArray::fromBase64(a == kSha1 ? "QSXCR+Q6sek8bf92" : "W22ZaJ0SNY7soEsUEjb6gQ==");
        return scram::deriveCredentials(a, u"pencil"_s, salt, 4096);
    }
    bool checkPlainPassword(const Jid &, const QString &) override { return false; }
};
} // namespace

class TstScramServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rfc5802Example();
    void rfc7677Example();
    void fullExchangeWithAccountStore_data();
    void fullExchangeWithAccountStore();
    void wrongPasswordAndUnknownUserLookAlike();
    void emptyInitialResponse();
    void saslnameEscapes();
    void authzid();
    void malformedClientFirst_data();
    void malformedClientFirst();
    void malformedClientFinal_data();
    void malformedClientFinal();
    void nothingAfterTheEnd();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<GatewayDatabase> m_db;
    std::unique_ptr<AccountStore> m_accounts;
    RfcExampleAuthenticator m_rfc;
};

void TstScramServer::initTestCase()
{
    auto db = GatewayDatabase::open(m_dir.filePath(u"gateway.db"_s));
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    m_db = std::move(db).value();
    m_accounts = std::move(AccountStore::open(*m_db)).value();
    QVERIFY(m_accounts->setPassword(Jid::fromString(u"alice@contoso.test"), u"wonderland"_s));
    QVERIFY(m_accounts->setPassword(Jid::fromString(u"a,b=c@contoso.test"), u"escaped"_s));
}

void TstScramServer::rfc5802Example()
{
    ScramServer server(kSha1, m_rfc, u"example.com"_s);
    QCOMPARE(server.name(), u"SCRAM-SHA-1"_s);
    server.setServerNonce("3rfcNHYJY1ZVvWVs7j");
    const SaslStep first = server.start("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL");
    QCOMPARE(first.kind, SaslStep::Challenge);
    QCOMPARE(first.data, "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096");
    const SaslStep final = server.respond(
        "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=");
    QCOMPARE(final.kind, SaslStep::Success);
    QCOMPARE(final.data, "v=rmF9pqV8S7suAoZWja4dJRkFsKQ=");
    QCOMPARE(final.username, u"user"_s);
}

void TstScramServer::rfc7677Example()
{
    ScramServer server(kSha256, m_rfc, u"example.com"_s);
    QCOMPARE(server.name(), u"SCRAM-SHA-256"_s);
    server.setServerNonce("%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0");
    const SaslStep first = server.start("n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
    QCOMPARE(first.kind, SaslStep::Challenge);
    QCOMPARE(first.data, "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                         "s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
    const SaslStep final =
        server.respond("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                       "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
    QCOMPARE(final.kind, SaslStep::Success);
    QCOMPARE(final.data, "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    QCOMPARE(final.username, u"user"_s);
}

void TstScramServer::fullExchangeWithAccountStore_data()
{
    QTest::addColumn<int>("algorithm");
    QTest::addColumn<QByteArray>("user");
    QTest::newRow("SHA-1") << int(kSha1) << QByteArray("alice");
    QTest::newRow("SHA-256") << int(kSha256) << QByteArray("alice");
    QTest::newRow("SHA-256, name in capitals") << int(kSha256) << QByteArray("ALICE");
}

void TstScramServer::fullExchangeWithAccountStore()
{
    QFETCH(int, algorithm);
    QFETCH(QByteArray, user);
    const auto a = QCryptographicHash::Algorithm(algorithm);
    ScramServer server(a, *m_accounts, u"contoso.test"_s);
    ScramTestClient client(a, user, "wonderland", "clientnonce123");
    const SaslStep first = server.start(client.clientFirst());
    QCOMPARE(first.kind, SaslStep::Challenge);
    QVERIFY(first.data.startsWith("r=clientnonce123"));
    QVERIFY(first.data.size() > QByteArray("r=clientnonce123").size() + 20); // server's part
    const QByteArray final = client.clientFinal(first.data);
    QVERIFY(!final.isEmpty());
    QCOMPARE(client.iterations(), AccountStore::kDefaultIterations);
    const SaslStep done = server.respond(final);
    QCOMPARE(done.kind, SaslStep::Success);
    QCOMPARE(done.username, u"alice"_s);
    QCOMPARE(done.data, client.expectedServerFinal()); // the server proved it knows the key
    // Two exchanges never share a server nonce.
    ScramServer again(a, *m_accounts, u"contoso.test"_s);
    QVERIFY(again.start(client.clientFirst()).data != first.data);
}

void TstScramServer::wrongPasswordAndUnknownUserLookAlike()
{
    const auto attempt = [this](const QByteArray &user, const QByteArray &password,
                                QByteArray *serverFirst) {
        ScramServer server(kSha256, *m_accounts, u"contoso.test"_s);
        server.setServerNonce("fixedservernonce");
        ScramTestClient client(kSha256, user, password, "cn");
        const SaslStep first = server.start(client.clientFirst());
        *serverFirst = first.data;
        if (first.kind != SaslStep::Challenge)
            return first;
        return server.respond(client.clientFinal(first.data));
    };
    QByteArray known, unknown, unknownAgain, otherUnknown, badName;
    const SaslStep wrong = attempt("alice", "not the password", &known);
    const SaslStep nobody = attempt("mallory", "wonderland", &unknown);
    attempt("mallory", "something else", &unknownAgain);
    attempt("trudy", "x", &otherUnknown);
    const SaslStep invalid = attempt("bad:name", "x", &badName);
    for (const SaslStep &s : {wrong, nobody, invalid}) {
        QCOMPARE(s.kind, SaslStep::Failure);
        QCOMPARE(s.condition, u"not-authorized"_s);
        QVERIFY(s.data.isEmpty());
        QVERIFY(s.username.isEmpty());
    }
    // The unknown user's challenge has the shape of a real one: a salt of
    // the same size, the same iterations, stable across attempts (so asking
    // twice does not reveal that it is invented) and different per name.
    const auto saltOf = [](const QByteArray &serverFirst) { return serverFirst.split(',').at(1); };
    const auto iterationsOf = [](const QByteArray &serverFirst) {
        return serverFirst.split(',').at(2);
    };
    QCOMPARE(saltOf(unknown).size(), saltOf(known).size());
    QCOMPARE(iterationsOf(unknown), iterationsOf(known));
    QCOMPARE(saltOf(unknown), saltOf(unknownAgain));
    QVERIFY(saltOf(unknown) != saltOf(otherUnknown));
    QCOMPARE(iterationsOf(badName), iterationsOf(known));
}

void TstScramServer::emptyInitialResponse()
{
    ScramServer server(kSha1, *m_accounts, u"contoso.test"_s);
    const SaslStep empty = server.start({});
    QCOMPARE(empty.kind, SaslStep::Challenge);
    QVERIFY(empty.data.isEmpty());
    ScramTestClient client(kSha1, "alice", "wonderland", "abc");
    const SaslStep first = server.respond(client.clientFirst());
    QCOMPARE(first.kind, SaslStep::Challenge);
    QCOMPARE(server.respond(client.clientFinal(first.data)).kind, SaslStep::Success);
}

void TstScramServer::saslnameEscapes()
{
    ScramServer server(kSha256, *m_accounts, u"contoso.test"_s);
    ScramTestClient client(kSha256, "a=2Cb=3Dc", "escaped", "nonce");
    const SaslStep first = server.start(client.clientFirst());
    QCOMPARE(first.kind, SaslStep::Challenge);
    const SaslStep done = server.respond(client.clientFinal(first.data));
    QCOMPARE(done.kind, SaslStep::Success);
    QCOMPARE(done.username, u"a,b=c"_s);
}

void TstScramServer::authzid()
{
    {
        ScramServer server(kSha256, *m_accounts, u"contoso.test"_s);
        ScramTestClient client(kSha256, "alice", "wonderland", "n1", "n,a=Alice@contoso.test,");
        const SaslStep first = server.start(client.clientFirst());
        QCOMPARE(server.respond(client.clientFinal(first.data)).kind, SaslStep::Success);
    }
    {
        ScramServer server(kSha256, *m_accounts, u"contoso.test"_s);
        ScramTestClient client(kSha256, "alice", "wonderland", "n1", "n,a=bob@contoso.test,");
        const SaslStep first = server.start(client.clientFirst());
        const SaslStep done = server.respond(client.clientFinal(first.data));
        QCOMPARE(done.kind, SaslStep::Failure);
        QCOMPARE(done.condition, u"invalid-authzid"_s);
    }
    {
        // "y": the client could bind but sees no -PLUS offered; accepted.
        ScramServer server(kSha1, *m_accounts, u"contoso.test"_s);
        ScramTestClient client(kSha1, "alice", "wonderland", "n2", "y,,");
        const SaslStep first = server.start(client.clientFirst());
        QCOMPARE(server.respond(client.clientFinal(first.data)).kind, SaslStep::Success);
    }
}

void TstScramServer::malformedClientFirst_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("channel binding") << QByteArray("p=tls-unique,,n=alice,r=abc");
    QTest::newRow("unknown flag") << QByteArray("x,,n=alice,r=abc");
    QTest::newRow("no gs2 header") << QByteArray("n=alice,r=abc");
    QTest::newRow("mandatory extension") << QByteArray("n,,m=ext,n=alice,r=abc");
    QTest::newRow("no nonce") << QByteArray("n,,n=alice");
    QTest::newRow("empty nonce") << QByteArray("n,,n=alice,r=");
    QTest::newRow("control char in nonce") << QByteArray("n,,n=alice,r=a\x01"
                                                         "b");
    QTest::newRow("bad escape") << QByteArray("n,,n=al=2Xice,r=abc");
    QTest::newRow("truncated escape") << QByteArray("n,,n=alice=2,r=abc");
    QTest::newRow("invalid utf-8 name") << QByteArray("n,,n=\xff\xfe,r=abc");
    QTest::newRow("bad authzid") << QByteArray("n,x=foo,n=alice,r=abc");
    QTest::newRow("oversized") << "n,,n=alice,r=" + QByteArray(5000, 'a');
    QTest::newRow("oversized nonce") << "n,,n=alice,r=" + QByteArray(600, 'a');
    QTest::newRow("empty") << QByteArray(",");
}

void TstScramServer::malformedClientFirst()
{
    QFETCH(QByteArray, message);
    ScramServer server(kSha256, *m_accounts, u"contoso.test"_s);
    const SaslStep step = server.start(message);
    QCOMPARE(step.kind, SaslStep::Failure);
    QCOMPARE(step.condition, u"malformed-request"_s);
}

void TstScramServer::malformedClientFinal_data()
{
    QTest::addColumn<QByteArray>("transform"); // how the good final message is broken
    QTest::addColumn<QString>("condition");
    QTest::newRow("other nonce") << QByteArray("nonce") << u"not-authorized"_s;
    QTest::newRow("other binding") << QByteArray("binding") << u"not-authorized"_s;
    QTest::newRow("proof not base64") << QByteArray("proof") << u"malformed-request"_s;
    QTest::newRow("short proof") << QByteArray("shortproof") << u"not-authorized"_s;
    QTest::newRow("no proof") << QByteArray("noproof") << u"malformed-request"_s;
    QTest::newRow("oversized") << QByteArray("oversized") << u"malformed-request"_s;
}

void TstScramServer::malformedClientFinal()
{
    QFETCH(QByteArray, transform);
    QFETCH(QString, condition);
    ScramServer server(kSha256, *m_accounts, u"contoso.test"_s);
    ScramTestClient client(kSha256, "alice", "wonderland", "cn");
    const SaslStep first = server.start(client.clientFirst());
    QByteArray final = client.clientFinal(first.data);
    const qsizetype p = final.indexOf(",p=");
    if (transform == "nonce")
        final.replace(",r=cn", ",r=cX");
    else if (transform == "binding")
        final.replace("c=biws", "c=eSws"); // "y,,"
    else if (transform == "proof")
        final = final.left(p) + ",p=!!!not base64!!!";
    else if (transform == "shortproof")
        final = final.left(p) + ",p=AAAA";
    else if (transform == "noproof")
        final = final.left(p);
    else if (transform == "oversized")
        final = final.left(p) + ",x=" + QByteArray(5000, 'a') + final.mid(p);
    const SaslStep done = server.respond(final);
    QCOMPARE(done.kind, SaslStep::Failure);
    QCOMPARE(done.condition, condition);
}

void TstScramServer::nothingAfterTheEnd()
{
    ScramServer server(kSha256, *m_accounts, u"contoso.test"_s);
    ScramTestClient client(kSha256, "alice", "wonderland", "cn");
    const SaslStep first = server.start(client.clientFirst());
    const QByteArray final = client.clientFinal(first.data);
    QCOMPARE(server.respond(final).kind, SaslStep::Success);
    // Replaying the final message, or starting over, on the same object fails.
    QCOMPARE(server.respond(final).kind, SaslStep::Failure);
    QCOMPARE(server.start(client.clientFirst()).kind, SaslStep::Failure);
    // A failed exchange stays failed even if the right final message follows.
    ScramServer failed(kSha256, *m_accounts, u"contoso.test"_s);
    QCOMPARE(failed.respond("c=biws").kind, SaslStep::Failure);
}

QTEST_GUILESS_MAIN(TstScramServer)
#include "tst_scramserver.moc"
