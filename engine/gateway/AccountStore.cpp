#include "AccountStore.h"

#include "GatewayDatabase.h"
#include "engine/sasl/ScramPrimitives.h"
#include "topology/SqlConnection.h"

#include <QDateTime>

#include <openssl/rand.h>

#include <spdlog/spdlog.h>

namespace fedgate::engine {

namespace {
const QString kComponent = QStringLiteral("accounts");

struct Columns
{
    QString salt, iterations, storedKey, serverKey;
};

Columns columnsFor(QCryptographicHash::Algorithm algorithm)
{
    const QString p =
        algorithm == QCryptographicHash::Sha1 ? QStringLiteral("sha1_") : QStringLiteral("sha256_");
    return {p + QStringLiteral("salt"), p + QStringLiteral("iterations"),
            p + QStringLiteral("stored_key"), p + QStringLiteral("server_key")};
}

QByteArray randomSalt()
{
    QByteArray salt(AccountStore::kSaltBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(salt.data()), int(salt.size())) != 1)
        return {};
    return salt;
}

Error accountError(const QString &message)
{
    return Error{message, QString(), 0, 0};
}

Status requireUserAddress(const Jid &bare)
{
    if (bare.isBare() && !bare.localpart().isEmpty())
        return Status::success();
    return accountError(
        QStringLiteral("'%1' is not a user address: accounts are bare addresses such "
                       "as alice@contoso.test (no resource).")
            .arg(bare.toString()));
}
} // namespace

AccountStore::AccountStore(GatewayDatabase &database)
    : m_db(database)
{}

Result<std::unique_ptr<AccountStore>> AccountStore::open(GatewayDatabase &database)
{
    // Keys and salts are base64 text: the same column type on SQLite and
    // PostgreSQL.
    const QStringList tables{
        QStringLiteral("CREATE TABLE IF NOT EXISTS gateway_accounts ("
                       "jid VARCHAR(3100) PRIMARY KEY, "
                       "sha1_salt TEXT NOT NULL, sha1_iterations INTEGER NOT NULL, "
                       "sha1_stored_key TEXT NOT NULL, sha1_server_key TEXT NOT NULL, "
                       "sha256_salt TEXT NOT NULL, sha256_iterations INTEGER NOT NULL, "
                       "sha256_stored_key TEXT NOT NULL, sha256_server_key TEXT NOT NULL, "
                       "updated_at TEXT NOT NULL)")};
    if (Status s = database.ensureTables(kComponent, kSchemaVersion, tables); !s)
        return s.error();
    return std::unique_ptr<AccountStore>(new AccountStore(database));
}

Status AccountStore::setPassword(const Jid &bare, const QString &password, int iterations)
{
    if (Status s = requireUserAddress(bare); !s)
        return s;
    if (password.isEmpty())
        return accountError(
            QStringLiteral("The password for %1 is empty; choose a non-empty password.")
                .arg(bare.toString()));
    if (scram::preparePassword(password).size() > kMaxPasswordBytes)
        return accountError(QStringLiteral("The password for %1 is longer than %2 bytes; choose a "
                                           "shorter one.")
                                .arg(bare.toString())
                                .arg(kMaxPasswordBytes));
    if (iterations < kDefaultIterations)
        return accountError(QStringLiteral("%1 SCRAM iterations is too few; use at least %2.")
                                .arg(iterations)
                                .arg(kDefaultIterations));
    const QByteArray salt1 = randomSalt();
    const QByteArray salt256 = randomSalt();
    if (salt1.isEmpty() || salt256.isEmpty())
        return accountError(
            QStringLiteral("The system's random number generator failed; the password "
                           "for %1 was not changed.")
                .arg(bare.toString()));
    const ScramCredentials c1 =
        scram::deriveCredentials(QCryptographicHash::Sha1, password, salt1, iterations);
    const ScramCredentials c256 =
        scram::deriveCredentials(QCryptographicHash::Sha256, password, salt256, iterations);
    const auto b64 = [](const QByteArray &b) { return QString::fromLatin1(b.toBase64()); };
    return m_db.connection().execStatus(
        QStringLiteral("INSERT INTO gateway_accounts (jid, sha1_salt, sha1_iterations, "
                       "sha1_stored_key, sha1_server_key, sha256_salt, sha256_iterations, "
                       "sha256_stored_key, sha256_server_key, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (jid) DO UPDATE SET "
                       "sha1_salt = excluded.sha1_salt, "
                       "sha1_iterations = excluded.sha1_iterations, "
                       "sha1_stored_key = excluded.sha1_stored_key, "
                       "sha1_server_key = excluded.sha1_server_key, "
                       "sha256_salt = excluded.sha256_salt, "
                       "sha256_iterations = excluded.sha256_iterations, "
                       "sha256_stored_key = excluded.sha256_stored_key, "
                       "sha256_server_key = excluded.sha256_server_key, "
                       "updated_at = excluded.updated_at"),
        {bare.toString(), b64(c1.salt), c1.iterations, b64(c1.storedKey), b64(c1.serverKey),
         b64(c256.salt), c256.iterations, b64(c256.storedKey), b64(c256.serverKey),
         QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
}

Status AccountStore::removeAccount(const Jid &bare)
{
    if (Status s = requireUserAddress(bare); !s)
        return s;
    return m_db.connection().execStatus(
        QStringLiteral("DELETE FROM gateway_accounts WHERE jid = ?"), {bare.toString()});
}

Result<bool> AccountStore::hasPassword(const Jid &bare)
{
    Result<QSqlQuery> q = m_db.connection().exec(
        QStringLiteral("SELECT 1 FROM gateway_accounts WHERE jid = ?"), {bare.toString()});
    if (!q)
        return q.error();
    return q.value().next();
}

Result<QList<Jid>> AccountStore::accountsWithPassword()
{
    Result<QSqlQuery> q =
        m_db.connection().exec(QStringLiteral("SELECT jid FROM gateway_accounts ORDER BY jid"));
    if (!q)
        return q.error();
    QList<Jid> out;
    while (q.value().next())
        if (const Jid jid = Jid::fromString(q.value().value(0).toString()); jid.isValid())
            out << jid;
    return out;
}

std::optional<ScramCredentials>
AccountStore::scramCredentials(const Jid &bare, QCryptographicHash::Algorithm algorithm)
{
    if (algorithm != QCryptographicHash::Sha1 && algorithm != QCryptographicHash::Sha256)
        return std::nullopt;
    if (!bare.isBare() || bare.localpart().isEmpty())
        return std::nullopt;
    const Columns c = columnsFor(algorithm);
    Result<QSqlQuery> q = m_db.connection().exec(
        QStringLiteral("SELECT %1, %2, %3, %4 FROM gateway_accounts WHERE jid = ?")
            .arg(c.salt, c.iterations, c.storedKey, c.serverKey),
        {bare.toString()});
    if (!q) {
        spdlog::error("account store: {}", q.error().message.toStdString());
        return std::nullopt;
    }
    if (!q.value().next())
        return std::nullopt;
    ScramCredentials out;
    out.salt = QByteArray::fromBase64(q.value().value(0).toString().toLatin1());
    out.iterations = q.value().value(1).toInt();
    out.storedKey = QByteArray::fromBase64(q.value().value(2).toString().toLatin1());
    out.serverKey = QByteArray::fromBase64(q.value().value(3).toString().toLatin1());
    if (out.salt.isEmpty() || out.iterations < 1 || out.storedKey.isEmpty() ||
        out.serverKey.isEmpty()) {
        spdlog::error("account store {}: the credentials of {} are damaged; set the password "
                      "again (fedgatectl user password {})",
                      m_db.location().toStdString(), bare.toString().toStdString(),
                      bare.toString().toStdString());
        return std::nullopt;
    }
    return out;
}

bool AccountStore::checkPlainPassword(const Jid &bare, const QString &password)
{
    const auto algorithm = QCryptographicHash::Sha256;
    const std::optional<ScramCredentials> stored = scramCredentials(bare, algorithm);
    // An unknown user takes the same derivation, so the answer's timing does
    // not tell whether the account exists.
    const ScramCredentials reference =
        stored ? *stored
               : ScramCredentials{QByteArrayLiteral("fedgate-no-such-account"), kDefaultIterations,
                                  QByteArray(32, '\0'), QByteArray()};
    const bool tooLong = scram::preparePassword(password).size() > kMaxPasswordBytes;
    const ScramCredentials attempt = scram::deriveCredentials(
        algorithm, tooLong ? QString() : password, reference.salt, reference.iterations);
    const bool same = scram::constantTimeEquals(attempt.storedKey, reference.storedKey);
    return stored.has_value() && !tooLong && !password.isEmpty() && same;
}

} // namespace fedgate::engine
