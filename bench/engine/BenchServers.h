#pragma once

#include "support/ProsodyServer.h"
#include "support/TestCa.h"

#include <QHostAddress>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// The servers the benches compare, started fresh for each measured block on
// their own loopback addresses with throw-away directories: for bench_s2s,
// fedgated from the build tree as the edge alone (contoso.test on
// 127.0.0.160) and Prosody 0.12 (fabrikam.test on 127.0.0.161, warn-level
// log). Both know the generator's domains at 127.0.0.162 (fedgated through
// --host, Prosody through its hosts file) and accept them as partners:
// dialback on plain streams, SASL EXTERNAL (the generator's certificate names
// all its domains) or dialback after STARTTLS. fedgated --role all, for the
// client workloads, is in C2sServers.h; Prosody serves both (ProsodySetup).
namespace fedgate::topology {
struct Topology;
}

namespace fedgate::bench {

struct ProcessSample
{
    double cpuSeconds = 0; // utime + stime
    double rssKiB = 0;
};

// /proc/PID/stat and /proc/PID/status; pid 0 = this process.
ProcessSample sampleProcess(qint64 pid);
// Entries in /proc/PID/fd (sockets included).
int openFileCount(qint64 pid);
// Raises this process's open-file limit (soft and hard) to `limit`.
void raiseFileLimit(long limit);
// The Lua interpreter running `prosody --config CONFIG` (runuser's child).
qint64 prosodyPid(const QString &configPath);

inline const QString kGeneratorAddress = QStringLiteral("127.0.0.162");

class ServerUnderTest
{
public:
    virtual ~ServerUnderTest() = default;
    virtual QString name() const = 0;
    virtual QString domain() const = 0;
    virtual QHostAddress address() const = 0;                        // federation, port 5269
    virtual QHostAddress clientAddress() const { return address(); } // port 5222
    virtual bool start(QString *error) = 0; // a fresh instance (stops the old one)
    virtual void stop() = 0;
    virtual qint64 pid() const = 0; // the server process itself
    virtual QString version() const = 0;
};

class BenchEnvironment
{
public:
    // `generatorDomains`: the partner domains the generator plays; `users`
    // get an account with `password` on the servers that host clients.
    bool create(const QStringList &generatorDomains, QString *error, const QStringList &users = {},
                const QString &password = {});
    const QStringList &generatorDomains() const { return m_domains; }
    const QStringList &users() const { return m_users; }
    const QString &password() const { return m_password; }
    const fedgate::test::TestCa &ca() const { return m_ca; }
    fedgate::test::TestCa::Leaf leaf(const QString &name) const { return m_leaves.value(name); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    fedgate::test::TestCa m_ca;
    QHash<QString, fedgate::test::TestCa::Leaf> m_leaves;
    QStringList m_domains;
    QStringList m_users;
    QString m_password;
};

// A fedgated process of this build tree: started with its arguments, its
// output in a file, stopped with SIGTERM (SIGKILL after 5 s).
class FedgatedProcess : public ServerUnderTest
{
public:
    explicit FedgatedProcess(QString executable)
        : m_executable(std::move(executable))
    {}
    ~FedgatedProcess() override { stop(); }
    QString name() const override { return QStringLiteral("fedgated"); }
    qint64 pid() const override { return m_process ? m_process->processId() : 0; }
    QString version() const override;
    void stop() override;

protected:
    // Starts it (stopping the old one) and waits until `address`:`port`
    // accepts connections; *error carries the end of its output otherwise.
    bool launch(const QStringList &args, const QString &outputPath, const QHostAddress &address,
                quint16 port, QString *error);
    const QString &executable() const { return m_executable; }

private:
    QString m_executable;
    std::unique_ptr<QProcess> m_process;
};

// The generator's domains as federated partners (dialback, optional TLS and
// SASL, no connection limit to speak of) in `t`, and the --host arguments
// that send fedgated to `generatorAddress` for them.
void addGeneratorPartners(topology::Topology &t, const QStringList &domains);
QStringList hostArguments(const QStringList &domains, const QString &generatorAddress);

// Where Prosody (fabrikam.test) listens, and where the generator's domains
// are (empty: it knows none). It registers the environment's users.
struct ProsodySetup
{
    QHostAddress address = QHostAddress(QStringLiteral("127.0.0.161")); // 5222 and 5269
    QString generatorAddress = kGeneratorAddress;
};

// sessionLoops 0: fedgated's default (one per core) as "fedgated" on
// 127.0.0.160; N (1-9): --session-loops N as "fedgated-loopsN" on 127.0.0.18N.
std::unique_ptr<ServerUnderTest> makeFedgated(const BenchEnvironment &env,
                                              const QString &executable, int sessionLoops = 0);
std::unique_ptr<ServerUnderTest> makeProsody(const BenchEnvironment &env,
                                             const ProsodySetup &setup = {});

} // namespace fedgate::bench
