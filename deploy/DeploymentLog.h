#pragma once

#include "topology/Result.h"

#include <QString>
#include <QStringList>

// The deployment's log (<data>/deploy.log), the one the wizard's "View Log"
// opens: one "2026-11-29T13:40:00Z [step] text" line per event, appended.
namespace fedgate::deploy {

struct DeploymentLog
{
    static QString path(const QString &dataDirectory); // <data>/deploy.log
    static Status append(const QString &dataDirectory, const QString &step, const QString &line);
    // All lines, or one step's lines (without a log: an empty list).
    static Result<QStringList> read(const QString &dataDirectory, const QString &step = {});
};

} // namespace fedgate::deploy
