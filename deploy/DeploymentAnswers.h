#pragma once

#include "topology/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// The answers of an unattended deployment (`fedgatectl deploy --answers
// FILE`, the wizard's home page): which topology, which machine this is,
// where the certificates come from, the users' passwords and how fedgated
// runs. One JSON file:
//
//   {
//     "topologyFile": "contoso.json",          // or "store": "PATH|postgresql://..."
//     "version": 0,                            // with "store": 0 = latest published
//     "machine": "edge1.contoso.test",         // empty = this host's name
//     "certificates": {                        // or a list of {"usage": ..., ...}
//       "external": {"immediate": true},
//       "internal": {"certificateFile": "int.pem", "keyFile": "int.key",
//                    "chainFile": "chain.pem"},
//       "gateway": {"immediate": true}
//     },
//     "passwordsFile": "contoso-passwords.txt",
//     "serviceArguments": ["--listen", "127.0.0.1:5269"],
//     "startService": true,
//     "roles": ["edge", "gateway"]             // empty = from the machine's place
//   }
//
// Relative paths are resolved from the answers file's folder.
namespace fedgate::deploy {

struct CertificateAnswer
{
    QString usage;          // "external" | "internal" | "gateway"
    bool immediate = false; // request + sign at once with the internal CA (created if missing)
    QString certificateFile, keyFile, chainFile; // or import these PEM files
};

struct DeploymentAnswers
{
    QString topologyFile; // a topology document (JSON) to import into the local replica, or
    QString store;        // a central store location (path or postgresql:// URL) whose latest (or
                          // `version`) is imported
    int version = 0;      // 0 = latest published
    // This machine's FQDN in the topology (edge server and/or front-end pool
    // member); empty = host name, error listing candidates when it matches
    // nothing.
    QString machine;
    QList<CertificateAnswer> certificates; // missing usage = use what is assigned already
    QString passwordsFile;        // "user@domain<TAB or space>password" per line, # comments
    QStringList serviceArguments; // extra fedgated arguments, e.g. loopback listeners
    bool startService = true;
    // The roles this machine runs: "edge" and/or "gateway". Empty = from
    // its place in the topology (an edge server runs the edge, a front-end
    // pool member the gateway). A single-machine deployment such as the
    // bundled example names both for an edge server: the gateway then
    // serves the edge pool's next-hop front-end pool from this machine.
    QStringList roles;

    // The file the answers came from ("" when built in code).
    QString sourceFile;

    // The answer for `usage`, nullptr when the answers say nothing about it.
    const CertificateAnswer *certificate(const QString &usage) const;

    // JSON; relative paths resolved from the file's folder; errors name the
    // key and the file.
    static Result<DeploymentAnswers> fromFile(const QString &path);
    static Result<DeploymentAnswers> fromJson(const QJsonObject &object,
                                              const QString &baseDirectory);
    QJsonObject toJson() const;

private:
    static Result<DeploymentAnswers> parse(const QJsonObject &object, const QString &baseDirectory,
                                           const QString &label);
};

// One line of a passwords file.
struct PasswordEntry
{
    QString user; // "alice@contoso.test"
    QString password;
};

// "user@domain<TAB or space>password" per line; blank lines and lines
// starting with '#' are skipped. An error names the file and line.
Result<QList<PasswordEntry>> readPasswordsFile(const QString &path);

} // namespace fedgate::deploy
