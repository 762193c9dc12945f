// TopologyAuthenticator: only the published topology's users are accounts. A
// password left in the account store for an address the topology does not
// name (or no longer names after a reload) logs nobody in, by PLAIN or
// SCRAM, and that refusal looks exactly like an unknown user's.
#include "ScramTestClient.h"
#include "engine/gateway/AccountStore.h"
#include "engine/gateway/GatewayDatabase.h"
#include "engine/gateway/TopologyAuthenticator.h"
#include "engine/sasl/ScramServer.h"
#include "topology/Topology.h"

#include <QTemporaryDir>
#include <QTest>

using namespace fedgate;
using namespace fedgate::engine;
using fedgate::test::ScramTestClient;
using namespace Qt::StringLiterals;

namespace {
topology::Topology withUsers(const QStringList &addresses)
{
    topology::Topology t;
    for (const QString &a : addresses) {
        topology::User u;
        u.xmppAddress = a;
        t.users << u;
    }
    return t;
}

SaslStep scramLogin(Authenticator &auth, const QByteArray &user, const QByteArray &password,
                    QByteArray *serverFirst = nullptr)
{
    ScramServer server(QCryptographicHash::Sha256, auth, u"contoso.test"_s);
    ScramTestClient client(QCryptographicHash::Sha256, user, password, "nonce");
    const SaslStep first = server.start(client.clientFirst());
    if (serverFirst)
        *serverFirst = first.data;
    return server.respond(client.clientFinal(first.data));
}
} // namespace

class TstTopologyAuthenticator : public QObject
{
    Q_OBJECT

private slots:
    void onlyTopologyUsersLogIn();

private:
    QTemporaryDir m_dir;
};

void TstTopologyAuthenticator::onlyTopologyUsersLogIn()
{
    auto db = GatewayDatabase::open(m_dir.filePath(u"gateway.db"_s));
    QVERIFY(db);
    auto accounts = AccountStore::open(*db.value());
    QVERIFY(accounts);
    AccountStore &store = *accounts.value();
    QVERIFY(store.setPassword(Jid::fromString(u"alice@contoso.test"), u"alice-pw"_s));
    QVERIFY(store.setPassword(Jid::fromString(u"gone@contoso.test"), u"gone-pw"_s));

    TopologyAuthenticator auth(store);
    auth.setUsers(withUsers({u"Alice@Contoso.test"_s, u"bob@contoso.test"_s, u"not valid"_s}));
    QCOMPARE(auth.userCount(), 2);
    QVERIFY(auth.isUser(Jid::fromString(u"alice@contoso.test")));

    QVERIFY(auth.checkPlainPassword(Jid::fromString(u"alice@contoso.test"), u"alice-pw"_s));
    QVERIFY(!auth.checkPlainPassword(Jid::fromString(u"gone@contoso.test"), u"gone-pw"_s));
    QVERIFY(
        !auth.scramCredentials(Jid::fromString(u"gone@contoso.test"), QCryptographicHash::Sha256));
    QCOMPARE(scramLogin(auth, "alice", "alice-pw").kind, SaslStep::Success);

    // Not in the topology: the same failure, with a challenge of the same
    // shape (salt size, iterations) as a real account's.
    QByteArray realFirst, goneFirst;
    scramLogin(auth, "alice", "wrong", &realFirst);
    const SaslStep gone = scramLogin(auth, "gone", "gone-pw", &goneFirst);
    QCOMPARE(gone.kind, SaslStep::Failure);
    QCOMPARE(gone.condition, u"not-authorized"_s);
    QCOMPARE(goneFirst.split(',').at(1).size(), realFirst.split(',').at(1).size());
    QCOMPARE(goneFirst.split(',').at(2), realFirst.split(',').at(2));

    // A reload that removes alice ends her logins; bob, added, has no
    // password yet.
    auth.setUsers(withUsers({u"bob@contoso.test"_s}));
    QVERIFY(!auth.checkPlainPassword(Jid::fromString(u"alice@contoso.test"), u"alice-pw"_s));
    QCOMPARE(scramLogin(auth, "alice", "alice-pw").kind, SaslStep::Failure);
    QCOMPARE(scramLogin(auth, "bob", "").kind, SaslStep::Failure);

    // The same with a predicate over the gateway's own topology.
    bool aliceListed = true;
    TopologyAuthenticator byPredicate(store, [&](const Jid &bare) {
        return aliceListed && bare == Jid::fromString(u"alice@contoso.test");
    });
    QCOMPARE(scramLogin(byPredicate, "alice", "alice-pw").kind, SaslStep::Success);
    QVERIFY(!byPredicate.checkPlainPassword(Jid::fromString(u"gone@contoso.test"), u"gone-pw"_s));
    aliceListed = false;
    QVERIFY(!byPredicate.checkPlainPassword(Jid::fromString(u"alice@contoso.test"), u"alice-pw"_s));
}

QTEST_GUILESS_MAIN(TstTopologyAuthenticator)
#include "tst_topologyauthenticator.moc"
