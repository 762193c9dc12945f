#pragma once

#include "topology/Topology.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

// Shared by the certificate tests: the topology they request names from, the
// openssl command line tool, and a two-level CA (root + intermediate) that
// signs requests the way an outside CA would.
namespace fedgate::test {

// Organisation contoso.test; SIP domains contoso.test and fabrikam.test; XMPP
// domain contoso.test; one site with edge pool edge.contoso.test (external
// access.contoso.test), members edge1/edge2.contoso.test (external
// access1/access2.contoso.test).
topology::Topology certificateTestTopology();

struct CommandResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs `program` with `args` (30 s at most), stdout and stderr kept apart.
CommandResult runProgram(const QString &program, const QStringList &args,
                         const QByteArray &input = {}, int timeoutMs = 30000);
CommandResult openssl(const QStringList &args);

QByteArray readBytes(const QString &path);
bool writeBytes(const QString &path, const QByteArray &data);
// Relative path -> content of every file under `dir`.
QMap<QString, QByteArray> snapshot(const QString &dir);

class TestPki
{
public:
    // Creates root.pem/root.key and int.pem/int.key (EC P-256) in `dir`.
    bool create(const QString &dir, QString *error);
    // Signs a CSR with the intermediate, copying the request's extensions.
    bool sign(const QString &csrPath, const QString &outPath, int days, QString *error) const;
    QString rootPath() const { return m_dir + QStringLiteral("/root.pem"); }
    QString intermediatePath() const { return m_dir + QStringLiteral("/int.pem"); }

private:
    QString m_dir;
};

} // namespace fedgate::test
