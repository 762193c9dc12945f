#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

// The deployment's troubleshooting checklist, automated (`fedgatectl check`,
// the wizard's "Verify" step), as `prosodyctl check` does it for Prosody: the
// seed's list an administrator used to walk by hand (service running, local
// replica current, route assigned, listeners on 5269 and 23456, internal link
// established, certificates, DNS records, each partner reachable), each
// problem a sentence with its fix. A check whose prerequisite failed is
// NotChecked with a detail saying why, never Pass.
namespace fedgate::deploy {

enum class CheckStatus
{
    Pass,
    Fail,
    Warning,
    NotChecked
};

// "pass", "fail", "warning", "not-checked" (the JSON spelling).
QString toString(CheckStatus status);

struct CheckFinding
{
    QString problem; // a sentence: what is wrong
    QString fix;     // a sentence naming the next step (only commands that exist)
};

struct CheckResult
{
    // "service", "replica", "route", "listeners", "link", "certificates",
    // "dns", "partners"
    QString id;
    QString title; // "Service running", ...
    CheckStatus status = CheckStatus::NotChecked;
    QString detail; // one line: what was seen, or why it was not checked
    QList<CheckFinding> findings;
};

struct CheckOptions
{
    // The deployment's data directory (local replica, key store, control
    // socket, pid file); empty = topology::Paths' default, as fedgatectl.
    QString dataDirectory;
    // "addr[:port]" for the DNS check; empty = the resolver `fedgatectl dns
    // check` uses by default.
    QString dnsServer;
    int pingTimeoutMs = 10000;
    QStringList only; // ids to run; empty = all
};

class Checklist
{
public:
    using Progress = std::function<void(const CheckResult &)>;

    // The ids in the order they run.
    static QStringList checkIds();

    // Runs the checks (blocking; callers put it on a worker thread). Progress
    // is called, on the calling thread, as each check finishes.
    static QList<CheckResult> run(const CheckOptions &options, const Progress &progress = {});

    // True when no result is Fail or NotChecked (Warnings allowed).
    static bool allPassed(const QList<CheckResult> &results);

    // {"passed": bool, "checks": [{"id", "title", "status", "detail",
    //   "findings": [{"problem", "fix"}]}]}
    static QJsonObject toJson(const QList<CheckResult> &results);
};

} // namespace fedgate::deploy
