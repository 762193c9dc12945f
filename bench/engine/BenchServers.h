#pragma once

#include "support/ProsodyServer.h"
#include "support/TestCa.h"

#include <QHostAddress>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// The two servers bench_s2s compares, started fresh for each measured block
// on their own loopback addresses with throw-away directories: fedgated from
// the build tree (contoso.test on 127.0.0.160) and Prosody 0.12
// (fabrikam.test on 127.0.0.161, warn-level log). Both know the generator's
// domains at 127.0.0.162 (fedgated through --host, Prosody through its hosts
// file) and accept them as partners: dialback on plain streams, SASL
// EXTERNAL (the generator's certificate names all its domains) or dialback
// after STARTTLS.
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
    virtual QHostAddress address() const = 0;
    virtual bool start(QString *error) = 0; // a fresh instance (stops the old one)
    virtual void stop() = 0;
    virtual qint64 pid() const = 0; // the server process itself
    virtual QString version() const = 0;
};

class BenchEnvironment
{
public:
    // `generatorDomains`: the partner domains the generator plays.
    bool create(const QStringList &generatorDomains, QString *error);
    const QStringList &generatorDomains() const { return m_domains; }
    const fedgate::test::TestCa &ca() const { return m_ca; }
    fedgate::test::TestCa::Leaf leaf(const QString &name) const { return m_leaves.value(name); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    fedgate::test::TestCa m_ca;
    QHash<QString, fedgate::test::TestCa::Leaf> m_leaves;
    QStringList m_domains;
};

std::unique_ptr<ServerUnderTest> makeFedgated(const BenchEnvironment &env,
                                              const QString &executable);
std::unique_ptr<ServerUnderTest> makeProsody(const BenchEnvironment &env);

} // namespace fedgate::bench
