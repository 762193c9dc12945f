#pragma once

#include "ListenerStatus.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// What a deployment would do on this machine, computed from the answers and
// the data directory's state without changing anything (the dry run): the
// roles and listeners this machine runs, and each action with whether it is
// still to do, already done, or blocked (then the reason says what to do).
namespace fedgate::deploy {

enum class DeployActionState
{
    Pending,
    UpToDate,
    Blocked
};

// "Pending", "UpToDate", "Blocked".
QString toString(DeployActionState state);

struct DeployAction
{
    // Stable: "replica", "ca", "cert:external", "cert:internal",
    // "cert:gateway", "password:alice@contoso.test", "service-config",
    // "unit" (the systemd unit, ServiceUnit.h), "service".
    QString id;
    // The wizard home step it belongs to: "replica", "certificates", "users",
    // "components", "service".
    QString step;
    QString description; // "Import topology version 3 into the local replica"
    DeployActionState state = DeployActionState::Pending;
    // Why Pending ("replica has version 2, store has 3") / UpToDate
    // ("already at version 3") / Blocked (what to do).
    QString reason;

    QJsonObject toJson() const;
};

struct DeploymentPlan
{
    QString dataDirectory;
    QString machine;
    QStringList roles; // "edge", "gateway"
    int topologyVersion = 0;
    QList<ExpectedListener> listeners; // what this machine should show (ListenerStatus.h)
    QList<DeployAction> actions;

    bool changesNothing() const; // every action UpToDate
    bool blocked() const;        // at least one action Blocked
    // The action with `id`, nullptr when the plan has none.
    const DeployAction *action(const QString &id) const;
    QJsonObject toJson() const;
};

// {"local": "127.0.0.1:5269", "purpose": ..., "expectEstablished": ...}
QJsonObject toJson(const ExpectedListener &listener);

} // namespace fedgate::deploy
