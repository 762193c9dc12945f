// AccountStore, the gateway's account secrets: credentials for SCRAM-SHA-1
// and SCRAM-SHA-256 derived at setPassword with a random salt and 4096
// iterations (checked against Qt's own PBKDF2, QPasswordDigestor), the
// password never written to the store, PLAIN checked against the stored
// credentials, a new password replacing the old, removal, persistence across
// reopening, and refusals of bad input.
#include "engine/gateway/AccountStore.h"
#include "engine/gateway/GatewayDatabase.h"
#include "engine/sasl/ScramPrimitives.h"

#include <QFile>
#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QTemporaryDir>
#include <QTest>

using namespace fedgate;
using namespace fedgate::engine;
using namespace Qt::StringLiterals;

namespace {
const QString kPassword = QStringLiteral("correct horse battery staple");

Jid alice()
{
    return Jid::fromString(u"alice@contoso.test");
}

// RFC 5802 StoredKey from Qt's PBKDF2, independent of the store's OpenSSL.
QByteArray expectedStoredKey(QCryptographicHash::Algorithm algorithm, const QString &password,
                             const QByteArray &salt, int iterations)
{
    const int length = algorithm == QCryptographicHash::Sha1 ? 20 : 32;
    const QByteArray salted =
        QPasswordDigestor::deriveKeyPbkdf2(algorithm, password.toUtf8(), salt, iterations, length);
    return QCryptographicHash::hash(
        QMessageAuthenticationCode::hash("Client Key", salted, algorithm), algorithm);
}
} // namespace

class TstAccountStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void credentialsFollowRfc5802();
    void passwordIsNeverStored();
    void plainPasswordCheck();
    void newPasswordReplacesOld();
    void removeAccount();
    void survivesReopening();
    void refusesBadInput();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<GatewayDatabase> m_db;
    std::unique_ptr<AccountStore> m_store;
    QString path() const { return m_dir->filePath(QStringLiteral("gateway.db")); }
    void openStore();
};

void TstAccountStore::openStore()
{
    m_store.reset();
    m_db.reset();
    auto db = GatewayDatabase::open(path());
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    m_db = std::move(db).value();
    auto store = AccountStore::open(*m_db);
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    m_store = std::move(store).value();
}

void TstAccountStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    openStore();
}

void TstAccountStore::cleanup()
{
    m_store.reset();
    m_db.reset();
    m_dir.reset();
}

void TstAccountStore::credentialsFollowRfc5802()
{
    QVERIFY(!m_store->scramCredentials(alice(), QCryptographicHash::Sha256));
    QVERIFY(m_store->setPassword(alice(), kPassword));
    QVERIFY(m_store->hasPassword(alice()).value());
    const auto c1 = m_store->scramCredentials(alice(), QCryptographicHash::Sha1);
    const auto c256 = m_store->scramCredentials(alice(), QCryptographicHash::Sha256);
    QVERIFY(c1 && c256);
    QCOMPARE(c1->iterations, AccountStore::kDefaultIterations);
    QCOMPARE(c256->iterations, AccountStore::kDefaultIterations);
    QCOMPARE(c1->salt.size(), AccountStore::kSaltBytes);
    QVERIFY(c1->salt != c256->salt);
    QCOMPARE(c1->storedKey,
             expectedStoredKey(QCryptographicHash::Sha1, kPassword, c1->salt, c1->iterations));
    QCOMPARE(c256->storedKey, expectedStoredKey(QCryptographicHash::Sha256, kPassword, c256->salt,
                                                c256->iterations));
    QCOMPARE(c256->serverKey.size(), 32);
    QCOMPARE(c1->serverKey.size(), 20);
    // Any other algorithm is not ours to answer.
    QVERIFY(!m_store->scramCredentials(alice(), QCryptographicHash::Md5));
    // Two users with one password get different salts and keys.
    const Jid bob = Jid::fromString(u"bob@contoso.test");
    QVERIFY(m_store->setPassword(bob, kPassword));
    QVERIFY(m_store->scramCredentials(bob, QCryptographicHash::Sha256)->storedKey !=
            c256->storedKey);
}

void TstAccountStore::passwordIsNeverStored()
{
    const QString secret = QStringLiteral("UniqueSecret-4711-xyzzy");
    QVERIFY(m_store->setPassword(alice(), secret));
    m_store.reset();
    m_db.reset();
    QFile file(path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.contains("alice@contoso.test"));
    const QByteArray utf16(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2);
    for (const QByteArray &form : QList<QByteArray>{secret.toUtf8(), secret.toUtf8().toBase64(),
                                                    secret.toUtf8().toHex(), utf16})
        QVERIFY2(!bytes.contains(form), form.constData());
}

void TstAccountStore::plainPasswordCheck()
{
    QVERIFY(m_store->setPassword(alice(), kPassword));
    QVERIFY(m_store->checkPlainPassword(alice(), kPassword));
    QVERIFY(!m_store->checkPlainPassword(alice(), kPassword + QLatin1Char(' ')));
    QVERIFY(!m_store->checkPlainPassword(alice(), QString()));
    QVERIFY(!m_store->checkPlainPassword(Jid::fromString(u"mallory@contoso.test"), kPassword));
    QVERIFY(!m_store->checkPlainPassword(alice().withResource(u"r"_s), kPassword));
    // A password longer than any we store is refused without hashing it.
    QVERIFY(!m_store->checkPlainPassword(alice(), QString(100000, QLatin1Char('p'))));
    // Compatibility forms (SASLprep maps them, so do we): fullwidth digits.
    QVERIFY(m_store->setPassword(alice(), QStringLiteral("pass123")));
    QVERIFY(m_store->checkPlainPassword(alice(), QStringLiteral("pass１２３")));
}

void TstAccountStore::newPasswordReplacesOld()
{
    QVERIFY(m_store->setPassword(alice(), kPassword));
    const auto before = m_store->scramCredentials(alice(), QCryptographicHash::Sha256);
    QVERIFY(m_store->setPassword(alice(), QStringLiteral("another one"), 5000));
    const auto after = m_store->scramCredentials(alice(), QCryptographicHash::Sha256);
    QVERIFY(before && after);
    QVERIFY(before->salt != after->salt);
    QCOMPARE(after->iterations, 5000);
    QVERIFY(!m_store->checkPlainPassword(alice(), kPassword));
    QVERIFY(m_store->checkPlainPassword(alice(), QStringLiteral("another one")));
    QCOMPARE(m_store->accountsWithPassword().value().size(), 1);
}

void TstAccountStore::removeAccount()
{
    QVERIFY(m_store->setPassword(alice(), kPassword));
    QVERIFY(m_store->removeAccount(alice()));
    QVERIFY(!m_store->hasPassword(alice()).value());
    QVERIFY(!m_store->scramCredentials(alice(), QCryptographicHash::Sha1));
    QVERIFY(!m_store->checkPlainPassword(alice(), kPassword));
    QVERIFY(m_store->removeAccount(alice())); // nothing left: still fine
}

void TstAccountStore::survivesReopening()
{
    QVERIFY(m_store->setPassword(Jid::fromString(u"Zed@Contoso.test"), kPassword));
    QVERIFY(m_store->setPassword(alice(), kPassword));
    openStore();
    const QList<Jid> accounts = m_store->accountsWithPassword().value();
    QCOMPARE(accounts.size(), 2);
    QCOMPARE(accounts.at(0), alice());
    QCOMPARE(accounts.at(1).toString(), u"zed@contoso.test"_s);
    QVERIFY(m_store->checkPlainPassword(Jid::fromString(u"zed@contoso.test"), kPassword));
}

void TstAccountStore::refusesBadInput()
{
    Status s = m_store->setPassword(alice(), QString());
    QVERIFY(!s);
    QVERIFY2(s.error().message.contains(u"empty"_s), qPrintable(s.error().message));
    s = m_store->setPassword(alice(), kPassword, 1000);
    QVERIFY(!s);
    QVERIFY2(s.error().message.contains(u"4096"_s), qPrintable(s.error().message));
    s = m_store->setPassword(alice().withResource(u"phone"_s), kPassword);
    QVERIFY(!s);
    QVERIFY2(s.error().message.contains(u"not a user address"_s), qPrintable(s.error().message));
    s = m_store->setPassword(Jid::fromString(u"contoso.test"), kPassword);
    QVERIFY(!s);
    s = m_store->setPassword(alice(), QString(2000, QLatin1Char('x')));
    QVERIFY(!s);
    QVERIFY2(s.error().message.contains(u"1023"_s), qPrintable(s.error().message));
    QVERIFY(m_store->accountsWithPassword().value().isEmpty());
}

QTEST_GUILESS_MAIN(TstAccountStore)
#include "tst_accountstore.moc"
