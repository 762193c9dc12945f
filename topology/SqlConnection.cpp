#include "SqlConnection.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

namespace fedgate::topology {

namespace {

QString uniqueConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("fedgate-sql-%1").arg(counter.fetchAndAddRelaxed(1) + 1);
}

// libpq's messages are precise but do not say what to do; map the common
// ones to the next step.
QString postgresHint(const QString &text, const QString &host, int port, const QString &database)
{
    const QString where = QStringLiteral("%1:%2").arg(host).arg(port);
    if (text.contains(QLatin1String("password authentication failed")) ||
        text.contains(QLatin1String("no password supplied")) ||
        text.contains(QLatin1String("authentication failed")))
        return QStringLiteral("Check the user name and password in the URL "
                              "(postgresql://USER:PASSWORD@%1/%2).")
            .arg(where, database);
    if (text.contains(QLatin1String("does not exist")) && text.contains(QLatin1String("database")))
        return QStringLiteral("Create the database first (createdb %1) or fix the database name "
                              "in the URL.")
            .arg(database);
    if (text.contains(QLatin1String("could not translate host name")))
        return QStringLiteral("The host name %1 does not resolve; fix the URL.").arg(host);
    if (text.contains(QLatin1String("Connection refused")) ||
        text.contains(QLatin1String("could not connect")) ||
        text.contains(QLatin1String("timeout expired")) ||
        text.contains(QLatin1String("No route to host")))
        return QStringLiteral("Check that PostgreSQL is running and accepts TCP connections on %1 "
                              "(listen_addresses, port, firewall), or fix the URL.")
            .arg(where);
    return QStringLiteral("Check the URL and that the PostgreSQL server at %1 accepts this user.")
        .arg(where);
}

// The driver's words as one or more sentences, ending with punctuation so
// that the next step can follow. Qt's own prefix ("QPSQL: Unable to
// connect") adds nothing when the database said something.
QString errorText(const QSqlError &error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.driverText().trimmed();
    QStringList sentences;
    for (QString line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        line = line.simplified();
        if (line.isEmpty())
            continue;
        if (!line.endsWith(QLatin1Char('.')) && !line.endsWith(QLatin1Char('?')) &&
            !line.endsWith(QLatin1Char('!')))
            line += QLatin1Char('.');
        sentences << line;
    }
    return sentences.isEmpty() ? QStringLiteral("unknown error.")
                               : sentences.join(QLatin1Char(' '));
}

QString nextStepFor(const QString &option)
{
    return QStringLiteral("Check that the directory exists and that this user may write there, "
                          "or choose another location (%1).")
        .arg(option);
}

} // namespace

Result<QStringList> SqlConnection::integrityProblems(bool full)
{
    if (m_backend != Backend::Sqlite)
        return QStringList();
    // quick_check skips the index-content comparison; both read every page.
    Result<QSqlQuery> q = exec(full ? QStringLiteral("PRAGMA integrity_check(20)")
                                    : QStringLiteral("PRAGMA quick_check(20)"));
    if (!q) {
        // SQLite refuses some damage before the check can even run.
        if (m_lastError.text().contains(QLatin1String("malformed")) ||
            m_lastError.text().contains(QLatin1String("not a database")))
            return QStringList{errorText(m_lastError)};
        return q.error();
    }
    QStringList problems;
    while (q.value().next()) {
        const QString line = q.value().value(0).toString();
        if (line != QLatin1String("ok"))
            problems << line;
    }
    return problems;
}

Error SqlConnection::damagedError(const QString &what, const QString &recovery) const
{
    return Error{QStringLiteral("The %1 at %2 %3. Nothing was written to it. %4")
                     .arg(m_purpose, m_displayLocation, what,
                          recovery.isEmpty()
                              ? QStringLiteral("Move the file aside and choose another location.")
                              : recovery),
                 m_displayLocation};
}

bool SqlConnection::isPostgresUrl(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) ||
           location.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

Result<std::unique_ptr<SqlConnection>>
SqlConnection::open(const QString &location, const QString &purpose, const Options &options)
{
    std::unique_ptr<SqlConnection> c(new SqlConnection);
    c->m_purpose = purpose;
    c->m_connectionName = uniqueConnectionName();

    if (isPostgresUrl(location)) {
        c->m_backend = Backend::Postgres;
        const QUrl url(location, QUrl::StrictMode);
        const QString database = url.path().mid(1);
        const QString host = url.host().isEmpty() ? QStringLiteral("localhost") : url.host();
        const int port = url.port(5432);
        c->m_displayLocation =
            QStringLiteral("postgresql://%1%2:%3/%4")
                .arg(url.userName().isEmpty() ? QString() : url.userName() + QLatin1Char('@'), host)
                .arg(port)
                .arg(database);
        if (!url.isValid() || database.isEmpty() || database.contains(QLatin1Char('/')))
            return Error{QStringLiteral("'%1' is not a usable PostgreSQL URL for the %2. Write it "
                                        "as postgresql://USER:PASSWORD@HOST:PORT/DATABASE.")
                             .arg(c->m_displayLocation, purpose),
                         c->m_displayLocation};
        c->m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), c->m_connectionName);
        if (!c->m_db.isValid())
            return Error{QStringLiteral("Cannot open the %1 at %2: Qt's PostgreSQL driver (QPSQL) "
                                        "is not installed. Install libqt6sql6-psql.")
                             .arg(purpose, c->m_displayLocation),
                         c->m_displayLocation};
        c->m_db.setHostName(host);
        c->m_db.setPort(port);
        c->m_db.setDatabaseName(database);
        c->m_db.setUserName(url.userName());
        c->m_db.setPassword(url.password());
        // Extra libpq parameters (sslmode=require, ...) come as the URL's query.
        QStringList options;
        bool timeoutGiven = false;
        for (const auto &[key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded)) {
            options << key + QLatin1Char('=') + value;
            timeoutGiven = timeoutGiven || key == QLatin1String("connect_timeout");
        }
        // An unreachable server must fail in seconds, not after the TCP
        // timeout, so a mistyped host gets a prompt answer.
        if (!timeoutGiven)
            options << QStringLiteral("connect_timeout=5");
        c->m_db.setConnectOptions(options.join(QLatin1Char(';')));
        if (!c->m_db.open()) {
            const QString text = errorText(c->m_db.lastError());
            return Error{QStringLiteral("Cannot connect to the %1 at %2: %3 %4")
                             .arg(purpose, c->m_displayLocation, text,
                                  postgresHint(text, host, port, database)),
                         c->m_displayLocation};
        }
        // CREATE TABLE IF NOT EXISTS would print a NOTICE on every open.
        QSqlQuery quiet(c->m_db);
        quiet.exec(QStringLiteral("SET client_min_messages TO WARNING"));
        return c;
    }

    // The command-line option that picks this database, for the next step.
    const QString option = purpose.contains(QLatin1String("replica")) ? QStringLiteral("--replica")
                                                                      : QStringLiteral("--store");
    const QFileInfo info(location);
    const QString path = info.absoluteFilePath();
    c->m_displayLocation = path;
    if (info.isDir())
        return Error{QStringLiteral("Cannot open the %1 at %2: it is a directory. Give a file "
                                    "path such as %2/cms.sqlite.")
                         .arg(purpose, path),
                     path};
    const QString dir = info.absolutePath();
    if (!QFileInfo(dir).isDir() && !QDir().mkpath(dir))
        return Error{QStringLiteral("Cannot open the %1 at %2: its directory %3 does not exist "
                                    "and cannot be created. Create it, or choose another "
                                    "location (%4).")
                         .arg(purpose, path, dir, option),
                     path};
    const bool existed = info.exists();
    if (!existed && !options.create)
        return Error{QStringLiteral("There is no %1 at %2: the file does not exist. Check the "
                                    "location (%3).")
                         .arg(purpose, path, option),
                     path};
    // Only a missing file is a new store. An existing file of 0 bytes was
    // truncated (or never written): SQLite would take it for an empty
    // database and the next write would start over, losing what it held.
    if (existed) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error{QStringLiteral("Cannot open the %1 at %2: %3. %4")
                             .arg(purpose, path, file.errorString(), nextStepFor(option)),
                         path};
        QByteArray header = file.read(16);
        // Another process may be creating this store right now (SQLite
        // creates the file at open and writes it at the first statement):
        // give it a moment. A truncated file stays empty.
        for (int wait = 0; header.isEmpty() && wait < kCreationWaitMs; wait += 50) {
            QThread::msleep(50);
            file.seek(0);
            header = file.read(16);
        }
        if (header.isEmpty())
            return c->damagedError(QStringLiteral("is an empty file (0 bytes): the store it held "
                                                  "was truncated, or it was never one, and an "
                                                  "existing file is not taken for a new store"),
                                   options.recovery);
        if (header != QByteArray("SQLite format 3", 16))
            return c->damagedError(QStringLiteral("is not a Fedgate store: the file is not a "
                                                  "database (its first bytes are not SQLite's "
                                                  "header), or its beginning was overwritten"),
                                   options.recovery);
    }
    c->m_createdNow = !existed;
    c->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), c->m_connectionName);
    if (!c->m_db.isValid())
        return Error{QStringLiteral("Cannot open the %1 at %2: Qt's SQLite driver (QSQLITE) is "
                                    "not installed. Install libqt6sql6-sqlite.")
                         .arg(purpose, path),
                     path};
    c->m_db.setDatabaseName(path);
    // Another process may hold the write lock for a moment (publishing);
    // wait for it instead of failing at once.
    c->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
    const QString nextStep = nextStepFor(option);
    if (!c->m_db.open())
        return Error{QStringLiteral("Cannot open the %1 at %2: %3 %4")
                         .arg(purpose, path, errorText(c->m_db.lastError()), nextStep),
                     path};
    // SQLite opens lazily: read once so that a file that is not a database,
    // or a directory we cannot write, is reported now and not at first use.
    QSqlQuery probe(c->m_db);
    if (!probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"))) {
        const QString text = errorText(probe.lastError());
        return Error{
            QStringLiteral("Cannot open the %1 at %2: %3 %4")
                .arg(
                    purpose, path, text,
                    text.contains(QLatin1String("not a database")) ||
                            text.contains(QLatin1String("malformed"))
                        ? QStringLiteral("The file is not a Fedgate database, or is "
                                         "damaged; nothing was written. %1")
                              .arg(options.recovery.isEmpty()
                                       ? QStringLiteral("Choose another location (%1).").arg(option)
                                       : options.recovery)
                        : nextStep),
            path};
    }
    probe.finish();
    if (existed && options.quickCheck) {
        Result<QStringList> problems = c->integrityProblems(false);
        if (!problems)
            return problems.error();
        if (!problems.value().isEmpty())
            return c->damagedError(
                QStringLiteral("is damaged: SQLite's integrity check found %1 problem(s) (%2)")
                    .arg(problems.value().size())
                    .arg(problems.value().first()),
                options.recovery);
    }
    if (!existed) {
        // The store holds the dialback secret: owner-only, like a key file.
        QSqlQuery touch(c->m_db);
        if (!touch.exec(QStringLiteral("PRAGMA user_version = 0")))
            return Error{QStringLiteral("Cannot create the %1 at %2: %3 %4")
                             .arg(purpose, path, errorText(touch.lastError()), nextStep),
                         path};
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    return c;
}

SqlConnection::~SqlConnection()
{
    if (m_inTransaction)
        rollback();
    // The QSqlDatabase handle must be gone before the name is removed, or Qt
    // warns that the connection is still in use.
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Error SqlConnection::makeError(const QString &what, const QSqlError &error) const
{
    QString next;
    if (isBusy(error))
        next = QStringLiteral(" Another process kept the %1 locked for more than %2 s; try again "
                              "when it has finished.")
                   .arg(m_purpose)
                   .arg(kBusyTimeoutMs / 1000);
    else if (m_backend == Backend::Postgres &&
             (error.text().contains(QLatin1String("server closed the connection")) ||
              error.text().contains(QLatin1String("no connection to the server"))))
        next = QStringLiteral(" The connection to PostgreSQL was lost; check the server and try "
                              "again.");
    else if (error.text().contains(QLatin1String("readonly"), Qt::CaseInsensitive) ||
             error.text().contains(QLatin1String("read-only"), Qt::CaseInsensitive))
        next = QStringLiteral(" This user may not write there; fix the permissions or choose "
                              "another location.");
    else if (error.text().contains(QLatin1String("not a database"), Qt::CaseInsensitive))
        next = QStringLiteral(" The file is not a Fedgate database; choose another location.");
    return Error{QStringLiteral("The %1 at %2 failed while %3: %4%5")
                     .arg(m_purpose, m_displayLocation, what, errorText(error), next),
                 m_displayLocation};
}

Result<QSqlQuery> SqlConnection::exec(const QString &sql, const QVariantList &bindings)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    bool ok = false;
    if (bindings.isEmpty()) {
        // Unprepared: PostgreSQL cannot PREPARE DDL or transaction control.
        ok = query.exec(sql);
    } else {
        ok = query.prepare(sql);
        if (ok) {
            for (const QVariant &value : bindings)
                query.addBindValue(value);
            ok = query.exec();
        }
    }
    if (!ok) {
        m_lastError = query.lastError();
        // PostgreSQL aborts the whole transaction on any error; end it now,
        // before the failed prepared statement is freed, or freeing it fails
        // too ("current transaction is aborted").
        if (m_inTransaction && m_backend == Backend::Postgres)
            rollback();
        QString statement = sql.simplified();
        if (statement.size() > 60)
            statement = statement.left(57) + QStringLiteral("...");
        return makeError(QStringLiteral("running \"%1\"").arg(statement), query.lastError());
    }
    return query;
}

Status SqlConnection::execStatus(const QString &sql, const QVariantList &bindings)
{
    Result<QSqlQuery> r = exec(sql, bindings);
    if (!r)
        return r.error();
    return Status::success();
}

Status SqlConnection::begin()
{
    Status s = execStatus(m_backend == Backend::Sqlite ? QStringLiteral("BEGIN IMMEDIATE")
                                                       : QStringLiteral("BEGIN"));
    m_inTransaction = s.ok();
    return s;
}

Status SqlConnection::commit()
{
    Status s = execStatus(QStringLiteral("COMMIT"));
    if (s.ok())
        m_inTransaction = false;
    else
        rollback();
    return s;
}

void SqlConnection::rollback()
{
    if (!m_inTransaction)
        return;
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("ROLLBACK"));
    m_inTransaction = false;
}

bool SqlConnection::isUniqueViolation(const QSqlError &error) const
{
    const QString code = error.nativeErrorCode();
    if (m_backend == Backend::Postgres)
        return code == QLatin1String("23505") ||
               error.text().contains(QLatin1String("duplicate key"));
    // SQLITE_CONSTRAINT (19) or its extended PRIMARYKEY/UNIQUE codes.
    return code == QLatin1String("19") || code == QLatin1String("1555") ||
           code == QLatin1String("2067") ||
           error.text().contains(QLatin1String("UNIQUE constraint failed"));
}

bool SqlConnection::isBusy(const QSqlError &error) const
{
    if (m_backend != Backend::Sqlite)
        return false;
    return error.nativeErrorCode() == QLatin1String("5") ||
           error.nativeErrorCode() == QLatin1String("6") ||
           error.text().contains(QLatin1String("database is locked"));
}

} // namespace fedgate::topology
