#pragma once

#include "support/ProsodyServer.h"
#include "support/TestCa.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// The two servers bench_c2s compares, each started fresh for a measured
// block with throw-away directories and the same accounts: fedgated --role
// all (contoso.test; clients and the internal link on 127.0.0.90, federation
// on 127.0.0.91; the accounts set with 'fedgatectl user password' in its
// gateway.db) and Prosody 0.12 (fabrikam.test on 127.0.0.92, warn-level log,
// accounts registered with prosodyctl). Both offer STARTTLS with a
// certificate of the bench's own CA and SASL PLAIN over TLS.
namespace fedgate::bench {

inline const QString kClientSource = QStringLiteral("127.0.0.93");

class ChatServer
{
public:
    virtual ~ChatServer() = default;
    virtual QString name() const = 0;
    virtual QString domain() const = 0;
    virtual QString address() const = 0;    // the client port 5222 listens here
    virtual bool start(QString *error) = 0; // a fresh instance (stops the old one)
    virtual void stop() = 0;
    virtual qint64 pid() const = 0;
    virtual QString version() const = 0;
};

class ChatEnvironment
{
public:
    // A CA and the certificates of both servers; `users` get `password` on both.
    bool create(const QStringList &users, const QString &password, QString *error);
    const QStringList &users() const { return m_users; }
    const QString &password() const { return m_password; }
    const fedgate::test::TestCa &ca() const { return m_ca; }
    fedgate::test::TestCa::Leaf leaf(const QString &name) const { return m_leaves.value(name); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    fedgate::test::TestCa m_ca;
    QHash<QString, fedgate::test::TestCa::Leaf> m_leaves;
    QStringList m_users;
    QString m_password;
};

std::unique_ptr<ChatServer> makeFedgatedAll(const ChatEnvironment &env, const QString &executable);
std::unique_ptr<ChatServer> makeProsodyChat(const ChatEnvironment &env);

} // namespace fedgate::bench
