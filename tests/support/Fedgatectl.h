#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

// Runs the built fedgatectl as a user would, with its own data directory
// (FEDGATE_DATA_DIR), and keeps what it printed.
namespace fedgate::test {

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonValue json() const; // stdout parsed as JSON (Undefined if not JSON)
    QJsonObject object() const { return json().toObject(); }
    QString text() const; // stdout + stderr, for failure messages
};

CliResult runFedgatectl(const QStringList &args, const QString &dataDir, int timeoutMs = 60000);

} // namespace fedgate::test
